#!/usr/bin/env python3
"""End-to-end parity of the bridge (issue 4, docs/bridge.md).

Builds every test macro natively and with `wasmacro build` + `wasmacro package` in the same run (no
golden files), compiles the consumer crates both ways and checks that:
  - `-Zunpretty=expanded` (RUSTC_BOOTSTRAP set to the consumer's crate name only) is byte-identical;
  - the program output is identical;
  - rustc's JSON diagnostics are identical, leaving out `rendered` and `def_site_span`;
  - the wasm-way build compiled no syn, quote or proc-macro2;
  - on the wasm side only: an infinite loop and runaway allocation give the documented limit errors.

usage: parity.py --wasmacro PATH --work DIR [--keep]
"""
import argparse
import json
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from parity_common import check, diagnostics_difference, failures, first_difference, run, strip  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MACROS = {
    "describe_derive": os.path.join(ROOT, "tests/macros/describe_derive"),
    "trace_attr": os.path.join(ROOT, "tests/macros/trace_attr"),
    "squares_fn": os.path.join(ROOT, "tests/macros/squares_fn"),
    "parity_macros": os.path.join(ROOT, "tests/bridge/macros/parity_macros"),
}
HOST_ONLY_CRATES = {"syn", "quote", "proc-macro2", "proc_macro2"}
def big_source():
    # 100k tokens of every kind for count_tokens!, and a retoken! that rebuilds ~60k tokens one by one.
    unit = "alpha r#type 'a 1u8 2.5 \"s\" b'x' :: -> ( beta , [ 3 ] ) { gamma ; } "
    per_unit = 22
    trees = " ".join([unit] * (100_000 // per_unit + 1))
    numbers = ", ".join(str(i) for i in range(30_000))
    return (
        "pub const COUNT: usize = parity_macros::count_tokens!(" + trees + ");\n"
        "parity_macros::retoken! { pub const ARRAY: [i64; 30000] = [" + numbers + "]; }\n"
    )


def write_consumer(dst, name, deps):
    src = os.path.join(ROOT, "tests/bridge", name)
    if os.path.exists(dst):
        shutil.rmtree(dst)
    shutil.copytree(src, dst)
    lines = [
        "[package]", f'name = "{name}"', 'version = "0.1.0"', 'edition = "2021"', "publish = false", "",
        "[dependencies]",
    ]
    lines += [f'{k} = {{ path = "{v}" }}' for k, v in deps.items()]
    lines += ["", "[workspace]", ""]
    with open(os.path.join(dst, "Cargo.toml"), "w") as f:
        f.write("\n".join(lines))
    if name == "consumer":
        with open(os.path.join(dst, "src/big.rs"), "w") as f:
            f.write(big_source())
        with open(os.path.join(dst, "src/main.rs"), "a") as f:
            f.write("\nmod big;\n#[allow(dead_code)]\nfn big_numbers() -> (usize, i64) { (big::COUNT, big::ARRAY.iter().sum()) }\n")


def cargo_json(cwd, env, args):
    proc, took = run(["cargo", *args, "--message-format=json"], cwd=cwd, env=env, check=False)
    messages = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    return proc, messages, took


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--wasmacro", required=True)
    ap.add_argument("--work", required=True)
    args = ap.parse_args()
    work = os.path.abspath(args.work)
    os.makedirs(work, exist_ok=True)
    env = dict(os.environ)
    env.pop("RUSTC_BOOTSTRAP", None)
    env.pop("RUSTFLAGS", None)

    shims = {}
    for name, path in MACROS.items():
        wasm = os.path.join(work, "wasm", name + ".wasm")
        os.makedirs(os.path.dirname(wasm), exist_ok=True)
        _, took = run([args.wasmacro, "build", path, "-o", wasm], env=env)
        print(f"     wasmacro build {name}: {took:.1f}s, {os.path.getsize(wasm)} bytes")
        shim = os.path.join(work, "shims", name)
        run([args.wasmacro, "package", wasm, "-o", shim], env=env)
        shims[name] = shim

    results = {}
    for mode, deps in (("native", MACROS), ("wasm", shims)):
        out = results[mode] = {}
        target = os.path.join(work, mode, "target")
        cenv = dict(env, CARGO_TARGET_DIR=target)
        consumer = os.path.join(work, mode, "consumer")
        write_consumer(consumer, "consumer", deps)
        proc, messages, took = cargo_json(consumer, cenv, ["build"])
        if proc.returncode != 0:
            sys.stderr.write(proc.stderr[-6000:])
            for m in messages:
                if m.get("reason") == "compiler-message":
                    sys.stderr.write(m["message"].get("rendered") or "")
            raise SystemExit(f"parity: the {mode} consumer does not build")
        print(f"     {mode} consumer build: {took:.1f}s")
        out["artifacts"] = {m["target"]["name"] for m in messages if m.get("reason") == "compiler-artifact"}
        exe = [m["executable"] for m in messages if m.get("reason") == "compiler-artifact" and m.get("executable")]
        out["stdout"] = run([exe[0]])[0].stdout
        expanded_env = dict(cenv, RUSTC_BOOTSTRAP="consumer")
        out["expanded"] = run(["cargo", "rustc", "--quiet", "--", "-Zunpretty=expanded"], cwd=consumer, env=expanded_env)[0].stdout
        failing = os.path.join(work, mode, "consumer_fail")
        write_consumer(failing, "consumer_fail", deps)
        proc, messages, _ = cargo_json(failing, cenv, ["build"])
        out["fail_status"] = proc.returncode
        out["diagnostics"] = [strip(m["message"]) for m in messages
                              if m.get("reason") == "compiler-message" and "consumer_fail" in m.get("package_id", "")]
        out["fail_stderr"] = proc.stderr

    native, wasm = results["native"], results["wasm"]
    check("expanded output is byte-identical (%d bytes)" % len(native["expanded"]),
          native["expanded"] == wasm["expanded"], first_difference(native["expanded"], wasm["expanded"]))
    check("program output is identical", native["stdout"] == wasm["stdout"],
          first_difference(native["stdout"], wasm["stdout"]))
    check("compile-fail consumer fails both ways", native["fail_status"] == wasm["fail_status"] == 101,
          f"exit codes: native {native['fail_status']}, wasm {wasm['fail_status']}")
    nd, wd = native["diagnostics"], wasm["diagnostics"]
    same = nd == wd
    detail = diagnostics_difference(nd, wd)
    check(f"JSON diagnostics are identical ({len(nd)} messages)", same and len(nd) >= 8, detail)
    leaked = wasm["artifacts"] & HOST_ONLY_CRATES
    check("the wasm-way build compiled no syn, quote or proc-macro2", not leaked, f"compiled: {sorted(leaked)}")
    check("the native build did compile syn (the comparison means something)", "syn" in native["artifacts"])

    # Runaway guests, wasm side only: the documented limit messages.
    limits = os.path.join(work, "wasm", "limits")
    shutil.rmtree(limits, ignore_errors=True)
    os.makedirs(os.path.join(limits, "src"))
    with open(os.path.join(limits, "Cargo.toml"), "w") as f:
        f.write('[package]\nname = "limits"\nversion = "0.1.0"\nedition = "2021"\n[dependencies]\n'
                f'parity_macros = {{ path = "{shims["parity_macros"]}" }}\n[workspace]\n')
    with open(os.path.join(limits, "src/main.rs"), "w") as f:
        f.write("parity_macros::spin!();\nparity_macros::hog!();\nfn main() {}\n")
    lenv = dict(env, CARGO_TARGET_DIR=os.path.join(work, "wasm", "target"), WASMACRO_FUEL="200000000",
                WASMACRO_MAX_MEMORY_MB="256")
    proc, took = run(["cargo", "build"], cwd=limits, env=lenv, check=False)
    check("an infinite loop stops at the fuel limit, naming WASMACRO_FUEL",
          "ran out of fuel" in proc.stderr and "WASMACRO_FUEL" in proc.stderr, proc.stderr[-3000:])
    check("runaway allocation stops at the memory limit, naming WASMACRO_MAX_MEMORY_MB",
          "WASMACRO_MAX_MEMORY_MB" in proc.stderr, proc.stderr[-3000:])
    check("rustc reported errors, no crash", proc.returncode == 101 and "internal compiler error" not in proc.stderr,
          f"exit {proc.returncode}")
    print(f"     limits build: {took:.1f}s")

    # The sandbox, wasm side only: no environment, no files, no clock, by construction.
    sandbox = os.path.join(work, "wasm", "sandbox")
    shutil.rmtree(sandbox, ignore_errors=True)
    os.makedirs(os.path.join(sandbox, "src"))
    with open(os.path.join(sandbox, "Cargo.toml"), "w") as f:
        f.write('[package]\nname = "sandbox"\nversion = "0.1.0"\nedition = "2021"\n[dependencies]\n'
                f'parity_macros = {{ path = "{shims["parity_macros"]}" }}\n[workspace]\n')
    with open(os.path.join(sandbox, "src/main.rs"), "w") as f:
        f.write('fn main() { println!("{}", parity_macros::sandbox_probe!()); }\n')
    senv = dict(env, CARGO_TARGET_DIR=os.path.join(work, "wasm", "target"), WASMACRO_PROBE="yes")
    senv.pop("WASMACRO_ALLOW_ENV", None)
    proc, _ = run(["cargo", "run", "--quiet"], cwd=sandbox, env=senv, check=False)
    check("a wasm macro sees no files and only the environment cargo describes the crate with",
          proc.stdout.strip() == "env=false package=sandbox granted=- file=false", proc.stdout + proc.stderr[-3000:])
    os.utime(os.path.join(sandbox, "src/main.rs"))
    proc, _ = run(["cargo", "run", "--quiet"], cwd=sandbox, env=dict(senv, WASMACRO_ALLOW_ENV="WASMACRO_PROBE"),
                  check=False)
    check("WASMACRO_ALLOW_ENV grants a variable", proc.stdout.strip() == "env=false package=sandbox granted=yes file=false",
          proc.stdout + proc.stderr[-3000:])
    with open(os.path.join(sandbox, "src/main.rs"), "w") as f:
        f.write("const NOW: u64 = parity_macros::clock_probe!();\nfn main() { println!(\"{NOW}\"); }\n")
    proc, _ = run(["cargo", "build", "--quiet"], cwd=sandbox, env=senv, check=False)
    check("a wasm macro has no clock: reading it panics, reported as a proc-macro panic",
          proc.returncode == 101 and "proc macro panicked" in proc.stderr, proc.stderr[-3000:])

    print(f"parity: {len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
