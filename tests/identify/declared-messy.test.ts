// Declared strings as people really write them (issue 8): names, versions written loosely, URLs,
// pointers at files, families without a version, and every class of spdx-correct answer that
// would drop or invent a term, read the fail-closed way.
import { describe, expect, it } from 'vitest';
import { readString } from '../../src/identify/declared.js';
import { readName } from '../../src/identify/declared-names.js';
import { evaluate } from '../../src/evaluate/index.js';
import { unversionedFamilies } from '../../src/evaluate/unversioned.js';
import { loadKnowledgeBase } from '../../src/kb/index.js';
import { SPDX_LICENCE_IDS } from '../../src/kb/spdx.js';
import type { Profile } from '../../src/types.js';

const kb = loadKnowledgeBase();
const read = (value: string) => readString(value, kb);
const business: Profile = { entity: 'for-profit', uses: ['distribute'] };

describe('names people write', () => {
  it.each([
    ['Apache 2', 'Apache-2.0'],
    ['Apache2', 'Apache-2.0'],
    ['Apache License, Version 2.0', 'Apache-2.0'],
    ['Apache License 2', 'Apache-2.0'],
    ['The MIT License', 'MIT'],
    ['MIT License', 'MIT'],
    ['ISC License', 'ISC'],
    ['BSD 3-Clause', 'BSD-3-Clause'],
    ['new BSD', 'BSD-3-Clause'],
    ['Simplified BSD', 'BSD-2-Clause'],
    ['AFLv2.1', 'AFL-2.1'],
    ['AFL 2.1', 'AFL-2.1'],
    ['MPL 2.0', 'MPL-2.0'],
    ['Mozilla Public License 2.0', 'MPL-2.0'],
    ['CC BY-SA 4.0', 'CC-BY-SA-4.0'],
    ['CC0', 'CC0-1.0'],
    ['Public Domain', 'LicenseRef-scancode-public-domain'],
    ['MIT/X11', 'MIT'],
    ['AFLv2.1, BSD', 'AFL-2.1 AND LicenseRef-copyfair-family-BSD'],
    ['MIT or GPL', 'MIT OR LicenseRef-copyfair-family-GPL'],
    ['Dual MIT/GPL', 'MIT OR LicenseRef-copyfair-family-GPL'],
    // The British spelling (browser-cookies).
    ['Unlicence', 'Unlicense'],
    ['The Unlicence', 'Unlicense'],
    // The Eclipse Distribution License 1.0 is BSD-3-Clause (jsts), and a transposition of its
    // letters (splaytree-ts).
    ['(EDL-1.0 OR EPL-1.0)', 'BSD-3-Clause OR EPL-1.0'],
    ['Eclipse Distribution License - v 1.0', 'BSD-3-Clause'],
    ['BDS-3-Clause', 'BSD-3-Clause'],
    // A name with its abbreviation in brackets, both saying the same (igraph's License field).
    ['GNU General Public License (GPL)', 'LicenseRef-copyfair-family-GPL'],
    ['Mozilla Public License 2.0 (MPL 2.0)', 'MPL-2.0'],
  ])('"%s" → %s', (value, expression) => {
    expect(read(value).expression).toBe(expression);
  });
});

describe('GNU versions: "or later" only when the value says so', () => {
  it.each([
    ['GPLv3', 'GPL-3.0-only'],
    ['GPLv2', 'GPL-2.0-only'],
    ['GPL-2', 'GPL-2.0-only'],
    ['GNU GPL v2', 'GPL-2.0-only'],
    ['LGPLv3', 'LGPL-3.0-only'],
    ['AGPLv3', 'AGPL-3.0-only'],
    ['GPLv3+', 'GPL-3.0-or-later'],
    ['GPL v3 or later', 'GPL-3.0-or-later'],
    ['GNU Lesser General Public License v2.1 or later', 'LGPL-2.1-or-later'],
  ])('"%s" → %s', (value, expression) => {
    expect(read(value).expression).toBe(expression);
  });
});

