// The known texts as the build stores them (dist/identify/corpus.bin): read back as views of the
// file's bytes, they must be the corpus the JSON form gives.
import { expect, it } from 'vitest';
import { compileSources } from '../../src/identify/compile-corpus.js';
import { fromFile, openCorpus, packCorpus, type Corpus } from '../../src/identify/corpus.js';
import { textOf } from './scenarios.js';

it('the packed corpus opens as the corpus its JSON form gives', () => {
  const ids = ['MIT', 'ISC', 'Apache-2.0', 'GPL-3.0-only', 'BSD-3-Clause', 'LicenseRef-scancode-commons-clause'];
  const file = compileSources(ids.map((id) => ({ id, kind: 'licence' as const, text: textOf(id) })));
  const packed = packCorpus(file);
  // The build also stores each entry's family words for strayGrant (tests/identify/fast-paths.test.ts).
  const withoutFamilyWords = (corpus: Corpus) => ({ ...corpus, entries: corpus.entries.map(({ familyWords: _, ...entry }) => entry) });
  const opened = openCorpus(packed);
  expect(opened.entries.every((entry) => entry.familyWords === null || Array.isArray(entry.familyWords))).toBe(true);
  expect(withoutFamilyWords(opened)).toEqual(fromFile(file));
  // A buffer that does not start on a 4-byte boundary is copied rather than misread.
  const shifted = Buffer.concat([Buffer.alloc(1), packed]).subarray(1);
  expect(withoutFamilyWords(openCorpus(shifted))).toEqual(fromFile(file));
});
