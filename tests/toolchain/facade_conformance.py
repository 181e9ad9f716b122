#!/usr/bin/env python3
"""Facade conformance: guest/proc_macro must offer exactly the stable API of rustc's proc_macro.

The expected API is read, at test time, from the proc_macro sources Debian ships with rustc-web:
every item marked #[stable(since <= MAX_SINCE)]. From it this script generates two Rust files and
compiles them for wasm32 against the facade:

  positive.rs  uses every stable item with its exact signature (fn-pointer coercions, trait bounds
               with associated types, exhaustive enum matches, negative Send/Sync impls); it must
               compile without errors.
  negative.rs  uses every unstable (or newer than MAX_SINCE) item, one per line; every one of those
               lines must fail to compile.

It also parses the facade's own lib.rs the same way and fails on any public item or trait impl that
the stable API does not have.

Exit status 0 when the facade conforms; otherwise the differences are printed.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

# ---------------------------------------------------------------------------------------------
# A small Rust tokenizer and item parser: enough for proc_macro's lib.rs and the facade's.


def strip_comments(text):
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            depth, i = 1, i + 2
            while i < n and depth:
                if text.startswith("/*", i):
                    depth, i = depth + 1, i + 2
                elif text.startswith("*/", i):
                    depth, i = depth - 1, i + 2
                else:
                    i += 1
        elif c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            out.append(text[i : j + 1])
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


TOKEN = re.compile(
    r"""(?P<str>b?"(?:\\.|[^"\\])*")|(?P<char>b?'(?:\\.|\\u\{[0-9a-fA-F]+\}|[^'\\])')|(?P<life>'[A-Za-z_]\w*)"""
    r"""|(?P<ident>[A-Za-z_]\w*)|(?P<num>\d[\w.]*)|(?P<ws>\s+)|(?P<p>->|=>|::|\$|.)""",
    re.S,
)


def tokenize(text):
    toks = []
    for m in TOKEN.finditer(strip_comments(text)):
        if m.lastgroup != "ws":
            toks.append(m.group())
    return toks


OPEN = {"(": ")", "[": "]", "{": "}"}


def skip_group(toks, i):
    """toks[i] is an opening bracket; returns the index after its match."""
    depth = 0
    while i < len(toks):
        if toks[i] in OPEN:
            depth += 1
        elif toks[i] in (")", "]", "}"):
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise ValueError("unbalanced brackets")


def join(toks):
    s = " ".join(toks)
    for a, b in ((" :: ", "::"), (" ,", ","), ("< ", "<"), (" >", ">"), ("& ", "&"), ("( ", "("), (" )", ")"),
                 (" <", "<"), ("[ ", "["), (" ]", "]"), ("' ", "'")):
        s = s.replace(a, b)
    s = s.replace("->", " -> ").replace("  ", " ")
    return s.strip()


class Item:
    def __init__(self, kind, path, stability, **kw):
        self.kind, self.path, self.stability = kind, path, stability
        self.__dict__.update(kw)

    def __repr__(self):
        return f"{self.kind} {self.path} [{self.stability}]"


def stability_of(attrs, inherited):
    for a in attrs:
        m = re.match(r"stable\b.*since\s*=\s*\"([^\"]+)\"", a)
        if m:
            return "stable " + m.group(1)
        if re.match(r"unstable\b", a):
            return "unstable"
    return inherited


def derives_of(attrs):
    out = []
    for a in attrs:
        m = re.match(r"derive\s*\((.*)\)", a)
        if m:
            out += [d.strip() for d in m.group(1).split(",") if d.strip()]
    return out


