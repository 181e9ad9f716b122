#!/usr/bin/env python3
"""Regenerates docs/benchmarks.md from every raw result file in bench/results (written by
bench/collect.py through scripts/bench): the targets of issue 5 against the newest run, a history of
the headline numbers, and every run in full, newest first.

  report.py RESULTS_DIR OUT.md
"""

import glob
import json
import math
import os
import sys

# Issue 5's targets: (label, unit, comparison, threshold).
TARGETS = {
    "cold_start": ("Cold start of the largest macro module measured, bytes to first call done", "ms", "<=", 20.0),
    "restore16": ("Restore after 16 dirtied 4 KiB pages", "µs", "<=", 20.0),
    "decode": ("Decode + validate throughput (slowest module)", "MB/s", ">=", 100.0),
    "ratio": ("Execution (d), geometric mean of wasmacro / native", "×", "<=", 4.0),
    "speedup": ("Execution (d), geometric mean speedup over wasm-interp", "×", ">=", 10.0),
}


def geomean(values):
    values = [v for v in values if v and v > 0]
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else None


def num(value, digits=None):
    if value is None:
        return "–"
    if digits is None:
        digits = 0 if abs(value) >= 100 else 1 if abs(value) >= 10 else 2 if abs(value) >= 1 else 3
    return f"{value:,.{digits}f}"


def spread(s, scale=1.0):
    """'median (min–max)' of a summary from collect.py."""
    if not s:
        return "–"
    return f"{num(s['median'] * scale)} ({num(s['min'] * scale)}–{num(s['max'] * scale)})"


def table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def headline(run):
    """The numbers the targets are about, each with a note saying what was measured."""
    out = {}
    measured = [(v["binary_bytes"], k, v) for k, v in run["engine"]["cold_start"].items() if "total_cpu_ms" in v]
    if measured:
        size, name, v = max(measured)
        out["cold_start"] = (v["total_cpu_ms"]["median"], f"{name} ({size / 1e6:.2f} MB), CPU; wall "
                                                          f"{num(v['total_wall_ms']['median'])} ms")
    else:
        out["cold_start"] = (None, "no module measured")
    restore = run["engine"]["restore"].get("16")
    out["restore16"] = (restore["cpu_us"]["median"], f"pages copied: {restore['pages_copied']}, dirtied: "
                        f"{restore['pages_dirtied']}, CPU") if restore and "cpu_us" in restore else (None, "not measured")
    decode = [(v["mb_per_cpu_second"]["median"], k) for k, v in run["engine"]["decode_validate"].items()
              if "mb_per_cpu_second" in v]
    out["decode"] = (min(decode)[0], f"{min(decode)[1]}; all modules: " + ", ".join(
        f"{k} {num(v)}" for v, k in sorted(decode, key=lambda x: x[1]))) if decode else (None, "no module measured")
    rows = run["workloads"]["rows"]
    ratios = [r["wasmacro_cpu_seconds"]["median"] / r["native_cpu_seconds"]["median"]
              for r in rows if "wasmacro_cpu_seconds" in r]
    out["ratio"] = (geomean(ratios), f"{len(ratios)} workloads, CPU time medians")
    speedups = [r["wasm_interp_cpu_seconds"]["median"] / r["wasmacro_cpu_seconds"]["median"]
                for r in rows if "wasm_interp_cpu_seconds" in r and "wasmacro_cpu_seconds" in r]
    out["speedup"] = (geomean(speedups), f"{len(speedups)} workloads, CPU time medians")
    return out


def met(key, value):
    if value is None:
        return "–"
    _, _, op, threshold = TARGETS[key]
    return "yes" if (value <= threshold if op == "<=" else value >= threshold) else "**no**"


def targets_section(run):
    h = headline(run)
    rows = []
    for key, (label, unit, op, threshold) in TARGETS.items():
        value, note = h[key]
        rows.append([label, f"{op.replace('<=', '≤').replace('>=', '≥')} {threshold:g} {unit}",
                     f"{num(value)} {unit}" if value is not None else "–", met(key, value), note])
    return table(["target", "goal", "measured (median)", "met", "what was measured"], rows)


