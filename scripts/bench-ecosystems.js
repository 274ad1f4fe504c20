#!/usr/bin/env node
// `npm run bench:ecosystems` (also the last part of `npm run bench`): times `copyfair scan` on a
// synthetic installed Python environment and a synthetic vendored Rust workspace, each with a real
// licence text per package, against an npm tree of the same size, and reports CPU time per package
// (steadier than wall time on a shared machine). Each run is a fresh process, the trees are scanned
// in turn within each round (so a machine that gets busier slows all of them alike), medians.
// Startup is a scan of five npm packages, one per licence of the mix, each with its licence file:
// Node, the modules, the knowledge base, the licence-text index and the first identification and
// evaluation of each licence, the fixed cost of any such scan; per package is what each further
// package adds: (CPU - startup) / (packages - 5).
//
//   npm run bench:ecosystems                          # 150 Python packages, 300 crates, 5 runs
//   npm run bench:ecosystems -- --python 500 --cargo 1000 --runs 5
//   npm run bench:ecosystems -- --generate-only      # leave the trees in the temp folder, print their paths
//   npm run bench:ecosystems -- --also before=/path/to/other/checkout/bin/copyfair.js   # two builds, same rounds
//   npm run bench:ecosystems -- --cache             # also repeat scans (identification cache on, kept from a first scan)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { machine, median, quantile } from './bench-lib.js';

const require = createRequire(import.meta.url);
const texts = require('spdx-license-list/full');
const bin = new URL('../bin/copyfair.js', import.meta.url).pathname;
const cpuReporter = new URL('./bench-cpu.js', import.meta.url).href;
const cpuFile = join(tmpdir(), `copyfair-bench-cpu-${process.pid}`);
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(args[index + 1]);
};
const pythonSize = option('python', 150);
const cargoSize = option('cargo', 300);
const runs = option('runs', 5);
const generateOnly = args.includes('--generate-only');
// Users scan the same project again and again: with --cache each tree is also scanned with the
// identification cache on, in a folder of its own per build, filled by one untimed scan first.
const repeat = args.includes('--cache');

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

