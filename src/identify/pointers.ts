// A licence file that points to the licence of code kept in a folder of the package: onig_sys's
// LICENSE.md ("The Oniguruma source code … is re-distributed under the original license, see
// [COPYING](oniguruma/COPYING)"), lmdb's LICENSE ("LMDB, which has a specific [OpenLDAP
// license](dependencies/lmdb/libraries/liblmdb/LICENSE)"), canvas's README ("### BMP parser: See
// [license](src/bmp/LICENSE.md)"). The words beside the licence only point; the licence of that
// code is in the file they name, which the scan reads as a part of the package (scan/index.ts).

/** A licence file's name at the end of a path: LICENSE, LICENCE.md, COPYING, COPYRIGHT, UNLICENSE. */
const LICENCE_NAMED = /^(?:licen[cs]e|copying|copyright|unlicen[cs]e)(?:[-._][\w.-]*)?$/i;

/** A Markdown link's target: `[text](target)`, `[text](<target>)`, `[text](target "title")`. */
const LINK = /\[[^\]\n]{0,200}\]\(\s*<?([^)\s>]{1,300})>?(?:\s+"[^"\n]{0,200}")?\s*\)/g;

/** A path named after words that point to it: "see oniguruma/COPYING", "in the file third_party/x/LICENSE", "(src/bmp/LICENSE.md)". */
const NAMED_PATH = /(?:\b(?:see|in|at)(?:[ \t]+the)?(?:[ \t]+file)?[ \t]*\r?\n?[ \t]*|\(\s*)[`'"]?((?:\.\/)?[\w][\w.-]{0,100}(?:\/[\w.-]{1,100}){1,12})/gi;

/**
 * The relative paths, below the file's own folder, of the licence files the text points to (each
 * in a subfolder, named as a licence file, no `..`, no scheme, not in `node_modules`), in the order
 * they first appear; undefined when there is none.
 */
export function licencePointers(text: string): string[] | undefined {
  const found = new Set<string>();
  const add = (raw: string): void => {
    const path = raw.replace(/^\.\//, '').replace(/[.,;:]+$/, '');
    if (found.size < MAX_POINTERS && isPointer(path)) found.add(path);
  };
  for (const match of text.matchAll(LINK)) add(match[1]!);
  for (const match of text.matchAll(NAMED_PATH)) add(match[1]!);
  return found.size > 0 ? [...found] : undefined;
}

/**
 * The most pointers read from one file. Real files point to a handful; a hostile one of a
 * megabyte of links must not make the scan look up every path (they are files the scan reads).
 */
export const MAX_POINTERS = 256;

function isPointer(path: string): boolean {
  if (path.includes('://') || path.startsWith('/') || /[#?\\]/.test(path)) return false;
  const segments = path.split('/');
  if (segments.length < 2 || segments.some((segment) => segment === '' || segment === '.' || segment === '..' || segment === 'node_modules')) return false;
  return LICENCE_NAMED.test(segments[segments.length - 1]!);
}
