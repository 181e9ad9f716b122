;; Tries to read a file through WASI: refused at load, so it never runs.
(module
  (import "wasi_snapshot_preview1" "path_open"
    (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "wasmacro_alloc") (param i32) (result i32) (i32.const 1024))
  (func (export "probe") (param i32 i32) (result i32) (i32.const 0)))
