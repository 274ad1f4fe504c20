// Helpers the Python, Cargo and Go ecosystems share: a package folder's licence files, reading a
// file as a located diagnostic when it fails, and expanding simple `*` folder patterns.
import { diagnostic } from '../diagnostics.js';
import type { Diagnostic } from '../types.js';
import { FileError, type Entry, type ReadOnlyFs } from './fs.js';
import { licenceFileNames, licenceFiles } from './npm/licence-files.js';

/**
 * The licence, copying and notice files directly in a package's folder (empty when it is not
 * there); a folder that is a link out of the project, or cannot be read, is a diagnostic
 * ({@link unlisted}) and has none.
 */
export async function folderLicenceFiles(fs: ReadOnlyFs, directory: string, diagnostics: Diagnostic[], component?: string): Promise<string[]> {
  return licenceFiles(fs, directory, licenceFileNames(await listPackageFolder(fs, directory, diagnostics, component)));
}

/**
 * A package's folder's entries, as {@link listOrEmpty}; a folder that is a link leading out of the
 * project (never followed) or that cannot be read is a `package-folder-unreadable` diagnostic and
 * empty, so the package's licence is unknown rather than the scan ended: a link into a shared
 * store (uv's or Nix's, a `go mod vendor` done by hand) is an ordinary sight.
 */
export async function listPackageFolder(fs: ReadOnlyFs, directory: string, diagnostics: Diagnostic[], component?: string): Promise<Entry[]> {
  try {
    return await fs.list(directory);
  } catch (error) {
    const entries = unlisted(error, diagnostics, component);
    if (entries === undefined) throw error;
    return entries;
  }
}

/**
 * What a failed listing of a package's folder gives: empty for a folder that is not there; empty,
 * with a diagnostic, for a link out of the project or a folder that cannot be read; undefined for
 * anything else (the caller raises it).
 */
export function unlisted(error: unknown, diagnostics: Diagnostic[], component?: string): Entry[] | undefined {
  if (!(error instanceof FileError)) return undefined;
  if (error.problem === 'missing' || error.problem === 'not-a-directory') return [];
  if (error.problem !== 'outside' && error.problem !== 'unreadable') return undefined;
  diagnostics.push(diagnostic('package-folder-unreadable', `${error.message}: its licence files are not read`, { location: { file: error.path }, ...(component ? { component } : {}) }));
  return [];
}

/**
 * A project file's text (a lockfile, a manifest, go.mod), or undefined with a
 * `project-file-unreadable` diagnostic at the file when it cannot be read: a folder where the file
 * should be, a link loop, a link out of the project, a file over the size limit. The user's to
 * fix, never the end of the scan; the caller goes on without what the file would have said. Any
 * other error is a bug, and thrown.
 */
export async function readProjectText(fs: ReadOnlyFs, file: string, diagnostics: Diagnostic[], limitBytes = MAX_MANIFEST_BYTES): Promise<string | undefined> {
  try {
    return await fs.readText(file, limitBytes);
  } catch (error) {
    if (!(error instanceof FileError)) throw error;
    diagnostics.push(diagnostic('project-file-unreadable', `${error.message}: copyfair cannot read it, and goes on without it`, { location: { file } }));
    return undefined;
  }
}

/** A folder's entries; a folder that is missing (or is not one) is empty. */
export async function listOrEmpty(fs: ReadOnlyFs, directory: string) {
  try {
    return await fs.list(directory);
  } catch (error) {
    if (error instanceof FileError && (error.problem === 'missing' || error.problem === 'not-a-directory')) return [];
    throw error;
  }
}

/** Folders matching a pattern of plain segments and `*` wildcards (Cargo workspace members). */
export async function expandFolders(fs: ReadOnlyFs, pattern: string): Promise<string[]> {
  // Members are inside the workspace: a pattern that climbs out of it is not followed.
  if (pattern.startsWith('/') || pattern.split('/').includes('..')) return [];
  let found = [''];
  for (const segment of pattern.replace(/^\.\//, '').replace(/\/$/, '').split('/')) {
    if (segment === '' || segment === '.') continue;
    const next: string[] = [];
    for (const base of found) {
      if (!segment.includes('*') && !segment.includes('?')) {
        const path = base === '' ? segment : `${base}/${segment}`;
        if (await fs.isDirectory(path)) next.push(path);
        continue;
      }
      const regex = new RegExp(`^${segment.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
      for (const entry of await listOrEmpty(fs, base === '' ? '.' : base)) {
        if ((entry.kind === 'directory' || entry.kind === 'symlink') && regex.test(entry.name) && !entry.name.startsWith('.')) next.push(base === '' ? entry.name : `${base}/${entry.name}`);
      }
    }
    found = next;
  }
  return found.filter((path) => path !== '').sort();
}

/** Files larger than this are not read as manifests or lockfiles. */
export const MAX_MANIFEST_BYTES = 20 * 1024 * 1024;
