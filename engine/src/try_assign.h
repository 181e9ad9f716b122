// WASMACRO_TRY for expressions that produce a value: the decoders read dozens of fields in a row and
// each read can fail, so spelling out the error check every time would bury the format being read.
#pragma once

#include "wasmacro/engine/result.h"

#define WASMACRO_CONCAT_INNER(a, b) a##b
#define WASMACRO_CONCAT(a, b) WASMACRO_CONCAT_INNER(a, b)

// Declares `var` holding the value of `expr` (a Result<T>), or returns its error from the enclosing
// function, which must itself return a Result.
#define WASMACRO_TRY_ASSIGN(var, expr) WASMACRO_TRY_ASSIGN_IMPL(WASMACRO_CONCAT(wasmacro_result_, __LINE__), var, expr)
#define WASMACRO_TRY_ASSIGN_IMPL(result, var, expr)   \
  auto result = (expr);                               \
  if (!result.ok()) return std::move(result).error(); \
  auto var = std::move(result).value()
