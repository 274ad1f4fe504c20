// What a scan read out of a project's metadata, kept between scans: read again whenever the text
// changes by a byte, never across builds or projects, the same report as without it, and a damaged
// or unwritable cache never changes an answer or fails a scan.
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { globbySync } from 'globby';
import { describe, expect, it } from 'vitest';
import { readingCacheFor } from '../../src/cli/identification-cache.js';
import { lockedEntries } from '../../src/ecosystems/npm/index.js';
import { parseInstalledManifest } from '../../src/ecosystems/npm/manifest.js';
import { MAX_FILES, openReadingCache, readingCacheFile } from '../../src/scan/reading-cache.js';
import { declaredEvidence } from '../../src/ecosystems/python/declared.js';
import { parseMetadata } from '../../src/ecosystems/python/metadata.js';
import { loadKnowledgeBase, withCustomTerms } from '../../src/kb/index.js';
import { built, spawnCli } from '../cli/run.js';
import { temporaryFolders } from './temporary-folders.js';

const tempDir = temporaryFolders('copyfair-readings-');

/** A reader that counts its calls. */
function counted<T>(read: (text: string) => T) {
  const calls: string[] = [];
  return { calls, read: (text: string) => (calls.push(text), read(text)) };
}

const parse = (text: string) => JSON.parse(text) as unknown;

type ScanReport = { tool?: unknown; components: { name: string; expression: string; verdict: { outcome: string } }[] };

/** Scans `tree` with the built CLI and `env` (plus `extra`) into `out/file`, and gives the report without its tool field. */
function scanner(tree: string, out: string, env: Record<string, string>) {
  return (file: string, extra: Record<string, string> = {}): ScanReport => {
    spawnCli(['scan', tree, '--format', 'json', '--output', join(out, file), '--date', '2026-01-01'], undefined, { ...env, ...extra });
    const report = JSON.parse(readFileSync(join(out, file), 'utf8')) as ScanReport;
    delete report.tool;
    return report;
  };
}
/** A readings file's entries: the JSON object after its header line. */
const entriesOf = (file: string) => JSON.parse(readFileSync(file, 'utf8').split('\n').slice(1).join('\n')) as Record<string, unknown>;

