;; Imports and exports between modules: functions, memories, tables and globals, type checks at
;; link time, re-exports, and the spectest host module.

(module $lib
  (memory (export "mem") 1 2)
  (table (export "tab") 3 funcref)
  (global (export "g") (mut i64) (i64.const 5))
  (func $add (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
  (func (export "read") (param i32) (result i32) (i32.load (local.get 0)))
  (elem (i32.const 0) $add)
)
(register "lib" $lib)

(module $user
  (import "lib" "add" (func $add (param i32 i32) (result i32)))
  (import "lib" "mem" (memory 1))
  (import "lib" "tab" (table 2 funcref))
  (import "lib" "g" (global $g (mut i64)))
  (import "spectest" "print_i32" (func $print (param i32)))
  (type $binop (func (param i32 i32) (result i32)))
  (func (export "add_via_import") (param i32 i32) (result i32) (call $add (local.get 0) (local.get 1)))
  (func (export "add_via_table") (param i32 i32) (result i32)
    (call_indirect (type $binop) (local.get 0) (local.get 1) (i32.const 0)))
  (func (export "store") (param i32 i32) (i32.store (local.get 0) (local.get 1)))
  (func (export "print") (param i32) (call $print (local.get 0)))
  (func (export "bump") (result i64) (global.set $g (i64.add (global.get $g) (i64.const 1))) (global.get $g))
  (export "add_again" (func $add))
)
(assert_return (invoke $user "add_via_import" (i32.const 20) (i32.const 22)) (i32.const 42))
(assert_return (invoke $user "add_via_table" (i32.const 1) (i32.const 2)) (i32.const 3))
(assert_return (invoke $user "add_again" (i32.const 3) (i32.const 4)) (i32.const 7))
(invoke $user "store" (i32.const 12) (i32.const 0x1234))
(assert_return (invoke $lib "read" (i32.const 12)) (i32.const 0x1234))
(assert_return (invoke $user "print" (i32.const 1)))
(assert_return (invoke $user "bump") (i64.const 6))
(assert_return (get $lib "g") (i64.const 6))

;; The spectest module: functions, globals, a table and a memory.
(module
  (import "spectest" "print" (func))
  (import "spectest" "print_i64" (func (param i64)))
  (import "spectest" "print_f32" (func (param f32)))
  (import "spectest" "print_f64" (func (param f64)))
  (import "spectest" "print_i32_f32" (func (param i32 f32)))
  (import "spectest" "print_f64_f64" (func (param f64 f64)))
  (import "spectest" "global_i64" (global i64))
  (import "spectest" "global_f32" (global f32))
  (import "spectest" "global_f64" (global f64))
  (import "spectest" "table" (table 10 funcref))
  (import "spectest" "memory" (memory 1 2))
  ;; The float globals are 666.6 in the reference interpreter and 666 in some others.
  (func (export "globals") (result i64 i32 i32)
    (global.get 0)
    (f32.ge (global.get 1) (f32.const 666))
    (f64.lt (global.get 2) (f64.const 667)))
  (func (export "sizes") (result i32 i32) (memory.size) (table.size 0))
)
(assert_return (invoke "globals") (i64.const 666) (i32.const 1) (i32.const 1))
(assert_return (invoke "sizes") (i32.const 1) (i32.const 10))

;; Link-time checks.
(assert_unlinkable (module (import "lib" "nope" (func))) "unknown import")
(assert_unlinkable (module (import "nowhere" "add" (func))) "unknown import")
(assert_unlinkable (module (import "lib" "add" (func (param i32) (result i32)))) "incompatible import type")
(assert_unlinkable (module (import "lib" "add" (func (param i32 i32) (result i64)))) "incompatible import type")
(assert_unlinkable (module (import "lib" "add" (global i32))) "incompatible import type")
(assert_unlinkable (module (import "lib" "mem" (func))) "incompatible import type")
(assert_unlinkable (module (import "lib" "mem" (memory 2))) "incompatible import type")
(assert_unlinkable (module (import "lib" "mem" (memory 0 1))) "incompatible import type")
(assert_unlinkable (module (import "lib" "tab" (table 4 funcref))) "incompatible import type")
(assert_unlinkable (module (import "lib" "g" (global i64))) "incompatible import type")
(assert_unlinkable (module (import "spectest" "print_i32" (func (param i64)))) "incompatible import type")
(module (import "lib" "mem" (memory 0 3)))
(module (import "lib" "tab" (table 1 funcref)))

;; A failed instantiation leaves no registered state behind, but its writes to imported objects
;; before the failure stay (here: the table entry set before the data segment fails).
(module $t (table (export "t") 2 funcref) (func (export "is_null") (param i32) (result i32) (ref.is_null (table.get 0 (local.get 0)))))
(register "t" $t)
(assert_trap
  (module
    (import "t" "t" (table 2 funcref))
    (memory 1)
    (func $f)
    (elem (i32.const 1) $f)
    (data (i32.const 65536) "x"))
  "out of bounds memory access")
(assert_return (invoke $t "is_null" (i32.const 1)) (i32.const 0))

;; Validation of imports.
(assert_invalid (module (import "m" "f" (func (type 1)))) "unknown type")
(assert_invalid (module (import "m" "mem" (memory 2 1))) "size minimum must not be greater than maximum")
(assert_invalid (module (import "m" "t" (table 2 1 funcref))) "size minimum must not be greater than maximum")
