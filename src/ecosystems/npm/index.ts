// The npm ecosystem: finds what a project has (package.json, node_modules, lockfiles), builds its
// dependency graph from the best source present, and turns each reachable package into a
// Component with its declared licence, licence files, funding and every path that brings it in.
import { diagnostic } from '../../diagnostics.js';
import { readDeclared, type DeclaredLicence } from '../../identify/declared.js';
import type { KnowledgeBase } from '../../kb/index.js';
import type { Component, Diagnostic, Evidence, Location } from '../../types.js';
import { FileError, type ReadOnlyFs } from '../fs.js';
import { globFs } from '../glob-fs.js';
import type { Collected, CollectOptions, Ecosystem, Platform, Project, ReadingCache, Source } from '../types.js';
import { describePlatform, installsOn } from './platform.js';
import { directDependents, graphFromTree, reach, sortedPaths, type Graph, type GraphNode, type Unlocated } from './graph.js';
import { locateDependencyLines, readInstalled, readManifest } from './installed.js';
import { dependencyLine, ManifestError, parseManifest, type Manifest } from './manifest.js';
import { LockfileError, readPackageLock } from './package-lock.js';
import { declaredDependencies, emptyTree, nameFromPath, type Tree, type TreeEntry } from './tree.js';
import type { LockProject } from './yarn-pnpm.js';
import { licenceFiles } from './licence-files.js';
import { wellFormed } from '../../util/web-url.js';
import { MAX_WORKSPACE_FOLDERS, workspacePatternProblem } from './workspace-patterns.js';
import { compareText } from '../../util/compare.js';
import { withoutUndefined } from '../../util/plain-data.js';
import { append } from '../../util/arrays.js';


const LOCKFILES = ['npm-shrinkwrap.json', 'package-lock.json', 'pnpm-lock.yaml', 'yarn.lock'] as const;

/** A project's manifest (root or workspace): its findings point at its dependency lines. */
const PROJECT = { dependencyLines: true };

/** The npm ecosystem. */
export const npm: Ecosystem = {
  id: 'npm',
  async detect(fs) {
    const sources: Source[] = [];
    if (await fs.exists('package.json')) sources.push({ kind: 'manifest', file: 'package.json' });
    for (const file of LOCKFILES) if (await fs.exists(file)) sources.push({ kind: 'lockfile', file });
    if (await fs.isDirectory('node_modules')) sources.push({ kind: 'node_modules', file: 'node_modules' });
    return sources;
  },
  collect,
};

async function collect(fs: ReadOnlyFs, sources: Source[], options: CollectOptions): Promise<Collected> {
  const diagnostics: Diagnostic[] = [];
  const has = (file: string) => sources.some((source) => source.file === file);
  const rootManifest = has('package.json') ? await readManifest(fs, '', diagnostics, PROJECT) : undefined;
  // A broken root manifest does not end the scan: node_modules and the lockfile still say what is
  // there, and every package they hold is counted (as if the root depended on each top-level one).
  const rootBroken = has('package.json') && !rootManifest;
  if (rootBroken) {
    const reason = diagnostics.pop()!;
    diagnostics.push(diagnostic('npm-root-manifest-invalid', reason.message, { location: reason.location }));
  }
  const root = rootManifest ?? (rootBroken ? brokenManifest() : undefined);
  const projects = await findProjects(fs, root, diagnostics);
  if (rootBroken) projects[0]!.broken = true;
  const selected = selectWorkspace(projects, options.workspace, diagnostics);
  const used: Source[] = sources.filter((source) => source.kind === 'manifest');
  let graph: Graph | undefined;
  const lockLines = new Map<string, Location>();
  if (has('node_modules')) {
    const tree = projectTree(projects);
    await readInstalled(fs, tree, projects.map((project) => project.path), diagnostics, options.readings);
    used.push({ kind: 'node_modules', file: 'node_modules' });
    const lock = LOCKFILES.slice(0, 2).find(has);
    let locked: Tree | undefined;
    if (lock) {
      used.push({ kind: 'lockfile', file: lock });
      locked = await compareLockfile(fs, lock, tree, lockLines, diagnostics, options.readings);
    }
    completeBroken(tree, locked);
    const unlocated: Unlocated[] = [];
    graph = graphFromTree(tree, selected.map((project) => project.path), diagnostics, unlocated);
    await locateDependencyLines(fs, unlocated);
  } else {
    graph = await graphFromLockfile(fs, sources, projects, selected, used, diagnostics, options.platform);
  }
  if (!graph) {
    // A project that declares no dependency at all has nothing to pay back: that is an answer.
    const declaresAny = selected.some((project) => declaredDependencies(project.manifest, true).length > 0);
    // (A lockfile that is there but could not be read has its own error, located; this says so.)
    const refused = used.find((source) => source.kind === 'lockfile')?.file;
    if (projects.length === 0 || declaresAny) {
      const why =
        projects.length === 0
          ? 'no package.json, lockfile or node_modules'
          : refused
            ? `package.json declares dependencies, but there is no node_modules and ${refused} could not be read (its error is below); fix or regenerate it, or install (npm ci)`
            : 'package.json declares dependencies, but there is neither node_modules nor a lockfile; install (npm ci) or commit the lockfile';
      diagnostics.push(diagnostic('no-sources', `${fs.root}: ${why}`, { location: { file: projects.length === 0 ? '.' : 'package.json' } }));
    }
    return { projects: selected.map(toProject), components: [], sources: used, diagnostics };
  }
  const components = await toComponents(fs, graph, lockLines, options.kb, diagnostics, options.workspace === undefined);
  return { projects: selected.map(toProject), components, sources: used, diagnostics };
}

