# Runs one .wast file: wast2json into OUT_DIR, then `wasmacro spectest` on the result. Passes when
# the runner exits 0 and its last line reports no failure.
#   cmake -DWAST2JSON=... -DWASMACRO=... -DWAST=file.wast -DOUT_DIR=dir -P run_wast.cmake
foreach(var WAST2JSON WASMACRO WAST OUT_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run_wast.cmake: -D${var}=... is required")
  endif()
endforeach()

get_filename_component(name ${WAST} NAME_WE)
file(REMOVE_RECURSE ${OUT_DIR})
file(MAKE_DIRECTORY ${OUT_DIR})

execute_process(
  COMMAND ${WAST2JSON} ${WAST} -o ${OUT_DIR}/${name}.json
  RESULT_VARIABLE convert_status
  OUTPUT_VARIABLE convert_output
  ERROR_VARIABLE convert_output)
if(NOT convert_status EQUAL 0)
  message(FATAL_ERROR "wast2json failed on ${WAST}:\n${convert_output}")
endif()

execute_process(
  COMMAND ${WASMACRO} spectest ${OUT_DIR}/${name}.json
  WORKING_DIRECTORY ${OUT_DIR}
  RESULT_VARIABLE run_status
  OUTPUT_VARIABLE run_output
  ERROR_VARIABLE run_output)
message("${run_output}")

string(STRIP "${run_output}" stripped)
string(REGEX MATCH "[^\n]*$" last_line "${stripped}")
if(NOT run_status EQUAL 0)
  message(FATAL_ERROR "wasmacro spectest ${name}.json exited with ${run_status}; last line: ${last_line}")
endif()
if(NOT last_line MATCHES "^[0-9]+ passed, 0 failed$")
  message(FATAL_ERROR "wasmacro spectest ${name}.json: last line is not 'N passed, 0 failed': ${last_line}")
endif()
