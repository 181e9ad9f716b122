#!/usr/bin/env bash
# Builds tests/rust/checks for wasm32-unknown-unknown with Debian's rustc and the sysroot that
# `wasmacro toolchain --print-sysroot` provides, builds the same crate natively, and checks that every
# workload gives the same number under `wasmacro run` as natively.
#   run-rust-checks.sh WASMACRO CRATE_DIR WORK_DIR
set -euo pipefail

if [[ $# -ne 3 ]]; then
  echo "usage: run-rust-checks.sh WASMACRO CRATE_DIR WORK_DIR" >&2
  exit 2
fi
wasmacro=$1
crate_src=$2
work=$3

# The crate is copied so that cargo writes Cargo.lock and target/ into the build tree, not the repo.
mkdir -p "$work"
rm -rf "$work/crate"
mkdir -p "$work/crate"
cp -r "$crate_src/Cargo.toml" "$crate_src/src" "$work/crate/"

echo "== wasm32 sysroot"
if ! sysroot=$("$wasmacro" toolchain --print-sysroot); then
  echo "FAIL: \`wasmacro toolchain --print-sysroot\` failed" >&2
  exit 1
fi
echo "$sysroot"

echo "== wasm32 build"
start=$SECONDS
(
  cd "$work/crate"
  env RUSTC=/usr/bin/rustc RUSTFLAGS="--sysroot=$sysroot" CARGO_TARGET_DIR="$work/target-wasm" \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld \
    /usr/bin/cargo build --release --lib --target wasm32-unknown-unknown --offline --quiet
)
wasm=$work/target-wasm/wasm32-unknown-unknown/release/wasmacro_rust_checks.wasm
echo "built $wasm ($(stat -c %s "$wasm") bytes) in $((SECONDS - start))s"

echo "== native build"
start=$SECONDS
# The host toolchain: rustup's cargo when it is on PATH, Debian's otherwise.
native_cargo=$(command -v cargo || echo /usr/bin/cargo)
expected=$(
  cd "$work/crate"
  env -u RUSTFLAGS -u RUSTC CARGO_TARGET_DIR="$work/target-native" \
    "$native_cargo" run --release --bin native --offline --quiet
)
echo "native results in $((SECONDS - start))s:"
echo "$expected"

echo "== compare"
failures=0
while read -r name value; do
  status=0
  actual=$("$wasmacro" run --fuel 2000000000 "$wasm" "$name" 2>&1) || status=$?
  if [[ $status -eq 0 && $actual == "$value" ]]; then
    echo "ok   $name = $actual"
  else
    echo "FAIL $name: wasm gave '$actual' (exit $status), native gave '$value'"
    failures=$((failures + 1))
  fi
done <<<"$expected"

# A Rust panic (here an out-of-bounds index) aborts: an unreachable trap, exit status 1, with a
# backtrace naming the (demangled) Rust functions from the name section.
status=0
output=$("$wasmacro" run "$wasm" deliberate_panic 3 2>&1) || status=$?
if [[ $status -eq 1 ]] && grep -q "unreachable" <<<"$output" && grep -q "core::panicking::" <<<"$output" &&
  grep -q "deliberate_panic" <<<"$output"; then
  echo "ok   deliberate_panic traps: $(head -n 1 <<<"$output")"
else
  echo "FAIL deliberate_panic: exit $status, output: $output"
  failures=$((failures + 1))
fi

if [[ $failures -ne 0 ]]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all rust checks passed"
