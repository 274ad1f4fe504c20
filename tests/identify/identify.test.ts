// Scenarios of issue 4: several licences in one file, riders and choices, "or later" grants,
// parameters, line ranges, and unknown texts that must not be guessed.
import { describe, expect, it } from 'vitest';
import { THRESHOLD, identifyText } from '../../src/identify/index.js';
import { buslFile, fixture, replacedIn, textOf } from './scenarios.js';
import { NOT_LICENCES, paragraphs } from './variants.js';

const SEPARATOR = '\n\n--------------------------------------------------------------------\n\n';

describe('several licences in one file', () => {
  it('Apache-2.0 followed by the Commons Clause is a rider: AND', () => {
    const result = identifyText(`${textOf('Apache-2.0')}${SEPARATOR}${textOf('LicenseRef-scancode-commons-clause')}`);
    expect(result.expression).toBe('Apache-2.0 AND LicenseRef-scancode-commons-clause');
    expect(result.matches.map((match) => match.id)).toEqual(['Apache-2.0', 'LicenseRef-scancode-commons-clause']);
  });

  it("Apache-2.0, then OpenSSL's licence ending in SSLeay's \"[including the GNU Public Licence.]\", then ISC (couchbase's LICENSE): all three", () => {
    const openssl = textOf('OpenSSL');
    expect(openssl).toContain('[including the GNU Public Licence.]');
    expect(identifyText(openssl).expression).toBe('OpenSSL');
    expect(identifyText(textOf('SSLeay-standalone')).expression).toBe('SSLeay-standalone');
    const result = identifyText(`${textOf('Apache-2.0')}${SEPARATOR}${openssl}${SEPARATOR}${textOf('ISC')}`);
    expect(result.expression).toBe('Apache-2.0 AND OpenSSL AND ISC');
  });

  it('the Commons Clause first and MIT after is still a rider on MIT', () => {
    const result = identifyText(`${textOf('LicenseRef-scancode-commons-clause')}${SEPARATOR}${textOf('MIT')}`);
    expect(result.expression).toBe('MIT AND LicenseRef-scancode-commons-clause');
  });

  it('a dual licence whose own words offer a choice is OR', () => {
    const result = identifyText(`${fixture('dual-notice.md')}${textOf('MIT')}${SEPARATOR}${textOf('Apache-2.0')}`);
    expect(result.expression).toBe('MIT OR Apache-2.0');
  });

  it('two licences with no words of choice are AND, the safe reading', () => {
    const result = identifyText(`${textOf('MIT')}${SEPARATOR}${textOf('ISC')}`);
    expect(result.expression).toBe('MIT AND ISC');
  });

  it('the combined AGPL + SSPL + Elastic file reports all three', () => {
    const text = [
      'Source code in this repository is covered by one of three licences: the GNU Affero General Public',
      'License v3.0 only, the Server Side Public License, v 1, or the Elastic License 2.0.',
      '',
      textOf('AGPL-3.0-only'),
      textOf('SSPL-1.0'),
      textOf('Elastic-2.0'),
    ].join('\n');
    const result = identifyText(text);
    expect(result.matches.map((match) => match.id)).toEqual(['AGPL-3.0-only', 'SSPL-1.0', 'Elastic-2.0']);
    expect(result.expression).toBe('AGPL-3.0-only AND SSPL-1.0 AND Elastic-2.0');
  });

  it('a bundled-licences file with a dozen texts reports every one', () => {
    const ids = ['MIT', 'ISC', 'BSD-2-Clause', 'BSD-3-Clause', 'Apache-2.0', 'Zlib', 'Unlicense', 'MPL-2.0', 'PPL', 'Elastic-2.0', 'BlueOak-1.0.0', 'PostgreSQL'];
    const result = identifyText(ids.map((id) => `## ${id}\n\n${textOf(id)}`).join(SEPARATOR));
    expect(result.matches.map((match) => match.id)).toEqual(ids);
    expect(result.expression).toBe(ids.join(' AND '));
  });

  it('matches come with their line ranges, in file order', () => {
    const mit = textOf('MIT');
    const result = identifyText(`${mit}${SEPARATOR}${textOf('ISC')}`);
    const mitLines = mit.split('\n').length;
    expect(result.matches[0]).toMatchObject({ id: 'MIT', start: 1 });
    expect(result.matches[0]!.end).toBeLessThanOrEqual(mitLines);
    expect(result.matches[1]!.start).toBeGreaterThan(mitLines);
  });

  it('GPL-2.0 with the Classpath exception is a WITH expression', () => {
    const exception = textOf('Classpath-exception-2.0');
    const result = identifyText(`${textOf('GPL-2.0-only')}\n\n${exception}`);
    expect(result.expression).toBe('GPL-2.0-only WITH Classpath-exception-2.0');
  });
});

