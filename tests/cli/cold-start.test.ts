// Cold start stays small because commands load only what they use: `--version` loads nothing of
// the CLI, `check` neither the scan, the policy reader, YAML nor the text index, and a scan loads
// YAML and semver only when a policy file needs them. (How fast they
// are is measured by `npm run bench`, not here: timing a test on a shared machine proves nothing.)
// The module lists are read from dist/cli (COPYFAIR_UNBUNDLED=1), whose file names say what
// loaded; the bundle (dist/bundle/copyfair.cjs and its code cache, scripts/bundle.js) must answer
// exactly as dist/cli does.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { built } from './run.js';
import { KB_COMMAND_NAMES } from '../../src/cli/main-kb.js';

const bin = new URL('../../bin/copyfair.js', import.meta.url).pathname;
const hooks = new URL('./helpers/record-loads.mjs', import.meta.url).href;

/**
 * The modules a run of the built binary loads, relative to the repository, and its stdout. With
 * `hooked` false the run records nothing (the hooks cost ~0.25 s a process): for comparing answers.
 */
function loads(args: string[], env: Record<string, string> = { COPYFAIR_NO_CACHE: '1' }, bundled = false, hooked = true) {
  const result = spawnSync(process.execPath, [...(hooked ? ['--import', hooks] : []), bin, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...(bundled ? {} : { COPYFAIR_UNBUNDLED: '1' }), ...env } });
  const root = new URL('../../', import.meta.url).href;
  const modules = result.stderr.split('\n').filter((line) => line.startsWith('loaded ')).map((line) => line.slice('loaded '.length).replace(root, ''));
  return { modules, stdout: result.stdout, code: result.status, stderr: result.stderr.split('\n').filter((line) => !line.startsWith('loaded ')).join('\n') };
}