describe('the reading cache', () => {
  it('gives a later scan of the same project what an earlier one read, and reads a changed text again', () => {
    const dir = tempDir();
    const first = openReadingCache(dir, 'build-a', '/work/app');
    const reader = counted(parse);
    expect(first.read('json', '{"license":"MIT"}', reader.read)).toEqual({ license: 'MIT' });
    expect(first.read('json', '{"license":"ISC"}', reader.read)).toEqual({ license: 'ISC' });
    first.save();
    expect(reader.calls).toHaveLength(2);

    const second = openReadingCache(dir, 'build-a', '/work/app');
    const again = counted(parse);
    expect(second.read('json', '{"license":"MIT"}', again.read)).toEqual({ license: 'MIT' });
    expect(second.read('json', '{"license":"ISC"}', again.read)).toEqual({ license: 'ISC' });
    expect(again.calls).toEqual([]);
    // One byte more: another text, read again.
    expect(second.read('json', '{"license":"MIT "}', again.read)).toEqual({ license: 'MIT ' });
    expect(second.read('json', '{"license":"GPL-3.0-only"}', again.read)).toEqual({ license: 'GPL-3.0-only' });
    expect(again.calls).toEqual(['{"license":"MIT "}', '{"license":"GPL-3.0-only"}']);
  });

  it('keys a reading by the reader too', () => {
    const dir = tempDir();
    const cache = openReadingCache(dir, 'build-a', '/work/app');
    cache.read('one', '{"a":1}', () => 'first');
    cache.save();
    const later = openReadingCache(dir, 'build-a', '/work/app');
    expect(later.read('other', '{"a":1}', () => 'second')).toBe('second');
    expect(later.read('one', '{"a":1}', () => 'never')).toBe('first');
  });

  it('never gives one build or one project what another read', () => {
    const dir = tempDir();
    const cache = openReadingCache(dir, 'build-a', '/work/app');
    cache.read('json', '{}', () => 'kept by build a for app');
    cache.save();
    expect(openReadingCache(dir, 'build-b', '/work/app').read('json', '{}', () => 'read')).toBe('read');
    expect(openReadingCache(dir, 'build-a', '/work/other').read('json', '{}', () => 'read')).toBe('read');
    // A file copied under another project's name is not that project's.
    cpSync(readingCacheFile(dir, 'build-a', '/work/app'), readingCacheFile(dir, 'build-a', '/work/copy'));
    expect(openReadingCache(dir, 'build-a', '/work/copy').read('json', '{}', () => 'read')).toBe('read');
    expect(openReadingCache(dir, 'build-a', '/work/app').read('json', '{}', () => 'read')).toBe('kept by build a for app');
  });

  it('keeps nothing of a reader that throws, so the error comes again', () => {
    const dir = tempDir();
    const cache = openReadingCache(dir, 'build-a', '/work/app');
    expect(() => cache.read('json', '{broken', parse)).toThrow(SyntaxError);
    expect(() => cache.read('json', '{broken', parse)).toThrow(SyntaxError);
    cache.save();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('reads a file whose entries changed after it was written as an empty cache, though it parses', () => {
    const dir = tempDir();
    const file = readingCacheFile(dir, 'build-a', '/work/app');
    const cache = openReadingCache(dir, 'build-a', '/work/app');
    cache.read('json', '{"license":"GPL-3.0-only"}', parse);
    cache.save();
    // The same length, another licence: a disk error or a hand that the header's SHA-256 catches.
    writeFileSync(file, readFileSync(file, 'utf8').replace('"license":"GPL-3.0-only"', '"license":"MIT-0-only-x"'));
    expect(readFileSync(file, 'utf8')).toContain('MIT-0-only-x');
    expect(openReadingCache(dir, 'build-a', '/work/app').read('json', '{"license":"GPL-3.0-only"}', parse)).toEqual({ license: 'GPL-3.0-only' });
  });

  it('reads a damaged file as an empty cache and writes a sound one over it', () => {
    const dir = tempDir();
    const file = readingCacheFile(dir, 'build-a', '/work/app');
    const header = (sha256: string) => JSON.stringify({ format: 'copyfair readings 2', fingerprint: 'build-a', project: '/work/app', sha256 });
    const damages = ['', '{"format":"copyfair readings 2"', '[]', `${header('0'.repeat(64))}\n{}`, `${header(createHash('sha256').update('[1]').digest('hex'))}\n[1]`, `${header(createHash('sha256').update('{"json:x":1').digest('hex'))}\n{"json:x":1`, '\u0000\u0001'];
    for (const damage of damages) {
      writeFileSync(file, damage);
      const cache = openReadingCache(dir, 'build-a', '/work/app');
      expect(cache.read('json', '[1]', parse)).toEqual([1]);
      cache.save();
      expect(openReadingCache(dir, 'build-a', '/work/app').read('json', '[1]', () => 'read again')).toEqual([1]);
    }
  });

  it('writes only when a scan read something new or used under three quarters of the file', () => {
    const dir = tempDir();
    const file = readingCacheFile(dir, 'build-a', '/work/app');
    const texts = ['1', '2', '3', '4', '5', '6', '7', '8'];
    const all = openReadingCache(dir, 'build-a', '/work/app');
    for (const text of texts) all.read('json', text, parse);
    all.save();
    // A write is a new file renamed over the old one: the inode tells a rewrite.
    const written = statSync(file).ino;
    // The same texts again: nothing to write.
    const same = openReadingCache(dir, 'build-a', '/work/app');
    for (const text of texts) same.read('json', text, parse);
    same.save();
    expect(statSync(file).ino).toBe(written);
    // Six of eight: still over three quarters, nothing written.
    const most = openReadingCache(dir, 'build-a', '/work/app');
    for (const text of texts.slice(0, 6)) most.read('json', text, parse);
    most.save();
    expect(statSync(file).ino).toBe(written);
    // Five of eight: the file shrinks to what this scan used.
    const fewer = openReadingCache(dir, 'build-a', '/work/app');
    for (const text of texts.slice(0, 5)) fewer.read('json', text, parse);
    fewer.save();
    expect(Object.keys(entriesOf(file))).toHaveLength(5);
  });

  it("removes another build's or project's file no scan has written for a month", () => {
    const dir = tempDir();
    const stale = readingCacheFile(dir, 'build-old', '/work/app');
    const recent = readingCacheFile(dir, 'build-a', '/work/other');
    writeFileSync(stale, '{}');
    writeFileSync(recent, '{}');
    const month = new Date(Date.now() - 31 * 24 * 3600 * 1000);
    utimesSync(stale, month, month);
    const cache = openReadingCache(dir, 'build-a', '/work/app');
    cache.read('json', '{}', parse);
    cache.save();
    expect(readdirSync(dir).sort()).toEqual([readingCacheFile(dir, 'build-a', '/work/app'), recent].map((path) => path.slice(dir.length + 1)).sort());
  });

  it('keeps at most MAX_FILES files, the least recently used going first, and marks a file in use when it answers', () => {
    const dir = tempDir();
    const write = (project: string, age: number) => {
      const cache = openReadingCache(dir, 'build-a', project);
      cache.read('json', project, () => project);
      cache.save();
      const time = new Date(Date.now() - age * 60_000);
      utimesSync(readingCacheFile(dir, 'build-a', project), time, time);
    };
    for (let index = 0; index < MAX_FILES; index++) write(`/work/project-${index}`, MAX_FILES - index + 10);
    expect(readdirSync(dir)).toHaveLength(MAX_FILES);
    // project-0 is the oldest written, but a scan reads from it: it is in use.
    expect(openReadingCache(dir, 'build-a', '/work/project-0').read('json', '/work/project-0', () => 'read')).toBe('/work/project-0');
    write('/work/new', 0);
    const left = readdirSync(dir).map((name) => join(dir, name));
    expect(left).toHaveLength(MAX_FILES);
    expect(left).toContain(readingCacheFile(dir, 'build-a', '/work/new'));
    expect(left).toContain(readingCacheFile(dir, 'build-a', '/work/project-0'));
    expect(left).not.toContain(readingCacheFile(dir, 'build-a', '/work/project-1'));
  });

  it('does not fail a scan when the folder cannot be written', () => {
    const dir = tempDir();
    chmodSync(dir, 0o500);
    const cache = openReadingCache(join(dir, 'below'), 'build-a', '/work/app');
    expect(cache.read('json', '{}', parse)).toEqual({});
    expect(() => cache.save()).not.toThrow();
  });

  it('is kept where identifications are, on the same conditions', () => {
    const dir = tempDir();
    expect(readingCacheFor('/work/app', { COPYFAIR_CACHE_DIR: dir }, true, 'build-a')).toBeDefined();
    expect(readingCacheFor('/work/app', { COPYFAIR_CACHE_DIR: dir }, false, 'build-a')).toBeUndefined();
    expect(readingCacheFor('/work/app', { COPYFAIR_CACHE_DIR: dir, COPYFAIR_NO_CACHE: '1' }, true, 'build-a')).toBeUndefined();
    expect(readingCacheFor('/work/app', { COPYFAIR_CACHE_DIR: dir }, true, null)).toBeUndefined();
    expect(readingCacheFor(dir, { COPYFAIR_CACHE_DIR: join(dir, '.cache') }, true, 'build-a')).toBeUndefined();
  });
});

describe('an installed package.json, as kept', () => {
  const roundTrip = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

  it('reads back as it was made, for every package.json of the fixtures', () => {
    const files = globbySync('fixtures/**/node_modules/**/package.json', { ignore: ['fixtures/real-tree/**'] });
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      let manifest;
      try {
        manifest = parseInstalledManifest(readFileSync(file, 'utf8'));
      } catch {
        continue; // the broken ones of the hostile fixtures
      }
      expect(roundTrip(manifest), file).toStrictEqual(manifest);
    }
  });

  it('reads back as it was made, for any JSON object', () => {
    const field = fc.oneof(fc.jsonValue(), fc.string(), fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer())));
    const keys = ['name', 'version', 'private', 'license', 'licenses', 'dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies', 'bundleDependencies', 'bundledDependencies', 'workspaces', 'funding', 'author', 'maintainers', 'homepage', 'repository'];
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...keys), field), (value) => {
        const manifest = parseInstalledManifest(JSON.stringify(value, null, 2));
        expect(roundTrip(manifest)).toStrictEqual(manifest);
      }),
      { numRuns: 500 },
    );
  });
});

