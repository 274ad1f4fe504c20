// Microsoft's third-party notices format (src/identify/microsoft-notices.ts), from four sections of
// playwright-core's real lib/utilsBundle.js.LICENSE: MIT, ISC, a component that shipped no licence
// text ("(no license text found; declared licenses: MIT)") and BSD-3-Clause, with the preamble's
// title and component list.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { identifyLicenceText } from '../../src/identify/identify-file.js';
import { identifyMicrosoftNotices, isMicrosoftNotices } from '../../src/identify/microsoft-notices.js';
import { identifyText } from '../../src/identify/identify.js';

const notices = readFileSync(new URL('../../fixtures/identify/bundled/microsoft-notices.txt', import.meta.url), 'utf8');
const read = (text: string) => identifyLicenceText('lib/utilsBundle.js.LICENSE', text);

describe("Microsoft's notices format", () => {
  it('is the AND of its sections, every one a licence of bundled code', () => {
    expect(isMicrosoftNotices(notices)).toBe(true);
    const found = read(notices);
    expect(found.expression).toBe('MIT AND ISC AND BSD-3-Clause');
    expect(found.bundle).toEqual({ own: null, bundled: 'MIT AND ISC AND BSD-3-Clause' });
    // Lines are the file's: the MIT text of the first section, the declared licence of the third.
    expect(found.matches.map((match) => [match.id, match.start, match.end])).toEqual([
      ['MIT', 14, 34],
      ['ISC', 40, 54],
      ['MIT', 60, 60],
      ['BSD-3-Clause', 69, 92],
    ]);
  });

  it('keeps Microsoft’s sentences above the sections from reading as terms', () => {
    const preamble = 'This project incorporates components from the projects listed below. The original copyright notices and the licenses under which Microsoft received such components are set forth below. Microsoft reserves all rights not expressly granted herein, whether by implication, estoppel or otherwise.';
    expect(read(notices.replace('The following npm packages are inlined into this bundle.', preamble)).expression).toBe('MIT AND ISC AND BSD-3-Clause');
  });

  it('is unknown, naming the section, when a section cannot be read', () => {
    const changed = notices.replace('Redistribution and use in source and binary forms', 'Redistribution in binary form only');
    const found = read(changed);
    expect(found.expression).toBeNull();
    expect(found.reason).toBe('it lists the licences of the components it holds section by section, and section "source-map@0.6.1" (line 64) holds a licence text or notice copyfair cannot vouch for');
    const unreadable = read(notices.replace('declared licenses: MIT)', 'declared licenses: Acme Community Licence)'));
    expect(unreadable.expression).toBeNull();
    expect(unreadable.reason).toContain('section "proxy-agent-negotiate@1.1.0" (line 58) declares a licence copyfair cannot read ("Acme Community Licence")');
    const empty = read(notices.replace('(no license text found; declared licenses: MIT)', ''));
    expect(empty.reason).toContain('section "proxy-agent-negotiate@1.1.0" (line 58) names no licence');
  });

  it('is unknown when words outside its sections restrict, or a section does not end', () => {
    const terms = read(notices.replace('The following npm packages are inlined into this bundle.', 'These packages may not be used for commercial purposes.'));
    expect(terms.expression).toBeNull();
    expect(terms.reason).toContain('the words outside its sections (line 1) read like terms');
    const open = read(notices.replace('END OF isexe@2.0.0 NOTICES AND INFORMATION', ''));
    expect(open.expression).toBeNull();
    expect(open.reason).toContain('section "isexe@2.0.0" (line 38) has no END OF line');
  });

  it('is not read so without its section lines', () => {
    expect(identifyMicrosoftNotices('MIT License\n\nTHIRD-PARTY SOFTWARE NOTICES AND INFORMATION\n', identifyText, () => null)).toBeUndefined();
  });
});

