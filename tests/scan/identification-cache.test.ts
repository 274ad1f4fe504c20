// Identifications kept between scans: the same answers as without them, every text identified once
// per machine, and a damaged, foreign or unwritable cache never changes an answer or fails a scan.
import { chmodSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFingerprint, cacheDir, identificationCacheFor } from '../../src/cli/identification-cache.js';
import { openIdentificationCache, type IdentificationCache } from '../../src/scan/identification-cache.js';
import { scan } from '../../src/scan/index.js';
import type { Identified } from '../../src/scan/licence-read.js';
import type { Report } from '../../src/types.js';
import { built, spawnCli } from '../cli/run.js';
import { temporaryFolders } from './temporary-folders.js';

const tempDir = temporaryFolders('copyfair-cache-');

const mit: Identified = { expression: 'MIT', matches: [{ id: 'MIT', start: 3, end: 21, confidence: 0.99 }], candidates: [{ id: 'MIT', confidence: 0.99 }] } as Identified;
const unknown: Identified = { expression: null, matches: [], candidates: [{ id: 'BSD-3-Clause', confidence: 0.6 }], reason: 'a clause no BSD text has', unexplained: [{ start: 4, end: 6, words: 'you shall not' }] } as Identified;

/** A cache that counts what the scan asked of it and what it had to identify. */
function counting(inner: IdentificationCache) {
  const counts = { hits: 0, misses: 0, identified: 0 };
  const keys: string[] = [];
  const cache: IdentificationCache = {
    get(key) {
      const found = inner.get(key);
      if (found) counts.hits++;
      else counts.misses++;
      return found;
    },
    set(key, found) {
      counts.identified++;
      keys.push(key);
      inner.set(key, found);
    },
    save: () => inner.save(),
  };
  return { cache, counts, keys };
}

const withoutTool = (report: Report) => JSON.stringify({ ...report, tool: undefined });

describe('the identification cache', () => {
  it('gives back what a scan kept, in a later process, as it was', () => {
    const dir = tempDir();
    const first = openIdentificationCache(dir, 'build-a');
    expect(first.get('k1')).toBeUndefined();
    first.set('k1', mit);
    first.set('readme:k2', unknown);
    first.save();
    const second = openIdentificationCache(dir, 'build-a');
    expect(second.get('k1')).toEqual(mit);
    expect(second.get('readme:k2')).toEqual(unknown);
    expect(second.get('k2')).toBeUndefined();
  });

  it("removes another build's file no scan has used for a month, and keeps one that still answers", () => {
    const dir = tempDir();
    for (const build of ['old-unused', 'old-used']) {
      const cache = openIdentificationCache(dir, build);
      cache.set('k1', mit);
      cache.save();
    }
    const monthAgo = new Date(Date.now() - 31 * 24 * 3600 * 1000);
    for (const name of readdirSync(dir)) utimesSync(join(dir, name), monthAgo, monthAgo);
    expect(openIdentificationCache(dir, 'old-used').get('k1')).toEqual(mit);
    const current = openIdentificationCache(dir, 'current');
    current.set('k1', mit);
    current.save();
    expect(readdirSync(dir).sort()).toEqual(['identifications-current.bin', 'identifications-old-used.bin']);
  });

  it('never gives one build the answers of another', () => {
    const dir = tempDir();
    const a = openIdentificationCache(dir, 'build-a');
    a.set('k1', mit);
    a.save();
    expect(openIdentificationCache(dir, 'build-b').get('k1')).toBeUndefined();
    expect(openIdentificationCache(dir, 'build-a').get('k1')).toEqual(mit);
  });

  it('reads a damaged file as an empty cache and writes a sound one over it', () => {
    const dir = tempDir();
    const a = openIdentificationCache(dir, 'build-a');
    a.set('k1', mit);
    a.set('k2', unknown);
    a.save();
    const [file] = readdirSync(dir);
    const path = join(dir, file!);
    const whole = readFileSync(path);
    for (const damaged of [Buffer.alloc(0), Buffer.from('not a cache'), whole.subarray(0, whole.length - 7), Buffer.concat([whole.subarray(0, 40), Buffer.from('}{'), whole.subarray(42)])]) {
      writeFileSync(path, damaged);
      const b = openIdentificationCache(dir, 'build-a');
      expect(() => b.get('k1')).not.toThrow();
      b.set('k3', mit);
      b.save();
      expect(openIdentificationCache(dir, 'build-a').get('k3')).toEqual(mit);
    }
    // An answer whose bytes are not an identification is a miss, not an answer.
    const c = openIdentificationCache(dir, 'build-a');
    c.set('odd', { expression: 42 } as unknown as Identified);
    c.save();
    expect(openIdentificationCache(dir, 'build-a').get('odd')).toBeUndefined();
  });

  it('keeps the answers recent scans used when it is full', () => {
    const dir = tempDir();
    const first = openIdentificationCache(dir, 'build-a', 3);
    for (const key of ['a', 'b', 'c']) first.set(key, mit);
    first.save();
    const second = openIdentificationCache(dir, 'build-a', 3);
    expect(second.get('b')).toEqual(mit);
    second.set('d', unknown);
    second.save();
    const third = openIdentificationCache(dir, 'build-a', 3);
    expect(['a', 'b', 'c', 'd'].filter((key) => third.get(key) !== undefined)).toEqual(expect.arrayContaining(['b', 'd']));
    expect(['a', 'b', 'c', 'd'].filter((key) => openIdentificationCache(dir, 'build-a', 3).get(key) !== undefined)).toHaveLength(3);
  });

  it.skipIf(process.getuid?.() === 0)('fails quietly where it cannot write', () => {
    const dir = tempDir();
    chmodSync(dir, 0o500);
    const cache = openIdentificationCache(join(dir, 'sub'), 'build-a');
    cache.set('k1', mit);
    expect(() => cache.save()).not.toThrow();
  });

  it('does not fail a scan when the folder cannot be made', () => {
    const dir = tempDir();
    const blocker = join(dir, 'file');
    writeFileSync(blocker, 'a file where the cache folder would be');
    const cache = openIdentificationCache(join(blocker, 'copyfair'), 'build-a');
    expect(cache.get('k1')).toBeUndefined();
    cache.set('k1', mit);
    expect(() => cache.save()).not.toThrow();
  });
});

