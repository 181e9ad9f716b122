"""What the native-against-wasm parity drivers (tests/bridge/parity.py, tests/corpus/parity.py) share:
running a command, reporting checks, and the one rule for comparing rustc's JSON diagnostics."""
import json
import subprocess
import sys
import time

failures = []


def run(cmd, cwd=None, env=None, check=True):
    started = time.time()
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    if check and proc.returncode != 0:
        sys.stderr.write(proc.stdout[-4000:] + proc.stderr[-8000:])
        raise SystemExit(f"parity: command failed ({proc.returncode}): {' '.join(cmd)}")
    return proc, time.time() - started


def check(name, ok, detail=""):
    print(f"{'ok  ' if ok else 'FAIL'} {name}", flush=True)
    if not ok:
        failures.append(name)
        if detail:
            print(detail[:6000], flush=True)


def first_difference(a, b):
    for i, (x, y) in enumerate(zip(a.splitlines(), b.splitlines())):
        if x != y:
            return f"  line {i + 1}:\n    native: {x[:300]}\n    wasm:   {y[:300]}"
    return f"  lengths differ: {len(a)} vs {len(b)}"


def strip(diag):
    """A diagnostic as compared: everything but `rendered` (paths) and `def_site_span`."""
    if isinstance(diag, dict):
        return {k: strip(v) for k, v in diag.items() if k not in ("rendered", "def_site_span")}
    if isinstance(diag, list):
        return [strip(v) for v in diag]
    return diag


def diagnostics_difference(native, wasm):
    """Where two lists of stripped diagnostics first differ, for a failure message."""
    for i, (a, b) in enumerate(zip(native, wasm)):
        if a != b:
            return f"diagnostic {i}:\n  native: {json.dumps(a)[:2500]}\n  wasm:   {json.dumps(b)[:2500]}"
    return f"{len(native)} native diagnostics, {len(wasm)} wasm" if len(native) != len(wasm) else ""