// Microsoft's other notices preamble with no component after it, as vscode-jsonrpc and the rest of
// the vscode-languageserver packages ship their thirdpartynotices.txt: "NOTICES AND INFORMATION / Do
// Not Translate or Localize / This software incorporates material from third parties. Microsoft
// makes certain open source code available at …" and the LGPL's permission to reverse engineer. It
// lists nothing (its LGPL sentence read as an LGPL grant kept every such package unknown).
describe("Microsoft's older notices headings (monaco-editor's ThirdPartyNotices.txt)", () => {
  const mit = (holder: string) => `Copyright ${holder}.\n\nPermission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the "Software"), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the following conditions:\n\nThe above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.\n\nTHE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.`;
  // Its preamble over three lines, an old heading "%% name (address)" closed under a shorter name,
  // and a heading of the newer form, as the file mixes them.
  const monaco = [
    'THIRD-PARTY SOFTWARE NOTICES AND INFORMATION', 'Do Not Translate or Localize', '',
    'This project incorporates components from the projects listed below. The original copyright notices and the licenses',
    'under which Microsoft received such components are set forth below. Microsoft reserves all rights not expressly granted',
    'herein, whether by implication, estoppel or otherwise.', '', '', '',
    '%% nodejs path library (https://github.com/nodejs/node/tree/43dd49c9782848c25e5b03448c8a0f923f13c158)', '=========================================',
    mit('Joyent, Inc. and other Node contributors'), '=========================================', 'END OF nodejs path library NOTICES AND INFORMATION', '', '', '',
    '%% markedjs NOTICES AND INFORMATION BEGIN HERE', '=========================================',
    mit('(c) 2011-2021, Christopher Jeffrey'), '=========================================', 'END OF markedjs NOTICES AND INFORMATION', '',
  ].join('\n');

  it('reads each section, its preamble over several lines no term', () => {
    expect(isMicrosoftNotices(monaco)).toBe(true);
    const found = identifyLicenceText('ThirdPartyNotices.txt', monaco);
    expect(found.expression).toBe('MIT');
    expect(found.matches.map((match) => match.start)).toEqual([14, 28]);
  });

  it('stays unknown, naming it, for a section it cannot read, and for words outside that restrict', () => {
    const odd = monaco.replace(mit('(c) 2011-2021, Christopher Jeffrey'), 'Copyright Acme.\n\nFor use in Acme products only.');
    expect(identifyLicenceText('ThirdPartyNotices.txt', odd).reason).toContain('section "markedjs"');
    expect(identifyLicenceText('ThirdPartyNotices.txt', odd).expression).toBeNull();
    expect(identifyLicenceText('ThirdPartyNotices.txt', monaco.replace('Do Not Translate or Localize', 'Not for commercial use')).expression).toBeNull();
  });
});

describe('a notices file that is Microsoft’s preamble alone', () => {
  const preambleOnly = readFileSync(new URL('../../fixtures/identify/bundled/vscode-jsonrpc-thirdpartynotices.txt', import.meta.url), 'utf8');

  it('lists no component and adds nothing', () => {
    expect(identifyLicenceText('thirdpartynotices.txt', preambleOnly)).toEqual({ expression: null, matches: [], candidates: [], listsNone: 'This software incorporates material from third parties.' });
  });

  it('is read as any notices file with a word more, a term or a component after it', () => {
    expect(identifyLicenceText('thirdpartynotices.txt', `${preambleOnly}\nYou may not use this software for commercial purposes.\n`).listsNone).toBeUndefined();
    expect(identifyLicenceText('thirdpartynotices.txt', `${preambleOnly}\n\n${notices}`).listsNone).toBeUndefined();
    // Only a notices file: the same words in a LICENSE are read as a licence file's.
    expect(identifyLicenceText('LICENSE', preambleOnly).listsNone).toBeUndefined();
  });
});

// The same preamble above the components it found (vscode-languageserver's thirdpartynotices.txt:
// "vscode-jsonrpc - MIT", its MIT text, and two more), and Microsoft's "Third Party Code" preamble
// above a numbered list (vscode-languageserver-protocol's: "1. DefinitelyTyped version 0.0.1 (…)",
// its MIT text). The preambles are no terms of the components'; both were unknown.
describe('Microsoft’s notices preambles above the components they list', () => {
  const fixture = (name: string) => readFileSync(new URL(`../../fixtures/identify/bundled/${name}`, import.meta.url), 'utf8');
  const server = fixture('vscode-languageserver-thirdpartynotices.txt');
  const protocol = fixture('vscode-languageserver-protocol-thirdpartynotices.txt');

  it('reads the components’ licences, on the file’s own lines', () => {
    expect(identifyLicenceText('thirdpartynotices.txt', server)).toMatchObject({ expression: 'MIT' });
    expect(identifyLicenceText('thirdpartynotices.txt', server).matches.map((match) => match.start)).toEqual([30, 53, 75]);
    expect(identifyLicenceText('thirdpartynotices.txt', protocol)).toMatchObject({ expression: 'MIT' });
  });

  it('reads a line under the title that says more than a product’s name', () => {
    expect(identifyLicenceText('thirdpartynotices.txt', protocol.replace('For Microsoft vscode-languageclient', 'For Microsoft customers only')).expression).toBeNull();
    // A component's line likewise: a list item that says a term is no component.
    expect(identifyLicenceText('thirdpartynotices.txt', protocol.replace(/1\.\s+DefinitelyTyped/, '1. Not for commercial use')).expression).toBeNull();
  });

  it('still reads a term written among the preamble’s sentences', () => {
    const term = 'Microsoft is not the original author of the Third Party Code.';
    expect(protocol).toContain(term);
    expect(identifyLicenceText('thirdpartynotices.txt', protocol.replace(term, `${term} You may not use it for commercial purposes.`)).expression).toBeNull();
  });
});

