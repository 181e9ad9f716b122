;; Regressions of the slot translator, named after what broke.

;; br_table stubs are separate paths: a stub that returns copied a pending constant into its slot,
;; and the stub after it read that slot without the copy having run on its path.
(module
  (func (export "br_table-stubs-share-a-pending-constant") (param i32) (result i32)
    (i32.add
      (block (result i32)
        (br_table 0 1 0 (i32.const 50) (local.get 0)) (i32.const 51))
      (i32.const 2)))
  (func (export "br_table-stubs-share-a-pending-local") (param i32 i32) (result i32)
    (i32.add
      (block (result i32)
        (br_table 0 1 0 (local.get 1) (local.get 0)) (i32.const 51))
      (i32.const 2)))
  ;; A conditional return copies its value only when taken; the fall-through must not rely on it.
  (func (export "br_if-return-copies-only-when-taken") (param i32) (result i32)
    (drop (br_if 0 (i32.const 7) (local.get 0)))
    (i32.const 9))
  ;; local.set retargets the producing instruction unless the local is still read below it.
  (func (export "local.set-while-the-old-value-is-pending") (param i32) (result i32)
    (local.get 0)
    (local.set 0 (i32.add (local.get 0) (i32.const 1)))
    (local.get 0)
    (i32.mul))
  (func (export "local.tee-while-the-old-value-is-pending") (param i32) (result i32)
    (i32.sub (local.get 0) (local.tee 0 (i32.const 100))))
  ;; A loop parameter that starts as a pending constant is copied into its slot on entry.
  (func (export "loop-parameter-from-constant") (result i32) (local i32)
    (i32.const 0)
    (loop (param i32) (result i32)
      (i32.add (i32.const 3))
      (local.set 0 (i32.add (local.get 0) (i32.const 1)))
      (i32.lt_u (local.get 0) (i32.const 5))
      (br_if 0))))

(assert_return (invoke "br_table-stubs-share-a-pending-constant" (i32.const 0)) (i32.const 52))
(assert_return (invoke "br_table-stubs-share-a-pending-constant" (i32.const 1)) (i32.const 50))
(assert_return (invoke "br_table-stubs-share-a-pending-constant" (i32.const 2)) (i32.const 52))
(assert_return (invoke "br_table-stubs-share-a-pending-constant" (i32.const 1)) (i32.const 50))
(assert_return (invoke "br_table-stubs-share-a-pending-constant" (i32.const 2)) (i32.const 52))
(assert_return (invoke "br_table-stubs-share-a-pending-local" (i32.const 1) (i32.const 40)) (i32.const 40))
(assert_return (invoke "br_table-stubs-share-a-pending-local" (i32.const 2) (i32.const 17)) (i32.const 19))
(assert_return (invoke "br_table-stubs-share-a-pending-local" (i32.const 0) (i32.const 23)) (i32.const 25))
(assert_return (invoke "br_if-return-copies-only-when-taken" (i32.const 1)) (i32.const 7))
(assert_return (invoke "br_if-return-copies-only-when-taken" (i32.const 0)) (i32.const 9))
(assert_return (invoke "local.set-while-the-old-value-is-pending" (i32.const 6)) (i32.const 42))
(assert_return (invoke "local.tee-while-the-old-value-is-pending" (i32.const 30)) (i32.const -70))
(assert_return (invoke "loop-parameter-from-constant") (i32.const 15))

(module
  ;; Values below a block stay read in place; the block's end must not assume they were copied.
  (func (export "pending-constant-below-a-block") (result i32)
    (i32.const 2) (block (result i32) (i32.const 1)) (drop))
  ;; An if's parameter must be in its slot for the else branch.
  (func (export "if-parameter-from-a-constant") (param i32) (result i32)
    (i32.const 5)
    (if (param i32) (result i32) (local.get 0)
      (then (i32.add (i32.const 1)))
      (else (i32.add (i32.const 2)))))
  ;; A read of a local that a later block writes is copied before the block.
  (func (export "pending-local-written-in-a-later-block") (param i32) (result i32)
    (local.get 0) (block (local.set 0 (i32.const 9))) (i32.add (local.get 0)))
  ;; ... also when the write runs on one path only.
  (func (export "pending-local-written-on-one-path") (param i32 i32) (result i32)
    (local.get 0)
    (if (local.get 1) (then (local.set 0 (i32.const 100))))
    (i32.sub (local.get 0))))

(assert_return (invoke "pending-constant-below-a-block") (i32.const 2))
(assert_return (invoke "if-parameter-from-a-constant" (i32.const 0)) (i32.const 7))
(assert_return (invoke "if-parameter-from-a-constant" (i32.const 1)) (i32.const 6))
(assert_return (invoke "pending-local-written-in-a-later-block" (i32.const 1)) (i32.const 10))
(assert_return (invoke "pending-local-written-on-one-path" (i32.const 5) (i32.const 1)) (i32.const -95))
(assert_return (invoke "pending-local-written-on-one-path" (i32.const 5) (i32.const 0)) (i32.const 0))
