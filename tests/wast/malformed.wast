;; Malformed binaries: each module below cannot be decoded, and the engine must say so with a
;; malformed error (not an invalid or unsupported one). The byte strings are written by hand; the
;; comments say which part is broken.

;; --- Header ----------------------------------------------------------------------------------
;; empty module
(assert_malformed
  (module binary
    "")                                          ;; no bytes at all
  "unexpected end")
;; truncated magic
(assert_malformed
  (module binary
    "\00as")
  "unexpected end")
;; wrong magic
(assert_malformed
  (module binary
    "\00asn\01\00\00\00")
  "magic header not detected")
;; wrong version
(assert_malformed
  (module binary
    "\00asm\02\00\00\00")
  "unknown binary version")
;; truncated version
(assert_malformed
  (module binary
    "\00asm\01\00")
  "unexpected end")
;; a header alone is a valid module
(module binary
  "\00asm\01\00\00\00")                          ;; header
;; --- Sections ---------------------------------------------------------------------------------
;; unknown section id 14
(assert_malformed
  (module binary
    "\00asm\01\00\00\00"                         ;; header
    "\0e\00")                                    ;; section id 14
  "malformed section id")
;; unknown section id 0x7f
(assert_malformed
  (module binary
    "\00asm\01\00\00\00"                         ;; header
    "\7f\00")                                    ;; section id 127
  "malformed section id")
;; section size runs past the end
(assert_malformed
  (module binary
    "\00asm\01\00\00\00"                         ;; header
    "\01\05\01`\00")                             ;; type section claims 5 bytes, has 3
  "unexpected end")
;; section size larger than its content
(assert_malformed
  (module binary
    "\00asm\01\00\00\00"                         ;; header
    "\01\05\01`\00\00\00")                       ;; one byte left over in the type section
  "section size mismatch")
;; section size smaller than its content
(assert_malformed
  (module binary
    "\00asm\01\00\00\00"                         ;; header
    "\01\03\01`\00\00")                          ;; type section cut short
  "unexpected end")
;; sections out of order
(assert_malformed
  (module binary
    "\00asm\01\00\00\00"                         ;; header
    "\03\02\01\00"                               ;; function section
    "\01\04\01`\00\00")                          ;; type section after it
  "unexpected content after last section")
;; memory section after the global section
(assert_malformed
  (module binary
    "\00asm\01\00\00\00"                         ;; header
    "\06\06\01\7f\00A\00\0b"                     ;; global section
    "\05\03\01\00\01")                           ;; memory section after it
  "unexpected content after last section")
;; duplicate section
(assert_malformed
  (module binary
    "\00asm\01\00\00\00"                         ;; header
    "\01\04\01`\00\00"                           ;; type section
    "\01\04\01`\00\00")                          ;; type section again
  "unexpected content after last section")
;; data count after code
(assert_malformed
  (module binary
    "\00asm\01\00\00\00"                         ;; header
    "\01\04\01`\00\00"
    "\03\02\01\00"
    "\0a\04\01\02\00\0b"                         ;; code
    "\0c\01\00")                                 ;; data count after code
  "unexpected content after last section")
;; custom sections may appear anywhere, even between ordered sections
(module binary
  "\00asm\01\00\00\00"                           ;; header
  "\00\07\03abcxyz"                              ;; custom "abc"
  "\01\04\01`\00\00"
  "\00\02\01z"                                   ;; custom "z"
  "\03\02\01\00"
  "\0a\04\01\02\00\0b")
;; custom section name runs past its section
(assert_malformed
  (module binary
    "\00asm\01\00\00\00"                         ;; header
    "\00\02\05ab")                               ;; name length 5 in a 2-byte section
  "unexpected end")
;; custom section name is not UTF-8
(assert_malformed
  (module binary
    "\00asm\01\00\00\00"                         ;; header
    "\00\03\02\c0\80")                           ;; overlong encoding of NUL
  "malformed UTF-8 encoding")
;; --- LEB128 ----------------------------------------------------------------------------------
;; u32 LEB128 longer than 5 bytes (type count)
(assert_malformed
  (module binary
    "\00asm\01\00\00\00"                         ;; header
    "\01\07\81\80\80\80\80\00`")                 ;; count 1 in 6 bytes
  "integer representation too long")
;; u32 LEB128 with unused bits set in the 5th byte
(assert_malformed
  (module binary
    "\00asm\01\00\00\00"                         ;; header
    "\01\07\81\80\80\80p`\00\00")
  "integer too large")