class Parser:
    def __init__(self, toks):
        self.toks = toks
        self.items = []
        self.macros = {}

    def parse(self):
        self.items_in(0, len(self.toks), [], None, "stable 0")
        return self.items

    def attrs_at(self, i):
        attrs = []
        while i < len(self.toks) and self.toks[i] == "#":
            inner = self.toks[i + 1] == "!"
            start = i + 2 if inner else i + 1
            end = skip_group(self.toks, start)
            if not inner:
                attrs.append(join(self.toks[start + 1 : end - 1]))
            i = end
        return attrs, i

    def items_in(self, i, end, mod_path, impl, inherited):
        t = self.toks
        while i < end:
            attrs, i = self.attrs_at(i)
            if i >= end:
                break
            stab = stability_of(attrs, inherited)
            pub = False
            if t[i] == "pub":
                pub, i = True, i + 1
                if t[i] == "(":
                    pub, i = False, skip_group(t, i)
            while t[i] in ("unsafe", "const", "default", "extern") and t[i + 1] != "{":
                i += 1
            kw = t[i]
            if kw == "fn":
                i = self.fn_item(i, mod_path, impl, stab, pub or (impl is not None and impl["trait"] is not None))
            elif kw in ("struct", "enum"):
                i = self.adt_item(kw, i, mod_path, stab, pub, attrs)
            elif kw == "impl":
                i = self.impl_item(i, mod_path, stab)
            elif kw == "mod":
                name = t[i + 1]
                if t[i + 2] == ";":
                    i += 3
                    continue
                body_end = skip_group(t, i + 2)
                if pub:
                    self.items.append(Item("mod", "::".join(mod_path + [name]), stab))
                self.items_in(i + 3, body_end - 1, mod_path + [name], None, stab)
                i = body_end
            elif kw == "use":
                j = t.index(";", i)
                if pub:
                    names = [x for x in t[i + 1 : j] if re.match(r"[A-Za-z_]\w*$", x)]
                    tree = t[i + 1 : j]
                    if "{" in tree:
                        leaves = tree[tree.index("{") + 1 : -1]
                        names = [x for x in leaves if re.match(r"[A-Za-z_]\w*$", x)]
                    else:
                        names = names[-1:]
                    for name in names:
                        self.items.append(Item("use", "::".join(mod_path + [name]), stab))
                i = j + 1
            elif kw == "macro_rules":
                name = t[i + 2]
                body_end = skip_group(t, i + 3)
                self.macros[name] = t[i + 4 : body_end - 1]
                i = body_end
            elif kw == "macro":
                name = t[i + 1]
                i = skip_group(t, skip_group(t, i + 2))
                if pub:
                    self.items.append(Item("macro", "::".join(mod_path + [name]), stab))
            elif kw == "type":
                j = t.index(";", i)
                if impl is not None and "=" in t[i:j]:
                    eq = t.index("=", i)
                    impl["assoc"].append((t[i + 1], join(t[eq + 1 : j])))
                i = j + 1
            elif kw in ("static", "const"):
                i = t.index(";", i) + 1
            elif t[i + 1] == "!" and t[i] in self.macros:
                body_end = skip_group(t, i + 2)
                expanded = expand_macro(self.macros[t[i]], t[i + 3 : body_end - 1])
                sub = Parser(expanded)
                sub.macros = self.macros
                sub.items_in(0, len(expanded), mod_path, impl, stab)
                self.items += sub.items
                i = body_end + (1 if body_end < len(t) and t[body_end] == ";" else 0)
            elif t[i + 1] == "!":
                body_end = skip_group(t, i + 2)
                i = body_end + (1 if body_end < len(t) and t[body_end] == ";" else 0)
            else:
                raise ValueError(f"cannot parse item at token {i}: {' '.join(t[i:i + 12])}")

    def fn_item(self, i, mod_path, impl, stab, pub):
        t = self.toks
        name = t[i + 1]
        j = i + 2
        generic = False
        if t[j] == "<":
            generic = True
            depth = 0
            while True:
                depth += {"<": 1, ">": -1}.get(t[j], 0)
                j += 1
                if depth == 0:
                    break
        params_end = skip_group(t, j)
        params = t[j + 1 : params_end - 1]
        k = params_end
        ret = []
        if t[k] == "->":
            k += 1
            while t[k] not in ("{", ";", "where"):
                ret.append(t[k])
                k += 1
        while t[k] not in ("{", ";"):
            k += 1
        end = skip_group(t, k) if t[k] == "{" else k + 1
        if pub and (impl is None or impl["trait"] is None):
            owner = impl["self"] if impl else None
            path = "::".join(mod_path + ([owner] if owner else []) + [name])
            self.items.append(Item("fn", path, stab, owner=owner, params=split_params(params), ret=join(ret),
                                   generic=generic, mod_path=mod_path))
        return end

    def adt_item(self, kw, i, mod_path, stab, pub, attrs):
        t = self.toks
        name = t[i + 1]
        j = i + 2
        variants = []
        if t[j] == "(":
            j = skip_group(t, j)
        if t[j] == "{":
            end = skip_group(t, j)
            if kw == "enum":
                k = j + 1
                while k < end - 1:
                    _, k = self.attrs_at(k)
                    vname = t[k]
                    k += 1
                    fields = None
                    if t[k] == "(":
                        g = skip_group(t, k)
                        fields = [x for x in t[k + 1 : g - 1] if x != ","]
                        fields = [f for f in strip_attr_tokens(t[k + 1 : g - 1])]
                        k = g
                    variants.append((vname, fields))
                    if t[k] == ",":
                        k += 1
            j = end
        elif t[j] == ";":
            j += 1
        if t[j - 1] != ";" and j < len(t) and t[j] == ";":
            j += 1
        if pub:
            self.items.append(Item(kw, "::".join(mod_path + [name]), stab, name=name, variants=variants,
                                   derives=derives_of(attrs)))
        return j

    def impl_item(self, i, mod_path, stab):
        t = self.toks
        j = i + 1
        if t[j] == "<":
            raise ValueError("generic impls are not handled: " + " ".join(t[i : i + 12]))
        header = []
        while t[j] != "{":
            header.append(t[j])
            j += 1
        end = skip_group(t, j)
        negative = header[0] == "!"
        if "for" in header:
            f = header.index("for")
            trait, self_ty = header[:f], header[f + 1 :]
        else:
            trait, self_ty = None, header
        impl = {"trait": join(trait) if trait else None, "self": join(self_ty), "assoc": []}
        self.items_in(j + 1, end - 1, mod_path, impl, stab)
        if trait is not None:
            kind = "neg_impl" if negative else "trait_impl"
            tr = join(trait[1:] if negative else trait)
            self.items.append(Item(kind, f"{tr} for {impl['self']}", stab, trait=tr, self_ty=impl["self"],
                                   assoc=impl["assoc"], mod_path=mod_path))
        return end


