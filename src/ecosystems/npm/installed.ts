// Reads an installed node_modules tree without running anything: hoisted and nested layouts,
// scoped packages, bundled dependencies, workspaces and pnpm's virtual store (both reached through
// symlinks, recorded as links to their real folders), yarn's node_modules linker.
import { diagnostic } from '../../diagnostics.js';
import type { Diagnostic } from '../../types.js';
import { FileError, type ReadOnlyFs } from '../fs.js';
import type { ReadingCache } from '../types.js';
import type { Unlocated } from './graph.js';
import { ManifestError, parseInstalledManifest, parseManifest, type Manifest, type ManifestOptions } from './manifest.js';
import { dependencyLineIn, dependencyLinesOf } from './manifest-lines.js';
import { declaredDependencies, nameFromPath, type Tree } from './tree.js';
import { isPassedFolderName, passedName } from './licence-files.js';
import { pushTo } from '../../util/arrays.js';

/** package.json files larger than this are not read (a manifest is a few KB). */
const MAX_MANIFEST_BYTES = 5 * 1024 * 1024;

/** Reads a package.json, turning every failure into a located diagnostic. */
export async function readManifest(
  fs: ReadOnlyFs,
  path: string,
  diagnostics: Diagnostic[],
  options?: ManifestOptions,
): Promise<Manifest | undefined> {
  const file = path === '' ? 'package.json' : `${path}/package.json`;
  try {
    const manifest = parseManifest(await fs.readText(file, MAX_MANIFEST_BYTES), options);
    for (const { field, problem, line } of manifest.dependencyProblems ?? []) {
      const code = field === 'workspaces' ? 'npm-workspaces-invalid' : 'npm-dependencies-invalid';
      diagnostics.push(diagnostic(code, `${file}: \`${field}\` ${problem}; copyfair reads none of ${problem.startsWith('gives') ? 'those' : 'it'}`, { location: { file, ...(line !== undefined ? { line } : {}) } }));
    }
    return manifest;
  } catch (error) {
    manifestDiagnostic(error, file, path, diagnostics);
    return undefined;
  }
}

/** An installed package's package.json (see parseInstalledManifest), from `readings` when a scan of this project kept it. */
async function readInstalledManifest(fs: ReadOnlyFs, path: string, diagnostics: Diagnostic[], readings: ReadingCache | undefined): Promise<Manifest | undefined> {
  const file = `${path}/package.json`;
  try {
    const text = await fs.readText(file, MAX_MANIFEST_BYTES);
    return readings ? readings.read('npm-manifest', text, parseInstalledManifest) : parseInstalledManifest(text);
  } catch (error) {
    manifestDiagnostic(error, file, path, diagnostics);
    return undefined;
  }
}

/** A package.json that could not be read, as a located diagnostic. */
function manifestDiagnostic(error: unknown, file: string, path: string, diagnostics: Diagnostic[]): void {
  if (error instanceof ManifestError) {
    diagnostics.push(diagnostic('npm-manifest-invalid', `${file} ${error.message}`, { location: { file, line: error.line, column: error.column } }));
  } else if (error instanceof FileError && error.problem === 'missing') {
    diagnostics.push(diagnostic('npm-manifest-missing', `${path} has no package.json`, { location: { file: path } }));
  } else if (error instanceof FileError && error.problem === 'outside') {
    diagnostics.push(diagnostic('npm-link-outside', error.message, { location: { file } }));
  } else if (error instanceof FileError && (error.problem === 'not-a-file' || error.problem === 'too-large')) {
    diagnostics.push(diagnostic('npm-manifest-invalid', error.message, { location: { file } }));
  } else {
    diagnostics.push(diagnostic('npm-unreadable', (error as Error).message, { location: { file } }));
  }
}

/**
 * Gives each location the line of its dependency entry, reading each manifest once more: only
 * findings need these lines, and a scan has few (a manifest's text is not kept for them).
 */
export async function locateDependencyLines(fs: ReadOnlyFs, unlocated: Unlocated[]): Promise<void> {
  const byFile = new Map<string, Unlocated[]>();
  for (const item of unlocated) pushTo(byFile, item.location.file, item);
  for (const [file, items] of byFile) {
    let lines: Record<string, number>;
    try {
      lines = dependencyLinesOf(await fs.readText(file, MAX_MANIFEST_BYTES));
    } catch {
      continue; // gone or changed since it was read: the finding keeps its file, without a line
    }
    for (const { location, name } of items) location.line = dependencyLineIn(lines, name);
  }
}

/** State of one walk over node_modules folders. */
interface Walk {
  fs: ReadOnlyFs;
  /** What earlier scans of this project read out of the same package.json texts. */
  readings: ReadingCache | undefined;
  tree: Tree;
  listed: Set<string>;
  diagnostics: Diagnostic[];
}

/**
 * Adds every package installed below the given projects to the tree. Projects (root and
 * workspaces) must already be entries; their node_modules are walked, and every folder reached
 * through a link is walked once, so link loops end.
 */
