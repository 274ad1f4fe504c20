// Shared by the benchmark scripts: the peer tools installed locally (never through npx, whose
// resolution time would pollute their figures), one measured run of a command in a fresh process,
// medians, and a description of the machine the numbers come from.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { join } from 'node:path';

export const repo = new URL('..', import.meta.url).pathname;
export const copyfairBin = join(repo, 'bin/copyfair.js');
export const walkScript = join(repo, 'scripts/bench-walk.js');

/** The peer tools, pinned by major version, installed into the git-ignored .bench folder. */
export const PEERS = { 'license-checker': '25', licensee: '12' };
const benchDir = join(repo, '.bench');

/** Installs license-checker 25 and licensee 12 into .bench unless they are there already. */
export function ensurePeers() {
  const missing = Object.entries(PEERS).filter(([name, major]) => {
    const file = join(benchDir, 'node_modules', name, 'package.json');
    return !existsSync(file) || !JSON.parse(readFileSync(file, 'utf8')).version.startsWith(`${major}.`);
  });
  if (missing.length === 0) return;
  process.stderr.write(`installing ${missing.map(([n, m]) => `${n}@${m}`).join(' ')} into .bench …\n`);
  const result = spawnSync('npm', ['install', '--prefix', '.bench', ...Object.entries(PEERS).map(([n, m]) => `${n}@${m}`)], { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error('npm install --prefix .bench failed; the benchmark needs the npm registry once to install the peer tools');
}

/** How to run each peer tool on an installed tree, writing its report to `out`. */
export function peerCommands(root, out) {
  return {
    'license-checker 25': { args: [join(benchDir, 'node_modules/license-checker/bin/license-checker'), '--start', root, '--json', '--out', out] },
    // licensee reads the tree it is started in and prints to stdout.
    'licensee 12': { args: [join(benchDir, 'node_modules/licensee/licensee'), '--osi', '--ndjson'], cwd: root, stdout: out },
  };
}

/**
 * Runs `node ...args` once in a fresh process under /usr/bin/time: wall milliseconds (measured
 * here), CPU milliseconds (user + system of the child) and peak resident memory in MiB. copyfair
 * keeps no identifications between runs (`COPYFAIR_NO_CACHE`) unless `env` says otherwise.
 */
export function measure({ args, cwd, stdout, env = {} }) {
  const timeFile = join(repo, '.bench', `time-${process.pid}.txt`);
  const out = stdout ? openSync(stdout, 'w') : 'ignore';
  const started = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-o', timeFile, '-f', '%U %S %M', process.execPath, ...args], { cwd, stdio: ['ignore', out, 'pipe'], maxBuffer: 1 << 26, env: { ...process.env, CI: '1', COPYFAIR_NO_CACHE: '1', ...env } });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (typeof out === 'number') closeSync(out);
  const fields = readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  rmSync(timeFile, { force: true });
  return { ms, cpu: (fields[0] + fields[1]) * 1000, rss: fields[2] / 1024, status: result.status, stderr: String(result.stderr) };
}

/** The `q`-quantile (0 to 1) of `values`, interpolated between the two nearest. */
export const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const below = Math.floor(at);
  return sorted[below] + (sorted[Math.min(below + 1, sorted.length - 1)] - sorted[below]) * (at - below);
};

/** The middle value, or the mean of the two middle ones. */
export const median = (values) => quantile(values, 0.5);

/** The machine and moment, for the header of a results table. */
export function machine() {
  const cpu = cpus();
  const [one, five] = loadavg();
  return `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · ${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'} · ${(totalmem() / 2 ** 30).toFixed(0)} GiB · Linux ${release()} · Node ${process.versions.node} · load average ${one.toFixed(2)}, ${five.toFixed(2)}`;
}