interface ProjectManifest {
  path: string;
  manifest: Manifest;
  /** The manifest could not be read: `manifest` is empty and the dependencies come from elsewhere. */
  broken?: boolean;
}

/** The stand-in for a manifest that could not be read. */
function brokenManifest(): Manifest {
  return { dependencies: {}, devDependencies: {}, optionalDependencies: {}, peerDependencies: {}, bundleDependencies: [], workspaces: [], funding: [], contacts: {}, dependencyLines: {} };
}

/**
 * Gives packages whose manifest is broken the dependencies the lockfile records for them (and
 * their licence and version); a broken root project depends on every top-level package.
 */
function completeBroken(tree: Tree, locked: Tree | undefined): void {
  for (const entry of tree.entries.values()) {
    if (!entry.broken) continue;
    const lockEntry = locked?.entries.get(entry.path);
    if (lockEntry) {
      const known = new Set(entry.dependencies.map((dep) => dep.name));
      append(entry.dependencies, lockEntry.dependencies.filter((dep) => !known.has(dep.name)));
      if (entry.version === 'unknown') entry.version = lockEntry.version;
      if (entry.lockLicence === undefined) entry.lockLicence = lockEntry.lockLicence;
    }
    if (entry.project && !lockEntry) {
      const top = [...tree.entries.keys(), ...tree.links.keys()].filter((path) => /^node_modules\/(@[^/]+\/)?[^/@][^/]*$/.test(path));
      const known = new Set(entry.dependencies.map((dep) => dep.name));
      for (const path of top.sort()) {
        const name = nameFromPath(path);
        if (!known.has(name)) entry.dependencies.push({ name, kind: 'prod' });
        known.add(name);
      }
    }
  }
}

function toProject(project: ProjectManifest): Project {
  return { name: project.manifest.name ?? (project.path || 'root'), version: project.manifest.version, directory: project.path };
}

