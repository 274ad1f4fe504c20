// Invalid and wrongly shaped input at every level: each is one diagnostic naming the file (and
// position where there is one), never a silent "Yes", and never the loss of other packages.
import { describe, expect, it } from 'vitest';
import { run } from '../cli/run.js';
import { diagnosticsFor, outcomeOf, scanJson, survived } from './harness.js';
import { installed, temporaryFolder, writeTree } from './generate.js';

const PPL = 'LicenseRef-PPL';
/** A project whose node_modules holds a payback package and a free one. */
const withPpl = (files: Record<string, string> = {}) =>
  writeTree(temporaryFolder(), {
    ...installed('coop', '1.0.0', 'Peer Production License'),
    ...installed('plain', '2.0.0', 'MIT'),
    ...files,
  });
const lockV3 = JSON.stringify({
  name: 'app',
  lockfileVersion: 3,
  packages: {
    '': { name: 'app', dependencies: { coop: '1.0.0', plain: '2.0.0' } },
    'node_modules/coop': { version: '1.0.0', license: 'Peer Production License' },
    'node_modules/plain': { version: '2.0.0', license: 'MIT' },
  },
});
const manifest = JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { coop: '1.0.0', plain: '2.0.0' } });

describe('a broken root package.json', () => {
  const broken: [string, string][] = [
    ['truncated', '{"name": "app", "dependencies": {'],
    ['a list', '[]'],
    ['a number', '42'],
    ['null', 'null'],
    ['NUL bytes', '{"name": "a\u0000pp"\u0000}'],
  ];
  for (const [what, text] of broken) {
    it(`${what}: one located diagnostic, and node_modules still counted`, async () => {
      const { report } = await scanJson(withPpl({ 'package.json': text }));
      const found = report.diagnostics.filter((d) => d.code === 'npm-root-manifest-invalid');
      expect(found).toHaveLength(1);
      expect(found[0]!.severity).toBe('error');
      expect(found[0]!.location?.file).toBe('package.json');
      expect(outcomeOf(report, 'coop')).toBeDefined();
      expect(outcomeOf(report, 'coop')).not.toBe('free');
      expect(outcomeOf(report, 'plain')).toBe('free');
    });
  }

  it('truncated JSON is located at its line and column', async () => {
    const { report } = await scanJson(withPpl({ 'package.json': '{\n  "name": "app",\n  "dependencies": {\n' }));
    expect(report.diagnostics.find((d) => d.code === 'npm-root-manifest-invalid')?.location?.line).toBeGreaterThanOrEqual(3);
  });

  it('a folder named package.json, and one over 5 MiB, the same', async () => {
    const folder = withPpl({ 'package.json/x': '' });
    expect((await scanJson(folder)).report.diagnostics.map((d) => d.code)).toContain('npm-root-manifest-invalid');
    const huge = withPpl({ 'package.json': `{"name": "app", "description": "${'x'.repeat(5 * 1024 * 1024 + 1)}"}` });
    const { report } = await scanJson(huge);
    expect(report.diagnostics.find((d) => d.code === 'npm-root-manifest-invalid')?.message).toMatch(/over the \d+-byte limit/);
    expect(outcomeOf(report, 'coop')).toBeDefined();
  });

  it('with only a lockfile, the lockfile says what the project depends on', async () => {
    const dir = writeTree(temporaryFolder(), { 'package.json': '[', 'package-lock.json': lockV3 });
    const { report } = await scanJson(dir);
    expect(report.diagnostics.map((d) => d.code)).toContain('npm-root-manifest-invalid');
    expect(outcomeOf(report, 'coop')).toBeDefined();
    expect(outcomeOf(report, 'plain')).toBe('free');
  });

  it('with a yarn.lock or pnpm-lock.yaml only, every locked package is counted', async () => {
    const yarn = '# yarn lockfile v1\n\ncoop@1.0.0:\n  version "1.0.0"\n\nplain@2.0.0:\n  version "2.0.0"\n';
    const pnpm = "lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      coop:\n        specifier: 1.0.0\n        version: 1.0.0\npackages:\n  coop@1.0.0: {}\n  plain@2.0.0: {}\nsnapshots:\n  coop@1.0.0: {}\n  plain@2.0.0: {}\n";
    for (const [file, text] of [['yarn.lock', yarn], ['pnpm-lock.yaml', pnpm]]) {
      const { report } = await scanJson(writeTree(temporaryFolder(), { 'package.json': '{', [file!]: text! }));
      expect(report.components.map((c) => c.name).sort(), file).toEqual(['coop', 'plain']);
    }
  });
});

