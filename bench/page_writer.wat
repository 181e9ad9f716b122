;; touch(n) writes one byte into each of n consecutive 4 KiB pages, for the restore benchmark.
(module
  (memory (export "memory") 300)
  (func (export "touch") (param $count i32)
    (local $address i32)
    (loop $next
      (if (local.get $count) (then
        (i32.store8 (local.get $address) (local.get $count))
        (local.set $address (i32.add (local.get $address) (i32.const 4096)))
        (local.set $count (i32.sub (local.get $count) (i32.const 1)))
        (br $next))))))
