;; Hostile guest: one module, one function-like macro per attack. Each export takes the input message
;; (ptr, len) and returns a pointer to [u32 length][output message], as docs/abi.md says, except where
;; lying about that is the attack. tests/bridge/hostile.py appends the "wasmacro.macros" metadata.
(module
  (import "wasmacro" "reply" (func $reply (param i32)))
  (import "wasmacro" "stream_from_str" (func $stream_from_str (param i32 i32) (result i32)))
  (import "wasmacro" "span_line" (func $span_line (param i32) (result i32)))
  (import "wasmacro" "span_debug" (func $span_debug (param i32) (result i32)))
  (memory (export "memory") 2)
  (global $heap (mut i32) (i32.const 65536))

  (func (export "wasmacro_alloc") (param $len i32) (result i32)
    (local $p i32)
    (local.set $p (global.get $heap))
    (global.set $heap (i32.add (global.get $heap) (local.get $len)))
    (local.get $p))

  ;; [len = 12][version 2][stream handle 0][count 0]: an empty output stream at 1024.
  (func $empty_output (result i32)
    (i32.store (i32.const 1024) (i32.const 12))
    (i32.store (i32.const 1028) (i32.const 2))
    (i64.store (i32.const 1032) (i64.const 0))
    (i32.const 1024))

  ;; Out-of-bounds pointers passed to a host call.
  (func (export "oob_pointer") (param i32 i32) (result i32)
    (drop (call $stream_from_str (i32.const 0xfffffff0) (i32.const 64)))
    (call $empty_output))

  ;; A host call that fails: a span handle the host never gave out.
  (func (export "bad_span") (param i32 i32) (result i32)
    (drop (call $span_line (i32.const 999999)))
    (call $empty_output))

  ;; A trap inside a host call: `reply` told to write outside memory.
  (func (export "bad_reply") (param i32 i32) (result i32)
    (drop (call $span_debug (i32.const 0)))
    (call $reply (i32.const 0xffffff00))
    (call $empty_output))

  ;; Claims a 2 GiB output.
  (func (export "giant_output") (param i32 i32) (result i32)
    (i32.store (i32.const 1024) (i32.const 0x7fffffff))
    (i32.const 1024))

  ;; Claims an output that runs past the end of memory.
  (func (export "output_past_memory") (param i32 i32) (result i32)
    (i32.store (i32.const 131000) (i32.const 1000))
    (i32.const 131000))

  ;; Returns a pointer outside memory.
  (func (export "wild_output_pointer") (param i32 i32) (result i32)
    (i32.const 0xfffffffc))

  ;; A well-framed output whose token tag is garbage.
  (func (export "malformed_output") (param i32 i32) (result i32)
    (i32.store (i32.const 1024) (i32.const 13))
    (i32.store (i32.const 1028) (i32.const 2))
    (i32.store (i32.const 1032) (i32.const 0))
    (i32.store (i32.const 1036) (i32.const 1))
    (i32.store8 (i32.const 1040) (i32.const 9))
    (i32.const 1024))

  ;; An ident whose span handle was never given out.
  (func (export "unknown_span_output") (param i32 i32) (result i32)
    (i32.store (i32.const 1024) (i32.const 27))
    (i32.store (i32.const 1028) (i32.const 2))
    (i32.store (i32.const 1032) (i32.const 0))
    (i32.store (i32.const 1036) (i32.const 1))
    (i32.store8 (i32.const 1040) (i32.const 1))      ;; ident
    (i32.store8 (i32.const 1041) (i32.const 0))      ;; not raw
    (i32.store (i32.const 1042) (i32.const 424242))  ;; span
    (i32.store (i32.const 1046) (i32.const 1))       ;; "x"
    (i32.store8 (i32.const 1050) (i32.const 120))
    (i32.const 1024))

  ;; $n nested parenthesised groups, 22 bytes each, written by a loop; the innermost is empty.
  (func $nest (param $n i32) (result i32)
    (local $p i32) (local $i i32)
    (drop (memory.grow (i32.const 400)))
    (local.set $p (i32.const 1040))
    (loop $next
      (i32.store8 (local.get $p) (i32.const 0))                          ;; group
      (i32.store8 offset=1 (local.get $p) (i32.const 0))                 ;; parenthesis
      (i64.store offset=2 (local.get $p) (i64.const 0))                  ;; open, close spans
      (i32.store offset=10 (local.get $p) (i32.const 0))                 ;; entire span
      (i32.store offset=14 (local.get $p) (i32.const 0))                 ;; no handle
      (i32.store offset=18 (local.get $p)                                ;; one child, none innermost
        (i32.ne (local.get $i) (i32.sub (local.get $n) (i32.const 1))))
      (local.set $p (i32.add (local.get $p) (i32.const 22)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $next (i32.lt_u (local.get $i) (local.get $n))))
    (i32.store (i32.const 1024) (i32.sub (local.get $p) (i32.const 1028)))
    (i32.store (i32.const 1028) (i32.const 2))
    (i32.store (i32.const 1032) (i32.const 0))
    (i32.store (i32.const 1036) (i32.const 1))
    (i32.const 1024))

  ;; One million nested groups.
  (func (export "deep_nesting") (param i32 i32) (result i32)
    (call $nest (i32.const 1000000)))

  ;; As deep as the default WASMACRO_MAX_OUTPUT_DEPTH allows.
  (func (export "nesting_at_limit") (param i32 i32) (result i32)
    (call $nest (i32.const 1000)))

  ;; Never returns.
  (func (export "infinite_loop") (param i32 i32) (result i32)
    (loop $forever (br $forever))
    (i32.const 0))

  ;; Unbounded recursion.
  (func $recurse (export "deep_recursion") (param i32 i32) (result i32)
    (call $recurse (local.get 0) (local.get 1)))
)
