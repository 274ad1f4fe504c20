// Licence texts that are not named LICENSE: REUSE's LICENSES/ folder (one text per licence, named
// by its SPDX id, often with no LICENSE at the root), and an exception's text in a file of its
// own. Both were read as nothing (LICENSES/ never listed: the package read as its declaration,
// free where a text in it was not) or as unknown (an exception text alone never identified).
import { mkdirSync, mkdtempSync as makeTemporary, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { folderLicenceFiles } from '../../src/ecosystems/folder.js';
import { diskFs } from '../../src/ecosystems/fs.js';
import { isLicencePath, isThirdPartyText, isVendoredPath } from '../../src/ecosystems/npm/licence-files.js';
import { informationalStatement } from '../../src/identify/third-party.js';
import { scan } from '../../src/scan/index.js';
import type { Profile } from '../../src/types.js';

const profile: Profile = { entity: 'for-profit', date: '2026-01-01' };
const temporary: string[] = [];
const mkdtempSync = (prefix: string) => {
  const dir = makeTemporary(prefix);
  temporary.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

describe('fixtures/npm/reuse', async () => {
  const report = await scan('fixtures/npm/reuse', { profile, toolVersion: 'test' });
  const byName = Object.fromEntries(report.components.map((c) => [c.name, c]));
  const unidentified = (name: string) => report.diagnostics.filter((d) => d.code === 'licence-file-unidentified' && d.component === `${name}@1.0.0`);
  /** A package's licence-file evidence: each file, what it reads as, and whether it is a part. */
  const licenceFileEvidence = (name: string) => byName[name]!.evidence.filter((e) => e.kind === 'licence-file').map((e) => [e.location.file, e.expression, e.part ?? false]);

  it('reads every text in LICENSES/: a licence the declaration leaves out is added (it was free)', () => {
    expect(byName['reuse-lib']!.licenceFiles).toEqual(['node_modules/reuse-lib/LICENSES/MIT.txt', 'node_modules/reuse-lib/LICENSES/MS-RL.txt']);
    expect(byName['reuse-lib']).toMatchObject({ expression: 'MIT AND MS-RL', verdict: { outcome: 'share-alike' } });
    expect(report.diagnostics.find((d) => d.code === 'licence-mismatch' && d.component === 'reuse-lib@2.0.0')?.message).toContain('LICENSES/MS-RL.txt reads as MS-RL');
  });

  it('reads an exception’s own text as the declared clause it belongs to (it was unknown)', () => {
    expect(byName['llvm-lib']).toMatchObject({ expression: 'Apache-2.0 WITH LLVM-exception', verdict: { outcome: 'free' } });
    expect(byName['exception-beside']).toMatchObject({ expression: 'Apache-2.0 WITH LLVM-exception', verdict: { outcome: 'free' } });
    expect(byName['exception-beside']!.evidence.map((e) => e.expression)).toEqual(['Apache-2.0 WITH LLVM-exception', 'Apache-2.0', 'Apache-2.0 WITH LLVM-exception']);
    expect(unidentified('llvm-lib')).toEqual([]);
    expect(unidentified('exception-beside')).toEqual([]);
  });

  it('reads the licences of code kept in vendor/ and third_party/ as parts: besides the package’s own, never instead of it (it was free)', () => {
    const lib = byName['vendoring-lib']!;
    expect(lib.licenceFiles).toEqual([
      'node_modules/vendoring-lib/LICENSE',
      'node_modules/vendoring-lib/third_party/LICENSE.zlib',
      'node_modules/vendoring-lib/vendor/fastgrid/LICENSE',
      'node_modules/vendoring-lib/vendor/text-encoding/LICENSE.md',
    ]);
    // text-encoding's "Unlicense OR Apache-2.0" (bson's vendored copy) does not make the package's own
    // Apache-2.0 a choice: it is kept, and the parts are added.
    expect(lib).toMatchObject({ expression: 'Apache-2.0 AND Zlib AND MS-RL AND (Unlicense OR Apache-2.0)', verdict: { outcome: 'share-alike' } });
    expect(lib.evidence.filter((e) => e.kind === 'licence-file' && e.part).map((e) => e.expression)).toEqual(['Zlib', 'MS-RL', 'Unlicense OR Apache-2.0']);
    // A part under another licence is no disagreement with the declaration.
    expect(report.diagnostics.filter((d) => d.component === 'vendoring-lib@3.1.0').map((d) => d.code)).toEqual([]);
  });

  it('never takes a part’s licence for the package’s own: without one of its own, it is unknown', () => {
    // No licence field and no licence file of its own, only vendor/base64/LICENSE-MIT.txt.
    expect(byName['vendor-only-lib']!.verdict.outcome).toBe('unknown');
    expect(byName['vendor-only-lib']!.verdict.because.map((b) => b.because)).toContain("no licence is declared and no licence file was found for the package's own code (only for code it keeps from other projects)");
    // "SEE LICENSE IN TERMS.txt", no TERMS.txt: the vendored MIT file is not it.
    expect(byName['vendor-pointer-lib']!.verdict.outcome).toBe('unknown');
  });

  it('reads a third-party notices file as the licences of bundled code, parts beside the package’s own (it was not read: free)', () => {
    // Sections as prettier's THIRD-PARTY-NOTICES.md has them: a description with "excluding" in
    // it, a package named "…-without-wasm", Contributors lists, and wcwidth.js's MIT with the BSD
    // disclaimer (each of which left the file unknown before).
    const lib = byName['notices-lib']!;
    expect(lib.licenceFiles).toEqual(['node_modules/notices-lib/LICENSE', 'node_modules/notices-lib/THIRD-PARTY-NOTICES.md']);
    expect(lib).toMatchObject({ expression: 'MIT AND ISC AND BSD-3-Clause', verdict: { outcome: 'free' } });
    expect(lib.evidence.filter((e) => e.kind === 'licence-file' && e.part).map((e) => e.expression)).toEqual(['ISC AND MIT AND BSD-3-Clause']);
    expect(report.diagnostics.filter((d) => d.component === 'notices-lib@1.0.0')).toEqual([]);
    // A GPL part bundled into an MIT package: share-alike, never free.
    expect(byName['notices-gpl-lib']).toMatchObject({ expression: 'MIT AND ISC AND GPL-3.0-or-later', verdict: { outcome: 'share-alike' } });
  });

  it('reads the licences of packages compiled into dist/compiled (Next.js’s) as parts: an MPL-2.0 one makes an MIT package share-alike (it was free)', () => {
    const lib = byName['compiling-lib']!;
    expect(lib.licenceFiles).toEqual([
      'node_modules/compiling-lib/LICENSE',
      'node_modules/compiling-lib/dist/compiled/@vercel/og/LICENSE',
      'node_modules/compiling-lib/dist/compiled/glob/LICENSE',
    ]);
    expect(lib).toMatchObject({ expression: 'MIT AND MPL-2.0 AND ISC', verdict: { outcome: 'share-alike' } });
    expect(lib.evidence.filter((e) => e.kind === 'licence-file' && e.part).map((e) => e.expression)).toEqual(['MPL-2.0', 'ISC']);
    // Who to go to: the package's own holders, and a part's only when its licence is what is owed
    // (glob's ISC holder is not; the MPL text names none).
    expect(lib.owedTo?.filter((c) => c.source === 'copyright-holder').map((c) => c.name)).toEqual(['The compiling-lib authors']);
    expect(isVendoredPath('node_modules/compiling-lib/dist/compiled/glob/LICENSE', 'node_modules/compiling-lib')).toBe(true);
    expect(isVendoredPath('node_modules/compiling-lib/dist/LICENSE', 'node_modules/compiling-lib')).toBe(false);
  });

  it('reads a bundler’s LICENSE.md as the package’s own licence and its bundled code’s, so nothing disagrees with the declaration', () => {
    const lib = byName['bundling-lib']!;
    expect(lib).toMatchObject({ expression: 'MIT AND ISC AND BSD-3-Clause', verdict: { outcome: 'free' } });
    expect(licenceFileEvidence('bundling-lib')).toEqual([
      ['node_modules/bundling-lib/LICENSE.md', 'MIT', false],
      ['node_modules/bundling-lib/LICENSE.md', 'ISC AND BSD-3-Clause', true],
    ]);
    // rollup's and vite's LICENSE.md each gave a licence-mismatch warning ("declares MIT, but LICENSE.md reads as MIT AND ISC AND …").
    expect(report.diagnostics.filter((d) => d.component === 'bundling-lib@1.0.0')).toEqual([]);
  });

  it('reads a notices file that says it is for information only (the licensor grants the bundled code under its own licence) as adding nothing, and says so', () => {
    expect(byName['informational-lib']).toMatchObject({ expression: 'Apache-2.0', verdict: { outcome: 'free' } });
    const said = report.diagnostics.filter((d) => d.component === 'informational-lib@1.0.0');
    expect(said.map((d) => d.code)).toEqual(['licence-notices-informational']);
    expect(said[0]!.message).toContain('ThirdPartyNoticeText.txt lists the licences of code informational-lib@1.0.0 bundles for information only');
  });

  it('reads a notice of a dependency that is not part of the package as that dependency’s, not the package’s, and says so (Sentry’s packages)', () => {
    expect(byName['dependency-notice-lib']).toMatchObject({ expression: 'MIT', verdict: { outcome: 'free' } });
    const said = report.diagnostics.filter((d) => d.component === 'dependency-notice-lib@1.0.0');
    expect(said.map((d) => d.code)).toEqual(['licence-dependency-notice']);
    expect(said[0]!.message).toContain(`node_modules/dependency-notice-lib/LICENSE tells of dependency-notice-lib@1.0.0's dependencies, under terms of their own ("third party dependency notice the mit license above applies to the code in this package`);
  });

  it('reads the sidecar licence files a notices file points at, as parts, and says which (playwright-core)', () => {
    const lib = byName['sidecar-lib']!;
    expect(lib).toMatchObject({ expression: 'MIT AND ISC AND BSD-3-Clause AND LicenseRef-scancode-google-patent-license-webm AND NCSA', verdict: { outcome: 'free' } });
    expect(licenceFileEvidence('sidecar-lib')).toEqual([
      ['node_modules/sidecar-lib/LICENSE', 'MIT', false],
      ['node_modules/sidecar-lib/lib/utilsBundle.js.LICENSE', 'MIT AND ISC AND BSD-3-Clause', true],
      ['node_modules/sidecar-lib/lib/vendor/webp_codec.LICENSE', 'BSD-3-Clause AND LicenseRef-scancode-google-patent-license-webm AND MIT AND NCSA', true],
    ]);
    const said = report.diagnostics.filter((d) => d.component === 'sidecar-lib@1.0.0');
    expect(said.map((d) => d.code)).toEqual(['licence-notices-sidecars']);
    expect(said[0]!.message).toBe('node_modules/sidecar-lib/ThirdPartyNotices.txt says the licences of the code sidecar-lib@1.0.0 bundles are in a sidecar file beside each bundle, under lib/: copyfair read node_modules/sidecar-lib/lib/utilsBundle.js.LICENSE, node_modules/sidecar-lib/lib/vendor/webp_codec.LICENSE');
  });

  it('reads an Apache project’s appendix of subcomponents as parts beside its own licence (echarts)', () => {
    const lib = byName['subcomponents-lib']!;
    expect(lib).toMatchObject({ expression: 'Apache-2.0 AND BSD-3-Clause', verdict: { outcome: 'free' } });
    // The appendix's licences/LICENSE-d3 is read too, as the part it is (no disagreement with the declaration).
    expect(licenceFileEvidence('subcomponents-lib')).toEqual([
      ['node_modules/subcomponents-lib/LICENSE', 'Apache-2.0', false],
      ['node_modules/subcomponents-lib/LICENSE', 'BSD-3-Clause', true],
      ['node_modules/subcomponents-lib/licenses/LICENSE-d3', 'BSD-3-Clause', true],
    ]);
    expect(report.diagnostics.filter((d) => d.component === 'subcomponents-lib@1.0.0')).toEqual([]);
  });

  it("reads a package's lowercase licenses/ folder as texts of code it keeps, parts beside its own licence (@uniswap/v4-core)", async () => {
    const root = mkdtempSync(join(tmpdir(), 'copyfair-licenses-'));
    const pkg = join(root, 'node_modules/core-lib');
    mkdirSync(join(pkg, 'licenses'), { recursive: true });
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { 'core-lib': '1.0.0' } }));
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'core-lib', version: '1.0.0', license: 'MIT' }));
    const mit = readFileSync('fixtures/npm/reuse/node_modules/reuse-lib/LICENSES/MIT.txt', 'utf8');
    const msrl = readFileSync('fixtures/npm/reuse/node_modules/reuse-lib/LICENSES/MS-RL.txt', 'utf8');
    writeFileSync(join(pkg, 'licenses/MIT_LICENSE'), mit);
    writeFileSync(join(pkg, 'licenses/MS-RL_LICENSE'), msrl);
    // Code files there are no licence texts.
    writeFileSync(join(pkg, 'licenses/index.js'), 'module.exports = {};\n');
    const scanned = await scan(root, { profile, toolVersion: 'test' });
    const lib = scanned.components.find((c) => c.name === 'core-lib')!;
    expect(lib.licenceFiles).toEqual(['node_modules/core-lib/licenses/MIT_LICENSE', 'node_modules/core-lib/licenses/MS-RL_LICENSE']);
    // A copyleft text there is never dropped: MIT declared, MS-RL kept beside it.
    expect(lib).toMatchObject({ expression: 'MIT AND MS-RL', verdict: { outcome: 'share-alike' } });
    expect(lib.evidence.filter((e) => e.kind === 'licence-file').every((e) => e.part)).toBe(true);
    expect(scanned.diagnostics.filter((d) => d.code === 'licence-mismatch' && d.component === 'core-lib@1.0.0')).toEqual([]);
  });

  it('reads the licence file a licence file points to for code in a folder of the package, as a part (onig_sys, lmdb)', () => {
    expect(byName['pointer-lib']).toMatchObject({ expression: 'MIT AND BSD-2-Clause', verdict: { outcome: 'free' } });
    expect(licenceFileEvidence('pointer-lib')).toEqual([
      ['node_modules/pointer-lib/LICENSE.md', 'MIT', false],
      ['node_modules/pointer-lib/oniguruma/COPYING', 'BSD-2-Clause', true],
    ]);
    expect(byName['pointer-lib']!.licenceFiles).toEqual(['node_modules/pointer-lib/LICENSE.md', 'node_modules/pointer-lib/oniguruma/COPYING']);
    const said = report.diagnostics.filter((d) => d.component === 'pointer-lib@1.0.0');
    expect(said.map((d) => [d.code, d.message])).toEqual([['licence-pointer', 'node_modules/pointer-lib/LICENSE.md points to oniguruma/COPYING for the licence of code pointer-lib@1.0.0 keeps in node_modules/pointer-lib/oniguruma: copyfair read it as a part of pointer-lib@1.0.0']]);
    // LMDB's OpenLDAP Public License 2.8, reviewed: a BSD-style licence, free with its notices.
    expect(byName['pointer-lmdb-lib']).toMatchObject({ expression: 'MIT AND OLDAP-2.8', verdict: { outcome: 'free' } });
    expect(licenceFileEvidence('pointer-lmdb-lib')[1]).toEqual(['node_modules/pointer-lmdb-lib/dependencies/lmdb/libraries/liblmdb/LICENSE', 'OLDAP-2.8', true]);
  });

  it('leaves unknown a package that holds the folder a pointer names but not its licence file; follows no pointer into a folder the package does not hold', () => {
    expect(byName['pointer-missing-lib']).toMatchObject({ expression: 'MIT', verdict: { outcome: 'unknown' } });
    expect(unidentified('pointer-missing-lib').map((d) => d.message)).toEqual(['node_modules/pointer-missing-lib/LICENSE.md could not be identified whole: node_modules/pointer-missing-lib/LICENSE.md says the licence of the code in node_modules/pointer-missing-lib/oniguruma is in oniguruma/COPYING, and the package does not hold that file']);
    expect(byName['pointer-absent-lib']).toMatchObject({ expression: 'MIT', verdict: { outcome: 'free' } });
    expect(report.diagnostics.filter((d) => d.component === 'pointer-absent-lib@1.0.0')).toEqual([]);
  });

  it('leaves unknown a package whose notices file points at sidecar licence files it does not hold', () => {
    expect(byName['sidecar-missing-lib']).toMatchObject({ expression: 'MIT', verdict: { outcome: 'unknown' } });
    expect(unidentified('sidecar-missing-lib').map((d) => d.message)).toEqual(['node_modules/sidecar-missing-lib/ThirdPartyNotices.txt could not be identified: it says the licences of the code sidecar-missing-lib@1.0.0 bundles are in sidecar files under lib/, and the package holds none']);
  });

  it('leaves unknown a notices file it cannot read that does not say so (the same text without Microsoft’s sentence)', () => {
    expect(byName['notices-unread-lib']).toMatchObject({ verdict: { outcome: 'unknown' } });
    expect(unidentified('notices-unread-lib').map((d) => d.location?.file)).toEqual(['node_modules/notices-unread-lib/ThirdPartyNotices.txt']);
    expect(unidentified('notices-unread-lib')[0]!.message).toContain('could not be identified: it lists the licences of code the package bundles from other projects, and copyfair cannot read them all');
  });

  it('leaves unknown an exception the declaration does not name, or one with words of its own', () => {
    expect(byName['exception-undeclared']!.verdict.outcome).toBe('unknown');
    expect(unidentified('exception-undeclared')[0]!.message).toContain('it is the text of LLVM-exception, an exception to a licence, and the declared licence (Apache-2.0) names no such exception');
    expect(byName['exception-amended']!.verdict.outcome).toBe('unknown');
    expect(unidentified('exception-amended')).toHaveLength(1);
  });
});

