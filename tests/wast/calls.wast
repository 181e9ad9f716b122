;; Direct and indirect calls: arguments and results, recursion, call_indirect through several
;; tables with its type-mismatch, null and out-of-bounds traps, and overlong LEB128 table indices.

(module
  (type $unary (func (param i32) (result i32)))
  (type $nullary (func (result i32)))
  (type $binary_i64 (func (param i64 i64) (result i64)))

  (table $main 4 funcref)
  (table $other 3 10 funcref)
  (elem (table $main) (i32.const 0) func $double $seven $sum64)
  (elem (table $other) (i32.const 1) func $seven $triple)

  (func $double (type $unary) (i32.mul (local.get 0) (i32.const 2)))
  (func $triple (type $unary) (i32.mul (local.get 0) (i32.const 3)))
  (func $seven (type $nullary) (i32.const 7))
  (func $sum64 (type $binary_i64) (i64.add (local.get 0) (local.get 1)))
  (func $multi (param i32 i64 f32 f64) (result f64 f32 i64 i32)
    (local.get 3) (local.get 2) (local.get 1) (local.get 0))

  (func (export "call") (param i32) (result i32) (call $double (local.get 0)))
  (func (export "call_multi") (result f64 f32 i64 i32)
    (call $multi (i32.const 1) (i64.const 2) (f32.const 3) (f64.const 4)))
  (func (export "call_nested") (param i32) (result i32)
    (call $double (call $triple (call $double (local.get 0)))))

  (func $fac (export "fac") (param i64) (result i64)
    (if (result i64) (i64.le_u (local.get 0) (i64.const 1))
      (then (i64.const 1))
      (else (i64.mul (local.get 0) (call $fac (i64.sub (local.get 0) (i64.const 1)))))))
  (func $fib (export "fib") (param i32) (result i32)
    (if (result i32) (i32.lt_u (local.get 0) (i32.const 2))
      (then (local.get 0))
      (else (i32.add (call $fib (i32.sub (local.get 0) (i32.const 1)))
                     (call $fib (i32.sub (local.get 0) (i32.const 2)))))))
  (func $even (export "even") (param i32) (result i32)
    (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 1)) (else (call $odd (i32.sub (local.get 0) (i32.const 1))))))
  (func $odd (param i32) (result i32)
    (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 0)) (else (call $even (i32.sub (local.get 0) (i32.const 1))))))
  (func $forever (export "runaway") (call $forever))

  (func (export "indirect_unary") (param i32 i32) (result i32)
    (call_indirect $main (type $unary) (local.get 1) (local.get 0)))
  (func (export "indirect_nullary") (param i32) (result i32)
    (call_indirect $main (type $nullary) (local.get 0)))
  (func (export "indirect_i64") (param i32) (result i64)
    (call_indirect $main (type $binary_i64) (i64.const 40) (i64.const 2) (local.get 0)))
  (func (export "indirect_other") (param i32 i32) (result i32)
    (call_indirect $other (type $unary) (local.get 1) (local.get 0)))
  ;; An inline signature equal to a declared type matches functions of that type.
  (func (export "indirect_inline") (param i32) (result i32)
    (call_indirect $main (param i32) (result i32) (i32.const 21) (local.get 0)))
)

(assert_return (invoke "call" (i32.const 21)) (i32.const 42))
(assert_return (invoke "call_multi") (f64.const 4) (f32.const 3) (i64.const 2) (i32.const 1))
(assert_return (invoke "call_nested" (i32.const 1)) (i32.const 12))
(assert_return (invoke "fac" (i64.const 0)) (i64.const 1))
(assert_return (invoke "fac" (i64.const 20)) (i64.const 2432902008176640000))
(assert_return (invoke "fac" (i64.const 25)) (i64.const 7034535277573963776))
(assert_return (invoke "fib" (i32.const 20)) (i32.const 6765))
(assert_return (invoke "even" (i32.const 1000)) (i32.const 1))
(assert_return (invoke "even" (i32.const 777)) (i32.const 0))
(assert_exhaustion (invoke "runaway") "call stack exhausted")

