#!/usr/bin/env python3
"""The crates.io corpus benchmark (issue 6): real macros, native against wasmacro and watt.

1. Runs tests/corpus/parity.py, which builds every corpus macro with `wasmacro build`, packages it
   under its own name and version, and proves the expansion identical to native; the benchmark times
   nothing else.
2. For each [[workload]] of corpus/corpus.toml (a Python module there that writes the consumer's
   source for a size N and lists the ways to build it), for each N, each way in its own folder,
   medians of --reps runs, ways interleaved within each repetition:
     (a) clean: an empty target folder to the consumer checked (`cargo check`);
     (b) incremental: `cargo check` after touching the consumer's source;
     (c) expansion: rustc's `-Ztime-passes` `macro_expand_crate` after a touch.
   The zero-setup way first builds once with an empty runtime cache (the one-time cost, reported
   apart), then runs with it cached. RUSTC_BOOTSTRAP names the consumer crate only; proc macros
   are built at opt-level 3 both ways ([profile.dev.build-override]); no expansion cache exists.
3. For each corpus crate, its consumer native and with the wasm macro: (b) and (c) as above.
Writes <out-dir>/<date>-<machine>.json; bench/report.py renders it into docs/benchmarks.md.

usage: corpus.py --wasmacro PATH --runtime-dir DIR --work DIR --out-dir DIR [--reps N]
                 [--sizes N ...] [--no-workloads] [--no-consumers] [--only CRATE ...]
"""
import argparse
import datetime
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import time
import tomllib

from collect import first_line, log, machine_details, machine_id, summary, write_result

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
CORPUS = os.path.join(ROOT, "corpus")
EXPAND_LINE = re.compile(r"time:\s+([0-9.]+);.*\smacro_expand_crate$")


def cargo(args, cwd, env, check=True):
    started = time.perf_counter()
    proc = subprocess.run(["cargo", *args], cwd=cwd, env=env, capture_output=True, text=True)
    took = time.perf_counter() - started
    if check and proc.returncode != 0:
        sys.stderr.write(proc.stderr[-6000:])
        raise SystemExit(f"bench/corpus: cargo {' '.join(args)} failed in {cwd}")
    return proc, took


def touch(path):
    os.utime(path)


def expansion_seconds(cwd, env, package_args, source):
    touch(source)
    proc, _ = cargo(["rustc", *package_args, "--lib", "--profile", "check", "--", "-Ztime-passes"], cwd, env)
    for line in proc.stderr.splitlines():
        match = EXPAND_LINE.match(line.strip())
        if match:
            return float(match.group(1))
    raise SystemExit(f"bench/corpus: no macro_expand_crate line from -Ztime-passes in {cwd}")


def base_env():
    env = dict(os.environ)
    for name in ("RUSTC_BOOTSTRAP", "RUSTFLAGS", "CARGO_TARGET_DIR", "RUSTC", "WASMACRO_RUNTIME_DIR"):
        env.pop(name, None)
    return env


def load_workload(entry):
    spec = importlib.util.spec_from_file_location(f"workload_{entry['name']}", os.path.join(CORPUS, entry["module"]))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_way(folder, workload, way, count, shims):
    os.makedirs(os.path.join(folder, "src"), exist_ok=True)
    manifest = (f'[package]\nname = "{workload.CRATE}"\nversion = "0.1.0"\nedition = "2021"\npublish = false\n\n'
                f"[dependencies]\n{way['dependencies']}\n"
                "[profile.dev.build-override]\nopt-level = 3\n\n[workspace]\n")
    if way.get("patch"):
        manifest += f'\n[patch.crates-io]\n{way["patch"]} = {{ path = "{shims[way["patch"]]}" }}\n'
    with open(os.path.join(folder, "Cargo.toml"), "w") as f:
        f.write(manifest)
    with open(os.path.join(folder, "src", "lib.rs"), "w") as f:
        f.write(workload.source(count))


def way_env(env, way, folder, runtime_dir, zero_cache, crate):
    env = dict(env, CARGO_TARGET_DIR=os.path.join(folder, "target"), RUSTC_BOOTSTRAP=crate)
    if way.get("runtime") == "fast":
        env["WASMACRO_RUNTIME_DIR"] = runtime_dir
    elif way.get("runtime") == "zero-setup":
        env["WASMACRO_CACHE_DIR"] = zero_cache
    return env


def ratios(result, ways):
    for way in ways:
        base = way.get("baseline")
        if not base or base not in result or way["name"] not in result:
            continue
        for measure in ("clean", "incremental", "expansion"):
            mine, theirs = result[way["name"]].get(measure), result[base].get(measure)
            if mine and theirs:
                mine["ratio"] = mine["median"] / theirs["median"]


