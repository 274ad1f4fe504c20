// npm's workspace patterns are globbed through the scan's ReadOnlyFs (src/ecosystems/glob-fs.ts),
// so a git revision's workspaces are its own. Globbed through the disk's fs or through a memory
// tree of the same files, a pattern finds what the glob library finds on the disk itself.
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { globby } from 'globby';
import { describe, expect, it } from 'vitest';
import { projectFilesFs } from '../../src/diff/sides.js';
import { diskFs } from '../../src/ecosystems/fs.js';
import { globFs } from '../../src/ecosystems/glob-fs.js';
import { temporaryFolder, writeTree } from '../hostile/generate.js';

const manifest = JSON.stringify({ name: 'x', version: '1.0.0' });
const FOLDERS = ['packages/a', 'packages/b', 'packages/b/nested', 'packages/.hidden', 'apps/web', 'apps/web/sub/deep', 'apps/api', 'libs/a', 'libs/b', 'libs/c', 'tools/x1', 'tools/x22', 'node_modules/dep', 'packages/a/node_modules/inner', 'Packages/upper', 'with space/one'];
const PATTERNS = ['packages/*', 'packages/**', 'apps/**', 'apps/*/sub/*', 'libs/{a,b}', 'libs/[ac]', 'tools/x?', 'tools/*', '*', '**', 'packages/a', 'packages/missing', 'Packages/*', 'with space/*', '!(node_modules)/*'];

describe('workspace patterns through a ReadOnlyFs', () => {
  const root = writeTree(temporaryFolder(), {
    'package.json': manifest,
    ...Object.fromEntries(FOLDERS.map((folder) => [`${folder}/package.json`, manifest])),
    'packages/a/README.md': 'not a folder',
  });
  mkdirSync(join(root, 'empty/folder'), { recursive: true });
  symlinkSync('../packages/a', join(root, 'apps/linked'));
  // As the npm reader globs (src/ecosystems/npm/index.ts, findProjects).
  const found = async (pattern: string, fs?: Parameters<typeof globFs>[0]) =>
    (await globby([pattern], { onlyFiles: false, objectMode: true, expandDirectories: false, followSymbolicLinks: false, suppressErrors: true, ignore: ['**/node_modules/**'], cwd: root, ...(fs ? { fs: globFs(fs) } : {}) }))
      .map((entry) => `${entry.path}${entry.dirent.isDirectory() ? '/' : entry.dirent.isSymbolicLink() ? '@' : ''}`)
      .sort();

  for (const pattern of PATTERNS) {
    it(`${pattern}: the disk's fs finds what the disk does`, async () => {
      expect(await found(pattern, diskFs(root))).toEqual(await found(pattern));
    });
  }

  it('a memory tree of the project files finds the folders that hold them, as the disk does', async () => {
    // The memory tree holds files only: its folders are those with a project file below them, and
    // it has no links, no empty folders and no README.
    const memory = projectFilesFs(root);
    const holdsManifest = (path: string) => path.endsWith('/') && FOLDERS.some((folder) => `${folder}/`.startsWith(path) || folder === path.slice(0, -1));
    for (const pattern of PATTERNS) {
      const onDisk = (await found(pattern)).filter((path) => holdsManifest(path) || path === 'package.json');
      const inMemory = (await found(pattern, memory)).filter((path) => path.endsWith('/') || path === 'package.json');
      expect(inMemory, pattern).toEqual(onDisk.filter((path) => !path.startsWith('node_modules')));
    }
  });

  it('a path outside the root is missing, never read', async () => {
    const adapter = globFs(diskFs(join(root, 'packages')));
    const error = await new Promise<NodeJS.ErrnoException | null>((resolve) => (adapter.readdir as unknown as (path: string, options: object, done: (error: NodeJS.ErrnoException | null) => void) => void)(root, { withFileTypes: true }, resolve));
    expect(error?.code).toBe('ENOENT');
  });
});
