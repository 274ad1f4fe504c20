// Declared licence strings as people write them: read through copyfair's alias table, never
// through a corrector that can drop a restriction.
import { describe, expect, it } from 'vitest';
import { readDeclared, readString } from '../../src/identify/declared.js';
import { decide } from '../../src/identify/evidence.js';
import { loadKnowledgeBase } from '../../src/kb/index.js';

const kb = loadKnowledgeBase();
const read = (value: string) => readString(value, kb);

describe('declared strings', () => {
  it.each([
    ['MIT', 'MIT'],
    ['(MIT OR Apache-2.0)', 'MIT OR Apache-2.0'],
    ['mit', 'MIT'],
    ['GPL-3.0+', 'GPL-3.0-or-later'],
    ['Apache 2.0', 'Apache-2.0'],
    ['MIT/X11', 'MIT'],
    ['MIT + Commons Clause', 'MIT AND LicenseRef-scancode-commons-clause'],
    ['Apache-2.0 with Commons Clause', 'Apache-2.0 AND LicenseRef-scancode-commons-clause'],
    ['MIT/Apache-2.0', 'MIT OR Apache-2.0'],
    ['GPL-2.0-only with Classpath exception', 'GPL-2.0-only WITH Classpath-exception-2.0'],
    ['ELv2', 'Elastic-2.0'],
    ['BSL 1.1', 'BUSL-1.1'],
    ['Peer Production License', 'PPL'],
    // Boost's one licence (pygccxml declares "Boost"); "BSL" alone stays ambiguous (below).
    ['Boost', 'BSL-1.0'],
    ['Boost Software License', 'BSL-1.0'],
    ['Boost Software License - Version 1.0', 'BSL-1.0'],
    // Open Data Commons' licences, one version each (@zxcvbn-ts/language-en lists "License: ODC-BY").
    ['ODC-BY', 'ODC-By-1.0'],
    ['Open Data Commons Attribution License', 'ODC-By-1.0'],
    ['ODbL', 'ODbL-1.0'],
    ['Open Database License', 'ODbL-1.0'],
    ['ODC-PDDL', 'PDDL-1.0'],
    // The Repoze Public License as Chameleon and repoze.sphinx.autointerface name it.
    ['BSD-like (http://repoze.org/license.html)', 'BSD-3-Clause-Modification'],
    ['BSD-derived (Repoze)', 'BSD-3-Clause-Modification'],
  ])('"%s" → %s', (value, expression) => {
    expect(read(value).expression).toBe(expression);
  });

  it.each(['BSL', 'ODC-BY-NC', 'Commercial', 'Proprietary', 'MIT non-commercial', 'Apache 2 for non-profits', 'Eclipse', 'constructor', '__proto__', 'toString', 'MIT AND hasOwnProperty'])('"%s" stays unknown rather than guessed', (value) => {
    expect(read(value)).toMatchObject({ expression: null, kind: 'unknown' });
  });

  it('UNLICENSED grants no licence: its own id, never the Unlicense', () => {
    expect(read('UNLICENSED')).toMatchObject({ expression: 'LicenseRef-copyfair-unlicensed', kind: 'unlicensed' });
    expect(read('unlicenced').expression).toBe('LicenseRef-copyfair-unlicensed');
    expect(read('Unlicense').expression).toBe('Unlicense');
  });

  it('SEE LICENSE IN points at a file', () => {
    expect(read('SEE LICENSE IN ./EULA.txt')).toMatchObject({ kind: 'see-file', file: 'EULA.txt', expression: null });
  });

  it('legacy objects and arrays; an array is read as AND, the safe reading', () => {
    expect(readDeclared({ type: 'MIT', url: 'x' }, undefined, kb).expression).toBe('MIT');
    expect(readDeclared(undefined, [{ type: 'MIT' }, { type: 'PPL' }], kb)).toMatchObject({ expression: 'MIT AND PPL', kind: 'legacy-array' });
    // "name" where npm documented "type" (nodemailer-mailgun-transport's licenses array).
    expect(readDeclared(undefined, [{ name: 'MIT', url: 'https://github.com/x/y/blob/master/LICENSE' }], kb)).toMatchObject({ expression: 'MIT', kind: 'legacy-array' });
    expect(readDeclared({ name: 'ISC' }, undefined, kb)).toMatchObject({ expression: 'ISC' });
    expect(readDeclared(undefined, [{ url: 'https://x' }], kb).expression).toBeNull();
    expect(readDeclared(undefined, [{ type: 'AFLv2.1' }, { type: 'BSD' }], kb).expression).toBe('AFL-2.1 AND LicenseRef-copyfair-family-BSD');
    expect(readDeclared(undefined, ['MIT', 'Foo Licence'], kb).expression).toBeNull();
    expect(readDeclared(undefined, undefined, kb).kind).toBe('none');
  });

  it('a licenses array beside license: the same licence twice is that licence; another one applies too (it was dropped, free)', () => {
    // buffer-crc32, passport: the same licence twice.
    expect(readDeclared('MIT', [{ type: 'MIT', url: 'https://opensource.org/licenses/MIT' }], kb)).toMatchObject({ expression: 'MIT', kind: 'spdx' });
    expect(readDeclared('MIT', [{ type: 'Commercial' }], kb)).toMatchObject({ expression: null, kind: 'legacy-array' });
    expect(readDeclared('MIT', [{ type: 'Commercial' }], kb).note).toContain('Commercial');
    expect(readDeclared('MIT', [{ type: 'GPL-3.0-only' }], kb)).toMatchObject({ expression: 'MIT AND GPL-3.0-only', kind: 'legacy-array' });
    // A file the license field points at decides, as before.
    expect(readDeclared('SEE LICENSE IN EULA.txt', [{ type: 'MIT' }], kb)).toMatchObject({ kind: 'see-file', file: 'EULA.txt' });
  });

  it('a licence field (the spelling npm does not read): alone the declaration, beside license read too ("MIT" with "Commercial" was MIT, free)', () => {
    expect(readDeclared(undefined, undefined, kb, 'MIT')).toMatchObject({ expression: 'MIT', kind: 'spdx' });
    expect(readDeclared('MIT', undefined, kb, 'MIT')).toMatchObject({ expression: 'MIT', kind: 'spdx', value: 'MIT' });
    expect(readDeclared('MIT', undefined, kb, 'Commercial')).toMatchObject({ expression: null, kind: 'unknown', value: 'MIT; licence: Commercial' });
    expect(readDeclared('MIT', undefined, kb, 'GPL-3.0-only')).toMatchObject({ expression: 'MIT AND GPL-3.0-only' });
    expect(readDeclared('MIT', undefined, kb)).toMatchObject({ expression: 'MIT', kind: 'spdx' });
  });
});

