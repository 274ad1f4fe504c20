import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
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
