// The notice rules (4 MB) are loaded on the first text with no known licence text in it, never by
// commands that read no licence text (issue 11's cold-start budget for `check`). Run in a fresh
// process on the built CLI: test files may share module state.
import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { built } from '../cli/run.js';

const script = `
const { main } = await import(${JSON.stringify(new URL('../../dist/cli/main.js', import.meta.url).href)});
const rules = await import(${JSON.stringify(new URL('../../dist/identify/notice-rules.js', import.meta.url).href)});
const { identifyText } = await import(${JSON.stringify(new URL('../../dist/identify/index.js', import.meta.url).href)});
const io = { stdout: () => {}, stderr: () => {}, isTty: false };
const code = await main(['node', 'copyfair', 'check', 'MIT'], io);
const afterCheck = rules.noticeIndexLoaded();
const expression = identifyText('Released under the MIT license.').expression;
console.log(JSON.stringify({ code, afterCheck, expression, afterNotice: rules.noticeIndexLoaded() }));
`;

it.runIf(built)('check never loads the notice rules; a notice-only text does', () => {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(JSON.parse(result.stdout)).toEqual({ code: 0, afterCheck: false, expression: 'MIT', afterNotice: true });
});