;; u32 LEB128 truncated
(assert_malformed
  (module binary
    "\00asm\01\00\00\00"                         ;; header
    "\01\01\81")                                 ;; continuation bit on the last byte
  "unexpected end")
;; section size LEB128 too long
(assert_malformed
  (module binary
    "\00asm\01\00\00\00"                         ;; header
    "\01\84\80\80\80\80\00\01`\00\00")           ;; size 4 in 6 bytes
  "integer representation too long")
;; u32 LEB128 overlong but within 5 bytes is fine (type count 1 in 5 bytes)
(module binary
  "\00asm\01\00\00\00"                           ;; header
  "\01\08\81\80\80\80\00`\00\00")
;; i32.const immediate longer than 5 bytes
(assert_malformed
  (module binary
    "\00asm\01\00\00\00"                         ;; header
    "\01\05\01`\00\01\7f"                        ;; type 0: [] -> [i32]
    "\03\02\01\00"
    "\0a\0b\01\09\00A\80\80\80\80\80\00\0b")     ;; code
  "integer representation too long")
;; i32.const immediate with bad sign bits in the 5th byte
(assert_malformed
  (module binary
    "\00asm\01\00\00\00"                         ;; header
    "\01\05\01`\00\01\7f"                        ;; type 0: [] -> [i32]
    "\03\02\01\00"
    "\0a\0a\01\08\00A\80\80\80\80\10\0b")        ;; code
  "integer too large")
;; i32.const immediate with bad sign bits (negative)
(assert_malformed
  (module binary
    "\00asm\01\00\00\00"                         ;; header
    "\01\05\01`\00\01\7f"                        ;; type 0: [] -> [i32]
    "\03\02\01\00"
    "\0a\0a\01\08\00A\ff\ff\ff\ffo\0b")          ;; code
  "integer too large")
;; i32.const immediate in 5 bytes, sign-extended correctly
(module binary
  "\00asm\01\00\00\00"                           ;; header
  "\01\05\01`\00\01\7f"                          ;; type 0: [] -> [i32]
  "\03\02\01\00"
  "\0a\0a\01\08\00A\ff\ff\ff\ff\7f\0b")          ;; code
;; i64.const immediate longer than 10 bytes
(assert_malformed
  (module binary
    "\00asm\01\00\00\00"                         ;; header
    "\01\05\01`\00\01~"                          ;; type 0: [] -> [i64]
    "\03\02\01\00"
    "\0a\10\01\0e\00B\80\80\80\80\80\80\80\80\80\80\00\0b") ;; code
  "integer representation too long")
;; i64.const immediate with bad bits in the 10th byte
(assert_malformed
  (module binary
    "\00asm\01\00\00\00"                         ;; header
    "\01\05\01`\00\01~"                          ;; type 0: [] -> [i64]
    "\03\02\01\00"
    "\0a\0f\01\0d\00B\80\80\80\80\80\80\80\80\80\02\0b") ;; code
  "integer too large")
;; i64.const immediate in 10 bytes
(module binary
  "\00asm\01\00\00\00"                           ;; header
  "\01\05\01`\00\01~"                            ;; type 0: [] -> [i64]
  "\03\02\01\00"
  "\0a\0f\01\0d\00B\ff\ff\ff\ff\ff\ff\ff\ff\ff\7f\0b") ;; code
;; memarg offset LEB128 too long
(assert_malformed
  (module binary
    "\00asm\01\00\00\00"                         ;; header
    "\01\05\01`\00\01\7f"
    "\03\02\01\00"
    "\05\03\01\00\01"                            ;; memory 1
    "\0a\0e\01\0c\00A\00(\02\80\80\80\80\80\00\0b") ;; i32.load offset in 6 bytes
  "integer representation too long")
;; local count LEB128 too long
(assert_malformed
  (module binary
    "\00asm\01\00\00\00"                         ;; header
    "\01\04\01`\00\00"
    "\03\02\01\00"
    "\0a\0b\01\09\01\81\80\80\80\80\00\7f\0b")
  "integer representation too long")
;; --- Types and values -------------------------------------------------------------------------
;; function type without the 0x60 form
(assert_malformed
  (module binary
    "\00asm\01\00\00\00"                         ;; header
    "\01\04\01a\00\00")                          ;; form 0x61
  "integer representation too long")
