//! `wasmacro-host`: what every wasmacro shim crate calls. It converts `proc_macro` tokens to the wire
//! format, runs the macro's WebAssembly through the wasmacro runtime (C API, linked in by build.rs)
//! and rebuilds the output with rustc's own spans and, for pass-through input, rustc's own streams.
//! Guest faults come back as rustc errors: a guest panic is re-raised as a panic with the same
//! payload; traps, limits and malformed output become `compile_error!` at the call site.
//!
//! A generated shim looks like this:
//! ```ignore
//! static WASM: wasmacro_host::Module = wasmacro_host::Module::new("my_macros", include_bytes!("my_macros.wasm"));
//! #[proc_macro_derive(Describe, attributes(describe))]
//! pub fn derive_describe(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
//!     WASM.derive("Describe", "__wasmacro_Describe", input)
//! }
//! ```

extern crate proc_macro;

mod ffi;
mod host_calls;
mod tables;
mod wire;

use proc_macro::{Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree};
use std::cell::RefCell;
use std::ffi::c_void;
use std::sync::OnceLock;

struct LoadedModule(*mut ffi::WasmacroModule);
// SAFETY: the C API documents modules as shareable between threads.
unsafe impl Send for LoadedModule {}
unsafe impl Sync for LoadedModule {}

/// One embedded macro module. Loaded on first use, once per process; a module that fails to load
/// gives the same clear error at every invocation.
pub struct Module {
    shim_crate: &'static str,
    wasm: &'static [u8],
    loaded: OnceLock<Result<LoadedModule, String>>,
}

struct Expander {
    module: *const Module,
    raw: *mut ffi::WasmacroExpander,
    max_output_depth: u32,
}

impl Drop for Expander {
    fn drop(&mut self) {
        unsafe { ffi::wasmacro_expander_free(self.raw) };
    }
}

thread_local! {
    // One instance per module per thread: rustc expands on one thread, but nothing here relies on it.
    static EXPANDERS: RefCell<Vec<Expander>> = const { RefCell::new(Vec::new()) };
}

enum Failure {
    Panic(String),
    Error(String),
}

impl Module {
    pub const fn new(shim_crate: &'static str, wasm: &'static [u8]) -> Module {
        Module {
            shim_crate,
            wasm,
            loaded: OnceLock::new(),
        }
    }

    pub fn derive(&'static self, name: &str, export: &str, input: TokenStream) -> TokenStream {
        self.run("derive", name, export, vec![input])
    }

    pub fn attribute(
        &'static self,
        name: &str,
        export: &str,
        args: TokenStream,
        item: TokenStream,
    ) -> TokenStream {
        self.run("attribute", name, export, vec![args, item])
    }

    pub fn function(&'static self, name: &str, export: &str, input: TokenStream) -> TokenStream {
        self.run("function-like", name, export, vec![input])
    }

    fn load(&'static self) -> Result<*mut ffi::WasmacroModule, String> {
        let loaded = self.loaded.get_or_init(|| {
            let version = unsafe { ffi::wasmacro_api_version() };
            if version != ffi::API_VERSION {
                return Err(format!(
                    "the linked wasmacro runtime implements C API version {version}, this wasmacro-host needs {}",
                    ffi::API_VERSION
                ));
            }
            let mut module = std::ptr::null_mut();
            let mut error = std::ptr::null_mut();
            let started = std::time::Instant::now();
            let rc = unsafe { ffi::wasmacro_module_load(self.wasm.as_ptr(), self.wasm.len(), &mut module, &mut error) };
            if timing_enabled() {
                eprintln!(
                    "wasmacro-timing load shim={} wasm_bytes={} load_us={:.1}",
                    self.shim_crate,
                    self.wasm.len(),
                    started.elapsed().as_secs_f64() * 1e6
                );
            }
            if rc != 0 {
                return Err(unsafe { ffi::take_error(error) });
            }
            Ok(LoadedModule(module))
        });
        match loaded {
            Ok(m) => Ok(m.0),
            Err(e) => Err(format!(
                "the WebAssembly embedded in the shim crate `{}` cannot be used: {e}",
                self.shim_crate
            )),
        }
    }

    fn with_expander<R>(&'static self, f: impl FnOnce(&Expander) -> R) -> Result<R, String> {
        let module = self.load()?;
        EXPANDERS.with_borrow_mut(|list| {
            let me = self as *const Module;
            let index = match list.iter().position(|e| e.module == me) {
                Some(i) => i,
                None => {
                    let mut raw = std::ptr::null_mut();
                    let mut error = std::ptr::null_mut();
                    let started = std::time::Instant::now();
                    let rc = unsafe { ffi::wasmacro_expander_new(module, &mut raw, &mut error) };
                    if timing_enabled() {
                        let us = started.elapsed().as_secs_f64() * 1e6;
                        eprintln!(
                            "wasmacro-timing instantiate shim={} instantiate_us={us:.1}",
                            self.shim_crate
                        );
                    }
                    if rc != 0 {
                        return Err(format!(
                            "cannot instantiate the WebAssembly of the shim crate `{}`: {}",
                            self.shim_crate,
                            unsafe { ffi::take_error(error) }
                        ));
                    }
                    let max_output_depth = unsafe { ffi::wasmacro_expander_max_output_depth(raw) };
                    list.push(Expander {
                        module: me,
                        raw,
                        max_output_depth,
                    });
                    list.len() - 1
                }
            };
            Ok(f(&list[index]))
        })
    }

