// The line of a Cargo.toml's `license`/`license-file` (src/ecosystems/cargo/manifest.ts,
// licenceLineIn: one search of the whole text) against the way it was found before, the first of
// the text's lines split at line feeds that the pattern matches: the same line, or none, for
// random texts of licence-like lines, other lines, spaces of every kind and every line end.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { licenceLineIn } from '../../src/ecosystems/cargo/manifest.js';
import { countAnswered, pick, RUNS } from './differential.js';

/** The reference (until ecospeed3): the text split into lines, the first line matching. */
function reference(source: string): number | undefined {
  const index = source.split('\n').findIndex((line) => /^\s*license(-file)?(\s*\.\s*[\w-]+)*\s*=/.test(line));
  return index === -1 ? undefined : index + 1;
}

const LINES = ['[package]', 'name = "x"', 'license = "MIT"', 'license-file = "LICENSE"', '  license="MIT"', '\tlicense =', 'license', 'licenses = 1', 'license-files = "x"', 'license.workspace = true', 'license . workspace=true', 'license.=1', 'license.a.b-c = 1', '# license = "MIT"', 'description = """', 'license = """x"""', '\u00a0license = 1', '\u2028license = 1', 'x\rlicense = 1', 'license\r= 1', 'license-\n= 1', ''];
const ENDS = ['\n', '\n', '\r\n', '\r', '\n\n', ' \n'];
const text = fc.array(fc.tuple(pick(LINES), pick(ENDS)), { maxLength: 10 }).map((lines) => lines.map(([line, end]) => `${line}${end}`).join(''));

describe("a Cargo.toml's licence line", () => {
  it('is the first line the split text matched', () => {
    const found = countAnswered(text, (source) => {
      const expected = reference(source);
      expect(licenceLineIn(source), JSON.stringify(source)).toBe(expected);
      return expected !== undefined;
    });
    expect(found).toBeGreaterThan(RUNS / 4);
    expect(found).toBeLessThan(RUNS);
  });
});
