// The Rust ecosystem: Cargo.toml, Cargo.lock v1–v4, vendored crates and the registry cache.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCargoLock } from '../../src/ecosystems/cargo/lockfile.js';
import { cargoLicence, parseCargoManifest } from '../../src/ecosystems/cargo/manifest.js';
import { scan } from '../../src/scan/index.js';

const nowhere = join(tmpdir(), 'copyfair-no-cargo-home');
const scanCargo = (root: string, cargoHome = nowhere) => scan(root, { profile: { date: '2026-01-01' }, toolVersion: 'test', environment: { cargoHome } });
const byName = (components: { name: string }[]) => Object.fromEntries(components.map((c) => [c.name, c])) as Record<string, any>;

describe('Cargo files', () => {
  it('reads dependency tables as scopes, workspace inheritance and renames, with lines', () => {
    const parsed = parseCargoManifest('[package]\nname = "a"\nversion = "1.0.0"\nlicense = "MIT"\n\n[dependencies]\nserde = { workspace = true }\nrand_core = { package = "rand-core", version = "0.6" }\nlog = { version = "0.4", optional = true }\n\n[dev-dependencies]\ninsta = "1"\n\n[build-dependencies]\ncc = "1"\n\n[target.\'cfg(windows)\'.dependencies]\nwinapi = "0.3"\n');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.manifest.dependencies).toEqual([
      { name: 'serde', kind: 'prod', line: 7 },
      { name: 'rand-core', kind: 'prod', line: 8 },
      { name: 'log', kind: 'optional', line: 9 },
      { name: 'insta', kind: 'dev', line: 12 },
      { name: 'cc', kind: 'dev', line: 15 },
      { name: 'winapi', kind: 'prod' },
    ]);
    expect(parsed.manifest).toMatchObject({ license: 'MIT', licenceLine: 4 });
  });

  it('reads the old "/" separator as OR', () => {
    expect(cargoLicence('MIT/Apache-2.0')).toBe('MIT OR Apache-2.0');
    expect(cargoLicence('MIT OR Apache-2.0')).toBe('MIT OR Apache-2.0');
  });

  it('reads Cargo.lock v1 ("name version (source)") and v3/v4 ("name", "name version")', () => {
    const v1 = parseCargoLock('[[package]]\nname = "app"\nversion = "0.1.0"\ndependencies = [\n "log 0.4.20 (registry+https://github.com/rust-lang/crates.io-index)",\n]\n\n[[package]]\nname = "log"\nversion = "0.4.20"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\n\n[metadata]\n"checksum log 0.4.20 (registry+https://github.com/rust-lang/crates.io-index)" = "abc"\n');
    expect(v1.ok && v1.crates.get('app@0.1.0')!.dependencies).toEqual(['log@0.4.20']);
    const v3 = parseCargoLock('version = 3\n\n[[package]]\nname = "app"\nversion = "0.1.0"\ndependencies = ["rand 0.8.5", "rand 0.7.3", "log"]\n\n[[package]]\nname = "rand"\nversion = "0.7.3"\n\n[[package]]\nname = "rand"\nversion = "0.8.5"\n\n[[package]]\nname = "log"\nversion = "0.4.20"\n');
    expect(v3.ok && v3.crates.get('app@0.1.0')).toMatchObject({ dependencies: ['rand@0.8.5', 'rand@0.7.3', 'log@0.4.20'], line: 3 });
    expect(parseCargoLock('version = 4\n[[package]\n')).toMatchObject({ ok: false, problem: { line: 2 } });
  });
});

