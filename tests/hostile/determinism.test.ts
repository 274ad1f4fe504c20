// Determinism: the same tree scanned twice, and a copy of it at another path, give byte-identical
// JSON, SARIF and Markdown (every path in a report is relative to the scanned folder).
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { run } from '../cli/run.js';
import { temporaryFolder } from './generate.js';

const FORMATS = ['json', 'sarif', 'markdown', 'junit', 'text'] as const;
const EXT = { json: 'json', sarif: 'sarif', markdown: 'md', junit: 'junit.xml', text: 'txt' } as const;

async function scanAll(dir: string): Promise<Record<string, string>> {
  const out = temporaryFolder();
  const result = await run(['scan', dir, '--format', FORMATS.join(','), '--output-dir', out, '--date', '2026-06-01']);
  expect(result.code).not.toBe(3);
  return Object.fromEntries(FORMATS.map((format) => [format, readFileSync(join(out, `report.${EXT[format]}`), 'utf8')]));
}

it('the same tree twice, and a copy at another path, give byte-identical reports', async () => {
  const copy = join(temporaryFolder(), 'deeper', 'elsewhere', 'demo-app');
  mkdirSync(join(copy, '..'), { recursive: true });
  cpSync('fixtures/demo-app', copy, { recursive: true, verbatimSymlinks: true });
  const first = await scanAll('fixtures/demo-app');
  const second = await scanAll('fixtures/demo-app');
  const moved = await scanAll(copy);
  for (const format of FORMATS) {
    expect(second[format], format).toBe(first[format]);
    expect(moved[format], format).toBe(first[format]);
    expect(first[format], format).not.toContain(process.cwd());
  }
});
