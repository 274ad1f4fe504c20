// An installed Python environment (a virtualenv, or any folder with site-packages): the Python
// version it was made for (pyvenv.cfg), and every distribution installed in it, from its
// .dist-info/METADATA or .egg-info/PKG-INFO, with its licence files.
import { diagnostic } from '../../diagnostics.js';
import type { Diagnostic } from '../../types.js';
import { listOrEmpty, listPackageFolder, unlisted } from '../folder.js';
import { FileError, type Entry, type ReadOnlyFs } from '../fs.js';
import { isLicenceFolderFile, isLicenceOrNotices, isNoticeText } from '../npm/licence-files.js';
import { header, normaliseName, parseMetadata, type Headers } from './metadata.js';

/** Metadata files are a few KB; a long description rarely passes 1 MB. */
const MAX_METADATA_BYTES = 8 * 1024 * 1024;

/** One installed distribution. */
export interface Distribution {
  /** PEP 503 normalised name. */
  name: string;
  version: string;
  /** The .dist-info or .egg-info folder (or PKG-INFO file). */
  directory: string;
  metadataFile: string;
  /** Undefined when the metadata file is broken (a diagnostic says where). */
  headers?: Headers;
  licenceFiles: string[];
}

export interface Environment {
  folder: string;
  sitePackages: string[];
  pythonVersion?: string;
  implementation?: string;
  distributions: Map<string, Distribution>;
}

/**
 * The environment's site-packages folders and interpreter facts; undefined, with a diagnostic, for
 * a project's `.venv` that is a link leading out of the project (never followed: `--python-env`
 * names it where it is).
 */
export async function readEnvironment(fs: ReadOnlyFs, folder: string, diagnostics: Diagnostic[]): Promise<Environment | undefined> {
  const environment: Environment = { folder, sitePackages: [], distributions: new Map() };
  try {
    await fs.real(folder);
  } catch (error) {
    if (!(error instanceof FileError) || (error.problem !== 'outside' && error.problem !== 'unreadable')) throw error;
    diagnostics.push(diagnostic('package-folder-unreadable', `${error.message}: the environment is not read; name it where it is with --python-env (or $VIRTUAL_ENV) to read it`, { location: { file: folder } }));
    return undefined;
  }
  if (await fs.exists(`${folder}/pyvenv.cfg`)) {
    const config = await fs.readText(`${folder}/pyvenv.cfg`, 64 * 1024);
    // (Spaces within the line only, and the value from its first character to its last that is no
    // space: \s at the start crossed line breaks, and 20,000 blank lines took 0.2 s a key.)
    const value = (key: string) => new RegExp(`^[^\\S\\n]*${key}[^\\S\\n]*=[^\\S\\n]*(\\S(?:.*\\S)?)[^\\S\\n]*$`, 'm').exec(config)?.[1];
    environment.pythonVersion = (value('version_info') ?? value('version'))?.split('.').slice(0, 3).join('.');
    environment.implementation = value('implementation');
  }
  const entries = await listOrEmpty(fs, folder);
  if (entries.some((entry) => /\.(dist|egg)-info$/.test(entry.name))) environment.sitePackages.push(folder); // a site-packages folder itself
  for (const lib of ['lib', 'Lib']) {
    if (!entries.some((entry) => entry.name === lib && entry.kind === 'directory')) continue;
    if (await fs.isDirectory(`${folder}/${lib}/site-packages`)) environment.sitePackages.push(`${folder}/${lib}/site-packages`);
    for (const entry of await listOrEmpty(fs, `${folder}/${lib}`)) {
      const version = /^(python|pypy)(\d+\.\d+)t?$/.exec(entry.name);
      if (!version || !(await fs.isDirectory(`${folder}/${lib}/${entry.name}/site-packages`))) continue;
      environment.sitePackages.push(`${folder}/${lib}/${entry.name}/site-packages`);
      environment.pythonVersion ??= version[2];
    }
  }
  for (const site of environment.sitePackages) await readDistributions(fs, site, environment, diagnostics);
  return environment;
}

/** A `*.dist-info` / `*.egg-info` entry of a site-packages folder, before its metadata is read. */
interface Candidate {
  directory: string;
  isFile: boolean;
  metadataFile: string;
  fallback: { name: string; version: string };
}

