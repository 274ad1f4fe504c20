// A Python scan loads the identification engine while it reads metadata only when a distribution's
// License field holds a whole licence text: a repeat scan whose licence files the cache holds then
// loads none of it, and one with such a field still identifies it, with the same report (each
// repeat scan with another profile, which no scan kept whole answers; the same scan again is). Module
// lists are read from dist/cli (COPYFAIR_UNBUNDLED=1), whose file names say what loaded.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { built } from './run.js';

const bin = new URL('../../bin/copyfair.js', import.meta.url).pathname;
const hooks = new URL('./helpers/record-loads.mjs', import.meta.url).href;
const mit = (createRequire(import.meta.url)('spdx-license-list/full') as Record<string, { licenseText: string }>).MIT!.licenseText;

/** A scan of `project` with the cache folder `cache`; `profile` flags make another scan's inputs, which no kept scan answers (src/scan/replay.ts). */
function scan(project: string, cache: string, profile: string[] = []) {
  const result = spawnSync(process.execPath, ['--import', hooks, bin, 'scan', project, '--format', 'json', '--date', '2026-01-01', ...profile], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', COPYFAIR_UNBUNDLED: '1', COPYFAIR_CACHE_DIR: cache } });
  const root = new URL('../../', import.meta.url).href;
  const modules = result.stderr.split('\n').filter((line) => line.startsWith('loaded ')).map((line) => line.slice('loaded '.length).replace(root, ''));
  // What else the run said, for a failure's message: its exit, its own stderr, how many modules it named.
  const said = `exit ${result.status} ${result.signal ?? ''}, ${modules.length} modules named, stdout ${result.stdout.length} characters, stderr: ${result.stderr.split('\n').filter((line) => !line.startsWith('loaded ')).join('\n').slice(0, 500)}`;
  return { engine: modules.filter((url) => /^dist\/identify\/(identify|identify-file|find|similarity|corpus|templates)\.js$/.test(url)), stdout: result.stdout, code: result.status, said };
}

/** The report's components, which the profile's revenue does not change here. */
const components = (stdout: string) => (JSON.parse(stdout) as { components: unknown[] }).components;

/** A project with a .venv of one distribution, its METADATA's License field as given. */
function environment(licence: string): string {
  const project = mkdtempSync(join(tmpdir(), 'copyfair-python-engine-'));
  const dist = join(project, '.venv/lib/python3.11/site-packages/pkg_a-1.0.dist-info');
  mkdirSync(join(dist, 'licenses'), { recursive: true });
  writeFileSync(join(project, '.venv/pyvenv.cfg'), 'version_info = 3.11.7.final.0\n');
  writeFileSync(join(dist, 'METADATA'), `Metadata-Version: 2.1\nName: pkg-a\nVersion: 1.0\n${licence}\nLicense-File: LICENSE\n\n`);
  writeFileSync(join(dist, 'licenses/LICENSE'), mit);
  return project;
}

describe.runIf(built)('the identification engine in a Python scan', () => {
  it('is not loaded by a repeat scan whose licence files the cache holds', () => {
    const cache = mkdtempSync(join(tmpdir(), 'copyfair-cache-'));
    const project = environment('License: MIT');
    try {
      const first = scan(project, cache);
      expect(first.engine.length, first.said).toBeGreaterThan(0);
      const again = scan(project, cache, ['--revenue', '1000000']);
      expect(again.code).toBe(first.code);
      expect(components(again.stdout)).toEqual(components(first.stdout));
      expect(again.engine, again.said).toEqual([]);
    } finally {
      rmSync(cache, { recursive: true, force: true });
      rmSync(project, { recursive: true, force: true });
    }
  });

  it('is loaded when a License field holds a licence text, which is identified on a repeat scan too', () => {
    const cache = mkdtempSync(join(tmpdir(), 'copyfair-cache-'));
    const project = environment(`License: ${mit.trim().split('\n').join('\n        ')}`);
    try {
      const first = scan(project, cache);
      const again = scan(project, cache, ['--revenue', '1000000']);
      expect(again.engine.length, again.said).toBeGreaterThan(0);
      expect(components(again.stdout)).toEqual(components(first.stdout));
      // The same scan once more is answered whole from what it read, and identifies nothing.
      const kept = scan(project, cache, ['--revenue', '1000000']);
      expect(kept.engine, kept.said).toEqual([]);
      expect(kept.stdout).toBe(again.stdout);
      const component = JSON.parse(again.stdout).components.find((c: { name: string }) => c.name === 'pkg-a');
      // The License field read as a licence text, beside the licence file.
      const read = component.evidence.map((e: { kind: string; expression: string; location: { file: string } }) => [e.kind, e.expression, e.location.file.split('/').pop()]);
      expect(read).toContainEqual(['licence-file', 'MIT', 'METADATA']);
    } finally {
      rmSync(cache, { recursive: true, force: true });
      rmSync(project, { recursive: true, force: true });
    }
  });
});
