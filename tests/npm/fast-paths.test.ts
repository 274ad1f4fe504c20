// The scan's fast paths answer exactly as the plain code they replace: each is held to that code
// (kept beside it, or written out here) on generated inputs and on the real tree's own files.
import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortedPaths } from '../../src/ecosystems/npm/graph.js';
import { keyLines, keyLinesByLine, readPackageLock } from '../../src/ecosystems/npm/package-lock.js';
import { emptyTree, resolveDependency, resolveDependencyBySegments } from '../../src/ecosystems/npm/tree.js';
import { wellFormed } from '../../src/util/web-url.js';

const REAL_LOCK = new URL('../../fixtures/real-tree/package-lock.json', import.meta.url);

/** Texts made of the pieces a lockfile key line is made of, and of every line break JavaScript knows. */
const lockish = fc
  .array(fc.constantFrom('"', 'node_modules/', 'a', '@s/b', '{', '}', ':', ' ', '\t', '\n', '\r', '\r\n', '\u2028', '\u2029', '\u00a0', '\\', ',', '"x": {', '\n  "node_modules/y": {'), { maxLength: 60 })
  .map((parts) => parts.join(''));

describe('lockfile key lines', () => {
  it('are found without splitting the text, exactly as line by line', () => {
    fc.assert(
      fc.property(lockish, (text) => {
        expect([...keyLines(text)]).toEqual([...keyLinesByLine(text)]);
      }),
      { numRuns: 3000 },
    );
  });

  it('skip a key line over 4096 characters as before', () => {
    const long = `{\n  "node_modules/a": {${' '.repeat(5000)}\n  "node_modules/b": {\n}`;
    expect([...keyLines(long)]).toEqual([['node_modules/b', 3]]);
    expect([...keyLines(long)]).toEqual([...keyLinesByLine(long)]);
  });

  it('count only \\n as a line break', () => {
    const text = '{\r  "a": {\u2028  "b": {\n\r"c": {\n "c": {';
    expect([...keyLines(text)]).toEqual([...keyLinesByLine(text)]);
    expect(keyLines(text).get('c')).toBe(2);
  });

  it.runIf(existsSync(REAL_LOCK))('match on the real tree’s lockfile', () => {
    const text = readFileSync(REAL_LOCK, 'utf8');
    const lines = keyLines(text);
    expect(lines.size).toBeGreaterThan(1000);
    expect([...lines]).toEqual([...keyLinesByLine(text)]);
  });
});

/** sortedPaths as it was: every list deduplicated and sorted. */
function sortedPathsPlain(paths: string[][]): string[][] {
  const unique = [...new Map(paths.map((path) => [path.join('\u0000'), path])).values()];
  return unique.sort((a, b) => a.length - b.length || (a.join('/') < b.join('/') ? -1 : a.join('/') > b.join('/') ? 1 : 0)).slice(0, 10);
}

describe('sorted paths', () => {
  it('are the plain sort’s, short lists included', () => {
    const name = fc.constantFrom('a', 'b', 'B', 'ä', '@s/a', 'a-b', 'a/b', '…', '1', '10', '2');
    fc.assert(
      fc.property(fc.array(fc.array(name, { minLength: 1, maxLength: 4 }), { maxLength: 14 }), (paths) => {
        expect(sortedPaths(paths)).toEqual(sortedPathsPlain(paths));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('well-formed text', () => {
  it('replaces lone surrogates as before, and leaves all else as it is', () => {
    const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', '\ud83d', '\ude00', '\ud83d\ude00', 'é', '%', ' '), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(wellFormed(text)).toBe(text.replace(lone, '\ufffd'));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('dependency resolution', () => {
  it('walks up the same folders as over split segments', () => {
    const segment = fc.constantFrom('node_modules', 'a', '@s', 'b', '', 'node_modules2', 'xnode_modules', 'node_modulez');
    const path = fc.array(segment, { maxLength: 7 }).map((parts) => parts.join('/'));
    fc.assert(
      fc.property(fc.array(path, { maxLength: 6 }), fc.array(fc.tuple(path, path), { maxLength: 4 }), path, fc.constantFrom('a', 'b', '@s/a'), fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), (entries, links, from, name, pick) => {
        const tree = emptyTree();
        // Installs where the walk looks, some of them: every prefix of `from` with node_modules/<name>.
        const parts = from === '' ? [] : from.split('/');
        const near = parts.map((_, length) => [...parts.slice(0, length), 'node_modules', name].join('/'));
        for (const entry of [...entries, ...near.filter((_, index) => pick[index % pick.length])]) tree.entries.set(entry, { path: entry, name: 'x', version: '1', dependencies: [], location: { file: entry } });
        for (const [link, to] of links) tree.links.set(link, to);
        expect(resolveDependency(tree, from, name)).toBe(resolveDependencyBySegments(tree, from, name));
      }),
      { numRuns: 5000 },
    );
  });

  it('finds the nearest install first', () => {
    const tree = emptyTree();
    for (const path of ['node_modules/a', 'node_modules/b', 'node_modules/b/node_modules/a', '/x/node_modules/a']) tree.entries.set(path, { path, name: 'a', version: '1', dependencies: [], location: { file: path } });
    expect(resolveDependency(tree, 'node_modules/b', 'a')).toBe('node_modules/b/node_modules/a');
    expect(resolveDependency(tree, 'node_modules/b/node_modules/a', 'b')).toBe('node_modules/b');
    expect(resolveDependency(tree, '/x', 'a')).toBe('/x/node_modules/a');
    expect(resolveDependency(tree, '', 'c')).toBeUndefined();
  });
});

describe('lockfile dependency ranges', () => {
  it('keep every string range, `__proto__` included, in order', () => {
    const tree = emptyTree();
    const lock = '{"lockfileVersion":3,"packages":{"":{"dependencies":{"b":"1","__proto__":"2","a":{"x":1},"10":"3"}},"node_modules/b":{"version":"1.0.0"}}}';
    readPackageLock('package-lock.json', lock, tree);
    expect(tree.entries.get('')!.dependencies).toEqual([
      { name: '10', kind: 'prod' },
      { name: '__proto__', kind: 'prod' },
      { name: 'b', kind: 'prod' },
    ]);
  });
});

describe('a lockfile read beside node_modules', () => {
  const locks = ['fixtures/npm/lock-v1/package-lock.json', 'fixtures/npm/lock-v3/package-lock.json', 'fixtures/real-tree/package-lock.json'].map((file) => new URL(`../../${file}`, import.meta.url));
  it.each(locks.filter((file) => existsSync(file)).map((file) => [file.pathname.split('/fixtures/')[1]!, file]))('%s: without dependencies, every entry is the same but for them', (_, file) => {
    const text = readFileSync(file, 'utf8');
    const full = emptyTree();
    const lean = emptyTree();
    readPackageLock('package-lock.json', text, full);
    readPackageLock('package-lock.json', text, lean, { dependencies: false });
    expect([...lean.entries.keys()]).toEqual([...full.entries.keys()]);
    expect(lean.links).toEqual(full.links);
    for (const [path, entry] of full.entries) expect(lean.entries.get(path)).toEqual({ ...entry, dependencies: [] });
    expect([...full.entries.values()].some((entry) => entry.dependencies.length > 0)).toBe(true);
  });
});