def history_section(runs):
    rows = []
    for run in runs:
        h = headline(run)
        rows.append([run["date"], run["machine_id"], run["versions"].get("git_commit", "") +
                     (" (modified)" if run["versions"].get("git_tree_modified") else ""),
                     num(h["decode"][0]), num(h["cold_start"][0]), num(h["restore16"][0]),
                     num(h["ratio"][0]), num(h["speedup"][0])])
    return table(["run (UTC)", "machine", "commit", "decode MB/s (slowest)", "cold start ms (largest module)",
                  "restore 16 pages µs", "(d) ratio to native", "(d) speedup over wasm-interp"], rows)


def run_section(run, source):
    m, v = run["machine"], run["versions"]
    parts = [f"## Run {run['date']} on machine {run['machine_id']}", "",
             f"Raw data: [`{source}`](../{source}). The benchmarks ran for {run.get('run_seconds', '?')} s "
             "(builds not included).", ""]
    parts.append(table(["machine", ""], [
        ["CPU", f"{m['cpu_model']}, {m['logical_cpus']} logical CPUs ({m['arch']})"],
        ["memory", f"{m['memory_gib']} GiB"], ["kernel", m["kernel"]], ["OS", m["os"]],
        ["load average (1/5/15 min) at start", " / ".join(f"{x:.1f}" for x in m["load_average_at_start"])],
        ["load average at end", " / ".join(f"{x:.1f}" for x in m.get("load_average_at_end", []))]]))
    parts += ["", table(["version", ""], [[k.replace("_", " "), str(val)] for k, val in v.items()]), ""]
    engine = run["engine"]
    skipped = run.get("skipped_modules", {})
    modules = run.get("modules", {})
    if modules:
        parts += [table(["macro module", "bytes", "built from", "sha256"],
                        [[k, f"{m['bytes']:,}", m.get("origin", ""), m.get("sha256", "")[:16]]
                         for k, m in sorted(modules.items())]), ""]
    if skipped:
        parts += ["Modules not measured: " + "; ".join(f"{k}: {r}" for k, r in skipped.items()) + ".", ""]
    parts += ["(a)–(c) run under Google Benchmark; Debian's build of it prints \"Library was built as DEBUG\", "
              "which concerns its own timing loop, not the engine (built as listed above).", ""]

    parts += ["### (a) Decode + validate", "",
              f"`Module::load` on the whole binary; {engine['repetitions']} repetitions; MB/s of CPU time "
              "(1 MB = 10⁶ bytes). Median (min–max).", ""]
    rows = []
    for name, e in sorted(engine["decode_validate"].items()):
        size = engine["cold_start"].get(name, {}).get("binary_bytes")
        if "error" in e:
            rows.append([name, num(size / 1e3) if size else "–", "error: " + e["error"], "–", "–"])
        else:
            rows.append([name, num(size / 1e3) if size else "–", spread(e["mb_per_cpu_second"]), spread(e["cpu_ms"]),
                         num(e["wall_ms"]["median"])])
    parts += [table(["module", "KB", "MB/s (CPU)", "CPU ms", "wall ms"], rows), ""]

    parts += ["### (b) Cold start, by phase", "",
              "From the bytes to the first call of `wasmacro_alloc` done: decode + validate, instantiate "
              "(with stub imports), first call (including lazy translation of what it reaches). Phases are "
              "thread CPU ms per iteration; the total is Google Benchmark's CPU time, median (min–max), and also "
              "includes tearing the store and module down.", ""]
    rows = []
    for name, e in sorted(engine["cold_start"].items()):
        if "error" in e:
            rows.append([name, "–", "error: " + e["error"], "–", "–", "–", "–", "–"])
        else:
            rows.append([name, num(e["binary_bytes"] / 1e3), num(e["decode_validate_cpu_ms"]["median"]),
                         num(e["instantiate_cpu_ms"]["median"]), num(e["first_call_cpu_ms"]["median"]),
                         f"{e.get('functions_translated_by_first_call', '?')} of {e.get('functions', '?')}",
                         spread(e["total_cpu_ms"]), num(e["total_wall_ms"]["median"])])
    parts += [table(["module", "KB", "decode + validate ms", "instantiate ms", "first call ms",
                     "functions translated", "total CPU ms",
                     "total wall ms"], rows), ""]

    parts += ["### (c) Snapshot restore after dirtying pages", "",
              "`Instance::restore` after `touch(n)` wrote one byte into each of n 4 KiB pages "
              "(bench/page_writer.wat). Restore only; the writes are outside the timing.", ""]
    rows = [[n, spread(e["cpu_us"]), num(e["wall_us"]["median"]), e["pages_dirtied"], e["pages_copied"]]
            for n, e in sorted(engine["restore"].items(), key=lambda kv: int(kv[0])) if "cpu_us" in e]
    parts += [table(["pages dirtied", "restore CPU µs", "wall µs", "dirty pages counted", "pages copied"], rows), ""]

    w = run["workloads"]
    parts += ["### (d) Execution of Rust workloads", "",
              f"bench/workloads, one crate built by one rustc for wasm32 ({num(w['wasm_binary_bytes'] / 1e3)} KB, "
              f"rustc's output as is, where the macro modules also went through wasm-opt -O3) and natively, "
              f"both with opt-level 3, one codegen unit and panic=abort. Native and wasmacro: thread CPU time of each call, after one untimed warm-up "
              f"call (wasmacro's first call, with lazy translation, is shown apart); {w['repetitions']} "
              f"repetitions, median (min–max). wasm-interp (wabt): CPU time of the whole process, "
              f"{w['wasm_interp_repetitions']} run(s) of a copy of the module that exports only that workload; "
              f"its load alone takes {num((w['wasm_interp_load_cpu_seconds'] or 0) * 1e3)} ms. Ratios use medians.", ""]
    rows = []
    for r in w["rows"]:
        native = r["native_cpu_seconds"]["median"]
        ours = r.get("wasmacro_cpu_seconds", {}).get("median")
        interp = r.get("wasm_interp_cpu_seconds", {}).get("median")
        rows.append([r["name"], spread(r["native_cpu_seconds"], 1e3), spread(r.get("wasmacro_cpu_seconds"), 1e3),
                     f"{num(ours / native)}×" if ours else "–",
                     num(r["wasmacro_first_call_cpu_seconds"] * 1e3) if "wasmacro_first_call_cpu_seconds" in r else "–",
                     num(interp * 1e3) if interp else r.get("wasm_interp_error", "–")[:60],
                     f"{num(interp / ours)}×" if interp and ours else "–",
                     "yes" if r["results_agree"] else "**NO**"])
    h = headline(run)
    rows.append(["**geometric mean**", "", "", f"**{num(h['ratio'][0])}×**", "", "", f"**{num(h['speedup'][0])}×**", ""])
    parts += [table(["workload", "native ms", "wasmacro ms", "wasmacro / native", "first call ms", "wasm-interp ms",
                     "speedup over wasm-interp", "same result"], rows), ""]

    return "\n".join(parts)


