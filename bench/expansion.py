"""Benchmark (e): expansion time through the whole bridge against the native macro, in the same run.

A generated consumer crate derives serde's Serialize and Deserialize on N structs (ten fields of mixed
types, serde attributes, generics on some) and N/2 enums. It is built twice with rustup's cargo:
against the native serde_derive from crates.io, and with that serde_derive replaced through
[patch.crates-io] by the shim `wasmacro package` makes from serde_derive.wasm (the drop-in path). Both
build proc macros at opt-level 3. Each repetition touches the source and reads rustc's
`-Ztime-passes` line for `macro_expand_crate` (RUSTC_BOOTSTRAP is set to the consumer's crate name
only). The two `-Zunpretty=expanded` outputs are compared byte for byte as a check.
"""

import os
import re
import shutil
import statistics
import subprocess

CRATE = "serde_expansion_bench"
FIELD_TYPES = ["u8", "i32", "u64", "f64", "bool", "String", "Option<String>", "Vec<u32>",
               "BTreeMap<String, i64>", "(u16, char)"]


def consumer_source(count):
    lines = ["#![allow(dead_code)]", "use serde::{Deserialize, Serialize};", "use std::collections::BTreeMap;", ""]
    for i in range(count):
        generic = i % 5 == 0
        lines.append("#[derive(Serialize, Deserialize, Debug, PartialEq)]")
        if i % 3 == 0:
            lines.append('#[serde(rename_all = "camelCase")]')
        if i % 7 == 0:
            lines.append("#[serde(deny_unknown_fields)]")
        lines.append(f"pub struct Record{i}{'<T>' if generic else ''} {{")
        for j in range(10):
            field_type = FIELD_TYPES[(i + j) % len(FIELD_TYPES)]
            if j == 2:
                lines.append('    #[serde(rename = "renamed_field")]')
            if j == 5 and field_type.startswith("Option"):
                lines.append('    #[serde(skip_serializing_if = "Option::is_none")]')
            if j == 7:
                lines.append("    #[serde(default)]")
            lines.append(f"    pub field_{j}: {field_type},")
        if generic:
            lines.append("    pub payload: T,")
        lines += ["}", ""]
        if i % 2 == 0:
            lines.append("#[derive(Serialize, Deserialize, Debug, PartialEq)]")
            if i % 4 == 0:
                lines.append('#[serde(tag = "kind")]')
            lines += [f"pub enum Choice{i} {{ A, B {{ x: i32, y: String }}, C {{ value: u64 }} }}", ""]
    lines.append("fn main() {}")
    return "\n".join(lines) + "\n"


def manifest(serde_version, patch_path=None):
    text = (f'[package]\nname = "{CRATE}"\nversion = "0.1.0"\nedition = "2021"\n\n'
            f'[dependencies]\nserde = {{ version = "={serde_version}", features = ["derive"] }}\n\n'
            "[profile.dev.build-override]\nopt-level = 3\n\n[workspace]\n")
    if patch_path:
        text += f'\n[patch.crates-io]\nserde_derive = {{ path = "{patch_path}" }}\n'
    return text


def cargo_env(runtime_dir):
    env = dict(os.environ)
    env["RUSTC_BOOTSTRAP"] = CRATE
    env["WASMACRO_RUNTIME_DIR"] = runtime_dir
    for name in ("RUSTC", "RUSTFLAGS", "CARGO_TARGET_DIR"):
        env.pop(name, None)
    return env


def expand_seconds(crate_dir, env):
    os.utime(os.path.join(crate_dir, "src", "main.rs"))
    output = subprocess.run(["cargo", "rustc", "--quiet", "--", "-Ztime-passes"], cwd=crate_dir, env=env,
                            capture_output=True, text=True, check=True)
    for line in (output.stderr + output.stdout).splitlines():
        match = re.match(r"time:\s+([0-9.]+);.*\smacro_expand_crate$", line.strip())
        if match:
            return float(match.group(1))
    raise RuntimeError("no macro_expand_crate line in rustc's -Ztime-passes output")


def expanded(crate_dir, env):
    return subprocess.run(["cargo", "rustc", "--quiet", "--", "-Zunpretty=expanded"], cwd=crate_dir, env=env,
                          capture_output=True, check=True).stdout


def measure(wasmacro, serde_wasm, serde_version, runtime_dir, work, count, reps):
    if os.path.exists(work):
        shutil.rmtree(work)
    os.makedirs(work)
    shim = os.path.join(work, "serde_derive_shim")
    subprocess.run([wasmacro, "package", serde_wasm, "-o", shim], check=True, capture_output=True)
    sides = {}
    for side, patch in (("native", None), ("wasmacro", shim)):
        crate_dir = os.path.join(work, side)
        os.makedirs(os.path.join(crate_dir, "src"))
        with open(os.path.join(crate_dir, "Cargo.toml"), "w") as f:
            f.write(manifest(serde_version, patch))
        with open(os.path.join(crate_dir, "src", "main.rs"), "w") as f:
            f.write(consumer_source(count))
        env = cargo_env(runtime_dir)
        subprocess.run(["cargo", "build", "--quiet"], cwd=crate_dir, env=env, check=True)
        sides[side] = (crate_dir, env)
    samples = {side: [] for side in sides}
    for _ in range(reps):
        for side, (crate_dir, env) in sides.items():
            samples[side].append(expand_seconds(crate_dir, env))
    identical = expanded(*sides["native"]) == expanded(*sides["wasmacro"])
    summary = {side: {"median": statistics.median(s), "min": min(s), "max": max(s), "samples": s}
               for side, s in samples.items()}
    return {
        "status": "measured",
        "macro": f"serde_derive {serde_version} (Serialize + Deserialize)",
        "structs": count,
        "enums": (count + 1) // 2,
        "native_seconds": summary["native"],
        "wasmacro_seconds": summary["wasmacro"],
        "ratio": summary["wasmacro"]["median"] / summary["native"]["median"],
        "expansion_identical": identical,
    }
