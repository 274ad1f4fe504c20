// Finds a package's licence, copying and notice files: the texts the identify stage reads.

/** Names of licence texts: LICENSE, LICENCE, COPYING, UNLICENSE, with any suffix (.md, -MIT…). */
const LICENCE_NAME = /^(licen[cs]e|copying|unlicen[cs]e)([-._].*)?$/i;
/** Names of notice files: kept as evidence, not identified as licences. */
const NOTICE_NAME = /^(notice|copyright|authors)([-._].*)?$/i;

import { isReadme } from '../../identify/readme.js';
import type { ReadOnlyFs } from '../fs.js';

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
 * A wheel's licence folders: PEP 639's `.dist-info/licenses/` and maturin's older
 * `license_files/`. Every file in them is one its author named a licence file (`License-File`),
 * whatever its name: `licenses/GPL-3.0.txt`, numpy's `dragon4_LICENSE.txt`, a REUSE project's
 * `licenses/LICENSES/MIT.txt`.
 */
const IN_LICENCE_FOLDER = /\.dist-info\/(?:licenses|license_files)\//;

/** True for a file of a wheel's licence folders that is a text (a licence or a notice), not data. */
export function isLicenceFolderFile(name: string): boolean {
  return !NOT_A_TEXT.test(name);
}

/**
 * True for a package's file that holds a licence text: named as one, or any text in a wheel's
 * licence folders. What the identify stage reads, the notice file quotes and the contacts come from.
 */
export function isLicencePath(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return isLicenceText(name) || (IN_LICENCE_FOLDER.test(path) && !NOTICE_NAME.test(name) && !NOT_A_TEXT.test(name));
}

/**
 * Licence and notice files among a package folder's files, plus a `SEE LICENSE IN` file. A package
 * with no licence text gets its README instead, whose "License" section the identify stage reads.
 */
export async function licenceFiles(fs: ReadOnlyFs, directory: string, names: string[], seeFile?: string): Promise<string[]> {
  const found = names.filter((name) => isLicenceText(name) || (NOTICE_NAME.test(name) && !NOT_A_TEXT.test(name))).map((name) => `${directory}/${name}`);
  if (seeFile && !seeFile.includes('..')) {
    const path = `${directory}/${seeFile}`;
    if (!found.includes(path) && (await fs.exists(path))) found.push(path);
  }
  if (!names.some(isLicenceText) && !(seeFile && found.length > 0)) {
    const readme = names.filter(isReadme).sort()[0];
    if (readme) found.push(`${directory}/${readme}`);
  }
  return found.sort();
}
