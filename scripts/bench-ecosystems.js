#!/usr/bin/env node
// `npm run bench:ecosystems`: times `copyfair scan` on a synthetic installed Python environment
// and a synthetic vendored Rust workspace, each with a real licence text per package, against an
// npm tree of the same size, and reports CPU time per package (steadier than wall time on a
// shared machine). Each run is a fresh process; medians.
//
//   npm run bench:ecosystems                          # 150 Python packages, 300 crates, 3 runs
//   npm run bench:ecosystems -- --python 300 --cargo 600 --runs 5
//   npm run bench:ecosystems -- --generate-only      # leave the trees in the temp folder, print their paths
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
  return index === -1 ? fallback : Number(args[index + 1]);
};
const pythonSize = option('python', 150);
const cargoSize = option('cargo', 300);
const runs = option('runs', 3);
const generateOnly = args.includes('--generate-only');

const LICENCES = ['MIT', 'Apache-2.0', 'BSD-3-Clause', 'ISC', 'MPL-2.0'];
const licence = (i) => LICENCES[i % LICENCES.length];
const text = (id, i) => texts[id].licenseText.replace('<year>', String(2000 + (i % 25))).replace('<copyright holders>', `Author ${i}`).replace('<owner>', `Author ${i}`);
const write = (path, body) => {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, body);
};

/** A project with .venv holding `size` distributions in a chain of Requires-Dist. */
function python(size) {
  const root = mkdtempSync(join(tmpdir(), 'copyfair-bench-python-'));
  const site = join(root, '.venv/lib/python3.11/site-packages');
  write(join(root, '.venv/pyvenv.cfg'), 'implementation = CPython\nversion_info = 3.11.7.final.0\n');
  const top = Math.ceil(Math.sqrt(size));
  write(join(root, 'pyproject.toml'), `[project]\nname = "bench"\nversion = "1.0.0"\ndependencies = [${Array.from({ length: top }, (_, i) => `"pkg-${i}"`).join(', ')}]\n`);
  for (let i = 0; i < size; i++) {
    const dist = join(site, `pkg_${i}-1.0.${i}.dist-info`);
    const requires = [];
    for (let k = 1; k <= 3; k++) if (i * 3 + k + top - 1 < size && i * 3 + k + top - 1 >= top) requires.push(`Requires-Dist: pkg-${i * 3 + k + top - 1}>=1.0`);
    if (i % 10 === 0) requires.push('Requires-Dist: colorama; platform_system == "Windows"');
    // The same licence texts as the npm tree (so as many distinct texts to identify); the MIT
    // packages declare it by classifier, the others by License-Expression.
    const id = licence(i);
    const declared = id === 'MIT' ? 'Classifier: License :: OSI Approved :: MIT License' : `License-Expression: ${id}`;
    write(join(dist, 'METADATA'), `Metadata-Version: 2.4\nName: pkg-${i}\nVersion: 1.0.${i}\nSummary: package ${i}\n${declared}\nLicense-File: LICENSE\n${requires.join('\n')}\n\nA long description.\n`);
    write(join(dist, 'licenses/LICENSE'), text(id, i));
    write(join(dist, 'RECORD'), '');
  }
  return root;
}

/** A workspace of one member with `size` vendored crates, locked (Cargo.lock v4). */
function cargo(size) {
  const root = mkdtempSync(join(tmpdir(), 'copyfair-bench-cargo-'));
  const top = Math.ceil(Math.sqrt(size));
  const lock = ['version = 4', '', '[[package]]', 'name = "bench"', 'version = "1.0.0"', `dependencies = [${Array.from({ length: top }, (_, i) => `"crate-${i}"`).join(', ')}]`];
  write(join(root, 'Cargo.toml'), `[package]\nname = "bench"\nversion = "1.0.0"\n\n[dependencies]\n${Array.from({ length: top }, (_, i) => `crate-${i} = "1"`).join('\n')}\n`);
  write(join(root, '.cargo/config.toml'), '[source.crates-io]\nreplace-with = "vendored-sources"\n\n[source.vendored-sources]\ndirectory = "vendor"\n');
  for (let i = 0; i < size; i++) {
    const deps = [];
    for (let k = 1; k <= 3; k++) if (i * 3 + k + top - 1 < size && i * 3 + k + top - 1 >= top) deps.push(`"crate-${i * 3 + k + top - 1}"`);
    lock.push('', '[[package]]', `name = "crate-${i}"`, `version = "1.0.${i}"`, 'source = "registry+https://github.com/rust-lang/crates.io-index"', `checksum = "${'0'.repeat(64)}"`, ...(deps.length ? [`dependencies = [${deps.join(', ')}]`] : []));
    const dir = join(root, 'vendor', `crate-${i}`);
    // The same licence texts as the npm tree; where npm has MIT, the crate is dual-licensed the
    // Rust way (LICENSE-MIT as npm's LICENSE, plus the one Apache text every such crate ships).
    const dual = licence(i) === 'MIT';
    write(join(dir, 'Cargo.toml'), `[package]\nedition = "2021"\nname = "crate-${i}"\nversion = "1.0.${i}"\ndescription = "crate ${i}"\nlicense = "${dual ? (i % 2 === 0 ? 'MIT/Apache-2.0' : 'MIT OR Apache-2.0') : licence(i)}"\n`);
    if (dual) {
      write(join(dir, 'LICENSE-MIT'), text('MIT', i));
      write(join(dir, 'LICENSE-APACHE'), texts['Apache-2.0'].licenseText);
    } else write(join(dir, 'LICENSE'), text(licence(i), i));
    write(join(dir, '.cargo-checksum.json'), '{"files":{},"package":null}');
  }
  write(join(root, 'Cargo.lock'), `${lock.join('\n')}\n`);
  return root;
}

