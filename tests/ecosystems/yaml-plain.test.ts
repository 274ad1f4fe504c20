// The plain-YAML reader (src/ecosystems/yaml-plain.ts) against the yaml package, as the lockfile
// readers call it: whatever document it reads, the yaml package reads too, to the very same value;
// anything it leaves (undefined) goes to the yaml package, whose errors keep their line and column.
// Differential: random documents built from valid and odd pieces (fast-check, fixed seed), the
// fixtures' lockfiles, and a real pnpm-lock.yaml (the real tree's lockfile as `pnpm import` writes it).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPlainYaml } from '../../src/ecosystems/yaml-plain.js';
import { parseManifest } from '../../src/ecosystems/npm/manifest.js';
import { graphFromPnpm } from '../../src/ecosystems/npm/yarn-pnpm.js';
import { countAnswered, pick, RUNS } from './differential.js';

const yaml = createRequire(import.meta.url)('yaml') as typeof import('yaml');
/** What the lockfile readers asked of the yaml package before the plain reader. */
const reference = (text: string) => yaml.parse(text, { uniqueKeys: false, maxAliasCount: 100, prettyErrors: false, logLevel: 'error' }) as unknown;

/** The real tree's pnpm-lock.yaml, and what the yaml package reads in it (~0.5 s: once). */
const REAL = 'fixtures/real-tree-pnpm/pnpm-lock.yaml';
let realRead: { text: string; value: unknown } | undefined;
const real = () => (realRead ??= ((text) => ({ text, value: reference(text) }))(readFileSync(REAL, 'utf8')));

/** The property: the plain reader gives up, or gives exactly what the yaml package gives. */
function agrees(document: string): 'plain' | 'left' {
  const plain = readPlainYaml(document);
  if (plain === undefined) return 'left';
  let parsed: unknown;
  try {
    parsed = document === realRead?.text ? realRead.value : reference(document);
  } catch (error) {
    throw new Error(`the plain reader read a document the yaml package rejects (${(error as Error).message.split('\n')[0]}): ${JSON.stringify(document)}`);
  }
  if (!isDeepStrictEqual(plain, parsed)) throw new Error(`different values for ${JSON.stringify(document)}: ${JSON.stringify(plain)} against ${JSON.stringify(parsed)}`);
  return 'plain';
}

