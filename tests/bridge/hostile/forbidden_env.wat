;; Tries to read the environment through WASI: refused at load.
(module
  (import "wasi_snapshot_preview1" "environ_get" (func $environ_get (param i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "wasmacro_alloc") (param i32) (result i32) (i32.const 1024))
  (func (export "probe") (param i32 i32) (result i32) (i32.const 0)))
