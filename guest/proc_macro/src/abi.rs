//! The guest's side of one expansion (docs/abi.md, "Exports"): the input buffer the host fills, the
//! entry points the generated per-macro exports call, and the output buffer the host reads.

use crate::{host, wire, TokenStream};
use std::cell::{Cell, RefCell};

thread_local! {
    // (call_site, mixed_site) span handles of the running expansion.
    static CONTEXT: Cell<Option<(u32, u32)>> = const { Cell::new(None) };
    // The last expansion's output, kept alive until the next one: [u32 length][message].
    static OUTPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    static HOOK_INSTALLED: Cell<bool> = const { Cell::new(false) };
}

pub(crate) fn in_expansion() -> bool {
    CONTEXT.get().is_some()
}

fn context() -> (u32, u32) {
    CONTEXT.get().unwrap_or_else(|| panic!("procedural macro API is used outside of a procedural macro"))
}

pub(crate) fn call_site() -> u32 {
    context().0
}

pub(crate) fn mixed_site() -> u32 {
    context().1
}

/// Allocates the input buffer of the next expansion; the expansion takes it back.
#[unsafe(no_mangle)]
pub extern "C" fn wasmacro_alloc(len: usize) -> *mut u8 {
    Box::into_raw(vec![0u8; len].into_boxed_slice()) as *mut u8
}

// The panic payload goes to the host before the abort traps, so that the shim can re-raise it with
// the same message.
fn install_panic_hook() {
    if HOOK_INSTALLED.replace(true) {
        return;
    }
    std::panic::set_hook(Box::new(|info| {
        let payload = info.payload();
        let message = if let Some(s) = payload.downcast_ref::<&str>() {
            s
        } else if let Some(s) = payload.downcast_ref::<String>() {
            s.as_str()
        } else {
            "Box<dyn Any>"
        };
        host::panic_message(message);
    }));
}

fn run(input: *mut u8, len: usize, streams: usize, body: impl FnOnce(Vec<TokenStream>) -> TokenStream) -> *const u8 {
    install_panic_hook();
    // SAFETY: `input` and `len` are what `wasmacro_alloc` handed out for this call.
    let bytes: Box<[u8]> = unsafe { Box::from_raw(std::ptr::slice_from_raw_parts_mut(input, len)) };
    let (context, inputs) = wire::decode_input(&bytes, streams)
        .unwrap_or_else(|e| panic!("wasmacro: malformed input from the host: {e}"));
    drop(bytes);
    CONTEXT.set(Some(context));
    let result = body(inputs);
    let mut out = vec![0u8; 4];
    wire::encode_output(&mut out, &result);
    drop(result);
    CONTEXT.set(None);
    let body_len = (out.len() - 4) as u32;
    out[..4].copy_from_slice(&body_len.to_le_bytes());
    OUTPUT.with_borrow_mut(|o| *o = out);
    OUTPUT.with_borrow(|o| o.as_ptr())
}

/// Entry of derive and function-like macros; the generated export passes the user's function.
#[unsafe(no_mangle)]
fn __wasmacro_expand1(input: *mut u8, len: usize, f: fn(TokenStream) -> TokenStream) -> *const u8 {
    run(input, len, 1, |mut s| f(s.pop().expect("one stream")))
}

/// Entry of attribute macros: (attribute arguments, item).
#[unsafe(no_mangle)]
fn __wasmacro_expand2(input: *mut u8, len: usize, f: fn(TokenStream, TokenStream) -> TokenStream) -> *const u8 {
    run(input, len, 2, |mut s| {
        let item = s.pop().expect("two streams");
        let args = s.pop().expect("two streams");
        f(args, item)
    })
}
