;; Declares the largest memory a 32-bit module may have: 65536 pages (4 GiB). The engine reserves
;; address space and commits pages only when touched, so instantiation under the default limits is
;; cheap; under a smaller page cap instantiation is refused with a limit error.
(module
  (memory 65536)
  (func (export "last_byte") (result i32) (i32.load8_u (i32.const 0xffffffff)))
  (func (export "poke") (result i32)
    (i32.store (i32.const 0xfffffffc) (i32.const 7))
    (i32.load (i32.const 0xfffffffc)))
  (func (export "size") (result i32) (memory.size))
)
