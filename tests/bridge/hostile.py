#!/usr/bin/env python3
"""Hostile guests behind real shims (issue 4, item 8; docs/bridge.md).

Hand-written .wat modules (tests/bridge/hostile/) get the "wasmacro.macros" metadata appended and are
packaged with `wasmacro package`; a consumer crate invokes each attack inside rustc. Every attack must
end as rustc's own error with the documented message: never an ICE, a crash or a hang.

usage: hostile.py --wasmacro PATH --work DIR
"""
import argparse
import json
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
failures = []

ATTACKS = {
    # export: text the error must contain
    "oob_pointer": "host call `stream_from_str`: the argument bytes [4294967280, 4294967344) is outside guest memory",
    "bad_span": "host call `span_line`: span handle 999999 is not in the span table",
    "bad_reply": "host call `reply`: the destination [4294967040,",
    "giant_output": "WASMACRO_MAX_OUTPUT_MB",
    "output_past_memory": "the output message [131004, 132004) is outside guest memory",
    "wild_output_pointer": "the output pointer [4294967292, 4294967296) is outside guest memory",
    "malformed_output": "produced malformed output: unknown token tag 9 at byte 12",
    "unknown_span_output": "produced malformed output: span handle 424242 is not in the span table",
    "infinite_loop": "ran out of fuel",
    "deep_recursion": "WASMACRO_MAX_CALL_DEPTH",
}


def check(name, ok, detail=""):
    print(f"{'ok  ' if ok else 'FAIL'} {name}")
    if not ok:
        failures.append(name)
        if detail:
            print(detail[-5000:])