describe('a vendored workspace (fixtures/cargo/vendored-workspace)', () => {
  it('reads each crate\'s declared licence and licence files, with scopes and paths', async () => {
    const report = await scanCargo('fixtures/cargo/vendored-workspace');
    expect(report.project.name).toBe('vendored-workspace');
    const c = byName(report.components);
    expect(Object.keys(c).sort()).toEqual(['cc', 'cfg-if', 'itoa', 'serde', 'unicode-ident', 'webpki']);
    // "MIT/Apache-2.0": the old separator is OR, and LICENSE-MIT + LICENSE-APACHE are its branches.
    expect(c['cfg-if']).toMatchObject({ expression: 'MIT OR Apache-2.0', purl: 'pkg:cargo/cfg-if@1.0.0', ecosystem: 'cargo', location: { file: 'crates/core/Cargo.toml', line: 9 }, verdict: { outcome: 'free' } });
    expect(c['cfg-if'].evidence.map((e: any) => e.expression)).toEqual(['MIT OR Apache-2.0', 'Apache-2.0', 'MIT']);
    expect(c['unicode-ident'].expression).toBe('(MIT OR Apache-2.0) AND Unicode-DFS-2016');
    expect(c.cc).toMatchObject({ scope: 'dev', paths: [['ledger-server', 'cc']] });
    expect(c.serde.paths).toEqual([['ledger-server', 'serde']]);
    expect(c['cfg-if'].paths).toEqual([['ledger-core', 'cfg-if']]);
  });

  it('license-file names the crate\'s own terms: that file is identified and decides', async () => {
    const report = await scanCargo('fixtures/cargo/vendored-workspace');
    const webpki = byName(report.components).webpki;
    expect(webpki.evidence[0]).toMatchObject({ kind: 'declared', value: 'SEE LICENSE IN LICENSE', expression: null, location: { file: 'vendor/webpki/Cargo.toml', line: 11 } });
    expect(webpki.evidence[1]).toMatchObject({ kind: 'licence-file', expression: 'ISC', location: { file: 'vendor/webpki/LICENSE' } });
    expect(webpki.expression).toBe('ISC');
  });

  it('a license-file nobody can identify leaves the crate unknown', async () => {
    const root = mkdtempSync(join(tmpdir(), 'copyfair-cargo-'));
    cpSync('fixtures/cargo/vendored-workspace', root, { recursive: true });
    writeFileSync(join(root, 'vendor/webpki/LICENSE'), 'Copyright 2015 Brian Smith.\n\nYou may use this software only on Tuesdays, and only to verify certificates issued by\nthe author. Every other use needs a written agreement with the author.\n');
    const webpki = byName((await scanCargo(root)).components).webpki;
    expect(webpki.verdict.outcome).toBe('unknown');
  });

  it('a license-file beside license is read too when no licence name finds it (a crate with "MIT" and a TERMS.txt that restricts was MIT, free)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'copyfair-cargo-'));
    cpSync('fixtures/cargo/vendored-workspace', root, { recursive: true });
    const manifest = join(root, 'vendor/webpki/Cargo.toml');
    const { readFileSync } = await import('node:fs');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/license-file = "LICENSE"/, 'license = "ISC"\nlicense-file = "TERMS.txt"'));
    writeFileSync(join(root, 'vendor/webpki/TERMS.txt'), 'Webpki Terms\n\nCommercial use of this crate requires a paid licence from the author.\n');
    const webpki = byName((await scanCargo(root)).components).webpki;
    expect(webpki.licenceFiles).toContain('vendor/webpki/TERMS.txt');
    expect(webpki.evidence[0]).toMatchObject({ kind: 'declared', value: 'ISC', expression: 'ISC' });
    expect(webpki.verdict.outcome).not.toBe('free');
    // A license-file a licence name already finds adds no declaration: the report stays as it was.
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/license-file = "TERMS.txt"/, 'license-file = "LICENSE"'));
    const plain = byName((await scanCargo(root)).components).webpki;
    expect(plain.evidence.filter((e: any) => e.kind === 'declared')).toHaveLength(1);
    expect(plain).toMatchObject({ expression: 'ISC', verdict: { outcome: 'free' } });
  });

  it('a broken vendored Cargo.toml is a diagnostic at its line; the crate\'s licence files are still read', async () => {
    const report = await scanCargo('fixtures/cargo/vendored-workspace');
    expect(report.diagnostics.find((d) => d.code === 'cargo-file-invalid')!.location).toEqual({ file: 'vendor/itoa/Cargo.toml', line: 7, column: 29 });
    expect(byName(report.components).itoa).toMatchObject({ version: '1.0.11', directory: 'vendor/itoa', verdict: { outcome: 'free' } });
  });
});