describe('a vendored crate and a cached Go module with a LICENSES folder', () => {
  const mit = 'Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the "Software"), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the following conditions:\n\nThe above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.\n\nTHE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.\n';
  const msrl = readFileSync('fixtures/npm/reuse/node_modules/reuse-lib/LICENSES/MS-RL.txt', 'utf8');
  const write = (path: string, text: string) => {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
  };

  it('Cargo: MIT declared, an MS-RL text in LICENSES/: not free', async () => {
    const root = mkdtempSync(join(tmpdir(), 'copyfair-reuse-cargo-'));
    write(join(root, 'Cargo.toml'), '[package]\nname = "app"\nversion = "1.0.0"\n\n[dependencies]\nreuse-crate = "1"\n');
    write(join(root, '.cargo/config.toml'), '[source.crates-io]\nreplace-with = "vendored-sources"\n\n[source.vendored-sources]\ndirectory = "vendor"\n');
    write(join(root, 'Cargo.lock'), `version = 4\n\n[[package]]\nname = "app"\nversion = "1.0.0"\ndependencies = ["reuse-crate"]\n\n[[package]]\nname = "reuse-crate"\nversion = "1.2.0"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\nchecksum = "${'0'.repeat(64)}"\n`);
    write(join(root, 'vendor/reuse-crate/Cargo.toml'), '[package]\nname = "reuse-crate"\nversion = "1.2.0"\nlicense = "MIT"\n');
    write(join(root, 'vendor/reuse-crate/.cargo-checksum.json'), '{"files":{},"package":null}');
    write(join(root, 'vendor/reuse-crate/LICENSES/MIT.txt'), `Copyright (c) 2024 Reuse Crate authors\n\n${mit}`);
    write(join(root, 'vendor/reuse-crate/LICENSES/MS-RL.txt'), msrl);
    const report = await scan(root, { profile, toolVersion: 'test', ecosystems: ['cargo'] });
    const crate = report.components.find((c) => c.name === 'reuse-crate')!;
    expect(crate.licenceFiles).toEqual(['vendor/reuse-crate/LICENSES/MIT.txt', 'vendor/reuse-crate/LICENSES/MS-RL.txt']);
    expect(crate).toMatchObject({ expression: 'MIT AND MS-RL', verdict: { outcome: 'share-alike' } });
  });

  /** A project requiring one vendored Go module `example.com/<name>` holding `files` (paths in the module), scanned. */
  const vendoredGoModule = async (name: string, files: Record<string, string>) => {
    const root = mkdtempSync(join(tmpdir(), `copyfair-go-${name}-`));
    write(join(root, 'go.mod'), `module example.com/app\n\ngo 1.22\n\nrequire example.com/${name} v1.0.0\n`);
    write(join(root, 'vendor/modules.txt'), `# example.com/${name} v1.0.0\n## explicit\nexample.com/${name}\n`);
    write(join(root, `vendor/example.com/${name}/${name}.go`), `package ${name}\n`);
    for (const [path, text] of Object.entries(files)) write(join(root, `vendor/example.com/${name}`, path), text);
    const report = await scan(root, { profile, toolVersion: 'test', ecosystems: ['go'] });
    return { report, module: report.components.find((c) => c.name === `example.com/${name}`)! };
  };

  it('Go: a module whose only licence file is a part’s (third_party/) has none of its own', async () => {
    const { report, module } = await vendoredGoModule('keeps', { 'third_party/fastgrid/LICENSE': `Copyright (c) 2024 Fastgrid authors\n\n${mit}` });
    expect(module.verdict.outcome).toBe('unknown');
    expect(report.diagnostics.find((d) => d.code === 'licence-missing')?.component).toBe('example.com/keeps@v1.0.0');
  });

  it('Go: a module whose only licence file is its third-party notices has none of its own', async () => {
    const notices = readFileSync('fixtures/npm/reuse/node_modules/notices-lib/THIRD-PARTY-NOTICES.md', 'utf8');
    const { report, module } = await vendoredGoModule('bundles', { 'THIRD-PARTY-NOTICES.md': notices });
    expect(module.verdict.outcome).toBe('unknown');
    expect(report.diagnostics.find((d) => d.code === 'licence-missing')?.component).toBe('example.com/bundles@v1.0.0');
  });

  it('Go: a module whose only licence texts are in LICENSES/ has a licence', async () => {
    const { report, module } = await vendoredGoModule('reuse', { 'LICENSES/MIT.txt': `Copyright (c) 2024 Reuse authors\n\n${mit}` });
    expect(module).toMatchObject({ expression: 'MIT', verdict: { outcome: 'free' }, licenceFiles: ['vendor/example.com/reuse/LICENSES/MIT.txt'] });
    expect(report.diagnostics.map((d) => d.code)).not.toContain('licence-missing');
  });
});

