//! The C API (capi/include/wasmacro.h), declared by hand: no bindgen, no dependencies.

use std::ffi::{c_char, c_int, c_void};

#[repr(C)]
pub struct WasmacroModule {
    _private: [u8; 0],
}

#[repr(C)]
pub struct WasmacroExpander {
    _private: [u8; 0],
}

#[repr(C)]
pub struct WasmacroReply {
    _private: [u8; 0],
}

pub const API_VERSION: u32 = 1;

pub const STATUS_OK: u32 = 0;
pub const STATUS_PANIC: u32 = 1;
pub const STATUS_TRAP: u32 = 2;
pub const STATUS_LIMIT: u32 = 3;
pub const STATUS_BAD_OUTPUT: u32 = 4;

pub const CALL_STREAM_FROM_STR: u32 = 1;
pub const CALL_LITERAL_FROM_STR: u32 = 2;
pub const CALL_STREAM_TO_STRING: u32 = 3;
pub const CALL_IDENT_NORMALIZE: u32 = 4;
pub const CALL_SPAN_DEBUG: u32 = 5;
pub const CALL_SPAN_SOURCE_TEXT: u32 = 6;
pub const CALL_SPAN_FILE: u32 = 7;
pub const CALL_SPAN_LOCAL_FILE: u32 = 8;
pub const CALL_SPAN_LINE: u32 = 9;
pub const CALL_SPAN_COLUMN: u32 = 10;
pub const CALL_SPAN_START: u32 = 11;
pub const CALL_SPAN_END: u32 = 12;
pub const CALL_SPAN_RESOLVED_AT: u32 = 13;

#[repr(C)]
pub struct WasmacroResult {
    pub status: u32,
    pub output: *const u8,
    pub output_len: usize,
    pub message: *const c_char,
    pub message_len: usize,
    pub setting: *const c_char,
    pub fuel_used: u64,
}

pub type HostCallFn = unsafe extern "C" fn(
    user: *mut c_void,
    call: u32,
    a: u32,
    b: u32,
    data: *const u8,
    len: usize,
    reply: *mut WasmacroReply,
) -> i64;

unsafe extern "C" {
    pub fn wasmacro_api_version() -> u32;
    pub fn wasmacro_string_free(string: *mut c_char);
    pub fn wasmacro_module_load(
        bytes: *const u8,
        len: usize,
        module: *mut *mut WasmacroModule,
        error: *mut *mut c_char,
    ) -> c_int;
    pub fn wasmacro_expander_new(
        module: *mut WasmacroModule,
        expander: *mut *mut WasmacroExpander,
        error: *mut *mut c_char,
    ) -> c_int;
    pub fn wasmacro_expander_free(expander: *mut WasmacroExpander);
    pub fn wasmacro_expander_max_output_depth(expander: *const WasmacroExpander) -> u32;
    pub fn wasmacro_reply_set(reply: *mut WasmacroReply, data: *const u8, len: usize);
    pub fn wasmacro_expand(
        expander: *mut WasmacroExpander,
        export_name: *const c_char,
        export_len: usize,
        input: *const u8,
        input_len: usize,
        host_call: HostCallFn,
        user: *mut c_void,
        result: *mut WasmacroResult,
    ) -> u32;
}

/// Takes ownership of an error string from the C API.
pub unsafe fn take_error(error: *mut c_char) -> String {
    if error.is_null() {
        return "unknown error".to_owned();
    }
    let text = unsafe { std::ffi::CStr::from_ptr(error) }
        .to_string_lossy()
        .into_owned();
    unsafe { wasmacro_string_free(error) };
    text
}
