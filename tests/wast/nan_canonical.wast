;; The engine's NaN rule, stronger than the spec's: every arithmetic instruction that produces a NaN
;; produces the canonical NaN, whatever the payloads of its inputs, so results are the same bits on
;; every host CPU. abs, neg and copysign are not arithmetic: they change the sign bit only. Moves
;; (locals, globals, select, memory, reinterpret) keep every bit.
;; The spec itself allows any arithmetic NaN for NaN inputs with a payload, so an engine that merely
;; conforms may fail the nan:canonical assertions below; this one must not.

(module
  (func (export "f32.add") (param f32 f32) (result f32) (f32.add (local.get 0) (local.get 1)))
  (func (export "f32.sub") (param f32 f32) (result f32) (f32.sub (local.get 0) (local.get 1)))
  (func (export "f32.mul") (param f32 f32) (result f32) (f32.mul (local.get 0) (local.get 1)))
  (func (export "f32.div") (param f32 f32) (result f32) (f32.div (local.get 0) (local.get 1)))
  (func (export "f32.min") (param f32 f32) (result f32) (f32.min (local.get 0) (local.get 1)))
  (func (export "f32.max") (param f32 f32) (result f32) (f32.max (local.get 0) (local.get 1)))
  (func (export "f32.sqrt") (param f32) (result f32) (f32.sqrt (local.get 0)))
  (func (export "f32.ceil") (param f32) (result f32) (f32.ceil (local.get 0)))
  (func (export "f32.floor") (param f32) (result f32) (f32.floor (local.get 0)))
  (func (export "f32.trunc") (param f32) (result f32) (f32.trunc (local.get 0)))
  (func (export "f32.nearest") (param f32) (result f32) (f32.nearest (local.get 0)))
  (func (export "f32.demote_f64") (param f64) (result f32) (f32.demote_f64 (local.get 0)))
  (func (export "f64.add") (param f64 f64) (result f64) (f64.add (local.get 0) (local.get 1)))
  (func (export "f64.sub") (param f64 f64) (result f64) (f64.sub (local.get 0) (local.get 1)))
  (func (export "f64.mul") (param f64 f64) (result f64) (f64.mul (local.get 0) (local.get 1)))
  (func (export "f64.div") (param f64 f64) (result f64) (f64.div (local.get 0) (local.get 1)))
  (func (export "f64.min") (param f64 f64) (result f64) (f64.min (local.get 0) (local.get 1)))
  (func (export "f64.max") (param f64 f64) (result f64) (f64.max (local.get 0) (local.get 1)))
  (func (export "f64.sqrt") (param f64) (result f64) (f64.sqrt (local.get 0)))
  (func (export "f64.ceil") (param f64) (result f64) (f64.ceil (local.get 0)))
  (func (export "f64.floor") (param f64) (result f64) (f64.floor (local.get 0)))
  (func (export "f64.trunc") (param f64) (result f64) (f64.trunc (local.get 0)))
  (func (export "f64.nearest") (param f64) (result f64) (f64.nearest (local.get 0)))
  (func (export "f64.promote_f32") (param f32) (result f64) (f64.promote_f32 (local.get 0)))

  ;; The bits of NaNs made in different ways, compared with each other: one canonical NaN, sign
  ;; included, whatever the host CPU's default NaN is.
  (func (export "f32.same_nan_bits") (result i32)
    (local $a i32)
    (local.set $a (i32.reinterpret_f32 (f32.div (f32.const 0) (f32.const 0))))
    (i32.and
      (i32.and
        (i32.eq (local.get $a) (i32.reinterpret_f32 (f32.sqrt (f32.const -1))))
        (i32.eq (local.get $a) (i32.reinterpret_f32 (f32.add (f32.const nan:0x200000) (f32.const 1)))))
      (i32.and
        (i32.eq (local.get $a) (i32.reinterpret_f32 (f32.mul (f32.const -nan:0x1) (f32.const 2))))
        (i32.eq (local.get $a) (i32.reinterpret_f32 (f32.sub (f32.const inf) (f32.const inf)))))))
  (func (export "f64.same_nan_bits") (result i32)
    (local $a i64)
    (local.set $a (i64.reinterpret_f64 (f64.div (f64.const 0) (f64.const 0))))
    (i32.and
      (i32.and
        (i64.eq (local.get $a) (i64.reinterpret_f64 (f64.sqrt (f64.const -1))))
        (i64.eq (local.get $a) (i64.reinterpret_f64 (f64.add (f64.const nan:0x4000000000000) (f64.const 1)))))
      (i32.and
        (i64.eq (local.get $a) (i64.reinterpret_f64 (f64.mul (f64.const -nan:0x1) (f64.const 2))))
        (i64.eq (local.get $a) (i64.reinterpret_f64 (f64.sub (f64.const inf) (f64.const inf)))))))

  ;; Moves keep payloads: through a local, a global, select and memory.
  (global $g (mut f32) (f32.const 0))
  (memory 1)
  (func (export "f32.move_bits") (param i32) (result i32)
    (local f32)
    (local.set 1 (f32.reinterpret_i32 (local.get 0)))
    (global.set $g (local.get 1))
    (f32.store (i32.const 8) (select (global.get $g) (f32.const 0) (i32.const 1)))
    (i32.reinterpret_f32 (f32.load (i32.const 8))))
  (func (export "f64.move_bits") (param i64) (result i64)
    (f64.store (i32.const 16) (f64.reinterpret_i64 (local.get 0)))
    (i64.reinterpret_f64 (f64.load (i32.const 16))))
)

