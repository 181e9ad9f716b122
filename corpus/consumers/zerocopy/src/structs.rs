//! Structs and unions: FromZeros, FromBytes, IntoBytes, Immutable, KnownLayout, Unaligned,
//! TryFromBytes, ByteEq and ByteHash.

use zerocopy::byteorder::{BigEndian, LittleEndian, U16, U32};
use zerocopy::{
    ByteEq, ByteHash, FromBytes, FromZeros, Immutable, IntoBytes, KnownLayout, TryFromBytes, Unaligned,
};

/// repr(C) without padding: every derive that reads and writes bytes.
#[derive(Debug, PartialEq, FromBytes, IntoBytes, Immutable, KnownLayout)]
#[repr(C)]
pub struct Header {
    kind: u16,
    flags: u16,
    length: u32,
}

/// repr(C, packed): no padding and no alignment.
#[derive(Debug, FromBytes, IntoBytes, Immutable, KnownLayout, Unaligned)]
#[repr(C, packed)]
pub struct Packed {
    tag: u8,
    value: u32,
}

/// repr(packed(2)) changes only alignment; still FromBytes.
#[derive(Debug, FromBytes, Immutable, KnownLayout)]
#[repr(C, packed(2))]
pub struct PackedTwo {
    a: u8,
    b: u32,
}

/// Byte-order-aware fields are Unaligned, so repr(C) of them is Unaligned too.
#[derive(Debug, PartialEq, FromBytes, IntoBytes, Immutable, KnownLayout, Unaligned)]
#[repr(C)]
pub struct WireHeader {
    magic: [u8; 2],
    length: U16<BigEndian>,
    checksum: U32<LittleEndian>,
}

/// repr(transparent) generic wrapper: bounds on T are added per trait.
#[derive(Debug, PartialEq, FromBytes, IntoBytes, Immutable, KnownLayout, Unaligned)]
#[repr(transparent)]
pub struct Wrapper<T>(T);

/// repr(C) generic struct whose fields are all `T` or `[T; N]`, with a where-clause.
#[derive(Debug, PartialEq, FromBytes, IntoBytes, Immutable, KnownLayout)]
#[repr(C)]
pub struct Triple<T>
where
    T: Copy,
{
    first: T,
    rest: [T; 2],
}

/// A lifetime parameter with a PhantomData field: zero-sized fields are fine.
#[derive(FromZeros, Immutable, KnownLayout)]
#[repr(C)]
pub struct Tagged<'a> {
    id: u32,
    marker: core::marker::PhantomData<&'a ()>,
}

/// repr(align(N)) on a type with no padding.
#[derive(Debug, FromBytes, IntoBytes, Immutable, KnownLayout)]
#[repr(C, align(8))]
pub struct Aligned {
    words: [u32; 2],
}

/// TryFromBytes on a struct with fields that have invalid bit patterns (bool, char).
#[derive(Debug, PartialEq, TryFromBytes, IntoBytes, Immutable, KnownLayout)]
#[repr(C)]
pub struct Checked {
    code: char,
    enabled: bool,
    level: u8,
    spare: u16,
}

/// FromZeros (but not FromBytes) because of the bool.
#[derive(Debug, PartialEq, FromZeros)]
pub struct Flags {
    on: bool,
    count: u64,
}

/// ByteEq / ByteHash compare and hash the raw bytes.
#[derive(Debug, Clone, Copy, ByteEq, ByteHash, IntoBytes, Immutable, FromBytes)]
#[repr(C)]
pub struct Point {
    x: i32,
    y: i32,
}

/// Unions: FromZeros, FromBytes, TryFromBytes, Immutable, KnownLayout and Unaligned.
#[derive(FromBytes, Immutable, KnownLayout)]
#[repr(C)]
pub union Word {
    int: u32,
    bytes: [u8; 4],
}