def strip_attr_tokens(toks):
    out, i = [], 0
    while i < len(toks):
        if toks[i] == "#":
            i = skip_group(toks, i + 1)
        elif toks[i] == ",":
            i += 1
        else:
            out.append(toks[i])
            i += 1
    return out


def split_params(toks):
    params, cur, depth = [], [], 0
    for x in toks:
        depth += {"(": 1, "[": 1, "<": 1, ")": -1, "]": -1, ">": -1}.get(x, 0)
        if x == "," and depth == 0:
            params.append(cur)
            cur = []
        else:
            cur.append(x)
    if cur:
        params.append(cur)
    out = []
    for p in params:
        if p[-1] == "self":
            out.append(("self", join(p[:-1])))
        else:
            c = p.index(":")
            out.append((join(p[:c]), join(p[c + 1 :])))
    return out


def expand_macro(rules, args):
    """macro_rules with one rule: a matcher of fragments and literal tokens, optionally wrapped in one
    `$( ... )*` repetition, and a transcriber to match."""
    arm_end = skip_group(rules, 0)
    matcher = rules[1 : arm_end - 1]
    body_end = skip_group(rules, arm_end + 1)
    body = rules[arm_end + 2 : body_end - 1]
    repeated = matcher[:2] == ["$", "("]
    pattern = matcher[2 : skip_group(matcher, 1) - 1] if repeated else matcher
    elems = []
    k = 0
    while k < len(pattern):
        if pattern[k] == "$":
            elems.append(("var", pattern[k + 1]))
            k += 4  # $ name : fragment
        else:
            elems.append(("lit", pattern[k]))
            k += 1
    bindings = []
    a = 0
    while a < len(args) or (not repeated and not bindings):
        b = {}
        for e, (kind, v) in enumerate(elems):
            if kind == "lit":
                if a >= len(args) or args[a] != v:
                    raise ValueError(f"macro argument mismatch at {args[a:a + 3]}: expected {v}")
                a += 1
                continue
            stop = elems[e + 1][1] if e + 1 < len(elems) and elems[e + 1][0] == "lit" else None
            taken, depth = [], 0
            while a < len(args) and not (depth == 0 and args[a] == stop) and (stop or not taken or depth):
                depth += {"(": 1, "[": 1, "{": 1, ")": -1, "]": -1, "}": -1}.get(args[a], 0)
                taken.append(args[a])
                a += 1
            b[v] = taken
        bindings.append(b)
        if not repeated:
            break
    if repeated:
        bi = body.index("$")
        template = body[bi + 2 : skip_group(body, bi + 1) - 1]
    else:
        template = body
    out = []
    for b in bindings:
        k = 0
        while k < len(template):
            if template[k] == "$" and k + 1 < len(template) and template[k + 1] in b:
                out += b[template[k + 1]]
                k += 2
            else:
                out.append(template[k])
                k += 1
    return out


