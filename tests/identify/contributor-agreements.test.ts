// A contributor agreement in a licence file binds contributors, not users: beside a licence for
// users it is left out of the file's expression (marked's LICENSE.md was unknown for it); alone, it
// is kept, and the file is not free.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTRIBUTOR_AGREEMENTS, withoutContributorAgreements } from '../../src/identify/contributor-agreements.js';

describe('contributor agreements in a licence file', async () => {
  const { identifyLicenceText } = await import('../../src/identify/identify-file.js');
  // Running from source, the first identification compiles the known texts: not part of a test's time.
  beforeAll(() => void identifyLicenceText('LICENSE', 'warm-up'), 120_000);
  const marked = readFileSync('fixtures/identify/marked-cla.md', 'utf8');

  it('reads marked’s LICENSE.md (a contribution agreement, then MIT, then Markdown’s BSD-3-Clause) as MIT AND BSD-3-Clause', () => {
    const found = identifyLicenceText('LICENSE.md', marked);
    expect(found.expression).toBe('MIT AND BSD-3-Clause');
    // The agreement is still reported as found.
    expect(found.matches.map((match) => match.id)).toContain('LicenseRef-scancode-generic-cla AND MIT');
  });

  it('keeps an agreement that is all the file says: no licence for users is read from it', () => {
    const agreement = marked.slice(0, marked.indexOf('## Marked'));
    expect(identifyLicenceText('LICENSE.md', agreement).expression).toContain('LicenseRef-scancode-generic-cla');
  });

  it('leaves an agreement out only where it is ANDed beside a licence for users', () => {
    const cla = 'LicenseRef-scancode-generic-cla';
    expect(withoutContributorAgreements(`MIT AND (${cla} AND MIT)`)).toBe('MIT');
    expect(withoutContributorAgreements(`(MIT AND BSD-3-Clause) AND (${cla} AND MIT)`)).toBe('MIT AND BSD-3-Clause');
    expect(withoutContributorAgreements(`Apache-2.0 AND LicenseRef-scancode-dco-1.1`)).toBe('Apache-2.0');
    expect(withoutContributorAgreements(cla)).toBe(cla);
    expect(withoutContributorAgreements(`${cla} AND LicenseRef-scancode-dco-1.1`)).toBe(`${cla} AND LicenseRef-scancode-dco-1.1`);
    expect(withoutContributorAgreements(`MIT OR ${cla}`)).toBe(`MIT OR ${cla}`);
    expect(withoutContributorAgreements('GPL-2.0-only AND LicenseRef-scancode-ms-cla')).toBe('GPL-2.0-only');
    expect(withoutContributorAgreements('MIT AND BSD-3-Clause')).toBe('MIT AND BSD-3-Clause');
    expect(CONTRIBUTOR_AGREEMENTS.size).toBe(18);
  });
});
