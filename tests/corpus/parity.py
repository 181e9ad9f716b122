#!/usr/bin/env python3
"""Parity of the crates.io corpus (corpus/, issue 6): every macro native and from wasm, in one run.

For every [[crate]] of corpus/corpus.toml (or those named by --only), with no per-crate knowledge:
  - finds the macro's source in cargo's registry through the corpus workspace's committed Cargo.lock,
    and the Cargo features that workspace enables on it;
  - builds it with `wasmacro build --lockfile corpus/Cargo.lock --no-default-features --features ...`
    (the same dependency versions and features as native) and packages it with `wasmacro package`
    under its own name and version;
  - copies the workspace twice: as is (native macros, `--locked`) and with the shims swapped in
    through [patch.crates-io] (the drop-in path users take), and checks on the two builds that
      * the lock file is otherwise unchanged (same versions of everything else);
      * `cargo rustc --lib --profile test -- -Zunpretty=expanded` is byte-identical. RUSTC_BOOTSTRAP
        names the consumer crates only (rustc reads a comma-separated list), never a dependency,
        and keeps one value for the whole run: proc-macro2's build script reruns when it changes;
      * the consumer's tests pass, the same tests both ways;
      * every compile-fail case (bins fail_* behind the `compile_fail` feature, at least three per
        consumer) fails both ways with identical rustc JSON diagnostics: level, message, code, spans
        and children, leaving out `rendered` and `def_site_span`;
  - checks each consumer's attributes.toml: every documented attribute maps to tests that exist.
Writes <work>/summary.json (versions, features, module sizes, build times) for the benchmark docs.

usage: parity.py --wasmacro PATH --work DIR [--only CRATE ...] [--reuse-wasm]
"""
import argparse
import hashlib
import json
import os
import re
import shutil
import sys
import tomllib

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from parity_common import check, diagnostics_difference, failures, first_difference, run, strip  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(ROOT, "corpus")
MIN_FAIL_CASES = 3


def load_corpus(only=()):
    with open(os.path.join(CORPUS, "corpus.toml"), "rb") as f:
        entries = tomllib.load(f)["crate"]
    if only:
        unknown = set(only) - {e["name"] for e in entries}
        if unknown:
            raise SystemExit(f"corpus parity: --only names no corpus crate: {', '.join(sorted(unknown))}")
        entries = [e for e in entries if e["name"] in only]
    return entries


def copy_workspace(dst, patches=None):
    """A fresh copy of corpus/ without build output; `patches` maps crate names to shim folders."""
    if os.path.exists(dst):
        shutil.rmtree(dst)
    shutil.copytree(CORPUS, dst, ignore=shutil.ignore_patterns("target"))
    if patches:
        with open(os.path.join(dst, "Cargo.toml"), "a") as f:
            f.write("\n[patch.crates-io]\n")
            for name, path in sorted(patches.items()):
                f.write(f'{name} = {{ path = "{path}" }}\n')
    return dst


def metadata(workspace, env, locked):
    args = ["cargo", "metadata", "--format-version", "1"] + (["--locked"] if locked else [])
    return json.loads(run(args, cwd=workspace, env=env)[0].stdout)


def resolved_macros(meta, names):
    """name -> (source dir, version, enabled features, source) from the workspace's resolution."""
    packages = {p["id"]: p for p in meta["packages"]}
    found = {}
    for node in meta["resolve"]["nodes"]:
        p = packages[node["id"]]
        if p["name"] in names:
            if p["name"] in found:
                raise SystemExit(f"corpus parity: {p['name']} resolves to two versions; the corpus needs one")
            if not any("proc-macro" in t["kind"] for t in p["targets"]):
                raise SystemExit(f"corpus parity: {p['name']} is not a proc-macro crate")
            found[p["name"]] = (os.path.dirname(p["manifest_path"]), p["version"], sorted(node["features"]),
                                p.get("source"))
    missing = set(names) - set(found)
    if missing:
        raise SystemExit(f"corpus parity: no consumer depends on {', '.join(sorted(missing))}")
    return found


def lock_packages(path):
    with open(path, "rb") as f:
        return {(p["name"], p["version"], p.get("source")) for p in tomllib.load(f).get("package", [])}