async function readDistributions(fs: ReadOnlyFs, site: string, environment: Environment, diagnostics: Diagnostic[]): Promise<void> {
  const candidates: Candidate[] = [];
  for (const entry of await listOrEmpty(fs, site)) {
    const candidate = distInfo(site, entry);
    if (candidate) candidates.push(candidate);
  }
  // Each step for every distribution at once, through one small callback, and the work on what
  // was read synchronous: an async function per distribution awaiting each file in turn grew hot
  // enough for V8 to optimise it with every call it makes inlined (~60 ms of compiling for 500
  // distributions, more than reading them). The folder first, so METADATA and the licence files
  // are read without a stat each; a folder that cannot be listed is listed again below, where its
  // error has always been raised.
  const listings = await Promise.all(candidates.map((candidate) => (candidate.isFile ? [] : fs.list(candidate.directory).then(undefined, (error: unknown) => unlisted(error, diagnostics, `${candidate.fallback.name}@${candidate.fallback.version}`)))));
  const texts = await Promise.all(candidates.map((candidate) => fs.readText(candidate.metadataFile, MAX_METADATA_BYTES).catch((error: Error) => error)));
  const added: { dist: Distribution; entries: Entry[] | undefined }[] = [];
  for (let index = 0; index < candidates.length; index++) {
    const dist = toDistribution(candidates[index]!, texts[index]!, diagnostics);
    if (environment.distributions.has(dist.name)) continue; // the first site-packages wins, as on sys.path
    environment.distributions.set(dist.name, dist);
    if (!candidates[index]!.isFile) added.push({ dist, entries: listings[index] });
  }
  // The licence folders (licenses/, or maturin's older license_files/), listed together; a folder
  // that cannot be listed raises the error of the first such distribution, as when they were read
  // in turn. A licence folder with folders in it, a distribution with both, or a distribution
  // folder that could not be listed, is walked as before.
  const folders = added.map(({ entries }) => licenceFolderOf(entries));
  const licences = await Promise.allSettled(added.map(({ dist }, index) => (folders[index] ? fs.list(`${dist.directory}/${folders[index]}`).catch((error: unknown) => unlisted(error, diagnostics, `${dist.name}@${dist.version}`) ?? Promise.reject(error)) : undefined)));
  for (let index = 0; index < added.length; index++) {
    const { dist, entries } = added[index]!;
    const listing = licences[index]!;
    if (listing.status === 'rejected') throw listing.reason;
    const inFolder = listing.value;
    const missing: string[] = [];
    dist.licenceFiles = entries === undefined || folders[index] === BOTH || inFolder?.some((entry) => entry.kind === 'directory') ? await distributionLicenceFiles(fs, dist.directory, dist.headers, entries, missing, diagnostics) : listedLicenceFiles(dist.directory, dist.headers, entries, folders[index], inFolder, missing);
    // An .egg-info's License-File entries name files of the source tree, which an install never
    // copies there: only a wheel's .dist-info promises to hold them.
    if (missing.length > 0 && dist.directory.endsWith('.dist-info')) {
      const names = missing.map((name) => `"${name}"`).join(', ');
      diagnostics.push(diagnostic('python-licence-file-missing', `${dist.name} ${dist.version}'s METADATA names License-File ${names}, which the installed distribution does not hold (looked for in ${LICENCE_FOLDERS.map((folder) => `${folder}/`).join(', ')}, ${LICENCE_DEPTH} folders deep, and beside METADATA)`, { location: { file: dist.metadataFile, ...lineOf(dist.headers, missing[0]!) }, component: `${dist.name}@${dist.version}` }));
    }
  }
}

/**
 * The folders of a .dist-info that hold licence files: PEP 639's licenses/, and license_files/,
 * which maturin wrote before 1.0 (after an earlier draft of PEP 639; orjson 3.8 has it).
 */
const LICENCE_FOLDERS = ['licenses', 'license_files'];

/**
 * How many folders deep a licence folder is walked. PEP 639 keeps each file's path in the source
 * tree, so a wheel that bundles code nests them deep: numpy's
 * licenses/numpy/_core/src/npysort/x86-simd-sort/LICENSE.md is five folders down (a walk of three
 * skipped seven of its licence files without a word).
 */
const LICENCE_DEPTH = 16;

