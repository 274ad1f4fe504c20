#!/usr/bin/env node
// The real-tree benchmark: copyfair against license-checker 25, licensee 12 and a plain Node walk
// (the floor) on fixtures/real-tree, a typical web application (committed lockfile, 1,467
// entries, real licence files). Tools run interleaved (A B C D A B C D …) so a busy machine slows
// all of them alike; ratios are taken run by run, then the median. copyfair runs twice a round: a
// first scan (an empty cache folder of its own each time: every licence text identified), a repeat
// scan (an earlier scan of the same tree with the same inputs kept in the cache folder, as on a
// developer's machine or a CI runner that keeps ~/.cache: the kept scan answers), and a repeat scan
// with another profile each time (another revenue: the kept identifications and readings answer,
// but no kept scan, as after a dependency changed).
//
//   node scripts/bench-real.js                 # 7 rounds
//   node scripts/bench-real.js --runs 11
//   node scripts/bench-real.js --tree DIR      # another installed tree
//   node scripts/bench-real.js --also main=../main/bin/copyfair.js   # another build, same rounds
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { copyfairBin, ensurePeers, machine, measure, median, peerCommands, repo, walkScript } from './bench-lib.js';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index === -1 ? fallback : args[index + 1];
};
const runs = Number(option('runs', '7'));
const fixture = resolve(option('tree', join(repo, 'fixtures/real-tree')));
/** Other copyfair builds to measure in the same rounds (`--also LABEL=BIN`, repeatable). */
const also = args.flatMap((arg, i) => (arg === '--also' ? [args[i + 1].split('=')] : [])).map(([label, bin]) => ({ label: `copyfair (${label})`, bin: resolve(bin) }));

/** The installed tree to measure: installs it (scripts off) when node_modules is missing. */
function installedTree(folder) {
  const modules = join(folder, 'node_modules');
  if (!existsSync(modules)) {
    process.stderr.write(`installing ${folder} (npm ci --ignore-scripts) …\n`);
    const result = spawnSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: folder, stdio: ['ignore', 'ignore', 'inherit'] });
    if (result.status !== 0) throw new Error(`npm ci failed in ${folder}`);
  }
  // A node_modules that is a link to an installed copy elsewhere: measure that copy where it
  // lives (licensee 12 fails on a linked node_modules), provided its lockfile is the same.
  if (lstatSync(modules).isSymbolicLink()) {
    const real = dirname(realpathSync(modules));
    const same = (name) => existsSync(join(real, name)) && readFileSync(join(real, name)).equals(readFileSync(join(folder, name)));
    if (same('package.json') && same('package-lock.json')) return real;
    process.stderr.write(`warning: ${modules} is a link to a tree with another lockfile; measuring through the link\n`);
  }
  return folder;
}

/** How many packages each tool reported, to see they all looked at the same tree. */
function reported(label, out, walkStdout) {
  try {
    if (label === 'plain walk') return Number(/^(\d+)/.exec(walkStdout)?.[1]);
    const text = readFileSync(out, 'utf8');
    if (label.startsWith('copyfair')) return JSON.parse(text).components.length;
    if (label.startsWith('license-checker')) return Object.keys(JSON.parse(text)).length;
    return text.split('\n').filter(Boolean).length;
  } catch {
    return undefined;
  }
}

