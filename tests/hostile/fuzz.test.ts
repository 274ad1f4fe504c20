// Property-based tests of every parser copyfair owns: random and mutated inputs never throw out
// of the parser (only its own located error), never hang, and never yield an expression that is
// not valid SPDX. A fixed seed in `npm test`; `npm run fuzz` runs many more (FUZZ_RUNS, FUZZ_SEED).
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPackageLock, LockfileError } from '../../src/ecosystems/npm/package-lock.js';
import { ManifestError, parseManifest } from '../../src/ecosystems/npm/manifest.js';
import { graphFromPnpm, graphFromYarn } from '../../src/ecosystems/npm/yarn-pnpm.js';
import { emptyTree } from '../../src/ecosystems/npm/tree.js';
import { braceExpansions, workspacePatternProblem } from '../../src/ecosystems/npm/workspace-patterns.js';
import { parseExpression, type ExpressionNode } from '../../src/evaluate/parse.js';
import { readDeclared } from '../../src/identify/declared.js';
import { normalise } from '../../src/identify/normalise.js';
import { identifyText } from '../../src/identify/index.js';
import { identifyLicenceText } from '../../src/identify/identify-file.js';
import { loadKnowledgeBase } from '../../src/kb/index.js';
import { parseYaml } from '../../src/kb/validate.js';
import { Reader } from '../../src/policy/reader.js';
import { parseTermsFile } from '../../src/terms/shipped.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const settings = (factor = 1) => ({ seed: SEED, numRuns: Math.max(10, Math.round(RUNS * factor)) });
const kb = loadKnowledgeBase();
const require = createRequire(import.meta.url);
const spdxParse = require('spdx-expression-parse') as (text: string) => unknown;

/** Text that looks like the real thing, then is damaged: a slice replaced by random text. */
function mutated(samples: string[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...samples), fc.nat(), fc.nat({ max: 40 }), fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('', '"', '{', '}', '[', ']', ':', '\n', '\r\n', '\uFEFF', '\u0000', '__proto__', 'constructor', '{"toString": ""}', '{toString: ""}', '- ', '&a', '*a', '#()()')))
    .map(([sample, at, length, insert]) => {
      const start = at % (sample.length + 1);
      return sample.slice(0, start) + insert + sample.slice(start + length);
    });
}

/** Runs `parse`, accepting only `allowed` errors. */
function onlyOwnErrors(parse: () => unknown, ...allowed: (new (...args: never[]) => Error)[]): void {
  try {
    parse();
  } catch (error) {
    if (!allowed.some((type) => error instanceof type)) throw error;
  }
}

const MANIFEST = JSON.stringify({ name: 'x', version: '1.0.0', license: 'MIT OR Apache-2.0', licenses: [{ type: 'MIT' }], dependencies: { a: '^1' }, devDependencies: { b: '2' }, workspaces: ['packages/*'], funding: { url: 'https://x.example' } }, null, 2);
const LOCK = JSON.stringify({ name: 'x', lockfileVersion: 3, packages: { '': { dependencies: { a: '1' } }, 'node_modules/a': { version: '1.0.0', license: 'MIT', dependencies: { b: '1' } }, 'node_modules/b': { version: '1.0.0', link: true, resolved: 'b' } } }, null, 2);
const LOCK_V1 = JSON.stringify({ lockfileVersion: 1, dependencies: { a: { version: '1.0.0', requires: { b: '1' }, dependencies: { b: { version: '2.0.0' } } } } }, null, 2);
const YARN = '# yarn lockfile v1\n\n"a@^1", a@1.0.0:\n  version "1.0.0"\n  dependencies:\n    b "^2"\n\nb@^2:\n  version "2.0.0"\n';
const BERRY = '__metadata:\n  version: 6\n\n"a@npm:^1":\n  version: 1.0.0\n  dependencies:\n    b: "npm:^2"\n\n"b@npm:^2":\n  version: 2.0.0\n';
const PNPM = "lockfileVersion: '9.0'\n\nimporters:\n  .:\n    dependencies:\n      a:\n        specifier: ^1\n        version: 1.0.0(b@2.0.0)\n\npackages:\n  a@1.0.0:\n    resolution: {integrity: sha512-x}\n\nsnapshots:\n  a@1.0.0(b@2.0.0):\n    dependencies:\n      b: 2.0.0\n  b@2.0.0: {}\n";
const CONFIG = 'profile:\n  entity: worker-cooperative\n  uses: [internal, network]\n  competes: false\nfail-on: [forbidden, unknown]\noverrides:\n  - licence: MIT\n    outcome: free\n    reason: ok\nexceptions:\n  - package: a\n    version: "^1"\n    reason: bought\n    expires: 2027-01-01\n';
const TERMS = 'licences:\n  - id: LicenseRef-x\n    name: X\n    payback:\n      url: https://x.example\n      contact: pay@x.example\n';
const projects = [{ path: '', manifest: parseManifest(JSON.stringify({ name: 'x', dependencies: { a: '^1' } })) }];