def run_workload(entry, shims, versions, args, env):
    workload = load_workload(entry)
    ways = workload.ways(versions[workload.MACRO])
    out = {"name": entry["name"], "crate": workload.CRATE, "macro": workload.MACRO,
           "macro_version": versions[workload.MACRO], "doc": (workload.__doc__ or "").strip(),
           "ways": [{k: w.get(k) for k in ("name", "dependencies", "patch", "runtime", "baseline")} for w in ways],
           "sizes": {}}
    zero_cache = os.path.join(args.work, "zero-setup-cache")
    for count in args.sizes or workload.SIZES:
        log(f"workload {entry['name']}, N = {count}")
        folders = {w["name"]: os.path.join(args.work, "workloads", f"{entry['name']}-{count}", w["name"]) for w in ways}
        envs = {}
        result = {w["name"]: {} for w in ways}
        for way in ways:
            shutil.rmtree(folders[way["name"]], ignore_errors=True)
            write_way(folders[way["name"]], workload, way, count, shims)
            envs[way["name"]] = way_env(env, way, folders[way["name"]], args.runtime_dir, zero_cache, workload.CRATE)
            if way.get("runtime") == "zero-setup" and not os.path.exists(zero_cache + "/.measured"):
                # The one-time cost: the bundled runtime compiled into an empty cache.
                shutil.rmtree(zero_cache, ignore_errors=True)
                _, took = cargo(["check", "--quiet"], folders[way["name"]], envs[way["name"]])
                out["zero_setup_first_build_seconds"] = took
                open(zero_cache + "/.measured", "w").close()
            else:
                cargo(["check", "--quiet"], folders[way["name"]], envs[way["name"]])  # fetch, warm the disk cache
        samples = {w["name"]: {"clean": [], "incremental": [], "expansion": []} for w in ways}
        for _ in range(args.reps):
            for way in ways:
                folder = folders[way["name"]]
                shutil.rmtree(os.path.join(folder, "target"), ignore_errors=True)
                samples[way["name"]]["clean"].append(cargo(["check", "--quiet"], folder, envs[way["name"]])[1])
        for _ in range(args.reps):
            for way in ways:
                folder = folders[way["name"]]
                touch(os.path.join(folder, "src", "lib.rs"))
                samples[way["name"]]["incremental"].append(cargo(["check", "--quiet"], folder, envs[way["name"]])[1])
        for _ in range(args.reps):
            for way in ways:
                folder = folders[way["name"]]
                samples[way["name"]]["expansion"].append(
                    expansion_seconds(folder, envs[way["name"]], [], os.path.join(folder, "src", "lib.rs")))
        for way in ways:
            result[way["name"]] = {m: summary(s) for m, s in samples[way["name"]].items()}
        ratios(result, ways)
        # The same expansion, or the numbers compare different work.
        swapped = [w for w in ways if w.get("patch")]
        expanded = {}
        for name in {w["name"] for w in swapped} | {w["baseline"] for w in swapped}:
            proc, _ = cargo(["rustc", "--quiet", "--lib", "--profile", "check", "--", "-Zunpretty=expanded"],
                            folders[name], envs[name])
            expanded[name] = proc.stdout
        for way in swapped:
            result[way["name"]]["expansion_identical_to_baseline"] = expanded[way["name"]] == expanded[way["baseline"]]
        out["sizes"][str(count)] = result
        for way in ways:
            r = result[way["name"]]
            log("  " + way["name"].ljust(22) + "  ".join(
                f"{m} {r[m]['median']:.2f}s" + (f" ({r[m]['ratio']:.2f}x)" if "ratio" in r[m] else "")
                for m in ("clean", "incremental", "expansion")))
    return out


