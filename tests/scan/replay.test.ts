// A scan kept whole: answered again only when every read it made gives what it gave (a file's
// content, or the disk's stamp of it where that can be trusted: never its modification time
// alone), and only for the same inputs; anything else is a scan run afresh, with the report a scan
// without any kept scan gives.
import { chmodSync, cpSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nextTick, settled } from '../helpers/settled.js';
import fc from 'fast-check';
import { keyOf, openScanReplay, RESTAMPED_TO_REFRESH, STAMPS_TRIED, writeJson, type Read } from '../../src/scan/replay.js';
import { scanReplayFor } from '../../src/cli/identification-cache.js';
import { openIdentificationCache } from '../../src/scan/identification-cache.js';
import { openReadingCache } from '../../src/scan/reading-cache.js';
import { sha256Hex } from '../../src/util/sha256.js';
import { comparesAlike, dateCompared, recordDateComparisons } from '../../src/util/date-reads.js';
import { createHash } from 'node:crypto';
import { defaultPolicy, policyHooks } from '../../src/policy/index.js';
import { diskFs, keepsChangeTimes, type ReadOnlyFs } from '../../src/ecosystems/fs.js';
import { scan, type ScanOptions } from '../../src/scan/index.js';
import { REPORTERS, type Format } from '../../src/report/index.js';
import type { ScanHooks } from '../../src/scan/hooks.js';
import type { Report } from '../../src/types.js';
import { temporaryFolders } from './temporary-folders.js';
import { installed, writeTree } from '../hostile/generate.js';
import { built, spawnCli } from '../cli/run.js';

const tempDir = temporaryFolders('copyfair-replay-');

const MIT = (createRequire(import.meta.url)('spdx-license-list/full') as Record<string, { licenseText: string }>).MIT!.licenseText;

/** An installed project: app → a (MIT, a LICENSE file), b (ISC by its package.json only). */
function project(): string {
  return writeTree(tempDir(), {
    'package.json': JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { a: '1.0.0', b: '1.0.0' } }),
    ...installed('a', '1.0.0', 'MIT', {}, MIT),
    ...installed('b', '1.0.0', 'ISC'),
  });
}

const PROFILE = { date: '2026-01-01' };

/** Scans `root` with the kept scans in `cache` (none without it), counting the components evaluated: none when a kept scan answered. */
async function scanned(root: string, cache: string | undefined, options: Partial<ScanOptions> = {}): Promise<{ report: Report; evaluated: number }> {
  let evaluated = 0;
  const kept = cache === undefined ? undefined : openScanReplay(cache, 'build-a', root);
  const report = await scan(root, {
    profile: PROFILE,
    toolVersion: 'test',
    onProgress: () => evaluated++,
    ...(kept ? { replay: { kept } } : {}),
    ...options,
  });
  return { report, evaluated };
}

/** Every format's output of `report`, for a byte-for-byte comparison. */
async function rendered(report: Report): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const format of Object.keys(REPORTERS) as Format[]) out[format] = (await REPORTERS[format]())(report, { failOn: ['payback', 'forbidden', 'unknown'], color: false, width: 80, quiet: false });
  return out;
}

/** `files`, each file read (with a stamp or without) and folder listed appended to `reads`, each stamp asked to `asked`. */
function counting(files: ReadOnlyFs, reads: string[], asked: string[] = []): ReadOnlyFs {
  const stamps = files.stamps;
  return {
    ...files,
    readBytes: (path, limit) => (reads.push(path), files.readBytes(path, limit)),
    readText: (path, limit) => (reads.push(path), files.readText(path, limit)),
    list: (path) => (reads.push(path), files.list(path)),
    stamps: stamps && {
      readBytes: (path, limit) => (reads.push(path), stamps.readBytes(path, limit)),
      readText: (path, limit) => (reads.push(path), stamps.readText(path, limit)),
      now: (path) => (asked.push(path), stamps.now(path)),
    },
  };
}

/** The reads kept in the one kept scan in `cache`. */
function keptReads(cache: string): Read[] {
  const names = readdirSync(cache).filter((name) => name.startsWith('scans-'));
  expect(names).toHaveLength(1);
  return JSON.parse(readFileSync(join(cache, names[0]!), 'utf8').split('\n')[1]!) as Read[];
}

const expressions = (report: Report) => Object.fromEntries(report.components.map((c) => [c.name, c.expression]));

