;; Loops forever; only fuel or the deadline stops it.
(module
  (func (export "spin")
    (loop $forever (br $forever)))
  ;; The same with work in the loop body and a call, so that fuel is charged across calls too.
  (func $step (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
  (func (export "spin_calls") (result i32)
    (local $i i32)
    (loop $forever
      (local.set $i (call $step (local.get $i)))
      (br_if $forever (i32.const 1)))
    (local.get $i))
)
