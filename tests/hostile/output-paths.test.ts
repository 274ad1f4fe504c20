// Output paths: a mistyped --output or --output-dir is a usage error (exit 2) that leaves nothing
// behind, checked before the scan; with --output the headline still reaches the terminal.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../cli/run.js';
import { survived } from './harness.js';
import { installed, temporaryFolder, writeTree } from './generate.js';

const project = () => writeTree(temporaryFolder(), { 'package.json': JSON.stringify({ name: 'app', dependencies: { plain: '1' } }), ...installed('plain', '1.0.0', 'MIT') });

describe('output paths', () => {
  it('--output naming a folder: exit 2, nothing written', async () => {
    const out = temporaryFolder();
    const result = await run(['scan', project(), '--output', out]);
    survived(result, 0);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--output .*: is a folder/);
    expect(readdirSync(out)).toEqual([]);
  });

  it('--output to a path in a missing folder: the folders are created, the report written', async () => {
    const out = join(temporaryFolder(), 'a', 'b', 'report.json');
    const result = await run(['scan', project(), '--format', 'json', '--output', out]);
    expect(result.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).schemaVersion).toBe(1);
  });

  it('--output below a file: exit 2', async () => {
    const file = join(temporaryFolder(), 'file');
    writeFileSync(file, 'x');
    const result = await run(['scan', project(), '--output', join(file, 'report.txt')]);
    expect(result.code).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe('x');
  });

  it('--output to a read-only place: exit 2 naming the path, no temporary file left', async () => {
    const result = await run(['scan', project(), '--output', '/proc/copyfair-report.txt']);
    survived(result, 0);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/\/proc\/copyfair-report\.txt: cannot be written/);
    expect(readdirSync('/proc').filter((name) => name.includes('copyfair'))).toEqual([]);
  });

  it('--output-dir on a file or /dev/null: exit 2, nothing left behind', async () => {
    const folder = temporaryFolder();
    const file = join(folder, 'file');
    writeFileSync(file, 'x');
    for (const target of [file, '/dev/null']) {
      const result = await run(['scan', project(), '--format', 'text,json', '--output-dir', target]);
      survived(result, 0);
      expect(result.code, target).toBe(2);
      expect(result.stderr).toMatch(/--output-dir .*: is (a file|not a folder)/);
    }
    expect(readdirSync(folder)).toEqual(['file']);
    expect(existsSync('/dev/report.txt')).toBe(false);
  });

  it('with --output, the headline still goes to the terminal (stderr), on one line', async () => {
    const out = join(temporaryFolder(), 'report.md');
    const result = await run(['scan', project(), '--format', 'markdown', '--output', out]);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^copyfair: .+ \(report in .+report\.md\)\n$/);
  });
});