describe('a scan with kept identifications', () => {
  // venv-app's traitlets and the SBOM's coop-widget carry a whole licence text in metadata, kept under text:<sha256>.
  const projects: [string, string | undefined][] = [
    ['fixtures/demo-app', undefined],
    ['fixtures/mixed/service-with-frontend', undefined],
    ['fixtures/python/venv-app', undefined],
    ['fixtures/sbom/cyclonedx-npm', 'demo-app.cdx.json'],
  ];
  for (const [project, sbom] of projects) {
    it(`${project}: the same report, and no text identified twice on one machine`, async () => {
      const options = { profile: { entity: 'for-profit' as const, date: '2026-01-01' }, toolVersion: 'test', ...(sbom ? { sbom } : {}) };
      const fresh = await scan(project, options);
      const dir = tempDir();
      const first = counting(openIdentificationCache(dir, 'build-a'));
      const cold = await scan(project, { ...options, identificationCache: first.cache });
      expect(first.counts.identified).toBeGreaterThan(0);
      // Nothing was kept before: a hit is a text met again in this scan, and no text is identified twice.
      expect(new Set(first.keys).size).toBe(first.keys.length);
      const texts = first.keys.filter((key) => key.startsWith('text:') || key.startsWith('file:')).length;
      // A Python License field holding a licence text is read as a licence file's text is ("file:").
      if (project.includes('python')) expect(first.keys.filter((key) => key.startsWith('file:'))).toHaveLength(1);
      if (sbom) expect(texts).toBeGreaterThan(1);
      // A second scan in the same process (a diff's head after its base) reads what the first identified.
      const identified = first.counts.identified;
      const hitsBefore = first.counts.hits;
      const again = await scan(project, { ...options, identificationCache: first.cache });
      expect(first.counts.identified).toBe(identified);
      expect(first.counts.hits - hitsBefore).toBeGreaterThanOrEqual(identified);
      expect(withoutTool(again)).toBe(withoutTool(fresh));
      first.cache.save();
      const second = counting(openIdentificationCache(dir, 'build-a'));
      const warm = await scan(project, { ...options, identificationCache: second.cache });
      expect(second.counts.identified).toBe(0);
      expect(second.counts.hits).toBeGreaterThanOrEqual(identified);
      expect(withoutTool(cold)).toBe(withoutTool(fresh));
      expect(withoutTool(warm)).toBe(withoutTool(fresh));
    });
  }
});

