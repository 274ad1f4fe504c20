// shelljs 0.8.5 (a dependency of git-diff and of many build tools) was unknown, for two reasons.
// Its LICENSE opens "You may use this project under the terms of the New BSD license as follows:",
// read as terms no licence explains; and its BSD text names its author where BSD-3-Clause says
// "the copyright holder" and lacks BSD-3-Clause-HP's "patent infringement", so identification
// cannot tell the two twins apart. The title is the grant of the text below it; between two
// permissive twins, the package's declaration says which it is.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { identifyLicenceText } from '../../src/identify/index.js';
import { scan, twinDeclared } from '../../src/scan/index.js';
import { installed, temporaryFolder, writeTree } from '../hostile/generate.js';

const shelljs = readFileSync(new URL('../../fixtures/identify/shelljs-0.8-LICENSE', import.meta.url), 'utf8');
const TITLE = 'You may use this project under the terms of the New BSD license as follows:';

describe('shelljs 0.8’s LICENSE, identified', () => {
  it('reads its title as the grant of the text below, and doubts only between BSD-3-Clause and its HP twin', () => {
    expect(shelljs).toContain(TITLE);
    const found = identifyLicenceText('LICENSE', shelljs);
    expect(found.expression).toBeNull();
    expect(found.unexplained ?? []).toEqual([]);
    expect(found.matches).toMatchObject([{ id: 'BSD-3-Clause', doubt: { kind: 'twin', rival: 'BSD-3-Clause-HP' } }]);
  });

  // The same text made plain BSD-3-Clause (the holder's words where it names its author), so no
  // twin is in doubt, under titles of other kinds.
  const plain = shelljs.replace('Neither the name of Artur Adib nor the\n      names of the contributors', 'Neither the name of the copyright holder nor the\n      names of its contributors').replace('ARTUR ADIB BE LIABLE', 'THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE');
  const titled = (title: string) => identifyLicenceText('LICENSE', plain.replace(TITLE, title)).expression;

  it('is BSD-3-Clause once the twin is told apart, under its title or a licence of no other name', () => {
    expect(titled(TITLE)).toBe('BSD-3-Clause');
    expect(titled('You may use this software under the terms of the Acme license below:')).toBe('BSD-3-Clause');
  });

  it('stays unknown under a title naming another licence, restricting, or not introducing the text', () => {
    for (const title of [
      'You may use this project under the terms of the GNU GPL license as follows:',
      'You may use this project under the terms of the MIT license as follows:',
      'You may use this project under the terms of the Acme Commercial license as follows:',
      'You may use this project under the terms of the Acme Proprietary license as follows:',
      'You may use this project under the terms of the Business Source license as follows:',
      'You may use this project only under the terms of the Acme license as follows:',
      'You may use this project under the terms of the Acme license.',
    ]) {
      expect(titled(title), title).toBeNull();
    }
  });
});

// The same file in packages that declare one twin, another licence, and nothing.
const declaring = { shelljs: 'BSD-3-Clause', hp: 'BSD-3-Clause-HP', other: 'MIT' };
const root = writeTree(temporaryFolder('copyfair-twin-'), {
  'package.json': JSON.stringify({ name: 'app', version: '1.0.0', dependencies: Object.fromEntries([...Object.keys(declaring), 'silent'].map((name) => [name, '*'])) }),
  ...Object.assign({}, ...Object.entries(declaring).map(([name, licence]) => installed(name, '0.8.5', licence, {}, shelljs))),
  'node_modules/silent/package.json': JSON.stringify({ name: 'silent', version: '0.8.5' }),
  'node_modules/silent/LICENSE': shelljs,
});

describe('shelljs 0.8 in a scan', async () => {
  const report = await scan(root, { profile: { entity: 'for-profit', date: '2026-01-01' }, toolVersion: 'test' });
  const component = (name: string) => report.components.find((item) => item.name === name)!;
  const unexplained = 'the licence file node_modules/silent/LICENSE: lines 6–26 match BSD-3-Clause and BSD-3-Clause-HP equally well, and the words that tell the two apart are not in the file; a person must read it';

  it('is the twin its package declares, free, and says so', () => {
    expect(component('shelljs')).toMatchObject({ expression: 'BSD-3-Clause', verdict: { outcome: 'free' } });
    expect(component('hp')).toMatchObject({ expression: 'BSD-3-Clause-HP', verdict: { outcome: 'free' } });
    expect(report.diagnostics.filter((item) => item.code === 'licence-twin-declared').map((item) => item.message)).toEqual([
      'node_modules/hp/LICENSE: lines 6–26 match BSD-3-Clause and BSD-3-Clause-HP equally well (the words that tell the two apart are not in the file); hp@0.8.5 declares BSD-3-Clause-HP, one of the two, and is read as it',
      'node_modules/shelljs/LICENSE: lines 6–26 match BSD-3-Clause and BSD-3-Clause-HP equally well (the words that tell the two apart are not in the file); shelljs@0.8.5 declares BSD-3-Clause, one of the two, and is read as it',
    ]);
  });

  it('stays unknown where the package declares neither twin, and says why without claiming more', () => {
    expect(component('other').verdict.outcome).toBe('unknown');
    expect(component('silent').verdict.outcome).toBe('unknown');
    expect(component('silent').verdict.because.map((item) => item.because)).toContain(unexplained);
  });
});

describe('a twin the declaration settles', () => {
  const found = (id: string, rival: string, more: object = {}) => ({ expression: null, candidates: [], matches: [{ id, confidence: 0.94, start: 1, end: 20, doubt: { kind: 'twin' as const, rival } }], ...more });
  const settle = (file: ReturnType<typeof found>, ...declared: string[]) => twinDeclared(file, () => declared)?.expression;

  it('is only between two licences the knowledge base reads as permissive or public domain', () => {
    expect(settle(found('BSD-3-Clause', 'BSD-3-Clause-HP'), 'BSD-3-Clause')).toBe('BSD-3-Clause');
    expect(settle(found('MIT', 'MIT-0'), 'MIT-0')).toBe('MIT-0');
    // A BSD-3-Clause by its id's shape, which restricts: what the package declares settles nothing.
    expect(settle(found('BSD-3-Clause', 'BSD-3-Clause-No-Military-License'), 'BSD-3-Clause')).toBeUndefined();
    expect(settle(found('PolyForm-Small-Business-1.0.0', 'PolyForm-Noncommercial-1.0.0'), 'PolyForm-Small-Business-1.0.0')).toBeUndefined();
  });

  it('is only of a file that is that one text and nothing more, declared as exactly one twin', () => {
    expect(settle(found('BSD-3-Clause', 'BSD-3-Clause-HP'), 'MIT')).toBeUndefined();
    expect(settle(found('BSD-3-Clause', 'BSD-3-Clause-HP'), 'BSD-3-Clause OR MIT')).toBeUndefined();
    expect(settle(found('BSD-3-Clause', 'BSD-3-Clause-HP', { unexplained: [{ start: 1, end: 1, words: 'not for military use' }] }), 'BSD-3-Clause')).toBeUndefined();
    expect(settle(found('BSD-3-Clause', 'BSD-3-Clause-HP', { reason: 'a term' }), 'BSD-3-Clause')).toBeUndefined();
    const two = found('BSD-3-Clause', 'BSD-3-Clause-HP');
    two.matches.push({ id: 'MIT', confidence: 1, start: 22, end: 40 } as (typeof two.matches)[number]);
    expect(settle(two, 'BSD-3-Clause')).toBeUndefined();
  });
});
