// The README and docs/diff.md show the real output of the diff they show; docs/ci.md's comment
// example starts as the real Markdown does.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { run } from '../cli/run.js';

const COMMAND = 'npx copyfair diff fixtures/diff/before-ui-kit/package-lock.json fixtures/demo-app/package-lock.json --date 2026-11-24';
const blockAfter = (text: string, marker: string) => {
  const start = text.indexOf('\n', text.indexOf(marker)) + 1;
  return text.slice(start, text.indexOf('```', start));
};

it('README and docs/diff.md show the real diff of the demo app before and after ui-kit', async () => {
  const result = await run(COMMAND.split(' ').slice(2));
  expect(result.code).toBe(1);
  for (const file of ['README.md', 'docs/diff.md']) expect(blockAfter(readFileSync(file, 'utf8'), `$ ${COMMAND}`), file).toBe(result.stdout);
});

it('docs/ci.md shows the start of the real pull-request comment', async () => {
  const result = await run([...COMMAND.split(' ').slice(2), '--format', 'markdown']);
  const docs = readFileSync('docs/ci.md', 'utf8');
  const shown = blockAfter(docs, docs.slice(docs.indexOf('The comment looks like this')).match(/```text/)![0]).split('…')[0]!;
  expect(shown.length).toBeGreaterThan(100);
  expect(result.stdout.startsWith(shown)).toBe(true);
});

it('docs/sbom.md shows the start of the real scan of the SPDX fixture', async () => {
  const result = await run(['scan', 'fixtures/sbom/spdx/data-service.spdx.json', '--date', '2026-11-24']);
  const shown = blockAfter(readFileSync('docs/sbom.md', 'utf8'), '$ npx copyfair scan fixtures/sbom/spdx/data-service.spdx.json').split('…')[0]!;
  expect(result.stdout.startsWith(shown)).toBe(true);
});
