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