describe('GPL: -only unless the notice says "or (at your option) any later version"', () => {
  it('a bare GPL text is -only (its own appendix does not count)', () => {
    expect(identifyText(textOf('GPL-3.0-only')).expression).toBe('GPL-3.0-only');
    expect(identifyText(textOf('GPL-2.0-or-later')).expression).toBe('GPL-2.0-only');
  });

  it('a notice granting later versions makes it -or-later', () => {
    const notice =
      'This program is free software; you can redistribute it and/or modify it under the terms of the GNU General Public License as published by the Free Software Foundation; either version 2 of the License, or (at your option) any later version.\n\n';
    expect(identifyText(`${notice}${textOf('GPL-2.0-only')}`).expression).toBe('GPL-2.0-or-later');
    expect(identifyText(`${notice.replace(/version 2/, 'version 2.1').replace(/General/g, 'Lesser General')}${textOf('LGPL-2.1-only')}`).expression).toBe(
      'LGPL-2.1-or-later',
    );
  });
});

describe('parameters', () => {
  it('BUSL-1.1: licensor, licensed work, additional use grant, change date, change licence', () => {
    const result = identifyText(buslFile());
    expect(result.expression).toBe('BUSL-1.1');
    expect(result.matches[0]!.parameters).toEqual({
      licensor: 'Acme Data Systems, Inc.',
      licensedWork: 'Acme Engine 3.2.0. The Licensed Work is (c) 2024 Acme Data Systems, Inc.',
      additionalUseGrant:
        "You may make production use of the Licensed Work, provided Your use does not include offering the Licensed Work to third parties on a hosted or embedded basis in order to compete with Acme's paid version(s) of the Licensed Work.",
      changeDate: '2028-09-01',
      changeLicense: 'MPL-2.0',
    });
  });

  it('Hippocratic 3.0 with modules from the badge is the full licence with its modules', () => {
    const result = identifyText(`${fixture('hl3-badge.md')}${textOf('Hippocratic-3.0-core')}`);
    expect(result.expression).toBe('LicenseRef-scancode-Hippocratic-3.0');
    expect(result.matches[0]!.parameters).toEqual({ modules: ['BDS', 'MIL', 'NC'] });
  });

  it('Hippocratic 3.0 core alone is the SPDX id', () => {
    expect(identifyText(textOf('Hippocratic-3.0-core')).expression).toBe('Hippocratic-3.0-core');
  });

  it('the full Hippocratic 3.0 text lists the modules it carries', () => {
    const result = identifyText(textOf('LicenseRef-scancode-Hippocratic-3.0'));
    expect(result.expression).toBe('LicenseRef-scancode-Hippocratic-3.0');
    expect(result.matches[0]!.parameters?.modules).toEqual(expect.arrayContaining(['BDS', 'ECO', 'MIL', 'LAW', 'CL']));
  });

  it('Fair Source 0.9: the user limit', () => {
    const text = textOf('LicenseRef-scancode-fair-source-0.9')
      .replace('[number]', '15')
      .replace('[legal name of licensor]', 'Acme Co-op');
    const result = identifyText(text);
    expect(result.expression).toBe('LicenseRef-scancode-fair-source-0.9');
    expect(result.matches[0]!.parameters).toEqual({ userLimit: 15 });
  });

  // Licences read from the text their packages ship (licences/texts/): the WalletConnect and Reown
  // community licences (2025), the SONAR Source-Available License v1.0 (eslint-plugin-sonarjs),
  // ApexCharts' licence options (apexcharts 7), Syncfusion's licensing statement (@syncfusion/ej2-*).
  // Each with a term added before one of its headings or paragraphs.
  it.each([
    ['LicenseRef-WalletConnect-Community-2025', '**4\\. DISCLAIMER OF WARRANTY**', 'You may not use these Items for any commercial purpose.'],
    ['LicenseRef-Reown-Community-2025', '**4\\. DISCLAIMER OF WARRANTY**', 'You may not use these Items for any commercial purpose.'],
    ['LicenseRef-SonarSource-SAL-1.0', '4. NO WARRANTY', 'You may not use the Program in any commercial product.'],
    ['LicenseRef-ApexCharts-2026', '### 💼 Commercial License (Paid)', 'Use in any product sold to the public sector is not allowed.'],
    ['LicenseRef-Syncfusion-Essential-Studio', 'Customers who do not qualify', 'You may not use this product in any government project.'],
  ])('%s as its package ships it; a term added keeps it unknown', (id, heading, term) => {
    const text = textOf(id);
    expect(identifyText(text).expression).toBe(id);
    const added = text.replace(heading, `${term}\n\n${heading}`);
    expect(added).not.toBe(text);
    expect(identifyText(added).expression).toBeNull();
  });

  it('the Lil License v1 (golden-fleece): a permissive text of its own, free; a term added or a grant narrowed keeps it unknown', async () => {
    const lil = `Copyright (c) 2017 Rich Harris\n\n${textOf('LicenseRef-scancode-lil-1')}`;
    expect(identifyText(lil).expression).toBe('LicenseRef-scancode-lil-1');
    const { evaluate } = await import('../../src/evaluate/index.js');
    expect(evaluate('LicenseRef-scancode-lil-1', { entity: 'for-profit', uses: ['distribute', 'modify'] }).outcome).toBe('free');
    expect(identifyText(lil.replace('The software is provided', 'You may not use the software in any commercial product.\n\nThe software is provided')).expression).toBeNull();
    expect(identifyText(replacedIn(lil, 'to any\nperson', 'to any\nnon-profit')).expression).not.toBe('LicenseRef-scancode-lil-1');
  });

  it('the Cephes statement (old @stdlib/* LICENSE files, among their dependencies\' licences): free; a term added or the grant narrowed is not it', async () => {
    const stdlib = fixture('stdlib-types-0.0.14-LICENSE');
    const found = identifyText(stdlib);
    expect(found.expression).toBe('Apache-2.0 AND BSL-1.0 AND BSD-3-Clause AND MIT AND LicenseRef-Cephes AND SunPro');
    expect(found.unexplained).toBeUndefined();
    const { evaluate } = await import('../../src/evaluate/index.js');
    expect(evaluate(found.expression!, { entity: 'for-profit', uses: ['distribute', 'modify'] }).outcome).toBe('free');
    const statement = textOf('LicenseRef-Cephes');
    expect(identifyText(`Copyright (c) 1984-2000 Stephen L. Moshier\n\n${statement}`).expression).toBe('LicenseRef-Cephes');
    for (const changed of [
      replacedIn(stdlib, 'may be used freely but it', 'may be used for non-commercial purposes only, and it'),
      replacedIn(stdlib, 'may be used freely but it', 'may not be used in a commercial product, and it'),
      replacedIn(stdlib, 'comes with no support or guarantee.', 'comes with no support or guarantee. Commercial use requires a licence from the author.'),
    ]) expect(identifyText(changed).expression ?? '').not.toContain('LicenseRef-Cephes');
  });

  it('notices files with ISC sections one after the other (@aws-cdk/core and cx-api 1.x\'s NOTICE): each ISC, not one stretch changed across their seam', () => {
    const notice = fixture('aws-cdk-core-1-NOTICE');
    const found = identifyText(notice);
    expect(found.expression).toBe('ISC AND MIT');
    expect(found.matches.filter((match) => match.id === 'ISC').map((match) => [match.start, match.end, match.confidence])).toEqual([[11, 21, 1], [93, 103, 1], [111, 121, 1]]);
    // Three ISC sections in a row, as cx-api's NOTICE has them.
    const isc = notice.split('\n').slice(89, 106).join('\n');
    expect(identifyText(`${isc}\n\n----------------\n\n${isc}\n\n----------------\n\n${isc}`).expression).toBe('ISC');
    // A restriction in the second copy still tells: it is no ISC text.
    const second = notice.indexOf('Permission to use', notice.indexOf('** graceful-fs'));
    const restricted = `${notice.slice(0, second)}${notice.slice(second).replace('for any\npurpose', 'for any\nnon-commercial purpose')}`;
    expect(restricted).not.toBe(notice);
    expect(identifyText(restricted).expression).toBeNull();
  });

  it('Big Time: the version is in the id', () => {
    expect(identifyText(textOf('LicenseRef-BigTime-1.0.0')).expression).toBe('LicenseRef-BigTime-1.0.0');
    expect(identifyText(textOf('LicenseRef-BigTime-2.0.2')).expression).toBe('LicenseRef-BigTime-2.0.2');
  });
});

describe('never a confident wrong answer', () => {
  it.each(NOT_LICENCES.map((sample) => [sample.name, sample.text]))('%s is unknown', (_name, text) => {
    const result = identifyText(text);
    expect(result.expression).toBeNull();
    expect(result.matches).toEqual([]);
  });

  it('a licence with half its paragraphs gone is unknown, with the nearest candidates and scores', () => {
    const kept = paragraphs(textOf('Apache-2.0')).filter((_, index) => index % 2 === 0);
    const result = identifyText(kept.join('\n\n'));
    expect(result.expression).toBeNull();
    expect(result.candidates[0]).toMatchObject({ id: 'Apache-2.0' });
    expect(result.candidates[0]!.confidence).toBeLessThan(THRESHOLD);
  });

  it('an empty text is unknown with no candidates', () => {
    expect(identifyText('')).toEqual({ expression: null, matches: [], candidates: [] });
  });

  it('the exact path reports confidence 1 over the whole file', () => {
    const result = identifyText(`MIT License\n\nCopyright (c) 2024 Jane Doe\n\n${textOf('MIT').split('\n').slice(3).join('\n')}`);
    expect(result.matches).toEqual([{ id: 'MIT', confidence: 1, start: 1, end: expect.any(Number) }]);
  });
});