ensurePeers();
const root = installedTree(fixture);
const work = mkdtempSync(join(tmpdir(), 'copyfair-bench-real-'));
const scanArgs = [copyfairBin, 'scan', root, '--format', 'json', '--output', join(work, 'copyfair.json'), '--date', '2026-01-01'];
let firstScans = 0;
let otherProfiles = 0;
const tools = {
  'plain walk': { args: [walkScript, root], stdout: join(work, 'walk.txt') },
  // A cache folder made anew for each first scan: nothing kept, and what it keeps is thrown away.
  copyfair: { args: scanArgs, get env() { const dir = join(work, `cache-${firstScans++}`); mkdirSync(dir); return { COPYFAIR_CACHE_DIR: dir, COPYFAIR_NO_CACHE: '' }; } },
  'copyfair, repeat scan': { args: scanArgs, env: { COPYFAIR_CACHE_DIR: join(work, 'cache-kept'), COPYFAIR_NO_CACHE: '' } },
  // Each run another profile (a revenue no licence of the tree draws a line at): another scan's
  // inputs, which no kept scan answers (src/scan/replay.ts), with the same work to do.
  'copyfair, repeat scan, nothing kept whole': { get args() { return [...scanArgs, '--revenue', String(1e12 + otherProfiles++)]; }, env: { COPYFAIR_CACHE_DIR: join(work, 'cache-profiles'), COPYFAIR_NO_CACHE: '' } },
  ...Object.fromEntries(also.map(({ label, bin }) => [label, { args: [bin, 'scan', root, '--format', 'json', '--output', join(work, 'copyfair.json'), '--date', '2026-01-01'] }])),
  ...peerCommands(root, join(work, 'peer.out')),
};
const samples = Object.fromEntries(Object.keys(tools).map((label) => [label, []]));
const counts = {};
const started = machine();
try {
  // The repeat scans' caches: one scan before the rounds fills each.
  measure({ ...tools['copyfair, repeat scan'], stdout: '/dev/null' });
  measure({ args: tools['copyfair, repeat scan, nothing kept whole'].args, env: tools['copyfair, repeat scan, nothing kept whole'].env, stdout: '/dev/null' });
  for (let round = 0; round < runs; round++) {
    process.stderr.write(`round ${round + 1}/${runs}\r`);
    for (const [label, tool] of Object.entries(tools)) {
      const out = tool.stdout ?? join(work, label.startsWith('copyfair') ? 'copyfair.json' : 'peer.out');
      const sample = measure(tool);
      if (sample.status !== 0 && sample.status !== 1) throw new Error(`${label} failed (exit ${sample.status}): ${sample.stderr.trim().split('\n').slice(-3).join(' ')}`);
      samples[label].push(sample);
      counts[label] ??= reported(label, out, label === 'plain walk' ? readFileSync(tool.stdout, 'utf8') : '');
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

// Cold start: what every run pays before reading a file (neither needs the text index).
const starts = { 'copyfair --version': [copyfairBin, '--version'], 'copyfair check MIT': [copyfairBin, 'check', 'MIT', '--date', '2026-01-01'] };
const startSamples = Object.fromEntries(Object.keys(starts).map((label) => [label, []]));
for (let round = 0; round < Math.max(runs, 11); round++) {
  for (const [label, commandArgs] of Object.entries(starts)) startSamples[label].push(measure({ args: commandArgs, stdout: '/dev/null' }));
}

const pairwise = (label, field, ours = samples.copyfair) => median(samples[label].map((sample, i) => sample[field] / ours[i][field]));
const lines = [
  `Real tree: ${fixture.startsWith(repo) ? fixture.slice(repo.length) : fixture} (${counts['plain walk']} package folders), ${runs} interleaved rounds.`,
  `Started ${started}; ended with load average ${machine().split('load average ')[1]}.`,
  '',
  '| tool | packages reported | median wall time | median CPU time | median peak memory | wall time ÷ copyfair’s first scan (pair by pair) |',
  '|---|---:|---:|---:|---:|---:|',
];
for (const [label, list] of Object.entries(samples)) {
  const ratio = label === 'copyfair' ? '1' : pairwise(label, 'ms').toFixed(2);
  lines.push(`| ${label === 'copyfair' ? 'copyfair, first scan' : label} | ${counts[label] ?? '?'} | ${median(list.map((s) => s.ms)).toFixed(0)} ms | ${median(list.map((s) => s.cpu)).toFixed(0)} ms | ${median(list.map((s) => s.rss)).toFixed(0)} MiB | ${ratio} |`);
}
for (const [label, ours] of [['first scan', samples.copyfair], ['repeat scan', samples['copyfair, repeat scan']], ['repeat scan, nothing kept whole', samples['copyfair, repeat scan, nothing kept whole']]]) {
  lines.push(
    '',
    `copyfair, ${label}:`,
    `- copyfair ÷ plain walk: ${(1 / pairwise('plain walk', 'ms', ours)).toFixed(2)}× (target ≤ 3×)`,
    `- license-checker 25 ÷ copyfair: ${pairwise('license-checker 25', 'ms', ours).toFixed(2)}× (target ≥ 5×); CPU time ${pairwise('license-checker 25', 'cpu', ours).toFixed(2)}×`,
    `- licensee 12 ÷ copyfair: ${pairwise('licensee 12', 'ms', ours).toFixed(2)}× (target ≥ 3×); CPU time ${pairwise('licensee 12', 'cpu', ours).toFixed(2)}×`,
  );
}
lines.push('', '| cold start | runs | median wall time | median CPU time | median peak memory | target |', '|---|---:|---:|---:|---:|---:|');
for (const [label, list] of Object.entries(startSamples)) {
  lines.push(`| \`${label}\` | ${list.length} | ${median(list.map((s) => s.ms)).toFixed(0)} ms | ${median(list.map((s) => s.cpu)).toFixed(0)} ms | ${median(list.map((s) => s.rss)).toFixed(0)} MiB | < ${label.endsWith('version') ? 100 : 200} ms |`);
}
process.stdout.write(`${lines.join('\n')}\n`);
