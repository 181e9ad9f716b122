//! Links the wasmacro runtime (engine + host + C API, C++) into every shim.
//!
//! Fast path: `WASMACRO_RUNTIME_DIR` names a folder holding a prebuilt `libwasmacro_runtime.a`
//! (CMake target `wasmacro_runtime`, from an optimised, non-sanitized build tree).
//!
//! Zero setup: otherwise the bundled C++ sources are compiled here with the system compiler (`$CXX`,
//! else `c++`), once per machine: the archive is cached under `$WASMACRO_CACHE_DIR`, else
//! `$XDG_CACHE_HOME/wasmacro`, else `~/.cache/wasmacro`, in `runtime-<hash>` where the hash covers
//! every source file, the compiler's version and the flags. Sources are looked up in `cpp/` next to
//! this file (a published crate vendors them there), else in the repository this crate lives in.

use std::collections::hash_map::DefaultHasher;
use std::env;
use std::fs;
use std::hash::Hasher;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};

const PARTS: &[&str] = &["engine", "host", "capi", "common"];
const FLAGS: &[&str] = &[
    "-std=c++20",
    "-O2",
    "-fPIC",
    "-DNDEBUG",
    "-fvisibility=hidden",
    "-fvisibility-inlines-hidden",
];

fn main() {
    println!("cargo:rerun-if-env-changed=WASMACRO_RUNTIME_DIR");
    println!("cargo:rerun-if-env-changed=WASMACRO_CACHE_DIR");
    println!("cargo:rerun-if-env-changed=CXX");
    let dir = match env::var_os("WASMACRO_RUNTIME_DIR").filter(|d| !d.is_empty()) {
        Some(dir) => {
            let dir = PathBuf::from(dir);
            if !dir.join("libwasmacro_runtime.a").is_file() {
                panic!(
                    "WASMACRO_RUNTIME_DIR={} holds no libwasmacro_runtime.a; build it with \
                     `cmake --preset release && cmake --build --preset release --target wasmacro_runtime`, \
                     or unset the variable to compile the bundled runtime once per machine",
                    dir.display()
                );
            }
            println!(
                "cargo:rerun-if-changed={}",
                dir.join("libwasmacro_runtime.a").display()
            );
            dir
        }
        None => cached_runtime(),
    };
    println!("cargo:rustc-link-search=native={}", dir.display());
    println!("cargo:rustc-link-lib=static=wasmacro_runtime");
    let cxx_runtime = if cfg!(target_vendor = "apple") {
        "c++"
    } else {
        "stdc++"
    };
    println!("cargo:rustc-link-lib=dylib={cxx_runtime}");
}

fn sources_root() -> PathBuf {
    let manifest =
        PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let vendored = manifest.join("cpp");
    if vendored.join("engine").is_dir() {
        return vendored;
    }
    let repo = manifest.join("../..");
    if repo
        .join("engine/include/wasmacro/engine/engine.h")
        .is_file()
    {
        return repo.canonicalize().unwrap_or(repo);
    }
    panic!("wasmacro-host: no runtime sources in {} or the enclosing repository, and WASMACRO_RUNTIME_DIR is unset", vendored.display());
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, out);
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("cpp" | "h" | "def" | "inc")
        ) {
            out.push(path);
        }
    }
}

fn cache_root() -> PathBuf {
    if let Some(d) = env::var_os("WASMACRO_CACHE_DIR").filter(|d| !d.is_empty()) {
        return PathBuf::from(d);
    }
    if let Some(d) = env::var_os("XDG_CACHE_HOME").filter(|d| !d.is_empty()) {
        return PathBuf::from(d).join("wasmacro");
    }
    if let Some(home) = env::var_os("HOME").filter(|d| !d.is_empty()) {
        return PathBuf::from(home).join(".cache/wasmacro");
    }
    PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("wasmacro-cache")
}

