#!/usr/bin/env python3
"""Tests of `wasmacro build` and `wasmacro toolchain` (issue 3), run by CTest.

  guest_build_test.py WASMACRO WORK_DIR REPO_DIR CHECK [ARGS...]

WORK_DIR is shared by the tests of one build tree (staged copies and cargo's target folder), so that
syn and friends compile once; the reproducibility check uses its own, fresh work folder on purpose.
"""

import glob
import hashlib
import json
import os
import shutil
import subprocess
import sys

# docs/abi.md, "Imports": the closed list under the one import module.
IMPORT_MODULE = "wasmacro"
ALLOWED_IMPORTS = {
    "reply", "panic_message", "stream_from_str", "literal_from_str", "stream_to_string", "ident_normalize",
    "span_debug", "span_source_text", "span_file", "span_local_file", "span_line", "span_column",
    "span_start", "span_end", "span_resolved_at", "env_var",
}
INSTALL_HINT = "apt-get install rustc-web cargo-web rust-web-src lld binaryen"


class Failure(Exception):
    pass


def check(cond, message):
    if not cond:
        raise Failure(message)


def leb(b, i):
    n = shift = 0
    while True:
        c = b[i]
        i += 1
        n |= (c & 0x7F) << shift
        shift += 7
        if c < 0x80:
            return n, i


def name_at(b, i):
    n, i = leb(b, i)
    return b[i : i + n].decode(), i + n


def sections(module):
    check(module[:8] == b"\0asm\1\0\0\0", "not a wasm module")
    i = 8
    while i < len(module):
        sid = module[i]
        size, i = leb(module, i + 1)
        yield sid, module[i : i + size]
        i += size


def read_module(path):
    module = open(path, "rb").read()
    info = {"custom": {}, "imports": [], "exports": []}
    for sid, body in sections(module):
        if sid == 0:
            name, j = name_at(body, 0)
            check(name not in info["custom"], f"custom section {name} appears twice")
            info["custom"][name] = body[j:]
        elif sid == 2:
            count, j = leb(body, 0)
            for _ in range(count):
                mod, j = name_at(body, j)
                field, j = name_at(body, j)
                kind = body[j]
                j += 1
                if kind == 0:
                    _, j = leb(body, j)
                else:
                    raise Failure(f"import {mod}.{field} is not a function (kind {kind})")
                info["imports"].append((mod, field))
        elif sid == 7:
            count, j = leb(body, 0)
            for _ in range(count):
                name, j = name_at(body, j)
                j += 1
                _, j = leb(body, j)
                info["exports"].append(name)
    return module, info