// Mostly what lockfiles hold, so that whole documents are often plain, with odd pieces among them:
// each edge of the reader (the core schema's null, booleans and numbers, indicators, quotes and
// their escapes, colons and hashes inside scalars, flow collections, block scalars, anchors, tags,
// document markers, tabs and control characters) has its cases.
const VALID_KEYS = ['a', 'b', 'name', 'version', 'lockfileVersion', '.', "'@babel/core@7.24.7'", '"@babel/core@npm:^7.0.0, @babel/core@npm:^7.1.0"', 'react@18.3.1', "'@types/node'", 'x-y', 'constructor', 'toString', 'hasOwnProperty', '0', '1', "'1.0'", '"true"'];
const ODD_KEYS = ['__proto__', "'__proto__'", '1.0', 'true', 'null', '~', '', '- a', '? a', '&a a', '*a', '!t a', '"a\\"b"', "'a''b'", 'a #b', 'a#b', 'a:b', '[a]', '{a}', 'a b', '@a', '`a', '%a', '"unterminated', '---', '...', 'é', 'a\tb', 'a  '];
const VALID_SCALARS = ['1.0.0', '^7.24.7', '>=6.9.0', 'sha512-abc+/==', 'true', 'false', "'9.0'", "'>=14'", '4.13.0(graphql@16.15.0)', 'link:../a', 'https://registry.npmjs.org/a/-/a-1.0.0.tgz', 'node', 'hard', '8', '{integrity: sha512-abc==}', '{}', '[]', '[darwin]', '[x64, arm64]', "{node: '>=6.9.0'}", '"@babel/core@npm:7.24.7"', 'os=darwin', "''", 'Deprecated, use b instead.'];
const ODD_SCALARS = [
  '', '~', 'null', 'Null', 'NULL', 'nul', 'True', 'TRUE', 'tRue', 'yes', 'no', 'on', 'off', 'y',
  '0', '7', '007', '123456789012345', '1234567890123456', '-1', '+1', '1.5', '.5', '1.', '1e3', '1E+3', '0x1f', '0o17', '0b1', '.inf', '-.Inf', '.nan', '.NaN', '1_000', '1,000', '12:30', '2024-01-01',
  "'it''s'", "'a'b'", "'unterminated", '"a\\nb"', '"a\\"b"', '"unterminated', '"tab\\t"', "'#not a comment'", '"# not either"', "'a' # comment", "'a'x", '"a" ,',
  'a # comment', 'a#b', 'a: b', 'a:', 'a:b', ':a', ': a', '-', '- a', '-a', '?', '? a', '?a', '&anchor a', '*alias', '!tag a', '!!str 1', '|', '|-', '>', "@a", '`a', '%a', '#',
  'a, b', 'a]', 'a}', '[a', '{a', '{a: b', '[a, b', '[a,]', '{a: b,}', '[a b]', '{a b}', '{a}', '{a:b}', '{a: b: c}', '[a: b]', '{"a": b}', "{'a': 1}", '{a: [b, {c: d}]}', '[{a: b}]', '[[a]]', '{a: {}}', '{a: }', '[, a]', '{a: b, a: c}', '{__proto__: a}', '{a: http://x}', '{a: x:}', '[a:]', '[a: ]', '[:a]', '[a #b]', '[a, #b]',
  'a  b', 'a\tb', 'é', 'a\u0085b', 'a\u2028b', '\ufeffa', 'a\u0001', 'a\u007f',
];
const LINE_ENDS = ['\n', '\n', '\n', '\n\n', ' # c\n', '  \n', '\n# comment\n', '\n  # indented comment\n', '\n---\n', '\n...\n', '\r\n', '\t\n', ''];
const keys = fc.oneof({ weight: 10, arbitrary: pick(VALID_KEYS) }, { weight: 1, arbitrary: pick(ODD_KEYS) });
const scalars = fc.oneof({ weight: 8, arbitrary: pick(VALID_SCALARS) }, { weight: 1, arbitrary: pick(ODD_SCALARS) });
const colon = fc.oneof({ weight: 10, arbitrary: fc.constant(': ') }, { weight: 1, arbitrary: pick([':', ':  ', ' : ', ':\t']) });
const end = fc.oneof({ weight: 10, arbitrary: fc.constant('\n') }, { weight: 1, arbitrary: pick(LINE_ENDS) });

type Block = { kind: 'map'; entries: [string, string, Block | string][] } | { kind: 'seq'; items: string[] };
const block: fc.Arbitrary<Block> = fc.letrec<{ block: Block }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', maxDepth: 3, withCrossShrink: true },
    fc.array(fc.tuple(keys, colon, fc.oneof({ weight: 3, arbitrary: scalars }, { weight: 2, arbitrary: tie('block') })), { minLength: 1, maxLength: 4 }).map((entries) => ({ kind: 'map' as const, entries })),
    fc.array(scalars, { minLength: 1, maxLength: 3 }).map((items) => ({ kind: 'seq' as const, items })),
  ),
})).block;

/** A block written out at `indent`, with line ends and indentation steps drawn from `ends` and `steps` in turn. */
function write(node: Block, indent: number, ends: string[], steps: number[], at = { end: 0, step: 0 }): string {
  const pad = ' '.repeat(indent);
  const nextEnd = () => ends[at.end++ % ends.length]!;
  const nextStep = () => steps[at.step++ % steps.length]!;
  if (node.kind === 'seq') return node.items.map((item) => `${pad}- ${item}${nextEnd()}`).join('');
  return node.entries
    .map(([key, separator, value]) => (typeof value === 'string' ? `${pad}${key}${separator}${value}${nextEnd()}` : `${pad}${key}${separator.trimEnd()}${nextEnd()}${write(value, indent + nextStep(), ends, steps, at)}`))
    .join('');
}

