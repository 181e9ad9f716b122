;; Validation rules, one family at a time: operand stack typing, block and branch typing, labels,
;; the polymorphic stack after unconditional branches, module-level index spaces, exports, start
;; functions, constant expressions, segments and limits. Each module decodes but must be refused.

;; --- Operand stack -------------------------------------------------------------------------
(assert_invalid (module (func (result i32))) "type mismatch")
(assert_invalid (module (func (i32.const 1))) "type mismatch")
(assert_invalid (module (func (result i32) (i64.const 1))) "type mismatch")
(assert_invalid (module (func (result i32 i32) (i32.const 1))) "type mismatch")
(assert_invalid (module (func (drop))) "type mismatch")
(assert_invalid (module (func (result i32) (i32.add (i32.const 1)))) "type mismatch")
(assert_invalid (module (func (param i32) (result i32) (local.get 0) (i32.const 1))) "type mismatch")
(assert_invalid (module (func (result i32) (select (i32.const 1) (i64.const 2) (i32.const 0)))) "type mismatch")
(assert_invalid (module (func (result i32) (select (i32.const 1) (i32.const 2) (i64.const 0)))) "type mismatch")
(assert_invalid (module (func (result i32) (select (result i64) (i32.const 1) (i32.const 2) (i32.const 0)))) "type mismatch")

;; --- Blocks ----------------------------------------------------------------------------------
(assert_invalid (module (func (result i32) (block (i32.const 1)))) "type mismatch")
(assert_invalid (module (func (block (result i32)))) "type mismatch")
(assert_invalid (module (func (result i32) (block (result i32) (i64.const 0)))) "type mismatch")
(assert_invalid (module (func (i32.const 0) (block (drop)))) "type mismatch")
(assert_invalid (module (func (result i32) (loop (result i32)))) "type mismatch")
(assert_invalid (module (func (result i32) (if (result i32) (i32.const 1) (then (i32.const 1))))) "type mismatch")
(assert_invalid (module (func (result i32) (if (result i32) (i32.const 1) (then (i32.const 1)) (else (i64.const 1))))) "type mismatch")
(assert_invalid (module (func (if (i64.const 1) (then)))) "type mismatch")
(assert_invalid (module (func (if (then)))) "type mismatch")
(assert_invalid
  (module (type $t (func (param i32) (result i32))) (func (result i32) (block (type $t) (i32.const 1))))
  "type mismatch")
(assert_invalid
  (module (type $t (func (param i32) (result i32))) (func (result i32) (i64.const 0) (block (type $t))))
  "type mismatch")
;; An if without else must have equal parameters and results.
(assert_invalid
  (module (func (result i64) (i32.const 0) (i32.const 1) (if (param i32) (result i64) (then (drop) (i64.const 0)))))
  "type mismatch")
(assert_invalid
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\01\60\00\00"      ;; type 0: [] -> []
    "\03\02\01\00"
    "\0a\07\01\05\00"
    "\02\09\0b"              ;; block with type index 9
    "\0b")
  "unknown type")

;; --- Branches --------------------------------------------------------------------------------
(assert_invalid (module (func (br 1))) "unknown label")
(assert_invalid (module (func (block (br 2)))) "unknown label")
(assert_invalid (module (func (br_if 1 (i32.const 0)))) "unknown label")
(assert_invalid (module (func (br_table 0 1 (i32.const 0)))) "unknown label")
(assert_invalid (module (func (block (br_table 0 5 (i32.const 0))))) "unknown label")
(assert_invalid (module (func (result i32) (block (result i32) (br 0)))) "type mismatch")
(assert_invalid (module (func (result i32) (block (result i32) (br 0 (i64.const 0))))) "type mismatch")
(assert_invalid (module (func (block (br_if 0 (i64.const 0))))) "type mismatch")
(assert_invalid (module (func (result i32) (block (result i32) (br_if 0 (i32.const 1))))) "type mismatch")
(assert_invalid
  (module (func (result i32)
    (block $a (result i32) (block $b (result i64) (br_table $a $b (i32.const 0) (i32.const 0))) (drop) (i32.const 0))))
  "type mismatch")
(assert_invalid (module (func (block (br_table 0 (i64.const 0))))) "type mismatch")
;; A branch to a loop carries the loop's parameters, not its results.
(assert_invalid (module (func (i32.const 0) (loop (param i32) (drop) (br 0)))) "type mismatch")
(assert_invalid (module (func (result i32) (return))) "type mismatch")
(assert_invalid (module (func (result i32) (return (i64.const 1)))) "type mismatch")