describe('a scan kept whole', () => {
  it('answers the same scan again with the same report in every format, evaluating nothing', async () => {
    const root = project();
    const cache = tempDir();
    const first = await scanned(root, cache);
    expect(first.evaluated).toBe(2);
    expect(readdirSync(cache)).toEqual([expect.stringMatching(/^scans-build-a-[0-9a-f]{24}\.json$/)]);
    const again = await scanned(root, cache);
    expect(again.evaluated).toBe(0);
    expect(await rendered(again.report)).toEqual(await rendered(first.report));
    expect(await rendered(again.report)).toEqual(await rendered((await scanned(root, undefined)).report));
  });

  it.each([
    ['a licence file rewritten to the same size with its old time stamps', (root: string) => {
      const file = join(root, 'node_modules/a/LICENSE');
      const { atime, mtime } = statSync(file);
      writeFileSync(file, MIT.replace('Permission is hereby granted', 'Permission is hereby refused'));
      utimesSync(file, atime, mtime);
    }],
    ['a package.json rewritten to the same size with its old time stamps', (root: string) => {
      const file = join(root, 'node_modules/b/package.json');
      const { atime, mtime } = statSync(file);
      writeFileSync(file, readFileSync(file, 'utf8').replace('"ISC"', '"GPL"'));
      utimesSync(file, atime, mtime);
    }],
    ['a package added', (root: string) => {
      mkdirSync(join(root, 'node_modules/c'));
      writeFileSync(join(root, 'node_modules/c/package.json'), JSON.stringify({ name: 'c', version: '1.0.0', license: 'BUSL-1.1' }));
      writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { a: '1.0.0', b: '1.0.0', c: '1.0.0' } }));
    }],
    ['a licence file removed', (root: string) => rmSync(join(root, 'node_modules/a/LICENSE'))],
    ['a licence file added', (root: string) => writeFileSync(join(root, 'node_modules/b/LICENSE'), 'Copyright (c) 2020 B. All rights reserved.\n')],
    ['a licence file turned into a link to another text', (root: string) => {
      writeFileSync(join(root, 'node_modules/a/OTHER'), 'All rights reserved. No permission is granted.\n');
      rmSync(join(root, 'node_modules/a/LICENSE'));
      symlinkSync('OTHER', join(root, 'node_modules/a/LICENSE'));
    }],
    ['a package folder turned into a link to one outside the project', (root: string) => {
      const outside = tempDir();
      cpSync(join(root, 'node_modules/b'), outside, { recursive: true });
      rmSync(join(root, 'node_modules/b'), { recursive: true });
      symlinkSync(outside, join(root, 'node_modules/b'));
    }],
  ])('runs afresh after %s, with the report of a scan with nothing kept', async (_, change) => {
    const root = project();
    const cache = tempDir();
    await scanned(root, cache);
    change(root);
    const after = await scanned(root, cache);
    expect(after.evaluated).toBeGreaterThan(0);
    const fresh = await scanned(root, undefined);
    expect(await rendered(after.report)).toEqual(await rendered(fresh.report));
    // And what it kept for the changed tree answers the next scan.
    const again = await scanned(root, cache);
    expect(again.evaluated).toBe(0);
    expect(await rendered(again.report)).toEqual(await rendered(fresh.report));
  });

  it("reads the project's own files first, so a changed manifest or lockfile is found before any installed file is read again", async () => {
    const root = project();
    const lock = (version: string) => writeFileSync(join(root, 'package-lock.json'), JSON.stringify({ name: 'app', version: '1.0.0', lockfileVersion: 3, packages: { '': { name: 'app', version: '1.0.0', dependencies: { a: '1.0.0', b: '1.0.0' } }, 'node_modules/a': { version, license: 'MIT' }, 'node_modules/b': { version: '1.0.0', license: 'ISC' } } }));
    lock('1.0.0');
    const cache = tempDir();
    await scanned(root, cache);
    // The scan reads the lockfile after every installed package.json.
    lock('1.0.1');
    const reads: string[] = [];
    const after = await scanned(root, cache, { fs: counting(diskFs(root), reads) });
    expect(after.evaluated).toBe(2);
    // Once by the scan that ran, never by the look at what was kept.
    expect(reads.filter((path) => path === 'node_modules/a/package.json')).toHaveLength(1);
    expect(reads.filter((path) => path === 'package-lock.json')).toHaveLength(2);
  });

  it('a change a kept scan would have hidden: MIT rewritten to a refusal is no longer free', async () => {
    const root = project();
    const cache = tempDir();
    const outcomeOfA = (report: Report) => report.components.find((c) => c.name === 'a')?.verdict.outcome;
    const before = await scanned(root, cache);
    expect(outcomeOfA(before.report)).toBe('free');
    const file = join(root, 'node_modules/a/LICENSE');
    const { atime, mtime } = statSync(file);
    writeFileSync(file, MIT.replace('Permission is hereby granted', 'Permission is hereby refused'));
    utimesSync(file, atime, mtime);
    expect(outcomeOfA((await scanned(root, cache)).report)).toBe('unknown');
  });

  it('answers only the same inputs: another profile, fail-on, platform or workspace is another scan', async () => {
    const root = project();
    const cache = tempDir();
    await scanned(root, cache);
    const others: Partial<ScanOptions>[] = [{ profile: { ...PROFILE, uses: ['internal'] } }, { profile: { ...PROFILE, entity: 'worker-cooperative' } }, { profile: {} }, { failOn: ['forbidden'] }, { devUses: ['distribute'] }, { platform: { os: 'darwin', cpu: 'arm64' } }, { ecosystems: ['npm'] }];
    for (const options of others) {
      const other = await scanned(root, cache, options);
      expect(other.evaluated, JSON.stringify(options)).toBe(2);
      expect(await rendered(other.report)).toEqual(await rendered((await scanned(root, undefined, options)).report));
    }
  });

  it('answers a scan on another date when the kept one compared no date, as a scan run on that date', async () => {
    const root = project();
    const cache = tempDir();
    await scanned(root, cache);
    for (const date of ['2026-01-02', '2031-06-30']) {
      const later = await scanned(root, cache, { profile: { date } });
      expect(later.evaluated).toBe(0);
      expect(later.report.profile.date).toBe(date);
      expect(await rendered(later.report)).toEqual(await rendered((await scanned(root, undefined, { profile: { date } })).report));
    }
  });

  it('answers another date on the same side of a licence\'s change date, and runs afresh across it: BUSL-1.1', async () => {
    const root = project();
    cpSync(new URL('../../fixtures/payback/app/node_modules/data-engine', import.meta.url).pathname, join(root, 'node_modules/data-engine'), { recursive: true });
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { a: '1.0.0', b: '1.0.0', 'data-engine': '3.0.0' } }));
    const cache = tempDir();
    const outcome = (report: Report) => report.components.find((c) => c.name === 'data-engine')?.verdict.outcome;
    expect(outcome((await scanned(root, cache, { profile: { date: '2028-06-30' } })).report)).toBe('payback');
    const before = await scanned(root, cache, { profile: { date: '2028-12-31' } });
    expect(before.evaluated).toBe(0);
    expect(outcome(before.report)).toBe('payback');
    expect(await rendered(before.report)).toEqual(await rendered((await scanned(root, undefined, { profile: { date: '2028-12-31' } })).report));
    const after = await scanned(root, cache, { profile: { date: '2029-01-01' } });
    expect(after.evaluated).toBeGreaterThan(0);
    expect(outcome(after.report)).not.toBe('payback');
    expect(await rendered(after.report)).toEqual(await rendered((await scanned(root, undefined, { profile: { date: '2029-01-01' } })).report));
  });

  it('answers another date before a policy exception expires, and runs afresh once it has, as a scan run on that date', async () => {
    const root = project();
    const cache = tempDir();
    const policy = { ...defaultPolicy(), exceptions: [{ package: 'b', version: '*', reason: 'bought a licence', expires: '2026-01-01', location: { file: 'copyfair.yaml', line: 3 } }] };
    const withPolicy = (date: string, kept: boolean) => {
      const replay = openScanReplay(cache, 'build-a', root);
      const { hooks } = policyHooks(policy, { date, readFile: () => undefined });
      return scanned(root, undefined, { profile: { date }, hooks, ...(kept ? { replay: { kept: replay, hooks: policy } } : {}) });
    };
    await withPolicy('2025-12-01', true);
    expect((await withPolicy('2025-12-01', true)).evaluated).toBe(0);
    // Its last day: not expired yet, the same answer.
    const last = await withPolicy('2026-01-01', true);
    expect(last.evaluated).toBe(0);
    expect(await rendered(last.report)).toEqual(await rendered((await withPolicy('2026-01-01', false)).report));
    const expired = await withPolicy('2026-01-02', true);
    expect(expired.evaluated).toBe(2);
    expect(expired.report.diagnostics.map((d) => d.code)).toContain('config-exception-expired');
    expect(await rendered(expired.report)).toEqual(await rendered((await withPolicy('2026-01-02', false)).report));
  });

  it('runs afresh on another date when the report names the date anywhere but its profile', async () => {
    const root = project();
    const cache = tempDir();
    // A package whose version is the date.
    writeFileSync(join(root, 'node_modules/b/package.json'), JSON.stringify({ name: 'b', version: '2026-01-01', license: 'ISC' }));
    await scanned(root, cache);
    expect((await scanned(root, cache)).evaluated).toBe(0);
    expect((await scanned(root, cache, { profile: { date: '2026-01-02' } })).evaluated).toBe(2);
  });

  it('keeps no scan given hooks no plain data describes, and answers hooks only for the same description', async () => {
    const root = project();
    const cache = tempDir();
    const hooks: ScanHooks = { ignore: (component) => component.name === 'b' };
    const undescribed = openScanReplay(cache, 'build-a', root);
    await scan(root, { profile: PROFILE, toolVersion: 'test', hooks, replay: { kept: undescribed } });
    expect(readdirSync(cache)).toEqual([]);
    const described = (description: unknown) => scanned(root, cache, { hooks, replay: { kept: openScanReplay(cache, 'build-a', root), hooks: description } });
    expect((await described({ ignore: ['b'] })).evaluated).toBe(1);
    expect((await described({ ignore: ['b'] })).evaluated).toBe(0);
    expect((await described({ ignore: ['b', 'c'] })).evaluated).toBe(1);
    // A description that is no plain data keeps nothing more.
    const files = readdirSync(cache).length;
    await described({ ignore: new Set(['b']) });
    expect(readdirSync(cache)).toHaveLength(files);
  });

  it('reads again what the hooks read through its reader, and runs afresh when that changed', async () => {
    const root = project();
    const cache = tempDir();
    writeFileSync(join(root, 'ignored.txt'), 'b');
    const raw = (path: string) => {
      try {
        return readFileSync(join(root, path));
      } catch {
        return undefined;
      }
    };
    const run = () => {
      const kept = openScanReplay(cache, 'build-a', root);
      const readFile = kept.reader(raw);
      const hooks: ScanHooks = { ignore: (component) => readFile('ignored.txt')?.toString() === component.name };
      return scanned(root, cache, { hooks, replay: { kept, hooks: { ignoredFrom: 'ignored.txt' } } });
    };
    expect(expressions((await run()).report)).toEqual({ a: 'MIT' });
    expect((await run()).evaluated).toBe(0);
    writeFileSync(join(root, 'ignored.txt'), 'a');
    const after = await run();
    expect(after.evaluated).toBe(1);
    expect(expressions(after.report)).toEqual({ b: 'ISC' });
  });

  it("reads the platform's libc again when the scan read it", async () => {
    const root = tempDir();
    const packages: Record<string, object> = { '': { name: 'app', version: '1.0.0', dependencies: { sharp: '0.33.0' } }, 'node_modules/sharp': { version: '0.33.0', license: 'Apache-2.0', optionalDependencies: { '@img/glibc': '1.0.0', '@img/musl': '1.0.0' } } };
    for (const libc of ['glibc', 'musl']) packages[`node_modules/@img/${libc}`] = { version: '1.0.0', license: 'LGPL-3.0-or-later', optional: true, os: ['linux'], libc: [libc] };
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { sharp: '0.33.0' } }));
    writeFileSync(join(root, 'package-lock.json'), JSON.stringify({ name: 'app', lockfileVersion: 3, packages }));
    const cache = tempDir();
    const names = (report: Report) => report.components.map((c) => c.name);
    const on = (libc: string) => scanned(root, cache, { platform: { os: 'linux', cpu: 'x64', libc } });
    expect(names((await on('glibc')).report)).toEqual(['@img/glibc', 'sharp']);
    const musl = await on('musl');
    expect(musl.evaluated).toBeGreaterThan(0);
    expect(names(musl.report)).toEqual(['@img/musl', 'sharp']);
  });

  it("marks the project's identifications and readings used when it answers, so a month of kept scans does not lose them", async () => {
    const root = project();
    const cache = tempDir();
    const withCaches = async () => {
      const identificationCache = openIdentificationCache(cache, 'build-a');
      const readingCache = openReadingCache(cache, 'build-a', root);
      const result = await scanned(root, cache, { identificationCache, readingCache });
      // As the CLI does after a scan.
      identificationCache.save();
      readingCache.save();
      return result;
    };
    const first = await withCaches();
    expect(first.evaluated).toBe(2);
    const others = () => readdirSync(cache).filter((name) => !name.startsWith('scans-'));
    expect(others()).toHaveLength(2);
    const monthAgo = new Date(Date.now() - 40 * 24 * 3600 * 1000);
    for (const name of others()) utimesSync(join(cache, name), monthAgo, monthAgo);
    expect((await withCaches()).evaluated).toBe(0);
    for (const name of others()) expect(Date.now() - statSync(join(cache, name)).mtimeMs, name).toBeLessThan(60_000);
  });

  it('does not fail a scan when the cache folder cannot be made, and keeps nothing', async () => {
    const root = project();
    const blocked = join(tempDir(), 'not-a-folder');
    writeFileSync(blocked, 'a file where the cache folder would be');
    const first = await scanned(root, join(blocked, 'cache'));
    const again = await scanned(root, join(blocked, 'cache'));
    expect([first.evaluated, again.evaluated]).toEqual([2, 2]);
    expect(await rendered(again.report)).toEqual(await rendered((await scanned(root, undefined)).report));
  });

  it("never answers one folder's scan with another's, though they hold the same files", async () => {
    const root = project();
    const copy = tempDir();
    cpSync(root, copy, { recursive: true });
    const cache = tempDir();
    await scanned(root, cache);
    expect((await scanned(copy, cache)).evaluated).toBe(2);
    expect(readdirSync(cache)).toHaveLength(2);
  });

  it('reads a damaged or foreign file as no kept scan, and writes a sound one over it', async () => {
    const root = project();
    const cache = tempDir();
    const first = await scanned(root, cache);
    const [name] = readdirSync(cache);
    const file = join(cache, name!);
    const text = readFileSync(file, 'utf8');
    for (const damaged of [text.slice(0, -10), text.replace('"MIT"', '"ISC"'), '', 'not json\n{}', text.replace('build-a', 'build-b')]) {
      writeFileSync(file, damaged);
      const again = await scanned(root, cache);
      expect(again.evaluated).toBe(2);
      expect(await rendered(again.report)).toEqual(await rendered(first.report));
    }
    expect((await scanned(root, cache)).evaluated).toBe(0);
    // Another build's kept scans are never asked.
    const other = openScanReplay(cache, 'build-b', root);
    expect(await scan(root, { profile: PROFILE, toolVersion: 'test', replay: { kept: other } })).toBeDefined();
    expect(readdirSync(cache).filter((n) => n.startsWith('scans-build-b-'))).toHaveLength(1);
  });
});