/** Marks a distribution folder holding both licence folders (walked, not listed). */
const BOTH = '';

/** The one licence folder a distribution folder holds, undefined for none, or {@link BOTH}. */
function licenceFolderOf(entries: Entry[] | undefined): string | undefined {
  let found: string | undefined;
  for (const entry of entries ?? []) if (isLicenceFolder(entry)) found = found === undefined ? entry.name : BOTH;
  return found;
}

/** The line of the License-File header naming `value`. */
function lineOf(headers: Headers | undefined, value: string): { line?: number } {
  const line = headers?.get('license-file')?.find((header) => header.value === value)?.line;
  return line === undefined ? {} : { line };
}

function isLicenceFolder(entry: Entry): boolean {
  return entry.kind === 'directory' && LICENCE_FOLDERS.includes(entry.name);
}

/** {@link distributionLicenceFiles} for a folder listed and its one licence folder (if any) of files only: no more reading. */
function listedLicenceFiles(directory: string, headers: Headers | undefined, entries: Entry[], folder: string | undefined, inFolder: Entry[] | undefined, missing: string[]): string[] {
  const found: string[] = [];
  for (const entry of entries) if (entry.kind === 'file' && besideMetadata(entry.name)) found.push(`${directory}/${entry.name}`);
  if (inFolder) for (const entry of inFolder) if (entry.kind === 'file' && isLicenceFolderFile(entry.name)) found.push(`${directory}/${folder}/${entry.name}`);
  const named = headers?.get('license-file');
  if (named) {
    // No set of every file's path (METADATA, RECORD, WHEEL…) and no path built to be taken apart
    // again: each entry is looked up by name in the one listing it can be in (the listings hold no
    // folders below the licence folder here). As in distributionLicenceFiles, the licence folder
    // first, then beside METADATA.
    const has = (listing: Entry[] | undefined, name: string) => listing !== undefined && !name.includes('/') && listing.some((entry) => entry.kind === 'file' && entry.name === name);
    const prefix = folder === undefined ? undefined : `${folder}/`;
    for (const { value } of named) {
      if (outsideFolder(value)) continue;
      let path: string | undefined;
      if (folder !== undefined && has(inFolder, value)) path = `${directory}/${folder}/${value}`;
      else if (prefix !== undefined && value.startsWith(prefix) ? has(inFolder, value.slice(prefix.length)) : has(entries, value)) path = `${directory}/${value}`;
      if (path === undefined) {
        if (!missing.includes(value)) missing.push(value);
      } else if (!found.includes(path)) found.push(path);
    }
  }
  return found.length > 1 ? found.sort() : found;
}

/**
 * A file beside METADATA that is licence evidence: a licence text, a third-party notices file, or a
 * NOTICE or COPYRIGHT file, which setuptools puts there by default (`license_files`: LICEN[CS]E*,
 * COPYING*, NOTICE*, AUTHORS*) and which a scan reads when it states terms, as an npm package's.
 */
function besideMetadata(name: string): boolean {
  return isLicenceOrNotices(name) || isNoticeText(name);
}

/** A `License-File` entry that climbs out of the distribution's folder, or is absolute: never looked for. */
function outsideFolder(value: string): boolean {
  return value.startsWith('/') || (value.includes('..') && value.split('/').includes('..'));
}

/** Adds the `License-File` entries that are there (in a licence folder, else beside METADATA); `missing` gets those found nowhere. */
function addLicenseFiles(directory: string, headers: Headers | undefined, present: (path: string) => boolean, add: (path: string) => void, missing: string[]): void {
  for (const { value } of headers?.get('license-file') ?? []) {
    if (outsideFolder(value)) continue;
    const candidate = [...LICENCE_FOLDERS.map((folder) => `${directory}/${folder}/${value}`), `${directory}/${value}`].find(present);
    if (candidate) add(candidate);
    else if (!missing.includes(value)) missing.push(value);
  }
}

function distInfo(site: string, entry: Entry): Candidate | undefined {
  const match = /^(.+?)(?:-([^-]+?))?(?:-py\d[^-]*)?\.(dist-info|egg-info)$/.exec(entry.name);
  if (!match) return undefined;
  const directory = `${site}/${entry.name}`;
  const isFile = entry.kind === 'file';
  const metadataFile = isFile ? directory : `${directory}/${match[3] === 'dist-info' ? 'METADATA' : 'PKG-INFO'}`;
  return { directory, isFile, metadataFile, fallback: { name: normaliseName(match[1]!), version: match[2] ?? 'unknown' } };
}