describe('a broken dependency manifest', () => {
  const express = (lock: boolean) =>
    withPpl({
      'package.json': JSON.stringify({ name: 'app', dependencies: { express: '4.0.0', plain: '2.0.0' } }),
      'node_modules/express/package.json': '{"name": "express", "version": "4.0.0", "dependencies": {"coop": "1.0.0"',
      'node_modules/express/LICENSE': 'Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the "Software"), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the following conditions:\n\nThe above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.\n\nTHE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND.\n',
      ...(lock
        ? {
            'package-lock.json': JSON.stringify({
              name: 'app',
              lockfileVersion: 3,
              packages: {
                '': { name: 'app', dependencies: { express: '4.0.0', plain: '2.0.0' } },
                'node_modules/express': { version: '4.0.0', license: 'MIT', dependencies: { coop: '1.0.0' } },
                'node_modules/coop': { version: '1.0.0', license: 'Peer Production License' },
                'node_modules/plain': { version: '2.0.0', license: 'MIT' },
              },
            }),
          }
        : {}),
    });

  for (const lock of [false, true]) {
    it(`keeps its licence file read and its dependencies scanned (${lock ? 'with' : 'without'} a lockfile)`, async () => {
      const { report } = await scanJson(express(lock));
      expect(diagnosticsFor(report, 'node_modules/express/package.json').map((d) => d.code)).toEqual(['npm-manifest-invalid']);
      expect(report.diagnostics.map((d) => d.code)).not.toContain('licence-missing');
      expect(report.diagnostics.map((d) => d.code)).not.toContain('npm-extraneous');
      const component = report.components.find((c) => c.name === 'express')!;
      expect(component.evidence.some((e) => e.kind === 'licence-file')).toBe(true);
      // The PPL package it brings in is counted, through express.
      const coop = report.components.find((c) => c.name === 'coop')!;
      expect(coop.paths[0]).toEqual(['app', 'express', 'coop']);
      expect(coop.verdict.outcome).not.toBe('free');
      if (lock) expect(component.version).toBe('4.0.0');
    });
  }
});

describe('lockfiles of the wrong shape', () => {
  const cases: [string, string][] = [
    ['package-lock.json', '42'],
    ['package-lock.json', '[]'],
    ['package-lock.json', 'null'],
    ['package-lock.json', '{"lockfileVersion": 99, "packages": {}}'],
    ['package-lock.json', '{"lockfileVersion": 3, "packages": {"node_modules/x": null}}'],
    ['package-lock.json', '{"lockfileVersion": 3, "packages": ['],
    ['pnpm-lock.yaml', '42\n'],
    ['pnpm-lock.yaml', '- a\n- b\n'],
    ['pnpm-lock.yaml', 'lockfileVersion: 99\n'],
    ['pnpm-lock.yaml', "lockfileVersion: '9.0'\nimporters: [\n"],
    ['pnpm-lock.yaml', "lockfileVersion: '9.0'\nimporters: 42\n"],
    ['yarn.lock', 'this is not a lockfile\n'],
    ['yarn.lock', '__metadata:\n  version: 6\n"a@npm:1": [\n'],
  ];
  for (const [file, text] of cases) {
    it(`${file} holding ${JSON.stringify(text.slice(0, 40))}: an error naming the file, never silence`, async () => {
      const { report } = await scanJson(writeTree(temporaryFolder(), { 'package.json': manifest, [file]: text }));
      const found = report.diagnostics.filter((d) => d.code === 'npm-lockfile-invalid');
      expect(found, JSON.stringify(report.diagnostics)).toHaveLength(1);
      expect(found[0]!.location?.file).toBe(file);
      expect(found[0]!.severity).toBe('error');
      expect(found[0]!.message).not.toMatch(/Cannot read properties|TypeError|undefined/);
      // Nothing says there is no lockfile, or that it was read.
      expect(report.diagnostics.map((d) => d.code)).not.toContain('npm-not-installed');
      const unread = report.diagnostics.find((d) => d.code === 'no-sources');
      if (unread) expect(unread.message).toContain(`no node_modules and ${file} could not be read`);
    });
  }
});

