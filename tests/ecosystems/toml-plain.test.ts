// The plain-TOML reader (src/ecosystems/toml-plain.ts) against smol-toml: whatever document it
// reads, smol-toml reads too, to the very same value (objects without a prototype included);
// anything it leaves (undefined) goes to smol-toml, whose errors keep their line and column.
// Differential: random documents built from valid and broken pieces (fast-check, fixed seed), the
// fixtures' TOML files, and the shapes cargo and the bench write.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPlainToml } from '../../src/ecosystems/toml-plain.js';
import { parseToml } from '../../src/ecosystems/toml.js';
import { packageLines, parseCargoLock, readMachineForm } from '../../src/ecosystems/cargo/lockfile.js';
import { pick, RUNS, SEED } from './differential.js';

const smol = createRequire(import.meta.url)('smol-toml') as typeof import('smol-toml');

/** The property: the plain reader gives up, or gives exactly what smol-toml gives. */
function agrees(document: string): 'plain' | 'left' {
  const plain = readPlainToml(document);
  if (plain === undefined) return 'left';
  let parsed: unknown;
  try {
    parsed = smol.parse(document);
  } catch (error) {
    throw new Error(`the plain reader read a document smol-toml rejects (${(error as Error).message.split('\n')[0]}): ${JSON.stringify(document)}`);
  }
  if (!isDeepStrictEqual(plain, parsed)) throw new Error(`different values for ${JSON.stringify(document)}: ${JSON.stringify(plain)} against ${JSON.stringify(parsed)}`);
  return 'plain';
}

// Mostly valid pieces, so that whole documents are often valid, with broken and odd ones among
// them; each edge of the reader (a leading zero, a date's shape, quotes before closing ones, a
// literal string's backslash, control characters, tables and keys given twice) has its cases,
// also tried one by one in every place (the last test).
const VALID_KEYS = ['a', 'b', 'c', 'name', 'version', 'a-b', 'a_b', '1', '07', 'constructor', 'toString', '"a"', "'b'", '"x.y"', '"é"', '"a\\"b"'];
const ODD_KEYS = ['__proto__', '"__proto__"', '""', "''", '"tab\there"', 'a b', 'a.b', '"a".b', 'é', '', ' a', '"""a"""', "'a\\b'", '"a\\u0062"'];
const VALID_SCALARS = ['"text"', "'literal'", '0', '42', 'true', 'false', '"a\\nb"', '"""\nmulti\n"""', '[]', '{}'];
const ODD_SCALARS = [
  '""', "''", '"with \\" escape"', '"\\u00e9"', '"tab\t"', '"ctl\u0001"', '"del\u007f"', "'back\\slash'", "'lit\\n'", "'''a\\nb'''", '"é ü"', '"unterminated', '"""multi"""', "'''lit'''", '"""\nlines"""',
  '"q\\"q"', '"b\\\\s"', '"\\e"', '"\\x41"', '"\\U0001F600"', '"\\ "', '"\\', '"""a\\\nb"""', '"""a\\n\\""""', '"""a""""', '"""a"""""', '"""a""""""', '""""""', '"""\r\nx\r\n"""', '"""x\ry"""', "'''\nlit\n'''", '"""a " b "" c"""', '"""\u0001"""', '"""tab\t"""', '"""q\\""""',
  '7', '123456789012345', '1234567890123456', '12345678901234567890', '01', '00', '+1', '-1', '-0', '1_000', '1.5', '1e3', '0x1f', '0o7', '0b1', 'inf', 'nan', '-inf',
  'truex', 'True', 'fals', 'true1',
  '1979-05-27', '1979-05-27T07:32:00Z', '07:32:00', '1#:', '12-34-5678', '1 :', '10:30', '1234-56-78', '1:', '12:',
  '', 'x', '[', '{', ']', '}', '[1,,2]', '[,]', '{a=1,}', '{a=1 b=2}', '{\na=1}', '{a=1,a=2}', '{a.b=1}',
];
const ODD_LINE_ENDS = ['\r\n', '\r', ' # comment\n', '#\u0001\n', '#\u007f\n', '\t#\n', '\n\n', ' x\n', '', ' # c\r', ' # c\r\n'];
const keys = fc.oneof({ weight: 12, arbitrary: pick(VALID_KEYS) }, { weight: 1, arbitrary: pick(ODD_KEYS) });
const scalars = fc.oneof({ weight: 12, arbitrary: pick(VALID_SCALARS) }, { weight: 1, arbitrary: pick(ODD_SCALARS) });
const space = pick(['', ' ', '  ', '\t']);
const value: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'xsmall', maxDepth: 2, withCrossShrink: true },
    scalars,
    fc.tuple(fc.array(fc.tuple(space, tie('value'), space, pick(['', '', '\n', ' # c\n', '\r\n', '\r'])), { maxLength: 4 }), fc.boolean(), pick([',', ',', ', ', ' ,', ',,']))
      .map(([items, trailing, comma]) => `[${items.map(([a, v, b, nl]) => `${a}${v}${b}${nl}`).join(comma)}${trailing && items.length > 0 ? ',' : ''}]`),
    fc.tuple(fc.array(fc.tuple(keys, space, tie('value')), { maxLength: 3 }), pick([', ', ',', ', ', ' , ', ',\n']), pick(['', '', ' ', ',', '\n']))
      .map(([pairs, comma, end]) => `{${pairs.map(([k, s, v]) => ` ${k}${s}=${s}${v}`).join(comma)}${end}}`),
  ),
})).value;
const header = fc.tuple(fc.array(keys, { minLength: 1, maxLength: 3 }), fc.boolean(), pick(['', '', '', ' ', '.']))
  .map(([path, array, odd]) => (array ? `[[${path.join('.')}${odd}]]` : `[${odd === ' ' ? ' ' : ''}${path.join('.')}${odd === '.' ? '.' : ''}]`));
