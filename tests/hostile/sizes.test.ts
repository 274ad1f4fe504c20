// Sizes: files over a limit are refused by their size before any read (sparse files, so the test
// costs nothing), large inputs take time in proportion, deep ones do not overflow a stack, and the
// report grows linearly. The 25 MB lockfile cases run with HOSTILE_LARGE=1 (npm run test:large).
import { closeSync, mkdirSync, openSync, ftruncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../cli/run.js';
import { inFolder } from '../helpers/state.js';
import { diagnosticsFor, outcomeOf, scanJson, survived, timed } from './harness.js';
import { installed, packageLock, pnpmLock, rootManifest, temporaryFolder, writeTree, yarnBerry, yarnClassic } from './generate.js';

/** A file of `bytes` that takes no disk space (a hole): only its size is real. */
function sparse(path: string, bytes: number): void {
  mkdirSync(join(path, '..'), { recursive: true });
  const fd = openSync(path, 'w');
  ftruncateSync(fd, bytes);
  closeSync(fd);
}

describe('files over their limit are refused by size, before they are read', () => {
  it('a 200 MB licence file and a 50 MB package.json of a dependency', async () => {
    const dir = writeTree(temporaryFolder(), {
      'package.json': JSON.stringify({ name: 'app', dependencies: { big: '1', huge: '1', plain: '1' } }),
      ...installed('big', '1.0.0', 'MIT'),
      ...installed('plain', '1.0.0', 'MIT'),
    });
    sparse(join(dir, 'node_modules/big/LICENSE'), 200 * 1024 * 1024);
    sparse(join(dir, 'node_modules/huge/package.json'), 50 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    const { report, ms } = await scanJson(dir);
    expect(ms).toBeLessThan(5_000);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
    expect(diagnosticsFor(report, 'node_modules/big/LICENSE')[0]?.message).toMatch(/209715200 bytes, over the \d+-byte limit/);
    expect(diagnosticsFor(report, 'node_modules/huge/package.json')[0]?.message).toMatch(/over the \d+-byte limit/);
    expect(outcomeOf(report, 'big')).toBe('unknown');
    expect(outcomeOf(report, 'huge')).toBe('unknown');
    expect(outcomeOf(report, 'plain')).toBe('free');
  });

  it('a 50 MB root package.json and a 100 MB lockfile', async () => {
    const dir = writeTree(temporaryFolder(), installed('plain', '1.0.0', 'MIT'));
    sparse(join(dir, 'package.json'), 50 * 1024 * 1024);
    sparse(join(dir, 'package-lock.json'), 100 * 1024 * 1024);
    const { report } = await scanJson(dir);
    expect(report.diagnostics.find((d) => d.code === 'npm-root-manifest-invalid')?.message).toMatch(/over the/);
    expect(report.diagnostics.find((d) => d.code === 'npm-lockfile-invalid')?.message).toMatch(/over the/);
    expect(outcomeOf(report, 'plain')).toBe('free');
  });

  it('identify refuses a 200 MB file by size', async () => {
    const file = join(temporaryFolder(), 'LICENSE');
    sparse(file, 200 * 1024 * 1024);
    const { value: result, ms } = await timed(() => run(['identify', file]));
    survived(result, ms);
    expect(`${result.stdout}${result.stderr}`).toMatch(/209715200 bytes/);
  });
});

describe('large and deep inputs, in linear time', () => {
  it('a dependency chain 20,000 deep: paths bounded per component, the report linear', async () => {
    const count = 20_000;
    const dir = writeTree(temporaryFolder(), { 'package.json': rootManifest(count, true), 'package-lock.json': packageLock(count, { chain: true }) });
    const { report, stdout } = await scanJson(dir);
    expect(report.components).toHaveLength(count);
    const deepest = report.components.find((c) => c.name === 'p19999')!;
    expect(deepest.paths[0]!.length).toBeLessThanOrEqual(12);
    expect(deepest.paths[0]).toContain('…');
    expect(deepest.paths[0]!.slice(0, 2)).toEqual(['root', 'p0']);
    expect(deepest.paths[0]!.at(-1)).toBe('p19999');
    // Linear: about a kilobyte per component, where a quadratic report was 87 MB at 3,000 deep.
    expect(stdout.length / count).toBeLessThan(2_500);
  }, 60_000);

  it('8,000 packages in a 0.8 MB pnpm-lock.yaml: no quadratic duplicate-key check (830 KB took 33 s)', async () => {
    const count = 8_000;
    const dir = writeTree(temporaryFolder(), { 'package.json': rootManifest(count), 'pnpm-lock.yaml': pnpmLock(count) });
    const { report } = await scanJson(dir);
    expect(report.components).toHaveLength(count);
  }, 60_000);

  it('a 1 MB pnpm-lock.yaml of `#()()()…` comment lines (a backtracking regular expression took minutes)', async () => {
    const line = `  #${'()'.repeat(5_000)}x`;
    const text = `lockfileVersion: '9.0'\npackages:\n${`${line}\n`.repeat(100)}  ${'/a('.repeat(2000)}:\n`;
    const dir = writeTree(temporaryFolder(), { 'package.json': rootManifest(0), 'pnpm-lock.yaml': text });
    await scanJson(dir);
  });

  it('a package.json nested 100,000 levels deep and a lockfile nested 100,000 levels deep', async () => {
    const deep = `{"name": "app", "x": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const lockDeep = `{"lockfileVersion": 1, "dependencies": ${'{"a": {"version": "1", "dependencies": '.repeat(3_000)}{}${'}}'.repeat(3_000)}}`;
    const { report } = await scanJson(writeTree(temporaryFolder(), { 'package.json': deep, 'package-lock.json': lockDeep }));
    expect(report.diagnostics.filter((d) => /stack|recursion/i.test(d.message))).toEqual([]);
  });

  it('paths over 4,096 bytes: a diagnostic, the rest still scanned', async () => {
    const dir = writeTree(temporaryFolder(), { 'package.json': JSON.stringify({ name: 'app', dependencies: { plain: '1' } }), ...installed('plain', '1.0.0', 'MIT') });
    const segment = 'n'.repeat(200);
    inFolder(join(dir, 'node_modules/plain'), (step) => {
      for (let depth = 0; depth < 22; depth++) {
        mkdirSync(`node_modules/${segment}`, { recursive: true });
        writeFileSync(`node_modules/${segment}/package.json`, JSON.stringify({ name: segment, version: '1.0.0', license: 'MIT' }));
        step(`node_modules/${segment}`);
      }
    });
    const { report } = await scanJson(dir);
    expect(outcomeOf(report, 'plain')).toBe('free');
    expect(report.diagnostics.some((d) => /too long/.test(d.message))).toBe(true);
  });

  it('an expression of 10,000 ORs and one of 4,000 nested parentheses are valid and evaluated', async () => {
    const ors = Array.from({ length: 10_000 }, (_, i) => (i % 2 ? 'MIT' : 'Apache-2.0')).join(' OR ');
    let nested = 'MIT';
    for (let i = 0; i < 4_000; i++) nested = `(${nested} ${i % 2 ? 'OR' : 'AND'} ISC)`;
    for (const expression of [ors, nested]) {
      const { value: result, ms } = await timed(() => run(['check', expression]));
      survived(result, ms);
      expect(result.code).toBe(0);
      expect(result.stderr).not.toMatch(/call stack/);
    }
    // And as a package's declared licence.
    const dir = writeTree(temporaryFolder(), { 'package.json': JSON.stringify({ name: 'app', dependencies: { many: '1' } }), ...installed('many', '1.0.0', nested) });
    const { report } = await scanJson(dir);
    expect(outcomeOf(report, 'many')).toBe('free');
  }, 30_000);
});

describe.runIf(process.env.HOSTILE_LARGE)('25 MB lockfiles of each kind (npm run test:large)', () => {
  const cases: [string, () => string][] = [
    ['package-lock.json', () => packageLock(55_000, { pad: 300 })],
    ['yarn.lock', () => yarnClassic(75_000, 250)],
    ['yarn.lock', () => yarnBerry(70_000, 250)],
    ['pnpm-lock.yaml', () => pnpmLock(70_000, 250)],
  ];
  for (const [file, make] of cases) {
    it(`${file}: parsed in time proportional to its size`, async () => {
      const text = make();
      expect(text.length).toBeGreaterThan(25_000_000);
      const dir = writeTree(temporaryFolder(), { 'package.json': rootManifest(0), [file]: text });
      // In proportion to size: at most 1 s of CPU per MB (YAML through the yaml package costs most).
      await scanJson(dir, [], (text.length / 1_000_000) * 1_000);
    }, 300_000);
  }
});