/** A distribution from its metadata (its licence files are found after). */
function toDistribution({ directory, metadataFile, fallback }: Candidate, text: string | Error, diagnostics: Diagnostic[]): Distribution {
  const headers = readHeaders(metadataFile, text, fallback, diagnostics);
  return {
    name: headers ? normaliseName(header(headers, 'name')!.value) : fallback.name,
    version: headers ? header(headers, 'version')!.value : fallback.version,
    directory,
    metadataFile,
    ...(headers ? { headers } : {}),
    licenceFiles: [],
  };
}

/** The headers of a metadata file read (or the error reading it gave), else a located diagnostic. */
function readHeaders(metadataFile: string, text: string | Error, fallback: { name: string; version: string }, diagnostics: Diagnostic[]): Headers | undefined {
  if (text instanceof Error) {
    diagnostics.push(diagnostic('python-file-invalid', text.message, { location: { file: metadataFile }, component: `${fallback.name}@${fallback.version}` }));
    return undefined;
  }
  const parsed = parseMetadata(text);
  if (parsed.ok) {
    if (parsed.unfolded) {
      const [first] = parsed.unfolded;
      const lines = parsed.unfolded.map((item) => item.line);
      const said = lines.length === 1 ? `line ${lines[0]} is` : `lines ${lines.slice(0, 5).join(', ')}${lines.length > 5 ? ', …' : ''} are`;
      const id = `${normaliseName(header(parsed.headers, 'name')!.value)}@${header(parsed.headers, 'version')!.value}`;
      diagnostics.push(diagnostic('python-metadata-unfolded', `${metadataFile}: ${said} not a "Name: value" header nor indented; read as the rest of the ${first!.header} header above, as the tool that wrote it meant (setuptools before 57 left line breaks in a value unfolded), and the headers below it read too`, { location: { file: metadataFile, line: first!.line, column: 1 }, component: id }));
    }
    return parsed.headers;
  }
  diagnostics.push(diagnostic('python-file-invalid', `${metadataFile} ${parsed.message}`, { location: { file: metadataFile, line: parsed.line, column: parsed.column }, component: `${fallback.name}@${fallback.version}` }));
  return undefined;
}

/** `License-File` entries (under licenses/ since metadata 2.4, else beside METADATA) and licence-named files, walking the licence folders (exported for the test holding the listed way to it); `missing` gets the entries found nowhere. */
export async function distributionLicenceFiles(fs: ReadOnlyFs, directory: string, headers: Headers | undefined, listed: Entry[] | undefined, missing: string[] = [], diagnostics: Diagnostic[] = []): Promise<string[]> {
  const found = new Set<string>();
  // One listing of the folder and of its licence folders' trees serves the License-File entries too.
  const entries = listed ?? (await listPackageFolder(fs, directory, diagnostics));
  const present = new Set(entries.filter((entry) => entry.kind === 'file').map((entry) => `${directory}/${entry.name}`));
  for (const entry of entries) if (entry.kind === 'file' && besideMetadata(entry.name)) found.add(`${directory}/${entry.name}`);
  for (const folder of LICENCE_FOLDERS) if (entries.some((entry) => entry.name === folder && isLicenceFolder(entry))) await walkLicences(fs, `${directory}/${folder}`, found, present, LICENCE_DEPTH, diagnostics);
  addLicenseFiles(directory, headers, (path) => present.has(path), (path) => found.add(path), missing);
  return [...found].sort();
}

async function walkLicences(fs: ReadOnlyFs, folder: string, found: Set<string>, present: Set<string>, depth: number, diagnostics: Diagnostic[]): Promise<void> {
  for (const entry of await listPackageFolder(fs, folder, diagnostics)) {
    if (entry.kind === 'file') present.add(`${folder}/${entry.name}`);
    if (entry.kind === 'file' && isLicenceFolderFile(entry.name)) found.add(`${folder}/${entry.name}`);
    else if (entry.kind === 'directory' && depth > 0) await walkLicences(fs, `${folder}/${entry.name}`, found, present, depth - 1, diagnostics);
  }
}