def metadata_of(path):
    _, info = read_module(path)
    check("wasmacro.macros" in info["custom"], f"{path} has no wasmacro.macros section")
    raw = info["custom"]["wasmacro.macros"].decode()
    meta = json.loads(raw)
    canonical = json.dumps(meta, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    check(raw == canonical, f"the metadata is not canonical JSON:\n{raw}\n{canonical}")
    return meta, info


def tree_digest(folder):
    h = hashlib.sha256()
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for f in sorted(files):
            p = os.path.join(root, f)
            h.update(os.path.relpath(p, folder).encode() + b"\0")
            h.update(open(p, "rb").read())
    return h.hexdigest()


def build(wasmacro, crate, out, work, *extra, cwd=None):
    before = tree_digest(crate)
    cmd = [wasmacro, "build", crate, "-o", out, "--work-dir", work, *extra]
    print("+", " ".join(cmd), flush=True)
    r = subprocess.run(cmd, stderr=subprocess.PIPE, text=True, cwd=cwd)
    sys.stderr.write(r.stderr)
    check(r.returncode == 0, f"wasmacro build failed with {r.returncode}")
    check("wasmacro build [" in r.stderr and "cargo build:" in r.stderr, "the build showed no progress")
    check(tree_digest(crate) == before, f"the build changed files in {crate}")
    check(not os.path.exists(os.path.join(crate, "target")), f"the build left a target/ folder in {crate}")
    return metadata_of(out)


def check_abi_surface(meta, info):
    for mod, field in info["imports"]:
        check(mod == IMPORT_MODULE, f"import from module {mod!r}: only {IMPORT_MODULE!r} is allowed")
        check(field in ALLOWED_IMPORTS, f"import {mod}.{field} is not in the documented list")
    for name in ("memory", "wasmacro_alloc"):
        check(name in info["exports"], f"export {name} is missing")
    for m in meta["macros"]:
        check(m["export"] in info["exports"], f"export {m['export']} of macro {m['name']} is missing")
    internal = [e for e in info["exports"] if e.startswith("__wasmacro_")]
    check(not internal, f"internal entry points are exported: {internal}")
    check("name" in info["custom"], "the name section (guest backtraces) was dropped")


EXPECTED = {
    "describe_derive": [{"attributes": ["describe", "note"], "export": "wasmacro_derive_Describe", "kind": "derive",
                         "name": "Describe"}],
    "trace_attr": [{"attributes": [], "export": "wasmacro_attribute_trace", "kind": "attribute", "name": "trace"}],
    "squares_fn": [{"attributes": [], "export": "wasmacro_function_squares", "kind": "function", "name": "squares"}],
}


def test_build_macro(wasmacro, work, repo, name):
    crate = os.path.join(repo, "tests", "macros", name)
    out = os.path.join(work, "out", name + ".wasm")
    meta, info = build(wasmacro, crate, out, work)
    features = ["default"] if name == "squares_fn" else []  # cargo counts `default` when the crate has one
    expected = {"abi": 2, "crate": {"features": features, "name": name, "version": "0.1.0"},
                "macros": EXPECTED[name]}
    check(meta == expected, f"metadata read back:\n{json.dumps(meta)}\nexpected:\n{json.dumps(expected)}")
    check_abi_surface(meta, info)
    print(f"metadata read back from {out}: {json.dumps(meta)}")


def test_reproducible(wasmacro, work, repo, name):
    """Same crate, built from two folders, with two work folders (one of them fresh) and from two
    working directories: same bytes."""
    crate = os.path.join(repo, "tests", "macros", name)
    first = os.path.join(work, "out", name + ".repro-a.wasm")
    build(wasmacro, crate, first, work)
    elsewhere = os.path.join(work, "repro-b")
    shutil.rmtree(elsewhere, ignore_errors=True)
    copy = os.path.join(elsewhere, "somewhere", "else", name)
    shutil.copytree(crate, copy, ignore=shutil.ignore_patterns("target"))
    second = os.path.join(elsewhere, name + ".repro-b.wasm")
    build(wasmacro, copy, second, os.path.join(elsewhere, "work"), cwd=elsewhere)
    a, b = open(first, "rb").read(), open(second, "rb").read()
    check(a == b, f"{first} and {second} differ ({len(a)} and {len(b)} bytes)")
    print(f"identical: {len(a)} bytes, sha256 {hashlib.sha256(a).hexdigest()}")
    shutil.rmtree(elsewhere, ignore_errors=True)


def test_features(wasmacro, work, repo):
    crate = os.path.join(repo, "tests", "macros", "squares_fn")
    plain = os.path.join(work, "out", "squares_fn.default.wasm")
    summed = os.path.join(work, "out", "squares_fn.sum.wasm")
    meta_plain, _ = build(wasmacro, crate, plain, work)
    meta_sum, _ = build(wasmacro, crate, summed, work, "--features", "sum")
    check(meta_plain["crate"]["features"] == ["default"], f"default features: {meta_plain['crate']['features']}")
    check(meta_sum["crate"]["features"] == ["default", "sum"], f"--features sum: {meta_sum['crate']['features']}")
    code_plain = [body for sid, body in sections(open(plain, "rb").read()) if sid == 10]
    code_sum = [body for sid, body in sections(open(summed, "rb").read()) if sid == 10]
    check(code_plain != code_sum, "the code sections are identical although the feature changes the output")
    print("the two feature builds differ in code and in metadata")


def test_lockfile(wasmacro, work, repo):
    """--lockfile pins the macro's dependencies: quote held one version back stays there."""
    crate = os.path.join(repo, "tests", "macros", "squares_fn")
    resolve = os.path.join(work, "lockfile-resolve")
    shutil.rmtree(resolve, ignore_errors=True)
    shutil.copytree(crate, resolve, ignore=shutil.ignore_patterns("target", "Cargo.lock"))
    for cmd in (["cargo", "generate-lockfile", "--quiet"], ["cargo", "update", "--quiet", "-p", "quote", "--precise", "1.0.36"]):
        check(subprocess.run(cmd, cwd=resolve).returncode == 0, " ".join(cmd) + " failed")
    lock = os.path.join(resolve, "Cargo.lock")
    build(wasmacro, crate, os.path.join(work, "out", "squares_fn.locked.wasm"), work, "--lockfile", lock)
    staged = open(os.path.join(work, "stage", "squares_fn", "Cargo.lock")).read()
    check('name = "quote"\nversion = "1.0.36"' in staged, "the staged build did not keep quote 1.0.36 from --lockfile")
    for bad, want in ((os.path.join(work, "no-such.lock"), "--lockfile"), (os.path.join(crate, "Cargo.toml"), "not a Cargo.lock")):
        r = subprocess.run([wasmacro, "build", crate, "-o", os.path.join(work, "out", "bad.wasm"), "--work-dir", work,
                            "--lockfile", bad], capture_output=True, text=True)
        check(r.returncode != 0 and want in r.stderr and r.stderr.count("\n") == 1,
              f"--lockfile {bad}: want one line naming {want!r}, got exit {r.returncode}: {r.stderr!r}")
    print("quote 1.0.36 kept; a missing or wrong lock file gets one message")


def test_proc_macro2_cfg(wasmacro, work, repo):
    crate = os.path.join(repo, "tests", "macros", "describe_derive")
    build(wasmacro, crate, os.path.join(work, "out", "describe_derive.cfg.wasm"), work)
    outputs = glob.glob(os.path.join(work, "target", "**", "build", "proc-macro2-*", "output"), recursive=True)
    check(outputs, "no proc-macro2 build script output under " + work)
    for path in outputs:
        cfgs = {line.split("=", 1)[1].strip() for line in open(path) if line.startswith("cargo:rustc-cfg=")}
        for want in ("wrap_proc_macro", "proc_macro_span_location", "proc_macro_span_file"):
            check(want in cfgs, f"{path}: proc-macro2 lacks cfg {want} (has {sorted(cfgs)})")
        check("proc_macro_span" not in cfgs, f"{path}: proc-macro2 has the unstable cfg proc_macro_span")
        print(f"{path}: {sorted(cfgs)}")


def test_print_sysroot(wasmacro):
    r = subprocess.run([wasmacro, "toolchain", "--print-sysroot"], capture_output=True, text=True)
    sys.stderr.write(r.stderr)
    check(r.returncode == 0, f"exit {r.returncode}")
    lines = r.stdout.splitlines()
    check(len(lines) == 1, f"stdout must be the path alone, got {r.stdout!r}")
    libs = glob.glob(os.path.join(lines[0], "lib", "rustlib", "wasm32-unknown-unknown", "lib", "libstd-*.rlib"))
    check(libs, f"no wasm32 libstd in {lines[0]}")
    check(not glob.glob(os.path.join(lines[0], "lib", "rustlib", "wasm32-unknown-unknown", "lib", "libproc_macro-*")),
          "the sysroot must not hold the real proc_macro (the facade replaces it)")
    print(lines[0])


def test_missing_toolchain(wasmacro, work, repo):
    env = dict(os.environ, WASMACRO_RUSTC="/nonexistent/rustc")
    crate = os.path.join(repo, "tests", "macros", "squares_fn")
    r = subprocess.run([wasmacro, "build", crate, "-o", os.path.join(work, "never.wasm"), "--work-dir", work],
                       capture_output=True, text=True, env=env)
    check(r.returncode != 0, "a build without rustc succeeded")
    check(r.stderr.count(INSTALL_HINT) == 1, f"expected one message with `{INSTALL_HINT}`, got:\n{r.stderr}")
    check(len(r.stderr.strip().splitlines()) <= 2, f"expected one message, got:\n{r.stderr}")
    print(r.stderr.strip())


def test_facade_native(work, repo, rustc="/usr/bin/rustc"):
    """The facade natively, against the stub host in facade_native_test.rs."""
    out = os.path.join(work, "native")
    os.makedirs(out, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k != "RUSTC_BOOTSTRAP"}
    steps = [
        [rustc, "--crate-name", "proc_macro", "--crate-type", "rlib", "--edition", "2021", "--out-dir", out,
         os.path.join(repo, "guest", "proc_macro", "src", "lib.rs")],
        [rustc, "--edition", "2021", "--test", os.path.join(repo, "tests", "toolchain", "facade_native_test.rs"),
         "--extern", "proc_macro=" + os.path.join(out, "libproc_macro.rlib"), "-o", os.path.join(out, "facade_test")],
        [os.path.join(out, "facade_test"), "--test-threads=1"],
    ]
    for cmd in steps:
        print("+", " ".join(cmd), flush=True)
        r = subprocess.run(cmd, env=env)
        check(r.returncode == 0, f"exit {r.returncode}: {' '.join(cmd)}")


def main():
    wasmacro, work, repo, which = sys.argv[1:5]
    rest = sys.argv[5:]
    os.makedirs(os.path.join(work, "out"), exist_ok=True)
    try:
        if which == "print-sysroot":
            test_print_sysroot(wasmacro)
        elif which == "build":
            test_build_macro(wasmacro, work, repo, rest[0])
        elif which == "reproducible":
            test_reproducible(wasmacro, work, repo, rest[0])
        elif which == "features":
            test_features(wasmacro, work, repo)
        elif which == "lockfile":
            test_lockfile(wasmacro, work, repo)
        elif which == "proc-macro2-cfg":
            test_proc_macro2_cfg(wasmacro, work, repo)
        elif which == "facade-native":
            test_facade_native(work, repo)
        elif which == "missing-toolchain":
            test_missing_toolchain(wasmacro, work, repo)
        else:
            raise Failure("unknown check " + which)
    except Failure as e:
        print("FAIL:", e)
        return 1
    print("PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
