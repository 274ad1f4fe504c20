// Read-only file access for the collect stage: the scan never writes into the tree it scans, and
// the same code serves the disk and in-memory trees in tests.
// The limits every ecosystem gets for free (docs/security.md): a file's size is checked before it
// is read, and at most the limit is ever read (a device reports size 0); only regular files are
// read (a FIFO, socket or device is refused, never opened); links are followed only when they
// end inside the project (an outside target is refused and never named in a message). The
// project is the scanned folder, and the folder its own `node_modules` links to, if it does.
// Synchronous calls behind the async interface: a scan reads many small files one after another,
// and the thread pool round trip costs more than the read (measured: scan time halves). Each read
// costs as few system calls as these limits allow: no realpath or stat for what a listing showed.
import { closeSync, constants, fstatSync, type Stats, lstatSync as lstat, openSync, readdirSync as readdir, readSync, realpathSync, statSync as stat } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/** What a directory entry is, without following it. */
export interface Entry {
  name: string;
  kind: 'file' | 'directory' | 'symlink' | 'other';
}

/** A read without an explicit limit reads at most this (a 25 MB lockfile is large; 64 MiB is not a lockfile). */
export const DEFAULT_READ_LIMIT = 64 * 1024 * 1024;

/** Read-only access to a project tree; every path is relative to its root, with `/`. */
export interface ReadOnlyFs {
  /** The absolute root, for messages and for the identify stage. */
  root: string;
  /** A regular file inside the project, at most `limitBytes` (default {@link DEFAULT_READ_LIMIT}). */
  readText(path: string, limitBytes?: number): Promise<string>;
  readBytes(path: string, limitBytes?: number): Promise<Buffer>;
  /** A folder's entries, sorted by name; a folder reached through a link must be inside the project. */
  list(path: string): Promise<Entry[]>;
  exists(path: string): Promise<boolean>;
  isDirectory(path: string): Promise<boolean>;
  /** The path with every link resolved, relative to the root; a target outside it is an `outside` FileError. */
  real(path: string): Promise<string>;
}

/** Why a file was not read. */
export type FileProblem = 'missing' | 'unreadable' | 'too-large' | 'not-a-directory' | 'not-a-file' | 'outside';