const bundle = new URL('../../dist/bundle/copyfair.cjs', import.meta.url);

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

  it('a scan without a copyfair.yaml loads neither YAML nor semver, nor does one of a pnpm lockfile (the plain YAML reader reads it)', () => {
    for (const project of ['fixtures/npm/hoisted', 'fixtures/npm/pnpm']) {
      const { modules, code } = loads(['scan', project, '--format', 'json']);
      expect(code, project).toBeLessThan(2);
      expect(modules).toContain('dist/scan/index.js');
      expect(modules.filter((url) => /\/node_modules\/(yaml|semver)\//.test(url)), project).toEqual([]);
    }
  });

  it('a repeat scan whose licence texts the cache holds loads no identification engine', () => {
    const cache = mkdtempSync(join(tmpdir(), 'copyfair-cache-'));
    try {
      const engine = (modules: string[]) => modules.filter((url) => /^dist\/identify\/(identify|identify-file|find|similarity|corpus|templates)\.js$/.test(url));
      const first = loads(['scan', 'fixtures/demo-app', '--format', 'json', '--date', '2026-01-01', '--revenue', '1000000'], { COPYFAIR_CACHE_DIR: cache });
      expect(engine(first.modules)).toHaveLength(6);
      // Another profile: another scan, which no kept scan answers (src/scan/replay.ts), only the identifications.
      const again = loads(['scan', 'fixtures/demo-app', '--format', 'json', '--date', '2026-01-01', '--revenue', '2000000'], { COPYFAIR_CACHE_DIR: cache });
      expect(again.code).toBe(first.code);
      expect(JSON.parse(again.stdout).components).toEqual(JSON.parse(first.stdout).components);
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

describe.runIf(built && existsSync(bundle))('the bundled CLI', () => {
  it('is what bin/copyfair.js runs, and answers exactly as dist/cli does', () => {
    // The commands of the knowledge base alone from their own bundle (src/cli/main-kb.ts), the rest
    // from the whole CLI's.
    const cases = [
      ['scan', 'fixtures/npm/hoisted', '--format', 'json'],
      ['scan', 'fixtures/mixed/service-with-frontend', '--format', 'sarif'],
      ['check', 'MIT', '--date', '2026-01-01'],
      ['explain', 'PPL'],
      ['licences', '--family', 'copyfarleft'],
      ['licenses', '--help'],
      ['identify', 'fixtures/identify/mit.md'],
      ['--help'],
      ['--help', 'check'],
      ['scan', '--format', 'nonsense'],
    ];
    // The launcher says which it ran (COPYFAIR_BUNDLE_INFO): the bundle from the code cache the
    // build made, or dist/cli.
    // That the bundle loads nothing of dist/ is recorded below, for a check and a scan.
    const env = { COPYFAIR_NO_CACHE: '1', COPYFAIR_BUNDLE_INFO: '1' };
    for (const args of cases) {
      const bundled = loads(args, env, true, false);
      const modules = loads(args, env, false, false);
      const info = `bundle: ${KB_COMMAND_NAMES.includes(args[0]!) ? 'copyfair-kb.cjs' : 'copyfair.cjs'}, code cache used\n`;
      expect(bundled.stderr.slice(0, info.length), args.join(' ')).toBe(info);
      expect(modules.stderr).not.toContain('bundle:');
      expect({ args, stdout: bundled.stdout, stderr: bundled.stderr.slice(info.length), code: bundled.code }).toEqual({ args, stdout: modules.stdout, stderr: modules.stderr, code: modules.code });
    }
  });

  it('keeps identifications and whole scans between scans as dist/cli does, in the same cache', () => {
    const cache = mkdtempSync(join(tmpdir(), 'copyfair-cache-'));
    try {
      // The second scan with another profile, which no kept scan answers: its texts come from the
      // identifications the bundle kept; the third, the same scan again, from the kept scan.
      const args = (revenue: string) => ['scan', 'fixtures/demo-app', '--format', 'json', '--date', '2026-01-01', '--revenue', revenue];
      const first = loads(args('1000000'), { COPYFAIR_CACHE_DIR: cache }, true);
      const again = loads(args('2000000'), { COPYFAIR_CACHE_DIR: cache });
      const bundledAgain = loads(args('2000000'), { COPYFAIR_CACHE_DIR: cache }, true, false);
      expect(first.modules).toContain('bin/copyfair.js');
      expect(first.modules.filter((url) => url.startsWith('dist/'))).toEqual([]);
      expect(again.modules.filter((url) => url.startsWith('dist/identify/identify'))).toEqual([]);
      const components = (stdout: string) => (JSON.parse(stdout) as { components: unknown[] }).components;
      expect(components(again.stdout)).toEqual(components(first.stdout));
      expect([bundledAgain.stdout, again.code, bundledAgain.code]).toEqual([again.stdout, first.code, first.code]);
      expect(readdirSync(cache).filter((name) => name.startsWith('scans-'))).toHaveLength(2);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });

  it('runs the knowledge base\'s own bundle for exactly the commands src/cli/kb-commands.ts names', () => {
    const launcher = readFileSync(new URL('../../bin/copyfair.js', import.meta.url), 'utf8');
    const listed = /const KB_COMMANDS = (\[[^\]]*\]);/.exec(launcher)?.[1];
    expect(listed && (JSON.parse(listed.replaceAll("'", '"')) as string[]).toSorted()).toEqual(KB_COMMAND_NAMES.toSorted());
  });

  it('loads nothing of dist/, and no YAML, semver, schema validator, glob or TOML reader for check', () => {
    const { modules } = loads(['check', 'MIT', '--date', '2026-01-01'], undefined, true);
    expect(modules).toContain('bin/copyfair.js');
    expect(modules.filter((url) => url.startsWith('dist/'))).toEqual([]);
    expect(modules.filter((url) => /\/node_modules\/(yaml|semver|ajv|globby|smol-toml)\//.test(url))).toEqual([]);
  });
});