/** An npm tree of `size` packages, hoisted, one LICENSE each: the yardstick. */
function npm(size) {
  const root = mkdtempSync(join(tmpdir(), 'copyfair-bench-npm-'));
  const top = Math.ceil(Math.sqrt(size));
  write(join(root, 'package.json'), JSON.stringify({ name: 'bench', version: '1.0.0', dependencies: Object.fromEntries(Array.from({ length: top }, (_, i) => [`pkg-${i}`, '^1.0.0'])) }));
  for (let i = 0; i < size; i++) {
    const dependencies = {};
    for (let k = 1; k <= 3; k++) if (i * 3 + k + top - 1 < size && i * 3 + k + top - 1 >= top) dependencies[`pkg-${i * 3 + k + top - 1}`] = '^1.0.0';
    write(join(root, 'node_modules', `pkg-${i}`, 'package.json'), JSON.stringify({ name: `pkg-${i}`, version: `1.0.${i}`, license: licence(i), dependencies }));
    write(join(root, 'node_modules', `pkg-${i}`, 'LICENSE'), text(licence(i), i));
  }
  return root;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Median wall and CPU (user + system) time of a scan, each run a fresh process. */
function time(root) {
  const wall = [];
  const cpu = [];
  let components = 0;
  for (let run = 0; run < runs; run++) {
    const started = process.hrtime.bigint();
    // CPU time is steadier than wall time on a shared machine: /usr/bin/time reports it.
    const result = spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, bin, 'scan', root, '--format', 'json', '--date', '2026-01-01'], { encoding: 'utf8', maxBuffer: 1 << 30, env: { PATH: process.env.PATH, CARGO_HOME: join(root, 'no-cargo-home'), GOMODCACHE: join(root, 'no-go-cache') } });
    wall.push(Number(process.hrtime.bigint() - started) / 1e6);
    const [user, system] = result.stderr.trim().split('\n').pop().split(' ').map(Number);
    cpu.push((user + system) * 1000);
    components = JSON.parse(result.stdout).summary.total;
  }
  return { ms: median(wall), cpu: median(cpu), components };
}

if (generateOnly) {
  console.log([python(pythonSize), cargo(cargoSize), npm(cargoSize)].join('\n'));
  process.exit(0);
}

const empty = mkdtempSync(join(tmpdir(), 'copyfair-bench-empty-'));
writeFileSync(join(empty, 'package.json'), '{"name":"empty","version":"1.0.0"}');
const startup = time(empty);
const rows = [];
for (const [label, make, size] of [['npm', npm, pythonSize], ['python', python, pythonSize], ['npm', npm, cargoSize], ['cargo', cargo, cargoSize]]) {
  const root = make(size);
  const { ms, cpu, components } = time(root);
  rows.push(`| ${label} | ${components} | ${ms.toFixed(0)} ms | ${cpu.toFixed(0)} ms | ${((cpu - startup.cpu) / components).toFixed(2)} ms |`);
  rmSync(root, { recursive: true, force: true });
}
rmSync(empty, { recursive: true, force: true });
console.log(`startup (an empty project): ${startup.ms.toFixed(0)} ms wall, ${startup.cpu.toFixed(0)} ms CPU; medians of ${runs} runs\n`);
console.log(['| ecosystem | packages | wall time | CPU time | CPU per package, startup excluded |', '|---|---:|---:|---:|---:|', ...rows].join('\n'));