describe('a LICENSES folder, as every reader lists it', () => {
  it('gives its texts (not hidden or data files, not sub-folders), and itself when it cannot be listed', async () => {
    const root = mkdtempSync(join(tmpdir(), 'copyfair-reuse-'));
    const outside = mkdtempSync(join(tmpdir(), 'copyfair-reuse-outside-'));
    mkdirSync(join(root, 'crate/LICENSES/old'), { recursive: true });
    for (const name of ['MIT.txt', 'Apache-2.0.txt', 'LicenseRef-Custom.md', '.gitkeep', 'dep5.json']) writeFileSync(join(root, 'crate/LICENSES', name), 'text');
    writeFileSync(join(root, 'crate/Cargo.toml'), '');
    mkdirSync(join(root, 'away'));
    symlinkSync(outside, join(root, 'away/LICENSES'));
    const fs = diskFs(root);
    expect(await folderLicenceFiles(fs, 'crate', [])).toEqual(['crate/LICENSES/Apache-2.0.txt', 'crate/LICENSES/LicenseRef-Custom.md', 'crate/LICENSES/MIT.txt']);
    // A link out of the project is never listed: the folder itself is given, and reading it says why.
    expect(await folderLicenceFiles(fs, 'away', [])).toEqual(['away/LICENSES']);
    await expect(fs.readText('away/LICENSES')).rejects.toMatchObject({ problem: 'outside' });
  });

  it('lists dist/compiled’s packages (scoped ones a level deeper), nothing for a dist that is a file or has none, and itself when it cannot be listed', async () => {
    const root = mkdtempSync(join(tmpdir(), 'copyfair-compiled-'));
    const outside = mkdtempSync(join(tmpdir(), 'copyfair-compiled-outside-'));
    const write = (path: string) => {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), 'text');
    };
    for (const path of ['pkg/package.json', 'pkg/dist/compiled/glob/LICENSE', 'pkg/dist/compiled/@vercel/og/LICENSE', 'pkg/dist/compiled/@vercel/og/satori/LICENSE', 'pkg/dist/compiled/@scope-file', 'pkg/dist/compiled/glob/index.js']) write(path);
    mkdirSync(join(root, 'pkg/dist/compiled/odd/LICENSE'), { recursive: true }); // a folder named LICENSE: not a text
    write('file-dist/dist');
    mkdirSync(join(root, 'no-compiled/dist'), { recursive: true });
    mkdirSync(join(root, 'linked/dist'), { recursive: true });
    symlinkSync(outside, join(root, 'linked/dist/compiled'));
    const fs = diskFs(root);
    expect(await folderLicenceFiles(fs, 'pkg', [])).toEqual(['pkg/dist/compiled/@vercel/og/LICENSE', 'pkg/dist/compiled/glob/LICENSE']);
    expect(await folderLicenceFiles(fs, 'file-dist', [])).toEqual([]);
    expect(await folderLicenceFiles(fs, 'no-compiled', [])).toEqual([]);
    expect(await folderLicenceFiles(fs, 'linked', [])).toEqual(['linked/dist/compiled']);
    expect(isLicencePath('linked/dist/compiled')).toBe(true);
    await expect(fs.readText('linked/dist/compiled')).rejects.toMatchObject({ problem: 'outside' });
  });

  it('tells a vendored file by the first folder below the package', () => {
    expect(isVendoredPath('node_modules/bson/vendor/base64/LICENSE-MIT.txt', 'node_modules/bson')).toBe(true);
    expect(isVendoredPath('node_modules/x/third_party/LICENSE.zlib', 'node_modules/x')).toBe(true);
    expect(isVendoredPath('node_modules/x/LICENSE', 'node_modules/x')).toBe(false);
    // cargo vendor's own folder is where crates are, not code a crate keeps.
    expect(isVendoredPath('vendor/serde/LICENSE-MIT', 'vendor/serde')).toBe(false);
    expect(isVendoredPath('node_modules/vendor/LICENSE', 'node_modules/vendor')).toBe(false);
  });

  it('reads a licence family\'s name before LICENSE as a licence file (MIT-LICENSE.txt), and nothing else before it', () => {
    for (const name of ['MIT-LICENSE', 'MIT-LICENSE.txt', 'mit-license.md', 'GPL-LICENSE', 'LGPL-LICENSE.txt', 'APACHE-LICENSE-2.0.txt', 'BSD_LICENSE', 'GPL-3.0-LICENSE', 'MPL-2.0-LICENSE', 'CC-BY-SA-LICENSE', 'COMMERCIAL-LICENSE.md', 'ENTERPRISE_LICENSE', 'EE-LICENSE', 'commercial.license.txt']) {
      expect([name, isLicencePath(`node_modules/x/${name}`)]).toEqual([name, true]);
    }
    for (const name of ['check-license', 'update-license', 'my-license.txt', 'MIT-LICENSE.js', 'GPL-LICENSE.json', 'nolicense', 'MITLICENSE']) {
      expect([name, isLicencePath(`node_modules/x/${name}`)]).toEqual([name, false]);
    }
  });

  it('tells third-party notices files by name, texts only, and a statement of information only by both its halves', () => {
    for (const name of ['THIRD-PARTY-NOTICES.md', 'ThirdPartyNoticeText.txt', 'ThirdPartyNotices.txt', 'THIRD_PARTY_LICENSES', 'third-party-licenses.txt', '3rdpartylicenses.txt', 'Third-Party-Software-Notices.md', 'LICENSE-THIRD-PARTY.md', 'LICENSE.3rdparty', 'licenses_third_party.txt']) {
      expect([name, isThirdPartyText(name), isLicencePath(`node_modules/x/${name}`)]).toEqual([name, true, true]);
    }
    for (const name of ['third-party-licenses.json', 'third_party', 'thirdparty', 'THIRD-PARTY.md', 'third-party-notices.js', 'LICENSE', 'LICENSE-MIT', 'LICENSE.third', 'LICENSE-3rdparty.csv']) expect([name, isThirdPartyText(name)]).toEqual([name, false]);
    const relicensed = 'microsoft not the third party licenses the third party code to you under the terms set forth in the eula';
    expect(informationalStatement(`such licenses and notices are provided for informational purposes only ${relicensed}`)).toBe('microsoft not the third party licenses the third party code to you under the terms set forth');
    expect(informationalStatement(relicensed)).toBeUndefined();
    expect(informationalStatement('such licenses and notices are provided for informational purposes only')).toBeUndefined();
  });

  it('takes a notices file as informational only when its opening says so, not when a section it quotes does (monaco-editor quotes TypeScript’s)', async () => {
    const { identifyLicenceText } = await import('../../src/identify/identify-file.js');
    const typescript = readFileSync('fixtures/npm/reuse/node_modules/informational-lib/ThirdPartyNoticeText.txt', 'utf8');
    expect(identifyLicenceText('ThirdPartyNoticeText.txt', typescript).informational).toBeDefined();
    const monaco = `THIRD-PARTY SOFTWARE NOTICES AND INFORMATION\nDo Not Translate or Localize\n\nThis project incorporates components from the projects listed below. The original copyright notices and the licenses\nunder which Microsoft received such components are set forth below. Microsoft reserves all rights not expressly granted\nherein, whether by implication, estoppel or otherwise.\n\n%% markedjs NOTICES AND INFORMATION BEGIN HERE\n=========================================\n${readFileSync('fixtures/npm/reuse/node_modules/notices-lib/LICENSE', 'utf8')}=========================================\nEND OF markedjs NOTICES AND INFORMATION\n\n%% typescript NOTICES AND INFORMATION BEGIN HERE\n=========================================\n${typescript}\n=========================================\nEND OF typescript NOTICES AND INFORMATION\n`;
    const found = identifyLicenceText('ThirdPartyNotices.txt', monaco);
    expect(found.informational).toBeUndefined();
    expect(found.expression).toBeNull();
  }, 60_000);

  it('is a licence path, as is any text of a wheel’s licence folders, but not a notice or data beside them', () => {
    expect(isLicencePath('vendor/crate/LICENSES/GPL-3.0-or-later.txt')).toBe(true);
    expect(isLicencePath('LICENSES/MIT.txt')).toBe(true);
    expect(isLicencePath('site/x-1.0.dist-info/licenses/THIRD_PARTY_LICENSES')).toBe(true);
    expect(isLicencePath('site/x-1.0.dist-info/licenses/NOTICE')).toBe(false);
    expect(isLicencePath('site/x-1.0.dist-info/licenses/sbom.json')).toBe(false);
    expect(isLicencePath('pkg/docs/MIT.txt')).toBe(false);
    expect(isLicencePath('pkg/LICENSES/sub/MIT.txt')).toBe(false);
  });
});