def run_consumers(summary_data, args, env):
    parity = os.path.join(args.work, "parity")
    corpus_env = dict(env, RUSTC_BOOTSTRAP=summary_data["rustc_bootstrap"])
    sides = {"native": (os.path.join(parity, "native"), dict(corpus_env, CARGO_TARGET_DIR=os.path.join(parity, "target-native"))),
             "wasm": (os.path.join(parity, "wasm"), dict(corpus_env, CARGO_TARGET_DIR=os.path.join(parity, "target-wasm"),
                                                         WASMACRO_RUNTIME_DIR=args.runtime_dir))}
    rows = []
    for crate in summary_data["crates"]:
        package = crate["consumer"]
        log(f"consumer {package} ({crate['name']} {crate['version']})")
        source = lambda ws: os.path.join(ws, "consumers", package.removeprefix("corpus_"), "src", "lib.rs")
        for ws, cenv in sides.values():
            cargo(["check", "--quiet", "-p", package], ws, cenv)
        samples = {side: {"incremental": [], "expansion": []} for side in sides}
        for _ in range(args.reps):
            for side, (ws, cenv) in sides.items():
                touch(source(ws))
                samples[side]["incremental"].append(cargo(["check", "--quiet", "-p", package], ws, cenv)[1])
        for _ in range(args.reps):
            for side, (ws, cenv) in sides.items():
                samples[side]["expansion"].append(expansion_seconds(ws, cenv, ["-p", package], source(ws)))
        row = {"crate": crate["name"], "version": crate["version"], "consumer": package}
        for side in sides:
            row[side] = {m: summary(s) for m, s in samples[side].items()}
        for m in ("incremental", "expansion"):
            row["wasm"][m]["ratio"] = row["wasm"][m]["median"] / row["native"][m]["median"]
        rows.append(row)
        log(f"  check {row['native']['incremental']['median']:.2f}s vs {row['wasm']['incremental']['median']:.2f}s, "
            f"expansion {row['native']['expansion']['median'] * 1e3:.0f} ms vs "
            f"{row['wasm']['expansion']['median'] * 1e3:.0f} ms")
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--wasmacro", required=True)
    ap.add_argument("--runtime-dir", required=True, help="holds a prebuilt libwasmacro_runtime.a (the fast path)")
    ap.add_argument("--work", required=True)
    ap.add_argument("--out-dir", required=True)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--sizes", type=int, nargs="*", default=[], help="workload sizes (default: each workload's)")
    ap.add_argument("--no-workloads", action="store_true")
    ap.add_argument("--no-consumers", action="store_true")
    ap.add_argument("--only", nargs="*", default=[], help="corpus crate names (default: all)")
    args = ap.parse_args()
    args.work = os.path.abspath(args.work)
    os.makedirs(args.work, exist_ok=True)
    env = base_env()
    started = time.monotonic()
    now = datetime.datetime.now(datetime.timezone.utc)
    result = {"date": now.strftime("%Y-%m-%dT%H:%M:%SZ"), "machine_id": machine_id(), "machine": machine_details(),
              "repetitions": args.reps}

    log("corpus parity (tests/corpus/parity.py): builds every macro to wasm, checks it against native")
    parity = subprocess.run([sys.executable, os.path.join(ROOT, "tests", "corpus", "parity.py"), "--wasmacro",
                             args.wasmacro, "--work", os.path.join(args.work, "parity"), "--reuse-wasm"] +
                            (["--only", *args.only] if args.only else []),
                            env=dict(env, WASMACRO_RUNTIME_DIR=args.runtime_dir), capture_output=True, text=True)
    sys.stderr.write(parity.stdout)
    with open(os.path.join(args.work, "parity", "summary.json")) as f:
        summary_data = json.load(f)
    with open(os.path.join(CORPUS, "corpus.toml"), "rb") as f:
        corpus = tomllib.load(f)
    result["parity"] = {"passed": parity.returncode == 0,
                        "failures": [l[5:] for l in parity.stdout.splitlines() if l.startswith("FAIL")],
                        "checks": sum(1 for l in parity.stdout.splitlines() if l.startswith(("ok  ", "FAIL")))}
    result["crates"] = [{k: c.get(k) for k in ("name", "version", "features", "consumer", "wasm_bytes", "build_seconds",
                                                "tests", "fail_cases", "attributes", "expanded_bytes")}
                        for c in summary_data["crates"]]
    result["versions"] = {
        "rustc": first_line(["rustc", "--version"]), "cargo": first_line(["cargo", "--version"]),
        "rustc_wasm32_guests": first_line(["/usr/bin/rustc", "--version"]),
        "wasmacro_commit": first_line(["git", "-C", ROOT, "rev-parse", "--short=12", "HEAD"]),
    }
    shims = {c["name"]: c["shim"] for c in summary_data["crates"]}
    versions = {c["name"]: c["version"] for c in summary_data["crates"]}
    if not args.no_workloads:
        result["workloads"] = [run_workload(w, shims, versions, args, env) for w in corpus.get("workload", [])]
    if not args.no_consumers:
        result["consumers"] = run_consumers(summary_data, args, env)
    result["machine"]["load_average_at_end"] = list(os.getloadavg())
    result["run_seconds"] = round(time.monotonic() - started, 1)
    print(write_result(args.out_dir, now, result))
    return 0 if result["parity"]["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
