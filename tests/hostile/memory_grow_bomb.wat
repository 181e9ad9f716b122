;; Grows memory one page at a time, touching each new page, until growth fails. The store's page cap
;; must stop it (memory.grow past the cap traps) long before the host runs out of memory.
(module
  (memory 1)
  (func (export "bomb") (result i32)
    (local $pages i32)
    (loop $more
      (local.set $pages (memory.grow (i32.const 1)))
      (if (i32.ne (local.get $pages) (i32.const -1))
        (then
          (i32.store (i32.mul (local.get $pages) (i32.const 65536)) (i32.const 0xdeadbeef))
          (br $more))))
    (memory.size))
  ;; One big request instead of many small ones.
  (func (export "big") (result i32) (memory.grow (i32.const 60000)))
)