const MIT_TEXT = () => readFileSync('fixtures/identify/mit.md', 'utf8');

/** A project depending on one installed package with this manifest and these files; its scan. */
async function scanOne(manifest: { name: string; version: string; [key: string]: unknown }, files: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), 'copyfair-one-package-'));
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { [manifest.name]: manifest.version } }));
  const folder = join(root, 'node_modules', manifest.name);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'package.json'), JSON.stringify(manifest));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  const report = await scan(root, { profile, toolVersion: 'test' });
  return { report, component: report.components.find((c) => c.name === manifest.name)! };
}

describe('a licence file named after its family (MIT-LICENSE.txt)', () => {
  it('is read: colors 0.6 declares nothing and ships only MIT-LICENSE.txt (it was unknown, "no licence file was found")', async () => {
    const { component: colors } = await scanOne({ name: 'colors', version: '0.6.2' }, { 'MIT-LICENSE.txt': MIT_TEXT() });
    expect(colors.licenceFiles).toEqual(['node_modules/colors/MIT-LICENSE.txt']);
    expect(colors).toMatchObject({ expression: 'MIT', verdict: { outcome: 'free' } });
  });
});

describe('the terms an open-core package ships beside its open licence (COMMERCIAL-LICENSE.md)', () => {
  it('are read with it: an MIT LICENSE and a commercial licence file are not MIT alone (it was free)', async () => {
    const { component: widget } = await scanOne({ name: 'widget', version: '2.0.0', license: 'MIT' }, {
      LICENSE: MIT_TEXT(),
      'COMMERCIAL-LICENSE.md': '# Widget Commercial License\n\nUse of Widget in a product sold to customers requires a paid commercial license from Widget Ltd.\n',
    });
    expect(widget.licenceFiles).toEqual(['node_modules/widget/COMMERCIAL-LICENSE.md', 'node_modules/widget/LICENSE']);
    expect(widget.verdict.outcome).not.toBe('free');
  });
});