#[derive(TryFromBytes, Immutable, KnownLayout, Unaligned)]
#[repr(C)]
pub union FlagOrByte {
    flag: bool,
    byte: u8,
}

#[derive(FromZeros, Unaligned, Immutable)]
#[repr(packed)]
pub union PackedUnion {
    a: u16,
    b: [u8; 2],
}

/// `#[zerocopy(crate = "...")]` for a re-exported zerocopy.
pub mod reexport {
    pub use zerocopy;
}

#[derive(Debug, PartialEq, FromBytes, IntoBytes, Immutable, KnownLayout)]
#[zerocopy(crate = "crate::structs::reexport::zerocopy")]
#[repr(C)]
pub struct ViaReexport {
    v: u16,
}

#[cfg(test)]
mod tests {
    use super::*;
    use core::hash::{Hash, Hasher};
    use std::collections::hash_map::DefaultHasher;

    #[test]
    fn from_zeros_struct() {
        assert_eq!(Header::new_zeroed(), Header { kind: 0, flags: 0, length: 0 });
        assert_eq!(Flags::new_zeroed(), Flags { on: false, count: 0 });
        let mut h = Header { kind: 1, flags: 2, length: 3 };
        h.zero();
        assert_eq!(h, Header::new_zeroed());
        let t = Tagged::new_zeroed();
        assert_eq!(t.id, 0);
    }

    #[test]
    fn from_bytes_and_into_bytes_round_trip() {
        let h = Header { kind: 0x0102, flags: 0x0304, length: 0x0506_0708 };
        let bytes = h.as_bytes().to_vec();
        assert_eq!(bytes.len(), 8);
        assert_eq!(Header::read_from_bytes(&bytes).unwrap(), h);
        let (prefix, rest) = Header::read_from_prefix(&[0u8; 10]).unwrap();
        assert_eq!((prefix, rest.len()), (Header::new_zeroed(), 2));
        assert!(Header::read_from_bytes(&bytes[..7]).is_err());
    }

    #[test]
    fn immutable_ref_from_bytes() {
        #[repr(align(4))]
        struct Buf([u8; 8]);
        let buf = Buf([1, 0, 2, 0, 3, 0, 0, 0]);
        let h = Header::ref_from_bytes(&buf.0[..]).unwrap();
        assert_eq!((h.kind, h.flags, h.length), (u16::from_ne_bytes([1, 0]), u16::from_ne_bytes([2, 0]), u32::from_ne_bytes([3, 0, 0, 0])));
        assert!(Header::ref_from_bytes(&buf.0[1..]).is_err());
    }

    #[test]
    fn packed_and_unaligned() {
        let bytes = [7u8, 1, 0, 0, 0];
        let p = Packed::ref_from_bytes(&bytes[..]).unwrap();
        let value = p.value;
        assert_eq!((p.tag, value), (7, u32::from_ne_bytes([1, 0, 0, 0])));
        assert_eq!(p.as_bytes(), &bytes);
        assert_eq!(core::mem::align_of::<Packed>(), 1);
        let odd = [0u8, 7, 1, 0, 0, 0];
        assert!(Packed::ref_from_bytes(&odd[1..]).is_ok());
        assert_eq!(core::mem::size_of::<PackedTwo>(), 6);
        let two = PackedTwo::read_from_bytes(&[1, 0, 2, 0, 0, 0]).unwrap();
        assert_eq!(two.a, 1);
    }

    #[test]
    fn byteorder_fields() {
        let bytes = [b'Z', b'C', 0x01, 0x02, 0x04, 0x03, 0x02, 0x01];
        let w = WireHeader::ref_from_bytes(&bytes[..]).unwrap();
        assert_eq!(w.magic, *b"ZC");
        assert_eq!(w.length.get(), 0x0102);
        assert_eq!(w.checksum.get(), 0x0102_0304);
        assert_eq!(w.as_bytes(), &bytes);
    }

