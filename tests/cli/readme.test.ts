// The README shows real output: these tests fail when the commands it shows would print
// something else.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { run } from './run.js';

const readme = readFileSync('README.md', 'utf8');
const blockAfter = (marker: string) => {
  const start = readme.indexOf('```text\n', readme.indexOf(marker)) + '```text\n'.length;
  return readme.slice(start, readme.indexOf('```', start));
};

it('shows the real scan of the demo app', async () => {
  const result = await run(['scan', 'fixtures/demo-app', '--date', '2026-11-24']);
  expect(blockAfter('evaluated on 2026-11-24')).toBe(result.stdout);
});

it('shows the real check of "MIT OR PPL"', async () => {
  const result = await run(['check', 'MIT OR PPL', '--date', '2026-11-24']);
  expect(blockAfter('and what it assumed:').replace(/^\$ .*\n/, '')).toBe(result.stdout);
});

it('tells a newcomer the commands CI runs', () => {
  expect(readme).toContain('npm ci');
  expect(readme).toContain('npm test');
  expect(readFileSync('.ci/run', 'utf8')).toMatch(/npm ci\nnpm test\n/);
});

it('shows the real scan of a Python service with its virtual environment', async () => {
  const result = await run(['scan', 'fixtures/python/venv-app', '--date', '2026-11-24']);
  expect(blockAfter('npx copyfair scan fixtures/python/venv-app')).toBe(result.stdout);
});

it('shows the real scan of a vendored Rust workspace', async () => {
  const result = await run(['scan', 'fixtures/cargo/vendored-workspace', '--date', '2026-11-24']);
  expect(blockAfter('npx copyfair scan fixtures/cargo/vendored-workspace')).toBe(result.stdout);
});