describe('declared but not locked', () => {
  const yarn = '# yarn lockfile v1\n\nplain@2.0.0:\n  version "2.0.0"\n';
  const pnpm = "lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      plain:\n        specifier: 2.0.0\n        version: 2.0.0\npackages:\n  plain@2.0.0: {}\nsnapshots:\n  plain@2.0.0: {}\n";
  const berry = '__metadata:\n  version: 6\n\n"plain@npm:2.0.0":\n  version: 2.0.0\n';
  const npmLock = JSON.stringify({ lockfileVersion: 3, packages: { '': { dependencies: { coop: '1.0.0', plain: '2.0.0' } }, 'node_modules/plain': { version: '2.0.0', license: 'MIT' } } });
  for (const [file, text] of [['yarn.lock', yarn], ['yarn.lock', berry], ['pnpm-lock.yaml', pnpm], ['package-lock.json', npmLock]] as const) {
    it(`${file}${text === berry ? ' (berry)' : ''}: a warning for each declared dependency the lockfile lacks`, async () => {
      const { report } = await scanJson(writeTree(temporaryFolder(), { 'package.json': manifest, [file]: text }));
      const missing = report.diagnostics.filter((d) => d.code === 'npm-dependency-missing');
      expect(missing.map((d) => d.component)).toEqual(['coop']);
      expect(missing[0]!.location?.file).toBe('package.json');
      expect(outcomeOf(report, 'plain')).toBeDefined();
    });
  }
});

describe('CRLF line ends and a byte-order mark are accepted in every format', () => {
  const crlf = (text: string) => `\uFEFF${text.replace(/\n/g, '\r\n')}`;
  const yarn = '# yarn lockfile v1\n\ncoop@1.0.0:\n  version "1.0.0"\n\nplain@2.0.0:\n  version "2.0.0"\n';
  const berry = '__metadata:\n  version: 6\n\n"coop@npm:1.0.0":\n  version: 1.0.0\n\n"plain@npm:2.0.0":\n  version: 2.0.0\n';
  const pnpm = "lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      coop:\n        specifier: 1.0.0\n        version: 1.0.0\n      plain:\n        specifier: 2.0.0\n        version: 2.0.0\npackages:\n  coop@1.0.0: {}\n  plain@2.0.0: {}\nsnapshots:\n  coop@1.0.0: {}\n  plain@2.0.0: {}\n";
  for (const [file, text] of [['package-lock.json', lockV3], ['yarn.lock', yarn], ['yarn.lock', berry], ['pnpm-lock.yaml', pnpm]] as const) {
    it(`${file}${text === berry ? ' (berry)' : ''}`, async () => {
      const { report } = await scanJson(writeTree(temporaryFolder(), { 'package.json': crlf(manifest), [file]: crlf(text) }));
      expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(report.components.map((c) => c.name).sort()).toEqual(['coop', 'plain']);
    });
  }

  it('package.json, LICENSE, copyfair.yaml and copyfair-terms.yaml', async () => {
    const dir = withPpl({
      'package.json': crlf(manifest),
      'copyfair.yaml': crlf('profile:\n  entity: worker-cooperative\nfail-on: [forbidden]\n'),
      'node_modules/plain/LICENSE': crlf('MIT License\n\nCopyright (c) 2020 Plain\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\nof this software and associated documentation files (the "Software"), to deal\nin the Software without restriction, including without limitation the rights\nto use, copy, modify, merge, publish, distribute, sublicense, and/or sell\ncopies of the Software, and to permit persons to whom the Software is\nfurnished to do so, subject to the following conditions:\n\nThe above copyright notice and this permission notice shall be included in all\ncopies or substantial portions of the Software.\n\nTHE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR\nIMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,\nFITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE\nAUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER\nLIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,\nOUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE\nSOFTWARE.\n'),
      'node_modules/coop/copyfair-terms.yaml': crlf(`licences:\n  - id: LicenseRef-crlf-terms\n    name: CRLF terms\n`),
    });
    const { report } = await scanJson(dir);
    expect(report.profile.entity).toBe('worker-cooperative');
    expect(report.components.find((c) => c.name === 'plain')?.evidence.find((e) => e.kind === 'licence-file')?.expression).toBe('MIT');
    expect(report.diagnostics.filter((d) => d.code === 'terms-file-invalid').every((d) => !/BOM|\\r|byte-order/.test(d.message))).toBe(true);
  });
});