# ---------------------------------------------------------------------------------------------
# Comparing and generating checks.


def version_tuple(v):
    return tuple(int(x) for x in re.findall(r"\d+", v)[:3])


def is_expected(item, max_since):
    if not item.stability.startswith("stable "):
        return False
    since = item.stability.split(" ", 1)[1]
    if not re.match(r"\d+\.\d+", since):
        return False  # CURRENT_RUSTC_VERSION and the like: newer than any release
    return version_tuple(since) <= version_tuple(max_since)


def qualified(mod_path, name):
    return "::".join(["proc_macro"] + mod_path + [name])


def fn_pointer(item):
    params = []
    for pname, ty in item.params:
        if pname == "self":
            params.append(f"{ty} {item.owner}".replace("& ", "&") if ty else item.owner)
        else:
            params.append(ty)
    ret = f" -> {item.ret}" if item.ret else ""
    return f"fn({', '.join(params)}){ret}"


def bound(trait, assoc):
    if not assoc:
        return trait
    extra = ", ".join(f"{n} = {t}" for n, t in assoc)
    if trait.endswith(">"):
        return trait[:-1] + ", " + extra + ">"
    return f"{trait}<{extra}>"


PRELUDE = """#![allow(unused, non_snake_case, dead_code)]
extern crate proc_macro;
use proc_macro::*;
use proc_macro::token_stream::IntoIter;
use std::ffi::CStr;
use std::path::PathBuf;
use std::str::FromStr;
use std::{error, fmt};
fn check<T: ?Sized + BOUND>() {}
trait AmbiguousIfSend<A> { fn some_item() {} }
impl<T: ?Sized> AmbiguousIfSend<()> for T {}
impl<T: ?Sized + Send> AmbiguousIfSend<u8> for T {}
trait AmbiguousIfSync<A> { fn some_item() {} }
impl<T: ?Sized> AmbiguousIfSync<()> for T {}
impl<T: ?Sized + Sync> AmbiguousIfSync<u8> for T {}
"""


def positive_check(item, n):
    """Rust code that compiles only if `item` exists with its exact signature."""
    k = item.kind
    if k == "fn":
        path = qualified(item.mod_path, item.path.split("::")[-1]) if not item.owner else f"{item.owner}::{item.path.split('::')[-1]}"
        if item.generic:
            return f"fn c{n}() {{ let _ = {path}; }}"
        return f"fn c{n}() {{ let _: {fn_pointer(item)} = {path}; }}"
    if k in ("struct", "enum"):
        lines = [f"fn c{n}(x: Option<{qualified([], item.path)}>) {{"]
        for d in item.derives:
            lines.append(f"    check_{d}::<{item.name}>();")
        if k == "enum":
            arms = []
            for vname, fields in item.variants:
                if fields:
                    arms.append(f"{item.name}::{vname}(..) => {{}}")
                    lines.append(f"    let _: fn({', '.join(fields)}) -> {item.name} = {item.name}::{vname};")
                else:
                    arms.append(f"{item.name}::{vname} => {{}}")
            lines.append(f"    if let Some(x) = x {{ match x {{ {' '.join(arms)} }} }}")
        lines.append("}")
        return "\n".join(lines)
    if k == "trait_impl":
        return f"fn c{n}() {{ fn has<T: ?Sized + {bound(item.trait, item.assoc)}>() {{}} has::<{item.self_ty}>(); }}"
    if k == "neg_impl":
        which = {"Send": "AmbiguousIfSend", "Sync": "AmbiguousIfSync"}[item.trait]
        return f"fn c{n}() {{ let _ = <{item.self_ty} as {which}<_>>::some_item; }}"
    if k in ("mod", "use", "macro"):
        return f"use {qualified([], item.path)} as _c{n};" if k != "mod" else f"use {qualified([], item.path)};"
    raise ValueError(f"no check for {item}")


