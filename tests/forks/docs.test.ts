// docs/forks.md shows real output: these tests fail when the commands it shows, on the widget
// repository built by ./demo.ts, would print something else.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { run } from '../cli/run.js';
import { widgetRepository } from './demo.js';
import type { TestRepo } from './git.js';

const docs = readFileSync('docs/forks.md', 'utf8');
const blockAfter = (command: string, fence = 'text') => {
  const at = docs.indexOf(`$ ${command}\n`);
  const start = fence === 'text' ? at + `$ ${command}\n`.length : docs.indexOf('```markdown\n', docs.indexOf(command)) + '```markdown\n'.length;
  return docs.slice(start, docs.indexOf('```', start));
};

let repo: TestRepo;
beforeAll(() => (repo = widgetRepository()));
afterAll(() => repo.remove());

it('shows the real history of the widget project', async () => {
  const result = await run(['history', repo.dir, '--date', '2026-12-03']);
  expect(blockAfter('copyfair history')).toBe(result.stdout);
});

it('shows the real audit of the community fork, as text and as Markdown', async () => {
  const text = await run(['fork', repo.dir, '--upstream', 'main', '--head', 'community', '--date', '2026-12-03']);
  expect(text.code).toBe(1);
  expect(blockAfter('copyfair fork --upstream main --head community')).toBe(text.stdout);
  const markdown = await run(['fork', repo.dir, '--upstream', 'main', '--head', 'community', '--date', '2026-12-03', '--format', 'markdown']);
  expect(blockAfter('--format markdown', 'markdown')).toBe(markdown.stdout);
});

it('the README shows lines of the same audit', async () => {
  const readme = readFileSync('README.md', 'utf8');
  const text = (await run(['fork', repo.dir, '--upstream', 'main', '--head', 'community', '--date', '2026-12-03'])).stdout;
  const shown = readme.slice(readme.indexOf('$ copyfair fork --upstream main --head community\n'), readme.indexOf('```', readme.indexOf('$ copyfair fork --upstream main --head community\n')));
  for (const line of shown.split('\n').slice(1).filter((line) => line !== '' && line !== '…')) expect(text.split('\n')).toContain(line);
});
