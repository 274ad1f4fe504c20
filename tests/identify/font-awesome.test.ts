// Font Awesome's licence file (fixtures/identify/fontawesome-free-7-LICENSE.txt, as
// @fortawesome/fontawesome-free 7 ships it; the 6.x packages, fontawesome-svg-core,
// fontawesome-common-types and the free-*-svg-icons packages ship the same words): a notice stating
// that MIT, OFL-1.1 and CC-BY-4.0 all apply, the three licences, a paragraph on attribution and one
// on others' trademarks. Among the most installed packages on npm, and every one of them was unknown.
import { describe, expect, it } from 'vitest';
import { identifyText } from '../../src/identify/index.js';
import { judgeSurrounding } from '../../src/identify/surroundings.js';
import { normalise } from '../../src/identify/normalise.js';
import { fixture } from './scenarios.js';

const licence = fixture('fontawesome-free-7-LICENSE.txt');
/** The notice and the three licences, without the paragraphs on attribution and trademarks. */
const head = licence.slice(0, licence.indexOf('# Attribution'));
const judge = (text: string) => judgeSurrounding(normalise(text).words);

describe("Font Awesome Free's licence file", () => {
  it('the notice stating that the three licences all apply restates them: its words are explained, and it adds nothing', () => {
    const read = identifyText(head);
    expect(read.expression).toBe('(OFL-1.1 AND MIT) AND CC-BY-4.0');
    expect(read.matches.find((match) => match.via === 'notice')).toMatchObject({ id: 'MIT AND OFL-1.1 AND CC-BY-4.0', start: 5, end: 9 });
  });

  it('is the three licences it states, all applying, with the notice that states them', () => {
    const read = identifyText(licence);
    expect(read.expression).toBe('(OFL-1.1 AND MIT) AND CC-BY-4.0');
    expect(read.unexplained).toBeUndefined();
    expect(read.matches.find((match) => match.via === 'notice')).toMatchObject({ id: 'MIT AND OFL-1.1 AND CC-BY-4.0', start: 5, end: 9 });
  });

  it('a notice naming a licence the file does not grant is still judged as words beside', () => {
    // The notice rule's licences, one of them changed: not a restatement of what the file grants.
    expect(identifyText(head.replace('GPL friendly. You can use it for', 'GPL friendly. You can use it under the GPL for')).expression).toBeNull();
    const withoutCcBy = head.replace(/# Icons: CC BY 4\.0 License[\s\S]*?as SVG and JS file types\.\n/, '');
    expect(identifyText(withoutCcBy).expression).toBeNull();
  });

  it('a term put into any of its paragraphs keeps it unknown', () => {
    for (const [from, to] of [
      ['or really almost whatever you want.', 'or really almost whatever you want, but not for military use.'],
      ['to remove them from files, especially code.', 'to remove them from files, especially code. Commercial use requires a licence.'],
      ['Attribution is required by MIT, SIL OFL, and CC BY licenses.', 'Attribution is required by MIT, SIL OFL, and CC BY licenses and by the Acme terms.'],
      ['so you shouldn\'t need to do anything additional when using these\nfiles normally.', 'so you shouldn\'t need to do anything additional when using these\nfiles normally, but you must register with Acme.'],
      ['Please do not use brand logos for any purpose except\nto represent the company, product, or service to which they refer.', 'Please do not use these icons for any purpose except\nto represent the company, product, or service to which they refer.'],
      ['to represent the company, product, or service to which they refer.', 'to represent the company, product, or service to which they refer. Only for non-profits.'],
    ] as const) {
      expect(licence.includes(from), from).toBe(true);
      expect(identifyText(licence.replace(from, to)).expression, to).toBeNull();
    }
  });

  it("others' trademarks named as theirs, and the licences' own attribution condition, set no term", () => {
    expect(judge('All brand icons are trademarks of their respective owners. The use of these trademarks does not indicate endorsement of the trademark holder by Font Awesome, nor vice versa.')).toBe('benign');
    expect(judge('Please do not use brand logos for any purpose except to represent the company, product, or service to which they refer.')).toBe('benign');
    expect(judge('Attribution is required by MIT, SIL OFL, and CC BY licenses.')).toBe('benign');
    expect(judge("We've kept attribution comments terse, so we ask that you do not actively work to remove them from files, especially code.")).toBe('benign');
    // The same words about the work itself, or about a term of their own, are not.
    expect(judge('Please do not use this software for any purpose except to represent the company to which it refers.')).toBe('restricts');
    expect(judge('Please do not use brand logos for any purpose except non-commercial ones.')).toBe('restricts');
    expect(judge('Attribution is required by the Acme terms.')).toBe('unclear');
    expect(judge('We ask that you do not remove them and do not sell the software.')).toBe('restricts');
  });
});

// Font Awesome 5's file (fixtures/identify/fontawesome-free-5-LICENSE.txt, as
// @fortawesome/fontawesome-free 5.15.4 ships it; fontawesome-svg-core 1.2 and the 5.x icon
// packages ship the same): the notice and, for each licence, a line saying which files it covers,
// with no licence text at all. ScanCode has it as one notice (mit_and_ofl-1.1_and_cc-by-4.0_3),
// longer than the notices compiled otherwise (scripts/compile-notices.js, LONG_KEPT).
describe("Font Awesome 5's licence file", () => {
  const five = fixture('fontawesome-free-5-LICENSE.txt');

  it('is the three licences it names, all applying, read as the one notice it is', () => {
    const read = identifyText(five);
    expect(read.expression).toBe('MIT AND OFL-1.1 AND CC-BY-4.0');
    expect(read.matches).toEqual([expect.objectContaining({ id: 'MIT AND OFL-1.1 AND CC-BY-4.0', via: 'notice', start: 1, end: 34, rule: 'mit_and_ofl-1.1_and_cc-by-4.0_3' })]);
  });

  it('a term put into it keeps it unknown', () => {
    for (const [from, to] of [
      ['or really almost whatever you want.', 'or really almost whatever you want, but not for military use.'],
      ['packaged as SVG and JS file types.', 'packaged as SVG and JS file types, for non-commercial use only.'],
    ] as const) {
      expect(five.includes(from), from).toBe(true);
      expect(identifyText(five.replace(from, to)).expression, to).toBeNull();
    }
    // A paid licence asked for below it: the file reads as those commercial terms (payback).
    const paid = five.replace('to which they refer.**', 'to which they refer.** Commercial use requires a paid licence.');
    expect(identifyText(paid).expression).toBe('LicenseRef-scancode-commercial-license');
  });

  it('"SIL OFL 1.1 License (https://scripts.sil.org/OFL)" names OFL 1.1 (ScanCode files the rule under 1.0)', () => {
    expect(identifyText('Fonts: SIL OFL 1.1 License (https://scripts.sil.org/OFL)\n').expression).toBe('OFL-1.1');
  });
});
