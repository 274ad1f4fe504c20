// Helpers the Python, Cargo and Go ecosystems share: a package folder's licence files, reading a
// file as a located diagnostic when it fails, and expanding simple `*` folder patterns.
import { FileError, type ReadOnlyFs } from './fs.js';
import { licenceFileNames, licenceFiles } from './npm/licence-files.js';

/** The licence, copying and notice files directly in a folder (empty when it is not there). */
export async function folderLicenceFiles(fs: ReadOnlyFs, directory: string): Promise<string[]> {
  return licenceFiles(fs, directory, licenceFileNames(await listOrEmpty(fs, directory)));
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