describe('a manifest with a "licence" field beside "license"', () => {
  it('reads both: "license": "MIT" with "licence": "Commercial" is unknown, at the manifest, with a warning (it was MIT, free)', async () => {
    const { component: widget, report } = await scanOne({ name: 'widget', version: '2.0.0', license: 'MIT', licence: 'Commercial' }, { LICENSE: MIT_TEXT() });
    expect(widget.evidence[0]).toMatchObject({ kind: 'declared', value: 'MIT; licence: Commercial', expression: null });
    expect(widget.verdict.outcome).toBe('unknown');
    expect(report.diagnostics.find((d) => d.component === 'widget@2.0.0' && d.code === 'licence-declared-unknown')?.location).toEqual({ file: 'node_modules/widget/package.json', line: 1 });
  });
});

describe('a third-party notices file that lists no component', () => {
  it('adds nothing, and says so (vscode-jsonrpc: MIT, with Microsoft’s notices preamble alone; it was unknown)', async () => {
    const { component, report } = await scanOne({ name: 'vscode-jsonrpc', version: '8.2.0', license: 'MIT' }, {
      'License.txt': MIT_TEXT(),
      'thirdpartynotices.txt': readFileSync('fixtures/identify/bundled/vscode-jsonrpc-thirdpartynotices.txt', 'utf8'),
    });
    expect(component).toMatchObject({ expression: 'MIT', verdict: { outcome: 'free' } });
    const said = report.diagnostics.filter((d) => d.component === 'vscode-jsonrpc@8.2.0');
    expect(said.map((d) => [d.code, d.severity])).toEqual([['licence-notices-empty', 'info']]);
    expect(said[0]!.message).toBe('node_modules/vscode-jsonrpc/thirdpartynotices.txt is a third-party notices file that lists no component ("This software incorporates material from third parties." and nothing after it): it adds nothing to vscode-jsonrpc@8.2.0\'s licence');
  });
});

