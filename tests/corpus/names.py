#!/usr/bin/env python3
"""No corpus crate name in the project's own sources outside corpus/ (issue 6).

The drivers treat every corpus crate alike: everything specific to one (its consumer, compile-fail
cases, attribute map, benchmark workload) lives in corpus/. This scans every file git tracks,
leaving out corpus/ itself, Markdown documentation (README.md and docs/ name the crates to explain
and report on them) and bench/results/ (measurement records). A name matches with `-` or `_`, in
any case.

usage: names.py [--root DIR]
"""
import argparse
import os
import re
import subprocess
import sys
import tomllib

EXCLUDED_PREFIXES = ("corpus/", "bench/results/")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default=os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    root = ap.parse_args().root
    with open(os.path.join(root, "corpus", "corpus.toml"), "rb") as f:
        names = [c["name"] for c in tomllib.load(f)["crate"]]
    pattern = re.compile("|".join(re.escape(n).replace("\\-", "[-_]").replace("_", "[-_]") for n in names), re.I)
    files = subprocess.run(["git", "ls-files", "-z"], cwd=root, capture_output=True, check=True).stdout
    files = [f for f in files.decode().split("\0") if f]
    if len(files) < 50:
        print(f"names: only {len(files)} tracked files under {root}; is it the repository?")
        return 1
    hits = []
    scanned = 0
    for rel in files:
        if rel.startswith(EXCLUDED_PREFIXES) or rel.endswith(".md") or rel == os.path.relpath(__file__, root):
            continue
        try:
            with open(os.path.join(root, rel), encoding="utf-8") as f:
                text = f.read()
        except (UnicodeDecodeError, FileNotFoundError):
            continue  # binary, or deleted in the working tree
        scanned += 1
        for number, line in enumerate(text.splitlines(), 1):
            if pattern.search(line):
                hits.append(f"{rel}:{number}: {line.strip()[:160]}")
    for hit in hits:
        print(hit)
    print(f"names: {len(names)} corpus crate names, {scanned} files scanned, {len(hits)} mention(s) outside corpus/")
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main())
