// The glob library's file-system methods, answered by a ReadOnlyFs: npm's workspace patterns are
// expanded in the tree the scan reads (a folder on disk, or a git revision held in memory) and not
// on the disk under its root. A revision's workspaces are its own: globbing the work tree missed a
// workspace only the revision has, and with it every dependency that workspace brings in.
import type { Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Options } from 'globby';
import type { Entry, ReadOnlyFs } from './fs.js';

type Adapter = NonNullable<Options['fs']>;
type Done<T> = (error: NodeJS.ErrnoException | null, value?: T) => void;

/** An entry's kind as the glob library asks for it: a Dirent, or the Stats of an lstat. */
function typed(kind: Entry['kind']) {
  return {
    isFile: () => kind === 'file',
    isDirectory: () => kind === 'directory',
    isSymbolicLink: () => kind === 'symlink',
    isBlockDevice: () => false,
    isCharacterDevice: () => false,
    isFIFO: () => false,
    isSocket: () => false,
  };
}

/** A missing path as node:fs says it, which is what the glob library looks for. */
function missing(path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`ENOENT: no such file or directory, '${path}'`), { code: 'ENOENT', errno: -2, path });
}

/**
 * The asynchronous methods fast-glob uses (readdir, lstat, stat), each answered from `fs`; paths
 * come absolute, below `fs.root`. A path outside the root, or one `fs` cannot give, is missing.
 * The glob is run with `cwd: fs.root`.
 */
export function globFs(fs: ReadOnlyFs): Adapter {
  const inside = (path: string): string | undefined => {
    const relativePath = relative(fs.root, path);
    if (relativePath === '..' || relativePath.startsWith(`..${sep}`) || relativePath.startsWith(sep) || /^[A-Za-z]:/.test(relativePath)) return undefined;
    return sep === '/' ? relativePath : relativePath.split(sep).join('/');
  };
  const kindOf = async (path: string): Promise<Entry['kind'] | undefined> => {
    const at = inside(path);
    if (at === undefined) return undefined;
    if (at === '') return 'directory';
    const slash = at.lastIndexOf('/');
    try {
      const entries = await fs.list(slash === -1 ? '' : at.slice(0, slash));
      return entries.find((entry) => entry.name === at.slice(slash + 1))?.kind;
    } catch {
      return undefined;
    }
  };
  const readdir = (path: string, options: { withFileTypes?: boolean } | Done<string[]>, callback?: Done<unknown[]>) => {
    const done = (typeof options === 'function' ? options : callback!) as Done<unknown[]>;
    const withTypes = typeof options === 'object' && options.withFileTypes === true;
    const at = inside(path);
    if (at === undefined) return void done(missing(path));
    fs.list(at).then(
      (entries) => done(null, entries.map((entry) => (withTypes ? { name: entry.name, ...typed(entry.kind) } : entry.name))),
      () => done(missing(path)),
    );
  };
  const lstat = (path: string, callback: Done<Stats>) => {
    kindOf(path).then((kind) => (kind === undefined ? callback(missing(path)) : callback(null, typed(kind) as unknown as Stats)));
  };
  // A link is followed as fs follows it: inside the project, or not at all.
  const stat = (path: string, callback: Done<Stats>) => {
    const at = inside(path);
    if (at === undefined) return void callback(missing(path));
    fs.real(at).then(
      (real) => kindOf(join(fs.root, real)),
      () => undefined,
    ).then((kind) => (kind === undefined || kind === 'symlink' ? callback(missing(path)) : callback(null, typed(kind) as unknown as Stats)));
  };
  return { readdir, lstat, stat } as unknown as Adapter;
}