describe('where the CLI keeps identifications', () => {
  it('in $COPYFAIR_CACHE_DIR, else the platform cache folder', () => {
    expect(cacheDir({ COPYFAIR_CACHE_DIR: '/somewhere/cache' })).toBe('/somewhere/cache');
    if (process.platform === 'linux') {
      expect(cacheDir({ XDG_CACHE_HOME: '/xdg' })).toBe('/xdg/copyfair');
      expect(cacheDir({ HOME: '/home/ada' })).toBe('/home/ada/.cache/copyfair');
      expect(cacheDir({ XDG_CACHE_HOME: 'relative', HOME: '/home/ada' })).toBe('/home/ada/.cache/copyfair');
    }
  });

  it('nowhere with --no-cache, COPYFAIR_NO_CACHE, a cache folder inside the scanned tree, or a build without a fingerprint', () => {
    const dir = tempDir();
    const project = join(dir, 'project');
    const cache = join(dir, 'cache');
    const open = (root: string, variables: NodeJS.ProcessEnv, wanted = true, fingerprint: string | null = 'build-a') => identificationCacheFor(root, variables, wanted, fingerprint);
    expect(open(project, { COPYFAIR_CACHE_DIR: cache })).toBeDefined();
    expect(open(project, { COPYFAIR_CACHE_DIR: cache }, false)).toBeUndefined();
    expect(open(project, { COPYFAIR_CACHE_DIR: cache, COPYFAIR_NO_CACHE: '1' })).toBeUndefined();
    expect(open(project, { COPYFAIR_CACHE_DIR: cache, COPYFAIR_NO_CACHE: '0' })).toBeDefined();
    expect(open(project, { COPYFAIR_CACHE_DIR: join(project, '.cache') })).toBeUndefined();
    expect(open(project, { COPYFAIR_CACHE_DIR: project })).toBeUndefined();
    expect(open(project, { XDG_CACHE_HOME: project })).toBeUndefined();
    expect(open(project, { COPYFAIR_CACHE_DIR: cache }, true, null)).toBeUndefined();
  });

  it('from the sources (no dist/build-id.json beside them) answers are never kept', () => {
    expect(buildFingerprint()).toBeNull();
    expect(identificationCacheFor('/project', { COPYFAIR_CACHE_DIR: tempDir() })).toBeUndefined();
  });
});

describe.skipIf(!built)('copyfair scan, built, with its cache folder', () => {
  it('keeps the identifications outside the tree and gives the same report from them; --no-cache keeps nothing', () => {
    const dir = tempDir();
    const out = tempDir();
    const args = (file: string) => ['scan', 'fixtures/demo-app', '--format', 'json', '--output', join(out, file), '--date', '2026-01-01'];
    const none = spawnCli([...args('none.json'), '--no-cache'], undefined, { COPYFAIR_CACHE_DIR: dir });
    expect(readdirSync(dir)).toEqual([]);
    const cold = spawnCli(args('cold.json'), undefined, { COPYFAIR_CACHE_DIR: dir });
    expect(readdirSync(dir).sort()).toEqual([expect.stringMatching(/^identifications-[0-9a-f]{32}\.bin$/), expect.stringMatching(/^readings-[0-9a-f]{32}-[0-9a-f]{16}\.json$/), expect.stringMatching(/^scans-[0-9a-f]{32}-[0-9a-f]{24}\.json$/)]);
    const warm = spawnCli(args('warm.json'), undefined, { COPYFAIR_CACHE_DIR: dir });
    expect([none.code, cold.code, warm.code]).toEqual([none.code, none.code, none.code]);
    const report = (file: string) => ({ ...JSON.parse(readFileSync(join(out, file), 'utf8')), tool: undefined });
    expect(report('cold.json')).toEqual(report('none.json'));
    expect(report('warm.json')).toEqual(report('none.json'));
  });

  it('copyfair diff keeps them too, and keeps nothing with --no-cache, as scan', () => {
    const dir = tempDir();
    const args = ['diff', 'fixtures/diff/before-ui-kit', 'fixtures/demo-app', '--format', 'json', '--date', '2026-01-01'];
    const none = spawnCli([...args, '--no-cache'], undefined, { COPYFAIR_CACHE_DIR: dir });
    expect(none.stderr).toBe('');
    expect(readdirSync(dir)).toEqual([]);
    const kept = spawnCli(args, undefined, { COPYFAIR_CACHE_DIR: dir });
    expect(readdirSync(dir).some((file) => file.startsWith('identifications-'))).toBe(true);
    expect(JSON.parse(kept.stdout)).toEqual(JSON.parse(none.stdout));
  });

  it.each([['notice'], ['payback']])('copyfair %s keeps them too, and keeps nothing with --no-cache', (command) => {
    const dir = tempDir();
    const none = spawnCli([command, 'fixtures/demo-app', '--date', '2026-01-01', '--no-cache'], undefined, { COPYFAIR_CACHE_DIR: dir });
    expect(none.stderr).not.toMatch(/unknown option|error/i);
    expect(readdirSync(dir)).toEqual([]);
    const kept = spawnCli([command, 'fixtures/demo-app', '--date', '2026-01-01'], undefined, { COPYFAIR_CACHE_DIR: dir });
    expect(readdirSync(dir).some((file) => file.startsWith('identifications-'))).toBe(true);
    expect(kept.stdout).toBe(none.stdout);
  });
});