/** An error a file read gave, reduced to what the user can act on. */
export class FileError extends Error {
  constructor(
    readonly path: string,
    readonly problem: FileProblem,
    detail: string,
  ) {
    super(`${path}: ${detail}`);
    this.name = 'FileError';
  }
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** realpath(3) itself: one system call, where the JavaScript version stats every segment. */
const realpath = realpathSync.native;

/** The disk, read-only, below `root`. */
export function diskFs(root: string): ReadOnlyFs {
  const given = resolve(root);
  let absolute = given;
  try {
    absolute = realpath(given);
  } catch {
    // a root that does not exist: every read below reports it missing
  }
  const at = (path: string) => join(absolute, path);
  const below = (base: string, resolved: string) => {
    const inside = relative(base, resolved);
    return inside === '' || (!inside.startsWith(`..${sep}`) && inside !== '..' && !inside.startsWith(sep) && !/^[a-zA-Z]:/.test(inside)) ? toPosix(inside) : undefined;
  };
  // The project's own node_modules may be a link the user made (a shared install, a CI cache):
  // the folder it leads to belongs to the project, and is named as node_modules in reports.
  let installRoot: string | undefined;
  try {
    if (lstat(at('node_modules')).isSymbolicLink()) installRoot = realpath(at('node_modules'));
  } catch {
    // no node_modules, or a dangling link: nothing more belongs to the project
  }
  const insideRoot = (resolved: string) => {
    const inside = below(absolute, resolved);
    if (inside !== undefined || installRoot === undefined) return inside;
    const installed = below(installRoot, resolved);
    return installed === undefined ? undefined : installed === '' ? 'node_modules' : `node_modules/${installed}`;
  };
  // The real path of each folder listed, and which of its entries are not plain files or folders
  // (links, and whatever the listing could not tell): a plain entry lies in its folder's real
  // path, inside the project, without a realpath call (a scan reads tens of thousands of files,
  // each in a folder it has just listed). One string per folder.
  const listed = new Map<string, { real: string; others: Set<string> | undefined }>();
  /** The real path of a plain file or folder in a folder already listed, else undefined. */
  const plainEntry = (path: string): string | undefined => {
    const slash = path.lastIndexOf('/');
    const folder = listed.get(slash === -1 ? '' : path.slice(0, slash));
    const name = path.slice(slash + 1);
    return folder && name !== '' && name !== '.' && name !== '..' && !folder.others?.has(name) ? `${folder.real}/${name}` : undefined;
  };
  /** The real absolute path of a path below the root; throws `outside` for a link that leaves it. */
  const confined = (path: string): string => {
    const plain = plainEntry(path);
    if (plain !== undefined) return plain;
    const resolved = realpath(at(path));
    if (insideRoot(resolved) === undefined) throw new FileError(path, 'outside', 'is a link to a place outside the project; copyfair does not follow it');
    return resolved;
  };
  const list = (path: string): Entry[] => {
    const real = confined(path);
    let others: Set<string> | undefined;
    const entries = readdir(real, { withFileTypes: true }).map((dirent) => {
      const kind = dirent.isSymbolicLink() ? 'symlink' : dirent.isDirectory() ? 'directory' : dirent.isFile() ? 'file' : 'other';
      if (kind === 'symlink' || kind === 'other') (others ??= new Set()).add(dirent.name);
      return { name: dirent.name, kind } satisfies Entry;
    });
    listed.set(path, { real, others });
    return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  };
  const wrap = async <T>(path: string, action: () => T): Promise<T> => {
    try {
      return action();
    } catch (error) {
      if (error instanceof FileError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new FileError(path, 'missing', 'no such file or folder');
      if (code === 'ENOTDIR') throw new FileError(path, 'not-a-directory', 'not a folder');
      if (code === 'EISDIR') throw new FileError(path, 'not-a-file', 'is a folder, not a file');
      if (code === 'ELOOP') throw new FileError(path, 'unreadable', 'is a link loop');
      if (code === 'ENAMETOOLONG') throw new FileError(path, 'unreadable', 'has a name too long for the system');
      throw new FileError(path, 'unreadable', `cannot be read (${code ?? 'error'})`);
    }
  };
  /** Refuses what is not a regular file within the limit. */
  const refuse = (path: string, info: Stats, limitBytes: number) => {
    if (info.isDirectory()) throw new FileError(path, 'not-a-file', 'is a folder, not a file');
    if (!info.isFile()) throw new FileError(path, 'not-a-file', 'is not a regular file (a device, FIFO or socket); copyfair does not read it');
    if (info.size > limitBytes) throw new FileError(path, 'too-large', `is ${info.size} bytes, over the ${limitBytes}-byte limit`);
  };
  const readBytes = (path: string, limitBytes = DEFAULT_READ_LIMIT) =>
    wrap(path, () => {
      // An entry its folder's listing showed as a plain file or folder is opened at once (opening a
      // folder is harmless; fstat refuses it): a stat first only for what the listing did not show.
      const plain = plainEntry(path);
      const resolved = plain ?? confined(path);
      if (plain === undefined) refuse(path, stat(resolved), limitBytes);
      // O_NONBLOCK: should the file become a FIFO between the stat and the open, open does not wait.
      const fd = openSync(resolved, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0));
      try {
        const info = fstatSync(fd);
        refuse(path, info, limitBytes);
        // Never more than the limit, whatever the size said: the file may grow while it is read.
        const buffer = Buffer.allocUnsafe(Math.min(info.size, limitBytes) + 1);
        let length = 0;
        while (length < buffer.length) {
          const read = readSync(fd, buffer, length, buffer.length - length, null);
          if (read === 0) break;
          length += read;
          // Read to the size fstat gave: whole as it was then, without one more read to see the end.
          if (length === info.size) break;
        }
        if (length > limitBytes) throw new FileError(path, 'too-large', `grew over the ${limitBytes}-byte limit while read`);
        return buffer.subarray(0, length);
      } finally {
        closeSync(fd);
      }
    });
  return {
    root: absolute,
    readBytes,
    readText: async (path, limitBytes) => (await readBytes(path, limitBytes)).toString('utf8'),
    list: (path) => wrap(path, () => list(path)),
    exists: async (path) => {
      try {
        lstat(at(path));
        return true;
      } catch {
        return false;
      }
    },
    isDirectory: async (path) => {
      try {
        return stat(confined(path)).isDirectory();
      } catch {
        return false;
      }
    },
    real: (path) => wrap(path, () => insideRoot(confined(path))!),
  };
}