/** The root project and its workspaces (globs expanded, folders with a package.json). */
async function findProjects(fs: ReadOnlyFs, root: Manifest | undefined, diagnostics: Diagnostic[]): Promise<ProjectManifest[]> {
  if (!root) return [];
  const projects: ProjectManifest[] = [{ path: '', manifest: root }];
  if (root.workspaces.length === 0) return projects;
  const patterns: string[] = [];
  for (const pattern of root.workspaces) {
    const problem = workspacePatternProblem(pattern);
    if (problem) diagnostics.push(diagnostic('npm-workspace-pattern-invalid', `package.json: the workspaces pattern ${JSON.stringify(pattern.slice(0, 200))} ${problem}; it is not used`, { location: { file: 'package.json' } }));
    else patterns.push(pattern.trim().replace(/\/$/, ''));
  }
  if (patterns.length === 0) return projects;
  const { globby } = await import('globby');
  // The glob walks fs, not the disk under fs.root: a git revision's workspaces are its own.
  // Links are not followed (a `packages/up -> ..` loop ends), and every folder found is checked to
  // lie inside the project. Folders and links (a link may lead to a folder; it is resolved, and
  // refused when outside).
  const entries = await globby(patterns, {
    cwd: fs.root,
    fs: globFs(fs),
    onlyFiles: false,
    objectMode: true,
    expandDirectories: false,
    followSymbolicLinks: false,
    suppressErrors: true,
    ignore: ['**/node_modules/**'],
  });
  const folders = entries.filter((entry) => entry.dirent.isDirectory() || entry.dirent.isSymbolicLink()).map((entry) => entry.path.replace(/\/$/, ''));
  if (folders.length > MAX_WORKSPACE_FOLDERS) {
    diagnostics.push(diagnostic('npm-workspace-pattern-invalid', `package.json: the workspaces patterns match ${folders.length} folders, over ${MAX_WORKSPACE_FOLDERS.toLocaleString('en')}; only the first ${MAX_WORKSPACE_FOLDERS.toLocaleString('en')} are read`, { location: { file: 'package.json' } }));
  }
  const seen = new Set<string>(['']);
  for (const folder of folders.sort().slice(0, MAX_WORKSPACE_FOLDERS)) {
    let real: string;
    try {
      real = await fs.real(folder);
    } catch (error) {
      if (error instanceof FileError && error.problem === 'outside') diagnostics.push(diagnostic('npm-link-outside', `${error.message} (a workspace)`, { location: { file: folder } }));
      continue;
    }
    if (seen.has(real)) continue; // a link back to the root or to another workspace
    seen.add(real);
    if (!(await fs.isDirectory(folder))) continue;
    if (!(await fs.exists(`${folder}/package.json`))) continue;
    const manifest = await readManifest(fs, folder, diagnostics, PROJECT);
    if (manifest) projects.push({ path: folder, manifest });
  }
  return projects;
}

function selectWorkspace(projects: ProjectManifest[], workspace: string | undefined, diagnostics: Diagnostic[]): ProjectManifest[] {
  if (workspace === undefined) return projects;
  const match = projects.filter((project) => project.path !== '' && (project.manifest.name === workspace || project.path === workspace.replace(/\/$/, '')));
  if (match.length === 0) {
    const names = projects.filter((p) => p.path !== '').map((p) => p.manifest.name ?? p.path);
    diagnostics.push(diagnostic('workspace-not-found', `no workspace "${workspace}"; the workspaces are: ${names.join(', ') || 'none'}`, { location: { file: 'package.json' } }));
  }
  return match;
}

function projectTree(projects: ProjectManifest[]): Tree {
  const tree = emptyTree();
  for (const { path, manifest, broken } of projects) {
    tree.entries.set(path, {
      ...(broken ? { broken: true } : {}),
      path,
      name: manifest.name ?? (path || 'root'),
      version: manifest.version ?? '',
      dependencies: declaredDependencies(manifest, true),
      manifest,
      location: { file: path === '' ? 'package.json' : `${path}/package.json` },
      project: true,
    });
  }
  return tree;
}

/** Records lockfile lines for locating findings, and says where node_modules disagrees. */
async function compareLockfile(fs: ReadOnlyFs, file: string, installed: Tree, lockLines: Map<string, Location>, diagnostics: Diagnostic[], readings: ReadingCache | undefined): Promise<Tree | undefined> {
  let locked: Tree;
  try {
    // Its entries' dependencies stand in only for packages whose package.json is broken.
    const dependencies = [...installed.entries.values()].some((entry) => entry.broken);
    const text = await fs.readText(file);
    const read = (source: string) => lockedEntries(file, source, dependencies);
    const { entries, links } = readings ? readings.read(`npm-lock:${file}:${dependencies ? 'dependencies' : 'versions'}`, text, read) : read(text);
    locked = { entries: new Map(entries.map((entry) => [entry.path, entry])), links: new Map(links) };
  } catch (error) {
    diagnostics.push(lockfileDiagnostic(file, error));
    return undefined;
  }
  const differ: string[] = [];
  for (const [path, entry] of locked.entries) {
    lockLines.set(path, entry.location);
    const actual = installed.entries.get(installed.links.get(path) ?? path);
    if (actual && !actual.project && entry.version !== 'unknown' && actual.version !== entry.version) {
      differ.push(`${entry.name} ${entry.version} locked, ${actual.version} installed`);
    }
  }
  if (differ.length > 0) {
    diagnostics.push(diagnostic('npm-lockfile-mismatch', `${file} and node_modules disagree on ${differ.length} package(s): ${differ.slice(0, 3).join('; ')}${differ.length > 3 ? '; …' : ''}`, { location: { file } }));
  }
  return locked;
}

