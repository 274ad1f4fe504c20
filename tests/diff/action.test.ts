// The GitHub Action's pull-request mode, run for real: the action's script in bash, in a git
// repository made here, with the files GitHub Actions provides (job summary, outputs) in a temp
// folder. It runs copyfair diff against the base branch and writes the comment body and summary.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { parse } from 'yaml';
import { built } from '../cli/run.js';

interface Action {
  inputs: Record<string, { default?: string }>;
  runs: { steps: { id?: string; name?: string; if?: string; uses?: string; run?: string; env?: Record<string, string>; with?: Record<string, string> }[] };
}
const action = parse(readFileSync('action.yml', 'utf8')) as Action;
const script = action.runs.steps.find((step) => step.id === 'scan')!.run!;

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' } });

it('declares the pull-request inputs', () => {
  expect(action.inputs.mode!.default).toBe('scan');
  expect(action.inputs['comment-file']!.default).toBe('copyfair-comment.md');
  expect(action.inputs.base!.default).toBe('');
});

it('keeps copyfair\'s cache between runs, named by the build and the lockfiles, unless the cache input is false', () => {
  expect(action.inputs.cache!.default).toBe('true');
  const steps = action.runs.steps;
  const cache = steps.find((step) => step.uses?.startsWith('actions/cache@'))!;
  const scan = steps.find((step) => step.id === 'scan')!;
  expect(cache.if).toBe("inputs.cache == 'true'");
  expect(steps.indexOf(cache)).toBeLessThan(steps.indexOf(scan));
  // The scan reads and writes the folder the cache step restores and saves, and only with the input on.
  expect(cache.with!.path).toBe('${{ runner.temp }}/copyfair-cache');
  expect(scan.env!.COPYFAIR_CACHE_DIR).toBe("${{ inputs.cache == 'true' && format('{0}/copyfair-cache', runner.temp) || '' }}");
  expect(cache.with!.key).toMatch(/^copyfair-\$\{\{ runner\.os \}\}-\$\{\{ steps\.install\.outputs\.build \}\}-\$\{\{ hashFiles\('\*\*\/package-lock\.json'.*'\*\*\/Cargo\.lock'.*'!\*\*\/node_modules\/\*\*'\) \}\}$/);
  expect(cache.with!['restore-keys']!.trim()).toBe('copyfair-${{ runner.os }}-${{ steps.install.outputs.build }}-');
});

it.runIf(built)('the install step names the cache by the build it installed', () => {
  const install = action.runs.steps.find((step) => step.id === 'install')!;
  const tmp = mkdtempSync(join(tmpdir(), 'copyfair-action-'));
  // npm ci itself is not run here: a stand-in that succeeds, first on PATH.
  writeFileSync(join(tmp, 'npm'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
  const outputs = join(tmp, 'outputs');
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', install.run!], { cwd: resolve('.'), env: { PATH: `${tmp}:${process.env.PATH ?? ''}`, GITHUB_OUTPUT: outputs }, encoding: 'utf8' });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  const { id } = JSON.parse(readFileSync('dist/build-id.json', 'utf8')) as { id: string };
  expect(readFileSync(outputs, 'utf8')).toBe(`build=${id.slice(0, 16)}\n`);
});

it.runIf(built)('pull-request mode writes the comment body and the job summary, and fails on what the change adds', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'copyfair-action-'));
  const repo = join(tmp, 'repo');
  cpSync('fixtures/demo-app', repo, { recursive: true, filter: (path) => !path.includes('node_modules') });
  const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  delete manifest.dependencies['ui-kit'];
  writeFileSync(join(repo, 'package.json'), JSON.stringify(manifest, null, 2));
  const lock = JSON.parse(readFileSync(join(repo, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dependencies?: Record<string, string> }> };
  delete lock.packages['']!.dependencies!['ui-kit'];
  for (const name of ['ui-kit', 'widgets', 'coop-widget']) delete lock.packages[`node_modules/${name}`];
  writeFileSync(join(repo, 'package-lock.json'), JSON.stringify(lock, null, 2));
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '.');
  git(repo, 'commit', '-qm', 'base');
  git(repo, 'checkout', '-qb', 'feature');
  for (const file of ['package.json', 'package-lock.json']) cpSync(join('fixtures/demo-app', file), join(repo, file));
  git(repo, 'commit', '-qam', 'add ui-kit');
  const summary = join(tmp, 'summary.md');
  const outputs = join(tmp, 'outputs');
  const env = {
    PATH: process.env.PATH ?? '',
    COPYFAIR: resolve('bin/copyfair.js'),
    COPYFAIR_NO_CACHE: '1',
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_OUTPUT: outputs,
    ...Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [`INPUT_${name.toUpperCase().replace(/-/g, '_')}`, input.default ?? ''])),
    INPUT_SARIF: 'copyfair.sarif',
    INPUT_MODE: 'pull-request',
    INPUT_BASE: 'main',
    INPUT_DATE: '2026-01-01',
  };
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd: repo, env, encoding: 'utf8' });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(1);
  expect(result.stdout).toContain('This change adds 1 dependency to pay back: coop-widget 1.4.0 (PPL), via');
  const comment = readFileSync(join(repo, 'copyfair-comment.md'), 'utf8');
  expect(comment).toMatch(/^### ❌ copyfair: This change adds 1 dependency to pay back/);
  expect(readFileSync(summary, 'utf8')).toBe(comment);
  expect(readFileSync(outputs, 'utf8')).toBe('exit-code=1\n');
  const sarif = JSON.parse(readFileSync(join(repo, 'copyfair.sarif'), 'utf8')) as { runs: { results: { properties?: { component?: string } }[] }[] };
  expect(sarif.runs[0]!.results.map((r) => r.properties?.component).filter(Boolean)).toEqual(['coop-widget']);
});