// monaco-editor 0.52's ThirdPartyNotices.txt quotes TypeScript's notices whole as one section: its
// Apache-2.0 text, then "The TypeScript software incorporates third party material from the projects
// listed below …" and, under "--- DefinitelyTyped ---", Microsoft's statement that the licences
// below are "provided for informational purposes only. Microsoft, not the third party, licenses the
// Third Party Code to you under the terms set forth in the EULA for the Microsoft Product" (the
// same statement that makes TypeScript's own ThirdPartyNoticeText.txt informational), then
// DefinitelyTyped's MIT, Unicode's, the WHATWG's CC-BY-4.0 and W3C's agreements. The section was
// read whole, and its W3C agreement made the reason name it, when what a person must read is the
// next section (HTML 5.1's W3C document notice, which grants nothing in the words quoted).
describe('a component’s own notices quoted as one section (TypeScript’s in monaco-editor’s)', () => {
  const mit = (holder: string) => `Copyright ${holder}.\n\nPermission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the "Software"), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the following conditions:\n\nThe above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.\n\nTHE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.`;
  const statement =
    'This file is based on or incorporates material from the projects listed below (collectively "Third Party Code"). Microsoft is not the original author of the Third Party Code. The original copyright notice and the license, under which Microsoft received such Third Party Code, are set forth below. Such licenses and notices are provided for informational purposes only. Microsoft, not the third party, licenses the Third Party Code to you under the terms set forth in the EULA for the Microsoft Product. Microsoft reserves all other rights not expressly granted under this agreement, whether by implication, estoppel or otherwise.';
  const agreement = 'W3C Community Final Specification Agreement\nThis Agreement sets forth the terms under which I make certain copyright and patent rights available to you for your implementation of the Specification, for members of the Community Group only.';
  const section = (name: string, body: string) => [`%% ${name}`, '=========================================', body, '=========================================', `END OF ${name} NOTICES AND INFORMATION`, '', ''].join('\n');
  const typescript = [
    mit('(c) Microsoft Corporation'),
    '',
    'The TypeScript software incorporates third party material from the projects listed below. The original copyright notice and the license under which Microsoft received such third party material are set forth below. Microsoft reserves all other rights not expressly granted, whether by implication, estoppel or otherwise.',
    '',
    '------------------- DefinitelyTyped --------------------',
    statement,
    'DefinitelyTyped',
    mit('DefinitelyTyped contributors'),
    '------------------- Web Background Synchronization --------------------',
    agreement,
  ].join('\n');
  const file = (typescriptBody: string, after = '') => ['THIRD-PARTY SOFTWARE NOTICES AND INFORMATION', 'Do Not Translate or Localize', '', section('markedjs', mit('(c) 2011-2021, Christopher Jeffrey')), section('typescript version 4.4.4 (https://github.com/microsoft/TypeScript)', typescriptBody), after].join('\n');
  const read = (text: string) => identifyLicenceText('ThirdPartyNotices.txt', text);

  it('reads the section’s own licence above the statement, and what it lists below as information', () => {
    const found = read(file(typescript));
    expect(found.expression).toBe('MIT');
    // The component's own text, on the file's lines; nothing of what it lists.
    expect(found.matches.map((match) => [match.id, match.start])).toEqual([['MIT', 8], ['MIT', 21]]);
  });

  it('reads the section whole without the statement, and then names it', () => {
    const found = read(file(typescript.replace('Microsoft, not the third party, licenses the Third Party Code to you under the terms set forth in the EULA for the Microsoft Product. ', '')));
    expect(found.expression).toBeNull();
    expect(found.reason).toContain('section "typescript version 4.4.4 (https://github.com/microsoft/TypeScript)" (line 17)');
  });

  it('names no licence for a section that is the statement and its list with no text of its own above', () => {
    const listOnly = typescript.slice(typescript.indexOf('The TypeScript software'));
    const found = read(file(listOnly));
    expect(found.expression).toBeNull();
    expect(found.reason).toContain('section "typescript version 4.4.4 (https://github.com/microsoft/TypeScript)" (line 17) names no licence');
  });

  it('still reads a term in the section’s own part, above the statement', () => {
    const found = read(file(typescript.replace('The TypeScript software incorporates', 'For use in Acme products only. The TypeScript software incorporates')));
    expect(found.expression).toBeNull();
    expect(found.reason).toContain('section "typescript version 4.4.4');
  });
});

