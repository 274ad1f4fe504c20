// Folders outside the project that a scan reads as data (the Cargo registry cache, the Go module
// cache, a Python environment elsewhere): each is mounted under a label such as `$CARGO_HOME`, so
// paths in the report name the place the way the user knows it, the same on every machine.
import { FileError, unstamped, type ReadOnlyFs, type Stamps } from './fs.js';

/** A folder outside the project, read through its own read-only file access. */
export interface Mount {
  /** The label paths start with: `$…` or `<…>`, which no project path starts with. */
  label: string;
  fs: ReadOnlyFs;
}

/** The project's files, with each mount's files under `<label>/…`. */
export function mountFs(project: ReadOnlyFs, mounts: Mount[]): ReadOnlyFs {
  if (mounts.length === 0) return project;
  // Most reads are the project's own: they go straight through, without a wrapper.
  const mounted = (path: string) => path.startsWith('$') || path.startsWith('<');
  const route = (path: string): [ReadOnlyFs, string, string] => {
    for (const mount of mounts) {
      if (path === mount.label) return [mount.fs, '', mount.label];
      if (path.startsWith(`${mount.label}/`)) return [mount.fs, path.slice(mount.label.length + 1), `${mount.label}/`];
    }
    return [project, path, ''];
  };
  // Errors name the path as the scan knows it (`$CARGO_HOME/registry/…`), not the mount's own.
  const relabel = async <T>(path: string, action: (fs: ReadOnlyFs, inner: string) => Promise<T>): Promise<T> => {
    const [fs, inner, prefix] = route(path);
    try {
      return await action(fs, inner);
    } catch (error) {
      if (prefix === '' || !(error instanceof FileError)) throw error;
      throw new FileError(path, error.problem, error.message.slice(error.path.length + 2));
    }
  };
  return {
    root: project.root,
    readText: (path, limit) => (mounted(path) ? relabel(path, (fs, inner) => fs.readText(inner, limit)) : project.readText(path, limit)),
    readBytes: (path, limit) => (mounted(path) ? relabel(path, (fs, inner) => fs.readBytes(inner, limit)) : project.readBytes(path, limit)),
    list: (path) => (mounted(path) ? relabel(path, (fs, inner) => fs.list(inner)) : project.list(path)),
    exists: (path) => (mounted(path) ? relabel(path, (fs, inner) => fs.exists(inner)) : project.exists(path)),
    isDirectory: (path) => (mounted(path) ? relabel(path, (fs, inner) => fs.isDirectory(inner)) : project.isDirectory(path)),
    real: async (path) => {
      if (!mounted(path)) return project.real(path);
      const [fs, inner, prefix] = route(path);
      const real = await fs.real(inner);
      return prefix === '' || real.startsWith('/') ? real : `${prefix}${real}`.replace(/\/$/, '');
    },
    ...(project.stamps ? { stamps: mountedStamps(project.stamps, mounted, route, relabel) } : {}),
  };
}

/** The project's stamps, and each mount's (when it has them) under its label. */
function mountedStamps(project: Stamps, mounted: (path: string) => boolean, route: (path: string) => [ReadOnlyFs, string, string], relabel: <T>(path: string, action: (fs: ReadOnlyFs, inner: string) => Promise<T>) => Promise<T>): Stamps {
  return {
    readText: (path, limit) => (mounted(path) ? relabel(path, (fs, inner) => fs.stamps?.readText(inner, limit) ?? unstamped(fs.readText(inner, limit))) : project.readText(path, limit)),
    readBytes: (path, limit) => (mounted(path) ? relabel(path, (fs, inner) => fs.stamps?.readBytes(inner, limit) ?? unstamped(fs.readBytes(inner, limit))) : project.readBytes(path, limit)),
    now: (path) => {
      if (!mounted(path)) return project.now(path);
      const [fs, inner] = route(path);
      return fs.stamps?.now(inner);
    },
  };
}