;; After an unconditional branch the stack is polymorphic: these are valid.
(module
  (func (export "after_unreachable") (result i32) (unreachable) (i32.add) (drop) (i64.const 0) (i32.wrap_i64))
  (func (result i32) (return (i32.const 1)) (i32.add))
  (func (result f64) (block (result f64) (br 0 (f64.const 1)) (select)))
  (func (result i32) (block (result i32) (br_table 0 0 (i32.const 1) (i32.const 0)) (ref.is_null)))
  (func (loop (br 0) (i64.eqz) (drop)))
)
(assert_trap (invoke "after_unreachable") "unreachable")
;; ...but what is on the stack still has to fit.
(assert_invalid (module (func (result i32) (unreachable) (i64.const 0))) "type mismatch")
(assert_invalid (module (func (unreachable) (i64.const 0) (i32.add) (drop))) "type mismatch")
(assert_invalid (module (func (result i32) (br 0) (f32.const 0))) "type mismatch")

;; --- Index spaces ----------------------------------------------------------------------------
(assert_invalid (module (func (type 1))) "unknown type")
(assert_invalid (module (import "m" "f" (func (type 2)))) "unknown type")
(assert_invalid (module (func (call 1))) "unknown function")
(assert_invalid (module (func (local.get 0))) "unknown local")
(assert_invalid (module (elem (i32.const 0) 0)) "unknown table")
(assert_invalid (module (table 1 funcref) (elem (i32.const 0) 3)) "unknown function")

;; --- Exports ---------------------------------------------------------------------------------
(assert_invalid (module (func) (export "a" (func 0)) (export "a" (func 0))) "duplicate export name")
(assert_invalid (module (global i32 (i32.const 0)) (export "g" (global 0)) (export "g" (global 0))) "duplicate export name")
(assert_invalid (module (export "f" (func 0))) "unknown function")
(assert_invalid (module (export "g" (global 0))) "unknown global")
(assert_invalid (module (export "t" (table 0))) "unknown table")
(assert_invalid (module (export "m" (memory 0))) "unknown memory")
;; Mutable globals may be imported and exported in WebAssembly 2.0.
(module (global (export "mutable") (mut i32) (i32.const 0)))
(module (import "spectest" "global_i32" (global i32)) (export "reexport" (global 0)))

;; --- Start function --------------------------------------------------------------------------
(assert_invalid (module (func) (start 1)) "unknown function")
(assert_invalid (module (func (param i32)) (start 0)) "start function")
(assert_invalid (module (func (result i32) (i32.const 0)) (start 0)) "start function")
(module
  (global $ran (mut i32) (i32.const 0))
  (func $init (global.set $ran (i32.const 1)))
  (start $init)
  (func (export "ran") (result i32) (global.get $ran))
)
(assert_return (invoke "ran") (i32.const 1))
(assert_trap (module (func $boom (unreachable)) (start $boom)) "unreachable")

;; --- Constant expressions --------------------------------------------------------------------
(assert_invalid (module (global i32 (nop) (i32.const 0))) "constant expression required")
(assert_invalid (module (global i32 (i32.const 0) (drop) (i32.const 0))) "constant expression required")
(assert_invalid (module (global i32)) "type mismatch")
(assert_invalid (module (global funcref (ref.null extern))) "type mismatch")
(assert_invalid (module (func $f) (global funcref (ref.func 3))) "unknown function")
(assert_invalid (module (memory 1) (data (i32.ctz (i32.const 0)) "")) "constant expression required")
(assert_invalid (module (memory 1) (data (f32.const 0) "")) "type mismatch")
(assert_invalid (module (table 1 funcref) (elem (i64.const 0))) "type mismatch")
(assert_invalid (module (table 1 funcref) (elem (offset (i32.const 0) (i32.const 0)))) "type mismatch")
;; ref.func in a global initialiser declares the function for use in code.
(module (func $f) (global funcref (ref.func $f)) (func (drop (ref.func $f))))

;; --- Limits ----------------------------------------------------------------------------------
(assert_invalid (module (memory 1 0)) "size minimum must not be greater than maximum")
(assert_invalid (module (memory 0x10001)) "memory size must be at most 65536 pages (4GiB)")
(assert_invalid (module (table 1 0 funcref)) "size minimum must not be greater than maximum")
(assert_invalid (module (import "m" "mem" (memory 0x10001))) "memory size must be at most 65536 pages (4GiB)")
(module (memory 0 0x10000))
(module (table 0 0xffffffff funcref))
