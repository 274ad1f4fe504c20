// shelljs 0.8.5 (a dependency of git-diff and of many build tools) was unknown, for two reasons.
// Its LICENSE opens "You may use this project under the terms of the New BSD license as follows:",
// read as terms no licence explains; and its BSD text names its author where BSD-3-Clause says
// "the copyright holder" and lacks BSD-3-Clause-HP's "patent infringement", so identification
// cannot tell the two twins apart. The title is the grant of the text below it; between two
// permissive twins, the package's declaration says which it is.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { identifyLicenceText } from '../../src/identify/index.js';

const shelljs = readFileSync(new URL('../../fixtures/identify/shelljs-0.8-LICENSE', import.meta.url), 'utf8');
const TITLE = 'You may use this project under the terms of the New BSD license as follows:';

describe('shelljs 0.8’s LICENSE, identified', () => {
  it('reads its title as the grant of the text below, and doubts only between BSD-3-Clause and its HP twin', () => {
    expect(shelljs).toContain(TITLE);
    const found = identifyLicenceText('LICENSE', shelljs);
    expect(found.expression).toBeNull();
    expect(found.unexplained ?? []).toEqual([]);
    expect(found.matches).toMatchObject([{ id: 'BSD-3-Clause', doubt: { kind: 'twin', rival: 'BSD-3-Clause-HP' } }]);
  });

  // The same text made plain BSD-3-Clause (the holder's words where it names its author), so no
  // twin is in doubt, under titles of other kinds.
  const plain = shelljs.replace('Neither the name of Artur Adib nor the\n      names of the contributors', 'Neither the name of the copyright holder nor the\n      names of its contributors').replace('ARTUR ADIB BE LIABLE', 'THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE');
  const titled = (title: string) => identifyLicenceText('LICENSE', plain.replace(TITLE, title)).expression;

  it('is BSD-3-Clause once the twin is told apart, under its title or a licence of no other name', () => {
    expect(titled(TITLE)).toBe('BSD-3-Clause');
    expect(titled('You may use this software under the terms of the Acme license below:')).toBe('BSD-3-Clause');
  });

  it('stays unknown under a title naming another licence, restricting, or not introducing the text', () => {
    for (const title of [
      'You may use this project under the terms of the GNU GPL license as follows:',
      'You may use this project under the terms of the MIT license as follows:',
      'You may use this project under the terms of the Acme Commercial license as follows:',
      'You may use this project under the terms of the Acme Proprietary license as follows:',
      'You may use this project under the terms of the Business Source license as follows:',
      'You may use this project only under the terms of the Acme license as follows:',
      'You may use this project under the terms of the Acme license.',
    ]) {
      expect(titled(title), title).toBeNull();
    }
  });
});
