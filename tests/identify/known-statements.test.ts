// A statement beside licence texts saying which part is under which (src/identify/known-statements.ts):
// the Model Context Protocol SDK's LICENSE (@modelcontextprotocol/core and /server 2.4.0, the real
// file), its licensing transition from MIT to Apache-2.0 and CC-BY-4.0 for documentation.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/evaluate/index.js';
import { identifyLicenceText } from '../../src/identify/identify-file.js';
import { knownStatement } from '../../src/identify/known-statements.js';
import { normalise } from '../../src/identify/normalise.js';
import { fixture, replacedIn } from './scenarios.js';

const mcp = fixture('modelcontextprotocol-core-2-LICENSE');
const read = (text: string) => identifyLicenceText('LICENSE', text);
/** Each of `changed` (a known file with a word changed, added or left out) is read as any text is: never as the known file's `expression`. */
const readAnew = (original: string, changed: readonly string[], expression: string) => {
  for (const text of changed) {
    expect(text).not.toBe(original);
    expect(read(text).expression).not.toBe(expression);
  }
};

describe("the MCP SDK's licensing transition", () => {
  it('is every licence the file grants, free for a business that distributes', () => {
    const found = read(mcp);
    expect(found.expression).toBe('(Apache-2.0 AND MIT) AND CC-BY-4.0');
    expect(found.unexplained).toBeUndefined();
    expect(evaluate(found.expression!, { entity: 'for-profit', uses: ['distribute'] }).outcome).toBe('free');
  });

  it('is read as before with a word changed, added or left out', () => {
    const sentence = 'All new code and specification contributions to the project are licensed under Apache-2.0.';
    expect(mcp).toContain(sentence);
    expect(read(mcp.replace(sentence, 'All new code and specification contributions to the project are licensed under Apache-2.0 for non-commercial use only.')).expression).toBeNull();
    expect(read(mcp.replace(sentence, 'All new code contributions to the project are licensed under Apache-2.0.')).expression).toBeNull();
    expect(read(mcp.replace('Documentation in this project (excluding specifications)', 'Documentation in this project (excluding commercial use)')).expression).toBeNull();
  });

  it('is recognised only beside the licences it names', () => {
    const statement = normalise(mcp.split('\n---\n')[0]!).words;
    expect(knownStatement(statement, ['Apache-2.0', 'MIT', 'CC-BY-4.0'])).toBeDefined();
    expect(knownStatement(statement, ['Apache-2.0', 'MIT'])).toBeUndefined();
    expect(knownStatement(statement.slice(1), ['Apache-2.0', 'MIT', 'CC-BY-4.0'])).toBeUndefined();
  });
});

// spdx-exceptions 2.5.0 (in most npm trees, under spdx-expression-parse) ships no licence file; its
// README's "Copyright and Licensing" section (the real file) is known word for word: CC-BY-3.0.
describe("spdx-exceptions' licence section", () => {
  const readme = fixture('spdx-exceptions-2.5.0-README.md');

  it('is CC-BY-3.0, as the package declares, read from the README', () => {
    expect(identifyLicenceText('README.md', readme)).toMatchObject({ expression: 'CC-BY-3.0', section: 9, source: 'readme' });
  });

  it('is read as before with a word added or changed', () => {
    const sentence = 'You should, too.';
    expect(readme).toContain(sentence);
    expect(identifyLicenceText('README.md', readme.replace(sentence, 'You should, too. Not for commercial use.')).expression).toBeNull();
    expect(identifyLicenceText('README.md', readme.replace('Attribution License 3.0 Unported', 'Attribution-NonCommercial License 3.0 Unported')).expression).not.toBe('CC-BY-3.0');
  });
});