describe("a crate's `license` that is not a string", () => {
  // cargo resolves `license.workspace = true` when it packages a crate, so a vendored or published
  // crate never has it, and takes no array or table: such a value said "declares no licence" and
  // left a MIT file alone to decide.
  for (const [written, shown] of [
    ['license.workspace = true', '`license` as a table (workspace = true)'],
    ['license = { workspace = true }', '`license` as a table (workspace = true)'],
    ['license = ["MIT", "Commercial"]', '`license` as an array ("MIT","Commercial")'],
    ['license-file = 3', '`license-file` as a number (3)'],
  ]) {
    it(`${written}: unknown, with a diagnostic at its line naming what it is`, async () => {
      const root = mkdtempSync(join(tmpdir(), 'copyfair-cargo-'));
      cpSync('fixtures/cargo/vendored-workspace', root, { recursive: true });
      writeFileSync(join(root, 'vendor/webpki/Cargo.toml'), `[package]\nname = "webpki"\nversion = "0.22.4"\n\n${written}\n`);
      writeFileSync(join(root, 'vendor/webpki/LICENSE'), 'MIT License\n\nCopyright (c) 2020 X\n\nPermission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the "Software"), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the following conditions:\n\nThe above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.\n\nTHE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.\n');
      const report = await scanCargo(root);
      const webpki = byName(report.components).webpki;
      expect(webpki.evidence[0]).toMatchObject({ kind: 'declared', value: shown, expression: null, location: { file: 'vendor/webpki/Cargo.toml', line: 5 } });
      expect(webpki.verdict.outcome).toBe('unknown');
      const said = report.diagnostics.find((d) => d.component === 'webpki@0.22.4')!;
      expect(said).toMatchObject({ code: 'licence-declared-unknown', location: { file: 'vendor/webpki/Cargo.toml', line: 5 } });
      expect(said.message).toContain(`gives ${shown}, not a string`);
      expect(report.diagnostics.some((d) => d.code === 'licence-missing' && d.component === 'webpki@0.22.4')).toBe(false);
    });
  }
});

describe('a broken workspace Cargo.toml beside its Cargo.lock', () => {
  it('is a diagnostic at its line, and the locked crates are still scanned (it ended the scan with an internal error)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'copyfair-cargo-'));
    cpSync('fixtures/cargo/vendored-workspace', root, { recursive: true });
    writeFileSync(join(root, 'Cargo.toml'), '[workspace]\nmembers = ["crates/*"]\n\n[workspace.dep\u0001endencies]\nserde = { version = "1.0", default-xfeatures = false, features = ["std"] \n');
    const report = await scanCargo(root);
    expect(report.diagnostics.find((d) => d.code === 'cargo-file-invalid')!.location).toMatchObject({ file: 'Cargo.toml', line: 4 });
    expect(byName(report.components).itoa).toMatchObject({ version: '1.0.11', verdict: { outcome: 'free' } });
    // How it got there, from the lock's own crates, and where: the lock's line (no manifest line to point at).
    expect(byName(report.components).itoa.paths.length).toBeGreaterThan(0);
    expect(byName(report.components).itoa.location.file).toBe('Cargo.lock');
  });
});