# Issue 6's targets on the newest corpus run: (label, way, size, measure, goal ratio to its baseline).
CORPUS_TARGETS = [
    ("Clean build (a), N = 50, fast path", "wasmacro", "50", "clean", 0.3),
    ("Clean build (a), N = 50, zero-setup path, runtime cached", "wasmacro-zero-setup", "50", "clean", 0.5),
    ("Incremental check (b), N = 400", "wasmacro", "400", "incremental", 1.6),
    ("Expansion (c), N = 400", "wasmacro", "400", "expansion", 3.0),
]


def seconds(s, scale=1.0):
    return spread(s, scale) if s else "–"


def ratio_cell(s):
    return f"{num(s['ratio'])}×" if s and "ratio" in s else ""


def corpus_section(run, source):
    parts = [f"## crates.io corpus (issue 6): newest run {run['date']}, machine {run['machine_id']}", "",
             "`bench/corpus.py` (run by `scripts/bench`) first runs `tests/corpus/parity.py`: every macro of "
             "`corpus/corpus.toml` is built with `wasmacro build` from its crates.io source (versions pinned by "
             "`corpus/Cargo.lock`, the features its consumers enable), packaged under its own name and version, "
             "swapped in through `[patch.crates-io]`, and checked against the native macro. It then times the "
             f"workloads and every consumer. Wall-clock seconds, median of {run['repetitions']} runs (min–max), "
             "ways interleaved; ratios are to the baseline measured in the same run. Proc macros and build "
             "scripts are built at opt-level 3 every way (`[profile.dev.build-override]`); RUSTC_BOOTSTRAP names "
             "the consumer crate only; there is no expansion cache.", "",
             f"Parity: {'**passed**' if run['parity']['passed'] else '**FAILED**: ' + '; '.join(run['parity']['failures'])}"
             f" ({run['parity']['checks']} checks). Raw data: [`{source}`](../{source}).", ""]
    workloads = run.get("workloads") or []
    if workloads:
        w = workloads[0]
        rows = []
        for label, way, size, measure, goal in CORPUS_TARGETS:
            r = w["sizes"].get(size, {}).get(way, {}).get(measure)
            value = r.get("ratio") if r else None
            rows.append([label, f"≤ {goal:g}× native", f"{num(value)}×" if value else "–",
                         "–" if value is None else "yes" if value <= goal else "**no**"])
        big = w["sizes"].get("400", {})
        ours = big.get("wasmacro", {}).get("expansion", {}).get("ratio")
        watt = big.get("watt", {}).get("expansion", {}).get("ratio")
        if ours and watt:
            rows.append(["Expansion (c), N = 400: watt's ratio over wasmacro's", "≥ 8×", f"{num(watt / ours)}×",
                         "yes" if watt / ours >= 8 else "**no**"])
        identical = sum(1 for c in run["crates"] if c.get("expanded_bytes")) if run["parity"]["passed"] else None
        rows.append(["Corpus crates expanding identically to native", f"all {len(run['crates'])}",
                     f"{identical if identical is not None else 'see failures'}",
                     "yes" if identical == len(run["crates"]) and identical else "**no**"])
        parts += ["### Targets", "", table(["target", "goal", "measured", "met"], rows), ""]
        if "zero_setup_first_build_seconds" in w:
            parts += [f"One-time cost of the zero-setup path: the first clean build with an empty runtime cache "
                      f"took {num(w['zero_setup_first_build_seconds'])} s (it compiles the bundled C++ runtime "
                      "once per machine).", ""]
    for w in workloads:
        parts += [f"### Workload `{w['name']}`: {w['macro']} {w['macro_version']}", "", w["doc"], ""]
        parts += ["Ways:", ""] + [f"- `{way['name']}`: " + ", ".join(
            l.strip() for l in way["dependencies"].splitlines() if l.strip()) +
            (f"; `{way['patch']}` swapped for its wasmacro shim through `[patch.crates-io]`" if way.get("patch") else "") +
            (f"; runtime: {way['runtime']} path" if way.get("runtime") else "") +
            (f"; compared with `{way['baseline']}`" if way.get("baseline") else "") for way in w["ways"]] + [""]
        for size, result in w["sizes"].items():
            rows = []
            for way in w["ways"]:
                r = result.get(way["name"], {})
                same = r.get("expansion_identical_to_baseline")
                rows.append([way["name"], seconds(r.get("clean")), ratio_cell(r.get("clean")),
                             seconds(r.get("incremental")), ratio_cell(r.get("incremental")),
                             seconds(r.get("expansion"), 1e3), ratio_cell(r.get("expansion")),
                             "" if same is None else "identical" if same else "**differs**"])
            parts += [f"N = {size}:", "", table(["way", "(a) clean s", "ratio", "(b) check after touch s", "ratio",
                                                 "(c) macro_expand_crate ms", "ratio", "-Zunpretty=expanded"], rows), ""]
    if run.get("consumers"):
        rows = [[c["crate"], c["version"], f"`{c['consumer']}`", seconds(c["native"]["incremental"]),
                 seconds(c["wasm"]["incremental"]), ratio_cell(c["wasm"]["incremental"]),
                 seconds(c["native"]["expansion"], 1e3), seconds(c["wasm"]["expansion"], 1e3),
                 ratio_cell(c["wasm"]["expansion"])] for c in run["consumers"]]
        parts += ["### Every corpus consumer, native vs wasm", "",
                  table(["macro crate", "version", "consumer", "check after touch s, native", "wasm", "ratio",
                         "macro_expand_crate ms, native", "wasm", "ratio"], rows), ""]
    rows = [[c["name"], c["version"], ", ".join(c.get("features") or []) or "none", num(c.get("wasm_bytes")),
             num(c.get("build_seconds")), num(c.get("tests")), num(c.get("fail_cases")), num(c.get("attributes"))]
            for c in run["crates"]]
    parts += ["### The corpus", "", "Versions as pinned by `corpus/Cargo.lock`; features are those the consumers "
              "enable, which the wasm build uses too. Build time is `wasmacro build` in this run (0 when the module "
              "was reused from an earlier run with the same source, features and lock file).", "",
              table(["macro crate", "version", "features built", "wasm bytes", "build s", "consumer tests",
                     "compile-fail cases", "attributes mapped"], rows), ""]
    m, v = run["machine"], run["versions"]
    parts += ["Machine: " + f"{m['cpu_model']}, {m['logical_cpus']} logical CPUs, {m['memory_gib']} GiB, {m['os']}, "
              f"load average {', '.join(num(x) for x in m['load_average_at_start'])} at start. Tools: {v['rustc']}, "
              f"{v['cargo']} (consumers); {v['rustc_wasm32_guests']} (wasm32 guests); wasmacro {v['wasmacro_commit']}.",
              "", "Reproduce: `scripts/bench` (all benchmarks), or only this part: build the release preset, then "
              "`python3 bench/corpus.py --wasmacro build/release/wasmacro --runtime-dir build/release/runtime "
              "--work build/corpus-bench --out-dir bench/results/corpus`.", ""]
    return "\n".join(parts)


