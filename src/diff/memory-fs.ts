// A read-only file tree held in memory: the project files of a git revision (read from git's
// object store) or of a folder, so that a scan reads exactly those and nothing else.
import { FileError, type Entry, type ReadOnlyFs } from '../ecosystems/fs.js';

/**
 * `root` names the tree in messages; `files` maps paths relative to it (with `/`) to contents, or
 * to undefined for a file that is there but could not be read (git would not give it).
 */
export function memoryFs(root: string, files: Map<string, Buffer | undefined>): ReadOnlyFs {
  // Every folder and what each holds, worked out once: a scan asks for each workspace's folder,
  // and searching every file each time took a 5,000-workspace revision seconds.
  const folders = new Set<string>();
  const holds = new Map<string, Map<string, Entry>>();
  for (const file of files.keys()) {
    const parts = file.split('/');
    for (let depth = 0; depth < parts.length; depth++) {
      const folder = parts.slice(0, depth).join('/');
      if (depth > 0) folders.add(folder);
      let held = holds.get(folder);
      if (!held) holds.set(folder, (held = new Map()));
      const name = parts[depth]!;
      held.set(name, { name, kind: depth < parts.length - 1 ? 'directory' : 'file' });
    }
  }
  const isDirectory = (path: string) => path === '' || path === '.' || folders.has(path);
  const readBytes = async (path: string, limitBytes = Number.POSITIVE_INFINITY) => {
    const bytes = files.get(path);
    if (!bytes && files.has(path)) throw new FileError(path, 'unreadable', 'could not be read from the revision (it is over the size limit)');
    if (!bytes) throw new FileError(path, isDirectory(path) ? 'not-a-directory' : 'missing', 'no such file or folder');
    if (bytes.length > limitBytes) throw new FileError(path, 'too-large', `is ${bytes.length} bytes, over the ${limitBytes}-byte limit`);
    return bytes;
  };
  return {
    root,
    readBytes,
    readText: async (path, limitBytes) => (await readBytes(path, limitBytes)).toString('utf8'),
    list: async (path) => {
      const entries = holds.get(path === '.' ? '' : path) ?? new Map<string, Entry>();
      if (entries.size === 0 && !isDirectory(path)) throw new FileError(path, 'missing', 'no such file or folder');
      return [...entries.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    },
    exists: async (path) => files.has(path) || isDirectory(path),
    isDirectory: async (path) => isDirectory(path),
    real: async (path) => path,
  };
}