(assert_return (invoke "indirect_unary" (i32.const 0) (i32.const 5)) (i32.const 10))
(assert_return (invoke "indirect_nullary" (i32.const 1)) (i32.const 7))
(assert_return (invoke "indirect_i64" (i32.const 2)) (i64.const 42))
(assert_trap (invoke "indirect_unary" (i32.const 1) (i32.const 5)) "indirect call type mismatch")
(assert_trap (invoke "indirect_nullary" (i32.const 0)) "indirect call type mismatch")
(assert_trap (invoke "indirect_i64" (i32.const 1)) "indirect call type mismatch")
(assert_trap (invoke "indirect_nullary" (i32.const 3)) "uninitialized element")
(assert_trap (invoke "indirect_nullary" (i32.const 4)) "undefined element")
(assert_trap (invoke "indirect_nullary" (i32.const -1)) "undefined element")
(assert_return (invoke "indirect_other" (i32.const 2) (i32.const 5)) (i32.const 15))
(assert_trap (invoke "indirect_other" (i32.const 0) (i32.const 5)) "uninitialized element")
(assert_trap (invoke "indirect_other" (i32.const 1) (i32.const 5)) "indirect call type mismatch")
(assert_trap (invoke "indirect_other" (i32.const 3) (i32.const 5)) "undefined element")
(assert_return (invoke "indirect_inline" (i32.const 0)) (i32.const 42))

;; Types are compared structurally: two type entries with the same signature are one type.
(module
  (type $a (func (param i32) (result i32)))
  (type $b (func (param i32) (result i32)))
  (table 1 funcref)
  (elem (i32.const 0) $f)
  (func $f (type $a) (i32.add (local.get 0) (i32.const 1)))
  (func (export "via_b") (param i32) (result i32) (call_indirect (type $b) (local.get 0) (i32.const 0)))
)
(assert_return (invoke "via_b" (i32.const 41)) (i32.const 42))

;; call_indirect with its table index written as a 5-byte overlong LEB128 zero, as rustc emits it
;; (call-indirect-overlong). It must be accepted.
(module binary
  "\00asm" "\01\00\00\00"
  "\01\05\01\60\00\01\7f"                    ;; type 0: [] -> [i32]
  "\03\03\02\00\00"                          ;; functions 0 and 1 of type 0
  "\04\04\01\70\00\01"                       ;; table: funcref, min 1
  "\07\08\01\04call\00\01"                   ;; export "call" = function 1
  "\09\07\01\00\41\00\0b\01\00"              ;; elem: table 0 at 0 = [function 0]
  "\0a\12\02"                                ;; code: two bodies
  "\04\00\41\2a\0b"                          ;; function 0: i32.const 42
  "\0b\00\41\00\11\00\80\80\80\80\00\0b"     ;; function 1: call_indirect type 0, table 0 (overlong)
)
(assert_return (invoke "call") (i32.const 42))

;; The same with the type index overlong too.
(module binary
  "\00asm" "\01\00\00\00"
  "\01\05\01\60\00\01\7f"
  "\03\03\02\00\00"
  "\04\04\01\70\00\01"
  "\07\08\01\04call\00\01"
  "\09\07\01\00\41\00\0b\01\00"
  "\0a\13\02"
  "\04\00\41\2b\0b"
  "\0c\00\41\00\11\80\00\80\80\80\80\00\0b"
)
(assert_return (invoke "call") (i32.const 43))

;; Validation of calls.
(assert_invalid (module (func $f (param i32)) (func (call $f))) "type mismatch")
(assert_invalid (module (func $f (result i64)) (func (result i32) (call $f))) "type mismatch")
(assert_invalid (module (func (call 5))) "unknown function")
(assert_invalid (module (type (func)) (func (call_indirect (type 0) (i32.const 0)))) "unknown table")
(assert_invalid
  (module (table 1 funcref) (func (call_indirect (type 3) (i32.const 0))))
  "unknown type")
(assert_invalid
  (module (type (func)) (table 1 funcref) (func (call_indirect (type 0) (i64.const 0))))
  "type mismatch")
(assert_invalid
  (module (type (func)) (table 1 externref) (func (call_indirect (type 0) (i32.const 0))))
  "type mismatch")
