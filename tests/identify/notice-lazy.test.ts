// The notice rules (4 MB) are loaded on the first text with no known licence text in it, never by
// commands that read no licence text (issue 11's cold-start budget for `check`).
import { expect, it } from 'vitest';
import { identifyText } from '../../src/identify/index.js';
import { noticeIndexLoaded } from '../../src/identify/notice-rules.js';
import { run } from '../cli/run.js';

it('check never loads the notice rules; a notice-only text does', async () => {
  const result = await run(['check', 'MIT']);
  expect(result.code).toBe(0);
  expect(noticeIndexLoaded()).toBe(false);
  expect(identifyText('Released under the MIT license.').expression).toBe('MIT');
  expect(noticeIndexLoaded()).toBe(true);
});
