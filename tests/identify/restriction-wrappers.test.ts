// A restriction written beside a permissive text, in any of the ways files write a line, never
// leaves the file read as the bare permissive licence (a wrong `free`). Each phrase is put before,
// inside and after MIT, ISC, BSD-2-Clause and Apache-2.0, bare and wrapped: parentheses, angle
// brackets, an HTML comment, Markdown emphasis, quote, list item and link, a paragraph tag, a
// copyright line, "All rights reserved", upper case, one word a line (list numbering, headings and
// footnote marks normalise as the list item does; the wider scratch harness had them all). Found wanting by this
// harness (seventh session): terms on the copyright line, in angle brackets and in HTML comments,
// short notes that except someone, and words that leave someone out were all dropped.
// Known gaps, documented in docs/identification.md: a bare "no" ("Russia and Belarus: no.") and a
// donation asked for.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { identifyText } from '../../src/identify/index.js';

const require = createRequire(import.meta.url);
const full = require('spdx-license-list/full') as Record<string, { licenseText: string }>;

const texts: Record<string, string> = {
  MIT: `MIT License\n\nCopyright (c) 2021 Jane Doe\n\n${full.MIT!.licenseText.split('\n').slice(4).join('\n')}`,
  ISC: full.ISC!.licenseText.replace('<year>', '2021').replace('<copyright holders>', 'Jane Doe'),
  'BSD-2-Clause': full['BSD-2-Clause']!.licenseText.replace('<year>', '2021').replace('<owner>', 'Jane Doe'),
  'Apache-2.0': full['Apache-2.0']!.licenseText,
};

const RESTRICTIONS = [
  'Not for commercial use.',
  'Commercial use requires a paid licence from the author.',
  'This software may not be used by any military organisation.',
  'For personal use only.',
  'You must pay a fee of 100 EUR for each copy you distribute.',
  'Use by companies with more than 10 employees is prohibited.',
  'The Software shall be used for Good, not Evil.',
  // Thirty-first session: in an HTML comment it was dropped ("revoked" was no word a comment keeps).
  'This license is revoked for Microsoft.',
];
/** Notes that leave someone out, with the licences whose text they are caught beside everywhere. */
const EXCLUSIONS: [string, string[]][] = [
  ['Governments excluded.', ['MIT', 'ISC', 'BSD-2-Clause', 'Apache-2.0']],
  ['Except Amazon.', ['MIT', 'ISC', 'BSD-2-Clause', 'Apache-2.0']],
  ['This licence does not apply to Facebook.', ['MIT', 'ISC', 'BSD-2-Clause', 'Apache-2.0']],
  ['Excluding ICE and its contractors.', ['MIT', 'ISC', 'BSD-2-Clause', 'Apache-2.0']],
  ['Amazon Web Services is excluded from this grant.', ['MIT', 'ISC', 'BSD-2-Clause', 'Apache-2.0']],
  // Thirty-first session: a "no" that leaves someone out (read as the licence, free, everywhere).
  ['No use by Amazon.', ['MIT', 'ISC', 'BSD-2-Clause', 'Apache-2.0']],
  // Thirty-first session, from a wider harness (each read as the licence, free, in some wrapping:
  // an HTML comment, angle brackets, a copyright line, or between a header and its terms).
  ['No AI training.', ['MIT', 'Apache-2.0']],
  ['Cannot be used to train AI models.', ['MIT', 'Apache-2.0']],
  ['Cannot be offered as a hosted service.', ['MIT', 'Apache-2.0']],
  ['Contact sales@acme.com for commercial licensing.', ['MIT', 'Apache-2.0']],
  ['Closed-source use requires permission.', ['MIT', 'Apache-2.0']],
  // Thirty-second session: between BSD's conditions a list marker's place took "Apart from Amazon."
  // and "Other than Amazon." (SPDX lets a bullet be any twenty characters), and below MIT's title
  // "Other than Amazon. All rights reserved." and "Copyright Other than Amazon." were read as prose
  // (each read as the licence, free).
  ['Other than Amazon.', ['MIT', 'BSD-2-Clause']],
  ['Apart from Amazon.', ['BSD-2-Clause']],
];