    #[test]
    fn transparent_generic_wrapper() {
        let w = Wrapper::<u32>::read_from_bytes(&7u32.to_ne_bytes()).unwrap();
        assert_eq!(w, Wrapper(7));
        assert_eq!(Wrapper(0x0102u16).as_bytes(), &0x0102u16.to_ne_bytes());
        assert_eq!(Wrapper::<[u8; 3]>::new_zeroed(), Wrapper([0; 3]));
        let u = Wrapper::<u8>::ref_from_bytes(&[9u8][..]).unwrap();
        assert_eq!(u.0, 9);
        fn unaligned<T: Unaligned>() {}
        unaligned::<Wrapper<u8>>();
    }

    #[test]
    fn generic_repr_c_struct() {
        let t = Triple { first: 1u16, rest: [2, 3] };
        assert_eq!(t.as_bytes().len(), 6);
        assert_eq!(Triple::<u16>::read_from_bytes(t.as_bytes()).unwrap(), t);
    }

    #[test]
    fn aligned_struct() {
        assert_eq!(core::mem::align_of::<Aligned>(), 8);
        let a = Aligned::read_from_bytes(&[1, 0, 0, 0, 2, 0, 0, 0]).unwrap();
        assert_eq!(a.words, [u32::from_ne_bytes([1, 0, 0, 0]), u32::from_ne_bytes([2, 0, 0, 0])]);
    }

    #[test]
    fn try_from_bytes_struct() {
        let good = Checked { code: 'A', enabled: true, level: 3, spare: 0 };
        let bytes = good.as_bytes().to_vec();
        assert_eq!(Checked::try_read_from_bytes(&bytes).unwrap(), good);
        let mut bad_bool = bytes.clone();
        bad_bool[4] = 2;
        assert!(Checked::try_read_from_bytes(&bad_bool).is_err());
        let mut bad_char = bytes.clone();
        bad_char[..4].copy_from_slice(&0xD800u32.to_ne_bytes());
        assert!(Checked::try_read_from_bytes(&bad_char).is_err());
        assert!(Checked::try_read_from_bytes(&bytes[..4]).is_err());
    }

    #[test]
    fn byte_eq_and_byte_hash() {
        let a = Point { x: 1, y: -1 };
        let b = Point { x: 1, y: -1 };
        let c = Point { x: 2, y: -1 };
        assert!(a == b);
        assert!(a != c);
        let hash = |p: &Point| {
            let mut h = DefaultHasher::new();
            p.hash(&mut h);
            h.finish()
        };
        assert_eq!(hash(&a), hash(&b));
        let mut direct = DefaultHasher::new();
        direct.write(a.as_bytes());
        assert_eq!(hash(&a), direct.finish());
        let mut slice_hash = DefaultHasher::new();
        Point::hash_slice(&[a, c], &mut slice_hash);
        let mut slice_direct = DefaultHasher::new();
        slice_direct.write([a, c].as_bytes());
        assert_eq!(slice_hash.finish(), slice_direct.finish());
    }

    #[test]
    fn unions() {
        let w = Word::read_from_bytes(&[1, 2, 3, 4]).unwrap();
        assert_eq!(unsafe { w.bytes }, [1, 2, 3, 4]);
        assert_eq!(unsafe { Word::new_zeroed().int }, 0);
        assert!(FlagOrByte::try_ref_from_bytes(&[1u8][..]).is_ok());
        assert!(FlagOrByte::try_ref_from_bytes(&[200u8][..]).is_ok());
        assert_eq!(core::mem::align_of::<PackedUnion>(), 1);
        assert_eq!(unsafe { PackedUnion::new_zeroed().b }, [0, 0]);
    }

    #[test]
    fn crate_path_option() {
        let v = ViaReexport::read_from_bytes(&[5, 0]).unwrap();
        assert_eq!(v, ViaReexport { v: u16::from_ne_bytes([5, 0]) });
        assert_eq!(v.as_bytes(), &[5, 0]);
    }
}