fn cached_runtime() -> PathBuf {
    let root = sources_root();
    let cxx = env::var("CXX")
        .ok()
        .filter(|c| !c.is_empty())
        .unwrap_or_else(|| "c++".to_owned());
    let mut files = Vec::new();
    for part in PARTS {
        walk(&root.join(part).join("src"), &mut files);
        walk(&root.join(part).join("include"), &mut files);
    }
    files.sort();
    let mut hasher = DefaultHasher::new();
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        hasher.write(
            f.strip_prefix(&root)
                .unwrap_or(f)
                .to_string_lossy()
                .as_bytes(),
        );
        hasher.write(&fs::read(f).unwrap_or_default());
    }
    let version = Command::new(&cxx)
        .arg("--version")
        .output()
        .map(|o| o.stdout)
        .unwrap_or_default();
    hasher.write(&version);
    hasher.write(cxx.as_bytes());
    FLAGS.iter().for_each(|f| hasher.write(f.as_bytes()));
    let dir = cache_root().join(format!("runtime-{:016x}", hasher.finish()));
    if dir.join("libwasmacro_runtime.a").is_file() {
        return dir;
    }

    // Build into a private folder and rename it into place, so concurrent builds never see half an archive.
    let tmp = cache_root().join(format!("tmp-{}-{}", std::process::id(), hasher.finish()));
    let _ = fs::remove_dir_all(&tmp);
    fs::create_dir_all(&tmp).unwrap_or_else(|e| panic!("cannot create {}: {e}", tmp.display()));
    let includes: Vec<String> = PARTS
        .iter()
        .flat_map(|p| [root.join(p).join("include"), root.join(p).join("src")])
        .map(|d| format!("-I{}", d.display()))
        .collect();
    let units: Vec<&PathBuf> = files
        .iter()
        .filter(|f| {
            f.extension().is_some_and(|e| e == "cpp")
                && f.parent().is_some_and(|p| p.ends_with("src"))
        })
        .collect();
    let jobs = env::var("NUM_JOBS")
        .ok()
        .and_then(|j| j.parse::<usize>().ok())
        .unwrap_or(2)
        .max(1);
    eprintln!(
        "wasmacro-host: compiling the wasmacro runtime ({} files, once per machine) into {}",
        units.len(),
        dir.display()
    );
    let mut objects = Vec::new();
    let mut running: Vec<(Child, PathBuf)> = Vec::new();
    let wait_one = |running: &mut Vec<(Child, PathBuf)>| {
        let (mut child, src) = running.remove(0);
        let status = child.wait().expect("waiting for the C++ compiler");
        if !status.success() {
            panic!("wasmacro-host: `{cxx}` failed on {}; set CXX to a C++20 compiler (GCC >= 12, clang >= 16)", src.display());
        }
    };
    for (i, src) in units.iter().enumerate() {
        if running.len() >= jobs {
            wait_one(&mut running);
        }
        let part = src
            .parent()
            .and_then(|p| p.parent())
            .and_then(|p| p.file_name())
            .unwrap_or_default();
        let obj = tmp.join(format!(
            "{}_{}_{i}.o",
            part.to_string_lossy(),
            src.file_stem().unwrap_or_default().to_string_lossy()
        ));
        let child = Command::new(&cxx)
            .args(FLAGS)
            .args(&includes)
            .arg("-c")
            .arg(src)
            .arg("-o")
            .arg(&obj)
            .spawn()
            .unwrap_or_else(|e| {
                panic!("wasmacro-host: cannot run the C++ compiler `{cxx}`: {e}; set CXX")
            });
        running.push((child, (*src).clone()));
        objects.push(obj);
    }
    while !running.is_empty() {
        wait_one(&mut running);
    }
    let ar = env::var("AR")
        .ok()
        .filter(|a| !a.is_empty())
        .unwrap_or_else(|| "ar".to_owned());
    let status = Command::new(&ar)
        .arg("crs")
        .arg(tmp.join("libwasmacro_runtime.a"))
        .args(&objects)
        .status()
        .unwrap_or_else(|e| panic!("wasmacro-host: cannot run `{ar}`: {e}"));
    assert!(status.success(), "wasmacro-host: `{ar}` failed");
    for o in &objects {
        let _ = fs::remove_file(o);
    }
    if fs::rename(&tmp, &dir).is_err() {
        // Another build won the race; its archive is as good as ours.
        let _ = fs::remove_dir_all(&tmp);
    }
    dir
}