// Where the temporary folder's file system keeps change times (on Linux, as the machines this runs on).
describe.runIf(keepsChangeTimes(tmpdir()))("a kept scan's reads vouched for by the disk's stamps", () => {
  // Changes a repeat scan must see, each made a tick of the file system's clock after the scan
  // that kept its stamps: a file's content, its place, a folder's entries, however the times look.
  const CHANGES: [string, (root: string) => void][] = [
    ['LICENSE refused, same size, old times put back', (root) => {
      const file = join(root, 'node_modules/a/LICENSE');
      const { atime, mtime } = statSync(file);
      writeFileSync(file, MIT.replace('Permission is hereby granted', 'Permission is hereby refused'));
      utimesSync(file, atime, mtime);
    }],
    ['LICENSE written again, the same text', (root) => writeFileSync(join(root, 'node_modules/a/LICENSE'), MIT)],
    ['LICENSE touched', (root) => utimesSync(join(root, 'node_modules/a/LICENSE'), new Date(), new Date())],
    ["b's package.json GPL, same size, renamed over it with its old times", (root) => {
      const file = join(root, 'node_modules/b/package.json');
      const { atime, mtime } = statSync(file);
      writeFileSync(`${file}.new`, readFileSync(file, 'utf8').replace('"ISC"', '"GPL"'));
      utimesSync(`${file}.new`, atime, mtime);
      renameSync(`${file}.new`, file);
    }],
    ["b's package.json copied over itself, a new file of the same text", (root) => {
      const file = join(root, 'node_modules/b/package.json');
      writeFileSync(`${file}.new`, readFileSync(file));
      renameSync(`${file}.new`, file);
    }],
    ['a NOTICE added beside LICENSE', (root) => writeFileSync(join(root, 'node_modules/a/NOTICE'), 'Parts are GPL-3.0-only.\n')],
    ['LICENSE made a link to a refusal', (root) => {
      writeFileSync(join(root, 'node_modules/a/OTHER'), 'All rights reserved. No permission is granted.\n');
      rmSync(join(root, 'node_modules/a/LICENSE'));
      symlinkSync('OTHER', join(root, 'node_modules/a/LICENSE'));
    }],
    ['LICENSE given other permissions', (root) => chmodSync(join(root, 'node_modules/a/LICENSE'), 0o600)],
    ['package c installed', (root) => {
      mkdirSync(join(root, 'node_modules/c'));
      writeFileSync(join(root, 'node_modules/c/package.json'), JSON.stringify({ name: 'c', version: '1.0.0', license: 'BUSL-1.1' }));
    }],
  ];

  it('reads no file again while the tree is unchanged, and keeps no stamp for what had just changed', async () => {
    const root = project();
    const cache = tempDir();
    // Written just now: nothing settled, no stamp kept, every file read again.
    await scanned(root, cache);
    expect(keptReads(cache).filter((read) => read.length === 5)).toEqual([]);
    const fresh: string[] = [];
    expect((await scanned(root, cache, { fs: counting(diskFs(root), fresh) })).evaluated).toBe(0);
    expect(fresh).toContain('node_modules/a/LICENSE');
    rmSync(cache, { recursive: true });
    mkdirSync(cache);
    await settled(async () => {
      const first = await scanned(root, cache);
      const kept = keptReads(cache);
      const stamped = kept.filter((read) => read.length === 5).map((read) => read[1]);
      expect(stamped).toEqual(kept.filter((read) => ['t', 'b'].includes(read[0]) && !String(read[3]).startsWith('!')).map((read) => read[1]));
      expect(stamped).toEqual(expect.arrayContaining(['package.json', 'node_modules/a/LICENSE', 'node_modules/b/package.json']));
      const reads: string[] = [];
      const asked: string[] = [];
      const again = await scanned(root, cache, { fs: counting(diskFs(root), reads, asked) });
      expect(again.evaluated).toBe(0);
      // The folders listed again, no file read.
      expect(reads.toSorted()).toEqual(kept.filter((read) => read[0] === 'l').map((read) => read[1]).toSorted());
      expect(asked.toSorted()).toEqual(stamped.toSorted());
      expect(await rendered(again.report)).toEqual(await rendered(first.report));
    });
  });

  it.each(CHANGES)('sees %s: the report of a scan with nothing kept', async (_, change) => {
    const root = project();
    const cache = tempDir();
    await settled(() => scanned(root, cache));
    await nextTick();
    change(root);
    await settled(async () => {
      const after = await scanned(root, cache);
      expect(await rendered(after.report)).toEqual(await rendered((await scanned(root, undefined)).report));
    });
  });

  it('answers as reading every file again answers, after any changes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.subarray(CHANGES.map((_, at) => at)), fc.boolean(), async (picked, withLock) => {
        const root = project();
        if (withLock) writeFileSync(join(root, 'package-lock.json'), JSON.stringify({ name: 'app', version: '1.0.0', lockfileVersion: 3, packages: { '': { name: 'app', version: '1.0.0', dependencies: { a: '1.0.0', b: '1.0.0' } }, 'node_modules/a': { version: '1.0.0', license: 'MIT' }, 'node_modules/b': { version: '1.0.0', license: 'ISC' } } }));
        const cache = tempDir();
        await settled(() => scanned(root, cache));
        await nextTick();
        for (const at of picked) CHANGES[at]![1](root);
        // The same kept scan asked twice: through the stamps, and by reading every file again.
        const unstamped = tempDir();
        cpSync(cache, unstamped, { recursive: true });
        await settled(async () => {
          const stamped = await scanned(root, cache);
          const read = await scanned(root, unstamped, { fs: { ...diskFs(root), stamps: undefined } });
          expect(stamped.evaluated).toBe(read.evaluated);
          expect(stamped.report).toEqual(read.report);
          expect(await rendered(stamped.report)).toEqual(await rendered((await scanned(root, undefined)).report));
        });
      }),
      { numRuns: 12 },
    );
  });

  /** A project of `count` installed MIT packages, each with its LICENSE. */
  const many = (count: number) => {
    const names = Array.from({ length: count }, (_, at) => `p${at}`);
    return writeTree(tempDir(), {
      'package.json': JSON.stringify({ name: 'app', version: '1.0.0', dependencies: Object.fromEntries(names.map((name) => [name, '1.0.0'])) }),
      ...Object.assign({}, ...names.map((name) => installed(name, '1.0.0', 'MIT', {}, MIT))),
    });
  };
  /** node_modules installed again: every file and folder another, with the same content. */
  const reinstall = (root: string) => {
    cpSync(join(root, 'node_modules'), join(root, 'node_modules.new'), { recursive: true });
    rmSync(join(root, 'node_modules'), { recursive: true });
    renameSync(join(root, 'node_modules.new'), join(root, 'node_modules'));
  };
  const keptFile = (cache: string) => join(cache, readdirSync(cache).find((name) => name.startsWith('scans-'))!);

  it(`stops asking once ${STAMPS_TRIED} stamps differ, more than are the same (a tree installed again), and still answers from the reads`, async () => {
    const root = many(100);
    const cache = tempDir();
    await settled(() => scanned(root, cache));
    const kept = keptReads(cache);
    const stamped = kept.filter((read) => read.length === 5).length;
    expect(stamped).toBeGreaterThan(STAMPS_TRIED * 2);
    await nextTick();
    reinstall(root);
    await settled(async () => {
      const asked: string[] = [];
      const reads: string[] = [];
      // (Its files' new stamps not kept: the next test.)
      const again = await scanned(root, cache, { fs: counting(diskFs(root), reads, asked), replay: { kept: openScanReplay(cache, 'build-a', root, { refresh: false }) } });
      expect(again.evaluated).toBe(0);
      // The project's own package.json kept its stamp; every stamp of node_modules differed.
      expect(asked).toHaveLength(STAMPS_TRIED + 1);
      expect(reads.length).toBe(stamped - 1 + kept.filter((read) => read[0] === 'l').length);
    });
  });

  /** A 40-package project scanned with its stamps kept, then installed again: its kept file, and that file's bytes before. */
  const scannedThenReinstalled = async () => {
    const root = many(40);
    const cache = tempDir();
    await settled(() => scanned(root, cache));
    const file = keptFile(cache);
    const before = readFileSync(file);
    await nextTick();
    reinstall(root);
    return { root, cache, file, before };
  };

  it(`keeps a kept scan's files' new stamps once ${RESTAMPED_TO_REFRESH} read the same under them, so the next scan reads none again; the report as it was`, async () => {
    const { root, cache, file, before } = await scannedThenReinstalled();
    await settled(async () => {
      const answered = await scanned(root, cache);
      expect(answered.evaluated).toBe(0);
      const after = readFileSync(file);
      // The report's bytes as they were; every file's stamp the one it has now.
      const report = (bytes: Buffer) => bytes.subarray(bytes.indexOf(0x0a, bytes.indexOf(0x0a) + 1) + 1);
      expect(report(after).equals(report(before))).toBe(true);
      const restamped = keptReads(cache);
      const files = diskFs(root);
      for (const read of restamped.filter((read) => read[0] === 't' || read[0] === 'b')) expect(read[4], read[1]).toBe(files.stamps!.now(read[1]));
      const reads: string[] = [];
      const asked: string[] = [];
      const again = await scanned(root, cache, { fs: counting(diskFs(root), reads, asked) });
      expect(again.evaluated).toBe(0);
      expect(reads.toSorted()).toEqual(restamped.filter((read) => read[0] === 'l').map((read) => read[1]).toSorted());
      expect(await rendered(again.report)).toEqual(await rendered(answered.report));
      expect(await rendered(again.report)).toEqual(await rendered((await scanned(root, undefined)).report));
    });
  });

  it('keeps no new stamps on a CI runner, which installs afresh before every scan, nor for a few files', async () => {
    const { root, cache, file, before } = await scannedThenReinstalled();
    await settled(async () => {
      const onRunner = scanReplayFor(root, { COPYFAIR_CACHE_DIR: cache, CI: 'true' }, true, 'build-a')!;
      expect((await scanned(root, cache, { replay: { kept: onRunner } })).evaluated).toBe(0);
      expect(readFileSync(file).equals(before)).toBe(true);
    });
    // A few files changed and back: fewer than RESTAMPED_TO_REFRESH read the same under new stamps.
    const small = project();
    const smallCache = tempDir();
    await settled(() => scanned(small, smallCache));
    const smallBefore = readFileSync(keptFile(smallCache));
    await nextTick();
    writeFileSync(join(small, 'node_modules/a/LICENSE'), MIT);
    await settled(async () => {
      expect((await scanned(small, smallCache)).evaluated).toBe(0);
      expect(readFileSync(keptFile(smallCache)).equals(smallBefore)).toBe(true);
    });
  });
});

