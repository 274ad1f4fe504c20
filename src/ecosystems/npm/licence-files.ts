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

/** True for a file that holds a licence text (not a notice). */
export function isLicenceText(name: string): boolean {
  return LICENCE_NAME.test(name) && !NOT_A_TEXT.test(name);
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
