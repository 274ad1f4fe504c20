// The Rust ecosystem: Cargo.toml (the package or workspace and its members), Cargo.lock for the
// whole build, and each crate's own Cargo.toml and licence files from the vendor folder or the
// registry cache. Nothing is run: no cargo command, no build script.
import { basename, posix } from 'node:path';
import { diagnostic } from '../../diagnostics.js';
import { readStringOnce } from '../../identify/declared.js';
import type { KnowledgeBase } from '../../kb/index.js';
import type { Component, Diagnostic, Evidence, Location, Scope } from '../../types.js';
import { expandFolders, folderLicenceFiles, readProjectText } from '../folder.js';
import { licenceFiles as licenceFilesIn } from '../npm/licence-files.js';
import type { ReadOnlyFs } from '../fs.js';
import { reach } from '../reach.js';
import type { Collected, CollectOptions, Ecosystem, Project, ReadingCache, Source } from '../types.js';
import { parseCargoLock, type LockedCrate } from './lockfile.js';
import { cargoLicence, packageLineIn, parseCargoManifest, type CargoManifest } from './manifest.js';
import { fromRegistry, readVendor, registryFolders, vendorFolder, type CrateFolder } from './sources.js';
import { append } from '../../util/arrays.js';

/** The Rust ecosystem. */
export const cargo: Ecosystem = {
  id: 'cargo',
  async detect(fs) {
    const sources: Source[] = [];
    if (await fs.exists('Cargo.toml')) sources.push({ kind: 'manifest', file: 'Cargo.toml' });
    if (await fs.exists('Cargo.lock')) sources.push({ kind: 'lockfile', file: 'Cargo.lock' });
    return sources;
  },
  collect,
};

/** A workspace member (or the root package): its folder and manifest. */
interface Member {
  directory: string;
  file: string;
  manifest: CargoManifest;
}

interface Node {
  name: string;
  version: string;
  edges: { to: string; kind: Scope }[];
  crate?: LockedCrate;
  member?: Member;
}