;; unknown value type
(assert_malformed
  (module binary
    "\00asm\01\00\00\00"                         ;; header
    "\01\05\01`\01w\00")                         ;; param of type 0x77
  "malformed value type")
;; global with a bad mutability flag
(assert_malformed
  (module binary
    "\00asm\01\00\00\00"                         ;; header
    "\06\06\01\7f\02A\00\0b")                    ;; mutability 2
  "malformed mutability")
;; memory limits with an unknown flag
(assert_malformed
  (module binary
    "\00asm\01\00\00\00"                         ;; header
    "\05\03\01\04\00")                           ;; flags 4
  "integer too large")
;; table with a non-reference element type
(assert_malformed
  (module binary
    "\00asm\01\00\00\00"                         ;; header
    "\04\04\01\7f\00\01")                        ;; table of i32
  "malformed reference type")
;; import with an unknown kind
(assert_malformed
  (module binary
    "\00asm\01\00\00\00"                         ;; header
    "\02\07\01\01m\01f\04\00")                   ;; kind 4
  "malformed import kind")
;; export with an unknown kind
(assert_malformed
  (module binary
    "\00asm\01\00\00\00"                         ;; header
    "\01\04\01`\00\00"
    "\03\02\01\00"
    "\07\05\01\01f\04\00"                        ;; kind 4
    "\0a\04\01\02\00\0b")
  "malformed export kind")
;; import name is not UTF-8
(assert_malformed
  (module binary
    "\00asm\01\00\00\00"                         ;; header
    "\01\04\01`\00\00"
    "\02\07\01\01m\01\ff\00\00")                 ;; name byte 0xff
  "malformed UTF-8 encoding")
;; --- Functions and code -----------------------------------------------------------------------
;; function section without a code section
(assert_malformed
  (module binary
    "\00asm\01\00\00\00"                         ;; header
    "\01\04\01`\00\00"
    "\03\02\01\00")                              ;; one function, no bodies
  "function and code section have inconsistent lengths")
;; code section without a function section
(assert_malformed
  (module binary
    "\00asm\01\00\00\00"                         ;; header
    "\01\04\01`\00\00"
    "\0a\04\01\02\00\0b")                        ;; one body, no declaration
  "function and code section have inconsistent lengths")
;; body size runs past the section
(assert_malformed
  (module binary
    "\00asm\01\00\00\00"                         ;; header
    "\01\04\01`\00\00"
    "\03\02\01\00"
    "\0a\04\01\05\00\0b")                        ;; body claims 5 bytes, has 2
  "unexpected end")
;; body without its final end
(assert_malformed
  (module binary
    "\00asm\01\00\00\00"                         ;; header
    "\01\04\01`\00\00"
    "\03\02\01\00"
    "\0a\04\01\02\00\01")                        ;; nop, then nothing
  "unexpected end")
;; bytes after the final end of a body
(assert_malformed
  (module binary
    "\00asm\01\00\00\00"                         ;; header
    "\01\04\01`\00\00"
    "\03\02\01\00"
    "\0a\05\01\03\00\0b\01")                     ;; end, then nop
  "section size mismatch")
;; too many locals in total
(assert_malformed
  (module binary
    "\00asm\01\00\00\00"                         ;; header
    "\01\04\01`\00\00"
    "\03\02\01\00"
    "\0a\10\01\0e\02\ff\ff\ff\ff\0f\7f\ff\ff\ff\ff\0f~\0b") ;; two groups of 2^32-1 locals
  "too many locals")
;; unknown opcode 0xff
(assert_malformed
  (module binary
    "\00asm\01\00\00\00"                         ;; header
    "\01\04\01`\00\00"
    "\03\02\01\00"
    "\0a\05\01\03\00\ff\0b")
  "illegal opcode")
;; unknown opcode 0xc5
(assert_malformed
  (module binary
    "\00asm\01\00\00\00"                         ;; header
    "\01\04\01`\00\00"
    "\03\02\01\00"
    "\0a\05\01\03\00\c5\0b")
  "illegal opcode")
;; unknown 0xfc sub-opcode
(assert_malformed
  (module binary
    "\00asm\01\00\00\00"                         ;; header
    "\01\04\01`\00\00"
    "\03\02\01\00"
    "\0a\06\01\04\00\fc \0b")                    ;; 0xfc 32
  "illegal opcode")
