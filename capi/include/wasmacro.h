/* wasmacro.h: the C API of the wasmacro runtime (load a macro module, expand with it).
 *
 * Plain C, no exceptions cross it. Versioned: WASMACRO_API_VERSION changes whenever a declaration here
 * changes meaning; wasmacro_api_version() reports the version the library was built with, so a caller
 * compiled against another header can refuse to run.
 *
 *   wasmacro_module* module; char* error;
 *   if (wasmacro_module_load(bytes, len, &module, &error) != 0) { report(error); wasmacro_string_free(error); }
 *   wasmacro_expander* expander;  // one per thread
 *   wasmacro_expander_new(module, &expander, &error);
 *   wasmacro_result result;
 *   wasmacro_expand(expander, "__wasmacro_Foo", 14, input, input_len, my_host_call, my_data, &result);
 *
 * Threads: a module may be shared by all threads; an expander belongs to one thread at a time. */
#ifndef WASMACRO_H
#define WASMACRO_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define WASMACRO_API_VERSION 1

/* The version of this API the library implements (WASMACRO_API_VERSION when it was built), and the
 * version of the guest ABI / wire format it speaks (docs/abi.md). */
uint32_t wasmacro_api_version(void);
uint32_t wasmacro_abi_version(void);

typedef struct wasmacro_module wasmacro_module;
typedef struct wasmacro_expander wasmacro_expander;
typedef struct wasmacro_reply wasmacro_reply;

/* Frees a message returned through a `char** error` argument. */
void wasmacro_string_free(char* string);

/* Loads a module (decode, validate, check imports and metadata). Modules are cached for the life of
 * the process by content hash, so loading the same bytes again is cheap and returns the same object.
 * Returns 0 on success; otherwise sets *error to a NUL-terminated message to free. */
int wasmacro_module_load(const uint8_t* bytes, size_t len, wasmacro_module** module, char** error);
void wasmacro_module_release(wasmacro_module* module);
/* The "wasmacro.macros" metadata JSON; valid while the module is. */
const char* wasmacro_module_metadata(const wasmacro_module* module, size_t* len);

/* An instance of the module with its post-initialisation snapshot, and limits read from the
 * WASMACRO_* environment variables (docs/bridge.md). Returns 0 on success. */
int wasmacro_expander_new(wasmacro_module* module, wasmacro_expander** expander, char** error);
void wasmacro_expander_free(wasmacro_expander* expander);
/* WASMACRO_MAX_OUTPUT_DEPTH: the nesting the embedder should accept when it rebuilds the output. */
uint32_t wasmacro_expander_max_output_depth(const wasmacro_expander* expander);

/* Host calls the embedder answers (they need the compiler). Numbers are part of the API. */
enum {
  WASMACRO_CALL_STREAM_FROM_STR = 1,   /* data: UTF-8 source      -> reply: wire stream | error message */
  WASMACRO_CALL_LITERAL_FROM_STR = 2,  /* data: UTF-8 source      -> reply: literal text | error message */
  WASMACRO_CALL_STREAM_TO_STRING = 3,  /* data: wire stream       -> reply: printed stream */
  WASMACRO_CALL_IDENT_NORMALIZE = 4,   /* data: UTF-8             -> reply: NFC symbol | no value */
  WASMACRO_CALL_SPAN_DEBUG = 5,        /* a: span                 -> reply: Debug text */
  WASMACRO_CALL_SPAN_SOURCE_TEXT = 6,  /* a: span                 -> reply: text | no value */
  WASMACRO_CALL_SPAN_FILE = 7,         /* a: span                 -> reply: path */
  WASMACRO_CALL_SPAN_LOCAL_FILE = 8,   /* a: span                 -> reply: path | no value */
  WASMACRO_CALL_SPAN_LINE = 9,         /* a: span                 -> return: line (1-based) */
  WASMACRO_CALL_SPAN_COLUMN = 10,      /* a: span                 -> return: column (1-based) */
  WASMACRO_CALL_SPAN_START = 11,       /* a: span                 -> return: new span handle */
  WASMACRO_CALL_SPAN_END = 12,         /* a: span                 -> return: new span handle */
  WASMACRO_CALL_SPAN_RESOLVED_AT = 13  /* a: span, b: span        -> return: new span handle */
};

/* Answers a host call. For reply calls: set the bytes with wasmacro_reply_set and return >= 0, or
 * return -1 for "no value / error" (with the error message, if any, as the reply). For the others:
 * return the number, or -1 to make the guest trap with the reply as the message. Must not unwind. */
typedef int64_t (*wasmacro_host_call_fn)(void* user, uint32_t call, uint32_t a, uint32_t b, const uint8_t* data,
                                         size_t len, wasmacro_reply* reply);
void wasmacro_reply_set(wasmacro_reply* reply, const uint8_t* data, size_t len);

typedef enum wasmacro_status {
  WASMACRO_OK = 0,
  WASMACRO_PANIC = 1,       /* message: the guest's panic payload */
  WASMACRO_TRAP = 2,        /* message: trap kind, message and guest backtrace */
  WASMACRO_LIMIT = 3,       /* message names the limit; setting: the variable that raises it */
  WASMACRO_BAD_OUTPUT = 4,  /* message: what was wrong with the guest's output */
  WASMACRO_ERROR = 5        /* message: misuse or a host failure */
} wasmacro_status;

typedef struct wasmacro_result {
  wasmacro_status status;
  const uint8_t* output; /* WASMACRO_OK: the output message; valid until the next call on this expander */
  size_t output_len;
  const char* message;   /* otherwise: NUL-terminated; same lifetime */
  size_t message_len;
  const char* setting;   /* WASMACRO_LIMIT: "WASMACRO_FUEL", ...; otherwise "" */
  uint64_t fuel_used;
} wasmacro_result;

/* Runs one expansion on fresh state. `input` is the input message of docs/abi.md; `export_name` the
 * macro's export from the metadata. Returns result->status. */
wasmacro_status wasmacro_expand(wasmacro_expander* expander, const char* export_name, size_t export_len,
                                const uint8_t* input, size_t input_len, wasmacro_host_call_fn host_call,
                                void* user, wasmacro_result* result);

#ifdef __cplusplus
}
#endif

#endif /* WASMACRO_H */
