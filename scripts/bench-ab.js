#!/usr/bin/env node
// Two or more commands timed side by side, interleaved (A B A B …), so a machine that gets busier
// slows all of them alike: median wall and CPU time (user + system, of the command and its
// children, from /usr/bin/time) and peak memory per command, and each command's median difference
// from the first, taken run by run. What docs/benchmarks.md's "pair by pair" figures come from
// when the two builds are checkouts side by side.
//
//   node scripts/bench-ab.js 15 -- before 'node ../base/bin/copyfair.js scan DIR --format json > /dev/null' \
//                                after  'node bin/copyfair.js scan DIR --format json > /dev/null'
//
// A first scan needs an empty cache folder each run: put `rm -rf F; XDG_CACHE_HOME=F` in the command.
import { spawnSync } from 'node:child_process';
import { median } from './bench-lib.js';

const args = process.argv.slice(2);
const runs = Number(args[0]);
const rest = args.slice(args[1] === '--' ? 2 : 1);
if (!Number.isInteger(runs) || runs < 1 || rest.length < 4 || rest.length % 2 !== 0) {
  process.stderr.write("usage: node scripts/bench-ab.js RUNS -- LABEL 'COMMAND' LABEL 'COMMAND' [...]\n");
  process.exit(2);
}
const commands = [];
for (let i = 0; i < rest.length; i += 2) commands.push({ label: rest[i], command: rest[i + 1], wall: [], cpu: [], memory: [] });
for (let round = 0; round < runs; round++) {
  for (const command of commands) {
    const start = performance.now();
    const result = spawnSync('/usr/bin/time', ['-f', '%U %S %M', 'bash', '-c', command.command], { encoding: 'utf8' });
    const wall = performance.now() - start;
    const [user, system, kilobytes] = result.stderr.trim().split('\n').pop().split(' ').map(Number);
    if (![user, system, kilobytes].every(Number.isFinite)) throw new Error(`${command.label}: no timing from /usr/bin/time:\n${result.stderr}`);
    command.wall.push(wall);
    command.cpu.push((user + system) * 1000);
    command.memory.push(kilobytes / 1024);
  }
}
const [first] = commands;
process.stdout.write(`| command | median wall | median CPU | median peak memory | wall − ${first.label}, pair by pair | CPU − ${first.label}, pair by pair |\n|---|---:|---:|---:|---:|---:|\n`);
for (const command of commands) {
  const delta = (key) => (command === first ? '' : `${median(command[key].map((value, i) => value - first[key][i])).toFixed(1)} ms`);
  process.stdout.write(`| ${command.label} | ${median(command.wall).toFixed(0)} ms | ${median(command.cpu).toFixed(0)} ms | ${median(command.memory).toFixed(0)} MiB | ${delta('wall')} | ${delta('cpu')} |\n`);
}