/** A package-lock.json's entries and links as plain JSON data, which the reading cache can keep. */
export function lockedEntries(file: string, text: string, dependencies: boolean): { entries: TreeEntry[]; links: [string, string][] } {
  const tree = emptyTree();
  readPackageLock(file, text, tree, { dependencies });
  return withoutUndefined({ entries: [...tree.entries.values()], links: [...tree.links] });
}

/** A lockfile that could not be read: its own message, or a FileError's (too large, not a file). */
function lockfileDiagnostic(file: string, error: unknown): Diagnostic {
  if (error instanceof LockfileError) return diagnostic('npm-lockfile-invalid', `${file} ${error.message}`, { location: { file, line: error.line, column: error.column } });
  if (error instanceof FileError) return diagnostic(error.problem === 'outside' ? 'npm-link-outside' : 'npm-lockfile-invalid', error.message, { location: { file } });
  throw error;
}

async function graphFromLockfile(fs: ReadOnlyFs, sources: Source[], projects: ProjectManifest[], selected: ProjectManifest[], used: Source[], diagnostics: Diagnostic[], platform?: Platform): Promise<Graph | undefined> {
  const lock = LOCKFILES.find((file) => sources.some((source) => source.file === file));
  if (!lock) return undefined;
  used.push({ kind: 'lockfile', file: lock });
  const notInstalled = diagnostic('npm-not-installed', `no node_modules: copyfair read ${lock}, which ${lock.endsWith('.json') ? 'records declared licences but no licence files' : 'records no licences at all'}`, { location: { file: lock } });
  diagnostics.push(notInstalled);
  try {
    const text = await fs.readText(lock);
    if (lock === 'yarn.lock' || lock === 'pnpm-lock.yaml') {
      const { graphFromPnpm, graphFromYarn } = await import('./yarn-pnpm.js');
      return (lock === 'yarn.lock' ? graphFromYarn : graphFromPnpm)(lock, text, selected as LockProject[], diagnostics);
    }
    const tree = emptyTree();
    readPackageLock(lock, text, tree);
    if (platform) leaveOutForeign(lock, tree, platform, diagnostics);
    // A folder entry that is neither the root nor a workspace is a `file:` dependency reached
    // through a link: a package to count, not a project of the user's.
    const known = new Set(projects.map((project) => project.path));
    for (const entry of tree.entries.values()) {
      if (entry.project && !known.has(entry.path)) {
        entry.project = false;
        entry.dependencies = entry.dependencies.filter((dep) => dep.kind !== 'dev');
      }
    }
    for (const project of projectTree(projects).entries.values()) {
      const lockEntry = tree.entries.get(project.path);
      // A broken manifest: the lockfile's record of the project says what it depends on.
      if (project.broken && lockEntry) project.dependencies = lockEntry.dependencies;
      else if (project.broken) completeBroken({ entries: new Map([['', project]]), links: new Map() }, undefined);
      tree.entries.set(project.path, project);
    }
    return graphFromTree(tree, selected.map((project) => project.path), diagnostics);
  } catch (error) {
    // Not read after all: the lockfile's own error says why, in place of the note that it was read.
    diagnostics.splice(diagnostics.indexOf(notInstalled), 1, lockfileDiagnostic(lock, error));
    return undefined;
  }
}

/** Packages npm would not install on this platform: reported once, not counted as dependencies. */
function leaveOutForeign(lock: string, tree: Tree, platform: Platform, diagnostics: Diagnostic[]): void {
  const left: string[] = [];
  for (const [path, entry] of tree.entries) {
    if (entry.platforms && !installsOn(entry.platforms, platform)) {
      tree.entries.delete(path);
      left.push(`${entry.name}@${entry.version}`);
    }
  }
  if (left.length === 0) return;
  const names = [...new Set(left)].sort();
  const shown = names.slice(0, 5).join(', ');
  diagnostics.push(diagnostic('npm-platform-skipped', `${names.length} ${names.length === 1 ? 'package is' : 'packages are'} not installed on this platform (${describePlatform(platform)}) and not counted: ${shown}${names.length > 5 ? `, and ${names.length - 5} more` : ''}`, { location: { file: lock } }));
}

