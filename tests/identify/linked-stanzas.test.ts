// react-icons' LICENSE (some 25 million downloads a month): its MIT text, a rule, "Icons are taken
// from the other projects so please check each project licences accordingly.", then one stanza a
// bundled icon set, "Font Awesome 6 - https://fontawesome.com/" over "License: CC BY 4.0 License
// https://creativecommons.org/licenses/by/4.0/". It was unknown; every licence it lists applies.
import { describe, expect, it } from 'vitest';
import { identifyLicenceText } from '../../src/identify/identify-file.js';
import { fixture } from './scenarios.js';

const reactIcons = fixture('bundled/react-icons-LICENSE');
const read = (text: string) => identifyLicenceText('LICENSE', text);

describe('a licence text, then the bundled projects as stanzas of a name and address, and a License line', () => {
  it('react-icons: MIT AND every icon set’s licence (Typicons’ CC-BY-SA-3.0, Circum’s MPL-2.0 among them)', () => {
    expect(read(reactIcons).expression).toBe('MIT AND MPL-2.0 AND CC-BY-4.0 AND Apache-2.0 AND CC-BY-SA-3.0 AND ISC AND CC-BY-3.0 AND OFL-1.1 AND CC0-1.0');
  });

  it('fails closed: a licence it cannot read, a line that is no stanza, or a term before them', () => {
    const custom = reactIcons.replace('License: ISC https://github.com/lucide-icons/lucide/blob/main/LICENSE', 'License: Lucide Commercial Terms https://lucide.dev/terms');
    expect(custom).not.toBe(reactIcons);
    expect(read(custom).expression).toBeNull();
    const term = reactIcons.replace('Lucide - https://lucide.dev/', 'Commercial use of these icons requires a licence from Acme.\n\nLucide - https://lucide.dev/');
    expect(read(term).expression).toBeNull();
    const intro = reactIcons.replace('so please check each project licences accordingly.', 'so please check each project licences accordingly. Not for commercial use.');
    expect(intro).not.toBe(reactIcons);
    expect(read(intro).expression).toBeNull();
  });
});