export async function readInstalled(fs: ReadOnlyFs, tree: Tree, projectPaths: string[], diagnostics: Diagnostic[], readings?: ReadingCache): Promise<void> {
  const walk: Walk = { fs, readings, tree, listed: new Set(), diagnostics };
  for (const path of projectPaths) await listNodeModules(walk, path === '' ? 'node_modules' : `${path}/node_modules`);
}

async function listNodeModules(walk: Walk, folder: string): Promise<void> {
  if (walk.listed.has(folder)) return;
  walk.listed.add(folder);
  for (const { path, link } of await packageFolders(walk, folder)) await addPackage(walk, path, link);
}

/** The package folders in a node_modules folder, scoped ones included, dot-folders excluded. */
async function packageFolders(walk: Walk, folder: string): Promise<{ path: string; link: boolean }[]> {
  const found: { path: string; link: boolean }[] = [];
  for (const entry of await list(walk, folder)) {
    if (entry.name.startsWith('.') || entry.kind === 'file' || entry.kind === 'other') continue;
    if (entry.name.startsWith('@')) {
      for (const scoped of await list(walk, `${folder}/${entry.name}`)) {
        if (scoped.kind === 'directory' || scoped.kind === 'symlink') found.push({ path: `${folder}/${entry.name}/${scoped.name}`, link: scoped.kind === 'symlink' || entry.kind === 'symlink' });
      }
    } else {
      found.push({ path: `${folder}/${entry.name}`, link: entry.kind === 'symlink' });
    }
  }
  return found;
}

/** A folder's entries; a folder that is not there is empty, one that cannot be read is reported. */
async function list(walk: Walk, folder: string) {
  try {
    return await walk.fs.list(folder);
  } catch (error) {
    if (error instanceof FileError && (error.problem === 'missing' || error.problem === 'not-a-directory')) return [];
    if (error instanceof FileError && error.problem === 'outside') {
      walk.diagnostics.push(diagnostic('npm-link-outside', error.message, { location: { file: folder } }));
      return [];
    }
    walk.diagnostics.push(diagnostic('npm-unreadable', (error as Error).message, { location: { file: folder } }));
    return [];
  }
}

async function addPackage(walk: Walk, access: string, link: boolean): Promise<void> {
  // Folders below a real folder are real: only links need resolving (a realpath costs a stat per
  // path segment, and a tree has tens of thousands of folders).
  let real = access;
  if (link) {
    try {
      real = await walk.fs.real(access);
    } catch (error) {
      if (error instanceof FileError && error.problem === 'outside') {
        // Counted, never read: a package whose files lie outside the project is unknown.
        walk.diagnostics.push(diagnostic('npm-link-outside', error.message, { location: { file: access } }));
        walk.tree.entries.set(access, { path: access, name: nameFromPath(access), version: 'unknown', dependencies: [], location: { file: access }, broken: true });
      } else {
        walk.diagnostics.push(diagnostic('npm-symlink-broken', `${access} is a link to nothing`, { location: { file: access } }));
      }
      return;
    }
  }
  walk.tree.links.set(access, real);
  if (walk.tree.entries.has(real)) return;
  const entries = await list(walk, real);
  // Every name but folders: a FIFO is then refused by the read, with a diagnostic, instead of
  // passing silently as "no licence file"; so is a folder called package.json. A folder called
  // LICENSE is passed as "LICENSE/": its texts are the package's licence texts (licenceFiles).
  // REUSE's LICENSES folder and folders of others' code too, whose licence files licenceFiles lists.
  const files = entries.filter((entry) => entry.kind !== 'directory' || /^package\.json$/i.test(entry.name) || isPassedFolderName(entry.name)).map(passedName);
  const manifest = files.includes('package.json') ? await readInstalledManifest(walk.fs, real, walk.diagnostics, walk.readings) : undefined;
  if (!manifest && !files.includes('package.json')) {
    walk.diagnostics.push(diagnostic('npm-manifest-missing', `${real} has no package.json`, { location: { file: real } }));
  }
  const nested = entries.some((entry) => entry.name === 'node_modules');
  walk.tree.entries.set(real, {
    path: real,
    name: manifest?.name ?? nameFromPath(access),
    version: manifest?.version ?? 'unknown',
    // A package whose manifest is broken keeps what it visibly brings: its own node_modules
    // (the lockfile, when there is one, adds the rest; see brokenEntries in index.ts).
    dependencies: manifest ? declaredDependencies(manifest, false) : nested ? (await packageFolders(walk, `${real}/node_modules`)).map(({ path }) => ({ name: nameFromPath(path), kind: 'prod' as const })) : [],
    manifest,
    location: { file: `${real}/package.json`, line: manifest?.licenceLine },
    files,
    ...(manifest ? {} : { broken: true }),
  });
  if (nested) await listNodeModules(walk, `${real}/node_modules`);
  // pnpm keeps a package's dependencies beside it in the virtual store, not below it.
  const containing = real.slice(0, real.lastIndexOf('/node_modules/') + '/node_modules'.length);
  if (real.includes('/node_modules/')) await listNodeModules(walk, containing);
}
