#!/usr/bin/env python3
"""The zero-setup runtime path (docs/bridge.md, "How the runtime reaches rustc").

With WASMACRO_RUNTIME_DIR unset, wasmacro-host's build script compiles the bundled C++ runtime with
the system compiler and caches it per machine. This builds a shim (the hostile test module's
`empty_output`-returning macro, so no wasm toolchain is needed) twice from empty target folders with
a fresh cache folder: the first build compiles the runtime into the cache, the second reuses it.

usage: zero_setup.py --wasmacro PATH --work DIR
"""
import argparse
import glob
import os
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import hostile  # noqa: E402  (the .wat helpers)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--wasmacro", required=True)
    ap.add_argument("--work", required=True)
    args = ap.parse_args()
    work = os.path.abspath(args.work)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    wasm = hostile.with_metadata(hostile.wat(os.path.join(hostile.HERE, "hostile/hostile.wat"), os.path.join(work, "h.wasm")),
                                 "zero_setup_shim", ["malformed_output", "oob_pointer"])
    path = os.path.join(work, "zero_setup_shim.wasm")
    with open(path, "wb") as f:
        f.write(wasm)
    hostile.package(args.wasmacro, path, os.path.join(work, "shim"))
    consumer = hostile.consumer(work, "zero_setup", {"zero_setup_shim": os.path.join(work, "shim")}, "")
    cache = os.path.join(work, "cache")
    env = dict(os.environ, WASMACRO_RUNTIME_DIR="", WASMACRO_CACHE_DIR=cache)
    env.pop("RUSTC_BOOTSTRAP", None)
    failures = 0
    for attempt in ("first build (compiles the runtime)", "second build (runtime cached)"):
        target = os.path.join(work, "target-" + str(len(glob.glob(os.path.join(work, "target-*")))))
        started = time.time()
        proc = subprocess.run(["cargo", "build"], cwd=consumer, env=dict(env, CARGO_TARGET_DIR=target),
                              capture_output=True, text=True)
        took = time.time() - started
        ok = proc.returncode == 0 and glob.glob(os.path.join(cache, "runtime-*", "libwasmacro_runtime.a"))
        print(f"{'ok  ' if ok else 'FAIL'} {attempt}: {took:.1f}s")
        if not ok:
            failures += 1
            print(proc.stderr[-5000:])
    print(f"zero_setup: {failures} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