describe('URLs to a known licence', () => {
  it.each([
    ['http://opensource.org/licenses/MIT', 'MIT'],
    ['https://www.apache.org/licenses/LICENSE-2.0', 'Apache-2.0'],
    ['https://spdx.org/licenses/ISC.html', 'ISC'],
    ['http://www.gnu.org/licenses/gpl-3.0.html', 'GPL-3.0-only'],
    ['https://creativecommons.org/licenses/by-sa/4.0/', 'CC-BY-SA-4.0'],
  ])('%s → %s', (value, expression) => {
    expect(read(value).expression).toBe(expression);
  });

  it('a URL to some repository file is a pointer: the files decide', () => {
    expect(read('https://github.com/foo/bar/blob/master/LICENSE')).toMatchObject({ kind: 'pointer', expression: null });
  });
});

describe('pointers: the licence files decide', () => {
  it.each(['see LICENSE.md', 'See LICENSE file', 'LICENSE', 'see license', 'Custom', 'MIT-style', 'BSD-like', 'BSD*'])('"%s" is a pointer', (value) => {
    expect(read(value)).toMatchObject({ kind: 'pointer', expression: null });
  });

  it('"see LICENSE.md" names the file', () => {
    expect(read('see LICENSE.md').file).toBe('LICENSE.md');
  });
});

describe('a name with a pointer at the licence file after it', () => {
  it.each([
    ['MIT (see LICENSE)', 'MIT'],
    ['MIT; see LICENSE file', 'MIT'],
    ['Apache-2.0, see LICENSE.txt', 'Apache-2.0'],
    ['BSD 3-Clause (see COPYING for details)', 'BSD-3-Clause'],
    ['MIT OR Apache-2.0 (see LICENSE-MIT)', 'MIT OR Apache-2.0'],
  ])('"%s" → %s, the file read as every licence file is', (value, expression) => {
    expect(read(value)).toMatchObject({ expression, kind: 'alias' });
  });

  it.each(['MIT (see TERMS.md)', 'MIT (see LICENSE for restrictions)', 'Commercial (see LICENSE)', 'MIT-style (see LICENSE)', 'see LICENSE (MIT)'])('"%s" is not read as a licence', (value) => {
    expect(read(value).expression).toBeNull();
  });
});

describe('a name with the address of its licence file in brackets (slick: "MIT (http://mootools.net/license.txt)")', () => {
  it.each([
    ['MIT (http://mootools.net/license.txt)', 'MIT'],
    ['Apache-2.0 (https://example.org/project/LICENSE)', 'Apache-2.0'],
    ['ISC (https://example.org/COPYING.md)', 'ISC'],
  ])('"%s" → %s, the address not read', (value, expression) => {
    expect(read(value)).toMatchObject({ expression, kind: 'alias' });
    expect(read(value).note).toContain('is not read');
  });

  it.each(['MIT (https://acme.example/terms)', 'MIT (https://acme.example/license-exceptions/list)', 'BSD (http://x.example/LICENSE)', 'Commercial (https://acme.example/LICENSE)'])(
    '"%s" is not read: the address may point at more terms, or the name names no one licence',
    (value) => {
      expect(read(value).expression).toBeNull();
    },
  );
});

describe('"SEE LICENSE IN <file>" beside other licences', () => {
  it('is the package’s own licence in that file, an alternative in an OR (rgbcolor, which jsPDF needs): the other branch decides', () => {
    expect(read('MIT OR SEE LICENSE IN FEEL-FREE.md')).toMatchObject({ expression: 'MIT OR LicenseRef-FEEL-FREE.md', kind: 'alias' });
    expect(evaluate(read('MIT OR SEE LICENSE IN FEEL-FREE.md').expression!, business).outcome).toBe('free');
  });

  it('is a licence nobody has defined in an AND, so unknown (fail closed)', () => {
    expect(read('MIT AND SEE LICENSE IN TERMS.md').expression).toBe('MIT AND LicenseRef-TERMS.md');
    expect(evaluate(read('MIT AND SEE LICENSE IN TERMS.md').expression!, business).outcome).toBe('unknown');
  });

  it('alone, still lets the file decide', () => {
    expect(read('SEE LICENSE IN FEEL-FREE.md')).toMatchObject({ expression: null, kind: 'see-file', file: 'FEEL-FREE.md' });
  });
});

