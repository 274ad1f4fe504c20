// A licence file that lists its licences by name and says whether they are a choice (rustls and
// the crates around it: "rustls-pemfile is distributed under the following three licenses: -
// Apache License version 2.0. - MIT license. - ISC license. … You may use this software under the
// terms of any of these licenses, at your option."). Both were unknown.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { identifyLicenceText } from '../../src/identify/identify-file.js';

const file = readFileSync(new URL('../../fixtures/identify/rustls-pemfile-LICENSE', import.meta.url), 'utf8');
const texts = (await import('spdx-license-list/full.js')).default as Record<string, { licenseText: string }>;
const mit = texts.MIT!.licenseText;

describe('a list of licences', () => {
  it('is their OR where the text offers any one at the user’s option', () => {
    const found = identifyLicenceText('LICENSE', file);
    expect(found.expression).toBe('Apache-2.0 OR MIT OR ISC');
    expect(found.matches.map((match) => [match.id, match.start])).toEqual([['Apache-2.0', 3], ['MIT', 4], ['ISC', 5]]);
  });

  it('is read the same in a README’s licence section (hyper-rustls)', () => {
    const readme = `# hyper-rustls\n\nA TLS connector.\n\n# License\n${file}`;
    expect(identifyLicenceText('README.md', readme)).toMatchObject({ expression: 'Apache-2.0 OR MIT OR ISC' });
  });

  it('is their AND where nothing offers a choice', () => {
    const all = file.replace(/ *You may use this software under the terms of any\nof these licenses, at your option\./, '');
    expect(identifyLicenceText('LICENSE', all).expression).toBe('Apache-2.0 AND MIT AND ISC');
  });

  it('keeps a term written beside it', () => {
    const restricted = file.replace('at your option.', 'at your option. This software may not be used for military purposes.');
    const found = identifyLicenceText('LICENSE', restricted);
    expect(found.expression).toBeNull();
    expect(found.reason).toBe('it lists its licences, and its other words read like terms');
  });

  it('names an item it cannot read', () => {
    const odd = file.replace('- ISC license.', '- Acme Community License.');
    expect(identifyLicenceText('LICENSE', odd)).toMatchObject({ expression: null, reason: 'it lists its licences, and "Acme Community License" (line 5) is a licence copyfair cannot read' });
    // Each one, not only the first.
    const two = odd.replace('- MIT license.', '- Zenith Source License.');
    expect(identifyLicenceText('LICENSE', two).reason).toBe('it lists its licences, and "Zenith Source License" (line 4) is a licence copyfair cannot read; "Acme Community License" (line 5) is a licence copyfair cannot read');
  });

  it('leaves a file that holds the texts after its list to the text reader', () => {
    const withText = `${file}\n${mit.replace('<year>', '2020').replace('<copyright holders>', 'Acme')}\n`;
    // Not the list's reading: the MIT text is matched as a text (the list's other words are read beside it).
    expect(identifyLicenceText('LICENSE', withText).matches.some((match) => match.id === 'MIT' && match.via === undefined)).toBe(true);
  });
});