// A notices file with more than one section a person must read named only the first: reading it,
// finding it fine and pinning the file would leave the others unread. And the stretches a
// section's text left unexplained were given in the section's lines, not the file's.
describe('every section a person must read, named on the file’s lines', () => {
  const odd = (name: string, words: string) => [`%% ${name} NOTICES AND INFORMATION BEGIN HERE`, '=========================================', `Copyright ${name}.`, '', words, '=========================================', `END OF ${name} NOTICES AND INFORMATION`, ''].join('\n');
  const reason = (text: string) => identifyLicenceText('ThirdPartyNotices.txt', text).reason;

  it('names each one, up to five, then counts the rest', () => {
    const two = `${notices}\n${odd('acme', 'For use in Acme products only.')}\n${odd('zenith', 'For use in Zenith products only.')}`;
    const found = identifyLicenceText('ThirdPartyNotices.txt', two);
    expect(found.expression).toBeNull();
    const lines = two.split('\n');
    const acme = lines.indexOf('%% acme NOTICES AND INFORMATION BEGIN HERE') + 1;
    const zenith = lines.indexOf('%% zenith NOTICES AND INFORMATION BEGIN HERE') + 1;
    expect(found.reason).toBe(`it lists the licences of the components it holds section by section, and section "acme" (line ${acme}) holds a licence text or notice copyfair cannot vouch for; section "zenith" (line ${zenith}) holds a licence text or notice copyfair cannot vouch for`);
    // Each section's unexplained words where the file has them.
    for (const stretch of found.unexplained ?? []) expect(lines.slice(stretch.start - 1, stretch.end).join(' ').toLowerCase()).toContain(stretch.words.split(' ')[0]);
    // (From the copyright line, the section's first line of text, to the term.)
    expect(found.unexplained?.map((stretch) => [stretch.start, stretch.end])).toEqual([[acme + 2, acme + 4], [zenith + 2, zenith + 4]]);
    const seven = [notices, ...['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((name) => odd(`acme-${name}`, 'For use in Acme products only.'))].join('\n');
    expect(reason(seven)).toMatch(/section "acme-e" \(line \d+\) holds a licence text or notice copyfair cannot vouch for; and 2 more sections the same way$/);
    expect(reason(seven)).not.toContain('acme-f');
  });
});

// The generator's older wording, as typed-rest-client's ThirdPartyNotice.txt has it (an excerpt of
// the real file: its preamble for "Third Party IP", its numbered list, and two of its sections):
// "%% balanced-match NOTICES, INFORMATION, AND LICENSE BEGIN HERE". Read as one text, its 49
// sections' licences overlapped and the file was unknown for the preamble's words.
describe('Microsoft’s older notices wording (typed-rest-client’s ThirdPartyNotice.txt)', () => {
  const vsts = readFileSync(new URL('../../fixtures/identify/bundled/microsoft-notices-vsts.txt', import.meta.url), 'utf8');
  const readVsts = (text: string) => identifyLicenceText('ThirdPartyNotice.txt', text);

  it('reads each section, the preamble and the numbered list no term', () => {
    expect(isMicrosoftNotices(vsts)).toBe(true);
    const found = readVsts(vsts);
    expect(found.expression).toBe('MIT AND ISC');
    expect(found.matches.map((match) => [match.id, match.start])).toEqual([
      ['MIT', 15],
      ['ISC', 41],
    ]);
  });

  it('names a section the generator found no licence text for', () => {
    const none = vsts.replace('%% inherits NOTICES', '%% brace-expansion NOTICES, INFORMATION, AND LICENSE BEGIN HERE\n=========================================\nNo license text available.\n=========================================\nEND OF brace-expansion NOTICES, INFORMATION, AND LICENSE\n\n%% inherits NOTICES');
    const found = readVsts(none);
    expect(found.expression).toBeNull();
    expect(found.reason).toContain('section "brace-expansion" (line 39) says no licence text was available for it');
  });

  it('still reads a term among the preamble’s sentences, or a list item that says more', () => {
    const preamble = 'Such licenses and notices are provided for informational purposes only.';
    expect(vsts).toContain(preamble);
    expect(readVsts(vsts.replace(preamble, `${preamble} Use by companies requires a paid subscription.`)).expression).toBeNull();
    expect(readVsts(vsts.replace('21.\tinherits (git://github.com/isaacs/inherits.git)', '21.\tinherits (git://github.com/isaacs/inherits.git), for internal use only')).expression).toBeNull();
  });
});
