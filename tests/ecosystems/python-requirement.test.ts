// PEP 508 requirements (src/ecosystems/python/requirement.ts) against the reader before its
// common-case shortcuts (no parenthesised specifier, no extras), kept here as the reference: the
// same requirement, or none, for random requirement texts built from valid and odd pieces.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseName } from '../../src/ecosystems/python/metadata.js';
import { parseRequirement, type Requirement } from '../../src/ecosystems/python/requirement.js';
import { countAnswered, pick, RUNS } from './differential.js';

/** The reader as it was (until ecospeed3), the reference. */
function reference(text: string): Requirement | undefined {
  const match = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[([^\]]*)\])?\s*([^;]*?)\s*(?:;\s*(.*))?$/.exec(text);
  if (!match) return undefined;
  const specifier = match[3]!.replace(/^\((.*)\)$/, '$1').trim();
  if (specifier !== '' && !/^(@|[<>=!~])/.test(specifier)) return undefined;
  return {
    name: normaliseName(match[1]!),
    extras: (match[2] ?? '').split(',').map((extra) => normaliseName(extra.trim())).filter(Boolean),
    specifier,
    ...(match[4]?.trim() ? { marker: match[4].trim() } : {}),
  };
}

const NAMES = ['pkg', 'Pkg_Name', 'a', 'zope.interface', 'x-1', '-bad', 'bad-', '', ' pkg', '9lives'];
const EXTRAS = ['', '[]', '[security]', '[A, b_c]', '[ , ]', '[x', '[a]]', ' [s] '];
const SPECIFIERS = ['', '>=1.0', ' >=1.0,<2', '(>=2.8.1)', '( >=1 )', '(==1)x', '((>=1))', '==1.*', '@ https://example.org/p.whl', 'x', '(x)', '(', ')', '~=1\n2', '\t!=3 '];
const MARKERS = ['', ';', '; ', '; python_version < "3.10"', ';extra == "dev"', ';  ', '; a;b'];
const requirement = fc.tuple(pick(NAMES), pick(EXTRAS), pick(SPECIFIERS), pick(MARKERS), pick(['', ' ', '\t'])).map(([n, e, s, m, t]) => `${n}${e}${s}${m}${t}`);

describe('requirements', () => {
  it('are read as the reader before the shortcuts read them', () => {
    const read = countAnswered(requirement, (text) => {
      const expected = reference(text);
      expect(parseRequirement(text), JSON.stringify(text)).toEqual(expected);
      return Boolean(expected);
    });
    expect(read).toBeGreaterThan(RUNS / 10);
  });
});
