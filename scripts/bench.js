#!/usr/bin/env node
// `npm run bench`: times a full `copyfair scan` on synthetic npm trees of 1k, 10k and 50k
// packages with realistic licence files, against a plain walk that only reads every package.json
// and licence file, and against license-checker 25 and licensee 12 when npx can fetch them.
// Each measurement is a fresh process (wall time and peak memory); medians are reported.
//
//   npm run bench                       # 1k and 10k, 5 and 3 runs
//   npm run bench -- --sizes 1000,10000,50000 --runs 3 --others
//   npm run bench -- --sizes 1000 --generate-only   # leave a tree in the temp folder, print its path
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const texts = require('spdx-license-list/full');
const bin = new URL('../bin/copyfair.js', import.meta.url).pathname;

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index === -1 ? fallback : args[index + 1];
};
const sizes = option('sizes', '1000,10000').split(',').map(Number);
const runs = Number(option('runs', '0'));
const others = args.includes('--others');

/** Licence mix of a typical npm tree (most permissive, a few copyleft and copyfair ones). */
const MIX = [
  ['MIT', 70], ['ISC', 10], ['Apache-2.0', 8], ['BSD-3-Clause', 4], ['BSD-2-Clause', 3],
  ['GPL-3.0-only', 1], ['LGPL-3.0-only', 1], ['MPL-2.0', 1], ['PPL', 1], ['CC0-1.0', 1],
];
const pick = (i) => {
  let at = (i * 7919) % 100;
  for (const [id, share] of MIX) {
    if (at < share) return id;
    at -= share;
  }
  return 'MIT';
};

/** A flat tree (as npm hoists) plus 5% nested duplicates, each package with a LICENSE. */
function generate(size) {
  const root = mkdtempSync(join(tmpdir(), `copyfair-bench-${size}-`));
  const top = Math.max(10, Math.round(Math.sqrt(size)));
  const dependencies = {};
  for (let i = 0; i < top; i++) dependencies[`pkg-${i}`] = '^1.0.0';
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'bench-app', version: '1.0.0', dependencies }, null, 2));
  for (let i = 0; i < size; i++) {
    const nested = i % 20 === 19 && i > top;
    const parent = nested ? `node_modules/pkg-${i - 1}/` : '';
    const dir = join(root, parent, 'node_modules', nested ? `pkg-${i - 2}` : `pkg-${i}`);
    mkdirSync(dir, { recursive: true });
    const deps = {};
    for (const step of [1, 7, 31]) if (i * 3 + step < size) deps[`pkg-${(i * 3 + step) % size}`] = '^1.0.0';
    const licence = pick(i);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: nested ? `pkg-${i - 2}` : `pkg-${i}`, version: nested ? '2.0.0' : '1.0.0', license: licence, description: 'x'.repeat(200), dependencies: deps }, null, 2));
    const text = texts[licence].licenseText.replace(/<year>/g, String(2000 + (i % 25))).replace(/<copyright holders>/g, `Author ${i}`);
    writeFileSync(join(dir, i % 3 === 0 ? 'LICENSE.md' : 'LICENSE'), text);
  }
  return root;
}

/** The plain walk: read every package.json and licence file, nothing else. */
const WALK = `
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
let files = 0;
function walk(nm) {
  let entries; try { entries = readdirSync(nm, { withFileTypes: true }); } catch { return; }
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const dir = join(nm, entry.name);
    for (const name of readdirSync(dir)) if (name === 'package.json' || /^licen[cs]e/i.test(name)) { readFileSync(join(dir, name), 'utf8'); files++; }
    walk(join(dir, 'node_modules'));
  }
}
walk(join(process.argv[1], 'node_modules'));
`;

/** Runs a command in a fresh process: wall milliseconds and peak resident memory (MiB). */
function measure(command, commandArgs, cwd) {
  const started = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', command, ...commandArgs], { encoding: 'utf8', maxBuffer: 1 << 30, cwd });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const rss = Number(result.stderr.trim().split('\n').pop()) / 1024;
  return { ms, rss, status: result.status, stderr: result.stderr };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function series(label, count, command, commandArgs, cwd) {
  const samples = [];
  for (let i = 0; i < count; i++) {
    const sample = measure(command, commandArgs, cwd);
    if (sample.status !== 0 && sample.status !== 1) return { label, error: sample.stderr.split('\n').slice(-4).join(' ').trim() };
    samples.push(sample);
  }
  return { label, ms: median(samples.map((s) => s.ms)), rss: median(samples.map((s) => s.rss)) };
}

if (args.includes('--generate-only')) {
  for (const size of sizes) process.stdout.write(`${generate(size)}\n`);
  process.exit(0);
}

const rows = [];
for (const size of sizes) {
  const count = runs || (size >= 50000 ? 1 : size >= 10000 ? 3 : 5);
  process.stderr.write(`generating ${size} packages…\n`);
  const root = generate(size);
  try {
    const walk = series('plain walk', count, process.execPath, ['-e', WALK, root]);
    const copyfair = series('copyfair scan', count, process.execPath, [bin, 'scan', root, '--format', 'json', '--output', '/dev/null', '--date', '2026-01-01']);
    const measured = [walk, copyfair];
    if (others) {
      measured.push(series('license-checker 25', count, 'npx', ['--yes', 'license-checker@25', '--start', root, '--json', '--out', '/dev/null']));
      measured.push(series('licensee 12', count, 'npx', ['--yes', 'licensee@12', '--osi', '--quiet'], root));
      // npx resolves and starts the tool each time; its own start-up is part of what a user waits for.
    }
    for (const m of measured) rows.push({ size, runs: count, ...m, ratio: m.ms ? m.ms / walk.ms : undefined });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const lines = ['| packages | tool | runs | median wall time | × plain walk | peak memory |', '|---:|---|---:|---:|---:|---:|'];
for (const row of rows) {
  lines.push(row.error
    ? `| ${row.size} | ${row.label} | ${row.runs} | not run: ${row.error.slice(0, 80)} | | |`
    : `| ${row.size} | ${row.label} | ${row.runs} | ${row.ms.toFixed(0)} ms | ${row.ratio.toFixed(2)} | ${row.rss.toFixed(0)} MiB |`);
}
process.stdout.write(`${lines.join('\n')}\n`);