// sockjs 0.3.24's COPYING (under webpack-dev-server 4 and 5): code derived from Socket.IO, whose
// licence is at an address ("see https://github.com/LearnBoost/socket.io/tree/0.6.17#readme": the
// MIT License), and the rest MIT. Known word for word; sockjs was unknown in every such tree.
describe("sockjs's COPYING", () => {
  const copying = fixture('sockjs-0.3.24-COPYING');

  it('is MIT, as the file it points at says', () => {
    expect(read(copying)).toMatchObject({ expression: 'MIT', matches: [{ id: 'MIT', start: 1, end: 6, via: 'notice' }] });
    expect(read(copying.replace(/\n/g, '\r\n')).expression).toBe('MIT');
  });

  it('is read as any text is when a word is changed, added or left out', () => {
    readAnew(copying, [
      replacedIn(copying, '0.6.17', '0.9.0'),
      replacedIn(copying, 'All other code is released on MIT license', 'All other code is released on GPL license'),
      replacedIn(copying, 'Parts of the code', 'Parts of the code, not for commercial use,'),
      `${copying}\nNon-commercial use only.\n`,
    ], 'MIT');
  });
});

// HyperFormula 3's LICENSE.txt: the GPLv3 or Handsoncode's proprietary licence, with the company's
// register entry and a disclaimer in capitals. Known word for word; the package was unknown.
describe("HyperFormula's LICENSE.txt", () => {
  const licence = fixture('hyperformula-3-LICENSE.txt');

  it('is the GPL-3.0 or a commercial licence: share-alike for a business that distributes, never free', () => {
    const found = read(licence);
    expect(found.expression).toBe('GPL-3.0-only OR LicenseRef-scancode-commercial-license');
    expect(found.matches.map((match) => match.id)).toEqual(['GPL-3.0-only', 'LicenseRef-scancode-commercial-license']);
    expect(evaluate(found.expression!, { entity: 'for-profit', uses: ['distribute'] }).outcome).toBe('share-alike');
  });

  it('is read as any text is when a word is changed, added or left out', () => {
    readAnew(licence, [
      replacedIn(licence, 'General Public License version 3', 'General Public License version 3 or any later version'),
      replacedIn(licence, 'authorized reseller.', 'authorized reseller. Non-commercial use only.'),
      replacedIn(licence, '(GPLv3).', '(GPLv3) for evaluation.'),
    ], 'GPL-3.0-only OR LicenseRef-scancode-commercial-license');
  });
});

// JSDoc 4's LICENSE.md: Apache-2.0, "Commercial and non-commercial use are permitted", and its
// third-party software under MIT (quoted once) and Apache-2.0. Known word for word.
describe("JSDoc's LICENSE.md", () => {
  const licence = fixture('jsdoc-4-LICENSE.md');

  it('is Apache-2.0 and MIT: free for a business that distributes', () => {
    const found = read(licence);
    expect(found.expression).toBe('Apache-2.0 AND MIT');
    expect(evaluate(found.expression!, { entity: 'for-profit', uses: ['distribute'] }).outcome).toBe('free');
  });

  it('is read as any text is when a word is changed, added or left out', () => {
    readAnew(licence, [
      replacedIn(licence, 'Commercial and non-commercial use are permitted', 'Only non-commercial use is permitted'),
      replacedIn(licence, 'Jasmine is distributed under the MIT license', 'Jasmine is distributed under the GPL license'),
      `${licence}\n## Acme\n\nAcme is distributed under the Acme Evaluation License.\n`,
    ], 'Apache-2.0 AND MIT');
  });
});

// The W3C repositories' LICENSE.md, as focus-visible 5 ships it: the W3C Software and Document
// License for the repository, and the W3C CLA for contributors. Known word for word; focus-visible
// (declared W3C) was unknown.
describe("the W3C repositories' LICENSE.md", () => {
  const licence = fixture('focus-visible-5-LICENSE.md');

  it('is the W3C Software and Document License, free for a business that distributes', () => {
    const found = read(licence);
    expect(found.expression).toBe('W3C-20150513');
    expect(evaluate(found.expression!, { entity: 'for-profit', uses: ['distribute'] }).outcome).toBe('free');
  });

  it('is read as any text is when a word is changed, added or left out', () => {
    readAnew(licence, [
      replacedIn(licence, 'Contributions to', 'Commercial uses of'),
      replacedIn(licence, 'W3C CLA', 'W3C Member Agreement'),
      `${licence}\nNon-commercial use only.\n`,
    ], 'W3C-20150513');
  });
});
