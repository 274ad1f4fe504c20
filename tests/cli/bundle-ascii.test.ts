// The CLI bundle is written in ASCII (src/util/ascii.ts) and read as Latin-1 (bin/copyfair.js):
// each escape must mean what the character meant, in strings and in patterns with and without the
// u flag, and the launcher must still read a bundle an older build wrote in UTF-8.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ASCII_MARK, escapeNonAscii } from '../../src/util/ascii.js';
import { temporaryFolder } from '../hostile/generate.js';
import { built } from './run.js';

const ASCII_ONLY = /^[\x00-\x7f]*$/;
/** Characters a bundle's patterns and strings hold, astral ones included, and the ASCII around them. */
const CHARACTERS = ['a', 'x', '.', '-', '\\', '"', '’', '”', 'é', '©', 'ж', '商', '😀', '😂'];

describe('escaping the bundle into ASCII', () => {
  it('leaves a string literal the same string', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...CHARACTERS), fc.string({ unit: 'binary', maxLength: 2 })), { maxLength: 12 }), (parts) => {
        const value = parts.join('');
        const literal = escapeNonAscii(JSON.stringify(value));
        expect(literal).toMatch(ASCII_ONLY);
        expect(JSON.parse(literal)).toBe(value);
        expect((0, eval)(literal)).toBe(value);
      }),
      { numRuns: 300 },
    );
  });

  const subject = fc.array(fc.constantFrom(...CHARACTERS), { maxLength: 10 }).map((parts) => parts.join(''));
  const samePattern = (pattern: string, flags: string, subjects: string[]) => {
    const escaped = escapeNonAscii(pattern);
    expect(escaped).toMatch(ASCII_ONLY);
    const before = new RegExp(pattern, flags);
    const after = new RegExp(escaped, flags);
    for (const text of subjects) expect(after.exec(text)?.[0], `${pattern} on ${text}`).toBe(before.exec(text)?.[0]);
  };

  it('leaves a pattern without the u flag matching what it matched, identity escapes included', () => {
    const token = fc.constantFrom('a', '.', '’', '\\’', '\\\\', '\\\\’', '[’”]', '[^’]', '[’-”]', 'é+', '😀', '(?:ж|商)', '\\.');
    fc.assert(fc.property(fc.array(token, { minLength: 1, maxLength: 6 }), fc.array(subject, { minLength: 1, maxLength: 8 }), (tokens, subjects) => samePattern(tokens.join(''), 'i', subjects)), { numRuns: 300 });
  });

  it('leaves a pattern with the u flag matching what it matched, astral ranges included', () => {
    const token = fc.constantFrom('a', '.', '’', '\\\\', '\\\\’', '[’”]', '[^’]', '[’-”]', 'é+', '😀', '[😀-😂]', '[^😀]', '(?:ж|商)', '\\p{L}', '\\.');
    fc.assert(fc.property(fc.array(token, { minLength: 1, maxLength: 6 }), fc.array(subject, { minLength: 1, maxLength: 8 }), (tokens, subjects) => samePattern(tokens.join(''), 'u', subjects)), { numRuns: 300 });
  });

  it('writes the escape alone for an identity escape, and keeps an escaped backslash', () => {
    expect(escapeNonAscii('/\\’/')).toBe('/\\u2019/');
    expect(escapeNonAscii('"\\\\’"')).toBe('"\\\\\\u2019"');
    expect(escapeNonAscii('// © 2026\n1')).toBe('// \\u00a9 2026\n1');
  });
});

describe('the launcher reads the bundle', () => {
  /** A folder holding the launcher and a bundle of `source`; what `copyfair scan` prints there. */
  const launch = (source: string, encoding: 'utf8' | 'latin1') => {
    const root = temporaryFolder();
    mkdirSync(join(root, 'bin'));
    mkdirSync(join(root, 'dist', 'bundle'), { recursive: true });
    for (const name of ['copyfair.js', 'package.json']) copyFileSync(new URL(`../../bin/${name}`, import.meta.url), join(root, 'bin', name));
    writeFileSync(join(root, 'package.json'), JSON.stringify({ version: '0.0.0' }));
    writeFileSync(join(root, 'dist', 'bundle', 'copyfair.cjs'), Buffer.from(source, encoding));
    const result = spawnSync(process.execPath, [join(root, 'bin', 'copyfair.js'), 'check'], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    return { stdout: result.stdout, status: result.status, stderr: result.stderr };
  };
  const bundle = 'exports.main = async () => { process.stdout.write(`${/^[’©]+$/u.test("’©") ? "©’😀 " : "no "}${"ж商".length}\\n`); return 0; };\n';

  it('as Latin-1 when the build wrote it in ASCII and said so', () => {
    expect(launch(ASCII_MARK + escapeNonAscii(bundle), 'latin1')).toEqual({ stdout: '©’😀 2\n', status: 0, stderr: '' });
  });

  it('as UTF-8 when an older build wrote it without the mark', () => {
    expect(launch(bundle, 'utf8')).toEqual({ stdout: '©’😀 2\n', status: 0, stderr: '' });
  });

  it.runIf(built && existsSync(new URL('../../dist/bundle/copyfair.cjs', import.meta.url)))('is built in ASCII, marked on its first line, the knowledge base\'s own too', () => {
    for (const name of ['copyfair.cjs', 'copyfair-kb.cjs']) {
      const text = readFileSync(new URL(`../../dist/bundle/${name}`, import.meta.url), 'latin1');
      expect(text.startsWith(ASCII_MARK), name).toBe(true);
      expect(ASCII_ONLY.test(text), name).toBe(true);
    }
  });
});
