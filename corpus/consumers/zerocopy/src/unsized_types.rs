//! Dynamically sized types: KnownLayout, FromBytes, IntoBytes, Immutable and SplitAt on structs
//! whose last field is a slice.

use zerocopy::{FromBytes, FromZeros, Immutable, IntoBytes, KnownLayout, SplitAt, Unaligned};

/// A length-prefixed packet with a trailing byte slice.
#[derive(Debug, FromBytes, IntoBytes, Immutable, KnownLayout, Unaligned, SplitAt)]
#[repr(C)]
pub struct Packet {
    length: u8,
    kind: u8,
    body: [u8],
}

/// A trailing slice of multi-byte elements after an aligned header.
#[derive(FromBytes, Immutable, KnownLayout, SplitAt)]
#[repr(C)]
pub struct Table {
    count: u32,
    entries: [u32],
}

/// Dynamically padded: the header is 4-byte aligned, elements are 2 bytes.
#[derive(FromZeros, Immutable, KnownLayout, SplitAt)]
#[repr(C)]
pub struct Records {
    flag: bool,
    id: u32,
    items: [u16],
}

/// A generic DST whose trailing slice element is a type parameter.
#[derive(FromBytes, IntoBytes, Immutable, KnownLayout, Unaligned, SplitAt)]
#[repr(C)]
pub struct Slice<T> {
    head: u8,
    tail: [T],
}

/// KnownLayout on a sized struct, used for `size_of` through its layout.
#[derive(KnownLayout, FromBytes, Immutable)]
#[repr(C)]
pub struct Fixed {
    a: u64,
    b: [u8; 8],
}

#[cfg(test)]
mod tests {
    use super::*;
    use zerocopy::TryFromBytes;

    #[test]
    fn dst_ref_from_bytes() {
        let bytes = [3u8, 7, 10, 20, 30, 40, 50];
        let p = Packet::ref_from_bytes(&bytes[..]).unwrap();
        assert_eq!((p.length, p.kind), (3, 7));
        assert_eq!(&p.body, &[10, 20, 30, 40, 50]);
        assert_eq!(p.as_bytes(), &bytes);
        let (p2, rest) = Packet::ref_from_prefix_with_elems(&bytes[..], 2).unwrap();
        assert_eq!((&p2.body, rest), (&[10u8, 20][..], &[30u8, 40, 50][..]));
        assert!(Packet::ref_from_bytes(&bytes[..1]).is_err());
    }

    #[test]
    fn dst_split_at() {
        let bytes = [3u8, 1, 10, 20, 30, 40, 50];
        let p = Packet::ref_from_bytes(&bytes[..]).unwrap();
        let (head, rest) = p.split_at(p.length as usize).unwrap().via_immutable();
        assert_eq!(&head.body, &[10, 20, 30]);
        assert_eq!(rest, &[40, 50]);
        assert!(p.split_at(6).is_none());
        let (head, rest) = p.split_at(1).unwrap().via_no_dynamic_padding();
        assert_eq!((head.body.len(), rest.len()), (1, 4));
    }

    #[test]
    fn dst_mutation() {
        let mut bytes = [2u8, 0, 1, 2];
        let p = Packet::mut_from_bytes(&mut bytes[..]).unwrap();
        p.body[1] = 9;
        p.kind = 4;
        assert_eq!(bytes, [2, 4, 1, 9]);
    }

    #[test]
    fn dst_aligned_elements() {
        #[repr(C, align(4))]
        struct Buf([u8; 12]);
        let mut raw = [0u8; 12];
        raw[..4].copy_from_slice(&2u32.to_ne_bytes());
        raw[4..8].copy_from_slice(&100u32.to_ne_bytes());
        raw[8..].copy_from_slice(&200u32.to_ne_bytes());
        let buf = Buf(raw);
        let t = Table::ref_from_bytes(&buf.0[..]).unwrap();
        assert_eq!((t.count, &t.entries), (2, &[100u32, 200][..]));
        let (first, rest) = t.split_at(1).unwrap().via_immutable();
        assert_eq!((&first.entries, rest), (&[100u32][..], &[200u32][..]));
        assert!(Table::ref_from_bytes(&buf.0[..10]).is_err());
    }

    #[test]
    fn dst_try_from_bytes_with_padding() {
        #[repr(C, align(4))]
        struct Buf([u8; 12]);
        let mut raw = [0u8; 12];
        raw[0] = 1;
        raw[4..8].copy_from_slice(&5u32.to_ne_bytes());
        raw[8..10].copy_from_slice(&7u16.to_ne_bytes());
        let buf = Buf(raw);
        let r = Records::try_ref_from_bytes(&buf.0[..]).unwrap();
        assert!(r.flag);
        assert_eq!((r.id, &r.items), (5, &[7u16, 0][..]));
        // Splitting after one element would let the left part's trailing padding overlap the
        // right part, so the runtime check refuses it; after both elements it succeeds.
        assert!(r.split_at(1).unwrap().via_runtime_check().is_err());
        let (left, right) = r.split_at(2).unwrap().via_runtime_check().ok().unwrap();
        assert_eq!((left.items.len(), right.len()), (2, 0));
        let mut bad = Buf([0; 12]);
        bad.0[0] = 3;
        assert!(Records::try_ref_from_bytes(&bad.0[..]).is_err());
    }

    #[test]
    fn generic_dst() {
        let bytes = [1u8, 2, 3];
        let s = Slice::<u8>::ref_from_bytes(&bytes[..]).unwrap();
        assert_eq!((s.head, &s.tail), (1, &[2u8, 3][..]));
        let (l, r) = s.split_at(1).unwrap().via_into_bytes();
        assert_eq!((&l.tail, r), (&[2u8][..], &[3u8][..]));
    }

    #[test]
    fn sized_known_layout() {
        let f = Fixed::read_from_bytes(&[0u8; 16]).unwrap();
        assert_eq!((f.a, f.b), (0, [0; 8]));
        assert_eq!(core::mem::size_of::<Fixed>(), 16);
    }
}
