// The METADATA header reader (src/ecosystems/python/metadata.ts, one sticky expression a line)
// against the line-by-line reader it replaced, kept here as the reference: the same headers, or
// the same error at the same line, for random documents built from valid and odd pieces (names
// with spaces or no colon, folded and indented lines, CR and CRLF line ends, Unicode spaces that
// trim removes, a BOM, empty lines and the body after them).
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMetadata, type HeaderValue, type Headers } from '../../src/ecosystems/python/metadata.js';
import { countAnswered, pick, RUNS } from './differential.js';

/** The reader as it was before the sticky expression (until ecospeed3), the reference. */
function reference(source: string): { ok: true; headers: Headers; unfolded?: { line: number; header: string }[] } | { ok: false; message: string; line: number; column: number } {
  const headers: Headers = new Map();
  const unfolded: { line: number; header: string }[] = [];
  let lastName = '';
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  let last: HeaderValue | undefined;
  for (let index = 0, start = 0; start <= text.length; index++) {
    const end = text.indexOf('\n', start);
    const line = end === -1 ? text.slice(start) : text.slice(start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
    start = end === -1 ? text.length + 1 : end + 1;
    if (line === '') break;
    if (/^[ \t]/.test(line)) {
      if (!last) return { ok: false, message: 'starts with an indented line, not a "Name: value" header', line: index + 1, column: 1 };
      last.value += `\n${line.replace(/^ {7}\|/, '').replace(/^( {8}|\t)/, '')}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0 || !/^[A-Za-z0-9][A-Za-z0-9-]*$/.test(line.slice(0, colon))) {
      if (!last) return { ok: false, message: `expected a "Name: value" header, found "${line.slice(0, 40)}"`, line: index + 1, column: 1 };
      // Since the twelfth session: a line that is no header after one is the rest of its value
      // (setuptools before 57 left line breaks in a value unfolded).
      last.value += `\n${line.trim()}`;
      if (unfolded.length < 6) unfolded.push({ line: index + 1, header: lastName });
      continue;
    }
    last = { value: line.slice(colon + 1).trim(), line: index + 1 };
    const name = line.slice(0, colon).toLowerCase();
    lastName = line.slice(0, colon);
    const values = headers.get(name);
    if (values) values.push(last);
    else headers.set(name, [last]);
  }
  for (const required of ['name', 'version']) {
    if (!headers.get(required)?.[0]?.value) return { ok: false, message: `has no ${required === 'name' ? 'Name' : 'Version'} header`, line: 1, column: 1 };
  }
  return unfolded.length > 0 ? { ok: true, headers, unfolded } : { ok: true, headers };
}

const NAMES = ['Name', 'Version', 'Metadata-Version', 'License-File', 'Requires-Dist', 'Classifier', 'License', 'X-1', 'a', '9x', 'name', 'NAME'];
const ODD_NAMES = ['', 'Two Words', '-Lead', 'Ünïcode', 'Na_me', 'Name\t', ' Name', 'Name\r', ':'];
const SEPARATORS = [':', ': ', ':  ', ':\t', ' :', '::', ''];
const VALUES = ['pkg', '1.0', 'MIT', 'pkg >=1.0; python_version < "3.10"', '', ' ', 'a: b', 'trailing  ', '\u00a0nbsp\u00a0', 'x\u2028y', '\u3000', 'é', 'a\rb', '\r'];
const LINE_ENDS = ['\n', '\n', '\n', '\r\n', '\r', '\r\r\n', ''];
const FOLDS = ['        folded', '       |piped', '\tstab', ' one', '         nine', '\t', '        '];
const line = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.oneof({ weight: 6, arbitrary: pick(NAMES) }, { weight: 1, arbitrary: pick(ODD_NAMES) }), pick(SEPARATORS), pick(VALUES), pick(LINE_ENDS)).map(([n, s, v, e]) => `${n}${s}${v}${e}`) },
  { weight: 2, arbitrary: fc.tuple(pick(FOLDS), pick(LINE_ENDS)).map(([f, e]) => `${f}${e}`) },
  { weight: 1, arbitrary: pick(['\n', '\r\n', '\r\n\r\n', 'body text\n', '\r']) },
);
const document = fc.tuple(fc.boolean(), fc.boolean(), fc.array(line, { maxLength: 12 }), pick(['', 'Long description.\nName: not a header\n', '\n\n'])).map(
  ([bom, base, lines, body]) => `${bom ? '\ufeff' : ''}${base ? 'Metadata-Version: 2.4\nName: pkg\nVersion: 1.0\n' : ''}${lines.join('')}${body}`,
);

describe('METADATA headers', () => {
  it('are read as the line-by-line reader read them, errors and their lines included', () => {
    const read = countAnswered(document, (text) => {
      const expected = reference(text);
      const actual = parseMetadata(text);
      if (!isDeepStrictEqual(actual, expected)) throw new Error(`different for ${JSON.stringify(text)}: ${JSON.stringify(actual, (_, v) => (v instanceof Map ? [...v] : v))} against ${JSON.stringify(expected, (_, v) => (v instanceof Map ? [...v] : v))}`);
      return expected.ok;
    });
    // Both ways are exercised: documents read, and documents refused.
    expect(read).toBeGreaterThan(RUNS / 10);
    expect(read).toBeLessThan(RUNS);
  });

  it('are read alike for each odd piece in every place of a plain document', () => {
    const base = ['Metadata-Version: 2.4\n', 'Name: pkg\n', 'Version: 1.0\n', 'License-File: LICENSE\n', '\n', 'Body\n'];
    const pieces = [...ODD_NAMES.map((n) => `${n}: v\n`), ...SEPARATORS.map((s) => `Key${s}v\n`), ...VALUES.map((v) => `Key: ${v}\n`), ...FOLDS.map((f) => `${f}\n`), ...LINE_ENDS.map((e) => `Key: v${e}`), '\ufeff', '\r\n', '\r'];
    for (const piece of pieces) {
      for (let at = 0; at <= base.length; at++) {
        const text = [...base.slice(0, at), piece, ...base.slice(at)].join('');
        expect(parseMetadata(text), JSON.stringify(text)).toEqual(reference(text));
      }
    }
  });
});