describe('a NOTICE file that opens as Microsoft’s third-party notices (TypeScript 7’s NOTICE.txt)', () => {
  const notice = readFileSync('fixtures/identify/bundled/typescript-7-NOTICE.txt', 'utf8');
  const apache = readFileSync('fixtures/npm/reuse/node_modules/informational-lib/LICENSE.txt', 'utf8');

  it('is read as a third-party notices file: for information only, so the package’s own licence is read for what it bundles (it was unknown)', async () => {
    const { component, report } = await scanOne({ name: 'typescript', version: '7.0.2', license: 'Apache-2.0' }, { 'LICENSE.txt': apache, 'NOTICE.txt': notice });
    expect(component).toMatchObject({ expression: 'Apache-2.0', verdict: { outcome: 'free' } });
    const said = report.diagnostics.filter((d) => d.component === 'typescript@7.0.2');
    expect(said.map((d) => d.code)).toEqual(['licence-notices-informational']);
    expect(said[0]!.message).toContain('node_modules/typescript/NOTICE.txt lists the licences of code typescript@7.0.2 bundles for information only');
  });

  it('not without that opening, nor without the statement that the licences are listed for information only', async () => {
    // (The file's lines end in CRLF, as TypeScript ships it.)
    const titled = notice.replace(/^NOTICES AND INFORMATION\r?\nDo Not Translate or Localize\r?\n/, 'NOTICES\r\n');
    expect(titled).not.toBe(notice);
    const { component: untitled } = await scanOne({ name: 'typescript', version: '7.0.2', license: 'Apache-2.0' }, { 'LICENSE.txt': apache, 'NOTICE.txt': titled });
    expect(untitled.verdict.outcome).toBe('unknown');
    const binding = notice.replace(/(?:Such licenses and notices are )?provided for informational purposes only\.? ?/gi, '');
    expect(binding).not.toBe(notice);
    const { component: bound } = await scanOne({ name: 'typescript', version: '7.0.2', license: 'Apache-2.0' }, { 'LICENSE.txt': apache, 'NOTICE.txt': binding });
    expect(bound.verdict.outcome).toBe('unknown');
  });
});

