;; Tries to read the clock, through an import the ABI does not list: refused at load.
(module
  (import "wasmacro" "clock_time_get" (func $clock (param i32 i64 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "wasmacro_alloc") (param i32) (result i32) (i32.const 1024))
  (func (export "probe") (param i32 i32) (result i32) (i32.const 0)))