describe('configuration and terms files', () => {
  it('an invalid copyfair.yaml is exit 2 with file:line:col', async () => {
    const dir = withPpl({ 'package.json': manifest, 'copyfair.yaml': 'profile:\n  entity: [\n' });
    const result = await run(['scan', dir]);
    survived(result, 0);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/copyfair\.yaml:\d+:\d+/);
  });

  it('a duplicate key in copyfair.yaml is found (in one linear pass) and located', async () => {
    const dir = withPpl({ 'package.json': manifest, 'copyfair.yaml': 'fail-on: [forbidden]\nfail-on: []\n' });
    const result = await run(['scan', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/copyfair\.yaml:2:1: .*given twice/);
  });

  it('a "billion laughs" alias bomb in copyfair.yaml, a terms file and a pnpm lockfile is refused quickly', async () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefghi'.split('').map((name, index) => `${name}: &${name} [*${'abcdefghi'[index]},*${'abcdefghi'[index]},*${'abcdefghi'[index]},*${'abcdefghi'[index]},*${'abcdefghi'[index]},*${'abcdefghi'[index]},*${'abcdefghi'[index]},*${'abcdefghi'[index]},*${'abcdefghi'[index]}]`)].join('\n');
    const config = await run(['scan', withPpl({ 'package.json': manifest, 'copyfair.yaml': `${bomb}\n` })]);
    survived(config, 0);
    expect(config.code).toBe(2);
    const terms = await scanJson(withPpl({ 'package.json': manifest, 'node_modules/coop/copyfair-terms.yaml': `${bomb}\nlicences: *i\n` }));
    expect(diagnosticsFor(terms.report, 'node_modules/coop/copyfair-terms.yaml').map((d) => d.code)).toEqual(['terms-file-invalid']);
    const pnpm = await scanJson(writeTree(temporaryFolder(), { 'package.json': manifest, 'pnpm-lock.yaml': `lockfileVersion: '9.0'\n${bomb}\nimporters: *i\n` }));
    expect(pnpm.report.diagnostics.map((d) => d.code)).toContain('npm-lockfile-invalid');
  });

  it('an invalid copyfair-terms.yaml is one located diagnostic, and its package is still scanned', async () => {
    const { report } = await scanJson(withPpl({ 'package.json': manifest, 'node_modules/coop/copyfair-terms.yaml': 'licences:\n  - id: [\n' }));
    const found = diagnosticsFor(report, 'node_modules/coop/copyfair-terms.yaml');
    expect(found.map((d) => d.code)).toEqual(['terms-file-invalid']);
    expect(found[0]!.location?.line).toBeGreaterThan(0);
    expect(outcomeOf(report, 'coop')).toBeDefined();
  });

  it('a terms file with a javascript: address is refused, and the address never shown', async () => {
    const terms = 'licences:\n  - id: LicenseRef-evil\n    name: Evil\n    payback:\n      url: "javascript:alert(1)"\n      contact: "data:text/html,<script>alert(1)</script>"\n';
    const dir = withPpl({ 'package.json': manifest, 'node_modules/coop/copyfair-terms.yaml': terms });
    const { report } = await scanJson(dir);
    expect(diagnosticsFor(report, 'node_modules/coop/copyfair-terms.yaml')[0]?.message).toMatch(/must be an http:\/\/ or https:\/\/ address/);
    // Quoted in the diagnostic as the offending line, never offered as where to pay.
    const offered = JSON.stringify([report.answer, report.components.map((c) => [c.funding, c.verdict.obligations])]);
    expect(offered).not.toMatch(/javascript:|data:text/);
  });
});