describe('other names of one licence, and a likeness in brackets after a name', () => {
  // The names the OSI gives BSD-3-Clause and BSD-2-Clause, and the Independent JPEG Group's and
  // FreeType Project's own; sharp-libvips's README table names libwebp's, mozjpeg's, freetype's and
  // libtiff's licences so ("libtiff License (BSD-like)").
  it.each([
    ['New BSD License', 'BSD-3-Clause'],
    ['Modified BSD License', 'BSD-3-Clause'],
    ['The Revised BSD License', 'BSD-3-Clause'],
    ['Simplified BSD License', 'BSD-2-Clause'],
    // The OSI's other name of BSD-2-Clause, as the knowledge base's alias "FreeBSD License" reads
    // it; JSV declares "FreeBSD" alone.
    ['FreeBSD', 'BSD-2-Clause'],
    ['FreeBSD License', 'BSD-2-Clause'],
    ['IJG License', 'IJG'],
    ['Independent JPEG Group License', 'IJG'],
    ['FreeType License', 'FTL'],
    ['zlib License, IJG License, BSD-3-Clause', 'Zlib AND IJG AND BSD-3-Clause'],
    ['libtiff License (BSD-like)', 'libtiff'],
    ['freetype Licence (BSD-like)', 'FTL'],
    // fontconfig's COPYING: its authors' HPND "sell" notice (sharp-libvips' README table).
    ['fontconfig Licence (BSD-like)', 'HPND-sell-variant'],
    // The AV1 codecs' patent licence, named beside their copyright licence.
    ['BSD 2-Clause + Alliance for Open Media Patent License 1.0', 'BSD-2-Clause AND LicenseRef-scancode-alliance-open-media-patent-1.0'],
    ['Apache-2.0 (Apache-style)', 'Apache-2.0'],
    // The abbreviation the FSL's own text gives (Sentry's `sentry` CLI declares it); SPDX's id is FSL-1.1-ALv2.
    ['FSL-1.1-Apache-2.0', 'FSL-1.1-ALv2'],
  ])('"%s" → %s', (value, expression) => {
    expect(read(value)).toMatchObject({ expression, kind: 'alias' });
  });

  it('libtiff, reviewed, is permissive: an HPND-style grant "for any purpose", kept with its notices', () => {
    const verdict = evaluate('libtiff', business);
    expect(verdict.outcome).toBe('free');
    expect(verdict.obligations.map((obligation) => obligation.kind)).toEqual(['notice']);
  });

  // A likeness is read past only after a name of one licence: not after a family, a name copyfair
  // does not know, or a hedge of its own; and "modified" before another name is still a hedge.
  it.each(['acmefont Licence (BSD-like)', 'BSD (BSD-like)', 'BSD-style (BSD-like)', 'libtiff License (GPL-like)', 'Modified MIT', 'MIT (modified)', 'BSD (modified)', 'Modified BSD-like License'])('"%s" is not read as a licence', (value) => {
    expect(read(value).expression).toBeNull();
  });
});

describe('what spdx-correct would get wrong, read the fail-closed way', () => {
  it('never drops a rider', () => {
    expect(read('MIT + Commons Clause').expression).toBe('MIT AND LicenseRef-scancode-commons-clause');
  });

  it.each([
    ['BSL', null], // spdx-correct: BSL-1.0 (Boost); it may as well be Business Source
    ['EUPL', 'LicenseRef-copyfair-family-EUPL'], // spdx-correct: UPL-1.0, another licence
    ['BSD-style', null], // spdx-correct: BSD-2-Clause
    ['UNLICENSED', 'LicenseRef-copyfair-unlicensed'], // spdx-correct: Unlicense, the opposite
    ['BSD', 'LicenseRef-copyfair-family-BSD'], // spdx-correct: BSD-2-Clause, a guessed version
    ['GPL', 'LicenseRef-copyfair-family-GPL'], // spdx-correct: GPL-3.0-or-later
    ['Artistic', 'LicenseRef-copyfair-family-Artistic'], // spdx-correct: Artistic-2.0
  ])('"%s" → %s', (value, expression) => {
    expect(read(value).expression).toBe(expression);
  });

  it('no name reading is a LicenseRef or SPDX id that does not exist', () => {
    for (const value of ['Apache 2', 'GPLv3', 'AFLv2.1', 'Zlib', 'CC-BY-SA', 'LGPL']) {
      const id = readName(value)!.id;
      expect(SPDX_LICENCE_IDS.includes(id) || id.startsWith('LicenseRef-copyfair-family-')).toBe(true);
    }
  });
});