/** One component per name@version reachable from the selected projects. */
async function toComponents(fs: ReadOnlyFs, graph: Graph, lockLines: Map<string, Location>, kb: KnowledgeBase, diagnostics: Diagnostic[], reportExtraneous: boolean): Promise<Component[]> {
  let reached = reach(graph);
  // Packages nothing reaches, when a reached package's manifest is broken, may well be its
  // dependencies: they are counted as its own, never dropped as extraneous.
  const broken = [...reached.keys()].sort().find((key) => graph.nodes.get(key)!.entry.broken);
  if (broken) {
    const unreached = [...graph.nodes.values()].filter((node) => !node.entry.project && !reached.has(node.key) && node.key !== broken);
    if (unreached.length > 0) {
      append(graph.nodes.get(broken)!.edges, unreached.map((node) => ({ to: node.key, kind: 'prod' as const })));
      reached = reach(graph);
    }
  }
  const byId = new Map<string, { node: GraphNode; nodes: GraphNode[] }>();
  for (const key of [...reached.keys()].sort()) {
    const node = graph.nodes.get(key)!;
    if (node.entry.project) continue;
    const id = `${node.name}@${node.version}`;
    const known = byId.get(id);
    if (known) known.nodes.push(node);
    else byId.set(id, { node, nodes: [node] });
  }
  const extraneous = [...graph.nodes.values()].filter((node) => !node.entry.project && !reached.has(node.key)).map((node) => `${node.name}@${node.version}`);
  if (reportExtraneous && extraneous.length > 0 && graph.roots.length > 0) {
    const names = [...new Set(extraneous)].sort();
    diagnostics.push(diagnostic('npm-extraneous', `${names.length} installed package(s) no project depends on: ${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}`, { location: { file: 'node_modules' } }));
  }
  const components: Component[] = [];
  for (const { node, nodes } of byId.values()) {
    const reaches = nodes.map((n) => reached.get(n.key)!);
    const scope = (['prod', 'optional', 'peer', 'dev'] as const).find((s) => reaches.some((r) => r.scope === s))!;
    const paths = sortedPaths(reaches.flatMap((r) => r.paths));
    components.push(await component(fs, graph, node, scope, paths, lockLines, kb, diagnostics));
  }
  return components.sort((a, b) => compareText(a.name, b.name) || compareText(a.version, b.version));
}

async function component(fs: ReadOnlyFs, graph: Graph, node: GraphNode, scope: Component['scope'], paths: string[][], lockLines: Map<string, Location>, kb: KnowledgeBase, diagnostics: Diagnostic[]): Promise<Component> {
  const { entry } = node;
  const manifest = entry.manifest;
  // Installed when its folder was read: a broken manifest does not hide the licence files beside it.
  const installed = entry.files !== undefined;
  let declared = manifest?.licence !== undefined ? readDeclared(manifest.license, manifest.licenses, kb, manifest.licence) : declaredOnce(manifest ? manifest.license : entry.lockLicence, manifest?.licenses, kb);
  const evidence: Evidence[] = [];
  let declaredAt: Location = manifest ? { file: `${entry.path}/package.json`, line: manifest.licenceLine } : entry.location;
  const id = `${node.name}@${node.version}`;
  // Nothing declared in package.json: the licence an older manifest beside it declares, read and
  // reported as package.json's would be.
  if (declared.kind === 'none' && manifest && installed) {
    const legacy = await legacyDeclaration(fs, entry.path, entry.files ?? [], kb, id, diagnostics);
    if (legacy) ({ declared, location: declaredAt } = legacy);
  }
  if (declared.kind !== 'none') evidence.push({ kind: 'declared', value: declared.value, expression: declared.expression, location: declaredAt });
  if (declared.kind === 'unlicensed') diagnostics.push(diagnostic('licence-unlicensed', `${id} is UNLICENSED: ${declared.note}`, { location: declaredAt, component: id }));
  if (declared.kind === 'unknown') diagnostics.push(diagnostic('licence-declared-unknown', `${id} declares "${declared.value}": ${declared.note}`, { location: declaredAt, component: id }));
  if (declared.kind === 'legacy-array') diagnostics.push(diagnostic('licence-legacy-array', `${id} uses the deprecated licenses array (${declared.value}): ${declared.note}`, { location: declaredAt, component: id }));
  const files = installed ? await licenceFiles(fs, entry.path, entry.files ?? [], declared.file) : [];
  const termsFile = entry.files?.includes('copyfair-terms.yaml') ? `${entry.path}/copyfair-terms.yaml` : undefined;
  return {
    ecosystem: 'npm',
    name: node.name,
    version: node.version,
    purl: purl(node.name, node.version),
    scope,
    paths,
    ...(installed ? { directory: entry.path } : {}),
    location: bringsIn(graph, node, lockLines),
    evidence,
    licenceFiles: files,
    funding: manifest?.funding ?? [],
    ...(manifest && Object.keys(manifest.contacts).length > 0 ? { contacts: manifest.contacts } : {}),
    ...(termsFile ? { termsFile } : {}),
  };
}

