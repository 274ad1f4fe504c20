// Finds a package's licence, copying and notice files: the texts the identify stage reads.

/**
 * Names of licence texts: LICENSE, LICENCE, COPYING, UNLICENSE, with any suffix (.md, -MIT…), and
 * with a licence family's name before them (`MIT-LICENSE.txt`, as colors 0.6 and Rails-style
 * projects name it; `GPL-LICENSE`, `APACHE-LICENSE-2.0.txt`), or the kind of terms an open-core
 * package ships beside its open licence (`COMMERCIAL-LICENSE.md`, `ENTERPRISE_LICENSE`,
 * `EE-LICENSE`: with an MIT LICENSE beside it, such a package was read as MIT alone, free). Only
 * those names: a script called `check-license` is no licence text.
 */
const LICENCE_NAME = /^(?:(?:mit|bsd|gpl|lgpl|agpl|apache|mpl|isc|zlib|wtfpl|artistic|epl|ofl|cc0|cc-by(?:-sa)?|commercial|enterprise|proprietary|premium|pro|ee)(?:[-_.]?v?\d[\d.]*)?[-_.])?(?:licen[cs]e|copying|unlicen[cs]e)(?:[-._].*)?$/i;
/**
 * Names of end-user licence agreements and terms of use (EULA.md, EULA.pdf, TERMS-OF-USE.md,
 * terms_of_service.txt, End-User-License-Agreement.md): the terms of a package that may also ship
 * an open licence's text (an SDK's MIT wrapper around a binary under its EULA). Read like a licence
 * text: a package with an MIT LICENSE and an EULA beside it was read as MIT alone, free.
 */
const TERMS_NAME = /^(?:eula|end[-_ ]?user[-_ ]?licen[cs]e(?:[-_ ]?agreement)?|terms[-_ ]?of[-_ ]?(?:use|service)|terms[-_ ]?and[-_ ]?conditions)(?:[-._].*)?$/i;
/**
 * Names of patent licences beside a copyright licence (PATENTS, PATENTS.md): Go's and every
 * golang.org/x module's "Additional IP Rights Grant", Facebook's "Additional Grant of Patent
 * Rights" beside React 15's, Immutable.js 3's or Draft.js's BSD text. Read like a licence text:
 * its terms (a grant that ends with a patent suit, or a patent licence that must be bought) are
 * the package's too, and a PATENTS file was never read.
 */
const PATENTS_NAME = /^patents(?:[-._].*)?$/i;
/** Names of notice files: kept as evidence, not identified as licences. */
const NOTICE_NAME = /^(notice|copyright|authors)([-._].*)?$/i;

import { isReadme } from '../../identify/readme.js';
import { isThirdPartyNotices } from '../../identify/third-party.js';
import { FileError, type Entry, type ReadOnlyFs } from '../fs.js';

/**
 * Files named like licences that are data or code, not a licence text: LICENSE-3rdparty.csv (a
 * table of dependencies' licences), license.js, licenses.json, images, and the source files of
 * other languages (cloud.google.com/go keeps a `license_test.go` at its module root, which checks
 * its files' headers; `license.rs`, `License.java`). Not `.pl`, `.cs` or `.ml`, which may be a
 * translation's language (LICENSE.pl, Polish), and a licence file left unread could hide a term.
 */
const NOT_A_TEXT = /\.(js|cjs|mjs|jsx|ts|cts|mts|tsx|json|map|csv|tsv|ya?ml|xml|toml|sh|py|pyc|pyi|rb|go|rs|c|h|cc|cpp|cxx|hpp|hh|m|mm|java|kt|kts|scala|groovy|swift|fs|vb|php|pm|lua|dart|ex|exs|erl|hs|zig|nim|jl|ps1|bat|cmd|png|jpe?g|gif|svg|ico)$/i;

/** True for a NOTICE or COPYRIGHT file that is a text (not AUTHORS, which names people, nor data). */
export function isNoticeText(name: string): boolean {
  return NOTICE_NAME.test(name) && !/^authors/i.test(name) && !NOT_A_TEXT.test(name);
}

/** True for a file that holds a licence text or an agreement's terms (not a notice), by its name. */
export function isLicenceText(name: string): boolean {
  return (LICENCE_NAME.test(name) || TERMS_NAME.test(name) || PATENTS_NAME.test(name)) && !NOT_A_TEXT.test(name);
}

/**
 * True for a third-party notices file that is a text (THIRD-PARTY-NOTICES.md,
 * ThirdPartyNoticeText.txt, THIRD_PARTY_LICENSES; not third-party-licenses.json): the licences of
 * the code a package bundles from other projects, read as parts of the package (third-party.ts).
 */
