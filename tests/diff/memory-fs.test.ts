// The in-memory tree a revision's or a lockfile's files are scanned from (src/diff/memory-fs.ts)
// works its folders out once: it answers as the search of every file it replaced, and a thousand
// look-ups search no file list (a 5,000-workspace revision took seconds that way). And the index of
// the projects that depend on each package directly (src/ecosystems/npm/graph.ts) names the
// projects asking each in turn named.
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryFs } from '../../src/diff/memory-fs.js';
import { FileError, type Entry } from '../../src/ecosystems/fs.js';
import { directDependents, type Graph, type GraphNode } from '../../src/ecosystems/npm/graph.js';

/** The folder answers as memoryFs gave them before: each a search of every file. */
function searched(files: Map<string, Buffer | undefined>) {
  const isDirectory = (path: string) => path === '' || path === '.' || [...files.keys()].some((file) => file.startsWith(`${path}/`));
  const list = (path: string): Entry[] => {
    const prefix = path === '' || path === '.' ? '' : `${path}/`;
    const entries = new Map<string, Entry>();
    for (const file of files.keys()) {
      if (!file.startsWith(prefix)) continue;
      const [name, ...rest] = file.slice(prefix.length).split('/');
      entries.set(name!, { name: name!, kind: rest.length > 0 ? 'directory' : 'file' });
    }
    if (entries.size === 0 && !isDirectory(path)) throw new FileError(path, 'missing', 'no such file or folder');
    return [...entries.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  };
  return { isDirectory, list, exists: (path: string) => files.has(path) || isDirectory(path) };
}

const answer = async <T>(ask: () => T | Promise<T>) => {
  try {
    return { value: await ask() };
  } catch (error) {
    return { error: (error as FileError).problem };
  }
};

const segment = fc.constantFrom('a', 'b', 'ab', 'package.json', 'node_modules', 'LICENSE');
const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('/'));

describe('the in-memory tree', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('lists, finds folders and says what is there as the search of every file did', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(path, { maxLength: 12 }), fc.array(fc.oneof(path, fc.constantFrom('', '.', 'a/', 'zz')), { maxLength: 8 }), async (paths, asked) => {
        const files = new Map(paths.map((file) => [file, Buffer.from(file)] as const));
        const fs = memoryFs('/project', files);
        const reference = searched(files);
        for (const where of asked) {
          expect(await answer(() => fs.list(where)), where).toEqual(await answer(() => reference.list(where)));
          expect(await fs.isDirectory(where), where).toBe(reference.isDirectory(where));
          expect(await fs.exists(where), where).toBe(reference.exists(where));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('searches no list of its files when asked', async () => {
    const files = new Map(Array.from({ length: 2_000 }, (_, i) => [`packages/p${i}/package.json`, Buffer.from('{}')] as const));
    const fs = memoryFs('/project', files);
    const keys = vi.spyOn(Map.prototype, 'keys');
    for (let i = 0; i < 2_000; i++) {
      expect(await fs.isDirectory(`packages/p${i}`)).toBe(true);
      expect(await fs.list(`packages/p${i}`)).toEqual([{ name: 'package.json', kind: 'file' }]);
    }
    expect(keys).not.toHaveBeenCalled();
  });
});

describe("the projects that depend on each package directly", () => {
  it('are those asking each project in turn finds, in the projects’ order', () => {
    const graph = fc.record({
      roots: fc.array(fc.constantFrom('r0', 'r1', 'r2', 'r3'), { maxLength: 5 }),
      edges: fc.dictionary(fc.constantFrom('r0', 'r1', 'r2', 'r3'), fc.array(fc.constantFrom('x', 'y', 'z', 'r1'), { maxLength: 4 })),
    });
    fc.assert(
      fc.property(graph, ({ roots, edges }) => {
        const nodes = new Map<string, GraphNode>(Object.entries(edges).map(([key, to]) => [key, { key, name: key, version: '1.0.0', entry: {} as GraphNode['entry'], edges: to.map((target) => ({ to: target, kind: 'prod' as const })) }]));
        const index = directDependents({ nodes, roots } satisfies Graph);
        for (const key of ['x', 'y', 'z', 'r1', 'w']) {
          expect(index.get(key) ?? [], key).toEqual(roots.filter((root) => nodes.get(root)?.edges.some((edge) => edge.to === key)));
        }
      }),
      { numRuns: 300 },
    );
  });
});
