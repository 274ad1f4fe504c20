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
import { closeSync, constants, fstatSync, lstatSync as lstat, openSync, readdirSync as readdir, readSync, realpathSync, statfsSync, statSync as stat, type Stats } from 'node:fs';
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
  /** Reads with what the disk says of what they read, where it can be trusted: see {@link Stamps}. */
  stamps?: Stamps;
}

/** A read's result and the stamp of the file it read, when it has one. */
export interface Stamped<T> {
  value: T;
  stamp: string | undefined;
}

/** A read's result with no stamp: a read the disk does not vouch for. */
export async function unstamped<T>(value: Promise<T>): Promise<Stamped<T>> {
  return { value: await value, stamp: undefined };
}

/**
 * What a file is on disk, for a kept scan (src/scan/replay.ts) to know it unchanged without
 * reading it again, as git's index does: its device, inode, size, and modification and change
 * times. Writing a file changes its change time (ctime), and nothing but the kernel sets it
 * (`utimes` sets the modification time and so moves the change time to now; so do `chmod`,
 * `chown` and a new hard link); replacing a file gives another inode. A stamp is given only where
 * that holds and can be seen:
 * - on Linux, on a file system known to keep change times (ext2/3/4, XFS, Btrfs, tmpfs,
 *   overlayfs, F2FS, ZFS; not a network or FUSE file system, whose times another machine or
 *   program sets), and only for what lies on the project's own device or its node_modules' (a
 *   file system mounted inside the project is another's);
 * - for a file changed more than {@link SETTLED_MS} before it is read: a change within
 *   the same tick of the file system's clock (a few milliseconds, a second on some) leaves its
 *   times as they were, so a file that changed just before it was read could change again unseen;
 *   one that had settled cannot change without its times moving past those its stamp holds;
 * - never for a change time of zero, nor for what is no regular file.
 * The stamp of a read is taken from the file it opened before its content is read: a change
 * after that moves the times, and the next stamp differs. Folders are listed again: a folder's
 * stamp, a `stat` more for each folder a scan lists, cost a first scan about what it saved a
 * repeat scan.
 */
export interface Stamps {
  readText(path: string, limitBytes?: number): Promise<Stamped<string>>;
  readBytes(path: string, limitBytes?: number): Promise<Stamped<Buffer>>;
  /** The stamp of the file at `path` now, reached as a read reaches it; undefined when it has none or a read must say what is there. */
  now(path: string): string | undefined;
}

/** How long before a read a file must last have changed for its stamp to be trusted. */
export const SETTLED_MS = 2_000;

/**
 * File systems whose change times only the kernel sets, as each changes (Linux `statfs` types):
 * ext2/3/4, XFS, Btrfs, tmpfs, overlayfs, F2FS, ZFS.
 */
const STAMPED_FILE_SYSTEMS = new Set([0xef53, 0x58465342, 0x9123683e, 0x01021994, 0x794c7630, 0xf2f52010, 0x2fc12fc1]);

