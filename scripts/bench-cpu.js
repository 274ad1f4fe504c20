// Preloaded into a measured process by the benchmarks (`node --import ./scripts/bench-cpu.js …`):
// writes the process's own CPU time (user + system, all threads, in microseconds) to the file
// $COPYFAIR_BENCH_CPU_FILE as it exits. /usr/bin/time rounds to 10 ms, which is 0.07 ms per
// package on a tree of 150.
import { writeFileSync } from 'node:fs';

const file = process.env.COPYFAIR_BENCH_CPU_FILE;
if (file) {
  process.on('exit', () => {
    const { user, system } = process.cpuUsage();
    writeFileSync(file, String(user + system));
  });
}
