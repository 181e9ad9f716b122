//! Enums: the representations each derive accepts, fieldless and with data.

use zerocopy::{FromBytes, FromZeros, Immutable, IntoBytes, KnownLayout, TryFromBytes, Unaligned};
use zerocopy::{ByteEq, ByteHash};

/// A repr(u8) enum that uses all 256 discriminants is FromBytes.
#[derive(Debug, PartialEq, Clone, Copy, FromBytes, IntoBytes, Immutable, KnownLayout, Unaligned)]
#[repr(u8)]
pub enum Byte {
    V00, V01, V02, V03, V04, V05, V06, V07, V08, V09, V0A, V0B, V0C, V0D, V0E, V0F,
    V10, V11, V12, V13, V14, V15, V16, V17, V18, V19, V1A, V1B, V1C, V1D, V1E, V1F,
    V20, V21, V22, V23, V24, V25, V26, V27, V28, V29, V2A, V2B, V2C, V2D, V2E, V2F,
    V30, V31, V32, V33, V34, V35, V36, V37, V38, V39, V3A, V3B, V3C, V3D, V3E, V3F,
    V40, V41, V42, V43, V44, V45, V46, V47, V48, V49, V4A, V4B, V4C, V4D, V4E, V4F,
    V50, V51, V52, V53, V54, V55, V56, V57, V58, V59, V5A, V5B, V5C, V5D, V5E, V5F,
    V60, V61, V62, V63, V64, V65, V66, V67, V68, V69, V6A, V6B, V6C, V6D, V6E, V6F,
    V70, V71, V72, V73, V74, V75, V76, V77, V78, V79, V7A, V7B, V7C, V7D, V7E, V7F,
    V80, V81, V82, V83, V84, V85, V86, V87, V88, V89, V8A, V8B, V8C, V8D, V8E, V8F,
    V90, V91, V92, V93, V94, V95, V96, V97, V98, V99, V9A, V9B, V9C, V9D, V9E, V9F,
    VA0, VA1, VA2, VA3, VA4, VA5, VA6, VA7, VA8, VA9, VAA, VAB, VAC, VAD, VAE, VAF,
    VB0, VB1, VB2, VB3, VB4, VB5, VB6, VB7, VB8, VB9, VBA, VBB, VBC, VBD, VBE, VBF,
    VC0, VC1, VC2, VC3, VC4, VC5, VC6, VC7, VC8, VC9, VCA, VCB, VCC, VCD, VCE, VCF,
    VD0, VD1, VD2, VD3, VD4, VD5, VD6, VD7, VD8, VD9, VDA, VDB, VDC, VDD, VDE, VDF,
    VE0, VE1, VE2, VE3, VE4, VE5, VE6, VE7, VE8, VE9, VEA, VEB, VEC, VED, VEE, VEF,
    VF0, VF1, VF2, VF3, VF4, VF5, VF6, VF7, VF8, VF9, VFA, VFB, VFC, VFD, VFE, VFF,
}

/// Fieldless repr(u8) enum: FromZeros (it has a zero discriminant; implies TryFromBytes),
/// IntoBytes, Unaligned.
#[derive(Debug, PartialEq, FromZeros, IntoBytes, Immutable, KnownLayout, Unaligned)]
#[repr(u8)]
pub enum Opcode {
    Nop = 0,
    Load = 0x10,
    Store,
    Halt = 0xff,
}

/// repr(u16) and repr(i32) with explicit, endianness-fixed discriminants.
#[derive(Debug, PartialEq, TryFromBytes, IntoBytes, Immutable, KnownLayout)]
#[repr(u16)]
pub enum Version {
    V1 = 9u16.to_le(),
    V2 = 10u16.to_le(),
}

#[derive(Debug, PartialEq, FromZeros, IntoBytes, Immutable)]
#[repr(i32)]
pub enum Signed {
    Minus = -1,
    Zero = 0,
    Plus = 1,
}

/// repr(C) fieldless enum.
#[derive(Debug, PartialEq, FromZeros, IntoBytes, Immutable, KnownLayout)]
#[repr(C)]
pub enum State {
    Idle,
    Running,
    Done,
}

/// Enums with data: TryFromBytes (through FromZeros) checks the tag and then the fields of that
/// variant.
#[derive(Debug, PartialEq, FromZeros, Immutable, KnownLayout)]
#[repr(u8)]
pub enum Message {
    Quit,
    Move { x: i8, y: i8 },
    Toggle(bool),
}

/// repr(u8) enum with data and no padding: IntoBytes too.
#[derive(Debug, PartialEq, TryFromBytes, IntoBytes, Immutable, KnownLayout)]
#[repr(u8)]
pub enum Tagged {
    Short(u8),
    Pair(u8),
}

/// ByteEq / ByteHash on an enum.
#[derive(Debug, Clone, Copy, ByteEq, ByteHash, IntoBytes, Immutable)]
#[repr(u8)]
pub enum Light {
    Red,
    Amber,
    Green,
}

