// Identification's fast paths (issue 11) answer exactly as the plain code they replace: each is
// held to that code (kept beside it, or written out here) on generated words and on known texts.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FAMILY_WORDS, familyNamedAt, familyOfName } from '../../src/identify/beside.js';
import { TERM_WORDS } from '../../src/identify/insertions.js';
import { judgeSurrounding, judgeWords } from '../../src/identify/surroundings.js';

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