// pagefind 1.6 keeps its licence texts in a folder named LICENSE (`LICENSE/LICENSE`,
// `LICENSE/LICENSE-vscode-ripgrep`): the read refused it ("is a folder") and pagefind was unknown.
describe('a folder named LICENSE', () => {
  const mit = readFileSync(new URL('../../node_modules/spdx-license-list/licenses/MIT.json', import.meta.url), 'utf8');
  const mitText = (JSON.parse(mit) as { licenseText: string }).licenseText.replace('<year>', '2023').replace('<copyright holders>', 'CloudCannon');
  it('is read as a folder of the package\'s own licence texts; an empty one is still a folder the read refuses', async () => {
    const root = mkdtempSync(join(tmpdir(), 'copyfair-licence-folder-'));
    const write = (path: string, text: string) => {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    write('package.json', JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { pf: '1', gpl: '1', empty: '1' } }));
    write('node_modules/pf/package.json', JSON.stringify({ name: 'pf', version: '1.6.0', license: 'MIT' }));
    write('node_modules/pf/LICENSE/LICENSE', mitText);
    write('node_modules/pf/LICENSE/LICENSE-ripgrep', mitText.replace('CloudCannon', 'Burnt Sushi'));
    // A text in the folder that the declaration leaves out is read too: never the declaration alone.
    write('node_modules/gpl/package.json', JSON.stringify({ name: 'gpl', version: '1.0.0', license: 'MIT' }));
    write('node_modules/gpl/LICENSE/LICENSE', mitText);
    write('node_modules/gpl/LICENSE/GPL-3.0.txt', JSON.parse(readFileSync(new URL('../../node_modules/spdx-license-list/licenses/GPL-3.0-only.json', import.meta.url), 'utf8')).licenseText);
    write('node_modules/empty/package.json', JSON.stringify({ name: 'empty', version: '1.0.0', license: 'MIT' }));
    mkdirSync(join(root, 'node_modules/empty/LICENSE'));
    const report = await scan(root, { profile, toolVersion: 'test' });
    const byName = Object.fromEntries(report.components.map((c) => [c.name, c]));
    expect(byName.pf).toMatchObject({ expression: 'MIT', licenceFiles: ['node_modules/pf/LICENSE/LICENSE', 'node_modules/pf/LICENSE/LICENSE-ripgrep'], verdict: { outcome: 'free' } });
    expect(byName.gpl!.verdict.outcome).toBe('share-alike');
    expect(byName.empty!.verdict.outcome).toBe('unknown');
    expect(report.diagnostics.find((d) => d.component === 'empty@1.0.0')?.message).toBe('node_modules/empty/LICENSE: is a folder, not a file');
    expect(isLicencePath('node_modules/pf/LICENSE/LICENSE-ripgrep')).toBe(true);
  });
});
