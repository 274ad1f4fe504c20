// Every kind of config problem, with its exact message, position and carets (golden files in
// tests/policy/__golden__/<case>.txt; UPDATE_GOLDEN=1 rewrites them).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadPolicy } from '../../src/policy/index.js';
import { run } from '../cli/run.js';

/** The whole error text a user sees for a config, or '' when it is valid. */
function errorOf(configPath: string): string {
  try {
    loadPolicy('.', { configPath });
  } catch (error) {
    if (error instanceof ConfigError) return `${error.message}\n`;
    throw error;
  }
  return '';
}

const golden = (name: string, text: string) => {
  const path = `tests/policy/__golden__/${name}.txt`;
  if (process.env.UPDATE_GOLDEN) writeFileSync(path, text);
  return readFileSync(path, 'utf8');
};

describe.each([
  ['broken', 'fixtures/policy/broken.yaml'],
  ['types', 'fixtures/policy/types/copyfair.yaml'],
  ['package-json', 'fixtures/policy/package-json/package.json'],
  ['not-a-mapping', 'fixtures/policy/not-a-mapping/copyfair.yaml'],
  ['syntax', 'fixtures/policy/syntax.yaml'],
])('%s', (name, file) => {
  it('gives every problem with its position, carets and what was expected', () => {
    const text = errorOf(file);
    expect(text).toBe(golden(name, text));
  });
});

describe('kinds of problem', () => {
  it('wrong types, missing keys and misspelt licence ids', () => {
    const text = errorOf('fixtures/policy/types/copyfair.yaml');
    expect(text).toMatch(/^the configuration has 12 problems:\n/);
    expect(text).toContain('fixtures/policy/types/copyfair.yaml:3:23: `profile.surplus-to-workers` must be true or false, got "yes please"\n    surplus-to-workers: yes please\n                        ^^^^^^^^^^\n');
    expect(text).toContain('fixtures/policy/types/copyfair.yaml:10:5: unknown key `reson` in `exceptions.0`; did you mean `reason`?');
    expect(text).toContain('fixtures/policy/types/copyfair.yaml:9:5: missing `reason`');
    expect(text).toContain('fixtures/policy/types/copyfair.yaml:12:14: unknown licence id "GPL-3.0-onyl"; did you mean "GPL-3.0-only"');
    expect(text).toContain('fixtures/policy/types/copyfair.yaml:14:17: `clarifications` must be a list of entries with package, version, expression, file, sha256');
  });

  it('locates problems in package.json itself, not in a copy of the copyfair key', () => {
    expect(errorOf('fixtures/policy/package-json/package.json')).toContain('fixtures/policy/package-json/package.json:6:28: `profile.entity` is "coop"');
  });

  it('a --config that does not exist is a usage error', async () => {
    const result = await run(['scan', 'fixtures/demo-app', '--config', 'fixtures/policy/nowhere.yaml']);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toContain('fixtures/policy/nowhere.yaml:1:1: no such config file');
  });

  it('a line of 3,000 "{": one short problem naming the line, not a call stack and megabytes of the line quoted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'copyfair-policy-'));
    const file = join(dir, 'copyfair.yaml');
    writeFileSync(file, `profile:\n  entity: worker-cooperative\nfail-on: [unknown]\nexceptions: ${'{'.repeat(3000)}\n`);
    const text = errorOf(file);
    expect(text).toMatch(new RegExp(`^the configuration has \\d+ problems?:\\n${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4:\\d+: YAML syntax error: `));
    expect(text).not.toMatch(/call stack/i);
    expect(text.length).toBeLessThan(4_000);
    // The line is quoted around the column, cut with "…", the caret under the column.
    for (const [, line, caret] of text.matchAll(/\n {2}(.*)\n {2}( *\^+)/g)) {
      expect(line!.length).toBeLessThanOrEqual(162);
      expect(caret!.length).toBeLessThanOrEqual(line!.length);
    }
  });

  it('hundreds of problems: the first 25, then how many more', () => {
    const dir = mkdtempSync(join(tmpdir(), 'copyfair-policy-'));
    const file = join(dir, 'copyfair.yaml');
    const exceptions = Array.from({ length: 300 }, (_, i) => `  - package: p${i}\n    reson: typo\n`).join('');
    writeFileSync(file, `exceptions:\n${exceptions}`);
    const text = errorOf(file);
    expect(text).toMatch(/^the configuration has \d{3} problems:/);
    expect(text.match(/^\S+copyfair\.yaml:\d+:\d+: /gm)).toHaveLength(25);
    expect(text).toMatch(/\n… and \d{3} more problems: fix these first, then run again\n$/);
  });

  it('a valid config has no problems', () => {
    expect(errorOf('fixtures/policy/demo-decided.yaml')).toBe('');
  });
});
