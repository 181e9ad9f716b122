//! Escaping for the `Literal` constructors: the same text rustc's `proc_macro` produces, so a
//! literal made in the guest prints exactly as a native one.

#[derive(Copy, Clone)]
pub(crate) struct Options {
    single_quote: bool,
    double_quote: bool,
    // Bytes above 0x7f become `\x..`, and ASCII controls use `\x..` rather than `\u{..}`.
    non_ascii: bool,
}

pub(crate) const STRING: Options = Options { single_quote: false, double_quote: true, non_ascii: false };
pub(crate) const CHARACTER: Options = Options { single_quote: true, double_quote: false, non_ascii: false };
pub(crate) const BYTE_CHARACTER: Options = Options { single_quote: true, double_quote: false, non_ascii: true };
pub(crate) const BYTE_STRING: Options = Options { single_quote: false, double_quote: true, non_ascii: true };

pub(crate) fn escape_bytes(bytes: &[u8], opt: Options) -> String {
    let mut out = String::with_capacity(bytes.len());
    if opt.non_ascii {
        for &byte in bytes {
            escape_byte(byte, opt, &mut out);
        }
        return out;
    }
    for chunk in bytes.utf8_chunks() {
        for ch in chunk.valid().chars() {
            if (ch == '\'' && !opt.single_quote) || (ch == '"' && !opt.double_quote) {
                out.push(ch);
            } else {
                out.extend(ch.escape_debug());
            }
        }
        for &byte in chunk.invalid() {
            escape_byte(byte, opt, &mut out);
        }
    }
    out
}

fn escape_byte(byte: u8, opt: Options, out: &mut String) {
    if byte == 0 {
        out.push_str("\\0");
    } else if (byte == b'\'' && !opt.single_quote) || (byte == b'"' && !opt.double_quote) {
        out.push(byte as char);
    } else {
        out.extend(byte.escape_ascii().map(char::from));
    }
}
