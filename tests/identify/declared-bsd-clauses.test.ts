// "BSD N-Clause" names, as Python's License fields and npm's README tables write them, read by
// copyfair's own name reader: the id spdx-correct gave for 2 and 3 clauses, and the licence the
// name states for 4 (spdx-correct made "BSD 4-Clause License" BSD-2-Clause, dropping the
// advertising clause).
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { readName } from '../../src/identify/declared-names.js';

const require = createRequire(import.meta.url);
const spdxCorrect = require('spdx-correct') as (value: string, options?: { upgrade?: boolean }) => string | null;

describe('"BSD N-Clause" names', () => {
  it('are read as the id spdx-correct gives', () => {
    for (const value of ['BSD 3-Clause License', 'BSD 3-Clause', '3-Clause BSD License', 'BSD (3-clause) License', 'BSD 2-Clause', '2-clause BSD']) {
      const read = readName(value);
      expect(read?.id).toBe(spdxCorrect(value, { upgrade: false }));
      expect(read?.id).toMatch(/^BSD-[23]-Clause$/);
    }
  });

  it('keep the clause count they state', () => {
    expect(spdxCorrect('BSD 4-Clause License', { upgrade: false })).toBe('BSD-2-Clause');
    expect(readName('BSD 4-Clause License')?.id).toBe('BSD-4-Clause');
  });

  it('are only those: a name with more words goes the way it went', () => {
    for (const value of ['BSD 3-Clause Clear License', 'BSD 3-Clause No Nuclear License', 'Modified BSD 3-Clause']) expect(readName(value)?.id).not.toBe('BSD-3-Clause');
  });
});
