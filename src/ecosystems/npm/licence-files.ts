// Finds a package's licence, copying and notice files: the texts the identify stage reads.

/** Names of licence texts: LICENSE, LICENCE, COPYING, UNLICENSE, with any suffix (.md, -MIT…). */
const LICENCE_NAME = /^(licen[cs]e|copying|unlicen[cs]e)([-._].*)?$/i;
/** Names of notice files: kept as evidence, not identified as licences. */
const NOTICE_NAME = /^(notice|copyright|authors)([-._].*)?$/i;

import type { ReadOnlyFs } from '../fs.js';

/** True for a file that holds a licence text (not a notice). */
export function isLicenceText(name: string): boolean {
  return LICENCE_NAME.test(name) && !/\.(js|ts|json|map|d\.ts)$/i.test(name);
}

/** Licence and notice files among a package folder's files, plus a `SEE LICENSE IN` file. */
export async function licenceFiles(fs: ReadOnlyFs, directory: string, names: string[], seeFile?: string): Promise<string[]> {
  const found = names.filter((name) => isLicenceText(name) || NOTICE_NAME.test(name)).map((name) => `${directory}/${name}`);
  if (seeFile && !seeFile.includes('..')) {
    const path = `${directory}/${seeFile}`;
    if (!found.includes(path) && (await fs.exists(path))) found.push(path);
  }
  return found.sort();
}
