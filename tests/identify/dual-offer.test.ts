// A licence file offering the software under an open licence or a vendor's commercial terms, in
// words, and listing the libraries it includes under theirs (src/identify/dual-offer.ts): CKEditor
// 5's real LICENSE.md, of @ckeditor/ckeditor5-core and of the ckeditor5 package (61 packages on a
// real tree were unknown).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/evaluate/index.js';
import { identifyLicenceText } from '../../src/identify/identify-file.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/identify/dual-offer/${name}`, import.meta.url), 'utf8');
const core = fixture('ckeditor5-core-LICENSE.md');
const main = fixture('ckeditor5-LICENSE.md');
const read = (text: string) => identifyLicenceText('LICENSE.md', text);
const OFFER = 'GPL-2.0-or-later OR LicenseRef-scancode-commercial-license';

describe('a dual-licence offer with the libraries it includes', () => {
  it('is the offer (an OR) AND each list’s licence, the lists as bundled code', () => {
    expect(read(core)).toMatchObject({ expression: `(${OFFER}) AND MIT`, bundle: { own: OFFER, bundled: 'MIT' } });
    expect(read(main)).toMatchObject({ expression: `(${OFFER}) AND ISC AND MIT`, bundle: { own: OFFER, bundled: 'ISC AND MIT' } });
  });

  it('gives back in kind when distributed (the GPL, or the commercial terms), and is free used internally', () => {
    const expression = read(core).expression!;
    expect(evaluate(expression, { entity: 'for-profit', uses: ['distribute'] }).outcome).toBe('share-alike');
    expect(evaluate(expression, { entity: 'for-profit', uses: ['internal'] }).outcome).toBe('free');
  });

  it('is unknown when an alternative or a list names a licence copyfair cannot read, or the offer has one alternative', () => {
    const alternative = read(core.replace('[GNU General Public License Version 2 or later](https://www.gnu.org/licenses/gpl.html)', 'Acme Community Licence'));
    expect(alternative.expression).toBeNull();
    expect(alternative.reason).toBe('it offers the software under a choice of licences, and its alternative "the Acme Community Licence" (line 9) is a licence copyfair cannot read');
    const list = read(core.replace('under the [MIT license](https://opensource.org/licenses/MIT):', 'under the Acme Community Licence:'));
    expect(list.reason).toMatch(/the libraries it includes under "Acme Community Licence" \(line \d+\) are under a licence copyfair cannot read$/);
    // Both, each named: not only the first.
    const both = read(core.replace('[GNU General Public License Version 2 or later](https://www.gnu.org/licenses/gpl.html)', 'Acme Community Licence').replace('under the [MIT license](https://opensource.org/licenses/MIT):', 'under the Zenith Source Licence:'));
    expect(both.reason).toMatch(/its alternative "the Acme Community Licence" \(line 9\) is a licence copyfair cannot read; the libraries it includes under "Zenith Source Licence" \(line \d+\) are under a licence copyfair cannot read$/);
    expect(read(core.replace('* or commercial license terms from CKSource Holding sp. z o.o.', '')).reason).toContain('it names fewer than two alternatives');
  });

  it('is unknown when its other words set a term, in a sentence or as a bold name', () => {
    expect(read(core.replace('For more information, see:', 'Commercial use requires a paid licence. For more information, see:')).expression).toBeNull();
    expect(read(core.replace('**CKEditor&nbsp;5 Core editor architecture**', '**Not for commercial use**')).expression).toBeNull();
    // A product's name is a name, whatever it is called.
    expect(read(core.replace('Core editor architecture', 'Restricted editing feature')).expression).toBe(`(${OFFER}) AND MIT`);
  });
});

// CKEditor 5's Long Term Support Edition (47.x, 62 packages of a real tree, all unknown): the same
// file with "… is licensed under a commercial license and is protected by copyright law." in place
// of the offer, and the address to buy it beside.
describe('commercial terms alone, in the same file', () => {
  const lts = fixture('ckeditor5-47-lts-LICENSE.md');
  const feature = fixture('ckeditor5-bookmark-47-lts-LICENSE.md');
  const COMMERCIAL = 'LicenseRef-scancode-commercial-license';

  it('are copyfair’s commercial licence, with where to buy it, AND the included libraries’ licences', () => {
    expect(read(feature)).toMatchObject({ expression: COMMERCIAL, matches: [{ id: COMMERCIAL, start: 7, parameters: { licensingUrl: 'https://ckeditor.com/pricing' } }] });
    expect(read(lts)).toMatchObject({ expression: `${COMMERCIAL} AND ISC AND MIT`, bundle: { own: COMMERCIAL, bundled: 'ISC AND MIT' } });
    expect(evaluate(read(feature).expression!, { entity: 'nonprofit', uses: ['internal'] }).outcome).toBe('payback');
  });

  it('are read with the file’s other words as an offer is, and stated once', () => {
    expect(read(feature.replace('For more information, see:', 'Evaluation use is free. For more information, see:')).expression).toBeNull();
    expect(read(feature.replace('**CKEditor&nbsp;5 Bookmark feature**', '**Not for resale**')).expression).toBeNull();
    expect(read(feature.replace('Bookmark feature', 'Restricted editing feature')).expression).toBe(COMMERCIAL);
    expect(read(feature.replace('CKEditor&nbsp;5 Long Term Support Edition is licensed', 'Free for non-commercial use is licensed')).expression).toBeNull();
    const twice = read(feature.replace('For more information, see:', 'CKEditor 5 is licensed under a commercial license and is protected by copyright law.\n\nFor more information, see:'));
    expect(twice.expression).toBeNull();
    expect(read(core.replace('Copyright (c) 2003', 'CKEditor 5 is licensed under a commercial license and is protected by copyright law.\n\nCopyright (c) 2003')).expression).toBeNull();
  });

  it('are read in one pass over a long line of spaces (a first cut did not return on 200,000; a bold name beside 4,000 took 21 s)', () => {
    const spaces = ' '.repeat(200_000);
    for (const [text, expression] of [
      [`${feature}\n${spaces}x\n`, COMMERCIAL],
      [`${feature}\nx${spaces}is licensed under a commercial license and is protected by copyright law${spaces}y\n`, null],
      // (A name and a stray word say nothing of their own.)
      [feature.replace('**CKEditor&nbsp;5 Bookmark feature** (https://github.com/ckeditor/ckeditor5)<br>', `**CKEditor 5**${spaces}y`), COMMERCIAL],
      [`${core}\n**CKEditor 5**${spaces}y\n`, `(${OFFER}) AND MIT`],
      [`${core}\n${spaces}x is a trademark of Acme\n`, `(${OFFER}) AND MIT`],
    ] as const) {
      const started = performance.now();
      expect(read(text).expression).toBe(expression);
      expect(performance.now() - started).toBeLessThan(2_000);
    }
  });
});
