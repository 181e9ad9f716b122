;; Unbounded recursion. The engine must stop it with a call-stack trap, never overflow the native
;; stack (guest calls do not recurse natively).
(module
  (func $down (export "down") (param i32) (result i32)
    (i32.add (call $down (i32.add (local.get 0) (i32.const 1))) (i32.const 1)))
  ;; Frames with many locals exhaust the value stack before the depth limit.
  (func $fat (export "fat") (param i64) (result i64)
    (local i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64)
    (local i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64)
    (local i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64)
    (local i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64)
    (local i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64)
    (local i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64)
    (local i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64)
    (local i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64)
    (call $fat (i64.add (local.get 0) (i64.const 1))))
  ;; Mutual recursion through call_indirect.
  (type $t (func (param i32) (result i32)))
  (table funcref (elem $ping $pong))
  (func $ping (param i32) (result i32) (call_indirect (type $t) (local.get 0) (i32.const 1)))
  (func $pong (param i32) (result i32) (call_indirect (type $t) (local.get 0) (i32.const 0)))
  (func (export "ping_pong") (result i32) (call $ping (i32.const 0)))
  ;; Bounded recursion that fits: 5000 frames.
  (func $count (export "count") (param i32) (result i32)
    (if (result i32) (i32.eqz (local.get 0))
      (then (i32.const 0))
      (else (i32.add (i32.const 1) (call $count (i32.sub (local.get 0) (i32.const 1)))))))
)
