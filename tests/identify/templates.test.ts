// The SPDX templates (issue 8): replaceable text, optional parts, titles, Markdown, CRLF, and a
// matcher that hostile text can neither fool (a restriction hidden in a name) nor slow down.
import { describe, expect, it } from 'vitest';
import { identifyText, identifyWith, loadCorpus } from '../../src/identify/index.js';
import { normalise } from '../../src/identify/normalise.js';
import { matchTemplate, matchTemplateAll } from '../../src/identify/template-match.js';
import { openTemplates, packTemplates } from '../../src/identify/template-store.js';
import { compileTemplate, templateOf } from '../../src/identify/templates.js';
import { run } from '../cli/run.js';
import { fixture, textOf } from './scenarios.js';

const YAHOO = fixture('bsd-3-yahoo.txt');

describe('replaceable text (<alt>)', () => {
  it('BSD-3-Clause naming its holder in clause 3 and the disclaimer matches exactly', () => {
    const result = identifyText(YAHOO);
    expect(result.expression).toBe('BSD-3-Clause');
    expect(result.matches).toEqual([{ id: 'BSD-3-Clause', confidence: 1, start: 4, end: 27 }]);
    expect(result.candidates[0]).toEqual({ id: 'BSD-3-Clause', confidence: 1 });
  });

  it('without the templates the same file is unknown (what the templates add)', () => {
    const result = identifyWith(YAHOO, loadCorpus(), { templates: false });
    expect(result.expression).toBeNull();
    expect(result.matches[0]!.confidence).toBeLessThan(1);
  });

  it('a restriction hidden in the holder\'s name does not fit the gap', () => {
    const hostile = YAHOO.replace('Neither the name of Yahoo! Inc. nor', 'Neither the name of Yahoo! Inc. (not for military use) nor');
    expect(matchTemplate(templateOf('BSD-3-Clause')!, normalise(hostile).words)).toBeUndefined();
    const result = identifyText(hostile);
    expect(result.expression).toBeNull();
    expect(result.matches[0]).toMatchObject({ id: 'BSD-3-Clause', doubt: { kind: 'inserted' } });
  });

  it('a list marker\'s place takes a marker\'s words, not a note (SPDX lets a bullet be any twenty characters)', () => {
    const bsd3 = templateOf('BSD-3-Clause')!;
    // Each read as BSD-3-Clause, free, in the thirty-second session.
    for (const note of ['Apart from Amazon.', 'For students.', 'Amazon excepted.', 'Schools and universities.']) {
      const text = YAHOO.replace('    * Neither the name', `${note}\n\n    * Neither the name`);
      expect(matchTemplate(bsd3, normalise(text).words), note).toBeUndefined();
      expect(identifyText(text).expression, note).toBeNull();
    }
    // Markers where a re-wrapped file puts them, mid-line: "2.", "(b)", "iii)".
    for (const marker of ['2.', '(b)', 'iii)']) {
      const text = YAHOO.replace(/disclaimer\.\n\n\s*\* Redistributions in binary/, `disclaimer. ${marker} Redistributions in binary`);
      expect(text, marker).not.toBe(YAHOO);
      expect(matchTemplate(bsd3, normalise(text).words), marker).toBeDefined();
    }
  });

  it('no replaceable text takes an exception of someone ("other than Amazon"), where a name would fit', () => {
    const bsd3 = templateOf('BSD-3-Clause')!;
    for (const [from, to] of [
      ['Neither the name of Yahoo! Inc. nor', 'Neither the name of Yahoo! Inc. other than Amazon nor'],
      ['PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"', 'PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS APART FROM AMAZON "AS IS"'],
    ]) {
      const text = YAHOO.replace(from!, to!);
      expect(text).not.toBe(YAHOO);
      expect(matchTemplate(bsd3, normalise(text).words), to).toBeUndefined();
      expect(identifyText(text).expression, to).toBeNull();
      // The same place holds a name.
      expect(matchTemplate(bsd3, normalise(YAHOO.replace(from!, to!.replace(/other than amazon|apart from amazon/i, 'Acme Labs'))).words), to).toBeDefined();
    }
  });

  it('a pattern\'s listed alternatives match ("are|is", "EXPRESS(ED)?") and others do not', () => {
    const template = compileTemplate('T', ['Redistribution ', { a: 'are|is', t: 'are' }, ' permitted and ', { a: 'EXPRESS(ED)?', t: 'EXPRESS' }, ' warranties']);
    for (const text of ['Redistribution is permitted and expressed warranties', 'Redistribution are permitted and express warranties']) {
      expect(matchTemplate(template, normalise(text).words)).toEqual({ from: 0, to: 5 });
    }
    expect(matchTemplate(template, normalise('Redistribution was permitted and express warranties').words)).toBeUndefined();
  });
});

