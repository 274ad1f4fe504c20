// The compiled notice rules read back as the rows they were made from (src/identify/notice-index.ts):
// each line decoded from the block's bytes when asked for, the lines beyond ASCII from the header.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileNoticeIndex, openNoticeIndex, type NoticeKind, type RuleRow } from '../../src/identify/notice-index.js';

const word = fc.constantFrom('mit', 'licence', 'gpl', 'the', 'under', 'released', 'müller', 'ŝablono', 'a', 'é');
const row: fc.Arbitrary<RuleRow> = fc
  .record({
    words: fc.array(word, { minLength: 1, maxLength: 6 }).map((words) => words.join(' ')),
    expression: fc.constantFrom(null, 'MIT', 'GPL-2.0-only', 'MIT OR Apache-2.0'),
    kind: fc.constantFrom<NoticeKind>('notice', 'header', 'reference', 'tag'),
    source: fc.constantFrom('mit_1', 'gpl_2', 'spdx-header:Apache-2.0:1', 'x_é'),
  })
  .map(({ words, expression, kind, source }) => [words, expression, kind, source, words.split(' ')[0]!]);

describe('the compiled notice rules', () => {
  it('read back as their rows, found by their words and their anchor', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), (rows) => {
        const index = openNoticeIndex(compileNoticeIndex(rows));
        expect(index.size).toBe(rows.length);
        rows.forEach(([words, expression, kind, source, anchor], at) => {
          expect(index.rule(at)).toEqual({ words, length: words.split(' ').length, expression, kind, source });
          expect(index.exact(words)).toBe(rows.findIndex((other) => other[0] === words));
          expect([...index.anchored(anchor)]).toContain(at);
        });
        expect(index.exact('no such words')).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });
});