(assert_return (invoke "f32.add" (f32.const nan:0x200000) (f32.const 1)) (f32.const nan:canonical))
(assert_return (invoke "f32.add" (f32.const 1) (f32.const -nan:0x1)) (f32.const nan:canonical))
(assert_return (invoke "f32.sub" (f32.const nan:0x7fffff) (f32.const nan:0x1)) (f32.const nan:canonical))
(assert_return (invoke "f32.mul" (f32.const -nan:0x123) (f32.const 0)) (f32.const nan:canonical))
(assert_return (invoke "f32.div" (f32.const 1) (f32.const nan:0x400001)) (f32.const nan:canonical))
(assert_return (invoke "f32.min" (f32.const nan:0x1) (f32.const 0)) (f32.const nan:canonical))
(assert_return (invoke "f32.max" (f32.const 0) (f32.const -nan:0x2)) (f32.const nan:canonical))
(assert_return (invoke "f32.sqrt" (f32.const nan:0x200001)) (f32.const nan:canonical))
(assert_return (invoke "f32.ceil" (f32.const nan:0x1)) (f32.const nan:canonical))
(assert_return (invoke "f32.floor" (f32.const -nan:0x1)) (f32.const nan:canonical))
(assert_return (invoke "f32.trunc" (f32.const nan:0x1)) (f32.const nan:canonical))
(assert_return (invoke "f32.nearest" (f32.const nan:0x1)) (f32.const nan:canonical))
(assert_return (invoke "f32.demote_f64" (f64.const nan:0x4000000000001)) (f32.const nan:canonical))
(assert_return (invoke "f32.demote_f64" (f64.const -nan:0x1)) (f32.const nan:canonical))
(assert_return (invoke "f64.add" (f64.const nan:0x4000000000000) (f64.const 1)) (f64.const nan:canonical))
(assert_return (invoke "f64.sub" (f64.const 1) (f64.const -nan:0x1)) (f64.const nan:canonical))
(assert_return (invoke "f64.mul" (f64.const nan:0xfffffffffffff) (f64.const 2)) (f64.const nan:canonical))
(assert_return (invoke "f64.div" (f64.const nan:0x1) (f64.const 2)) (f64.const nan:canonical))
(assert_return (invoke "f64.min" (f64.const nan:0x1) (f64.const 0)) (f64.const nan:canonical))
(assert_return (invoke "f64.max" (f64.const 0) (f64.const -nan:0x2)) (f64.const nan:canonical))
(assert_return (invoke "f64.sqrt" (f64.const nan:0x1)) (f64.const nan:canonical))
(assert_return (invoke "f64.ceil" (f64.const nan:0x1)) (f64.const nan:canonical))
(assert_return (invoke "f64.floor" (f64.const nan:0x1)) (f64.const nan:canonical))
(assert_return (invoke "f64.trunc" (f64.const -nan:0x1)) (f64.const nan:canonical))
(assert_return (invoke "f64.nearest" (f64.const nan:0x1)) (f64.const nan:canonical))
(assert_return (invoke "f64.promote_f32" (f32.const nan:0x1)) (f64.const nan:canonical))
(assert_return (invoke "f64.promote_f32" (f32.const -nan:0x200001)) (f64.const nan:canonical))

(assert_return (invoke "f32.same_nan_bits") (i32.const 1))
(assert_return (invoke "f64.same_nan_bits") (i32.const 1))

(assert_return (invoke "f32.move_bits" (i32.const 0x7fa00001)) (i32.const 0x7fa00001))
(assert_return (invoke "f32.move_bits" (i32.const 0xff800001)) (i32.const 0xff800001))
(assert_return (invoke "f64.move_bits" (i64.const 0x7ff0000000000001)) (i64.const 0x7ff0000000000001))
(assert_return (invoke "f64.move_bits" (i64.const 0xfff4000000000000)) (i64.const 0xfff4000000000000))
