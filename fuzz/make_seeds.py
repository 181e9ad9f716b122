#!/usr/bin/env python3
"""Derives fuzz seeds from generated .wasm files: the function bodies for fuzz_validate (one type
selector byte, then the body) and a few symbol names for fuzz_demangle. Nothing here is committed
as binary; scripts/fuzz runs this at fuzz time."""
import argparse
import pathlib


def read_u32(data, pos):
    result = shift = 0
    while True:
        if pos >= len(data) or shift > 35:
            raise ValueError("bad LEB128")
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return result, pos


def function_bodies(data):
    if data[:4] != b"\0asm":
        return
    pos = 8
    while pos < len(data):
        section_id = data[pos]
        size, pos = read_u32(data, pos + 1)
        end = pos + size
        if section_id == 10:
            count, p = read_u32(data, pos)
            for _ in range(count):
                body_size, p = read_u32(data, p)
                yield data[p : p + body_size]
                p += body_size
        pos = end


NAMES = [
    "_ZN4core3fmt9Formatter9write_str17h0123456789abcdefE",
    "_ZN5alloc7raw_vec19RawVec$LT$T$C$A$GT$7reserve21do_reserve_and_handle17h1f2e3d4c5b6a7980E",
    "_ZN3std9panicking11begin_panic28_$u7b$$u7b$closure$u7d$$u7d$17hdeadbeefdeadbeefE",
    "_ZN71_$LT$alloc..string..String$u20$as$u20$core..fmt..Display$GT$3fmt17h0000000000000001E",
    "_RNvCs1234_7mycrate3foo",
    "_RNvMNtCs1234_5serde2deINtB2_6VisitorlE9visit_str",
    "main",
    "__rust_alloc",
    "_ZN",
    "_ZN3foo3barE",
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bodies", nargs=2, metavar=("WASM_DIR", "OUT_DIR"), required=True)
    parser.add_argument("--names", metavar="OUT_DIR", required=True)
    args = parser.parse_args()

    wasm_dir, out_dir = map(pathlib.Path, args.bodies)
    seen = set()
    for wasm in sorted(wasm_dir.glob("*.wasm")):
        try:
            bodies = list(function_bodies(wasm.read_bytes()))
        except (ValueError, IndexError):
            continue
        for body in bodies:
            if body in seen or len(body) > 4096:
                continue
            seen.add(body)
            # The selector byte cycles through the wrapper module's eight function types.
            (out_dir / f"body-{len(seen):05d}").write_bytes(bytes([len(seen) % 8]) + body)

    names_dir = pathlib.Path(args.names)
    for i, name in enumerate(NAMES):
        (names_dir / f"name-{i:02d}").write_text(name)


if __name__ == "__main__":
    main()
