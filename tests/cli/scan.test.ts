import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { built, run, spawnCli } from './run.js';

const golden = (name: string) => readFileSync(new URL(`./__golden__/${name}`, import.meta.url), 'utf8');
const temporary = mkdtempSync(join(tmpdir(), 'copyfair-scan-'));
afterAll(() => rmSync(temporary, { recursive: true, force: true }));

describe('copyfair scan', () => {
  it('prints the whole report for the demo app and fails the run', async () => {
    const result = await run(['scan', 'fixtures/demo-app', '--date', '2026-01-01']);
    expect(result).toEqual({ stdout: golden('scan-demo-app.txt'), stderr: '', code: 1 });
  });

  it('names the bundled part whose licence makes what a package owes', async () => {
    const result = await run(['scan', 'fixtures/npm/reuse', '--date', '2026-01-01', '--no-color']);
    const entry = result.stdout.slice(result.stdout.indexOf('  compiling-lib 1.0.0'));
    expect(entry.slice(0, entry.indexOf('via ')).replace(/\s+/g, ' ')).toContain('in code it keeps or bundles from another project: MPL-2.0 (node_modules/compiling-lib/dist/compiled/@vercel/og/LICENSE)');
    expect(entry.slice(0, entry.indexOf('via '))).not.toContain('Isaac Z. Schlueter');
    const markdown = (await run(['scan', 'fixtures/npm/reuse', '--date', '2026-01-01', '--format', 'markdown'])).stdout;
    expect(markdown.split('\n').find((line) => line.includes('compiling-lib@1.0.0'))).toContain('<br>in code it keeps or bundles from another project: MPL-2.0 (node_modules/compiling-lib/dist/compiled/&#64;vercel/og/LICENSE)');
  });

  it('passes when nothing in --fail-on is hit', async () => {
    expect((await run(['scan', 'fixtures/demo-app', '--fail-on', 'forbidden,unknown'])).code).toBe(0);
  });

  it('prints the versioned JSON report', async () => {
    const result = await run(['scan', 'fixtures/demo-app', '--date', '2026-01-01', '--format', 'json']);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual(['schemaVersion', 'tool', 'profile', 'project', 'answer', 'decidingFacts', 'summary', 'components', 'diagnostics']);
    expect(report.schemaVersion).toBe(1);
    expect(Object.keys(report.components[0])).toEqual(expect.arrayContaining(['name', 'version', 'scope', 'paths', 'expression', 'evidence', 'verdict']));
  });

  it('writes --output atomically and several formats into --output-dir, never into the scanned tree', async () => {
    const before = readdirSync('fixtures/demo-app').sort();
    const file = join(temporary, 'out', 'report.json');
    expect((await run(['scan', 'fixtures/demo-app', '--format', 'json', '--output', file])).stdout).toBe('');
    expect(JSON.parse(readFileSync(file, 'utf8')).schemaVersion).toBe(1);
    const dir = join(temporary, 'all');
    await run(['scan', 'fixtures/demo-app', '--format', 'text,json', '--output-dir', dir]);
    expect(readdirSync(dir).sort()).toEqual(['report.json', 'report.txt']);
    expect(readdirSync('fixtures/demo-app').sort()).toEqual(before);
  });

  it('refuses bad usage with exit 2', async () => {
    expect(await run(['scan', 'fixtures/demo-app', '--format', 'pdf'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--format: "pdf" is not one of') });
    expect(await run(['scan', 'fixtures/demo-app', '--format', 'text,json'])).toMatchObject({ code: 2, stderr: expect.stringContaining('need --output-dir') });
    expect(await run(['scan', 'fixtures/no-such-folder'])).toMatchObject({ code: 2, stderr: expect.stringContaining('is not a folder') });
    expect((await run(['scan', 'fixtures/npm/workspaces', '--workspace', 'nope'])).code).toBe(2);
    expect((await run(['scan', temporary])).code).toBe(2);
  });
});

describe.runIf(built)('the built binary scans the demo app', () => {
  it('with no colour, the same output', () => {
    const result = spawnCli(['scan', 'fixtures/demo-app', '--date', '2026-01-01']);
    expect(result.stdout).toBe(golden('scan-demo-app.txt'));
    expect(result.code).toBe(1);
    expect(existsSync('fixtures/demo-app/report.json')).toBe(false);
  });
});

describe.runIf(built)('the report’s order', () => {
  it('is the same whatever the user’s locale', () => {
    // Estonian collation puts "z" between "s" and "t", Lithuanian "y" with "i": a report sorted by
    // the locale's collation differed from machine to machine.
    const root = join(temporary, 'locale-tree');
    const names = ['zod', 'y18n', 'tar', 'sax', 'ini', 'Zebra'];
    writeFileSync(join(mkdirs(root), 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', dependencies: Object.fromEntries(names.map((name) => [name, '1.0.0'])) }));
    for (const name of names) writeFileSync(join(mkdirs(join(root, 'node_modules', name)), 'package.json'), JSON.stringify({ name, version: '1.0.0', license: 'MIT' }));
    const order = (locale: string) => {
      const result = spawnCli(['scan', root, '--format', 'json', '--date', '2026-01-01'], undefined, { COPYFAIR_NO_CACHE: '1', LANG: locale, LC_ALL: locale });
      return (JSON.parse(result.stdout) as { components: { name: string }[] }).components.map((component) => component.name);
    };
    const expected = ['Zebra', 'ini', 'sax', 'tar', 'y18n', 'zod'];
    expect(order('C')).toEqual(expected);
    expect(order('et_EE.UTF-8')).toEqual(expected);
    expect(order('lt_LT.UTF-8')).toEqual(expected);
  });
});

function mkdirs(path: string): string {
  mkdirSync(path, { recursive: true });
  return path;
}
