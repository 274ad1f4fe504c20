#!/usr/bin/env node
// `npm run bench`: first the real tree (scripts/bench-real.js: copyfair, license-checker 25,
// licensee 12 and a plain walk, interleaved, on fixtures/real-tree), then the growth curve: a full
// `copyfair scan` on synthetic npm trees of 1k, 10k and 50k packages with realistic licence files,
// against a plain walk that only reads every package.json and licence file (and, with --others,
// the peer tools installed in .bench); last, the other ecosystems against npm per package
// (scripts/bench-ecosystems.js: an installed Python environment, a vendored Rust workspace). Each
// measurement is a fresh process; medians are reported.
//
//   npm run bench                       # the real tree (7 rounds), then 1k and 10k, then Python and Rust
//   npm run bench -- --no-real --sizes 1000,10000,50000 --runs 3 --others --no-ecosystems
//   npm run bench -- --no-synthetic --runs 11      # the real tree only
//   npm run bench -- --no-real --sizes '' --python 500 --cargo 1000   # the other ecosystems only
//   npm run bench -- --sizes 1000 --generate-only   # leave a tree in the temp folder, print its path
//   npm run bench -- --no-real --formats json       # the growth curve for the JSON report alone (default json,text,sarif)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyfairBin as bin, ensurePeers, machine, measure, median, peerCommands, walkScript } from './bench-lib.js';

const require = createRequire(import.meta.url);
const texts = require('spdx-license-list/full');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index === -1 ? fallback : args[index + 1];
};
const sizes = option('sizes', '1000,10000').split(',').filter(Boolean).map(Number);
const runs = Number(option('runs', '0'));
const others = args.includes('--others');
/** The report formats timed on each synthetic tree (each a first scan of its own). */
const formats = option('formats', 'json,text,sarif').split(',').filter(Boolean);

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

function series(label, count, tool) {
  const samples = [];
  for (let i = 0; i < count; i++) {
    const sample = measure(tool);
    if (sample.status !== 0 && sample.status !== 1) return { label, error: sample.stderr.split('\n').slice(-4).join(' ').trim() };
    samples.push(sample);
  }
  return { label, ms: median(samples.map((s) => s.ms)), cpu: median(samples.map((s) => s.cpu)), rss: median(samples.map((s) => s.rss)) };
}

if (args.includes('--generate-only')) {
  for (const size of sizes) process.stdout.write(`${generate(size)}\n`);
  process.exit(0);
}

if (!args.includes('--no-real')) {
  const forwarded = args.includes('--runs') && args.includes('--no-synthetic') ? ['--runs', option('runs')] : [];
  const real = spawnSync(process.execPath, [new URL('./bench-real.js', import.meta.url).pathname, ...forwarded], { stdio: 'inherit' });
  if (real.status !== 0) process.exit(real.status ?? 1);
  if (args.includes('--no-synthetic')) process.exit(0);
  process.stdout.write('\n');
}

if (others) ensurePeers();
const started = machine();
const rows = [];
for (const size of sizes) {
  const count = runs || (size >= 50000 ? 1 : size >= 10000 ? 3 : 5);
  process.stderr.write(`generating ${size} packages…\n`);
  const root = generate(size);
  try {
    const walk = series('plain walk', count, { args: [walkScript, root] });
    // JSON first (the figure the docs compare), then each other format asked for: a reporter that
    // searched the components once per item took a 13,444-component SARIF report 51 s (thirtieth
    // session), which a JSON-only curve never showed.
    const measured = [walk];
    for (const format of formats) {
      const label = format === 'json' ? 'copyfair scan' : `copyfair scan, --format ${format}`;
      measured.push(series(label, count, { args: [bin, 'scan', root, '--format', format, '--output', '/dev/null', '--date', '2026-01-01'] }));
    }
    if (others) {
      const peers = peerCommands(root, '/dev/null');
      for (const [label, tool] of Object.entries(peers)) measured.push(series(label, count, tool));
    }
    for (const m of measured) rows.push({ size, runs: count, ...m, ratio: m.ms ? m.ms / walk.ms : undefined });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const lines = [`Synthetic trees. Started ${started}.`, '', '| packages | tool | runs | median wall time | × plain walk | median CPU time | peak memory |', '|---:|---|---:|---:|---:|---:|---:|'];
for (const row of rows) {
  lines.push(row.error
    ? `| ${row.size} | ${row.label} | ${row.runs} | not run: ${row.error.slice(0, 80)} | | | |`
    : `| ${row.size} | ${row.label} | ${row.runs} | ${row.ms.toFixed(0)} ms | ${row.ratio.toFixed(2)} | ${row.cpu.toFixed(0)} ms | ${row.rss.toFixed(0)} MiB |`);
}
if (rows.length > 0) process.stdout.write(`${lines.join('\n')}\n`);

if (!args.includes('--no-ecosystems')) {
  // Python and Rust, per package against npm trees of the same sizes (issue 12).
  const forwarded = ['runs', 'python', 'cargo'].flatMap((name) => (args.includes(`--${name}`) ? [`--${name}`, option(name)] : []));
  if (rows.length > 0) process.stdout.write('\n');
  const ecosystems = spawnSync(process.execPath, [new URL('./bench-ecosystems.js', import.meta.url).pathname, ...forwarded], { stdio: 'inherit' });
  if (ecosystems.status !== 0) process.exit(ecosystems.status ?? 1);
}
