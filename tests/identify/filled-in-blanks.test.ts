// A blank the licence leaves to fill in: the GPL's appendix asks for "<one line to give the
// program's name and a brief idea of what it does.>", and cfonts 3.3 (fixtures/identify/
// cfonts-3.3-LICENSE, its real file) writes its own description there, speaking to its reader
// ("Give your cli some love"). That read as a sentence of terms added to the GPL, and the package
// was unknown. A description in the blank is the licence; a condition written there is not.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { identifyLicenceText } from '../../src/identify/identify-file.js';

const cfonts = readFileSync(new URL('../../fixtures/identify/cfonts-3.3-LICENSE', import.meta.url), 'utf8');
const description = 'cfonts - This is a silly little command line tool for sexy fonts in the console. Give your cli some love.';
const filledWith = (line: string) => cfonts.replace(description, line);

describe("the GPL's blank for the program's description", () => {
  it("cfonts' own description there is the GPL, with no doubt", () => {
    expect(cfonts).toContain(description);
    const found = identifyLicenceText('LICENSE', cfonts);
    expect(found.expression).toBe('GPL-3.0-only');
    expect(found.matches[0]!.doubt).toBeUndefined();
  });

  it.each([
    'cfonts - A tool. You may use it only for personal projects and you agree to credit us.',
    'cfonts - A tool. Users agree to cite the paper in any publication.',
    'cfonts - A tool for sexy fonts. Not for commercial use.',
    'cfonts - A tool that lets you draw fonts. Your use requires a paid subscription.',
    'cfonts - A tool for sexy fonts, free for everyone but military users.',
  ])('a condition written in the blank keeps the file unknown: %s', (line) => {
    expect(identifyLicenceText('LICENSE', filledWith(line)).expression).toBeNull();
  });

  it('the same description put anywhere else in the licence is still words added to it', () => {
    const moved = cfonts.replace(description, '<one line to give the program\'s name and a brief idea of what it does.>').replace('0. Definitions.', `0. Definitions.\n\n${description}`);
    expect(identifyLicenceText('LICENSE', moved).expression).toBeNull();
  });
});
