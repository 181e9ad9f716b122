#!/usr/bin/env python3
"""Writes the hostile modules that are too big or too deep to commit as text: a million locals,
100,000 nested blocks, a br_table with a million targets, 100,000 data segments, and section counts
that claim billions of entries in a few bytes. They are generated at test time into OUT_DIR, as
binaries, because the text form of some of them would make wat2wasm itself recurse or crawl."""
import pathlib
import sys

I32, I64 = 0x7F, 0x7E


def leb(n):
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def sleb(n):
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        done = (n == 0 and not byte & 0x40) or (n == -1 and byte & 0x40)
        out.append(byte if done else byte | 0x80)
        if done:
            return bytes(out)


def vec(items):
    return leb(len(items)) + b"".join(items)


def section(section_id, payload):
    return bytes([section_id]) + leb(len(payload)) + payload


def name(text):
    return leb(len(text)) + text.encode()


def func_type(params, results):
    return b"\x60" + vec([bytes([p]) for p in params]) + vec([bytes([r]) for r in results])


def module(types, bodies, exports, memory=None, data=None, table=None):
    """bodies: list of (type index, body bytes without size); exports: list of (name, function index)."""
    out = b"\0asm\x01\0\0\0"
    out += section(1, vec(types))
    out += section(3, vec([leb(t) for t, _ in bodies]))
    if table is not None:
        out += section(4, table)
    if memory is not None:
        out += section(5, memory)
    out += section(7, vec([name(n) + b"\x00" + leb(i) for n, i in exports]))
    out += section(10, vec([leb(len(b)) + b for _, b in bodies]))
    if data is not None:
        out += section(11, data)
    return out


def million_locals():
    body = vec([leb(1_000_000) + bytes([I32])]) + b"\x41\x00\x0b"
    return module([func_type([], [I32])], [(0, body)], [("f", 0)])


def many_local_groups():
    body = vec([leb(5) + bytes([I64])] * 200_000) + b"\x41\x00\x0b"
    return module([func_type([], [I32])], [(0, body)], [("f", 0)])


def deep_blocks(depth):
    body = b"\x00" + b"\x02\x40" * depth + b"\x0b" * depth + b"\x41\x01\x0b"
    return module([func_type([], [I32])], [(0, body)], [("f", 0)])


def nested_ok(depth):
    """depth nested blocks, loops and ifs, each passing an i32 result outwards: returns depth."""
    open_ = bytearray()
    closes = []
    for level in range(depth):
        kind = level % 3
        if kind == 0:
            open_ += b"\x02\x7f"  # block (result i32)
            closes.append(b"\x41\x01\x6a\x0b")  # i32.const 1, i32.add, end
        elif kind == 1:
            open_ += b"\x03\x7f"  # loop (result i32)
            closes.append(b"\x41\x01\x6a\x0b")
        else:
            open_ += b"\x41\x01\x04\x7f"  # i32.const 1, if (result i32)
            closes.append(b"\x41\x01\x6a\x05\x00\x0b")  # ...; else; unreachable; end
    body = b"\x00" + bytes(open_) + b"\x41\x00" + b"".join(reversed(closes)) + b"\x0b"
    return module([func_type([], [I32])], [(0, body)], [("f", 0)])


def huge_br_table(targets):
    """Even indices branch to label 0 (result 10), odd ones and the default to label 1 (result 20)."""
    labels = b"".join(leb(i % 2) for i in range(targets))
    body = (
        b"\x00"
        + b"\x02\x40\x02\x40"  # block, block
        + b"\x20\x00"  # local.get 0
        + b"\x0e" + leb(targets) + labels + leb(1)  # br_table
        + b"\x0b\x41\x0a\x0f"  # end; i32.const 10; return
        + b"\x0b\x41\x14\x0b"  # end; i32.const 20; end
    )
    return module([func_type([I32], [I32])], [(0, body)], [("f", 0)])


def many_data_segments(count):
    """count active one-byte segments; "sum" adds the bytes up."""
    segments = [b"\x00\x41" + sleb(i) + b"\x0b" + vec([bytes([i % 251])]) for i in range(count)]
    # sum: loop over [0, count) adding i32.load8_u
    body = (
        b"\x01\x02\x7f"  # two i32 locals: i (0), sum (1)
        + b"\x03\x40"  # loop
        + b"\x20\x01\x20\x00\x2d\x00\x00\x6a\x21\x01"  # sum += load8_u(i)
        + b"\x20\x00\x41\x01\x6a\x22\x00"  # i = i + 1 (tee)
        + b"\x41" + sleb(count) + b"\x49\x0d\x00"  # br_if 0 (i < count)
        + b"\x0b\x20\x01\x0b"  # end loop; sum; end
    )
    pages = (count + 65535) // 65536
    return module(
        [func_type([], [I32])],
        [(0, body)],
        [("sum", 0)],
        memory=vec([b"\x00" + leb(pages)]),
        data=vec(segments),
    )


def huge_count(section_id):
    """A section whose entry count claims 2^32 - 1 entries, followed by almost nothing."""
    return b"\0asm\x01\0\0\0" + section(section_id, leb(0xFFFFFFFF) + b"\x00")


def huge_table():
    body = b"\x00\x41\x00\x0b"
    return module(
        [func_type([], [I32])], [(0, body)], [("f", 0)], table=vec([b"\x70\x00" + leb(0xFFFFFFFF)])
    )


def main():
    out = pathlib.Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    modules = {
        "million_locals": million_locals(),
        "many_local_groups": many_local_groups(),
        "deep_blocks": deep_blocks(100_000),
        "nested_ok": nested_ok(3_000),
        "huge_br_table": huge_br_table(1_000_000),
        "many_data_segments": many_data_segments(100_000),
        "huge_type_count": huge_count(1),
        "huge_import_count": huge_count(2),
        "huge_function_count": huge_count(3),
        "huge_global_count": huge_count(6),
        "huge_export_count": huge_count(7),
        "huge_elem_count": huge_count(9),
        "huge_code_count": huge_count(10),
        "huge_data_count": huge_count(11),
        "huge_table": huge_table(),
    }
    for module_name, data in modules.items():
        (out / f"{module_name}.wasm").write_bytes(data)
    expected_sum = sum(i % 251 for i in range(100_000)) & 0xFFFFFFFF
    (out / "many_data_segments.expected").write_text(f"{expected_sum}\n")


if __name__ == "__main__":
    main()