describe('fuzzing every parser copyfair owns', () => {
  it('package.json: only ManifestError, and the fields keep their types', () => {
    fc.assert(
      fc.property(fc.oneof(mutated([MANIFEST]), fc.json(), fc.string()), (text) => {
        onlyOwnErrors(() => {
          const manifest = parseManifest(text);
          for (const section of [manifest.dependencies, manifest.devDependencies]) for (const value of Object.values(section)) expect(typeof value).toBe('string');
          expect(Array.isArray(manifest.workspaces)).toBe(true);
        }, ManifestError);
      }),
      settings(),
    );
  });

  it('package-lock.json (v1 to v3): only LockfileError', () => {
    fc.assert(fc.property(fc.oneof(mutated([LOCK, LOCK_V1]), fc.json()), (text) => onlyOwnErrors(() => readPackageLock('package-lock.json', text, emptyTree()), LockfileError)), settings());
  });

  it('yarn.lock (classic and berry): only LockfileError', () => {
    fc.assert(fc.property(fc.oneof(mutated([YARN, BERRY]), fc.string()), (text) => onlyOwnErrors(() => graphFromYarn('yarn.lock', text, projects, []), LockfileError)), settings());
  });

  it('pnpm-lock.yaml: only LockfileError', () => {
    fc.assert(fc.property(fc.oneof(mutated([PNPM]), fc.string()), (text) => onlyOwnErrors(() => graphFromPnpm('pnpm-lock.yaml', text, projects, []), LockfileError)), settings());
  });

  it('copyfair.yaml: problems, never an exception', () => {
    fc.assert(
      fc.property(fc.oneof(mutated([CONFIG]), fc.string()), (text) => {
        const { doc, problems } = parseYaml('copyfair.yaml', text);
        if (problems.length === 0) new Reader(doc).policy();
      }),
      settings(0.5),
    );
  });

  it('copyfair-terms.yaml: problems, never an exception', () => {
    fc.assert(fc.property(fc.oneof(mutated([TERMS]), fc.string()), (text) => void parseTermsFile('copyfair-terms.yaml', text)), settings(0.5));
  });

  it('the expression reader: never throws; what it accepts is valid SPDX, canonical, and the tree spdx-expression-parse finds', () => {
    const token = fc.oneof(
      fc.constantFrom('MIT', 'Apache-2.0', 'apache-2.0', 'GPL-2.0+', 'GPL-2.0', 'LGPL-2.1-or-later', 'BSD-3-Clause', 'LicenseRef-x', 'AND', 'OR', 'WITH', 'and', 'or', '(', ')', 'Classpath-exception-2.0', 'constructor', '__proto__', 'toString', '+'),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 25 }), (tokens) => {
        const text = tokens.join(' ');
        const result = parseExpression(text, kb);
        if (!result.ok) return;
        const again = parseExpression(result.expression, kb);
        expect(again.ok && again.expression).toBe(result.expression);
        if (!/LicenseRef-/.test(result.expression)) {
          let theirs: unknown;
          try {
            theirs = spdxParse(result.expression);
          } catch {
            return; // an id newer than spdx-expression-parse's list
          }
          expect(flatten(theirs as Raw)).toEqual(result.tree);
        }
      }),
      settings(2),
    );
  });

  it('the declared-string mapper: never throws, and any expression it gives is valid SPDX', () => {
    const words = fc.constantFrom('MIT', 'Apache 2.0', 'BSD', 'GPL', 'v3', 'or later', '/', '+', ',', 'and', 'or', 'with', 'Commons Clause', 'SEE LICENSE IN', 'UNLICENSED', 'Public Domain', '(', ')', 'constructor', '__proto__');
    const declared = fc.oneof(fc.array(words, { maxLength: 8 }).map((parts) => parts.join(' ')), fc.string(), fc.anything());
    fc.assert(
      fc.property(declared, fc.oneof(fc.constant(undefined), fc.array(fc.anything(), { maxLength: 3 })), (license, licenses) => {
        const result = readDeclared(license, licenses, kb);
        if (result.expression !== null) expect(parseExpression(result.expression, kb).ok).toBe(true);
      }),
      settings(),
    );
  });

  it('the declared-string mapper: a lone "+", on which spdx-correct throws, is no licence (it ended scans)', () => {
    for (const license of ['+', ' + ', '+\n']) expect(readDeclared(license, undefined, kb).expression).toBeNull();
  });

  it('the identification normaliser and identifier: never throw on any text', () => {
    const words = fc.constantFrom('constructor', 'toString', 'hasOwnProperty', '__proto__', 'licence', 'license', 'copyright', 'the', 'software', '(c)', '[name]', '{year}', '$x', '\u0000', '\r\n', '\uFEFF', 'é', '\ud800');
    const text = fc.oneof(fc.string({ maxLength: 200 }), fc.array(words, { maxLength: 60 }).map((parts) => parts.join(' ')));
    fc.assert(
      fc.property(text, (input) => {
        const { words: out } = normalise(input);
        for (const word of out) expect(typeof word).toBe('string');
        normalise(input, { template: true });
      }),
      settings(),
    );
    fc.assert(fc.property(text, (input) => void identifyText(input)), settings(0.2));
  });

  it('the licence-file readers (bundles, lists, open-core, notices preambles, HTML, README links): never throw, and any expression they give is valid SPDX', () => {
    const pieces = fc.constantFrom(
      '## License', 'MIT', '- MIT license.', '- Apache License version 2.0.', 'X is distributed under the following three licenses:', 'at your option.', 'You may use this software under the terms of any of these licenses, at your option.',
      '<style>', '</style>', '<script>', '<p>', '&#x22;', '&#99999999;', '<!--', '-->', '[MIT](https://x)', '![', '](', '[![a](b)](c)',
      '"""', 'is licensed as follows:', 'The externally maintained libraries used by X are:', 'located at deps/x, is licensed as follows:',
      'Source code files that contain ".ee." in their filename or ".ee" in their dirname are NOT licensed under the Sustainable Use License.',
      'Content outside of the above mentioned files or restrictions is available under the "Sustainable Use License" as defined below.',
      'All software that resides under an "ee/" directory, if that directory exists, is licensed under the license defined below.',
      'NOTICES AND INFORMATION', 'Do Not Translate or Localize', 'This software incorporates material from third parties.', 'For Microsoft x', '1. x version 1 (https://x)',
      '**********', 'aho-corasick', '1.1.4 <https://github.com/x/y>', '%% x NOTICES AND INFORMATION BEGIN HERE', 'END OF x NOTICES AND INFORMATION', '=====', '-----',
      'reasonable payment is not required but is expected', 'Use governed by terms published on https://x',
      'This repository contains software under two licenses:', 'Most of the code in this repository is licensed under the MIT — see LICENSE for the full license text.',
      'The following components are licensed under the GPL-3.0 — see GPL for the full license text:', '- packages/x (published as x)', '- packages/y', '\n', '\n\n', ' ', 'constructor', '__proto__',
    );
    const text = fc.oneof(fc.array(pieces, { maxLength: 40 }).map((parts) => parts.join(' ')), fc.array(pieces, { maxLength: 40 }).map((parts) => parts.join('\n')));
    const name = fc.constantFrom('LICENSE', 'LICENSE.html', 'README.md', 'ThirdPartyNotices.txt', 'thirdpartynotices.txt', 'LICENSE.md');
    fc.assert(
      fc.property(name, text, (file, input) => {
        const found = identifyLicenceText(file, input);
        if (found.expression !== null) expect(parseExpression(found.expression, kb).ok).toBe(true);
      }),
      settings(0.2),
    );
  });

  it('workspace patterns: a verdict for any pattern, and brace counting in linear time', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60, unit: fc.constantFrom('{', '}', ',', '.', '/', '*', 'a', '1', '\\', '!') }), (pattern) => {
        workspacePatternProblem(pattern);
        expect(braceExpansions(pattern)).toBeGreaterThanOrEqual(1);
      }),
      settings(),
    );
  });
});

type Raw = { license: string; plus?: boolean; exception?: string } | { left: Raw; conjunction: 'and' | 'or'; right: Raw };

/** spdx-expression-parse's tree in copyfair's shape (nested ANDs and ORs flattened). */
function flatten(raw: Raw): ExpressionNode {
  if ('license' in raw) {
    const node: ExpressionNode = { kind: 'licence', id: raw.license, orLater: raw.plus === true };
    if (raw.exception) node.exception = raw.exception;
    return node;
  }
  const children: ExpressionNode[] = [];
  for (const side of [raw.left, raw.right]) {
    const child = flatten(side);
    if (child.kind === raw.conjunction) children.push(...child.children);
    else children.push(child);
  }
  return { kind: raw.conjunction, children };
}
