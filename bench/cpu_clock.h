// The calling thread's CPU time. The benchmark machines are shared, so CPU time is what the
// benchmarks report first: time spent in other jobs' threads does not count.
#pragma once

#include <ctime>

namespace wasmacro::bench {

inline double thread_cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

inline double wall_seconds() {
  timespec t{};
  clock_gettime(CLOCK_MONOTONIC, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

}  // namespace wasmacro::bench