describe('a package-lock.json, as kept', () => {
  it('reads back as it was made, for every package-lock.json of the fixtures, with and without dependencies', () => {
    const files = globbySync('fixtures/**/package-lock.json', { ignore: ['fixtures/real-tree/**'] });
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      for (const dependencies of [false, true]) {
        let read;
        try {
          read = lockedEntries('package-lock.json', readFileSync(file, 'utf8'), dependencies);
        } catch {
          continue; // the broken ones of the hostile fixtures
        }
        expect(JSON.parse(JSON.stringify(read)), file).toStrictEqual(read);
      }
    }
  });
});

describe.skipIf(!built)('copyfair scan, built, with kept readings', () => {
  it('gives the same report, and reads a package.json again once it changes', () => {
    const dir = tempDir();
    const out = tempDir();
    const tree = tempDir();
    mkdirSync(join(tree, 'node_modules', 'left-pad'), { recursive: true });
    writeFileSync(join(tree, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { 'left-pad': '1.0.0' } }));
    const manifest = join(tree, 'node_modules', 'left-pad', 'package.json');
    writeFileSync(manifest, JSON.stringify({ name: 'left-pad', version: '1.0.0', license: 'MIT' }));
    const scanned = (file: string, env: Record<string, string> = { COPYFAIR_CACHE_DIR: dir }) => {
      spawnCli(['scan', tree, '--format', 'json', '--output', join(out, file), '--date', '2026-01-01'], undefined, env);
      const report = JSON.parse(readFileSync(join(out, file), 'utf8')) as { tool?: unknown; components: { expression: string; verdict: { outcome: string } }[]; diagnostics: { code: string }[] };
      delete report.tool;
      return report;
    };
    const lock = (version: string) => writeFileSync(join(tree, 'package-lock.json'), JSON.stringify({ name: 'app', version: '1.0.0', lockfileVersion: 3, packages: { '': { name: 'app', version: '1.0.0', dependencies: { 'left-pad': '1.0.0' } }, 'node_modules/left-pad': { version, license: 'MIT' } } }, null, 2));
    lock('1.0.0');
    const none = scanned('none.json', { COPYFAIR_NO_CACHE: '1' });
    expect(none.components[0]!.verdict.outcome).toBe('free');
    expect(scanned('cold.json')).toEqual(none);
    expect(readdirSync(dir).filter((name) => name.startsWith('readings-'))).toHaveLength(1);
    expect(scanned('warm.json')).toEqual(none);
    // The same length, another licence: read again, not taken from the cache.
    writeFileSync(manifest, JSON.stringify({ name: 'left-pad', version: '1.0.0', license: 'PPL' }));
    const changed = scanned('changed.json');
    expect(changed.components[0]!.expression).toBe('PPL');
    expect(changed.components[0]!.verdict.outcome).not.toBe('free');
    // The lockfile changed at the same length: read again, so the mismatch is seen.
    expect(JSON.stringify(scanned('unlocked.json'))).not.toContain('npm-lockfile-mismatch');
    lock('1.0.1');
    expect(JSON.stringify(scanned('mismatch.json'))).toContain('npm-lockfile-mismatch');
    expect(readdirSync(tree).sort()).toEqual(['node_modules', 'package-lock.json', 'package.json']);
  });
});