def negative_check(item, n):
    """One line that must fail to compile when `item` is absent."""
    k = item.kind
    if k == "fn":
        name = item.path.split("::")[-1]
        path = f"{item.owner}::{name}" if item.owner else qualified(item.mod_path, name)
        return f"fn n{n}() {{ let _ = {path}; }}"
    if k in ("struct", "enum", "use", "macro", "mod"):
        return f"use {qualified([], item.path)} as _n{n};"
    if k == "trait_impl":
        return f"fn n{n}() {{ fn has<T: ?Sized + {bound(item.trait, item.assoc)}>() {{}} has::<{item.self_ty}>(); }}"
    return None


def derive_helpers(items):
    out = []
    for d in sorted({d for i in items if i.kind in ("struct", "enum") for d in i.derives}):
        path = {"Debug": "fmt::Debug"}.get(d, d)
        out.append(f"fn check_{d}<T: {path}>() {{}}")
    return "\n".join(out)


def compile_rust(rustc, sysroot, facade_rmeta, source, out_dir):
    cmd = [rustc, "--edition", "2021", "--crate-type", "lib", "--crate-name", "conformance", "--target",
           "wasm32-unknown-unknown", "--sysroot", sysroot, "--extern", f"proc_macro={facade_rmeta}",
           "--emit=metadata", "--error-format=json", "--out-dir", out_dir, source]
    env = dict(os.environ)
    env.pop("RUSTC_BOOTSTRAP", None)
    r = subprocess.run(cmd, capture_output=True, text=True, env=env)
    errors = []
    for line in r.stderr.splitlines():
        try:
            d = json.loads(line)
        except json.JSONDecodeError:
            continue
        if d.get("level") == "error":
            lines = sorted({s["line_start"] for s in d.get("spans", []) if s.get("is_primary")})
            errors.append((lines, d.get("message", ""), d.get("rendered", "")))
    return r.returncode, errors