def file_digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def build_module(wasmacro, work, name, source_dir, version, features, reuse, env):
    # Reused only when built by the same wasmacro from the same source, features and lock file.
    key = hashlib.sha256(json.dumps([source_dir, features, file_digest(os.path.join(CORPUS, "Cargo.lock")),
                                     file_digest(wasmacro)]).encode()).hexdigest()[:12]
    wasm = os.path.join(work, "modules", f"{name}-{version}-{key}.wasm")
    took = 0.0
    if not (reuse and os.path.exists(wasm)):
        os.makedirs(os.path.dirname(wasm), exist_ok=True)
        cmd = [wasmacro, "build", source_dir, "-o", wasm, "--lockfile", os.path.join(CORPUS, "Cargo.lock"),
               "--no-default-features"]
        if features:
            cmd += ["--features", ",".join(features)]
        proc, took = run(cmd, env=env, check=False)
        if proc.returncode != 0:
            sys.stderr.write(proc.stderr[-8000:])
            check(f"{name} {version}: wasmacro build", False)
            return None, took
    shim = os.path.join(work, "shims", name)
    shutil.rmtree(shim, ignore_errors=True)
    run([wasmacro, "package", wasm, "-o", shim], env=env)
    return (wasm, shim), took


def test_results(workspace, env, package):
    proc, _ = run(["cargo", "test", "-p", package, "--no-fail-fast"], cwd=workspace, env=env, check=False)
    results = sorted(set(re.findall(r"^test (.+) \.\.\. (ok|FAILED|ignored)$", proc.stdout, re.M)))
    return proc.returncode, results, proc.stdout[-3000:] + proc.stderr[-3000:]


def expanded(workspace, env, package):
    proc, _ = run(["cargo", "rustc", "--quiet", "-p", package, "--lib", "--profile", "test", "--",
                   "-Zunpretty=expanded"], cwd=workspace, env=env, check=False)
    return proc.returncode, proc.stdout, proc.stderr[-3000:]


def fail_diagnostics(workspace, env, package, cases):
    """Every compile-fail bin checked in one cargo run; diagnostics grouped by bin."""
    args = ["cargo", "check", "-p", package, "--features", "compile_fail", "--keep-going", "--message-format=json"]
    for case in cases:
        args += ["--bin", case]
    proc, _ = run(args, cwd=workspace, env=env, check=False)
    by_case = {case: [] for case in cases}
    for line in proc.stdout.splitlines():
        if not line.startswith("{"):
            continue
        m = json.loads(line)
        if m.get("reason") == "compiler-message" and m["target"]["name"] in by_case:
            by_case[m["target"]["name"]].append(strip(m["message"]))
    return proc.returncode, by_case


def consumer_info(meta, package):
    p = next((p for p in meta["packages"] if p["name"] == package), None)
    if p is None:
        raise SystemExit(f"corpus parity: no package {package} in the corpus workspace")
    cases = sorted(t["name"] for t in p["targets"]
                   if "bin" in t["kind"] and "compile_fail" in (t.get("required-features") or []))
    return os.path.dirname(p["manifest_path"]), cases


def in_repo(path, workspace):
    """The corpus/ path a copied workspace's file came from, for messages."""
    return os.path.join(CORPUS, os.path.relpath(path, workspace))