describe.skipIf(!built)('a vendored Cargo workspace, with kept readings', () => {
  it('keeps each crate’s Cargo.toml reading, gives the same report, and reads a changed one again', () => {
    const dir = tempDir();
    const out = tempDir();
    const tree = join(tempDir(), 'workspace');
    cpSync('fixtures/cargo/vendored-workspace', tree, { recursive: true });
    const scanned = scanner(tree, out, { COPYFAIR_CACHE_DIR: dir, CARGO_HOME: join(tree, 'no-cargo-home') });
    const none = scanned('none.json', { COPYFAIR_NO_CACHE: '1' });
    expect(scanned('cold.json')).toEqual(none);
    const [readings] = readdirSync(dir).filter((name) => name.startsWith('readings-'));
    const kept = Object.keys(entriesOf(join(dir, readings!))).filter((key) => key.startsWith('cargo-crate:'));
    expect(kept).toHaveLength(readdirSync(join(tree, 'vendor')).length);
    expect(scanned('warm.json')).toEqual(none);
    // serde's licence changed at the same length: read again, not taken from the cache.
    const manifest = join(tree, 'vendor/serde/Cargo.toml');
    const before = readFileSync(manifest, 'utf8');
    const after = before.replace(/license = "MIT OR Apache-2.0"/, 'license = "PPL OR Apache-2.0"');
    expect(after.length).toBe(before.length);
    expect(after).not.toBe(before);
    writeFileSync(manifest, after);
    const changed = scanned('changed.json').components.find((component) => component.name === 'serde')!;
    expect(changed.expression).toContain('PPL');
  });
});