describe('SPDX names in British spelling', () => {
  it('"MIT Licence", "zlib Licence" are the SPDX names, read without spdx-correct', () => {
    expect(readName('MIT Licence')).toEqual({ id: 'MIT', how: 'name' });
    expect(readName('zlib Licence')).toEqual({ id: 'Zlib', how: 'name' });
    expect(read('MIT Licence').expression).toBe('MIT');
  });
});

describe('families without a version', () => {
  it.each([
    ['BSD', 'LicenseRef-copyfair-family-BSD'],
    ['GPL', 'LicenseRef-copyfair-family-GPL'],
    ['GNU General Public License', 'LicenseRef-copyfair-family-GPL'],
    ['LGPL', 'LicenseRef-copyfair-family-LGPL'],
    ['CC-BY-SA', 'LicenseRef-copyfair-family-CC-BY-SA'],
    ['Creative Commons Attribution-ShareAlike License', 'LicenseRef-copyfair-family-CC-BY-SA'],
    ['MPL', 'LicenseRef-copyfair-family-MPL'],
  ])('"%s" → %s', (value, expression) => {
    expect(read(value)).toMatchObject({ expression, kind: 'alias' });
    expect(read(value).note).toContain('without its version');
  });

  it('every version agrees: the family verdict, saying what it assumed, with every version\'s obligations', () => {
    const verdict = evaluate('LicenseRef-copyfair-family-BSD', business);
    expect(verdict.outcome).toBe('free');
    expect(verdict.notes[0]).toContain('"BSD" names no version; copyfair assumed any of BSD-2-Clause, BSD-3-Clause, BSD-4-Clause');
    expect(verdict.obligations.some((obligation) => obligation.kind === 'conduct')).toBe(true); // BSD-3-Clause's no-endorsement clause
    expect(evaluate('LicenseRef-copyfair-family-GPL', business).outcome).toBe('share-alike');
  });

  it('versions that disagree leave it unknown, naming each version\'s outcome', () => {
    // The knowledge base judges CC-BY-SA 1.0–2.5 share-alike and 3.0/4.0 free for distribution.
    const verdict = evaluate('LicenseRef-copyfair-family-CC-BY-SA', business);
    expect(verdict.outcome).toBe('unknown');
    expect(verdict.because[0]!.because).toMatch(/CC-BY-SA-2\.5 share-alike, CC-BY-SA-3\.0 free/);
  });

  it('"Apache" without a version: 1.0 and 1.1 are permissive too (read: notices, acknowledgement, no endorsement), so free, saying what it assumed', () => {
    const verdict = evaluate('LicenseRef-copyfair-family-Apache', business);
    expect(verdict.outcome).toBe('free');
    expect(verdict.notes[0]).toContain('"Apache" names no version; copyfair assumed any of Apache-1.0, Apache-1.1, Apache-2.0');
  });

  it('a family in a choice is one branch like any other', () => {
    expect(evaluate('MIT OR LicenseRef-copyfair-family-GPL', business)).toMatchObject({ outcome: 'free' });
  });

  it('every version a family names is an SPDX id, or one the knowledge base holds (Hippocratic 3.0 with modules)', () => {
    for (const family of unversionedFamilies()) for (const id of family.versions) expect(SPDX_LICENCE_IDS.includes(id) || kb.get(id) !== undefined, id).toBe(true);
  });
});

describe('a name and an abbreviation in brackets that disagree are not read', () => {
  it.each(['MIT (GPL)', 'GNU General Public License v2 (GPLv3)'])('"%s" → unknown', (value) => {
    expect(read(value).expression).toBeNull();
  });
});