    fn run(
        &'static self,
        kind: &str,
        name: &str,
        export: &str,
        inputs: Vec<TokenStream>,
    ) -> TokenStream {
        let outcome = self
            .with_expander(|e| expand(e, export, inputs))
            .and_then(|r| {
                r.map_err(|f| match f {
                    Failure::Panic(p) => {
                        // Re-raised outside of every borrow: rustc reports it exactly as a native panic.
                        std::panic::resume_unwind(Box::new(p))
                    }
                    Failure::Error(e) => e,
                })
            });
        match outcome {
            Ok(stream) => stream,
            Err(message) => compile_error(&format!(
                "wasmacro: {kind} macro `{name}` ({}): {message}",
                self.shim_crate
            )),
        }
    }
}

fn timing_enabled() -> bool {
    static ENABLED: OnceLock<bool> = OnceLock::new();
    *ENABLED.get_or_init(|| {
        std::env::var_os("WASMACRO_TIMING").is_some_and(|v| !v.is_empty() && v != "0")
    })
}

fn expand(
    expander: &Expander,
    export: &str,
    inputs: Vec<TokenStream>,
) -> Result<TokenStream, Failure> {
    let timing = timing_enabled();
    let started = timing.then(std::time::Instant::now);
    let mut state = host_calls::State {
        tables: tables::Tables::new(),
        max_depth: expander.max_output_depth,
    };
    let input = wire::encode_input(&mut state.tables, inputs);
    let encoded = timing.then(std::time::Instant::now);
    let mut result = ffi::WasmacroResult {
        status: 0,
        output: std::ptr::null(),
        output_len: 0,
        message: std::ptr::null(),
        message_len: 0,
        setting: std::ptr::null(),
        fuel_used: 0,
    };
    let status = unsafe {
        ffi::wasmacro_expand(
            expander.raw,
            export.as_ptr().cast(),
            export.len(),
            input.as_ptr(),
            input.len(),
            host_calls::answer,
            (&mut state as *mut host_calls::State).cast::<c_void>(),
            &mut result,
        )
    };
    let message = || unsafe {
        String::from_utf8_lossy(std::slice::from_raw_parts(
            result.message.cast::<u8>(),
            result.message_len,
        ))
        .into_owned()
    };
    match status {
        ffi::STATUS_OK => {
            let output = unsafe { std::slice::from_raw_parts(result.output, result.output_len) };
            let ran = timing.then(std::time::Instant::now);
            let stream = wire::decode_output(output, &state.tables, state.max_depth)
                .map_err(|e| Failure::Error(format!("the macro produced malformed output: {e}")));
            if let (Some(started), Some(encoded), Some(ran)) = (started, encoded, ran) {
                // One line per expansion, for measuring the bridge (docs/bridge.md, "Overhead").
                let done = std::time::Instant::now();
                eprintln!(
                    "wasmacro-timing export={export} in_bytes={} in_spans={} encode_us={:.1} guest_us={:.1} fuel={} \
                     out_bytes={} decode_us={:.1} total_us={:.1}",
                    input.len(),
                    state.tables.spans.len(),
                    (encoded - started).as_secs_f64() * 1e6,
                    (ran - encoded).as_secs_f64() * 1e6,
                    result.fuel_used,
                    output.len(),
                    (done - ran).as_secs_f64() * 1e6,
                    (done - started).as_secs_f64() * 1e6,
                );
            }
            stream
        }
        ffi::STATUS_PANIC => Err(Failure::Panic(message())),
        ffi::STATUS_TRAP | ffi::STATUS_LIMIT | ffi::STATUS_BAD_OUTPUT => {
            Err(Failure::Error(message()))
        }
        _ => Err(Failure::Error(message())),
    }
}

/// `::core::compile_error! { "message" }` at the call site.
fn compile_error(message: &str) -> TokenStream {
    let span = Span::call_site();
    let mut colons = [
        Punct::new(':', Spacing::Joint),
        Punct::new(':', Spacing::Alone),
    ];
    colons.iter_mut().for_each(|p| p.set_span(span));
    let mut bang = Punct::new('!', Spacing::Alone);
    bang.set_span(span);
    let mut text = Literal::string(message);
    text.set_span(span);
    let mut body = Group::new(
        Delimiter::Brace,
        TokenStream::from(TokenTree::Literal(text)),
    );
    body.set_span(span);
    let mut out = Vec::new();
    for segment in ["core", "compile_error"] {
        out.extend(colons.iter().cloned().map(TokenTree::Punct));
        out.push(TokenTree::Ident(Ident::new(segment, span)));
    }
    out.push(TokenTree::Punct(bang));
    out.push(TokenTree::Group(body));
    out.into_iter().collect()
}

#[doc(hidden)]
pub mod __bench {
    //! Entry points for measuring the conversions inside a real rustc (docs/bridge.md, "Overhead").
    use super::*;

    /// proc_macro → wire, as for an expansion's input; returns the message.
    pub fn encode(input: TokenStream) -> Vec<u8> {
        let mut tables = tables::Tables::new();
        wire::encode_input(&mut tables, vec![input])
    }

    /// proc_macro → wire → proc_macro with every tree rebuilt (no handles), as for a macro that builds
    /// all of its output.
    pub fn round_trip(input: TokenStream) -> TokenStream {
        let mut tables = tables::Tables::new();
        let mut bytes = wire::encode_input(&mut tables, vec![input]);
        wire::strip_handles(&mut bytes[16..]);
        let mut out = wire::VERSION.to_le_bytes().to_vec();
        out.extend_from_slice(&bytes[16..]);
        wire::decode_output(&out, &tables, u32::MAX).expect("a well-formed message")
    }
}