describe("a Python distribution's declared name, as kept", () => {
  const parsed = parseMetadata('Metadata-Version: 2.1\nName: demo\nVersion: 1.0\nLicense: Modified BSD License\n');
  if (!parsed.ok) throw new Error(parsed.message);
  const dist = { name: 'demo', version: '1.0', directory: 'demo.dist-info', metadataFile: 'demo.dist-info/METADATA', headers: parsed.headers, licenceFiles: [] };
  const asked: string[] = [];
  const readings = { read: <T>(reader: string, text: string, read: (text: string) => T): T => (asked.push(`${reader}:${text}`), read(text)), save: () => undefined };

  it('is asked of the readings with the built knowledge base, and read the same', () => {
    asked.length = 0;
    expect(declaredEvidence(dist, loadKnowledgeBase(), [], undefined, readings)).toEqual(declaredEvidence(dist, loadKnowledgeBase(), []));
    expect(asked).toEqual(['python-declared-name:Modified BSD License']);
  });

  it('is never kept with a knowledge base a policy extended, which may read the name otherwise', () => {
    asked.length = 0;
    const extended = withCustomTerms(loadKnowledgeBase(), [{ ...loadKnowledgeBase().get('MIT')!, id: 'LicenseRef-demo', name: 'Demo', aliases: [] }]);
    expect(extended).not.toBe(loadKnowledgeBase());
    declaredEvidence(dist, extended, [], undefined, readings);
    expect(asked).toEqual([]);
  });
});

describe.skipIf(!built)('an installed Python environment, with kept readings', () => {
  it('keeps each declared name’s reading, gives the same report, and reads a changed name again', () => {
    const dir = tempDir();
    const out = tempDir();
    const tree = join(tempDir(), 'venv-app');
    cpSync('fixtures/python/venv-app', tree, { recursive: true });
    // click's licence as older wheels name it: free text, read through copyfair's names.
    const metadata = join(tree, '.venv/lib/python3.11/site-packages/click-8.4.0.dist-info/METADATA');
    writeFileSync(metadata, readFileSync(metadata, 'utf8').replace('License-Expression: BSD-3-Clause', 'License: Modified BSD License'));
    const scanned = scanner(tree, out, { COPYFAIR_CACHE_DIR: dir, VIRTUAL_ENV: '' });
    const none = scanned('none.json', { COPYFAIR_NO_CACHE: '1' });
    expect(scanned('cold.json')).toEqual(none);
    const [readings] = readdirSync(dir).filter((name) => name.startsWith('readings-'));
    const kept = Object.entries(entriesOf(join(dir, readings!))).filter(([key]) => key.startsWith('python-declared-name:'));
    // Every License and License-Expression value of the environment, each once.
    expect(kept.map(([, reading]) => (reading as { value: string }).value).sort()).toEqual(['Apache-2.0 OR BSD-3-Clause', 'BSD-3-Clause', 'MIT', 'Modified BSD License'].sort());
    expect(kept.find(([, reading]) => (reading as { value: string }).value === 'Modified BSD License')![1]).toMatchObject({ expression: 'BSD-3-Clause' });
    expect(none.components.find((component) => component.name === 'click')!.expression).toBe('BSD-3-Clause');
    expect(scanned('warm.json')).toEqual(none);
    // click's name changed: read again, not taken from the cache.
    writeFileSync(metadata, readFileSync(metadata, 'utf8').replace('License: Modified BSD License', 'License: GNU GPL v3 or later'));
    expect(scanned('changed.json').components.find((component) => component.name === 'click')!.expression).toContain('GPL-3.0');
  });
});

describe.skipIf(!built)('copyfair diff, built, with kept readings', () => {
  it('keeps one file for both sides and answers the same from it', () => {
    const dir = tempDir();
    const args = ['diff', 'fixtures/npm/hoisted', 'fixtures/npm/nested', '--format', 'json', '--date', '2026-01-01'];
    const none = spawnCli(args, undefined, { COPYFAIR_NO_CACHE: '1' });
    const cold = spawnCli(args, undefined, { COPYFAIR_CACHE_DIR: dir });
    const readings = readdirSync(dir).filter((name) => name.startsWith('readings-'));
    expect(readings).toHaveLength(1);
    const kept = Object.keys(entriesOf(join(dir, readings[0]!)));
    expect(kept.length).toBeGreaterThan(1);
    const warm = spawnCli(args, undefined, { COPYFAIR_CACHE_DIR: dir });
    const report = (result: { stdout: string }) => ({ ...(JSON.parse(result.stdout) as object), tool: undefined });
    expect(report(cold)).toEqual(report(none));
    expect(report(warm)).toEqual(report(none));
    expect([cold.code, warm.code]).toEqual([none.code, none.code]);
  });
});