describe('a kept scan of text beyond ASCII', () => {
  it('answers with the very characters, each part decoded as it was written; a byte changed inside one is no kept scan', async () => {
    // A declared licence with accents and a sign, a character outside the Basic Multilingual
    // Plane (two UTF-16 units) and a backslash before one, in a project folder named beyond ASCII.
    const declared = 'Licence de José Müller © 2024 — 🦀 \\’';
    const root = writeTree(join(tempDir(), 'prőject-ü'), {
      'package.json': JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { a: '1.0.0' } }),
      ...installed('a', '1.0.0', declared, {}, MIT),
    });
    const cache = tempDir();
    const first = await scanned(root, cache);
    expect(JSON.stringify(first.report)).toContain(JSON.stringify(declared));
    const again = await scanned(root, cache);
    expect(again.evaluated).toBe(0);
    expect(again.report).toEqual(first.report);
    expect(await rendered(again.report)).toEqual(await rendered((await scanned(root, undefined)).report));
    // "é" (C3 A9) made "ë" (C3 AB): still UTF-8 and JSON, no longer what was kept.
    const [name] = readdirSync(cache);
    const file = join(cache, name!);
    const bytes = readFileSync(file);
    const at = bytes.indexOf(Buffer.from('Jos\u00e9', 'utf8'));
    expect(at).toBeGreaterThan(0);
    bytes[at + 4] = 0xab;
    writeFileSync(file, bytes);
    const afresh = await scanned(root, cache);
    expect(afresh.evaluated).toBe(1);
    expect(afresh.report).toEqual(first.report);
  });
});

