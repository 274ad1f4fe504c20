// A request for payment that the licence says is not required (src/identify/requests.ts), and a
// notice offering the choice between exactly the licences whose texts follow (beside.ts): node-forge's
// real LICENSE, which webpack-dev-server's certificates need in every webpack project, was unknown.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/evaluate/index.js';
import { identifyLicenceText } from '../../src/identify/identify-file.js';
import { normalise } from '../../src/identify/normalise.js';
import { voluntaryRequest } from '../../src/identify/requests.js';
import { textOf } from './scenarios.js';

const forge = readFileSync(new URL('../../fixtures/identify/node-forge-LICENSE', import.meta.url), 'utf8');
const read = (text: string) => identifyLicenceText('LICENSE', text);
const mit = textOf('MIT');
const REQUEST = 'reasonable payment to Digital Bazaar, if you can\nafford it, is not required but is expected and would be appreciated.';

describe("node-forge's LICENSE", () => {
  it('is the choice its opening offers between the two texts below it, free for a business that distributes', () => {
    const found = read(forge);
    expect(found.expression).toBe('BSD-3-Clause OR GPL-2.0-only');
    expect(found.matches.map((match) => [match.id, match.start, match.end])).toEqual([
      ['BSD-3-Clause OR GPL-2.0-only', 1, 14],
      // (Its title line, "New BSD License (3-clause)", is read beside the text: a title is claimed only as whole lines.)
      ['BSD-3-Clause', 30, 50],
      ['GPL-2.0-only', 58, 330],
    ]);
    expect(evaluate(found.expression!, { entity: 'for-profit', uses: ['distribute', 'modify'] }).outcome).toBe('free');
  });

  it('reports its request for payment, which it says is not required, with its lines', () => {
    const { request } = read(forge);
    expect(request).toMatchObject({ start: 16, end: 23 });
    expect(request!.words).toMatch(/^if you are a commercial entity .* is not required but is expected and would be appreciated if this library saves you time .* for our efforts$/);
  });

  it('is unknown when the payment is required, or the paragraph binds', () => {
    expect(forge).toContain(REQUEST);
    expect(read(forge.replace(REQUEST, 'reasonable payment to Digital Bazaar is required.')).expression).toBeNull();
    expect(forge).toContain('The cost of developing');
    expect(read(forge.replace('The cost of developing', 'Companies with revenue must pay a licence fee. The cost of developing')).expression).toBeNull();
    expect(read(forge.replace(REQUEST, `${REQUEST} Payment is not required but is expected, unless you are a non-profit.`)).expression).toBeNull();
  });

  it('is no choice when the file holds another licence text as well', () => {
    const mit = 'Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the "Software"), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the following conditions:\n\nThe above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.\n\nTHE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.\n';
    const expression = read(`${forge}\n-------\nMIT License\n\n${mit}`).expression;
    expect(expression).not.toBe('BSD-3-Clause OR GPL-2.0-only');
    expect(expression === null || evaluate(expression, { entity: 'for-profit', uses: ['distribute'] }).outcome !== 'free').toBe(true);
  });
});

describe('voluntaryRequest', () => {
  const of = (text: string) => {
    const { words, lines } = normalise(text);
    return voluntaryRequest(words, lines);
  };

  it('is the whole paragraph that says the payment is not required', () => {
    const text = 'Use it as you like.\n\nA donation, if you find it useful, is not required but\nwould be appreciated. Thank you.\n\nThe end.';
    expect(of(text)).toMatchObject({ words: 'a donation if you find it useful is not required but would be appreciated thank you' });
  });

  it('is nothing when the paragraph binds or the payment is not said to be optional', () => {
    expect(of('A donation is not required but is welcome; companies must buy a licence.')).toBeUndefined();
    expect(of('Payment is not required for personal use, but is expected from companies only if they sell it.')).toBeUndefined();
    expect(of('Payment is expected and would be appreciated.')).toBeUndefined();
    expect(of('A donation is not required but is welcome, unless you are a bank.')).toBeUndefined();
  });
});

// The paragraph is the request, so nothing else in it may restrict: "This library is for
// non-commercial use. A donation is not required but is appreciated." beside an MIT text read as
// MIT, free, until the twenty-first session.
describe('a request in a paragraph that restricts', () => {
  it.each([
    'Free for personal use only. For commercial use, a payment is not required but is expected and would be appreciated.',
    'This library is for non-commercial use. A donation is not required but is appreciated.',
    'This library may be used in personal projects. A donation is not required but is appreciated.',
    'For educational use. Donations are appreciated, but not required.',
    'Use it with the prior written permission of Acme. A donation is appreciated but not required.',
  ])('"%s" beside a licence text is no request: unknown', (paragraph) => {
    const found = read(`Copyright (c) 2024 Acme\n\n${mit}\n\n${paragraph}\n`);
    expect(found.expression).toBeNull();
    expect(found.request).toBeUndefined();
  });
});

describe('the same request the other way round', () => {
  const of = (text: string, phrase = false) => {
    const { words, lines } = normalise(text);
    return voluntaryRequest(words, lines, phrase);
  };

  it.each([
    ['A donation and/or attribution are appreciated, but not required.', 'a donation and or attribution are appreciated but not required'],
    ['I would appreciate a donation, but it is not required.', 'i would appreciate a donation but it is not required'],
    ['Sponsorship is always welcome but not mandatory.', 'sponsorship is always welcome but not mandatory'],
  ])('"%s" asks for money it does not require', (text, words) => {
    expect(of(text)).toMatchObject({ words });
  });

  it('is, as a phrase, the asking words alone: a licence named on its line stays to be read (stream-length)', () => {
    const line = '[WTFPL](http://www.wtfpl.net/txt/copying/) or [CC0](https://creativecommons.org/publicdomain/zero/1.0/), whichever you prefer. A donation and/or attribution are appreciated, but not required.';
    expect(of(line, true)).toMatchObject({ words: 'a donation and or attribution are appreciated but not required' });
    const readme = identifyLicenceText('README.md', `# stream-length\n\n## License\n\n${line}\n\n## Donate\n\nMy income consists entirely of donations.\n`);
    expect(readme).toMatchObject({ expression: 'WTFPL OR CC0-1.0', request: { words: 'a donation and or attribution are appreciated but not required', start: 5, end: 5 } });
  });

  it('asking for credit alone is a courtesy: no term, no payment to report', () => {
    expect(of('Attribution is appreciated but not required.')).toBeUndefined();
    for (const courtesy of ['Attribution is appreciated but not required.', 'I would appreciate attribution, but that is not required by the license.', 'If you make an improvement, it would be courteous to let the author know, but it is not compulsory.']) {
      const found = read(`Copyright (c) 2024 Acme\n\n${mit}\n\n${courtesy}\n`);
      expect(found.expression).toBe('MIT');
      expect(found.request).toBeUndefined();
    }
    expect(read(`Copyright (c) 2024 Acme\n\n${mit}\n\nAttribution is appreciated but not required; companies must credit Acme on their website.\n`).expression).toBeNull();
  });

});