def leb(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        out.append(b | (0x80 if n else 0))
        if not n:
            return bytes(out)


def with_metadata(wasm, crate, exports):
    meta = {"abi": 2, "crate": {"name": crate, "version": "0.1.0", "features": []},
            "macros": [{"kind": "function", "name": e, "export": e, "attributes": []} for e in exports]}
    name = b"wasmacro.macros"
    body = leb(len(name)) + name + json.dumps(meta).encode()
    return wasm + b"\x00" + leb(len(body)) + body


def wat(path, out):
    subprocess.run(["wat2wasm", path, "-o", out], check=True)
    with open(out, "rb") as f:
        return f.read()


def package(wasmacro, wasm_path, shim):
    subprocess.run([wasmacro, "package", wasm_path, "-o", shim], check=True, capture_output=True)


def consumer(work, name, deps, body):
    d = os.path.join(work, name)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(os.path.join(d, "src"))
    with open(os.path.join(d, "Cargo.toml"), "w") as f:
        f.write(f'[package]\nname = "{name}"\nversion = "0.1.0"\nedition = "2021"\n[dependencies]\n')
        for k, v in deps.items():
            f.write(f'{k} = {{ path = "{v}" }}\n')
        f.write("[workspace]\n")
    with open(os.path.join(d, "src/main.rs"), "w") as f:
        f.write(body + "\nfn main() {}\n")
    return d


def cargo_build(d, env):
    try:
        proc = subprocess.run(["cargo", "build"], cwd=d, env=env, capture_output=True, text=True, timeout=600)
    except subprocess.TimeoutExpired:
        return None
    return proc


def no_crash(proc):
    return proc is not None and proc.returncode == 101 and "internal compiler error" not in proc.stderr \
        and "SIGSEGV" not in proc.stderr and "stack overflow" not in proc.stderr


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--wasmacro", required=True)
    ap.add_argument("--work", required=True)
    args = ap.parse_args()
    work = os.path.abspath(args.work)
    os.makedirs(work, exist_ok=True)
    env = dict(os.environ, CARGO_TARGET_DIR=os.path.join(work, "target"), WASMACRO_FUEL="100000000")
    env.pop("RUSTC_BOOTSTRAP", None)

    hostile = with_metadata(wat(os.path.join(HERE, "hostile/hostile.wat"), os.path.join(work, "h.wasm")),
                            "hostile", list(ATTACKS) + ["deep_nesting", "nesting_at_limit"])
    hostile_path = os.path.join(work, "hostile.wasm")
    with open(hostile_path, "wb") as f:
        f.write(hostile)
    package(args.wasmacro, hostile_path, os.path.join(work, "shims/hostile"))

    # Attacks inside one crate: each invocation must give its own error.
    body = "\n".join(f"hostile::{e}!();" for e in ATTACKS)
    proc = cargo_build(consumer(work, "attacks", {"hostile": os.path.join(work, "shims/hostile")}, body), env)
    check("attacks: rustc errors, no crash or hang", no_crash(proc), proc.stderr if proc else "timed out")
    for export, text in ATTACKS.items():
        check(f"attack {export}: {text}", proc is not None and text in proc.stderr,
              proc.stderr if proc else "")
    check("trap messages carry the guest backtrace", proc is not None and "#0 function 6 at offset" in proc.stderr,
          proc.stderr if proc else "")

    # Forbidden imports (files, environment, clock): refused at load, named, at each invocation.
    for kind, import_name in (("fs", "path_open"), ("env", "environ_get"), ("clock", "clock_time_get")):
        crate = f"forbidden_{kind}"
        shim = os.path.join(work, "shims", crate)
        benign = os.path.join(work, crate + "_benign.wasm")
        with open(benign, "wb") as f:
            f.write(with_metadata(wat(os.path.join(HERE, "hostile/hostile.wat"), os.path.join(work, "b.wasm")),
                                  crate, ["oob_pointer"]))
        # Package a valid module under the name, then swap in the hostile one: package itself refuses it.
        package(args.wasmacro, benign, shim)
        forbidden = with_metadata(wat(os.path.join(HERE, f"hostile/forbidden_{kind}.wat"), os.path.join(work, "f.wasm")),
                                  crate, ["probe"])
        with open(os.path.join(shim, crate + ".wasm"), "wb") as f:
            f.write(forbidden)
        d = consumer(work, "use_" + crate, {crate: shim}, f"{crate}::oob_pointer!();\n{crate}::oob_pointer!();")
        proc = cargo_build(d, env)
        ok = no_crash(proc) and proc.stderr.count(f"shim crate `{crate}`") == 2 and import_name in proc.stderr
        check(f"forbidden import {import_name}: refused at each invocation, naming the import and the shim", ok,
              proc.stderr if proc else "")

    # A corrupt (truncated) embedded module: one clear error per invocation naming the shim crate.
    shim = os.path.join(work, "shims/corrupt_shim")
    valid = os.path.join(work, "corrupt_shim.wasm")
    with open(valid, "wb") as f:
        f.write(with_metadata(wat(os.path.join(HERE, "hostile/hostile.wat"), os.path.join(work, "c.wasm")),
                              "corrupt_shim", ["oob_pointer", "bad_span"]))
    package(args.wasmacro, valid, shim)
    with open(os.path.join(shim, "corrupt_shim.wasm"), "r+b") as f:
        f.truncate(os.path.getsize(valid) // 3)
    proc = cargo_build(consumer(work, "use_corrupt", {"corrupt_shim": shim},
                                "corrupt_shim::oob_pointer!();\ncorrupt_shim::bad_span!();\ncorrupt_shim::oob_pointer!();"), env)
    count = proc.stderr.count("the WebAssembly embedded in the shim crate `corrupt_shim` cannot be used") if proc else 0
    check("corrupt embedded wasm: one error per invocation (3) naming the shim crate", no_crash(proc) and count == 3,
          proc.stderr if proc else "")

    # Nesting: the default WASMACRO_MAX_OUTPUT_DEPTH (1000) refuses a million nested groups with the
    # setting named, and lets 1000 through in expression position, which rustc parses on its default
    # stack. Raised, the bridge rebuilds the million levels without native recursion; rustc then
    # needs a larger stack of its own (RUST_MIN_STACK) to drop them.
    hostile_dep = {"hostile": os.path.join(work, "shims/hostile")}
    d = consumer(work, "deep", hostile_dep, "hostile::deep_nesting!();")
    proc = cargo_build(d, env)
    check("a million nested groups: refused by default, naming WASMACRO_MAX_OUTPUT_DEPTH",
          no_crash(proc) and "WASMACRO_MAX_OUTPUT_DEPTH" in proc.stderr, proc.stderr if proc else "timed out")
    d = consumer(work, "at_limit", hostile_dep, "#[allow(unused_parens)]\nfn nested() { let _ = hostile::nesting_at_limit!(); }")
    proc = cargo_build(d, env)
    check("1000 nested groups (the default limit) compile", proc is not None and proc.returncode == 0,
          proc.stderr if proc else "timed out")
    big_env = dict(env, WASMACRO_MAX_OUTPUT_DEPTH="2000000", RUST_MIN_STACK="4000000000")
    proc = cargo_build(os.path.join(work, "deep"), big_env)
    check("a million nested groups with the limit raised: rebuilt, rustc reports its own error, no crash",
          no_crash(proc) and "likely invalid in item context" in proc.stderr, proc.stderr if proc else "timed out")

    print(f"hostile: {len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