/// Generic enum with data.
#[derive(Debug, PartialEq, TryFromBytes, Immutable, KnownLayout)]
#[repr(u8)]
pub enum Maybe<T> {
    Nothing,
    Just(T),
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn exhaustive_enum_from_bytes() {
        assert_eq!(Byte::read_from_bytes(&[0x00]).unwrap(), Byte::V00);
        assert_eq!(Byte::read_from_bytes(&[0xab]).unwrap(), Byte::VAB);
        assert_eq!(Byte::new_zeroed(), Byte::V00);
        assert_eq!(Byte::VFF.as_bytes(), &[0xff]);
        let all: Vec<Byte> = (0..=255u8).map(|b| Byte::read_from_bytes(&[b]).unwrap()).collect();
        assert_eq!(all.iter().map(|b| *b as u8).collect::<Vec<_>>(), (0..=255u8).collect::<Vec<_>>());
    }

    #[test]
    fn fieldless_try_from_bytes() {
        assert_eq!(Opcode::try_read_from_bytes(&[0x11]).unwrap(), Opcode::Store);
        assert_eq!(Opcode::try_read_from_bytes(&[0xff]).unwrap(), Opcode::Halt);
        assert!(Opcode::try_read_from_bytes(&[0x12]).is_err());
        assert_eq!(Opcode::new_zeroed(), Opcode::Nop);
        assert_eq!(Opcode::Load.as_bytes(), &[0x10]);
        assert!(Opcode::try_ref_from_bytes(&[0x10u8][..]).is_ok());
    }

    #[test]
    fn wider_reprs() {
        assert_eq!(Version::try_read_from_bytes(&10u16.to_le().to_ne_bytes()).unwrap(), Version::V2);
        assert!(Version::try_read_from_bytes(&[0, 0]).is_err());
        assert_eq!(Signed::try_read_from_bytes(&(-1i32).to_ne_bytes()).unwrap(), Signed::Minus);
        assert_eq!(Signed::new_zeroed(), Signed::Zero);
        assert_eq!(Signed::Plus.as_bytes(), &1i32.to_ne_bytes());
        assert!(Signed::try_read_from_bytes(&2i32.to_ne_bytes()).is_err());
    }

    #[test]
    fn repr_c_enum() {
        assert_eq!(core::mem::size_of::<State>(), core::mem::size_of::<core::ffi::c_int>());
        assert_eq!(State::new_zeroed(), State::Idle);
        let done = State::Done;
        assert_eq!(State::try_read_from_bytes(done.as_bytes()).unwrap(), State::Done);
        assert!(State::try_read_from_bytes(&7u32.to_ne_bytes()).is_err());
    }

    #[test]
    fn data_enum_try_from_bytes() {
        let size = core::mem::size_of::<Message>();
        let mut bytes = vec![0u8; size];
        assert_eq!(Message::try_read_from_bytes(&bytes).unwrap(), Message::Quit);
        bytes[0] = 2;
        bytes[1] = 1;
        assert_eq!(Message::try_read_from_bytes(&bytes).unwrap(), Message::Toggle(true));
        bytes[1] = 5;
        assert!(Message::try_read_from_bytes(&bytes).is_err());
        bytes[0] = 1;
        bytes[1] = 0xff;
        bytes[2] = 3;
        assert_eq!(Message::try_read_from_bytes(&bytes).unwrap(), Message::Move { x: -1, y: 3 });
        bytes[0] = 3;
        assert!(Message::try_read_from_bytes(&bytes).is_err());
        assert_eq!(Message::new_zeroed(), Message::Quit);
    }

    #[test]
    fn data_enum_into_bytes() {
        let t = Tagged::Pair(9);
        assert_eq!(t.as_bytes(), &[1, 9]);
        assert_eq!(Tagged::try_read_from_bytes(&[0, 4]).unwrap(), Tagged::Short(4));
        assert!(Tagged::try_read_from_bytes(&[2, 4]).is_err());
    }

    #[test]
    fn enum_byte_eq_hash() {
        assert!(Light::Red == Light::Red);
        assert!(Light::Red != Light::Green);
        let set: HashSet<Light> = [Light::Red, Light::Amber, Light::Red].into_iter().collect();
        assert_eq!(set.len(), 2);
    }

    #[test]
    fn generic_data_enum() {
        let size = core::mem::size_of::<Maybe<u8>>();
        assert_eq!(size, 2);
        assert_eq!(Maybe::<u8>::try_read_from_bytes(&[1, 42]).unwrap(), Maybe::Just(42));
        assert_eq!(Maybe::<bool>::try_read_from_bytes(&[0, 0]).unwrap(), Maybe::Nothing);
        assert!(Maybe::<bool>::try_read_from_bytes(&[1, 2]).is_err());
    }
}