def check_attribute_map(label, consumer_dir, cases):
    path = os.path.join(consumer_dir, "attributes.toml")
    if not os.path.exists(path):
        check(f"{label}: attributes.toml maps documented attributes to tests", False, f"missing {in_repo(path, os.path.dirname(os.path.dirname(consumer_dir)))}")
        return 0
    with open(path, "rb") as f:
        attributes = tomllib.load(f).get("attribute", [])
    sources = ""
    for folder, _, files in os.walk(os.path.join(consumer_dir, "src")):
        for name in files:
            if name.endswith(".rs"):
                with open(os.path.join(folder, name)) as f:
                    sources += f.read()
    test_fns = set(re.findall(r"#\[[\w:]*test[^\]]*\]\s*(?:#\[[^\]]*\]\s*)*(?:async\s+)?fn\s+(\w+)", sources))
    problems = []
    for a in attributes:
        tests = a.get("tests", [])
        if not tests and not a.get("note"):
            problems.append(f"{a.get('name')}: no tests and no note saying why")
        for t in tests:
            if t not in test_fns and t not in cases:
                problems.append(f"{a.get('name')}: no #[test] fn or compile-fail case named {t}")
    check(f"{label}: attributes.toml maps {len(attributes)} attributes to existing tests",
          bool(attributes) and not problems, "\n".join(problems))
    return len(attributes)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--wasmacro", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--only", nargs="*", default=[], help="corpus crate names (default: all)")
    ap.add_argument("--reuse-wasm", action="store_true",
                    help="keep a module already built by the same wasmacro from the same source, features and lock file")
    args = ap.parse_args()
    work = os.path.abspath(args.work)
    os.makedirs(work, exist_ok=True)
    env = dict(os.environ)
    for name in ("RUSTC_BOOTSTRAP", "RUSTFLAGS", "CARGO_TARGET_DIR", "RUSTC"):
        env.pop(name, None)
    entries = load_corpus(args.only)
    rustc_bootstrap = ",".join(f"corpus_{e['consumer']}" for e in load_corpus())
    cargo_env = dict(env, RUSTC_BOOTSTRAP=rustc_bootstrap)

    native_ws = copy_workspace(os.path.join(work, "native"))
    native_env = dict(cargo_env, CARGO_TARGET_DIR=os.path.join(work, "target-native"))
    native_meta = metadata(native_ws, native_env, locked=True)
    macros = resolved_macros(native_meta, [e["name"] for e in entries])

    # The value the benchmark must reuse on these workspaces, or cargo rebuilds them.
    summary = {"crates": [], "rustc_bootstrap": rustc_bootstrap}
    shims = {}
    for e in entries:
        source_dir, version, features, _ = macros[e["name"]]
        built, took = build_module(args.wasmacro, work, e["name"], source_dir, version, features, args.reuse_wasm, env)
        if built is None:
            continue
        wasm, shim = built
        shims[e["name"]] = shim
        print(f"     {e['name']} {version}: wasmacro build {took:.1f}s, {os.path.getsize(wasm)} bytes, "
              f"features [{', '.join(features)}]", flush=True)
        summary["crates"].append({"name": e["name"], "version": version, "features": features,
                                  "consumer": f"corpus_{e['consumer']}", "wasm_bytes": os.path.getsize(wasm),
                                  "build_seconds": round(took, 1), "wasm": wasm, "shim": shim})

    wasm_ws = copy_workspace(os.path.join(work, "wasm"), shims)
    wasm_env = dict(cargo_env, CARGO_TARGET_DIR=os.path.join(work, "target-wasm"))
    wasm_meta = metadata(wasm_ws, wasm_env, locked=False)
    swapped = resolved_macros(wasm_meta, list(shims))
    check("every built macro resolves to its wasm shim in the patched workspace",
          all(swapped[n][3] is None and os.path.samefile(swapped[n][0], shims[n]) for n in shims),
          json.dumps({n: swapped[n][0] for n in shims}))
    before = lock_packages(os.path.join(native_ws, "Cargo.lock"))
    after = lock_packages(os.path.join(wasm_ws, "Cargo.lock"))
    # Path packages (the shims, wasmacro-host) are new; the macros' own dependencies drop out.
    changed = {p for p in after - before if p[2] is not None}
    check("the drop-in swap leaves every other locked version as it was", not changed, str(sorted(changed)))

    for e in entries:
        if e["name"] not in shims:
            continue
        package = f"corpus_{e['consumer']}"
        label = f"{e['name']} ({package})"
        consumer_dir, cases = consumer_info(native_meta, package)
        results = {}
        for side, ws, cenv in (("native", native_ws, native_env), ("wasm", wasm_ws, wasm_env)):
            status, tests, tail = test_results(ws, cenv, package)
            exp_status, text, exp_err = expanded(ws, cenv, package)
            fail_status, diags = fail_diagnostics(ws, cenv, package, cases)
            results[side] = dict(status=status, tests=tests, tail=tail, exp_status=exp_status, expanded=text,
                                 exp_err=exp_err, fail_status=fail_status, diags=diags)
        n, w = results["native"], results["wasm"]
        passed = [t for t in n["tests"] if t[1] == "ok"]
        check(f"{label}: tests pass natively ({len(passed)})",
              n["status"] == 0 and passed and all(t[1] != "FAILED" for t in n["tests"]), n["tail"])
        check(f"{label}: the same tests pass with the wasm macro", w["status"] == 0 and w["tests"] == n["tests"],
              w["tail"])
        check(f"{label}: -Zunpretty=expanded byte-identical ({len(n['expanded'])} bytes)",
              n["exp_status"] == w["exp_status"] == 0 and n["expanded"] == w["expanded"],
              n["exp_err"] + w["exp_err"] + first_difference(n["expanded"], w["expanded"]))
        check(f"{label}: at least {MIN_FAIL_CASES} compile-fail cases ({len(cases)})", len(cases) >= MIN_FAIL_CASES)
        for case in cases:
            nd, wd = n["diags"][case], w["diags"][case]
            errors = sum(1 for d in nd if d.get("level") == "error")
            detail = diagnostics_difference(nd, wd)
            check(f"{label}: {case} fails with identical diagnostics ({len(nd)}, {errors} errors)",
                  errors > 0 and nd == wd, detail)
        check(f"{label}: the compile-fail build fails both ways",
              not cases or (n["fail_status"] != 0 and w["fail_status"] != 0))
        attributes = check_attribute_map(label, consumer_dir, cases)
        for c in summary["crates"]:
            if c["name"] == e["name"]:
                c.update(tests=len(passed), fail_cases=len(cases), attributes=attributes,
                         expanded_bytes=len(n["expanded"]))

    with open(os.path.join(work, "summary.json"), "w") as f:
        json.dump(summary, f, indent=2)
    print(f"corpus parity: {len(entries)} crate(s), {len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
