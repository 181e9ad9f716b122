#!/usr/bin/env python3
"""Runs the benchmarks that scripts/bench has built and writes one raw result file.

Everything measured goes into the JSON as per-repetition samples, plus median/min/max, so that
bench/report.py can regenerate docs/benchmarks.md from the raw data alone. CPU time (of the
measuring thread, or of the child process for wasm-interp) is the primary number: the benchmark
machines are shared, and wall time is recorded next to it.

  collect.py --build DIR --out FILE [--module NAME=PATH ...] [--skipped NAME=REASON ...]
             --workloads-wasm PATH --workloads-native PATH [--reps N] [--quick]
"""

import argparse
import datetime
import hashlib
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


SCHEMA = 1


def log(message):
    print(f"[collect {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def run(command, **kwargs):
    return subprocess.run(command, check=True, text=True, capture_output=True, **kwargs).stdout


def first_line(command):
    try:
        out = subprocess.run(command, text=True, capture_output=True, timeout=30)
        text = (out.stdout or out.stderr).strip()
        return text.splitlines()[0] if text else ""
    except (OSError, subprocess.SubprocessError):
        return "not found"


def summary(samples):
    return {"median": statistics.median(samples), "min": min(samples), "max": max(samples), "samples": samples}


# --- machine and versions --------------------------------------------------------------------------

def read_text(path):
    try:
        with open(path) as f:
            return f.read()
    except OSError:
        return ""


def machine_details():
    cpuinfo = read_text("/proc/cpuinfo")
    model = re.search(r"^model name\s*:\s*(.*)$", cpuinfo, re.M)
    memory = re.search(r"^MemTotal:\s*(\d+) kB", read_text("/proc/meminfo"), re.M)
    os_name = re.search(r'^PRETTY_NAME="?([^"\n]*)', read_text("/etc/os-release"), re.M)
    return {
        "cpu_model": model.group(1).strip() if model else platform.processor(),
        "logical_cpus": os.cpu_count(),
        "memory_gib": round(int(memory.group(1)) / (1 << 20), 1) if memory else None,
        "kernel": platform.release(),
        "os": os_name.group(1) if os_name else platform.system(),
        "arch": platform.machine(),
        "load_average_at_start": list(os.getloadavg()),
    }


def cmake_cache(build, key):
    match = re.search(rf"^{key}:[A-Z]+=(.*)$", read_text(os.path.join(build, "CMakeCache.txt")), re.M)
    return match.group(1) if match else ""


def versions(build):
    compiler = cmake_cache(build, "CMAKE_CXX_COMPILER")
    flags = cmake_cache(build, "CMAKE_CXX_FLAGS_RELEASE")
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
    git = lambda *args: first_line(["git", "-C", root, *args])
    dirty = subprocess.run(["git", "-C", root, "status", "--porcelain", "--untracked-files=no"],
                           text=True, capture_output=True).stdout.strip()
    return {
        "git_commit": git("rev-parse", "--short=12", "HEAD"),
        "git_tree_modified": bool(dirty),
        "cxx_compiler": first_line([compiler or "c++", "--version"]),
        "cxx_flags": f"{cmake_cache(build, 'CMAKE_BUILD_TYPE')} {flags}".strip(),
        "google_benchmark": first_line(["dpkg-query", "-W", "-f=${Version}", "libbenchmark-dev"]),
        # scripts/bench builds the workloads with this one rustc for both targets.
        "rustc_workloads_wasm32_and_native": first_line(["/usr/bin/rustc", "--version"]),
        "rustc_rustup": first_line([shutil.which("rustc") or "rustc", "--version"]),
        "wabt_wasm_interp": first_line(["wasm-interp", "--version"]),
        "wasm_opt": first_line(["wasm-opt", "--version"]),
        "python": platform.python_version(),
    }


# --- (a)-(c): Google Benchmark -------------------------------------------------------------------

def engine_benchmarks(build, modules, reps, min_time):
    binary = os.path.join(build, "bench", "wasmacro_engine_bench")
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        command = [binary, *[f"--module={path}" for path in modules.values()],
                   f"--page-writer={os.path.join(build, 'bench', 'page_writer.wasm')}",
                   f"--benchmark_repetitions={reps}", f"--benchmark_min_time={min_time}",
                   "--benchmark_format=console", "--benchmark_out_format=json", f"--benchmark_out={out.name}"]
        log(" ".join(command))
        subprocess.run(command, check=True, stdout=sys.stderr)
        with open(out.name) as f:
            raw = json.load(f)
    by_name = {}
    for entry in raw["benchmarks"]:
        if entry.get("run_type") != "iteration" or entry.get("error_occurred"):
            if entry.get("error_occurred"):
                by_name.setdefault(entry["run_name"], {"error": entry.get("error_message", "error")})
            continue
        by_name.setdefault(entry["run_name"], {"runs": []})["runs"].append(entry)

    def samples(runs, key, scale=1.0):
        return summary([r[key] * scale for r in runs])

    unit_scale = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}
    decode, cold, restore = {}, {}, {}
    for name, data in by_name.items():
        kind, _, arg = name.partition("/")
        if "error" in data:
            target = decode if kind == "decode_validate" else cold if kind == "cold_start" else restore
            target[arg] = {"error": data["error"]}
            continue
        runs = data["runs"]
        seconds = unit_scale[runs[0]["time_unit"]]
        if kind == "decode_validate":
            decode[arg] = {"mb_per_cpu_second": samples(runs, "bytes_per_second", 1e-6),
                           "cpu_ms": samples(runs, "cpu_time", seconds * 1e3),
                           "wall_ms": samples(runs, "real_time", seconds * 1e3)}
        elif kind == "cold_start":
            cold[arg] = {"binary_bytes": int(runs[0]["binary_bytes"]),
                         "functions": int(runs[0].get("functions", 0)),
                         "functions_translated_by_first_call": int(runs[0].get("functions_translated", 0)),
                         "total_cpu_ms": samples(runs, "cpu_time", seconds * 1e3),
                         "total_wall_ms": samples(runs, "real_time", seconds * 1e3),
                         "decode_validate_cpu_ms": samples(runs, "decode_validate_ms"),
                         "instantiate_cpu_ms": samples(runs, "instantiate_ms"),
                         "first_call_cpu_ms": samples(runs, "first_call_ms")}
        elif kind == "restore_after_dirtying_pages":
            restore[arg] = {"cpu_us": samples(runs, "cpu_time", seconds * 1e6),
                            "wall_us": samples(runs, "real_time", seconds * 1e6),
                            "pages_dirtied": int(runs[-1]["pages_dirtied"]),
                            "pages_copied": int(runs[-1]["pages_copied"])}
    return {"repetitions": reps, "min_time_seconds": min_time, "decode_validate": decode,
            "cold_start": cold, "restore": restore}