export function isThirdPartyText(name: string): boolean {
  return isThirdPartyNotices(name) && !NOT_A_TEXT.test(name);
}

/** True for a file a package folder's listing gives the identify stage: a licence text or a third-party notices file. */
export function isLicenceOrNotices(name: string): boolean {
  return isLicenceText(name) || isThirdPartyText(name);
}

/**
 * Folders whose every text is a licence text, whatever its name: a wheel's PEP 639
 * `.dist-info/licenses/` and maturin's older `license_files/` (each file one its author named a
 * `License-File`: `licenses/GPL-3.0.txt`, numpy's `dragon4_LICENSE.txt`), REUSE's `LICENSES/`, and
 * the lowercase `licenses/` a package keeps its licence texts in (@uniswap/v4-core's `BUSL_LICENSE`
 * and `MIT_LICENSE`, echarts' `LICENSE-d3`).
 */
const IN_LICENCE_FOLDER = /\.dist-info\/(?:licenses|license_files)\/|(?:^|\/)(?:LICENSES|licenses|licences|[Ll][Ii][Cc][Ee][Nn][CcSs][Ee]|[Cc][Oo][Pp][Yy][Ii][Nn][Gg])\/[^/]+$/;

/**
 * A folder named as a licence file is: pagefind 1.6 keeps its texts in `LICENSE/LICENSE` and
 * `LICENSE/LICENSE-vscode-ripgrep`. A reader passes it to {@link licenceFiles} as
 * {@link passedName} names it ("LICENSE/"); its texts are read as a REUSE folder's, and an empty
 * one is read itself, so that the read says it is a folder and the package is unknown, never
 * silently free.
 */
const LICENCE_NAMED = /^(?:licen[cs]e|copying)$/i;

/** The name a reader passes to {@link licenceFiles} for a package folder's entry: a folder named as a licence file gets a trailing "/". */
export function passedName(entry: Entry): string {
  return entry.kind === 'directory' && LICENCE_NAMED.test(entry.name) ? `${entry.name}/` : entry.name;
}

/** True for a folder name {@link passedName} gave. */
function isLicenceNamedFolder(name: string): boolean {
  return name.endsWith('/') && LICENCE_NAMED.test(name.slice(0, -1));
}

/**
 * REUSE's licence folder (reuse.software, specification 3): every licence a project's files are
 * under, one text each, named by its SPDX identifier (`LICENSES/MIT.txt`,
 * `LICENSES/GPL-3.0-or-later.txt`, `LICENSES/LLVM-exception.txt`), often with no LICENSE file at
 * the root. Readers pass its name among a package folder's names when it is a folder.
 */
export const REUSE_FOLDER = 'LICENSES';

/** A package's own lowercase folders of licence texts (not a wheel's `.dist-info/licenses/`). */
const OWN_LICENCE_FOLDERS = ['licenses', 'licences'] as const;

/** Folders read as REUSE's is: every text in them a licence text of the package ({@link IN_LICENCE_FOLDER}). */
const LICENCE_TEXT_FOLDERS: ReadonlySet<string> = new Set([REUSE_FOLDER, ...OWN_LICENCE_FOLDERS]);

/**
 * Folders in which a package keeps other projects' code, each in a folder of its own with its own
 * licence file (bson's `vendor/base64/LICENSE-MIT.txt`): that code's licence applies too. Readers
 * pass such a folder's name among a package folder's names; its licence-named files, and those of
 * each folder directly in it, are read.
 */
const VENDOR_FOLDERS = new Set(['vendor', 'vendored', 'third_party', 'third-party', 'thirdparty', '3rdparty']);

/**
 * Where a package keeps the npm packages it compiles into itself, one folder each (scoped ones a
 * level deeper) with its package.json and licence file, as Next.js does with ncc
 * (`dist/compiled/glob/LICENSE`, `dist/compiled/@vercel/og/LICENSE`, which is MPL-2.0 in an MIT
 * package). Each such licence applies too: a part, as a vendor folder's.
 */
const COMPILED_FOLDER = 'dist/compiled';
/** The package-root folder a reader passes among a package folder's names for {@link COMPILED_FOLDER}. */
const COMPILED_PARENT = 'dist';

/** True for a path inside a folder of others' code at a package's root (`…/vendor/base64/LICENSE-MIT.txt`, `…/dist/compiled/glob/LICENSE`), `directory` being the package's. */
export function isVendoredPath(path: string, directory: string | undefined): boolean {
  const prefix = directory === undefined || directory === '' ? '' : `${directory}/`;
  if (!path.startsWith(prefix)) return false;
  const inside = path.slice(prefix.length);
  if (inside.startsWith(`${COMPILED_FOLDER}/`)) return true;
  const first = inside.split('/')[0]!;
  return path.length > prefix.length + first.length && isVendorFolder(first);
}