async function collect(fs: ReadOnlyFs, sources: Source[], options: CollectOptions): Promise<Collected> {
  const diagnostics: Diagnostic[] = [];
  const used = [...sources];
  const members = await readMembers(fs, diagnostics);
  const selected = options.workspace === undefined ? members : members.filter((m) => m.manifest.name === options.workspace || m.directory === options.workspace!.replace(/\/$/, ''));
  if (options.workspace !== undefined && selected.length === 0 && members.length > 0) {
    const names = members.filter((m) => m.directory !== '').map((m) => m.manifest.name ?? m.directory);
    diagnostics.push(diagnostic('workspace-not-found', `no workspace member "${options.workspace}"; the members are: ${names.join(', ') || 'none'}`, { location: { file: 'Cargo.toml' } }));
  }
  const projects: Project[] = selected.map((m) => ({ name: m.manifest.name ?? (m.directory || 'workspace'), version: m.manifest.version, directory: m.directory }));
  // A virtual workspace (no [package] at the root) is named after its folder.
  if (options.workspace === undefined && !members.some((m) => m.directory === '') && members.length > 0) projects.unshift({ name: basename(fs.root), directory: '' });
  const nodes = new Map<string, Node>();
  const locked = sources.some((s) => s.file === 'Cargo.lock');
  const lock = locked ? await readLock(fs, diagnostics) : undefined;
  if (lock) {
    for (const crate of lock.values()) nodes.set(crate.key, { name: crate.name, version: crate.version, edges: [], crate });
    for (const member of members) {
      const node = [...nodes.values()].find((n) => !n.crate?.source && n.name === member.manifest.name && n.version === (member.manifest.version ?? n.version));
      if (node) node.member = member;
    }
    for (const node of nodes.values()) {
      for (const to of node.crate!.dependencies) {
        const target = nodes.get(to)!;
        const kind = node.member ? kindIn(node.member.manifest, target.name) : 'prod';
        node.edges.push({ to, kind });
      }
    }
  } else {
    for (const member of members) {
      const key = `${member.manifest.name ?? member.directory}@${member.manifest.version ?? ''}`;
      const node: Node = { name: member.manifest.name ?? member.directory, version: member.manifest.version ?? '', edges: [], member };
      nodes.set(key, node);
      for (const dep of member.manifest.dependencies) {
        const to = `${dep.name}@unknown`;
        if (!nodes.has(to) && !members.some((m) => m.manifest.name === dep.name)) nodes.set(to, { name: dep.name, version: 'unknown', edges: [] });
        if (nodes.has(to)) node.edges.push({ to, kind: dep.kind });
      }
    }
    // (A Cargo.lock that is there but could not be read has its own error: not "no Cargo.lock".)
    const why = locked ? 'Cargo.lock could not be read (its error is above)' : 'no Cargo.lock';
    if (members.length > 0) diagnostics.push(diagnostic('cargo-not-locked', `${why}: copyfair lists only the direct dependencies, without versions; ${locked ? 'fix or regenerate' : 'commit'} Cargo.lock (cargo generate-lockfile) for the whole build`, { location: { file: 'Cargo.toml' } }));
  }
  const roots = [...nodes.entries()].filter(([, n]) => n.member && selected.includes(n.member)).map(([key]) => key);
  if (roots.length === 0 && lock) append(roots, [...nodes.entries()].filter(([, n]) => !n.crate?.source).map(([key]) => key));
  const reached = reach({ nodes, roots });
  const vendor = await vendorFolder(fs, diagnostics);
  if (vendor) used.push({ kind: 'vendor', file: vendor });
  const vendored = vendor ? await readVendor(fs, vendor, diagnostics, options.readings) : new Map<string, CrateFolder>();
  const registries = await registryFolders(fs, options.locations?.cargoHome);
  const missing: string[] = [];
  const components = await crateComponents(fs, [...reached].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)), { nodes, roots, members, vendored, registries, missing, kb: options.kb, diagnostics, readings: options.readings });
  if (missing.length > 0) {
    const places = [vendor ? `${vendor}/` : undefined, registries.length > 0 || options.locations?.cargoHome ? `${options.locations?.cargoHome ?? '$CARGO_HOME'}/registry/src` : undefined].filter((place) => place !== undefined);
    const where = places.length === 2 ? `in neither ${places[0]} nor ${places[1]}` : places.length === 1 ? `not in ${places[0]}` : 'in neither vendor/ nor the registry cache';
    diagnostics.push(diagnostic('cargo-not-fetched', `${missing.length} crate(s) are ${where}: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}`, { location: { file: lock ? 'Cargo.lock' : 'Cargo.toml' } }));
  }
  const registry = components.find((c) => c.directory !== undefined && registries.some((r) => c.directory!.startsWith(`${r}/`)));
  if (registry) used.push({ kind: 'registry-cache', file: `${options.locations!.cargoHome}/registry/src` });
  if (members.length === 0 && !lock) return { projects: [], components: [], sources: used, diagnostics };
  return { projects, components, sources: used, diagnostics };
}

