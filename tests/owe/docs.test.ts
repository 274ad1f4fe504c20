// docs/payback.md and the README show real output of `notice` and `payback`: these tests fail when
// the commands they show would print something else.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { run } from '../cli/run.js';

const docs = readFileSync('docs/payback.md', 'utf8');
const readme = readFileSync('README.md', 'utf8');
/** The fenced block after `marker` in `text`. */
const blockAfter = (text: string, marker: string) => {
  const start = text.indexOf('```text\n', text.indexOf(marker)) + '```text\n'.length;
  return text.slice(start, text.indexOf('```', start));
};

it('shows the real payback plan of the demo app, in the README and the docs', async () => {
  const result = await run(['payback', 'fixtures/demo-app', '--budget', '100', '--currency', 'EUR', '--date', '2026-11-24']);
  const command = '$ npx copyfair payback fixtures/demo-app --budget 100 --currency EUR\n';
  const shown = readme.slice(readme.indexOf(command) + command.length, readme.indexOf('```', readme.indexOf(command)));
  expect(shown).toBe(result.stdout);
  expect(blockAfter(docs, 'On the demo app')).toBe(result.stdout);
});

it('shows the real plan and CSV of fixtures/payback/app', async () => {
  const text = await run(['payback', 'fixtures/payback/app', '--budget', '250', '--currency', 'EUR', '--date', '2026-12-03']);
  expect(blockAfter(docs, 'On `fixtures/payback/app`')).toBe(text.stdout);
  const csv = await run(['payback', 'fixtures/payback/app', '--budget', '250', '--currency', 'EUR', '--date', '2026-12-03', '--format', 'csv']);
  expect(blockAfter(docs, 'And its CSV')).toBe(csv.stdout.replace(/\r\n/g, '\n'));
});

it('shows the real start of the demo app’s notices', async () => {
  const result = await run(['notice', 'fixtures/demo-app', '--date', '2026-11-24']);
  const shown = blockAfter(docs, 'The start of the demo app').replace(/…\n$/, '');
  expect(result.stdout.startsWith(shown)).toBe(true);
});

it('the README shows the real start of the demo app’s notices', async () => {
  const result = await run(['notice', 'fixtures/demo-app', '--date', '2026-11-24']);
  const command = '$ npx copyfair notice fixtures/demo-app\n';
  const shown = readme.slice(readme.indexOf(command) + command.length, readme.indexOf('```', readme.indexOf(command))).replace(/…\n$/, '');
  expect(shown.length).toBeGreaterThan(200);
  expect(result.stdout.startsWith(shown)).toBe(true);
});
