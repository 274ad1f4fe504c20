// A licence's paragraph moved, not changed: victory-vendor's LICENSE.txt (a dependency of recharts,
// some 60 million downloads a month each) has MIT's notice condition below the disclaimer, then the
// licences of the d3 modules it bundles. It was unknown ("words added to the licence").
import { describe, expect, it } from 'vitest';
import { identifyText } from '../../src/identify/index.js';
import { fixture } from './scenarios.js';

const victory = fixture('victory-vendor-LICENSE.txt');
const CONDITION = 'The above copyright notice and this permission notice shall be included in all\ncopies or substantial portions of the Software.\n\n';
/** victory-vendor's MIT text alone (its notice condition below the disclaimer), with `added` at the condition's end. */
const movedMit = (added = '') => victory.slice(0, victory.indexOf('=====')).replace('portions of the Software.\n', `portions of the Software${added}.\n`);

describe('a paragraph of the licence moved', () => {
  it('victory-vendor: MIT with its notice condition below the disclaimer, and the bundled ISC and BSD texts', () => {
    expect(victory).toContain(`SOFTWARE.\n\n${CONDITION}`);
    const read = identifyText(victory);
    expect(read.expression).toBe('MIT AND ISC AND BSD-3-Clause');
    expect(read.matches.map((match) => match.doubt)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(identifyText(movedMit()).expression).toBe('MIT');
  });

  it('is still read for what it says: a term in it, or words that are not the passage left out, keep it unknown', () => {
    expect(identifyText(movedMit(', and the Software shall not be used for military purposes')).expression).toBeNull();
    expect(identifyText(movedMit(' only')).expression).toBeNull();
    expect(identifyText(movedMit(' by Acme customers only')).expression).toBeNull();
    // The paragraph twice, left where it was as well: words put in, none left out.
    const twice = victory.replace(`SOFTWARE.\n\n${CONDITION}`, `SOFTWARE.\n\n${CONDITION}${CONDITION}`).replace('subject to the following conditions:\n\n', `subject to the following conditions:\n\n${CONDITION}`);
    expect(twice).not.toBe(victory);
    expect(identifyText(twice).expression).toBeNull();
  });
});
