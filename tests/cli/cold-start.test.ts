// Cold start stays small because commands load only what they use: `--version` loads nothing of
// the CLI, `check` neither the scan, the policy reader, YAML nor the text index, and a scan loads
// YAML and semver only when a policy file needs them. (How fast they
// are is measured by `npm run bench`, not here: timing a test on a shared machine proves nothing.)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { built } from './run.js';

const bin = new URL('../../bin/copyfair.js', import.meta.url).pathname;
const hooks = new URL('./helpers/record-loads.mjs', import.meta.url).href;

/** The modules a run of the built binary loads, relative to the repository, and its stdout. */
function loads(args: string[], env: Record<string, string> = { COPYFAIR_NO_CACHE: '1' }) {
  const result = spawnSync(process.execPath, ['--import', hooks, bin, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env } });
  const root = new URL('../../', import.meta.url).href;
  const modules = result.stderr.split('\n').filter((line) => line.startsWith('loaded ')).map((line) => line.slice('loaded '.length).replace(root, ''));
  return { modules, stdout: result.stdout, code: result.status };
}

describe.runIf(built)('what a command loads', () => {
  it('--version loads nothing but the launcher', () => {
    const { modules, stdout } = loads(['--version']);
    expect(stdout).toMatch(/^\d+\.\d+\.\d+/);
    expect(modules.filter((url) => url.startsWith('dist/') || url.startsWith('node_modules/'))).toEqual([]);
  });

  it('check loads neither the scan, the policy reader, YAML nor the text index', () => {
    const { modules, stdout, code } = loads(['check', 'MIT', '--date', '2026-01-01']);
    expect(code).toBe(0);
    expect(stdout).toContain('free');
    expect(modules).toContain('dist/cli/commands/check.js');
    const heavy = modules.filter((url) => /^dist\/(scan|identify|policy|ecosystems)\/|\/node_modules\/(yaml|semver|ajv|globby)\/|commands\/scan\.js/.test(url));
    expect(heavy).toEqual([]);
  });

  it('a scan without a copyfair.yaml loads neither YAML nor semver', () => {
    const { modules, code } = loads(['scan', 'fixtures/npm/hoisted', '--format', 'json']);
    expect(code).toBe(0);
    expect(modules).toContain('dist/scan/index.js');
    expect(modules.filter((url) => /\/node_modules\/(yaml|semver)\//.test(url))).toEqual([]);
  });

  it('a repeat scan whose licence texts the cache holds loads no identification engine', () => {
    const cache = mkdtempSync(join(tmpdir(), 'copyfair-cache-'));
    try {
      const engine = (modules: string[]) => modules.filter((url) => /^dist\/identify\/(identify|identify-file|find|similarity|corpus|templates)\.js$/.test(url));
      const first = loads(['scan', 'fixtures/demo-app', '--format', 'json'], { COPYFAIR_CACHE_DIR: cache });
      expect(engine(first.modules)).toHaveLength(6);
      const again = loads(['scan', 'fixtures/demo-app', '--format', 'json'], { COPYFAIR_CACHE_DIR: cache });
      expect(again.code).toBe(first.code);
      expect(again.stdout).toBe(first.stdout);
      expect(engine(again.modules)).toEqual([]);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });

  it('help still lists every command', () => {
    const { modules, stdout } = loads(['--help']);
    for (const command of ['scan', 'check', 'explain', 'identify', 'licences', 'init']) expect(stdout).toContain(`  ${command}`);
    expect(modules).toContain('dist/cli/commands/scan.js');
  });
});
