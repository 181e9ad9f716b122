//! Times each workload natively, in-process: one warm-up call, then REPS timed calls, and prints one
//! JSON object with the thread CPU time and wall time of every call.
//!
//!   native [--reps N] [NAME...]
use std::time::Instant;

use wasmacro_bench_workloads::WORKLOADS;

#[repr(C)]
struct Timespec {
    seconds: i64,
    nanoseconds: i64,
}

extern "C" {
    fn clock_gettime(clock: i32, time: *mut Timespec) -> i32;
}

/// CLOCK_THREAD_CPUTIME_ID on Linux: the time the machine's other jobs take is not counted.
fn thread_cpu_seconds() -> f64 {
    let mut t = Timespec {
        seconds: 0,
        nanoseconds: 0,
    };
    // SAFETY: clock_gettime writes one timespec, which `t` is (x86_64 and aarch64 Linux layout).
    let status = unsafe { clock_gettime(3, &mut t) };
    assert_eq!(status, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
    t.seconds as f64 + t.nanoseconds as f64 * 1e-9
}

fn list(values: &[f64]) -> String {
    values.iter().map(|v| format!("{v:.9}")).collect::<Vec<_>>().join(", ")
}

fn main() {
    let mut reps = 5usize;
    let mut names: Vec<String> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--reps" {
            reps = args.next().and_then(|v| v.parse().ok()).expect("--reps needs a number");
        } else {
            names.push(arg);
        }
    }
    let mut entries = Vec::new();
    for (name, workload) in WORKLOADS {
        if !names.is_empty() && !names.iter().any(|n| n == name) {
            continue;
        }
        let result = std::hint::black_box(workload());
        let (mut cpu, mut wall) = (Vec::new(), Vec::new());
        for _ in 0..reps {
            let (cpu_start, wall_start) = (thread_cpu_seconds(), Instant::now());
            let again = std::hint::black_box(workload());
            cpu.push(thread_cpu_seconds() - cpu_start);
            wall.push(wall_start.elapsed().as_secs_f64());
            assert_eq!(again, result, "{name} is not deterministic");
        }
        entries.push(format!(
            "    {{\"name\": \"{name}\", \"result\": {result}, \"cpu_seconds\": [{}], \"wall_seconds\": [{}]}}",
            list(&cpu),
            list(&wall)
        ));
    }
    println!("{{\n  \"workloads\": [\n{}\n  ]\n}}", entries.join(",\n"));
}
