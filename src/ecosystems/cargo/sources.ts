// Where a crate's files are: the project's vendor folder (`cargo vendor`, with the source
// replacement in .cargo/config.toml naming the folder) or Cargo's registry cache.
import type { Diagnostic } from '../../types.js';
import { diagnostic } from '../../diagnostics.js';
import { FileError, type ReadOnlyFs } from '../fs.js';
import type { ReadingCache } from '../types.js';
import { withoutUndefined } from '../../util/plain-data.js';
import { listOrEmpty, MAX_MANIFEST_BYTES, unlisted, readProjectText } from '../folder.js';
import { licenceFileNames } from '../npm/licence-files.js';
import { parseToml, table, text } from '../toml.js';
import { parseCrateManifest, type CargoManifest } from './manifest.js';
import type { TomlProblem } from '../toml.js';

/** A crate's folder and its manifest (undefined when its Cargo.toml is broken). */
export interface CrateFolder {
  directory: string;
  manifest?: CargoManifest;
  via: 'vendor' | 'registry' | 'path';
  /** The names of the files in the folder, when already listed. */
  files?: string[];
}

/** The vendor folder the project's Cargo config names, else `vendor` when there is one. */
export async function vendorFolder(fs: ReadOnlyFs, diagnostics: Diagnostic[]): Promise<string | undefined> {
  for (const file of ['.cargo/config.toml', '.cargo/config']) {
    if (!(await fs.exists(file))) continue;
    const source = await readProjectText(fs, file, diagnostics);
    if (source === undefined) break;
    const parsed = parseToml(source);
    if (!parsed.ok) {
      diagnostics.push(diagnostic('cargo-file-invalid', `${file} ${parsed.problem.message}`, { location: { file, line: parsed.problem.line, column: parsed.problem.column } }));
      break;
    }
    const sources = table(parsed.value.source);
    const replacement = text(table(sources['crates-io'])['replace-with']);
    const directory = replacement ? text(table(sources[replacement]).directory) : undefined;
    if (directory && !directory.startsWith('/') && !directory.split('/').includes('..')) return directory.replace(/^\.\//, '').replace(/\/$/, '');
  }
  return (await fs.isDirectory('vendor')) ? 'vendor' : undefined;
}

/** Every vendored crate by `name@version` (`name@*` when its Cargo.toml is broken), read from each folder's Cargo.toml. */
export async function readVendor(fs: ReadOnlyFs, vendor: string, diagnostics: Diagnostic[], readings?: ReadingCache): Promise<Map<string, CrateFolder>> {
  const found = new Map<string, CrateFolder>();
  // A link is listed through (one inside the project is read like a folder; one leading out of it
  // is a diagnostic, never followed).
  const folders = (await listOrEmpty(fs, vendor)).filter((entry) => (entry.kind === 'directory' || entry.kind === 'symlink') && !entry.name.startsWith('.')).map((entry) => entry.name);
  // Every folder listed, then every Cargo.toml read, each through one small callback, and the
  // manifests read synchronously: no async function awaits once per crate (V8 optimised one such
  // with every call inlined, ~30 ms of compiling per 1,000 crates). One listing per crate finds
  // Cargo.toml and, later, the licence files. A failure is raised where reading the crates in
  // turn would have met it first.
  const listings = await Promise.allSettled(folders.map((name) => fs.list(`${vendor}/${name}`)));
  const names = listings.map((listing) => (listing.status === 'fulfilled' ? licenceFileNames(listing.value) : undefined));
  const texts = await Promise.allSettled(folders.map((name, index) => (names[index]?.includes('Cargo.toml') ? fs.readText(`${vendor}/${name}/Cargo.toml`, MAX_MANIFEST_BYTES) : undefined)));
  for (let index = 0; index < folders.length; index++) {
    const listing = listings[index]!;
    if (listing.status === 'rejected') {
      // A link out of the project, or a folder that cannot be read: a diagnostic, and the crate is
      // not found here (its licence is then unknown).
      if (unlisted(listing.reason, diagnostics) === undefined) throw listing.reason;
      continue;
    }
    const files = names[index]!;
    if (!files.includes('Cargo.toml')) continue;
    const text = texts[index]!;
    if (text.status === 'rejected' && !(text.reason instanceof FileError)) throw text.reason;
    // A Cargo.toml that cannot be read (a link out of the project, too large) is read like a broken one: the folder names the crate.
    const reading: CrateReading = text.status === 'rejected' ? { ok: false, problem: { message: `cannot be read: ${(text.reason as FileError).message}` } } : readCrate(text.value!, readings);
    vendoredCrate(vendor, folders[index]!, files, reading, found, diagnostics);
  }
  return found;
}

/** What a dependency's Cargo.toml gives (parseCrateManifest without the TOML table), as plain JSON data. */
type CrateReading = { ok: true; manifest: CargoManifest } | { ok: false; problem: TomlProblem };

/**
 * A dependency's Cargo.toml, read; from `readings` when a scan of this project kept it (a repeat
 * scan of a vendored workspace then parses no crate's TOML again).
 */
function readCrate(text: string, readings: ReadingCache | undefined): CrateReading {
  return readings ? readings.read('cargo-crate', text, crateReading) : crateReading(text);
}

function crateReading(text: string): CrateReading {
  const parsed = parseCrateManifest(text);
  return withoutUndefined(parsed.ok ? { ok: true, manifest: parsed.manifest } : { ok: false, problem: parsed.problem });
}

function vendoredCrate(vendor: string, folder: string, files: string[], parsed: CrateReading, found: Map<string, CrateFolder>, diagnostics: Diagnostic[]): void {
  const directory = `${vendor}/${folder}`;
  const file = `${directory}/Cargo.toml`;
  if (!parsed.ok) {
    diagnostics.push(diagnostic('cargo-file-invalid', `${file} ${parsed.problem.message}`, { location: { file, line: parsed.problem.line, column: parsed.problem.column } }));
    // The folder name still says which crate it is (`name` or `name-version`).
    const match = /^(.+?)-(\d+\.\d+\.\d+.*)$/.exec(folder);
    found.set(match ? `${match[1]}@${match[2]}` : `${folder}@*`, { directory, via: 'vendor', files });
    return;
  }
  const { name, version } = parsed.manifest;
  if (name && version) found.set(`${name}@${version}`, { directory, manifest: parsed.manifest, via: 'vendor', files });
}

/** The registry cache's index folders (`$CARGO_HOME/registry/src/<index>`), sorted. */
export async function registryFolders(fs: ReadOnlyFs, cargoHome: string | undefined): Promise<string[]> {
  if (!cargoHome) return [];
  const base = `${cargoHome}/registry/src`;
  return (await listOrEmpty(fs, base)).filter((entry) => entry.kind === 'directory').map((entry) => `${base}/${entry.name}`);
}

/** A crate in the registry cache, read on demand. */
export async function fromRegistry(fs: ReadOnlyFs, registries: string[], name: string, version: string, diagnostics: Diagnostic[], readings?: ReadingCache): Promise<CrateFolder | undefined> {
  for (const registry of registries) {
    const directory = `${registry}/${name}-${version}`;
    const file = `${directory}/Cargo.toml`;
    // The folder listed first, as a vendored crate's: Cargo.toml and the licence files are then
    // read without a stat each. A folder that cannot be listed is looked up as before.
    const entries = await fs.list(directory).catch(() => undefined);
    const files = entries && licenceFileNames(entries);
    if (entries ? !entries.some((e) => e.name === 'Cargo.toml') : !(await fs.exists(file))) continue;
    const parsed = readCrate(await fs.readText(file, MAX_MANIFEST_BYTES), readings);
    if (!parsed.ok) {
      diagnostics.push(diagnostic('cargo-file-invalid', `${file} ${parsed.problem.message}`, { location: { file, line: parsed.problem.line, column: parsed.problem.column } }));
      return { directory, via: 'registry', ...(files ? { files } : {}) };
    }
    return { directory, manifest: parsed.manifest, via: 'registry', ...(files ? { files } : {}) };
  }
  return undefined;
}