describe('keys and words that are Object.prototype properties', () => {
  const names = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
  it('as package names, licence ids and words in licence texts', async () => {
    const files: Record<string, string> = { 'package.json': JSON.stringify({ name: 'app', dependencies: Object.fromEntries(names.map((n) => [n, '1.0.0'])) }) };
    for (const name of names) {
      Object.assign(files, installed(name, '1.0.0', name, {}, `${name} constructor toString hasOwnProperty __proto__ valueOf\nPermission is hereby granted, free of charge, to any person obtaining a copy of this software, to deal in the Software without restriction. constructor`));
    }
    const { report } = await scanJson(writeTree(temporaryFolder(), files));
    expect(report.components.map((c) => c.name).sort()).toEqual([...names].sort());
    for (const component of report.components) expect(component.verdict.outcome).toBe('unknown');
  });

  it('as copyfair.yaml keys: named as unknown keys, exit 2', async () => {
    const result = await run(['scan', withPpl({ 'package.json': manifest, 'copyfair.yaml': 'constructor: 1\n__proto__: {fail-on: []}\nprofile:\n  toString: x\n' })]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/constructor/);
  });

  it('as lockfile keys', async () => {
    const lock = JSON.stringify({ lockfileVersion: 3, packages: { '': { dependencies: { constructor: '1', __proto__: '1' } }, 'node_modules/constructor': { version: '1.0.0', license: 'MIT' }, 'node_modules/__proto__': { version: '1.0.0', license: 'toString' } } });
    const { report } = await scanJson(writeTree(temporaryFolder(), { 'package.json': JSON.stringify({ name: 'app', dependencies: { constructor: '1', ['__proto__']: '1' } }), 'package-lock.json': lock }));
    expect(outcomeOf(report, 'constructor')).toBe('free');
  });
});

it('a lockfile-only scan counts a `file:` dependency whose lock entry is a link', async () => {
  const lock = JSON.stringify({
    name: 'app',
    lockfileVersion: 3,
    packages: {
      '': { name: 'app', dependencies: { local: 'file:../local', plain: '1' } },
      '../local': { name: 'local', version: '0.1.0', license: 'Peer Production License' },
      'node_modules/local': { resolved: '../local', link: true },
      'node_modules/plain': { version: '1.0.0', license: 'MIT' },
    },
  });
  const dir = writeTree(temporaryFolder(), { 'package.json': JSON.stringify({ name: 'app', dependencies: { local: 'file:../local', plain: '1' } }), 'package-lock.json': lock });
  const { report } = await scanJson(dir);
  expect(report.components.map((c) => c.name)).toEqual(['local', 'plain']);
  expect(outcomeOf(report, 'local')).not.toBe('free');
});

it('an author string built to make a regular expression backtrack is read in linear time', async () => {
  const author = `a${' '.repeat(100_000)}<`;
  const dir = writeTree(temporaryFolder(), { 'package.json': JSON.stringify({ name: 'app', dependencies: { slow: '1' } }), ...installed('slow', '1.0.0', 'MIT', { author, maintainers: [author, { name: author }], homepage: `http://${' '.repeat(100_000)}` }) });
  const { report } = await scanJson(dir);
  expect(outcomeOf(report, 'slow')).toBe('free');
});

it('a licence field built to make a name reader take quadratic time is read in linear time', async () => {
  // spdx-correct took 18 s on "MIT" + 50,000 spaces + ";"; 100,000 took minutes.
  const license = `MIT${' '.repeat(100_000)};`;
  const dir = writeTree(temporaryFolder(), { 'package.json': JSON.stringify({ name: 'app', dependencies: { slow: '1', slower: '1' } }), ...installed('slow', '1.0.0', license), ...installed('slower', '1.0.0', `MIT (${' '.repeat(100_000)}see LICENSE)`) });
  const started = performance.now();
  const { report } = await scanJson(dir);
  expect(performance.now() - started).toBeLessThan(4000);
  expect(outcomeOf(report, 'slow')).toBe('unknown');
  expect(outcomeOf(report, 'slower')).toBe('unknown');
});

it('licence files of blank lines, built to make a line-anchored pattern backtrack, are read in linear time', async () => {
  // A pattern anchored at each line start with \s* ran across every following blank line: a
  // LICENSE of 100,000 newlines took 24 s to identify, a third-party notices file as long longer.
  const blank = '\n'.repeat(200_000);
  const files = { [`node_modules/blank/LICENSE`]: `MIT License\n${blank}Copyright (c) 2020 A`, [`node_modules/blank/ThirdPartyNotices.txt`]: `Notices\n${' \n'.repeat(100_000)}end` };
  const dir = writeTree(temporaryFolder(), { 'package.json': JSON.stringify({ name: 'app', dependencies: { blank: '1' } }), ...installed('blank', '1.0.0', 'MIT'), ...files });
  const started = performance.now();
  const { report } = await scanJson(dir);
  expect(performance.now() - started).toBeLessThan(15000);
  expect(report.components.map((c) => c.name)).toEqual(['blank']);
});

