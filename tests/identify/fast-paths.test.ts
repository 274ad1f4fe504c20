// Identification's fast paths (issue 11) answer exactly as the plain code they replace: each is
// held to that code (kept beside it, or written out here) on generated words and on known texts.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { familyNamedAt, familyOfName } from '../../src/identify/family-words.js';
import { loadCorpus, openCorpus } from '../../src/identify/corpus.js';
import { THRESHOLD, identifyWith } from '../../src/identify/index.js';
import { spdxLicenceText } from '../../src/util/spdx-texts.js';
import { FAMILY_WORDS } from '../../src/identify/family-words.js';
import { TERM_WORDS } from '../../src/identify/insertions.js';
import { referenceWords } from '../../src/identify/reference-words.js';
import { judgeSurrounding, judgeWords } from '../../src/identify/surroundings.js';
import { templateFile, templateFileNodes } from '../../src/identify/template-file.js';
import { openTemplates, packTemplates, readTemplates } from '../../src/identify/template-store.js';
import { templateOf, templateText } from '../../src/identify/templates.js';

/** The words the switch of familyOfName reads, taken from its source so a new case is seen here. */
const switchWords = (() => {
  const source = readFileSync(new URL('../../src/identify/family-words.ts', import.meta.url), 'utf8');
  const body = source.slice(source.indexOf('export function familyOfName'));
  const switchBody = body.slice(0, body.indexOf('default:'));
  return [...switchBody.matchAll(/case '([^']+)'/g)].map((found) => found[1]!);
})();

/** Words a family may be named by, the words they read around them, and others. */
const word = fc.oneof(
  fc.constantFrom(...switchWords),
  fc.constantFrom('by', 'public', 'license', 'licence', 'lesser', 'library', 'affero', 'production', 'source', 'clause', 'side', 'capitalist', 'the', 'mit'),
  fc.stringMatching(/^[a-z0-9]{1,8}$/),
);

describe('the family a word names (strayGrant)', () => {
  it('is looked for only at the words the switch reads', () => {
    expect(switchWords.length).toBeGreaterThan(30);
    expect([...FAMILY_WORDS].sort()).toEqual([...new Set(switchWords)].sort());
  });

  it('is the same with the first look in the set as with the switch alone', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 12 }), (words) => {
        for (let at = 0; at < words.length; at++) expect(familyNamedAt(words, at)).toBe(familyOfName(words, at));
      }),
      { numRuns: 3000 },
    );
  });
});

/** Words of titles, stock phrases, restrictions and grants, so every outcome is drawn often. */
const stretchWord = fc.oneof(
  fc.constantFrom(...TERM_WORDS),
  fc.constantFrom('mit', 'license', 'the', 'you', 'use', 'this', 'file', 'except', 'in', 'compliance', 'with', 'only', 'for', 'personal', 'as', 'noted', 'below', 'waived', 'are', '|', 'dual', 'licensed', 'commercial'),
);

describe('the words around a known text (surroundings.ts)', () => {
  it('are judged from memory exactly as afresh, in any order and however often', () => {
    const stretches = fc.array(fc.array(stretchWord, { maxLength: 14 }), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(stretches, (all) => {
        for (const words of [...all, ...all.reverse()]) expect(judgeSurrounding(words)).toBe(judgeWords(words.join(' ')));
      }),
      { numRuns: 500 },
    );
  });

  it('are judged afresh past the length kept, as before', () => {
    const long = [...Array(60).fill('mit license'), 'not', 'for', 'military', 'use'].join(' ').split(' ');
    expect(judgeSurrounding(long)).toBe('restricts');
    expect(judgeSurrounding(long.slice(0, -4))).toBe('benign');
  });
});

const BUILT_TEMPLATES = new URL('../../dist/identify/templates.bin', import.meta.url);