/** One run of a scan in a fresh process: wall and CPU (user + system) time, and the packages it reported; `cacheDir` for a repeat scan. */
function scanOnce(copyfair, root, cacheDir) {
  const started = process.hrtime.bigint();
  // CPU time is steadier than wall time on a shared machine: the process reports its own as it
  // exits (scripts/bench-cpu.js, to the microsecond). The environment is minimal, so the
  // developer's caches and virtualenv stay out of the answers; a first scan (COPYFAIR_NO_CACHE: no
  // identification kept from an earlier run) reads every tree whole, a repeat scan uses only the
  // bench's own cache folder.
  const cache = cacheDir ? { COPYFAIR_CACHE_DIR: cacheDir } : { COPYFAIR_NO_CACHE: '1' };
  const result = spawnSync(process.execPath, ['--import', cpuReporter, copyfair, 'scan', root, '--format', 'json', '--date', '2026-01-01'], { encoding: 'utf8', maxBuffer: 1 << 30, env: { PATH: process.env.PATH, CARGO_HOME: join(root, 'no-cargo-home'), GOMODCACHE: join(root, 'no-go-cache'), ...cache, COPYFAIR_BENCH_CPU_FILE: cpuFile } });
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${copyfair} scan ${root} exited with ${result.status}: ${result.stderr.trim().split('\n').slice(-3).join(' ')}`);
  const cpu = Number(readFileSync(cpuFile, 'utf8')) / 1000;
  rmSync(cpuFile);
  return { wall, cpu, components: JSON.parse(result.stdout).summary.total };
}

if (generateOnly) {
  console.log([python(pythonSize), cargo(cargoSize), npm(cargoSize)].join('\n'));
  process.exit(0);
}

// Other builds to compare on the same trees in the same rounds: --also 'before=/path/to/bin/copyfair.js'.
const builds = [{ label: 'copyfair', bin }];
args.forEach((arg, index) => {
  if (arg !== '--also') return;
  const [label, path] = args[index + 1].split('=');
  builds.push({ label, bin: path });
});
// Each measured tree also at a quarter of its size (`small`): what a further package costs is the
// slope between the two, free of what an ecosystem costs once per scan (its reader's modules
// loading and compiling), which "beyond startup" (a scan of five npm packages) counts per package.
const quarter = (size) => Math.max(LICENCES.length + 1, Math.round(size / 4));
const trees = [
  { label: 'startup', root: npm(LICENCES.length) },
  // Each other ecosystem's own startup (five packages, one per licence): its reader's modules and
  // files read once per scan, which are no cost a package.
  { label: 'python startup', root: python(LICENCES.length), startupOf: 'python (installed .venv)' },
  { label: 'cargo startup', root: cargo(LICENCES.length), startupOf: 'cargo (vendored workspace)' },
  { label: 'npm', root: npm(pythonSize), small: { root: npm(quarter(pythonSize)) } },
  { label: 'python (installed .venv)', root: python(pythonSize), small: { root: python(quarter(pythonSize)) } },
  { label: 'npm', root: npm(cargoSize), small: { root: npm(quarter(cargoSize)) } },
  { label: 'cargo (vendored workspace)', root: cargo(cargoSize), small: { root: cargo(quarter(cargoSize)) } },
  // The control: a second npm tree of the Python tree's size, against the first as the others
  // are. How far its ratio strays from 1.00 is how far a run's noise goes.
  { label: 'npm, a second tree (the control)', root: npm(pythonSize), control: true, small: { root: npm(quarter(pythonSize)) } },
].flatMap((tree) => (tree.small ? [{ label: `${tree.label} (a quarter)`, root: tree.small.root, quarterOf: tree.label }, tree] : [tree]));
const started = machine();
const caches = new Map(builds.map((build) => [build, repeat ? mkdtempSync(join(tmpdir(), 'copyfair-bench-cache-')) : undefined]));
const kinds = repeat ? ['first', 'repeat'] : ['first'];
const samples = new Map(builds.map((build) => [build, Object.fromEntries(kinds.map((kind) => [kind, trees.map(() => [])]))]));
try {
  if (repeat) for (const tree of trees) for (const build of builds) scanOnce(build.bin, tree.root, caches.get(build));
  for (let run = 0; run < runs; run++) {
    for (const [index, tree] of trees.entries()) {
      for (const build of builds) for (const kind of kinds) samples.get(build)[kind][index].push(scanOnce(build.bin, tree.root, kind === 'repeat' ? caches.get(build) : undefined));
    }
  }
} finally {
  for (const tree of trees) rmSync(tree.root, { recursive: true, force: true });
  for (const cache of caches.values()) if (cache) rmSync(cache, { recursive: true, force: true });
}
console.log(`Other ecosystems against npm, per package. Started ${started}; medians of ${runs} runs. Startup is a scan of ${LICENCES.length} npm packages, one per licence.${repeat ? ' Repeat: the same scan with the identification cache on, kept from a first scan.' : ''}\n`);
const rows = [];
for (const build of builds) {
  const summary = (kind) => samples.get(build)[kind].map((runsOf, index) => ({ label: trees[index].label, wall: median(runsOf.map((r) => r.wall)), cpu: median(runsOf.map((r) => r.cpu)), components: runsOf[0].components }));
  const own = (list) => list.filter((_, index) => !trees[index].startupOf);
  const [startup, ...measured] = own(summary('first'));
  const [startupAgain, ...again] = repeat ? own(summary('repeat')) : [];
  const measuredTrees = own(trees).slice(1);
  const name = builds.length > 1 ? `${build.label}: ` : '';
  const perPackage = (m, base) => ((m.cpu - base.cpu) / (m.components - base.components)).toFixed(2);
  rows.push(`| ${name}startup | ${startup.components} | ${startup.wall.toFixed(0)} ms | ${startup.cpu.toFixed(0)} ms | | |${repeat ? ` ${startupAgain.cpu.toFixed(0)} ms | | |` : ''}`);
  // The other ecosystems' own startups, for the pair-by-pair table below.
  for (const [index, tree] of trees.entries()) {
    if (!tree.startupOf) continue;
    const first = samples.get(build).first[index];
    const again = repeat ? ` ${median(samples.get(build).repeat[index].map((r) => r.cpu)).toFixed(0)} ms | | |` : '';
    rows.push(`| ${name}${tree.label} | ${first[0].components} | ${median(first.map((r) => r.wall)).toFixed(0)} ms | ${median(first.map((r) => r.cpu)).toFixed(0)} ms | | |${again}`);
  }
  // The rows are the full-size trees, each right after its quarter.
  measured.forEach((m, index) => {
    if (measuredTrees[index].quarterOf) return;
    const slope = (of, small) => `${perPackage(of, small)} ms`;
    rows.push(`| ${name}${m.label} | ${m.components} | ${m.wall.toFixed(0)} ms | ${m.cpu.toFixed(0)} ms | ${perPackage(m, startup)} ms | ${slope(m, measured[index - 1])} |${repeat ? ` ${again[index].cpu.toFixed(0)} ms | ${perPackage(again[index], startupAgain)} ms | ${slope(again[index], again[index - 1])} |` : ''}`);
  });
}
const head = repeat
  ? ['| ecosystem | packages | wall time | CPU time | CPU per package beyond startup | CPU per further package (slope from a quarter of the size) | repeat: CPU time | repeat: CPU per package beyond startup | repeat: CPU per further package |', '|---|---:|---:|---:|---:|---:|---:|---:|---:|']
  : ['| ecosystem | packages | wall time | CPU time | CPU per package beyond startup | CPU per further package (slope from a quarter of the size) |', '|---|---:|---:|---:|---:|---:|'];
console.log([...head, ...rows].join('\n'));

// The issue's question, asked run by run: each ecosystem's tree against the npm tree of its size
// scanned in the same round (so a machine that gets busier slows both alike), the per-package
// CPU beyond that round's startup as a ratio, and the difference a package; the medians of those.
const paired = [];
for (const build of builds) {
  const name = builds.length > 1 ? `${build.label}: ` : '';
  for (const [index, tree] of trees.entries()) {
    if (tree.quarterOf || tree.startupOf || tree.label === 'startup' || tree.label === 'npm') continue;
    const npmBefore = trees.findLastIndex((t, i) => i < index && t.label === 'npm');
    const startIndex = tree.control ? 0 : trees.findIndex((t) => t.startupOf === tree.label);
    const npmIndex = tree.control ? trees.findIndex((t) => t.label === 'npm') : npmBefore;
    const cells = kinds.map((kind) => {
      const runsOf = samples.get(build)[kind];
      const n = runsOf[index][0].components;
      const ratios = [];
      const differences = [];
      const slopes = [];
      for (let run = 0; run < runs; run++) {
        const beyond = runsOf[index][run].cpu - runsOf[startIndex][run].cpu;
        const npmBeyond = runsOf[npmIndex][run].cpu - runsOf[0][run].cpu;
        ratios.push(beyond / npmBeyond);
        differences.push((beyond - npmBeyond) / (n - LICENCES.length));
        // The same question without any startup: the packages from a quarter of the tree to all of
        // it, in each ecosystem (its quarter is scanned just before it, npm's before npm's tree).
        slopes.push((runsOf[index][run].cpu - runsOf[index - 1][run].cpu) / (runsOf[npmIndex][run].cpu - runsOf[npmIndex - 1][run].cpu));
      }
      // The median alone hides how far the rounds spread: each ratio is of four scans' differences,
      // so one slow scan moves it by several hundredths. The quartiles, and in how many rounds the
      // ecosystem cost more a package than npm, show whether a median just over 1.00 says more than
      // the control's does.
      const spread = (values) => `${median(values).toFixed(2)} (${quantile(values, 0.25).toFixed(2)}–${quantile(values, 0.75).toFixed(2)}), over 1 in ${values.filter((value) => value > 1).length} of ${runs}`;
      return `${spread(ratios)} | ${median(differences) >= 0 ? '+' : ''}${median(differences).toFixed(3)} ms | ${spread(slopes)}`;
    });
    paired.push(`| ${name}${tree.label} | ${samples.get(build).first[index][0].components} | ${cells.join(' | ')} |`);
  }
}
console.log(`\nPair by pair, each ecosystem against the npm tree of its size in the same round, each beyond its own startup (a scan of ${LICENCES.length} packages of its ecosystem: what a scan costs once, not a package); a ratio ≤ 1.00 is "no longer per package than npm":\n`);
console.log([
  repeat
    ? '| ecosystem | packages | first scan: CPU beyond its startup ÷ npm\'s (quartiles), rounds over 1 | first scan: CPU over npm a package | first scan: CPU from a quarter of the tree to all of it ÷ npm\'s | repeat: CPU beyond its startup ÷ npm\'s | repeat: CPU over npm a package | repeat: CPU from a quarter to all ÷ npm\'s |'
    : '| ecosystem | packages | CPU beyond its startup ÷ npm\'s (quartiles), rounds over 1 | CPU over npm a package | CPU from a quarter of the tree to all of it ÷ npm\'s |',
  repeat ? '|---|---:|---:|---:|---:|---:|---:|---:|' : '|---|---:|---:|---:|---:|',
  ...paired,
].join('\n'));
