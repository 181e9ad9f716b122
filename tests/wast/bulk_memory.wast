;; Bulk memory: memory.fill, memory.copy (overlapping both ways), memory.init from passive
;; segments, data.drop, and their bounds checks, which happen before any byte is written.

(module
  (memory 1)
  (data $hello "hello")
  (data $digits "0123456789")
  (data (i32.const 0x100) "abcdefgh")

  (func (export "load8") (param i32) (result i32) (i32.load8_u (local.get 0)))
  (func (export "load64") (param i32) (result i64) (i64.load (local.get 0)))
  (func (export "fill") (param i32 i32 i32) (memory.fill (local.get 0) (local.get 1) (local.get 2)))
  (func (export "copy") (param i32 i32 i32) (memory.copy (local.get 0) (local.get 1) (local.get 2)))
  (func (export "init_hello") (param i32 i32 i32) (memory.init $hello (local.get 0) (local.get 1) (local.get 2)))
  (func (export "init_digits") (param i32 i32 i32) (memory.init $digits (local.get 0) (local.get 1) (local.get 2)))
  (func (export "drop_hello") (data.drop $hello))
  (func (export "drop_active") (data.drop 2))
  (func (export "init_active") (param i32) (memory.init 2 (i32.const 0) (i32.const 0) (local.get 0)))
)

(invoke "fill" (i32.const 10) (i32.const 0x1ff) (i32.const 4))
(assert_return (invoke "load64" (i32.const 8)) (i64.const 0x0000ffffffff0000))
(invoke "fill" (i32.const 65535) (i32.const 7) (i32.const 1))
(assert_return (invoke "load8" (i32.const 65535)) (i32.const 7))
(invoke "fill" (i32.const 65536) (i32.const 7) (i32.const 0))
(assert_trap (invoke "fill" (i32.const 65537) (i32.const 7) (i32.const 0)) "out of bounds memory access")
(assert_trap (invoke "fill" (i32.const 65530) (i32.const 1) (i32.const 7)) "out of bounds memory access")
;; Nothing was written by the trapping fill.
(assert_return (invoke "load8" (i32.const 65530)) (i32.const 0))
(assert_trap (invoke "fill" (i32.const 0) (i32.const 1) (i32.const -1)) "out of bounds memory access")
(assert_return (invoke "load8" (i32.const 0)) (i32.const 0))

;; Overlapping copies behave as if through a temporary buffer.
(invoke "copy" (i32.const 0x101) (i32.const 0x100) (i32.const 4))
(assert_return (invoke "load64" (i32.const 0x100)) (i64.const 0x6867666463626161))
(invoke "copy" (i32.const 0x100) (i32.const 0x101) (i32.const 4))
(assert_return (invoke "load64" (i32.const 0x100)) (i64.const 0x6867666464636261))
(invoke "copy" (i32.const 0x200) (i32.const 0x100) (i32.const 8))
(invoke "copy" (i32.const 0x202) (i32.const 0x200) (i32.const 6))
(assert_return (invoke "load64" (i32.const 0x200)) (i64.const 0x6664646362616261))
(invoke "copy" (i32.const 0x300) (i32.const 0x100) (i32.const 8))
(invoke "copy" (i32.const 0x300) (i32.const 0x302) (i32.const 6))
(assert_return (invoke "load64" (i32.const 0x300)) (i64.const 0x6867686766646463))
(invoke "copy" (i32.const 65536) (i32.const 0) (i32.const 0))
(invoke "copy" (i32.const 0) (i32.const 65536) (i32.const 0))
(assert_trap (invoke "copy" (i32.const 65537) (i32.const 0) (i32.const 0)) "out of bounds memory access")
(assert_trap (invoke "copy" (i32.const 0) (i32.const 65537) (i32.const 0)) "out of bounds memory access")
(assert_trap (invoke "copy" (i32.const 65532) (i32.const 0x100) (i32.const 8)) "out of bounds memory access")
(assert_trap (invoke "copy" (i32.const 0x400) (i32.const 65532) (i32.const 8)) "out of bounds memory access")
(assert_return (invoke "load8" (i32.const 65532)) (i32.const 0))
(assert_return (invoke "load8" (i32.const 0x400)) (i32.const 0))