/** Whether the file system `path` is on keeps change times as {@link Stamps} needs (Linux only); throws when `path` is not there. */
export function keepsChangeTimes(path: string): boolean {
  return process.platform === 'linux' && STAMPED_FILE_SYSTEMS.has(statfsSync(path).type >>> 0);
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

/** A path's real absolute path, inside the project. */
interface Resolved {
  resolved: string;
  /** A plain file or folder by its folder's listing: not stated yet. */
  plain?: true;
  /** The lstat of a path that is no link, when one was needed to resolve it. */
  stats?: Stats;
}

/** The platform's path separator as a character code. */
const separator = sep.charCodeAt(0);
/** A `.` or `..` segment, which only path.relative reads right. */
const DOT_SEGMENT = /[\\/]\.\.?(?:[\\/]|$)/;

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
  const rootPrefix = absolute + sep;
  const below = (base: string, resolved: string) => {
    if (resolved === base) return '';
    // The common case without path.relative: a normalised path that starts with the base.
    if (resolved.length > base.length && resolved.charCodeAt(base.length) === separator && resolved.startsWith(base) && !DOT_SEGMENT.test(resolved)) return toPosix(resolved.slice(base.length + 1));
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
  // realpath(3) reads every segment of the path again (a readlink each: ten for a file in a
  // dist-info folder), for every file and folder a scan opens. Two ways around it, both for paths
  // below the root only, and only for segments known to be no link:
  // - a plain entry (file or folder) of a folder already listed lies in that folder's real path,
  //   with no system call at all; a scan nearly always lists a package's folder before it reads
  //   the files in it. Kept per listed folder: its real path, and the names in it that are not
  //   plain (links, other kinds), nearly always none.
  // - any other path is its folder's real path (resolved the same way, kept) plus its last
  //   segment, once an lstat says that segment is no link.
  // A link, and anything not below the root, still goes through realpath. Both maps live as long
  // as this file access: one scan, of a tree that does not change meanwhile.
  const listed = new Map<string, { real: string; others: Set<string> | undefined }>();
  /** The real path of a plain file or folder in a folder already listed (by the path as asked), else undefined. */
  const plainEntry = (path: string): string | undefined => {
    const slash = path.lastIndexOf('/');
    const folder = listed.get(slash === -1 ? '' : path.slice(0, slash));
    const name = path.slice(slash + 1);
    return folder && name !== '' && name !== '.' && name !== '..' && !folder.others?.has(name) ? `${folder.real}${sep}${name}` : undefined;
  };
  const resolvedFolders = new Map<string, string>([[absolute, absolute]]);
  /** The real path of an absolute, normalised path, with its lstat when one was needed (never a link's). */
  const resolveReal = (joined: string): Resolved => {
    const known = resolvedFolders.get(joined);
    if (known !== undefined) return { resolved: known };
    const cut = joined.lastIndexOf(sep);
    if (!joined.startsWith(rootPrefix) || cut === joined.length - 1) return { resolved: realpath(joined) };
    const folder = resolveReal(joined.slice(0, cut)).resolved;
    const stats = lstat(joined);
    if (stats.isSymbolicLink()) {
      const resolved = realpath(joined);
      resolvedFolders.set(joined, resolved);
      return { resolved };
    }
    const resolved = `${folder}${sep}${joined.slice(cut + 1)}`;
    if (stats.isDirectory()) resolvedFolders.set(joined, resolved);
    return { resolved, stats };
  };
  /** The real absolute path of a path below the root; throws `outside` for a link that leaves it. */
  const confinedStat = (path: string): Resolved => {
    const plain = plainEntry(path);
    if (plain !== undefined) return { resolved: plain, plain: true };
    const found = resolveReal(at(path));
    if (insideRoot(found.resolved) === undefined) throw new FileError(path, 'outside', 'is a link to a place outside the project; copyfair does not follow it');
    return found;
  };
  const confined = (path: string): string => confinedStat(path).resolved;
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
  // The devices whose stamps are trusted (Stamps): the project's and its node_modules', when each
  // is on a file system known to keep change times. Asked once, at the first stamp.
  let stampedDevices: Set<number> | undefined;
  const trustedDevices = (): Set<number> => {
    if (stampedDevices) return stampedDevices;
    stampedDevices = new Set();
    for (const place of installRoot === undefined ? [absolute] : [absolute, installRoot]) {
      try {
        if (keepsChangeTimes(place)) stampedDevices.add(stat(place).dev);
      } catch {
        // a root that is not there: nothing below it is stamped
      }
    }
    return stampedDevices;
  };
  /**
   * The stamp of what `info` describes, when it can be trusted (Stamps). The times as Node gives
   * them without BigInts (milliseconds, a double: to a quarter of a microsecond today), which is
   * all a stamp needs: a change after a read moves the change time past the read, and a stamp is
   * kept only for what last changed SETTLED_MS before it. BigInt stats cost a scan ~20 ms more.
   */
  const stampOf = (info: Stats): string | undefined => {
    if (!info.isFile() || !(info.ctimeMs > 0) || info.ctimeMs >= Date.now() - SETTLED_MS || !trustedDevices().has(info.dev)) return undefined;
    return `${info.dev}:${info.ino}:${info.size}:${info.mtimeMs}:${info.ctimeMs}`;
  };
  const readFile = (path: string, limitBytes: number, stamped: boolean): Stamped<Buffer> => {
    // A plain entry by its folder's listing is opened at once (opening a folder is harmless; the
    // fstat refuses it): a stat first only for what no listing showed, so a FIFO, socket or
    // device is never opened.
    const { resolved, plain, stats } = confinedStat(path);
    if (!plain) refuse(path, stats ?? stat(resolved), limitBytes);
    // O_NONBLOCK: should the file become a FIFO between the stat and the open, open does not wait.
    const fd = openSync(resolved, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0));
    try {
      // The stamp from the file opened, before a byte of it is read.
      const info = fstatSync(fd);
      refuse(path, info, limitBytes);
      const size = info.size;
      // Never more than the limit, whatever the size said: the file may grow while it is read.
      const buffer = Buffer.allocUnsafe(Math.min(size, limitBytes) + 1);
      let length = 0;
      while (length < buffer.length) {
        const read = readSync(fd, buffer, length, buffer.length - length, null);
        if (read === 0) break;
        length += read;
        // Read to the size fstat gave: whole as it was then, without one more read to see the end.
        if (length === size) break;
      }
      if (length > limitBytes) throw new FileError(path, 'too-large', `grew over the ${limitBytes}-byte limit while read`);
      return { value: buffer.subarray(0, length), stamp: stamped ? stampOf(info) : undefined };
    } finally {
      closeSync(fd);
    }
  };
  const readBytes = (path: string, limitBytes = DEFAULT_READ_LIMIT) => wrap(path, () => readFile(path, limitBytes, false).value);
  const list = (path: string): Entry[] => {
    const { resolved } = confinedStat(path);
    let others: Set<string> | undefined;
    const entries = readdir(resolved, { withFileTypes: true }).map((dirent) => {
      const kind = dirent.isSymbolicLink() ? 'symlink' : dirent.isDirectory() ? 'directory' : dirent.isFile() ? 'file' : 'other';
      if (kind === 'symlink' || kind === 'other') (others ??= new Set()).add(dirent.name);
      return { name: dirent.name, kind } satisfies Entry;
    });
    listed.set(path === '.' ? '' : path, { real: resolved, others });
    return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  };
  /** The stamp of `path` now, reached as a read reaches it (a link leaving the project is refused), in one stat where no link is on the way. */
  const stampNow = (path: string): string | undefined => {
    if (trustedDevices().size === 0) return undefined;
    try {
      const plain = plainEntry(path);
      if (plain !== undefined) return stampOf(stat(plain));
      const joined = at(path);
      const cut = joined.lastIndexOf(sep);
      if (joined.startsWith(rootPrefix) && cut !== joined.length - 1) {
        const folder = resolveReal(joined.slice(0, cut)).resolved;
        const info = lstat(joined);
        if (!info.isSymbolicLink()) {
          return insideRoot(`${folder}${sep}${joined.slice(cut + 1)}`) === undefined ? undefined : stampOf(info);
        }
      }
      return stampOf(stat(confined(path)));
    } catch {
      return undefined;
    }
  };
  return {
    root: absolute,
    readBytes,
    readText: async (path, limitBytes) => (await readBytes(path, limitBytes)).toString('utf8'),
    list: (path) => wrap(path, () => list(path)),
    exists: async (path) => {
      try {
        // A missing path is an answer, not an error: no exception made for it (a scan asks of many).
        return lstat(at(path), { throwIfNoEntry: false }) !== undefined;
      } catch {
        return false;
      }
    },
    isDirectory: async (path) => {
      try {
        const { resolved, stats } = confinedStat(path);
        return (stats ?? stat(resolved)).isDirectory();
      } catch {
        return false;
      }
    },
    real: (path) => wrap(path, () => insideRoot(confined(path))!),
    stamps: {
      readBytes: (path, limitBytes = DEFAULT_READ_LIMIT) => wrap(path, () => readFile(path, limitBytes, true)),
      readText: (path, limitBytes = DEFAULT_READ_LIMIT) =>
        wrap(path, () => {
          const { value, stamp } = readFile(path, limitBytes, true);
          return { value: value.toString('utf8'), stamp };
        }),
      now: stampNow,
    },
  };
}