# --- (d): workloads ---------------------------------------------------------------------------------

def leb128(value):
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def read_leb128(data, pos):
    result = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, pos


def keep_one_function_export(wasm, name):
    """The module with every function export but `name` removed, so that wasm-interp 1.0.32
    (which has --run-all-exports but no way to pick one export) runs exactly one workload."""
    out, pos = bytearray(wasm[:8]), 8
    while pos < len(wasm):
        section_id = wasm[pos]
        size, body_start = read_leb128(wasm, pos + 1)
        body = wasm[body_start:body_start + size]
        if section_id == 7:
            count, p = read_leb128(body, 0)
            kept = []
            for _ in range(count):
                length, p = read_leb128(body, p)
                export_name = body[p:p + length].decode()
                p += length
                kind = body[p]
                index, end = read_leb128(body, p + 1)
                if kind != 0 or export_name == name:
                    kept.append(body[p - length - len(leb128(length)):end])
                p = end
            body = leb128(len(kept)) + b"".join(kept)
        out += bytes([section_id]) + leb128(len(body)) + body
        pos = body_start + size
    return bytes(out)


def child_cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_child(command):
    cpu_start, wall_start = child_cpu_seconds(), time.monotonic()
    out = subprocess.run(command, text=True, capture_output=True)
    return out, child_cpu_seconds() - cpu_start, time.monotonic() - wall_start


def wasm_interp(wasm_path, names, reps):
    with open(wasm_path, "rb") as f:
        wasm = f.read()
    results = {}
    if shutil.which("wasm-interp") is None:
        return {"_load_cpu_seconds": None, **{name: {"error": "wasm-interp (Debian wabt) is not installed"} for name in names}}
    with tempfile.TemporaryDirectory() as work:
        # Loading and validating alone, to show that it is noise next to execution.
        _, load_cpu, _ = timed_child(["wasm-interp", wasm_path])
        results["_load_cpu_seconds"] = load_cpu
        for name in names:
            single = os.path.join(work, f"{name}.wasm")
            with open(single, "wb") as f:
                f.write(keep_one_function_export(wasm, name))
            cpu, wall, value = [], [], None
            for _ in range(reps):
                out, cpu_took, wall_took = timed_child(["wasm-interp", "--run-all-exports", single])
                match = re.search(rf"^{re.escape(name)}\(\) => i(?:32|64):(\d+)", out.stdout, re.M)
                if out.returncode != 0 or not match:
                    results[name] = {"error": (out.stdout + out.stderr).strip()[-300:]}
                    break
                value = int(match.group(1))
                cpu.append(cpu_took)
                wall.append(wall_took)
            else:
                results[name] = {"result": value - (1 << 64) if value >= 1 << 63 else value,
                                 "cpu_seconds": summary(cpu), "wall_seconds": summary(wall)}
            log(f"wasm-interp {name}: " + (f"{statistics.median(cpu):.2f} s CPU" if name in results and "error" not in results[name] else "failed"))
    return results


