// Finds a package's licence, copying and notice files: the texts the identify stage reads.

/** Names of licence texts: LICENSE, LICENCE, COPYING, UNLICENSE, with any suffix (.md, -MIT…). */
const LICENCE_NAME = /^(licen[cs]e|copying|unlicen[cs]e)([-._].*)?$/i;
/** Names of notice files: kept as evidence, not identified as licences. */
const NOTICE_NAME = /^(notice|copyright|authors)([-._].*)?$/i;

import { isReadme } from '../../identify/readme.js';
import { FileError, type ReadOnlyFs } from '../fs.js';

/**
 * Files named like licences that are data or code, not a licence text: LICENSE-3rdparty.csv (a
 * table of dependencies' licences), license.js, licenses.json, images.
 */
const NOT_A_TEXT = /\.(js|cjs|mjs|ts|cts|mts|json|map|csv|tsv|ya?ml|xml|toml|sh|py|rb|png|jpe?g|gif|svg|ico)$/i;

/** True for a file that holds a licence text (not a notice), by its name. */
export function isLicenceText(name: string): boolean {
  return LICENCE_NAME.test(name) && !NOT_A_TEXT.test(name);
}

/**
 * Folders whose every text is a licence text, whatever its name: a wheel's PEP 639
 * `.dist-info/licenses/` and maturin's older `license_files/` (each file one its author named a
 * `License-File`: `licenses/GPL-3.0.txt`, numpy's `dragon4_LICENSE.txt`), and REUSE's `LICENSES/`.
 */
const IN_LICENCE_FOLDER = /\.dist-info\/(?:licenses|license_files)\/|(?:^|\/)LICENSES\/[^/]+$/;

/**
 * REUSE's licence folder (reuse.software, specification 3): every licence a project's files are
 * under, one text each, named by its SPDX identifier (`LICENSES/MIT.txt`,
 * `LICENSES/GPL-3.0-or-later.txt`, `LICENSES/LLVM-exception.txt`), often with no LICENSE file at
 * the root. Readers pass its name among a package folder's names when it is a folder.
 */
export const REUSE_FOLDER = 'LICENSES';

/** True for a file of a wheel's licence folders that is a text (a licence or a notice), not data. */
export function isLicenceFolderFile(name: string): boolean {
  return !NOT_A_TEXT.test(name);
}

/**
 * True for a package's file that holds a licence text: named as one, or any text (not a notice,
 * not data) in a wheel's licence folders or a REUSE `LICENSES/` folder. What the identify stage
 * reads, the notice file quotes and the contacts come from.
 */
export function isLicencePath(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return isLicenceText(name) || name === REUSE_FOLDER || (IN_LICENCE_FOLDER.test(path) && !NOTICE_NAME.test(name) && !NOT_A_TEXT.test(name));
}

/**
 * Licence and notice files among a package folder's files, plus a `SEE LICENSE IN` file. A package
 * with no licence text gets its README instead, whose "License" section the identify stage reads.
 */
export async function licenceFiles(fs: ReadOnlyFs, directory: string, names: string[], seeFile?: string): Promise<string[]> {
  const found = names.filter((name) => isLicenceText(name) || (NOTICE_NAME.test(name) && !NOT_A_TEXT.test(name))).map((name) => `${directory}/${name}`);
  const reuse = names.includes(REUSE_FOLDER) ? await reuseLicences(fs, `${directory}/${REUSE_FOLDER}`) : [];
  found.push(...reuse);
  if (seeFile && !seeFile.includes('..')) {
    const path = `${directory}/${seeFile}`;
    if (!found.includes(path) && (await fs.exists(path))) found.push(path);
  }
  if (!names.some(isLicenceText) && reuse.length === 0 && !(seeFile && found.length > 0)) {
    const readme = names.filter(isReadme).sort()[0];
    if (readme) found.push(`${directory}/${readme}`);
  }
  return found.sort();
}

/**
 * The texts in a REUSE `LICENSES/` folder (not its data or hidden files); none when it is gone or
 * not a folder. A folder that cannot be listed (a link out of the project) is given itself, so
 * that reading it reports why, and the package is unknown, never silently free.
 */
async function reuseLicences(fs: ReadOnlyFs, folder: string): Promise<string[]> {
  try {
    return (await fs.list(folder)).filter((entry) => (entry.kind === 'file' || entry.kind === 'symlink') && !entry.name.startsWith('.') && !NOT_A_TEXT.test(entry.name)).map((entry) => `${folder}/${entry.name}`);
  } catch (error) {
    if (error instanceof FileError && (error.problem === 'missing' || error.problem === 'not-a-directory')) return [];
    return [folder];
  }
}