/** The root Cargo.toml and its workspace members. */
async function readMembers(fs: ReadOnlyFs, diagnostics: Diagnostic[]): Promise<Member[]> {
  const root = await readManifest(fs, 'Cargo.toml', undefined, diagnostics);
  if (!root) return [];
  const members: Member[] = root.manifest.name ? [{ directory: '', file: 'Cargo.toml', manifest: root.manifest }] : [];
  // A root with a [package] (or dependencies) but no name is no virtual workspace: cargo refuses
  // it. Its dependencies still count (under the folder's name), or the scan would say "declares
  // no dependencies" and pass.
  if (!root.manifest.name && (root.hasPackage || root.manifest.dependencies.length > 0)) {
    const what = root.hasPackage ? 'a [package] table without a name (a string)' : 'dependencies but no [package] table';
    const line = root.hasPackage ? packageLineIn(root.source) : undefined;
    diagnostics.push(diagnostic('cargo-file-invalid', `Cargo.toml has ${what}, which cargo refuses; copyfair counts its dependencies all the same`, { location: { file: 'Cargo.toml', ...(line !== undefined ? { line } : {}) } }));
    members.push({ directory: '', file: 'Cargo.toml', manifest: { ...root.manifest, name: basename(fs.root) } });
  }
  const excluded = new Set(root.manifest.exclude.map((path) => path.replace(/^\.\//, '').replace(/\/$/, '')));
  for (const pattern of root.manifest.members) {
    for (const directory of await expandFolders(fs, pattern)) {
      if (excluded.has(directory) || members.some((m) => m.directory === directory)) continue;
      const file = `${directory}/Cargo.toml`;
      if (!(await fs.exists(file))) continue;
      const member = await readManifest(fs, file, root.workspaceDependencies, diagnostics);
      if (member) members.push({ directory, file, manifest: member.manifest });
    }
  }
  return members;
}

async function readManifest(fs: ReadOnlyFs, file: string, workspace: Record<string, unknown> | undefined, diagnostics: Diagnostic[]) {
  const source = await readProjectText(fs, file, diagnostics);
  if (source === undefined) return undefined;
  const parsed = parseCargoManifest(source, workspace);
  if (!parsed.ok) {
    diagnostics.push(diagnostic('cargo-file-invalid', `${file} ${parsed.problem.message}`, { location: { file, line: parsed.problem.line, column: parsed.problem.column } }));
    return undefined;
  }
  const shared = parsed.raw.workspace as Record<string, unknown> | undefined;
  return { manifest: parsed.manifest, workspaceDependencies: (shared?.dependencies ?? {}) as Record<string, unknown>, hasPackage: parsed.raw.package !== undefined, source };
}

async function readLock(fs: ReadOnlyFs, diagnostics: Diagnostic[]): Promise<Map<string, LockedCrate> | undefined> {
  const source = await readProjectText(fs, 'Cargo.lock', diagnostics);
  if (source === undefined) return undefined;
  const parsed = parseCargoLock(source);
  if (!parsed.ok) {
    diagnostics.push(diagnostic('cargo-file-invalid', `Cargo.lock ${parsed.problem.message}`, { location: { file: 'Cargo.lock', line: parsed.problem.line, column: parsed.problem.column } }));
    return undefined;
  }
  if (parsed.dangling.length > 0) {
    diagnostics.push(diagnostic('cargo-file-invalid', `Cargo.lock names ${parsed.dangling.length} dependency(ies) it does not lock: ${parsed.dangling.slice(0, 3).join('; ')}`, { location: { file: 'Cargo.lock' } }));
  }
  return parsed.crates;
}

/** The folder of a path dependency named by a member, read when it lies inside the project. */
async function pathCrate(fs: ReadOnlyFs, members: Member[], node: Node, diagnostics: Diagnostic[]): Promise<CrateFolder | 'private' | undefined> {
  for (const member of members) {
    const dep = member.manifest.dependencies.find((d) => d.name === node.name && d.path);
    if (!dep?.path) continue;
    const directory = posix.normalize(posix.join(dep.path.from === 'root' ? '.' : member.directory || '.', dep.path.value)).replace(/\/$/, '');
    if (directory.startsWith('..') || directory.startsWith('/') || !(await fs.exists(`${directory}/Cargo.toml`))) return undefined;
    const manifest = await readManifest(fs, `${directory}/Cargo.toml`, undefined, diagnostics);
    if (manifest?.manifest.private) return 'private';
    return { directory, ...(manifest ? { manifest: manifest.manifest } : {}), via: 'path' };
  }
  return undefined;
}

/** How a member depends on a crate: the best scope among the tables that name it. */
function kindIn(manifest: CargoManifest, name: string): Scope {
  const kinds = manifest.dependencies.filter((dep) => dep.name === name).map((dep) => dep.kind);
  return (['prod', 'optional', 'dev'] as const).find((kind) => kinds.includes(kind)) ?? 'prod';
}

/** The member's dependency line for a direct dependency, else the crate's entry in Cargo.lock. */
function bringsIn(nodes: Map<string, Node>, roots: string[], key: string, node: Node): Location {
  for (const root of roots) {
    // A root may have no manifest read: the lock's own crates stand in for members when the root
    // Cargo.toml is broken (a diagnostic says where).
    const member = nodes.get(root)!.member;
    if (!member) continue;
    const line = nodes.get(root)!.edges.some((edge) => edge.to === key) ? member.manifest.dependencies.find((dep) => dep.name === node.name)?.line : undefined;
    if (line !== undefined) return { file: member.file, line };
  }
  return node.crate ? { file: 'Cargo.lock', line: node.crate.line } : { file: 'Cargo.toml' };
}

/** What reading each crate needs. */
interface Reading {
  nodes: Map<string, Node>;
  roots: string[];
  members: Member[];
  vendored: Map<string, CrateFolder>;
  registries: string[];
  /** Crates found neither vendored nor in the registry cache, added to. */
  missing: string[];
  kb: KnowledgeBase;
  diagnostics: Diagnostic[];
  /** What a scan of this project kept of the crates' Cargo.toml files. */
  readings: ReadingCache | undefined;
}

/** One crate's component, or what it is made from once its licence files are known. */
type Pending = Component | { node: Node; scope: Scope; paths: string[][]; location: Location; folder: CrateFolder | undefined; files: string[] | Promise<string[]> };

/**
 * The components of the crates reached, in order. A crate whose folder is already listed (every
 * vendored one) needs no more reading for its licence files: they are taken for all crates at
 * once and each component made by a synchronous function, so no async function awaits once per
 * crate (V8 optimised one such, with every call it makes inlined: ~35 ms of compiling per 1,000
 * crates). Path dependencies and unlisted folders are read in turn, as before.
 */
async function crateComponents(fs: ReadOnlyFs, reached: [string, { scope: Scope; paths: string[][] }][], reading: Reading): Promise<Component[]> {
  const { nodes, roots, members, vendored, registries, missing, kb, diagnostics, readings } = reading;
  const pending: Pending[] = [];
  for (const [key, { scope, paths }] of reached) {
    const node = nodes.get(key)!;
    if (node.member) continue; // the project's own crates
    if (node.crate && !node.crate.source) {
      // A path dependency outside the workspace: third-party code kept in the tree is read like a
      // vendored crate; a private one (`publish = false`) is the project's own, as cargo-deny holds.
      const local = await pathCrate(fs, members, node, diagnostics);
      if (local === 'private') continue;
      const component = await crateComponent(fs, node, scope, paths, bringsIn(nodes, roots, key, node), local, kb, diagnostics);
      pending.push(local ? component : { ...component, notRead: `${node.name} ${node.version} is a path dependency copyfair cannot find inside the project: a person must read its licence` });
      continue;
    }
    const folder = vendored.get(key) ?? vendored.get(`${node.name}@*`) ?? (node.version !== 'unknown' ? await fromRegistry(fs, registries, node.name, node.version, diagnostics, readings) : undefined);
    if (!folder) missing.push(`${node.name} ${node.version}`);
    // A listed folder's licence files are found from its names alone (no file is read).
    const files = !folder ? [] : folder.files ? licenceFilesIn(fs, folder.directory, folder.files) : await folderLicenceFiles(fs, folder.directory, diagnostics, `${node.name}@${node.version}`);
    pending.push({ node, scope, paths, location: bringsIn(nodes, roots, key, node), folder, files });
  }
  const found = await Promise.all(pending.map((item) => ('files' in item ? item.files : undefined)));
  const components: Component[] = [];
  for (let index = 0; index < pending.length; index++) {
    const item = pending[index]!;
    if (!('files' in item)) {
      components.push(item);
      continue;
    }
    const { component, seeFile } = crateComponentOf(item.node, item.scope, item.paths, item.location, item.folder, found[index]!, kb, diagnostics);
    if (seeFile !== undefined) await addSeeFile(fs, component, seeFile);
    components.push(component);
  }
  return components;
}

async function crateComponent(fs: ReadOnlyFs, node: Node, scope: Scope, paths: string[][], location: Location, folder: CrateFolder | undefined, kb: KnowledgeBase, diagnostics: Diagnostic[]): Promise<Component> {
  const files = !folder ? [] : folder.files ? await licenceFilesIn(fs, folder.directory, folder.files) : await folderLicenceFiles(fs, folder.directory, diagnostics, `${node.name}@${node.version}`);
  const { component, seeFile } = crateComponentOf(node, scope, paths, location, folder, files, kb, diagnostics);
  if (seeFile !== undefined) await addSeeFile(fs, component, seeFile);
  return component;
}

/** `license-file`'s file among the licence files, when it is there. */
async function addSeeFile(fs: ReadOnlyFs, component: Component, path: string): Promise<void> {
  if (await fs.exists(path)) component.licenceFiles.push(path);
  component.licenceFiles.sort();
}

/** A crate's component from its manifest and licence files; `seeFile` is `license-file`'s file, to add when it exists. */
function crateComponentOf(node: Node, scope: Scope, paths: string[][], location: Location, folder: CrateFolder | undefined, licenceFiles: string[], kb: KnowledgeBase, diagnostics: Diagnostic[]): { component: Component; seeFile?: string } {
  const { name, version } = node;
  // Object literals, not a shared base spread into each: a workspace makes one per crate, and a
  // spread in code that runs cold cost ~5 µs each.
  if (!folder) {
    const where = node.crate?.source?.startsWith('git+') ? `from ${node.crate.source.replace(/#.*$/, '')}` : 'from crates.io';
    return { component: { ecosystem: 'cargo', name, version, purl: purl(name, version), scope, paths, location, funding: [], evidence: [], licenceFiles: [], notRead: `${name} ${version} (${where}) is neither vendored nor in the registry cache: run \`cargo vendor\` or \`cargo fetch\` to read its licence` } };
  }
  const evidence: Evidence[] = [];
  const manifest = folder.manifest;
  const declaredAt: Location = { file: `${folder.directory}/Cargo.toml`, ...(manifest?.licenceLine ? { line: manifest.licenceLine } : {}) };
  let seeFile: string | undefined;
  // `license-file`'s file, and its path when the licence files do not hold it yet (inside the crate).
  const named = manifest?.licenseFile?.replace(/^\.\//, '');
  const namedPath = named === undefined || named.split('/').includes('..') ? undefined : `${folder.directory}/${named}`;
  const unlisted = namedPath !== undefined && !licenceFiles.includes(namedPath) ? namedPath : undefined;
  if (manifest?.licenceNotText !== undefined) {
    // Not "declares no licence": the crate says something, in a form cargo refuses.
    const id = `${node.name}@${node.version}`;
    evidence.push({ kind: 'declared', value: manifest.licenceNotText, expression: null, location: declaredAt });
    diagnostics.push(diagnostic('licence-declared-unknown', `${id}'s Cargo.toml gives ${manifest.licenceNotText}, not a string, which cargo refuses (a workspace's \`license.workspace = true\` is resolved when a crate is packaged): a person must read its licence`, { location: declaredAt, component: id }));
  }
  if (manifest?.license !== undefined) {
    const declared = readStringOnce(cargoLicence(manifest.license), kb);
    evidence.push({ kind: 'declared', value: manifest.license, expression: declared.expression, location: declaredAt });
    if (declared.kind === 'unknown') {
      const id = `${node.name}@${node.version}`;
      diagnostics.push(diagnostic('licence-declared-unknown', `${id} declares "${manifest.license}": ${declared.note}`, { location: declaredAt, component: id }));
    }
    // `license-file` beside `license` (Cargo warns that one is enough, and crates.io shows
    // `license`): a file no licence name finds ("TERMS.txt") is read too, as the crate points at
    // it. With "license = \"MIT\"" and a TERMS.txt that restricts, the crate was MIT, free.
    if (unlisted !== undefined) {
      evidence.push({ kind: 'declared', value: `SEE LICENSE IN ${named}`, expression: null, location: declaredAt });
      seeFile = unlisted;
    }
  } else if (named !== undefined) {
    // `license-file` names the crate's own licence: read like npm's "SEE LICENSE IN <file>".
    evidence.push({ kind: 'declared', value: `SEE LICENSE IN ${named}`, expression: null, location: declaredAt });
    seeFile = unlisted;
  }
  const component: Component = { ecosystem: 'cargo', name, version, purl: purl(name, version), scope, paths, location, funding: [], directory: folder.directory, evidence, licenceFiles: licenceFiles.sort() };
  return seeFile !== undefined ? { component, seeFile } : { component };
}

/** The package URL (purl spec): `pkg:cargo/name@version`. */
export function purl(name: string, version: string): string {
  return `pkg:cargo/${name}@${encodeURIComponent(version)}`;
}