describe('a template printed as the licence prints it (templateText)', () => {
  it('reads the nodes the store keeps exactly as the data file holds them', () => {
    const ids = ['MIT', 'LLVM-exception', 'Python-2.0.1', 'GPL-2.0-only'];
    const store = openTemplates(packTemplates('attribution', 'source', ids.map((id) => templateOf(id)!)));
    expect(store.hasNodes).toBe(true);
    for (const id of ids) expect(store.nodes(id)).toEqual(templateFileNodes(id));
    expect(store.nodes('LicenseRef-none')).toBeUndefined();
    // Without the nodes of every program the store keeps none, and templateText reads the data file.
    const partial = openTemplates(packTemplates('a', 's', ids.map((id) => templateOf(id)!), (id) => (id === 'MIT' ? undefined : templateFileNodes(id))));
    expect(partial.hasNodes).toBe(false);
    expect(partial.nodes('GPL-2.0-only')).toBeUndefined();
  });

  it('reads a stored file as the bytes of the whole file read', () => {
    const ids = ['MIT', 'LLVM-exception', 'Python-2.0.1', 'GPL-2.0-only', 'Apache-2.0'];
    const bytes = packTemplates('attribution', 'source', ids.map((id) => templateOf(id)!));
    const path = new URL(`file://${join(mkdtempSync(join(tmpdir(), 'copyfair-templates-')), 'templates.bin')}`);
    writeFileSync(path, bytes);
    const whole = openTemplates(bytes);
    const read = readTemplates(path);
    // Nodes first and last, so the lazy read of the nodes is made on either path.
    for (const id of ['LLVM-exception', ...ids]) {
      expect(read.nodes(id)).toEqual(whole.nodes(id));
      expect(read.program(id)).toEqual(whole.program(id));
    }
    expect(read.program('LicenseRef-none')).toBeUndefined();
    expect(read.nodes('LicenseRef-none')).toBeUndefined();
    expect(read.hasNodes).toBe(true);
  });

  it.runIf(existsSync(BUILT_TEMPLATES))('is the same from the build’s store as from the data file, for every template', async () => {
    const built = (await import(new URL('../../dist/identify/templates.js', import.meta.url).href)) as typeof import('../../src/identify/templates.js');
    const ids = Object.keys(templateFile()!.templates);
    expect(ids.length).toBeGreaterThan(600);
    for (const id of ids) expect(built.templateText(id)).toBe(templateText(id));
    expect(built.templateText('LicenseRef-none')).toBeUndefined();
  });
});

const BUILT_CORPUS = new URL('../../dist/identify/corpus.bin', import.meta.url);

describe('the family words of each known text (strayGrant)', () => {
  it.runIf(existsSync(BUILT_CORPUS))('are stored by the build exactly as its reference words hold them, for every entry', () => {
    const built = openCorpus(readFileSync(BUILT_CORPUS));
    const corpus = loadCorpus();
    expect(built.entries.length).toBe(corpus.entries.length);
    let some = 0;
    corpus.entries.forEach((entry, at) => {
      const stored = built.entries[at]!;
      expect([stored.id, stored.words]).toEqual([entry.id, entry.words]);
      const reference = referenceWords(corpus, at);
      // Every entry's words can be read again: a similarity match on it is judged word by word
      // (deviations.ts). An entry made from a text the reader does not know (a Creative Commons
      // licence's legal code alone, before reference-words.ts read it too) would pass any term put in.
      expect(reference, entry.id).toBeDefined();
      const held = reference ? [...FAMILY_WORDS].filter((word) => reference.words.includes(word)) : null;
      expect(stored.familyWords).toEqual(held);
      if (held?.length) some++;
    });
    expect(some).toBeGreaterThan(100);
  }, 60_000);

  it.runIf(existsSync(BUILT_CORPUS))('give strayGrant the answers the reference words give', () => {
    const built = openCorpus(readFileSync(BUILT_CORPUS));
    const corpus = loadCorpus();
    // Texts naming a family inside their own words ("distributing Python under the GPL"), alone
    // and with a grant of another family beside them.
    for (const id of ['Python-2.0.1', 'LGPL-2.1-only', 'MPL-2.0', 'EPL-2.0', 'CC-BY-SA-4.0', 'LLVM-exception', 'Apache-2.0']) {
      const text = spdxLicenceText(id) ?? templateText(id)!;
      for (const file of [text, `${text}\n\nThis file is licensed under the GPL.\n`]) {
        expect(identifyWith(file, built, { threshold: THRESHOLD })).toEqual(identifyWith(file, corpus, { threshold: THRESHOLD }));
      }
    }
  }, 60_000);

  it('are not stored when the corpus is compiled from source: strayGrant reads the reference words', () => {
    expect(loadCorpus().entries.every((entry) => entry.familyWords === undefined)).toBe(true);
  });
});