const document = fc
  .tuple(block.filter((node) => node.kind === 'map'), fc.array(end, { minLength: 1, maxLength: 6 }), fc.array(fc.oneof({ weight: 10, arbitrary: fc.constant(2) }, { weight: 1, arbitrary: pick([0, 1, 3, 4]) }), { minLength: 1, maxLength: 4 }), pick(['', '', '', "lockfileVersion: '9.0'\n\n", '# yarn lockfile\n\n', '---\n', '%YAML 1.2\n---\n', ' ']))
  .map(([node, ends, steps, start]) => `${start}${write(node, 0, ends, steps)}`);

describe('the plain-YAML reader', () => {
  it('reads what the yaml package reads, to the same value, or leaves the document to it (random documents)', () => {
    const left = countAnswered(document, (text) => agrees(text) === 'left');
    // Both sides exercised: many documents read plainly, many left to the yaml package.
    expect(RUNS - left).toBeGreaterThan(RUNS / 10);
    expect(left).toBeGreaterThan(RUNS / 10);
  });

  it('agrees on each odd key and value, in a mapping, a sequence and a flow collection', () => {
    for (const key of [...VALID_KEYS, ...ODD_KEYS]) agrees(`${key}: 1\nb: 2\n`);
    for (const scalar of [...VALID_SCALARS, ...ODD_SCALARS]) {
      for (const text of [`a: ${scalar}\n`, `a:\n  - ${scalar}\n  - b\n`, `a: [${scalar}]\n`, `a: {b: ${scalar}}\n`, `a: {${scalar}: 1}\n`, `a: ${scalar}\n  b\n`, `a: ${scalar} # c\n`]) agrees(text);
    }
  });

  it('reads a real pnpm-lock.yaml itself, to the yaml package’s value, and every lockfile of the fixtures that package managers wrote', () => {
    expect(agrees(real().text)).toBe('plain');
    for (const file of ['fixtures/npm/pnpm/pnpm-lock.yaml', 'fixtures/npm/pnpm-v6/pnpm-lock.yaml', 'fixtures/npm/yarn-berry/yarn.lock']) expect(agrees(readFileSync(file, 'utf8')), file).toBe('plain');
  });

  it('leaves block scalars, anchors, aliases, tags, multi-line scalars and document markers to the yaml package', () => {
    for (const text of ['a: |\n  text\n', 'a: >-\n  text\n', 'a: &x 1\nb: *x\n', 'a: !!str 1\n', 'a: long\n  continued\n', "a: 'two\n  lines'\n", '---\na: 1\n', 'a: 1\n---\nb: 2\n', 'a: 1\n...\n', '- a\n- b\n', '', '# only a comment\n', 'a:\n- b\n', 'a: {b: 1,\n  c: 2}\n', '? a\n: b\n', 'a:\n  - b: 1\n']) {
      expect(agrees(text), JSON.stringify(text)).toBe('left');
    }
  });

  it('gives the lockfile readers the graph of the real tree, and a broken document to the yaml package, whose error names the line', () => {
    const projects = [{ path: '.', manifest: parseManifest(readFileSync('fixtures/real-tree-pnpm/package.json', 'utf8')) }];
    const graph = graphFromPnpm('pnpm-lock.yaml', real().text, projects);
    const locked = Object.keys((real().value as { snapshots: object }).snapshots);
    expect(locked.length).toBeGreaterThan(1_300);
    expect(locked.filter((key) => !graph.nodes.has(key))).toEqual([]);
    // A mapping nested on one line: the plain reader leaves it, the yaml package refuses it, and the
    // error names the line and column where it stopped (it gave neither before).
    expect(() => graphFromPnpm('pnpm-lock.yaml', "lockfileVersion: '9.0'\npackages:\n  a@1.0.0: {x: 1}\n  b: c: d\n  e@1.0.0: {}\n", projects)).toThrow(expect.objectContaining({ message: expect.stringMatching(/^is not valid YAML: Nested mappings/), line: 4, column: 6 }));
    // A flow mapping left open: where the yaml package stopped looking for its end.
    expect(() => graphFromPnpm('pnpm-lock.yaml', "lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies: {a: b\n", projects)).toThrow(expect.objectContaining({ line: 5, column: 1 }));
  });
});
