// Identification's share of a real-tree scan, path by path (docs/benchmarks.md, "Steps:
// identification"). Uses the built package: run `npm run build` first. It lists the licence files a
// scan of the tree reads (from the scan's own JSON report), then, in fresh processes, identifies
// each distinct file once in the scan's order, as the scan does, and reports per path (exact,
// template, similarity, bundle, notices, README) how many files took it and their CPU time, plus
// the CPU time of loading each data file on its own. Medians over --runs fresh processes.
//
//   node scripts/bench-identify-tree.js [tree] [--runs 5]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyfairBin, median, repo } from './bench-lib.js';

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args.splice(at, 2)[1] : fallback;
};
const mode = flag('--child', undefined);
const runs = Number(flag('--runs', '5'));
const tree = args[0] ?? join(repo, 'fixtures/real-tree');
const dist = new URL('../dist/identify/', import.meta.url);
const cpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

if (mode === 'files') await identifyFiles(flag('--list', ''));
else if (mode) await loadOne(mode);
else main();

function main() {
  const folder = mkdtempSync(join(tmpdir(), 'copyfair-ident-'));
  try {
    const report = join(folder, 'report.json');
    spawnSync(process.execPath, [copyfairBin, 'scan', tree, '--format', 'json', '--output', report], { stdio: 'ignore', env: { ...process.env, CI: '1' } });
    const files = [];
    for (const component of JSON.parse(readFileSync(report, 'utf8')).components) {
      for (const evidence of component.evidence) if (evidence.kind === 'licence-file' && evidence.sha256) files.push(join(tree, evidence.location.file));
    }
    const list = join(folder, 'files.json');
    writeFileSync(list, JSON.stringify(files));
    const child = (childArgs) => JSON.parse(spawnSync(process.execPath, [new URL(import.meta.url).pathname, ...childArgs], { encoding: 'utf8', maxBuffer: 1 << 26 }).stdout);
    const results = [];
    const loads = { corpus: [], templates: [], notices: [] };
    for (let run = 0; run < runs; run++) {
      results.push(child(['--child', 'files', '--list', list]));
      for (const name of Object.keys(loads)) loads[name].push(child(['--child', name]).ms);
    }
    print(files.length, results, loads);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function print(fileCount, results, loads) {
  const first = results[0];
  process.stdout.write(`${tree}: ${fileCount} licence files, ${first.distinct} distinct by SHA-256; medians of ${runs} fresh processes, CPU time\n\n`);
  process.stdout.write('| path | files | CPU time | slowest file |\n|---|---:|---:|---|\n');
  for (const path of Object.keys(first.paths)) {
    const slowest = first.paths[path].slowest;
    process.stdout.write(`| ${path} | ${first.paths[path].files} | ${median(results.map((result) => result.paths[path].ms)).toFixed(0)} ms | ${slowest.file.replace(`${tree}/`, '')} (${slowest.ms.toFixed(0)} ms) |\n`);
  }
  process.stdout.write(`| **all** | ${first.distinct} | ${median(results.map((result) => result.total)).toFixed(0)} ms | |\n\n`);
  process.stdout.write(`importing src/identify: ${median(results.map((result) => result.importMs)).toFixed(0)} ms\n`);
  for (const [name, values] of Object.entries(loads)) process.stdout.write(`loading ${name} alone: ${median(values).toFixed(1)} ms\n`);
}

/** Child: identifies each distinct file once, timing each call; the path is read afterwards, untimed. */
async function identifyFiles(list) {
  const started = cpu();
  const identify = await import(new URL('index.js', dist));
  const importMs = cpu() - started;
  const { normalise } = await import(new URL('normalise.js', dist));
  const { findAll } = await import(new URL('find.js', dist));
  const { isBundle } = await import(new URL('bundle.js', dist));
  const { isReadme } = await import(new URL('readme.js', dist));
  const seen = new Set();
  const timed = [];
  for (const file of JSON.parse(readFileSync(list, 'utf8'))) {
    const bytes = readFileSync(file);
    const readme = isReadme(file.split('/').pop());
    // The scan's own cache: one identification per SHA-256 (README sections apart).
    const key = `${readme ? 'readme:' : ''}${createHash('sha256').update(bytes).digest('hex')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const text = identify.decodeLicenceText(bytes);
    if (text.trim() === '') continue;
    const before = cpu();
    identify.identifyLicenceText(file, text);
    timed.push({ file, text, readme, ms: cpu() - before });
  }
  const paths = {};
  let total = 0;
  for (const { file, text, readme, ms } of timed) {
    const path = readme ? 'README section' : isBundle(text) ? 'bundle' : pathOf(findAll(normalise(text), identify.loadCorpus()));
    const entry = (paths[path] ??= { files: 0, ms: 0, slowest: { file: '', ms: -1 } });
    entry.files++;
    entry.ms += ms;
    if (ms > entry.slowest.ms) entry.slowest = { file, ms };
    total += ms;
  }
  process.stdout.write(JSON.stringify({ distinct: timed.length, importMs, total, paths }));
}

function pathOf(findings) {
  if (findings.found.length === 0) return 'no known text (notices, proprietary)';
  if (findings.found.every((found) => found.exact)) return 'exact';
  if (findings.found.every((found) => found.template)) return 'template';
  return 'similarity';
}

/** Child: the CPU time of loading one data file, alone in a fresh process. */
async function loadOne(name) {
  const modules = { corpus: 'corpus.js', templates: 'templates.js', notices: 'notice-rules.js' };
  const module = await import(new URL(modules[name], dist));
  const before = cpu();
  if (name === 'corpus') module.loadCorpus();
  else if (name === 'templates') module.templateOf('MIT');
  else module.loadNoticeIndex();
  process.stdout.write(JSON.stringify({ ms: cpu() - before }));
}