def main():
    results_dir, out = sys.argv[1], sys.argv[2]
    loaded = []
    for path in sorted(glob.glob(os.path.join(results_dir, "*.json"))):
        with open(path) as f:
            loaded.append((json.load(f), os.path.relpath(path, os.path.join(os.path.dirname(out), ".."))))
    loaded.sort(key=lambda item: item[0]["date"], reverse=True)
    if not loaded:
        sys.exit(f"report.py: no results in {results_dir}")
    newest = loaded[0][0]
    text = [
        "# Benchmarks",
        "",
        "<!-- Generated by bench/report.py from bench/results/*.json; run scripts/bench to add a run. "
        "Do not edit by hand. -->",
        "",
        "`scripts/bench` builds an optimised engine, the workloads and the macro modules, runs every "
        "benchmark of issue 5, and writes the raw samples to `bench/results/<date>-<machine>.json`; this page "
        "is regenerated from all of them. Times are CPU time of the measuring thread (the benchmark machines "
        "are shared and busy), as the median over repetitions with min–max beside it.",
        "",
        f"## Targets of issue 5 (newest run: {newest['date']}, machine {newest['machine_id']})",
        "",
        targets_section(newest),
        "",
        "## History",
        "",
        history_section([run for run, _ in loaded]),
        "",
    ]
    corpus_runs = []
    for path in glob.glob(os.path.join(results_dir, "corpus", "*.json")):
        with open(path) as f:
            corpus_runs.append((json.load(f), os.path.relpath(path, os.path.join(os.path.dirname(out), ".."))))
    if corpus_runs:
        text.append(corpus_section(*max(corpus_runs, key=lambda item: item[0]["date"])))
    text += [run_section(run, source) for run, source in loaded]
    with open(out, "w") as f:
        f.write("\n".join(text).rstrip() + "\n")
    print(out)


if __name__ == "__main__":
    main()