def trait_key(item):
    return f"{item.trait.split('::')[-1]} for {item.self_ty}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--proc-macro-src", help="rustc's library/proc_macro/src (default: from rustc's sysroot)")
    ap.add_argument("--facade", required=True, help="guest/proc_macro")
    ap.add_argument("--sysroot", help="a wasm32 sysroot (default: `WASMACRO toolchain --print-sysroot`)")
    ap.add_argument("--wasmacro", help="the wasmacro CLI, to find the sysroot")
    ap.add_argument("--rustc", default="/usr/bin/rustc")
    ap.add_argument("--max-since", default="1.95.0")
    ap.add_argument("--work", default=None)
    args = ap.parse_args()
    if args.sysroot is None:
        r = subprocess.run([args.wasmacro, "toolchain", "--print-sysroot"], capture_output=True, text=True)
        if r.returncode != 0:
            print(r.stderr)
            print("FAIL: no wasm32 sysroot")
            return 1
        args.sysroot = r.stdout.strip()
    if args.proc_macro_src is None:
        root = subprocess.run([args.rustc, "--print", "sysroot"], capture_output=True, text=True).stdout.strip()
        args.proc_macro_src = os.path.join(root, "lib", "rustlib", "src", "rust", "library", "proc_macro", "src")
    print("proc_macro source:", os.path.realpath(args.proc_macro_src))

    real = Parser(tokenize(open(os.path.join(args.proc_macro_src, "lib.rs")).read())).parse()
    facade = Parser(tokenize(open(os.path.join(args.facade, "src", "lib.rs")).read())).parse()
    expected = [i for i in real if is_expected(i, args.max_since)]
    absent = [i for i in real if not is_expected(i, args.max_since)]
    failures = []

    # Nothing public in the facade beyond the stable API.
    expected_paths = {i.path for i in expected}
    expected_traits = {trait_key(i) for i in expected if i.kind == "trait_impl"}
    for i in facade:
        if i.kind in ("fn", "struct", "enum", "mod", "use", "macro") and i.path not in expected_paths:
            failures.append(f"the facade has `{i.path}` ({i.kind}), which is not stable proc_macro API")
        if i.kind == "trait_impl" and trait_key(i) not in expected_traits:
            failures.append(f"the facade has `impl {i.trait} for {i.self_ty}`, which stable proc_macro does not")
    real_adts = {i.path: i for i in expected if i.kind in ("struct", "enum")}
    for i in facade:
        if i.kind in ("struct", "enum") and i.path in real_adts:
            if sorted(i.derives) != sorted(real_adts[i.path].derives):
                failures.append(f"`{i.path}` derives {i.derives}; proc_macro derives {real_adts[i.path].derives}")

    work = args.work or tempfile.mkdtemp(prefix="wasmacro-conformance-")
    os.makedirs(work, exist_ok=True)
    facade_out = os.path.join(work, "facade")
    os.makedirs(facade_out, exist_ok=True)
    r = subprocess.run([args.rustc, "--crate-name", "proc_macro", "--crate-type", "rlib", "--edition", "2021",
                        "--target", "wasm32-unknown-unknown", "--sysroot", args.sysroot, "--emit=metadata",
                        "--out-dir", facade_out, os.path.join(args.facade, "src", "lib.rs")],
                       capture_output=True, text=True)
    if r.returncode != 0:
        print(r.stderr)
        print("FAIL: the facade does not compile")
        return 1
    rmeta = os.path.join(facade_out, "libproc_macro.rmeta")

    positive = [PRELUDE.replace("fn check<T: ?Sized + BOUND>() {}\n", ""), derive_helpers(expected)]
    for n, item in enumerate(expected):
        positive.append(f"// {item.kind} {item.path} ({item.stability})")
        positive.append(positive_check(item, n))
    pos_path = os.path.join(work, "positive.rs")
    open(pos_path, "w").write("\n".join(positive) + "\n")
    code, errors = compile_rust(args.rustc, args.sysroot, rmeta, pos_path, work)
    for lines, message, rendered in errors:
        failures.append(f"missing or different: {message}\n{rendered}")
    if code != 0 and not errors:
        failures.append("positive.rs did not compile")

    negative = [PRELUDE.replace("fn check<T: ?Sized + BOUND>() {}\n", "")]
    expect_error_lines = {}
    for n, item in enumerate(absent):
        line = negative_check(item, n)
        if line is None:
            continue
        negative.append(line)
        expect_error_lines["\n".join(negative).count("\n") + 1] = item
    neg_path = os.path.join(work, "negative.rs")
    open(neg_path, "w").write("\n".join(negative) + "\n")
    code, errors = compile_rust(args.rustc, args.sysroot, rmeta, neg_path, work)
    error_lines = {l for lines, _, _ in errors for l in lines}
    for line, item in sorted(expect_error_lines.items()):
        if line not in error_lines:
            failures.append(f"the facade has `{item.path}` ({item.kind}, {item.stability}), which is not stable "
                            f"in {args.max_since}")

    print(f"stable items checked: {len(expected)}; unstable or newer items checked absent: "
          f"{len(expect_error_lines)}; facade items: {len(facade)}")
    if failures:
        for f in failures:
            print("FAIL:", f)
        return 1
    print("PASS: the facade matches the stable proc_macro API of", args.max_since)
    return 0


if __name__ == "__main__":
    sys.exit(main())