const WRAPS: ((phrase: string) => string)[] = [
  (p) => p,
  (p) => `(${p})`,
  (p) => `<${p}>`,
  (p) => `<!-- ${p} -->`,
  // A comment past angle text's eighty characters, as maintainers' notes run.
  (p) => `<!-- ${p} This note is here so that the comment runs past eighty characters, as maintainers' notes do. -->`,
  (p) => `**${p}**`,
  (p) => `> ${p}`,
  (p) => `- ${p}`,
  (p) => `[${p}](https://example.com)`,
  (p) => `<p>${p}</p>`,
  (p) => p.toUpperCase(),
  (p) => p.replace(/ /g, '\n'),
  (p) => `Copyright (c) 2021 Jane Doe. ${p}`,
  (p) => `Copyright (c) 2021 Jane Doe ${p}`,
  (p) => `Copyright (c) 2021 Jane Doe <${p}>`,
  (p) => `All rights reserved. ${p}`,
  (p) => `${p} All rights reserved.`,
  (p) => `© ${p}`,
  (p) => `Copyright ${p}`,
];

/** The licence's text with `line` put in at each of five places: first, after the title, in the middle, at the end. */
function placed(text: string, line: string): string[] {
  const lines = text.split('\n');
  return [0, 1, 3, Math.floor(lines.length / 2), lines.length].map((at) => [...lines.slice(0, at), line, ...lines.slice(at)].join('\n'));
}

function readAsBare(id: string, phrase: string, from = texts): string[] {
  const bare: string[] = [];
  WRAPS.forEach((wrap, index) => {
    for (const text of placed(from[id]!, wrap(phrase))) if (identifyText(text).expression === id) bare.push(`wrap ${index}: ${JSON.stringify(wrap(phrase))}`);
  });
  return bare;
}

/** Notices that name the licence instead of holding its text (a README's line, Apache's header). */
const notices: Record<string, string> = {
  MIT: 'This project is licensed under the MIT License.',
  'Apache-2.0': 'Licensed under the Apache License, Version 2.0 (the "License");\nyou may not use this file except in compliance with the License.\nYou may obtain a copy of the License at\n\n    http://www.apache.org/licenses/LICENSE-2.0\n\nUnless required by applicable law or agreed to in writing, software\ndistributed under the License is distributed on an "AS IS" BASIS,\nWITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.\nSee the License for the specific language governing permissions and\nlimitations under the License.',
};

describe('a negation put inside a licence\'s sentence', () => {
  // Thirty-second session: MIT's disclaimer split by the line ("… IN NO" / "EVENT SHALL …"); the
  // run was under four words, or under eight whose term words ("not") MIT uses, and read as a
  // rewording of the text's own words: MIT, free.
  const lines = texts.MIT!.split('\n');
  const at = lines.findIndex((line) => line.startsWith('EVENT SHALL'));

  it.each(['Not open source.', 'This licence does not apply to Facebook.', 'Never for Amazon.'])('%s is no rewording of MIT', (note) => {
    const result = identifyText([...lines.slice(0, at), note, ...lines.slice(at)].join('\n'));
    expect(result.expression).toBeNull();
    expect(result.candidates[0]?.id).toBe('MIT');
  });

  it('nor is "no" before a name ("No Amazon."), while a heading\'s "NO WARRANTY" is no term', () => {
    const result = identifyText([...lines.slice(0, at), 'No Amazon.', ...lines.slice(at)].join('\n'));
    expect(result.expression).toBeNull();
    // (Intel's BSD variants put one above the disclaimer.)
    const bsd = texts['BSD-2-Clause']!.split('\n');
    const disclaimer = bsd.findIndex((line) => line.startsWith('THIS SOFTWARE IS PROVIDED'));
    expect(identifyText([...bsd.slice(0, disclaimer), 'NO WARRANTY', '', ...bsd.slice(disclaimer)].join('\n')).expression).toBe('BSD-2-Clause');
  });

  it('nor is an obligation: "© Companies must buy a licence." between BSD\'s conditions', () => {
    // (The statement keeps "Companies" as its holder; "must buy a license" is left, and BSD says "must" itself.)
    const bsd = texts['BSD-2-Clause']!.split('\n');
    const before = bsd.findIndex((line) => line.startsWith('2. Redistributions in binary'));
    const result = identifyText([...bsd.slice(0, before), '© Companies must buy a licence.', ...bsd.slice(before)].join('\n'));
    expect(result.expression).toBeNull();
    expect(result.candidates[0]?.id).toBe('BSD-2-Clause');
  });

  it('while a form\'s choice left unmade is the licence\'s own ("[required/not required]", CPAL-1.0)', () => {
    expect(full['CPAL-1.0']!.licenseText).toContain('[required/not required]');
    expect(identifyText(full['CPAL-1.0']!.licenseText).expression).toBe('CPAL-1.0');
  });
});

