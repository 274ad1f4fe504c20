// A long scan shows progress on an interactive terminal only: never on a pipe, never in a CI log,
// never with --quiet, and the report itself is the same either way.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { progressWanted, type Io } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

/** 600 packages with a declared licence and no licence file: long enough, and quick to scan. */
const SIZE = 600;
let tree: string;
beforeAll(() => {
  tree = mkdtempSync(join(tmpdir(), 'copyfair-progress-'));
  const dependencies: Record<string, string> = {};
  for (let i = 0; i < SIZE; i++) {
    dependencies[`p${i}`] = '1.0.0';
    mkdirSync(join(tree, 'node_modules', `p${i}`), { recursive: true });
    writeFileSync(join(tree, 'node_modules', `p${i}`, 'package.json'), JSON.stringify({ name: `p${i}`, version: '1.0.0', license: 'MIT' }));
  }
  writeFileSync(join(tree, 'package.json'), JSON.stringify({ name: 'big', version: '1.0.0', dependencies }));
});
afterAll(() => rmSync(tree, { recursive: true, force: true }));

async function scanWith(io: Partial<Io>, ...flags: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(['node', 'copyfair', 'scan', tree, '--format', 'json', '--date', '2026-01-01', ...flags], {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    isTty: false,
    ...io,
  });
  return { stdout, stderr, code };
}

describe('scan progress', () => {
  it('counts packages on an interactive terminal, then clears the line; the report is unchanged', async () => {
    const shown = await scanWith({ progress: true });
    expect(shown.stderr).toContain(`\rcopyfair: 100/${SIZE} packages`);
    expect(shown.stderr).toContain(`\rcopyfair: ${SIZE}/${SIZE} packages`);
    expect(shown.stderr.endsWith('\r\x1b[K')).toBe(true);
    const piped = await scanWith({ progress: false });
    expect(piped.stderr).toBe('');
    expect(shown.stdout).toBe(piped.stdout);
    expect(JSON.parse(piped.stdout).summary.total).toBe(SIZE);
    expect(shown.code).toBe(piped.code);
  });

  it('is silent with --quiet even on a terminal', async () => {
    expect((await scanWith({ progress: true }, '--quiet')).stderr).toBe('');
  });

  it('is wanted only when stderr is a terminal and no CI variable says it is a log', () => {
    expect(progressWanted({ isTTY: true }, {})).toBe(true);
    expect(progressWanted({ isTTY: false }, {})).toBe(false);
    expect(progressWanted({}, {})).toBe(false);
    expect(progressWanted({ isTTY: true }, { CI: 'true' })).toBe(false);
    expect(progressWanted({ isTTY: true }, { CI: '1' })).toBe(false);
    expect(progressWanted({ isTTY: true }, { CI: 'woodpecker' })).toBe(false);
    expect(progressWanted({ isTTY: true }, { CI: 'false' })).toBe(true);
    expect(progressWanted({ isTTY: true }, { CI: '' })).toBe(true);
  });
});