const keyValue = fc.tuple(space, keys, pick([' = ', ' = ', '=', '  =\t', ' == ', ' ']), value).map(([indent, key, equals, v]) => `${indent}${key}${equals}${v}`);
const lineEnd = fc.oneof({ weight: 12, arbitrary: fc.constant('\n') }, { weight: 1, arbitrary: pick(ODD_LINE_ENDS) });
const document = fc.array(fc.tuple(fc.oneof({ weight: 2, arbitrary: header }, { weight: 5, arbitrary: keyValue }, { weight: 1, arbitrary: pick(['', '# only a comment', '   ', '\ufeffa = 1']) }), lineEnd), { maxLength: 8 })
  .map((lines) => lines.map(([line, end]) => `${line}${end}`).join(''));

/** The TOML files under fixtures/ (Cargo.toml, Cargo.lock, pyproject.toml, uv.lock, poetry.lock, config.toml). */
function fixtureTomls(folder: string, found: string[] = []): string[] {
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (name === 'node_modules') continue;
    if (statSync(path).isDirectory()) fixtureTomls(path, found);
    else if (/\.toml$|^(Cargo|uv|poetry|pdm)\.lock$/.test(name)) found.push(path);
  }
  return found;
}

describe('the plain-TOML reader', () => {
  it('reads what smol-toml reads, to the same value, or leaves the document to it (random documents)', () => {
    const seen = { plain: 0, left: 0 };
    fc.assert(
      fc.property(document, (text) => {
        seen[agrees(text)]++;
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // Both sides exercised: many documents read plainly, many left to smol-toml.
    expect(seen.plain).toBeGreaterThan(RUNS / 10);
    expect(seen.left).toBeGreaterThan(RUNS / 10);
  });

  it('agrees on every TOML file of the fixtures, and reads the ones cargo and uv write itself', () => {
    const files = fixtureTomls('fixtures');
    expect(files.length).toBeGreaterThan(15);
    for (const file of files) agrees(readFileSync(file, 'utf8'));
    // What cargo and uv write, when it is valid TOML (one vendored Cargo.toml is broken on purpose).
    const written = files.filter((f) => /Cargo\.lock$|vendor\/[^/]+\/Cargo\.toml$|config\.toml$|uv\.lock$/.test(f) && parseToml(readFileSync(f, 'utf8')).ok);
    expect(written.length).toBeGreaterThanOrEqual(8);
    for (const file of written) expect(readPlainToml(readFileSync(file, 'utf8')), file).toBeDefined();
  });

  it('reads the shapes of Cargo.lock and a vendored Cargo.toml', () => {
    const lock = 'version = 4\n\n[[package]]\nname = "a"\nversion = "1.0.0"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\nchecksum = "00"\ndependencies = [\n "b",\n "c 1.0.0 (registry+https://github.com/rust-lang/crates.io-index)",\n]\n\n[[package]]\nname = "b"\nversion = "0.1.0"\n';
    const manifest = '# THIS FILE IS AUTOMATICALLY GENERATED BY CARGO\n\n[package]\nedition = "2021"\nrust-version = "1.56"\nname = "x"\nversion = "1.0.0"\nauthors = ["A <a@example.com>"]\nbuild = false\nautobins = false\ndescription = "A crate"\nkeywords = ["a", "b"]\nlicense = "MIT OR Apache-2.0"\n\n[lib]\nname = "x"\npath = "src/lib.rs"\n\n[dependencies.serde]\nversion = "1.0.100"\nfeatures = ["derive"]\noptional = true\ndefault-features = false\n\n[target."cfg(unix)".dependencies]\nlibc = { version = "0.2", default-features = false }\n\n[features]\ndefault = ["std"]\nstd = []\n';
    for (const text of [lock, manifest, lock.replace(/\n/g, '\r\n'), manifest.replace(/\n/g, '\r\n')]) expect(agrees(text)).toBe('plain');
  });

  it('leaves tables defined twice, keys given twice and values under a table header to smol-toml, which says where', () => {
    for (const text of ['[a]\nx = 1\n[a]\n', 'a = 1\na = 2\n', '[a.b]\n[a]\nb = 1\n', 'a = 1\n[a.b]\n', '[[a]]\n[a]\n', '[a]\n[[a]]\n', 'a = {x = 1}\n[a.y]\n', 'a = [1]\n[[a]]\n', '[[a.b]]\n[[a]]\n', '[a.b]\n[[a]]\n', '[a.b]\n[a]\n[a]\n', '[[a.b]]\n[a]\n[a]\n']) {
      expect(agrees(text)).toBe('left');
      const parsed = parseToml(text);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.problem.line).toBeGreaterThan(0);
    }
    // What TOML allows, read plainly.
    for (const text of ['[a.b]\n[a]\nc = 1\n', '[[a]]\n[a.b]\n[[a]]\n[a.b]\n', '[[a.b]]\n[a]\n', '[a]\n[a.b]\n[a.c]\n']) expect(agrees(text)).toBe('plain');
  });
  it('agrees on each odd key, value and line end, alone and in every place', () => {
    const places = (v: string) => [`a = ${v}\n`, `a = ${v}`, `a = [${v}]\n`, `a = [\n  ${v},\n]\n`, `a = [1, ${v}]\n`, `a = { b = ${v} }\n`, `[t]\na = ${v} # c\n`, `[[t]]\na = ${v}\r\n`];
    for (const scalar of [...VALID_SCALARS, ...ODD_SCALARS]) for (const text of places(scalar)) agrees(text);
    for (const key of [...VALID_KEYS, ...ODD_KEYS]) for (const text of [`${key} = 1\n`, `[${key}]\n`, `[[${key}]]\n`, `[a.${key}]\nb = 1\n`, `a = { ${key} = 1 }\n`]) agrees(text);
    for (const end of ODD_LINE_ENDS) for (const text of [`a = 1${end}b = 2\n`, `[a]${end}b = 2`, `a = [1${end}]\n`, `a = "x"${end}`]) agrees(text);
  });
});

describe("Cargo.lock's package lines", () => {
  /** What packageLines did before it scanned for the header: every line split and tested. */
  const byLines = (source: string): number[] => {
    const lines: number[] = [];
    source.split('\n').forEach((line, index) => {
      if (/^\s*\[\[package\]\]/.test(line)) lines.push(index + 1);
    });
    return lines;
  };
  it('finds the line of each [[package]] header as splitting the file into lines did', () => {
    const piece = fc.constantFrom('[[package]]', ' [[package]]', '\t[[package]]', '\u00a0[[package]]', 'x = "[[package]]"', '[[package]][[package]]', 'name = "a"', '', '\r', '\u2028[[package]]', '# [[package]]', '[[package]');
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, fc.constantFrom('\n', '\r\n', '', ' ')), { maxLength: 12 }), (parts) => {
        const source = parts.map(([a, b]) => a + b).join('');
        expect(packageLines(source)).toEqual(byLines(source));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

describe("Cargo.lock in cargo's own form", () => {
  const text = fc.oneof({ weight: 8, arbitrary: fc.constantFrom('serde', 'a', 'b', 'c 1.0.0', 'a 0.1.0', 'b 2.0.0 (registry+https://github.com/rust-lang/crates.io-index)', '1.0.0', '0.1.0', 'registry+https://github.com/rust-lang/crates.io-index') }, fc.constantFrom('', 'tab\there', 'q\\"q', 'back\\\\slash', 'é', 'a b c'));
  const pkg = fc.record({
    name: text,
    version: text,
    source: fc.option(text, { nil: undefined }),
    checksum: fc.option(fc.constant('0'.repeat(64)), { nil: undefined }),
    dependencies: fc.option(fc.array(text, { maxLength: 3 }), { nil: undefined }),
    oneLine: fc.boolean(),
    odd: fc.oneof({ weight: 12, arbitrary: fc.constant(undefined) }, fc.constantFrom('extra = "x"', 'name = "again"', '  ', '# comment', 'version = 1')),
  });
  const lock = fc.record({
    preamble: fc.constantFrom('', '# This file is automatically @generated by Cargo.\n# It is not intended for manual editing.\n', '# a\n\n', '#\u0001\n'),
    version: fc.constantFrom('', 'version = 4\n', 'version = 4\n', 'version = 3\n', 'version = 3\n', 'version = 01\n', 'version = "4"\n'),
    packages: fc.array(pkg, { maxLength: 5 }),
    gap: fc.constantFrom('\n', '\n', '', '\n\n'),
    tail: fc.constantFrom('', '', '', '', '\n', '\n[broken\n', '\n[metadata]\n"checksum a" = "0"\n', '\n[[patch.unused]]\nname = "x"\nversion = "1"\n'),
    crlf: fc.constantFrom(false, false, false, false, true),
    final: fc.constantFrom(true, true, true, true, false),
  }).map(({ preamble, version, packages, gap, tail, crlf, final }) => {
    const body = packages.map((p) => `${gap}[[package]]\nname = "${p.name}"\nversion = "${p.version}"\n${p.source !== undefined ? `source = "${p.source}"\n` : ''}${p.checksum !== undefined ? `checksum = "${p.checksum}"\n` : ''}${p.dependencies !== undefined ? (p.oneLine ? `dependencies = [${p.dependencies.map((d) => `"${d}"`).join(', ')}]\n` : `dependencies = [\n${p.dependencies.map((d) => ` "${d}",\n`).join('')}]\n`) : ''}${p.odd !== undefined ? `${p.odd}\n` : ''}`).join('');
    let text = `${preamble}${version}${body}${tail}`;
    if (!final) text = text.replace(/\n$/, '');
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });

  it('gives the packages, lines and dangling dependencies reading it as TOML gives', () => {
    let machine = 0;
    fc.assert(
      fc.property(lock, (source) => {
        if (readMachineForm(source)) machine++;
        expect(parseCargoLock(source)).toEqual(parseCargoLock(source, false));
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(machine).toBeGreaterThan(RUNS / 10);
  });

  it("reads the fixtures' and the bench's lockfiles in that form", () => {
    for (const file of fixtureTomls('fixtures').filter((f) => f.endsWith('Cargo.lock'))) {
      const source = readFileSync(file, 'utf8');
      expect(readMachineForm(source), file).toBeDefined();
      expect(parseCargoLock(source)).toEqual(parseCargoLock(source, false));
    }
  });
});
