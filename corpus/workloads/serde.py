"""The serde benchmark workload (issue 6), read by bench/corpus.py.

A library crate with N structs and N enums deriving Serialize and Deserialize: about ten fields of
mixed types per struct, container, variant and field attributes, generics on some. The same source
builds every way; only the manifest differs. The derives come in as `serde_derive::{...}` so that
watt's build, a renamed dependency, needs no other source.

watt's serde derive (wa-serde-derive 0.1.137) embeds serde_derive 1.0.137, whose output uses serde
internals that today's serde no longer has; its leg therefore runs against serde 1.0.137, next to
a native serde_derive 1.0.137 baseline measured in the same run, and the ratios are compared.
"""

CRATE = "serde_workload"
MACRO = "serde_derive"
SIZES = [50, 400]
WATT_SERDE = "1.0.137"
WATT_DERIVE = "0.1.137"

FIELD_TYPES = ["u8", "i32", "u64", "f64", "bool", "String", "Option<String>", "Vec<u32>",
               "BTreeMap<String, i64>", "(u16, char)"]


def source(count):
    lines = ["#![allow(dead_code)]", "use serde_derive::{Deserialize, Serialize};",
             "use std::collections::BTreeMap;", ""]
    for i in range(count):
        generic = i % 5 == 0
        lines.append("#[derive(Serialize, Deserialize, Debug, PartialEq)]")
        if i % 3 == 0:
            lines.append('#[serde(rename_all = "camelCase")]')
        if i % 7 == 0:
            lines.append("#[serde(deny_unknown_fields)]")
        if generic:
            lines.append('#[serde(bound(deserialize = "T: serde::Deserialize<\'de> + Default"))]')
        lines.append(f"pub struct Record{i}{'<T>' if generic else ''} {{")
        for j in range(10):
            field_type = FIELD_TYPES[(i + j) % len(FIELD_TYPES)]
            if j == 2:
                lines.append('    #[serde(rename = "renamed_field")]')
            if j == 4:
                lines.append('    #[serde(alias = "other_name")]')
            if field_type.startswith("Option"):
                lines.append('    #[serde(skip_serializing_if = "Option::is_none")]')
            if j == 7:
                lines.append("    #[serde(default)]")
            lines.append(f"    pub field_{j}: {field_type},")
        if generic:
            lines.append("    #[serde(default)]")
            lines.append("    pub payload: T,")
        lines += ["}", ""]
        lines.append("#[derive(Serialize, Deserialize, Debug, PartialEq)]")
        if i % 4 == 0:
            lines.append('#[serde(tag = "kind")]')
        elif i % 4 == 1:
            lines.append('#[serde(tag = "t", content = "c")]')
        lines += [f"pub enum Choice{i} {{",
                  "    A,",
                  '    #[serde(rename = "bee")]',
                  "    B { x: i32, y: String },",
                  "    C { #[serde(default)] value: u64, list: Vec<String> },",
                  "}", ""]
    return "\n".join(lines) + "\n"


def ways(version):
    """Each way: dependencies, the macro to swap for its wasm shim (or None), the runtime path, and
    the way its ratio is taken against. `version` is the corpus's serde_derive version."""
    native = f'serde = "={version}"\nserde_derive = "={version}"\n'
    return [
        {"name": "native", "dependencies": native, "patch": None, "baseline": None},
        {"name": "wasmacro", "dependencies": native, "patch": MACRO, "runtime": "fast", "baseline": "native"},
        {"name": "wasmacro-zero-setup", "dependencies": native, "patch": MACRO, "runtime": "zero-setup",
         "baseline": "native"},
        {"name": f"native-{WATT_SERDE}", "dependencies": f'serde = "={WATT_SERDE}"\nserde_derive = "={WATT_SERDE}"\n',
         "patch": None, "baseline": None},
        {"name": "watt", "dependencies": f'serde = "={WATT_SERDE}"\n'
                                         f'serde_derive = {{ package = "wa-serde-derive", version = "={WATT_DERIVE}" }}\n',
         "patch": None, "baseline": f"native-{WATT_SERDE}"},
    ]