describe('declared versus actual', () => {
  const declared = (expression: string | null, value = expression ?? '') => ({ kind: 'declared' as const, value, expression, location: { file: 'package.json' } });
  const file = (expression: string | null) => ({ kind: 'licence-file' as const, expression, confidence: 1, location: { file: 'LICENSE' }, sha256: 'x' });

  it('a file that agrees changes nothing', () => {
    expect(decide([declared('MIT'), file('MIT')])).toEqual({ expression: 'MIT', unknown: [], mismatches: [] });
    expect(decide([declared('GPL-3.0-or-later'), file('GPL-3.0-only')]).mismatches).toEqual([]);
    expect(decide([declared('MIT OR PPL'), file('PPL')]).expression).toBe('MIT OR PPL');
  });

  it('a file that says more is ANDed: the stricter claim decides', () => {
    expect(decide([declared('MIT'), file('MIT AND LicenseRef-scancode-commons-clause')])).toMatchObject({
      expression: 'MIT AND LicenseRef-scancode-commons-clause',
      mismatches: [{ file: 'LICENSE', declared: 'MIT', found: 'MIT AND LicenseRef-scancode-commons-clause' }],
    });
    expect(decide([declared('ISC'), file('PPL')]).expression).toBe('ISC AND PPL');
  });

  it('an unidentified licence file keeps the verdict unknown', () => {
    expect(decide([declared('MIT'), file(null)])).toMatchObject({ expression: 'MIT', unknown: [expect.stringContaining('could not be identified')] });
  });

  it('no evidence, or a declaration nobody can read, is unknown', () => {
    expect(decide([]).unknown).toEqual(['no licence is declared and no licence file was found']);
    expect(decide([declared(null, 'UNLICENSED'), file('MIT')]).unknown).toHaveLength(1);
  });

  it('a clarification wins outright', () => {
    const clarified = { kind: 'clarification' as const, expression: 'MIT', location: { file: 'copyfair.yaml', line: 3 } };
    expect(decide([declared('ISC'), file(null), clarified])).toEqual({ expression: 'MIT', unknown: [], mismatches: [] });
  });
});
