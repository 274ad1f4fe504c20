// A declared licence with a version the licence never had ("Apache-3.0", "BSD-5-Clause",
// "MIT-2.0") names no licence copyfair knows: spdx-correct answers the nearest one (Apache-2.0,
// BSD-2-Clause, MIT), and copyfair took that answer without a word, so each read as a licence that
// is free. A correction that keeps the value's numbers still stands ("Apache 2", "BSD-3", "GPLv2+").
// And a question mark is a guess ("MIT?"): the licence files decide.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { readString } from '../../src/identify/declared.js';
import { loadKnowledgeBase } from '../../src/kb/index.js';

const require = createRequire(import.meta.url);
const kb = loadKnowledgeBase();
const readDeclaredString = (value: string) => readString(value, kb);
const spdxCorrect = require('spdx-correct') as (value: string, options?: { upgrade?: boolean }) => string | null;

describe('a declared version the licence never had', () => {
  it.each([
    ['Apache-3.0', 'Apache-2.0'],
    ['Apache 3.0', 'Apache-2.0'],
    ['BSD-5-Clause', 'BSD-2-Clause'],
    ['MIT-2.0', 'MIT'],
    ['CC0-2.0', 'CC0-1.0'],
    ['Unlicense-2.0', 'Unlicense'],
    ['Zlib-2', 'Zlib'],
    ['CC-SA 3.0', 'CC-SA-1.0'],
  ])('%s is unknown, not spdx-correct\'s %s', (value, nearest) => {
    expect(spdxCorrect(value, { upgrade: false })).toBe(nearest);
    expect(readDeclaredString(value)).toMatchObject({ kind: 'unknown', expression: null });
  });

  it.each([
    ['Apache 2', 'Apache-2.0'],
    ['Apache License, Version 2.0', 'Apache-2.0'],
    ['Apache-2', 'Apache-2.0'],
    ['BSD-3', 'BSD-3-Clause'],
    ['MPL 2.0', 'MPL-2.0'],
    ['EPL 1', 'EPL-1.0'],
    ['LGPL 2.1', 'LGPL-2.1-only'],
    ['GPLv2+', 'GPL-2.0-or-later'],
  ])('%s is still %s', (value, id) => {
    expect(readDeclaredString(value).expression).toBe(id);
  });
});

describe('a declared licence with a question mark', () => {
  // "MIT?" is the author's guess, not a grant: it read as MIT, free, whatever the files said. Like
  // "MIT-style" or "BSD*", it points at the licence files, which decide.
  it.each(['MIT?', 'MIT ?', 'Apache-2.0?', 'BSD?', 'MIT (?)'])('%s points at the licence files', (value) => {
    expect(readDeclaredString(value)).toMatchObject({ kind: 'pointer', expression: null });
  });
});