def workloads(build, wasm_path, native_path, reps, interp_reps):
    log("native workloads")
    native = json.loads(run([native_path, "--reps", str(reps)]))["workloads"]
    log("wasmacro workloads")
    engine = json.loads(run([os.path.join(build, "bench", "wasmacro_workload_bench"), wasm_path, "--reps", str(reps)]))
    engine_by_name = {w["name"]: w for w in engine["workloads"]}
    log("wasm-interp workloads")
    interp = wasm_interp(wasm_path, [w["name"] for w in native], interp_reps)
    rows = []
    for w in native:
        e = engine_by_name.get(w["name"])
        i = interp.get(w["name"], {"error": "not run"})
        row = {"name": w["name"], "native_result": w["result"],
               "native_cpu_seconds": summary(w["cpu_seconds"]), "native_wall_seconds": summary(w["wall_seconds"])}
        if e:
            row.update({"wasmacro_result": e["result"], "wasmacro_first_call_cpu_seconds": e["first_call_cpu_seconds"],
                        "wasmacro_cpu_seconds": summary(e["cpu_seconds"]),
                        "wasmacro_wall_seconds": summary(e["wall_seconds"])})
        if "error" in i:
            row["wasm_interp_error"] = i["error"]
        else:
            row.update({"wasm_interp_result": i["result"], "wasm_interp_cpu_seconds": i["cpu_seconds"],
                        "wasm_interp_wall_seconds": i["wall_seconds"]})
        row["results_agree"] = all(row.get(k, w["result"]) == w["result"] for k in ("wasmacro_result", "wasm_interp_result"))
        rows.append(row)
    return {"repetitions": reps, "wasm_interp_repetitions": interp_reps, "wasm_binary_bytes": engine["binary_bytes"],
            "wasmacro_load_cpu_seconds": engine["load_cpu_seconds"],
            "wasm_interp_load_cpu_seconds": interp["_load_cpu_seconds"], "rows": rows}


def write_result(out_dir, now, result):
    """One raw result file per day and machine, the name report.py and scripts/bench expect."""
    os.makedirs(out_dir, exist_ok=True)
    path = os.path.join(out_dir, f"{now.strftime('%Y-%m-%d')}-{result['machine_id']}.json")
    with open(path, "w") as f:
        json.dump(result, f, indent=1)
        f.write("\n")
    return path


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def machine_id():
    raw = read_text("/etc/machine-id").strip() or platform.node()
    return re.sub(r"[^0-9a-z]", "", raw.lower())[:8] or "unknown"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", required=True)
    parser.add_argument("--out-dir", required=True)
    parser.add_argument("--module", action="append", default=[], help="NAME=PATH of a macro module")
    parser.add_argument("--module-origin", action="append", default=[], help="NAME=TEXT: where a module's crate came from")
    parser.add_argument("--skipped", action="append", default=[], help="NAME=REASON of a module not built")
    parser.add_argument("--workloads-wasm", required=True)
    parser.add_argument("--workloads-native", required=True)
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--interp-reps", type=int, default=1)
    parser.add_argument("--min-time", type=float, default=0.2)
    args = parser.parse_args()

    modules = dict(m.split("=", 1) for m in args.module)
    origins = dict(m.split("=", 1) for m in args.module_origin)
    now = datetime.datetime.now(datetime.timezone.utc)
    result = {
        "schema": SCHEMA,
        "date": now.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "machine_id": machine_id(),
        "machine": machine_details(),
        "versions": versions(os.path.abspath(args.build)),
        "modules": {name: {"file": os.path.basename(path), "bytes": os.path.getsize(path), "sha256": sha256(path),
                           "origin": origins.get(name, "")} for name, path in modules.items()},
        "skipped_modules": dict(s.split("=", 1) for s in args.skipped),
    }
    started = time.monotonic()
    result["engine"] = engine_benchmarks(args.build, modules, args.reps, args.min_time)
    result["workloads"] = workloads(args.build, args.workloads_wasm, args.workloads_native, args.reps, args.interp_reps)
    result["machine"]["load_average_at_end"] = list(os.getloadavg())
    result["run_seconds"] = round(time.monotonic() - started, 1)

    print(write_result(args.out_dir, now, result))


if __name__ == "__main__":
    main()
