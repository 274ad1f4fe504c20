// Identification's fast paths (issue 11) answer exactly as the plain code they replace: each is
// held to that code (kept beside it, or written out here) on generated words and on known texts.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FAMILY_WORDS, familyNamedAt, familyOfName } from '../../src/identify/beside.js';
import { TERM_WORDS } from '../../src/identify/insertions.js';
import { normalise } from '../../src/identify/normalise.js';
import { indexRules, loadNoticeIndex } from '../../src/identify/notice-rules.js';
import { ruleHits, ruleHitsInText } from '../../src/identify/notices.js';
import { judgeSurrounding, judgeWords } from '../../src/identify/surroundings.js';

const OWN_TEXTS = new URL('../../licences/texts/', import.meta.url);

/** The words the switch of familyOfName reads, taken from its source so a new case is seen here. */
const switchWords = (() => {
  const source = readFileSync(new URL('../../src/identify/beside.ts', import.meta.url), 'utf8');
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

/** A small vocabulary, so rules overlap, repeat and nest in the texts drawn from it. */
const noticeWord = fc.constantFrom('licensed', 'under', 'the', 'mit', 'license', 'apache', 'gpl', 'or', 'later', 'version', '2', 'see');
const noticeRule = fc.record({
  words: fc.array(noticeWord, { minLength: 1, maxLength: 5 }).map((words) => words.join(' ')),
  expression: fc.constantFrom('MIT', 'Apache-2.0', 'GPL-2.0-or-later', null),
  kind: fc.constantFrom('notice' as const, 'reference' as const, 'tag' as const, 'header' as const),
  source: fc.constantFrom('a_1', 'b_2', 'c_3'),
}).map((rule) => ({ ...rule, length: rule.words.split(' ').length }));

describe('notice rules found in a text (notices.ts)', () => {
  it('are found where their anchor word stands exactly as by searching the text', () => {
    fc.assert(
      fc.property(fc.array(noticeRule, { minLength: 1, maxLength: 25 }), fc.array(noticeWord, { minLength: 1, maxLength: 60 }), (rules, words) => {
        const index = indexRules(rules);
        expect(ruleHits(words, index)).toEqual(ruleHitsInText(words, index));
      }),
      { numRuns: 2000 },
    );
  });

  it('are searched for as before in words no normaliser makes, and for rules with an empty word', () => {
    const index = indexRules([
      { words: 'mit  license', length: 3, expression: 'MIT', kind: 'reference', source: 'a' },
      { words: 'the mit', length: 2, expression: 'MIT', kind: 'tag', source: 'b' },
    ]);
    for (const words of [['the', 'mit', 'license'], ['the', 'mit license', 'the', 'mit'], ['the', '', 'mit']]) {
      expect(ruleHits(words, index)).toEqual(ruleHitsInText(words, index));
    }
  });

  it('are the same with the compiled rules on the known texts and on notices', () => {
    const index = loadNoticeIndex();
    const texts = [
      ...readdirSync(OWN_TEXTS).map((name) => readFileSync(new URL(name, OWN_TEXTS), 'utf8')),
      'Licensed under the Apache License, Version 2.0 or the MIT license, at your option.',
      'This program is free software; you can redistribute it and/or modify it under the terms of the GNU General Public License as published by the Free Software Foundation; either version 2 of the License, or (at your option) any later version.',
      'License: MIT. Released under the MIT license. See LICENSE. SPDX-License-Identifier: ISC',
    ];
    for (const text of texts) {
      const { words } = normalise(text);
      expect(ruleHits(words, index)).toEqual(ruleHitsInText(words, index));
    }
  });
});