it('a licence file of tens of thousands of notices is read, not a crash', async () => {
  // Each notice is a match; their list was passed as arguments (push(...all)), and past ~100,000
  // arguments V8 throws: 21,000 lines (987 KB, under the 1 MiB limit) stopped the whole scan with
  // "internal error: Maximum call stack size exceeded".
  const notices = `MIT License\n${'Licensed under the Apache License, Version 2.0\n'.repeat(21_000)}end`;
  const identifiers = 'SPDX-License-Identifier: MIT\n'.repeat(10_000);
  const dir = writeTree(temporaryFolder(), {
    'package.json': JSON.stringify({ name: 'app', dependencies: { many: '1', tags: '1' } }),
    ...installed('many', '1.0.0', 'MIT'),
    'node_modules/many/LICENSE': notices,
    ...installed('tags', '1.0.0', 'MIT'),
    'node_modules/tags/LICENSE': identifiers,
  });
  const { report } = await scanJson(dir);
  expect(report.components.map((c) => c.name)).toEqual(['many', 'tags']);
  expect(outcomeOf(report, 'many')).toBe('unknown');
  expect(outcomeOf(report, 'tags')).toBe('free');
}, 60_000);

it('a licence file of fifty thousand pointers to licence files is read in linear time, and at most MAX_POINTERS are looked up', async () => {
  // Each distinct "[licence](aN/LICENSE)" is a path the scan looks up (pointers.ts): deduplicated
  // with a list, 50,000 of them took quadratic time; all looked up, 50,000 file-system calls (the file stays under the 1 MiB limit).
  const links = Array.from({ length: 50_000 }, (_, index) => `[l](a${index}/LICENSE)`).join(' ');
  const dir = writeTree(temporaryFolder(), {
    'package.json': JSON.stringify({ name: 'app', dependencies: { links: '1' } }),
    ...installed('links', '1.0.0', 'MIT'),
    'node_modules/links/LICENSE': `${links}\n`,
    'node_modules/links/a0/code.js': '// the code a pointer names, without its licence file\n',
  });
  const started = performance.now();
  const { report } = await scanJson(dir);
  expect(performance.now() - started).toBeLessThan(15000);
  expect(report.components.map((c) => c.name)).toEqual(['links']);
  // a0/ is in the package and its LICENSE is not: unknown, said once.
  expect(outcomeOf(report, 'links')).toBe('unknown');
  expect(report.diagnostics.filter((d) => d.message.includes('does not hold that file'))).toHaveLength(1);
}, 60_000);

describe('two broken dependency manifests beside a lockfile', () => {
  it('each brings in what the lockfile records for it, not what nothing else reaches', async () => {
    const broken = (name: string) => ({ [`node_modules/${name}/package.json`]: `{"name": "${name}", "version": "1.0.0"` });
    const tree = withPpl({
      'package.json': JSON.stringify({ name: 'app', dependencies: { x: '1.0.0', y: '1.0.0' } }),
      ...broken('x'),
      ...broken('y'),
      'package-lock.json': JSON.stringify({
        name: 'app',
        lockfileVersion: 3,
        packages: {
          '': { name: 'app', dependencies: { x: '1.0.0', y: '1.0.0' } },
          'node_modules/x': { version: '1.0.0', license: 'MIT', dependencies: { plain: '2.0.0' } },
          'node_modules/y': { version: '1.0.0', license: 'MIT', dependencies: { coop: '1.0.0' } },
          'node_modules/coop': { version: '1.0.0', license: 'Peer Production License' },
          'node_modules/plain': { version: '2.0.0', license: 'MIT' },
        },
      }),
    });
    const { report } = await scanJson(tree);
    const paths = (name: string) => report.components.find((c) => c.name === name)!.paths;
    expect(paths('plain')).toEqual([['app', 'x', 'plain']]);
    expect(paths('coop')).toEqual([['app', 'y', 'coop']]);
  });
});
