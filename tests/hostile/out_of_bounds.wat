;; Accesses at and just past the edge of a one-page memory, with and without static offsets.
(module
  (memory 1)
  (data (i32.const 65532) "\01\02\03\04")
  (func (export "last_word") (result i32) (i32.load (i32.const 65532)))
  (func (export "straddle") (result i32) (i32.load (i32.const 65533)))
  (func (export "past_end") (result i32) (i32.load8_u (i32.const 65536)))
  (func (export "negative") (result i64) (i64.load (i32.const -8)))
  (func (export "offset_wrap") (result i32) (i32.load offset=0xffffffff (i32.const 1)))
  (func (export "store_straddle") (i64.store (i32.const 65529) (i64.const -1)))
  (func (export "fill_past_end") (memory.fill (i32.const 65000) (i32.const 0) (i32.const 1000)))
  (func (export "copy_past_end") (memory.copy (i32.const 0) (i32.const 65535) (i32.const 2)))
)