/** True for the name of a folder that holds other projects' code (see {@link VENDOR_FOLDERS}). */
export function isVendorFolder(name: string): boolean {
  return VENDOR_FOLDERS.has(name.toLowerCase());
}

/**
 * A wheel's licence folder keeps each licence file at its path in the project (PEP 639):
 * `licenses/LICENSE` is the project's own; `licenses/numpy/random/LICENSE.md` and
 * `licenses/src/pip/_vendor/idna/LICENSE.md` are the licences of the code in those folders, which
 * a project keeps from others: parts. REUSE's `LICENSES/` folder holds the project's own.
 */
const IN_LICENCE_SUBFOLDER = /\.dist-info\/(?:licenses|license_files)\/(?!LICENSES\/[^/]+$)[^/]+\/./;

/** True for a licence file in a folder below a wheel's licence folder (see {@link IN_LICENCE_SUBFOLDER}): a part's. */
export function isLicenceSubfolderPath(path: string): boolean {
  return IN_LICENCE_SUBFOLDER.test(path);
}

/**
 * True for a licence file of code a package keeps or bundles from other projects (a part's, which
 * applies besides the package's own and never says what its own code is under): a third-party
 * notices file, a file in a vendor folder or `dist/compiled/`, or one below a wheel's licence
 * folder. `directory` is the package's.
 */
export function isPartPath(path: string, directory: string | undefined): boolean {
  return isThirdPartyText(path.slice(path.lastIndexOf('/') + 1)) || isVendoredPath(path, directory) || isLicenceSubfolderPath(path) || inOwnLicencesFolder(path, directory);
}

/**
 * A file directly in a package's lowercase `licenses/` (not a wheel's `.dist-info/licenses/`,
 * whose texts are its own by PEP 639, nor REUSE's `LICENSES/`): texts of code it keeps from
 * others, as echarts' LICENSE says of its `licenses/LICENSE-d3` ("The text of each license is also
 * included at licenses/LICENSE-[project]"). Parts: they apply besides the package's own licence,
 * and are no disagreement with its declaration.
 */
function inOwnLicencesFolder(path: string, directory: string | undefined): boolean {
  if (directory === undefined || directory.endsWith('.dist-info')) return false;
  for (const folder of OWN_LICENCE_FOLDERS) {
    const prefix = `${directory}/${folder}/`;
    if (path.startsWith(prefix) && !path.slice(prefix.length).includes('/')) return true;
  }
  return false;
}

/** True for a folder name that is a licence folder: REUSE's (or a lowercase `licenses/`), or one holding others' code. */
export function isLicenceFolderName(name: string): boolean {
  return LICENCE_TEXT_FOLDERS.has(name) || isVendorFolder(name);
}

/**
 * True for a folder name a reader passes to {@link licenceFiles} (as {@link passedName} gives it):
 * a licence folder, a folder named as a licence file, or the one that may hold compiled packages.
 */
export function isPassedFolderName(name: string): boolean {
  return isLicenceFolderName(name) || LICENCE_NAMED.test(name) || name === COMPILED_PARENT;
}

/** True for a file of a wheel's licence folders that is a text (a licence or a notice), not data. */
export function isLicenceFolderFile(name: string): boolean {
  return !NOT_A_TEXT.test(name);
}

/**
 * True for a package's file that holds a licence text: named as one or as third-party notices, or
 * any text (not a notice, not data) in a wheel's licence folders or a REUSE `LICENSES/` folder; and a licence folder that
 * could not be listed, which is read to say why. What the identify stage reads, the notice file
 * quotes and the contacts come from.
 */
export function isLicencePath(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return isLicenceOrNotices(name) || isLicenceFolderName(name) || path.endsWith(`/${COMPILED_FOLDER}`) || (IN_LICENCE_FOLDER.test(path) && !NOTICE_NAME.test(name) && !NOT_A_TEXT.test(name));
}

/**
 * Licence and notice files among a package folder's files, plus a `SEE LICENSE IN` file. A package
 * with no licence text gets its README instead, whose "License" section the identify stage reads.
 */
