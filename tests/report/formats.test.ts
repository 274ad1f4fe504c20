// Every output format on a hand-made report (tests/report/fixture-report.ts): golden files, and
// each byte-identical across runs. UPDATE_GOLDEN=1 rewrites the golden files.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXTENSIONS, REPORTERS, type Format } from '../../src/report/index.js';
import { fixtureReport } from './fixture-report.js';

const options = { color: false, width: 80, failOn: ['payback' as const, 'forbidden' as const, 'unknown' as const] };
const render = async (format: Format) => (await REPORTERS[format]())(fixtureReport(), options);

const golden = (name: string, text: string) => {
  const path = `tests/report/__golden__/${name}`;
  if (process.env.UPDATE_GOLDEN) writeFileSync(path, text);
  return readFileSync(path, 'utf8');
};

describe.each(Object.keys(REPORTERS) as Format[])('%s', (format) => {
  it('matches its golden file', async () => {
    const text = await render(format);
    expect(text).toBe(golden(`shop.${EXTENSIONS[format]}`, text));
  });

  it('is deterministic: rendered twice from fresh reports, byte-identical', async () => {
    expect(await render(format)).toBe(await render(format));
  });

  it('does not change the report it renders', async () => {
    const report = fixtureReport();
    const before = JSON.stringify(report);
    (await REPORTERS[format]())(report, options);
    expect(JSON.stringify(report)).toBe(before);
  });
});