describe('optional parts (<optional>, titles, appendices)', () => {
  const gpl = textOf('GPL-2.0-only');
  const appendix = gpl.indexOf('How to Apply These Terms');

  it('GPL-2.0 with and without its "How to Apply" appendix is GPL-2.0-only, matched whole', () => {
    for (const text of [gpl, gpl.slice(0, appendix)]) {
      const result = identifyText(text);
      expect(result.expression).toBe('GPL-2.0-only');
      expect(result.matches).toHaveLength(1);
      expect(result.matches[0]!.confidence).toBe(1);
    }
  });

  it('GPL-2.0 as the FSF ships it: the closing paragraph ("Library" or "Lesser") and "(2)" wrapped to a line\'s start', () => {
    // The SPDX list's plain text stops at "Ty Coon, President of Vice"; the template has the closing
    // paragraph as optional. A template match is the licence's own words: nothing in it is inserted.
    const closing = (which: string) => `\n\nThis General Public License does not permit incorporating your program into\nproprietary programs.  If your program is a subroutine library, you may\nconsider it more useful to permit linking proprietary applications with the\nlibrary.  If this is what you want to do, use the GNU ${which} General\nPublic License instead of this License.\n`;
    for (const which of ['Library', 'Lesser']) expect(identifyText(gpl + closing(which)).expression).toBe('GPL-2.0-only');
    const fsf = gpl.replace(/copyright the software, and (\(2\)) offer/, 'copyright the software, and\n$1 offer');
    expect(fsf).not.toBe(gpl);
    expect(identifyText(fsf + closing('Lesser')).expression).toBe('GPL-2.0-only');
    // The closing paragraph with a term of its own is not the licence's.
    expect(identifyText(`${gpl}${closing('Lesser')}\nThis program may not be used for military purposes.\n`).expression).toBeNull();
  });

  it('the appendix\'s sample "any later version" never makes the file -or-later', () => {
    const changed = gpl.replace('How to Apply These Terms to Your New Programs', 'How to Apply These Terms to Your New Programs (a sample)');
    expect(identifyText(changed).expression).toBe('GPL-2.0-only');
  });

  it('LGPL-3.0 as packages ship it, without the GPL appended, is LGPL-3.0-only', () => {
    const lgpl = textOf('LGPL-3.0-only');
    const alone = lgpl.slice(0, lgpl.indexOf('GNU GENERAL PUBLIC LICENSE'));
    expect(alone.length).toBeGreaterThan(5000);
    expect(identifyText(alone).expression).toBe('LGPL-3.0-only');
  });

  it('a title present or not, and MIT followed by "END OF TERMS AND CONDITIONS"', () => {
    const body = textOf('MIT').split('\n').slice(1).join('\n');
    expect(identifyText(body).expression).toBe('MIT');
    expect(identifyText(`The MIT License (MIT)\n\n${body}`).expression).toBe('MIT');
    expect(identifyText(`${textOf('MIT')}\n\nEND OF TERMS AND CONDITIONS\n`).expression).toBe('MIT');
  });
});

describe('the file\'s own form', () => {
  it('a licence file in Markdown (heading, emphasis, links, a list) is the licence', () => {
    const result = identifyText(fixture('mit.md'));
    expect(result.expression).toBe('MIT');
    expect(result.matches[0]!.confidence).toBe(1);
  });

  it('CRLF line ends change nothing, line numbers included', () => {
    expect(identifyText(YAHOO.replace(/\n/g, '\r\n'))).toEqual(identifyText(YAHOO));
  });

  it('a bundle repeating a licence finds every copy in one pass', () => {
    const mit = textOf('MIT');
    const words = normalise(`${mit}\n\nsome package\n\n${mit}\n\nanother package\n\n${mit}`).words;
    expect(matchTemplateAll(templateOf('MIT')!, words)).toHaveLength(3);
  });
});

describe('hostile text', () => {
  it('stays linear: a long run of the words a gap accepts does not slow the matcher', () => {
    const words = normalise(`${'the copyright holder or contributors '.repeat(40_000)}be liable`).words;
    const started = performance.now();
    for (const id of ['BSD-3-Clause', 'Apache-2.0', 'GPL-2.0-only']) matchTemplate(templateOf(id)!, words);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('copyfair identify on a templated text', () => {
  it('reports BSD-3-Clause at 100% for the named-holder file', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const path = join(mkdtempSync(join(tmpdir(), 'copyfair-templates-')), 'LICENSE');
    writeFileSync(path, YAHOO);
    const result = await run(['identify', path]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${path}: BSD-3-Clause\n  BSD-3-Clause  100%  lines 4–27\n`);
  });
});

describe('programs compiled at build time', () => {
  it('are read back as they were compiled', () => {
    const ids = ['MIT', 'ISC', '0BSD', 'BSD-2-Clause-Views', 'BSD-3-Clause', 'Apache-2.0', 'GPL-2.0-only', 'GPL-3.0-only', 'LGPL-2.1-only', 'MPL-2.0', 'CC-BY-4.0', 'OSL-2.1', 'Python-2.0.1', 'AFL-2.1', 'W3C', 'JSON', 'MITNFA', 'BlueOak-1.0.0', 'Zlib', 'Unlicense'];
    const templates = ids.map((id) => templateOf(id)!);
    const store = openTemplates(packTemplates('attribution', 'source', templates));
    for (const template of templates) expect(store.program(template.id)).toEqual(template);
    expect(store.program('LicenseRef-none')).toBeUndefined();
    expect(store.attribution).toBe('attribution');
  });
});