describe('the key of a kept scan', () => {
  it('is the same for the same plain data in any key order, and another for other data', () => {
    expect(keyOf({ a: 1, b: [1, 'x', null], c: { d: true } })).toBe(keyOf({ c: { d: true }, b: [1, 'x', null], a: 1 }));
    expect(keyOf({ a: 1 })).not.toBe(keyOf({ a: 2 }));
    expect(keyOf({ a: [1, 2] })).not.toBe(keyOf({ a: [2, 1] }));
    expect(keyOf({ a: undefined, b: 1 })).toBe(keyOf({ b: 1 }));
    expect(keyOf({ a: '1' })).not.toBe(keyOf({ a: 1 }));
  });

  it.each([[new Map()], [new Set()], [() => 1], [new Date(0)], [{ a: /x/ }], [{ a: Number.NaN }], [[1, new Map()]]])('is none for data that is not plain: %o', (value) => {
    expect(keyOf(value)).toBeUndefined();
  });
});

describe.runIf(built)('copyfair scan, built, with a policy', () => {
  it('keeps the scan in the cache folder, never the tree, answers it again the same, and runs afresh when the policy changes', () => {
    const root = tempDir();
    cpSync(new URL('../../fixtures/demo-app', import.meta.url).pathname, root, { recursive: true });
    cpSync(new URL('../../fixtures/policy/custom-licence/copyfair.yaml', import.meta.url).pathname, join(root, 'copyfair.yaml'));
    const cache = tempDir();
    const treeBefore = listing(root);
    const scanOnce = (env: Record<string, string> = { COPYFAIR_CACHE_DIR: cache }) => spawnCli(['scan', root, '--format', 'json', '--date', '2026-01-01'], undefined, env);
    const first = scanOnce();
    expect(readdirSync(cache).filter((name) => name.startsWith('scans-'))).toHaveLength(1);
    const again = scanOnce();
    expect([again.code, again.stdout, again.stderr]).toEqual([first.code, first.stdout, first.stderr]);
    expect(JSON.parse(first.stdout).components.find((c: { name: string }) => c.name === 'sneaky-mit').expression).toBe('LicenseRef-acme-commons');
    expect(listing(root)).toEqual(treeBefore);
    writeFileSync(join(root, 'copyfair.yaml'), readFileSync(join(root, 'copyfair.yaml'), 'utf8').replace('entity: worker-cooperative', 'entity: for-profit'));
    const treeChanged = listing(root);
    const changed = scanOnce();
    expect(changed.stdout).not.toBe(first.stdout);
    const fresh = scanOnce({ COPYFAIR_NO_CACHE: '1' });
    expect([changed.code, changed.stdout]).toEqual([fresh.code, fresh.stdout]);
    expect(listing(root)).toEqual(treeChanged);
  });
});