describe('the registry cache', () => {
  it('reads crates from $CARGO_HOME/registry/src, and says which crates are in neither place', async () => {
    const root = mkdtempSync(join(tmpdir(), 'copyfair-cargo-'));
    writeFileSync(join(root, 'Cargo.toml'), '[package]\nname = "app"\nversion = "0.1.0"\n\n[dependencies]\ncfg-if = "1"\nserde = "1"\nlibc = "0.2"\n');
    writeFileSync(join(root, 'Cargo.lock'), 'version = 3\n\n[[package]]\nname = "app"\nversion = "0.1.0"\ndependencies = ["cfg-if", "serde", "libc"]\n\n[[package]]\nname = "cfg-if"\nversion = "1.0.0"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\n\n[[package]]\nname = "libc"\nversion = "0.2.150"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\n\n[[package]]\nname = "serde"\nversion = "1.0.215"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\n');
    const home = mkdtempSync(join(tmpdir(), 'copyfair-cargo-home-'));
    cpSync('fixtures/cargo/cargo-home', home, { recursive: true });
    const report = await scanCargo(root, home);
    const c = byName(report.components);
    expect(c['cfg-if']).toMatchObject({ directory: '$CARGO_HOME/registry/src/index.crates.io-6f17d22bba15001f/cfg-if-1.0.0', expression: 'MIT OR Apache-2.0' });
    expect(c.libc).toMatchObject({ verdict: { outcome: 'unknown' } });
    expect(c.libc.verdict.because[0].because).toContain('`cargo vendor` or `cargo fetch`');
    expect(report.diagnostics.map((d) => d.code)).toEqual(['cargo-not-fetched']);
    expect(report.project.sources.map((s) => s.file)).toContain('$CARGO_HOME/registry/src');
  });

  it('without Cargo.lock: the direct dependencies, and a note to commit the lockfile', async () => {
    const root = mkdtempSync(join(tmpdir(), 'copyfair-cargo-'));
    writeFileSync(join(root, 'Cargo.toml'), '[package]\nname = "app"\nversion = "0.1.0"\n\n[dependencies]\nlog = "0.4"\n');
    const report = await scanCargo(root);
    expect(report.components.map((c) => `${c.name}@${c.version}`)).toEqual(['log@unknown']);
    expect(report.diagnostics.map((d) => d.code).sort()).toEqual(['cargo-not-fetched', 'cargo-not-locked']);
  });
});

describe('--workspace in a Cargo workspace', () => {
  it('scans one member, and names the members when none matches', async () => {
    const one = await scan('fixtures/cargo/vendored-workspace', { profile: {}, toolVersion: 'test', workspace: 'ledger-core', environment: { cargoHome: nowhere } });
    expect(one.components.map((c) => c.name)).toEqual(['cfg-if', 'itoa', 'unicode-ident']);
    const none = await scan('fixtures/cargo/vendored-workspace', { profile: {}, toolVersion: 'test', workspace: 'nope', environment: { cargoHome: nowhere } });
    expect(none.diagnostics.find((d) => d.code === 'workspace-not-found')!.message).toBe('no workspace member "nope"; the members are: ledger-core, ledger-server');
  });
});

describe('path dependencies outside the workspace', () => {
  it('third-party code kept in the tree is read; a private crate is the project\'s own; outside the project is unknown', async () => {
    const root = mkdtempSync(join(tmpdir(), 'copyfair-cargo-'));
    const write = (path: string, text: string) => {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    write('Cargo.toml', '[package]\nname = "app"\nversion = "0.1.0"\n\n[dependencies]\nshared = { path = "libs/shared" }\nfork = { path = "third_party/fork" }\noutside = { path = "../outside" }\n');
    write('libs/shared/Cargo.toml', '[package]\nname = "shared"\nversion = "0.1.0"\npublish = false\nlicense = "PPL"\n');
    write('third_party/fork/Cargo.toml', '[package]\nname = "fork"\nversion = "2.0.0"\nlicense = "MIT/Apache-2.0"\n');
    write('Cargo.lock', 'version = 4\n\n[[package]]\nname = "app"\nversion = "0.1.0"\ndependencies = ["fork", "outside", "shared"]\n\n[[package]]\nname = "fork"\nversion = "2.0.0"\n\n[[package]]\nname = "outside"\nversion = "1.0.0"\n\n[[package]]\nname = "shared"\nversion = "0.1.0"\n');
    const report = await scanCargo(root);
    const c = byName(report.components);
    expect(Object.keys(c).sort()).toEqual(['fork', 'outside']);
    expect(c.fork).toMatchObject({ directory: 'third_party/fork', expression: 'MIT OR Apache-2.0', location: { file: 'Cargo.toml', line: 7 } });
    expect(c.outside.verdict.because[0].because).toBe('outside 1.0.0 is a path dependency copyfair cannot find inside the project: a person must read its licence');
  });
});