;; memory.size reserved byte not zero
(assert_malformed
  (module binary
    "\00asm\01\00\00\00"                         ;; header
    "\01\05\01`\00\01\7f"
    "\03\02\01\00"
    "\05\03\01\00\01"
    "\0a\06\01\04\00?\01\0b")                    ;; memory.size 1
  "zero byte expected")
;; memory.grow reserved byte not zero
(assert_malformed
  (module binary
    "\00asm\01\00\00\00"                         ;; header
    "\01\05\01`\00\01\7f"
    "\03\02\01\00"
    "\05\03\01\00\01"
    "\0a\08\01\06\00A\00@\01\0b")                ;; memory.grow 1
  "zero byte expected")
;; memory.fill reserved byte not zero
(assert_malformed
  (module binary
    "\00asm\01\00\00\00"                         ;; header
    "\01\04\01`\00\00"
    "\03\02\01\00"
    "\05\03\01\00\01"
    "\0a\0d\01\0b\00A\00A\00A\00\fc\0b\01\0b")   ;; memory.fill 1
  "zero byte expected")
;; memory.init without a data count section
(assert_malformed
  (module binary
    "\00asm\01\00\00\00"                         ;; header
    "\01\04\01`\00\00"
    "\03\02\01\00"
    "\05\03\01\00\01"
    "\0a\0e\01\0c\00A\00A\00A\00\fc\08\00\00\0b" ;; memory.init 0
    "\0b\03\01\01\00")                           ;; one passive segment
  "data count section required")
;; data.drop without a data count section
(assert_malformed
  (module binary
    "\00asm\01\00\00\00"                         ;; header
    "\01\04\01`\00\00"
    "\03\02\01\00"
    "\0a\07\01\05\00\fc\09\00\0b"                ;; data.drop 0
    "\0b\03\01\01\00")
  "data count section required")
;; data count disagrees with the data section
(assert_malformed
  (module binary
    "\00asm\01\00\00\00"                         ;; header
    "\05\03\01\00\01"
    "\0c\01\02"                                  ;; data count 2
    "\0b\03\01\01\00")                           ;; one segment
  "data count and data section have inconsistent lengths")
;; data count without a data section (an absent data section has zero segments)
(assert_malformed
  (module binary
    "\00asm\01\00\00\00"                         ;; header
    "\0c\01\01")                                 ;; data count 1
  "data count and data section have inconsistent lengths")
;; br_table length runs past the body
(assert_malformed
  (module binary
    "\00asm\01\00\00\00"                         ;; header
    "\01\04\01`\00\00"
    "\03\02\01\00"
    "\0a\0d\01\0b\00A\00\0e\ff\ff\ff\ff\0f\00\0b") ;; 2^32-1 targets claimed
  "unexpected end")
;; --- Segments ---------------------------------------------------------------------------------
;; element segment with flags 8
(assert_malformed
  (module binary
    "\00asm\01\00\00\00"                         ;; header
    "\09\03\01\08\00")
  "integer too large")
;; data segment with flags 3
(assert_malformed
  (module binary
    "\00asm\01\00\00\00"                         ;; header
    "\05\03\01\00\01"
    "\0b\03\01\03\00")
  "integer too large")
;; element kind other than funcref (0x00)
(assert_malformed
  (module binary
    "\00asm\01\00\00\00"                         ;; header
    "\01\04\01`\00\00"
    "\03\02\01\00"
    "\09\05\01\01\01\01\00"                      ;; passive, elemkind 1
    "\0a\04\01\02\00\0b")
  "malformed element kind")
;; data segment bytes run past the section
(assert_malformed
  (module binary
    "\00asm\01\00\00\00"                         ;; header
    "\05\03\01\00\01"
    "\0b\08\01\00A\00\0b\09ab")                  ;; 9 bytes claimed, 2 present
  "unexpected end")
;; constant expression without its end opcode, at the end of the section
(assert_malformed
  (module binary
    "\00asm\01\00\00\00"                         ;; header
    "\06\05\01\7f\00A\00")                       ;; global init without end
  "unexpected end")
;; --- Text modules ------------------------------------------------------------------------------
;; A runner that only loads binaries refuses these; they count as passed.
(assert_malformed (module quote "(func (i32.const 0x100000000) drop)") "i32 constant")
(assert_malformed (module quote "(memory 1) (func (drop (i32.load align=3 (i32.const 0))))") "alignment")