/** Every path below `root`, with its size and mtime: what a scan must leave as it was. */
function listing(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' }).sort().map((path) => {
    const stats = statSync(join(root, path));
    return `${path} ${stats.isDirectory() ? 'dir' : stats.size} ${stats.mtimeMs}`;
  });
}

describe('a kept scan written in parts', () => {
  it('is JSON.stringify\'s text, part by part', () => {
    fc.assert(
      fc.property(fc.anything({ withObjectString: true, withNullPrototype: true, withDate: true, maxDepth: 4 }), (value) => {
        const made = () => ({ value, list: [value, undefined, () => 1], gone: undefined, call: () => 1, at: new Date(0), inner: { value, gone: undefined, call: () => 1 } });
        for (const depth of [1, 2, 3]) {
          const parts: string[] = [];
          writeJson(made(), depth, (text) => parts.push(text));
          expect(parts.join('')).toBe(JSON.stringify(made()));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('the SHA-256 of what a scan read, worked out once', () => {
  it('is the SHA-256 of each value, however often and in whatever order it is asked for', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.uint8Array({ maxLength: 40 })), { maxLength: 12 }), fc.array(fc.nat(), { maxLength: 30 }), (values, picks) => {
        for (const pick of [...picks, ...values.keys()]) {
          const value = values[pick % Math.max(1, values.length)];
          if (value === undefined) continue;
          expect(sha256Hex(value)).toBe(createHash('sha256').update(value).digest('hex'));
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('the comparisons of a scan\'s date', () => {
  it('come out alike on two dates only on the same side of every limit, the limit itself as the comparison puts it', () => {
    expect(comparesAlike([['<', '2029-01-01']], '2028-01-01', '2028-12-31')).toBe(true);
    expect(comparesAlike([['<', '2029-01-01']], '2028-12-31', '2029-01-01')).toBe(false);
    expect(comparesAlike([['>=', '2029-01-01']], '2029-01-01', '2030-01-01')).toBe(true);
    expect(comparesAlike([['>', '2026-01-01']], '2025-12-01', '2026-01-01')).toBe(true);
    expect(comparesAlike([['>', '2026-01-01']], '2026-01-01', '2026-01-02')).toBe(false);
    expect(comparesAlike([['<', '2029-01-01'], ['>', '2026-01-01']], '2027-01-01', '2025-01-01')).toBe(false);
    expect(comparesAlike([], '1999-01-01', '2099-01-01')).toBe(true);
  });

  it('go to every recording under way, each once, and to none once stopped', () => {
    const first = recordDateComparisons();
    dateCompared('<', '2029-01-01');
    const second = recordDateComparisons();
    dateCompared('<', '2029-01-01');
    dateCompared('>', '2026-01-01');
    expect(second.stop()).toEqual([['<', '2029-01-01'], ['>', '2026-01-01']]);
    dateCompared('>=', '2030-01-01');
    expect(first.stop()).toEqual([['<', '2029-01-01'], ['>', '2026-01-01'], ['>=', '2030-01-01']]);
  });
});