;; memory.init copies from a passive segment; bounds are checked on both the segment and memory.
(invoke "init_hello" (i32.const 0x500) (i32.const 1) (i32.const 4))
(assert_return (invoke "load64" (i32.const 0x500)) (i64.const 0x6f6c6c65))
(invoke "init_digits" (i32.const 65526) (i32.const 0) (i32.const 10))
(assert_return (invoke "load8" (i32.const 65535)) (i32.const 0x39))
(invoke "init_hello" (i32.const 65536) (i32.const 5) (i32.const 0))
(assert_trap (invoke "init_hello" (i32.const 0) (i32.const 6) (i32.const 0)) "out of bounds memory access")
(assert_trap (invoke "init_hello" (i32.const 0) (i32.const 2) (i32.const 4)) "out of bounds memory access")
(assert_trap (invoke "init_hello" (i32.const 65533) (i32.const 0) (i32.const 5)) "out of bounds memory access")
(assert_trap (invoke "init_hello" (i32.const 65537) (i32.const 0) (i32.const 0)) "out of bounds memory access")
(assert_return (invoke "load8" (i32.const 65533)) (i32.const 0x37))

;; After data.drop the segment has length zero: an empty init still works, any other traps.
(invoke "drop_hello")
(invoke "drop_hello")
(invoke "init_hello" (i32.const 0) (i32.const 0) (i32.const 0))
(assert_trap (invoke "init_hello" (i32.const 0) (i32.const 0) (i32.const 1)) "out of bounds memory access")
(invoke "init_digits" (i32.const 0x600) (i32.const 8) (i32.const 2))
(assert_return (invoke "load8" (i32.const 0x601)) (i32.const 0x39))

;; Active segments are dropped once instantiation has copied them.
(invoke "init_active" (i32.const 0))
(assert_trap (invoke "init_active" (i32.const 1)) "out of bounds memory access")
(invoke "drop_active")

;; A passive segment needs no memory bounds at instantiation, even when it is bigger than memory.
(module
  (memory 0)
  (data "this segment is longer than a memory of zero pages")
  (func (export "init") (param i32) (memory.init 0 (i32.const 0) (i32.const 0) (local.get 0)))
  (func (export "fill") (param i32) (memory.fill (i32.const 0) (i32.const 0) (local.get 0)))
  (func (export "copy") (param i32) (memory.copy (i32.const 0) (i32.const 0) (local.get 0)))
)
(invoke "init" (i32.const 0))
(invoke "fill" (i32.const 0))
(invoke "copy" (i32.const 0))
(assert_trap (invoke "init" (i32.const 1)) "out of bounds memory access")
(assert_trap (invoke "fill" (i32.const 1)) "out of bounds memory access")
(assert_trap (invoke "copy" (i32.const 1)) "out of bounds memory access")

;; Active segments are applied in order; a failing segment stops instantiation, and the segments
;; before it stay written (WebAssembly 2.0 semantics) in an imported memory.
(module $mem (memory (export "memory") 1) (func (export "load8") (param i32) (result i32) (i32.load8_u (local.get 0))))
(register "mem" $mem)
(assert_trap
  (module
    (import "mem" "memory" (memory 1))
    (data (i32.const 0) "\01")
    (data (i32.const 65536) "\02"))
  "out of bounds memory access")
(assert_return (invoke $mem "load8" (i32.const 0)) (i32.const 1))

;; Validation.
(assert_invalid (module (func (memory.fill (i32.const 0) (i32.const 0) (i32.const 0)))) "unknown memory")
(assert_invalid (module (func (memory.copy (i32.const 0) (i32.const 0) (i32.const 0)))) "unknown memory")
(assert_invalid (module (memory 1) (func (memory.init 0 (i32.const 0) (i32.const 0) (i32.const 0)))) "unknown data segment")
(assert_invalid (module (memory 1) (func (data.drop 0))) "unknown data segment")
(assert_invalid (module (memory 1) (data "") (func (memory.init 1 (i32.const 0) (i32.const 0) (i32.const 0)))) "unknown data segment")
(assert_invalid (module (memory 1) (func (memory.fill (i32.const 0) (i64.const 0) (i32.const 0)))) "type mismatch")
(assert_invalid (module (memory 1) (func (memory.copy (i32.const 0) (i32.const 0) (f32.const 0)))) "type mismatch")
(assert_invalid (module (memory 1) (data "") (func (memory.init 0 (i32.const 0) (i32.const 0)))) "type mismatch")