describe('beside PostgreSQL, WTFPL and X11', () => {
  // Thirty-second session, the harness widened to eight more permissive texts: each read as the
  // licence, free. An exclusion above the text; a sentence a holder's place took (PostgreSQL's
  // "THE UNIVERSITY OF CALIFORNIA SPECIFICALLY DISCLAIMS", X11's "authorization from the X
  // Consortium" took the line below the text up to "Free for", and "Companies" of "Companies must
  // buy a licence." above its trademark line); a price; the work said not to be open source.
  const fill = (text: string) => text.replace(/<year>/g, '2021').replace(/<copyright holders>|<owner>/g, 'Jane Doe');
  const around = (id: string, line: string, before: (text: string) => boolean) => {
    const lines = fill(full[id]!.licenseText).split('\n');
    const at = lines.findIndex(before);
    return [...lines.slice(0, at === -1 ? lines.length : at), line, ...lines.slice(at === -1 ? lines.length : at)].join('\n');
  };
  it.each([
    ['PostgreSQL', 'This licence does not apply to Facebook.', () => true],
    ['WTFPL', 'This licence does not apply to Facebook.', (line: string) => line.startsWith('Copyright')],
    ['PostgreSQL', 'Cannot be offered as a hosted service.', (line: string) => line.startsWith('THE UNIVERSITY OF CALIFORNIA SPECIFICALLY')],
    ['X11', 'Free for individuals; $99/year for companies.', () => false],
    ['X11', 'Companies must buy a licence.', (line: string) => line.startsWith('X Window System')],
    ['WTFPL', 'Not open source. All rights reserved.', (line: string) => line.startsWith('Copyright')],
    ['WTFPL', '[Not open source.](https://example.com)', (line: string) => line.startsWith('Copyright')],
  ])('%s with "%s"', (id, line, before) => {
    expect(identifyText(fill(full[id]!.licenseText)).expression).toBe(id);
    const result = identifyText(around(id, line, before));
    expect(result.expression).toBeNull();
    expect(result.candidates[0]?.id).toBe(id);
  });
});

describe('a restriction beside a permissive text, however the line is written', () => {
  for (const id of Object.keys(texts)) {
    it(`never leaves ${id} bare`, () => {
      for (const phrase of RESTRICTIONS) expect(readAsBare(id, phrase)).toEqual([]);
    });
  }

  it('nor does a note that leaves someone out', () => {
    for (const [phrase, ids] of EXCLUSIONS) for (const id of ids) expect(readAsBare(id, phrase)).toEqual([]);
  });

  it('nor a notice that names MIT or holds Apache\'s header', () => {
    for (const id of Object.keys(notices)) for (const phrase of [...RESTRICTIONS, ...EXCLUSIONS.map(([note]) => note)]) expect(readAsBare(id, phrase, notices)).toEqual([]);
  });
});
