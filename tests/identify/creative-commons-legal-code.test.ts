// Creative Commons' licences copied from the legal code's web page, without Creative Commons' own
// words around it (the considerations above, "Creative Commons is not a party …" below), as
// cspell's English misspellings dictionary (some 5 million downloads a month) ships CC BY-SA 4.0.
// SPDX's text holds both, and such a copy held too little of it to be its match (0.88): unknown.
import { describe, expect, it } from 'vitest';
import { identifyText } from '../../src/identify/index.js';
import { textOf } from './scenarios.js';

/** The licence's title, then its legal code alone (from "By exercising" / "THE WORK (AS DEFINED BELOW)" to the notice below it). */
function legalCode(id: string, title: string): string {
  const text = textOf(id).replace(/\r\n/g, '\n');
  const start = text.search(/By exercising the Licensed Rights|THE WORK \(AS DEFINED BELOW\) IS PROVIDED/);
  const end = text.search(/Creative Commons (?:Notice\s+Creative Commons )?is not a party/);
  expect(start).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(start);
  return `${title}\n\n${text.slice(start, end)}`;
}

describe("a Creative Commons licence without Creative Commons' own words around its legal code", () => {
  it.each([
    ['CC-BY-SA-4.0', 'Attribution-ShareAlike 4.0 International'],
    ['CC-BY-4.0', 'Attribution 4.0 International'],
    ['CC-BY-NC-SA-4.0', 'Attribution-NonCommercial-ShareAlike 4.0 International'],
    ['CC-BY-NC-3.0', 'Attribution-NonCommercial 3.0 Unported'],
  ])('%s is itself (it was unknown)', (id, title) => {
    expect(identifyText(legalCode(id, title)).expression).toBe(id);
  });

  it('a term put into it still keeps it unknown, and a NonCommercial copy is never its sibling', () => {
    const bySa = legalCode('CC-BY-SA-4.0', 'Attribution-ShareAlike 4.0 International');
    // (Inside the legal code: its words are read again and aligned, as any known text's.)
    const term = bySa.replace('Adapted Material means', 'Adapted Material, which may not be used by banks, means');
    expect(term).not.toBe(bySa);
    expect(identifyText(term).expression).toBeNull();
    expect(identifyText(`${bySa}\nNot for commercial use.\n`).expression).toBeNull();
    expect(identifyText(legalCode('CC-BY-NC-4.0', 'Attribution-NonCommercial 4.0 International')).expression).toBe('CC-BY-NC-4.0');
  });
});