export async function licenceFiles(fs: ReadOnlyFs, directory: string, names: string[], seeFile?: string): Promise<string[]> {
  const found = names.filter((name) => isLicenceOrNotices(name) || (NOTICE_NAME.test(name) && !NOT_A_TEXT.test(name))).map((name) => `${directory}/${name}`);
  const reuse: string[] = [];
  for (const name of names) {
    if (LICENCE_TEXT_FOLDERS.has(name)) reuse.push(...(await reuseLicences(fs, `${directory}/${name}`)));
    else if (isLicenceNamedFolder(name)) {
      const folder = `${directory}/${name.slice(0, -1)}`;
      const texts = await reuseLicences(fs, folder);
      if (texts.length > 0) reuse.push(...texts);
      else found.push(folder);
    }
  }
  found.push(...reuse);
  for (const name of names) if (isVendorFolder(name)) found.push(...(await vendoredLicences(fs, `${directory}/${name}`)));
  if (names.includes(COMPILED_PARENT)) found.push(...(await compiledLicences(fs, `${directory}/${COMPILED_FOLDER}`)));
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
  const found: string[] = [];
  for (const entry of await listOrReport(fs, folder, found)) {
    if (isFileEntry(entry) && !entry.name.startsWith('.') && isLicenceFolderFile(entry.name)) found.push(`${folder}/${entry.name}`);
  }
  return found;
}

/**
 * The licence-named files in a folder of others' code and in each folder directly in it
 * (`vendor/LICENSE.foo`, `vendor/base64/LICENSE-MIT.txt`). A folder that cannot be listed (a link
 * out of the project) is given itself, so that reading it reports why.
 */
async function vendoredLicences(fs: ReadOnlyFs, folder: string): Promise<string[]> {
  const found: string[] = [];
  const entries = await listOrReport(fs, folder, found);
  found.push(...licenceNamed(folder, entries));
  for (const entry of entries) {
    if (isFolderEntry(entry)) found.push(...licenceNamed(`${folder}/${entry.name}`, await listOrReport(fs, `${folder}/${entry.name}`, found)));
  }
  return found;
}

/**
 * The licence-named files of each package compiled into {@link COMPILED_FOLDER}
 * (`dist/compiled/glob/LICENSE`, `dist/compiled/@vercel/og/LICENSE`); none when there is no such
 * folder. A folder that cannot be listed is given itself, so that reading it reports why.
 */
async function compiledLicences(fs: ReadOnlyFs, folder: string): Promise<string[]> {
  // Most packages with a dist/ folder have no dist/compiled: asked without an error made for it.
  if (!(await fs.exists(folder))) return [];
  const found: string[] = [];
  const packages: string[] = [];
  for (const entry of await listOrReport(fs, folder, found)) {
    if (!isFolderEntry(entry)) continue;
    if (!entry.name.startsWith('@')) packages.push(`${folder}/${entry.name}`);
    else for (const scoped of await listOrReport(fs, `${folder}/${entry.name}`, found)) if (isFolderEntry(scoped)) packages.push(`${folder}/${entry.name}/${scoped.name}`);
  }
  for (const pkg of packages) found.push(...licenceNamed(pkg, await listOrReport(fs, pkg, found)));
  return found;
}

/** The licence-named files among `folder`'s entries, by path. */
function licenceNamed(folder: string, entries: readonly Entry[]): string[] {
  return entries.filter((entry) => isFileEntry(entry) && isLicenceText(entry.name)).map((entry) => `${folder}/${entry.name}`);
}

/** A folder that is not hidden. */
function isFolderEntry(entry: Entry): boolean {
  return entry.kind === 'directory' && !entry.name.startsWith('.');
}

/** A licence folder's entries: none when it is gone or not a folder; when it cannot be listed, none, and the folder itself added to `found`. */
async function listOrReport(fs: ReadOnlyFs, folder: string, found: string[]): Promise<Entry[]> {
  try {
    return await fs.list(folder);
  } catch (error) {
    if (!(error instanceof FileError && (error.problem === 'missing' || error.problem === 'not-a-directory'))) found.push(folder);
    return [];
  }
}

function isFileEntry(entry: Entry): boolean {
  return entry.kind === 'file' || entry.kind === 'symlink';
}

/**
 * The names of a package folder's entries to hand {@link licenceFiles}: its files (and links), the
 * licence folders it lists itself (REUSE's, and folders of others' code), and a folder named as a
 * licence file, as {@link passedName} gives it ("LICENSE/"). The Python, Cargo and Go readers
 * passed a crate's or module's LICENSE folder over in silence, and read its declaration alone.
 */
export function licenceFileNames(entries: readonly Entry[]): string[] {
  return entries.filter((entry) => isFileEntry(entry) || (entry.kind === 'directory' && isPassedFolderName(entry.name))).map(passedName);
}
