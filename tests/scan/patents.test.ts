// A PATENTS file beside a package's licence was never read: Facebook's "Additional Grant of Patent
// Rights Version 2" beside React 15's, Immutable.js 3's or signedsource's BSD text, Google's for Go
// beside every golang.org/x module's, and equally a PATENTS file that asks for a patent licence to
// be bought. Now it is read like a licence text; a known patent grant is ANDed with the declared
// licence without a mismatch (it grants patents besides, and claims nothing against it).
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/scan/index.js';
import { isLicenceText } from '../../src/ecosystems/npm/licence-files.js';
import { textOf } from '../identify/scenarios.js';
import { oneDependency } from '../helpers/one-dependency.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const BSD3 = textOf('BSD-3-Clause').replace('<year>', '2015').replace('<owner>', 'Facebook, Inc.');
/** signedsource 1.0.0's PATENTS file, as published on npm. */
const FACEBOOK_PATENTS = readFileSync('fixtures/identify/signedsource-1.0.0-PATENTS', 'utf8');

async function scanned(files: Record<string, string>) {
  const root = oneDependency('copyfair-patents-', { name: 'signedsource', license: 'BSD-3-Clause' }, files);
  made.push(root);
  const report = await scan(root, { profile: { entity: 'for-profit', uses: ['distribute'], date: '2026-01-01' }, toolVersion: 'test' });
  return { report, component: report.components.find((component) => component.name === 'signedsource')! };
}

describe('a PATENTS file beside a licence', () => {
  it('is a licence text by its name (PATENTS, PATENTS.md), not a script named so', () => {
    for (const name of ['PATENTS', 'PATENTS.md', 'patents.txt']) expect(isLicenceText(name), name).toBe(true);
    for (const name of ['patents.js', 'patents.json']) expect(isLicenceText(name), name).toBe(false);
  });

  it("Facebook's patent grant: read, ANDed with the declared licence, free, its termination told, no mismatch", async () => {
    const { report, component } = await scanned({ LICENSE: BSD3, PATENTS: FACEBOOK_PATENTS });
    expect(component.licenceFiles).toEqual(['node_modules/signedsource/LICENSE', 'node_modules/signedsource/PATENTS']);
    expect(component.expression).toBe('BSD-3-Clause AND LicenseRef-scancode-facebook-patent-rights-2');
    expect(component.verdict.outcome).toBe('free');
    expect(component.verdict.obligations.some((obligation) => obligation.kind === 'conduct' && obligation.licence === 'LicenseRef-scancode-facebook-patent-rights-2')).toBe(true);
    expect(report.diagnostics.filter((diagnostic) => diagnostic.code === 'licence-mismatch')).toEqual([]);
  });

  it('a PATENTS file that asks for a patent licence to be bought: not free', async () => {
    const { component } = await scanned({ LICENSE: BSD3, PATENTS: 'This software is covered by US Patent 9,999,999 held by Acme Inc. Commercial use requires a patent licence from Acme.\n' });
    expect(component.licenceFiles).toContain('node_modules/signedsource/PATENTS');
    expect(component.verdict.outcome).not.toBe('free');
  });

  it('the licence alone is still the licence, free', async () => {
    const { component } = await scanned({ LICENSE: BSD3 });
    expect(component.expression).toBe('BSD-3-Clause');
    expect(component.verdict.outcome).toBe('free');
  });
});
