// The diagnostic codes are a closed, documented list: every code in src/diagnostics.ts is in
// docs/diagnostics.md (or docs/config.md for config-*), each once, and every code used in src/
// is declared.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { DIAGNOSTICS } from '../src/diagnostics.js';
import { CONFIG_DIAGNOSTICS } from '../src/policy/hooks.js';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const documented = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((match) => match[1]!);

it('every declared code is documented once, with its severity', () => {
  const docs = documented('docs/diagnostics.md');
  expect(new Set(docs).size).toBe(docs.length);
  expect(docs.sort()).toEqual(Object.keys(DIAGNOSTICS).sort());
  const text = readFileSync('docs/diagnostics.md', 'utf8');
  for (const [code, { severity }] of Object.entries(DIAGNOSTICS)) {
    expect(text).toMatch(new RegExp(`\\| \`${code}\` \\| ${severity} \\|`));
  }
});

it('every config code is documented in docs/config.md, with its severity', () => {
  const docs = documented('docs/config.md');
  expect(docs.sort()).toEqual(Object.keys(CONFIG_DIAGNOSTICS).sort());
  const text = readFileSync('docs/config.md', 'utf8');
  for (const [code, severity] of Object.entries(CONFIG_DIAGNOSTICS)) expect(text).toMatch(new RegExp(`\\| \`${code}\` \\| ${severity} \\|`));
});

it('every code used in src/ is declared', () => {
  const used = new Set<string>();
  for (const file of sources('src')) {
    for (const match of readFileSync(file, 'utf8').matchAll(/[dD]iagnostic\(\s*'([a-z0-9-]+)'/g)) used.add(match[1]!);
  }
  expect([...used].filter((code) => !(code in DIAGNOSTICS) && !(code in CONFIG_DIAGNOSTICS))).toEqual([]);
});