/** Manifests of older package managers that packages still ship beside package.json: Bower's and component(1)'s. */
const LEGACY_MANIFESTS = ['bower.json', 'component.json'];
/** Such a manifest is a few hundred bytes; a larger file is not read. */
const MAX_LEGACY_MANIFEST_BYTES = 256 * 1024;

/**
 * The licence the first of the package's older manifests declares (emitter-component and jsonp
 * declare MIT only in bower.json and component.json), and its line; said in an info diagnostic, as
 * is a manifest that could not be read.
 */
async function legacyDeclaration(fs: ReadOnlyFs, path: string, files: readonly string[], kb: KnowledgeBase, id: string, diagnostics: Diagnostic[]): Promise<{ declared: DeclaredLicence; location: Location } | undefined> {
  for (const name of LEGACY_MANIFESTS) {
    if (!files.includes(name)) continue;
    const file = `${path}/${name}`;
    // Read as a package.json is (its fields and the line of its licence key), and its errors said so.
    let legacy: Manifest;
    try {
      legacy = parseManifest(await fs.readText(file, MAX_LEGACY_MANIFEST_BYTES));
    } catch (error) {
      const at = error instanceof ManifestError ? { line: error.line, column: error.column } : {};
      diagnostics.push(diagnostic('licence-declared-legacy', `${id}'s package.json declares no licence, and ${file} could not be read (${(error as Error).message}): its licence field was not read`, { location: { file, ...at }, component: id }));
      continue;
    }
    const declared = readDeclared(legacy.license, legacy.licenses, kb, legacy.licence);
    if (declared.kind === 'none') continue;
    const location: Location = { file, line: legacy.licenceLine };
    diagnostics.push(diagnostic('licence-declared-legacy', `${id}'s package.json declares no licence; ${file} declares "${declared.value}", read as its declaration`, { location, component: id }));
    return { declared, location };
  }
  return undefined;
}

/** Where the component is brought in: the project's dependency line, else the lockfile entry. */
function bringsIn(graph: Graph, node: GraphNode, lockLines: Map<string, Location>): Location {
  for (const root of directDependents(graph).get(node.key) ?? []) {
    const project = graph.nodes.get(root)!;
    const line = project.entry.manifest && dependencyLine(project.entry.manifest, node.name);
    if (line !== undefined) return { file: project.entry.location.file, line };
  }
  return lockLines.get(node.key) ?? node.entry.location;
}


/** The package URL (purl spec): `pkg:npm/%40scope/name@version`. */
export function purl(name: string, version: string): string {
  const encoded = name.startsWith('@') ? `%40${name.slice(1)}` : name;
  return `pkg:npm/${wellFormed(encoded)}@${encodeURIComponent(wellFormed(version))}`;
}

/**
 * A tree declares a few dozen distinct licence values over thousands of packages: each is read
 * (parsed, aliased, suggestions for what is not SPDX) once per knowledge base.
 */
const declaredByKb = new WeakMap<KnowledgeBase, Map<string, DeclaredLicence>>();

function declaredOnce(license: unknown, licenses: unknown, kb: KnowledgeBase): DeclaredLicence {
  // Only the common shape, a string field, is cached: odd values (objects, arrays) are rare and
  // read as they come.
  if (typeof license !== 'string' || licenses !== undefined) return readDeclared(license, licenses, kb);
  let cache = declaredByKb.get(kb);
  if (!cache) declaredByKb.set(kb, (cache = new Map()));
  let declared = cache.get(license);
  if (!declared) cache.set(license, (declared = readDeclared(license, licenses, kb)));
  return declared;
}
