// Reads yarn.lock (classic v1 and berry) and pnpm-lock.yaml (v6 and v9) into the dependency
// graph, for projects scanned without node_modules. These lockfiles record what is locked but no
// licence, so their packages need an install (or a clarification) for a verdict.
import { diagnostic } from '../../diagnostics.js';
import type { Diagnostic } from '../../types.js';
import type { Scope } from '../../types.js';
import type { Graph, GraphNode } from './graph.js';
import type { Manifest } from './manifest.js';
import { LockfileError } from './package-lock.js';
import type { TreeEntry } from './tree.js';
import { readPlainYaml } from '../yaml-plain.js';
import { parseYamlText } from '../../util/lazy.js';
import { lineBreaks } from '../../util/lines.js';
import { shownValue } from '../../util/plain-data.js';

interface Locked {
  name: string;
  version: string;
  line?: number;
  dependencies: { name: string; range: string; kind: Scope }[];
}

/** A project of the lockfile: its folder and its manifest's declared dependencies. */
export interface LockProject {
  path: string;
  manifest: Manifest;
  /** Its package.json could not be read. */
  broken?: boolean;
}

function node(file: string, key: string, locked: Locked): GraphNode {
  const entry: TreeEntry = { path: key, name: locked.name, version: locked.version, dependencies: [], location: { file, line: locked.line } };
  return { key, name: locked.name, version: locked.version, entry, edges: [] };
}

/** `name@range` descriptors → name, splitting at the @ that is not a scope's. */
function splitDescriptor(descriptor: string): { name: string; range: string } {
  const at = descriptor.indexOf('@', descriptor.startsWith('@') ? 1 : 0);
  return at === -1 ? { name: descriptor, range: '' } : { name: descriptor.slice(0, at), range: descriptor.slice(at + 1) };
}

const unquote = (value: string) => value.trim().replace(/^"(.*)"$/, '$1');

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A map of names to strings as written; anything else in it is dropped. */
function strings(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isObject(value)) return out;
  for (const [name, item] of Object.entries(value)) {
    if (typeof item === 'string' || typeof item === 'number') Object.defineProperty(out, name, { value: String(item), enumerable: true });
  }
  return out;
}

/** Lockfile text as the readers expect it: no byte-order mark, `\n` line ends (git's autocrlf). */
const normalise = (text: string) => text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');

/**
 * YAML, parsed in linear time: a lockfile as package managers write it by the plain reader
 * (yaml-plain.ts: the real tree's pnpm-lock.yaml in tens of milliseconds, against ~1.1 s), anything
 * else by the yaml package, loaded then. Its duplicate-key check compares every key with every
 * other (33 s for an 830 KB lockfile), and a duplicate in a lockfile changes nothing we read;
 * aliases are limited, so a "billion laughs" document is refused.
 */
function parseYaml(file: string, text: string): unknown {
  const plain = readPlainYaml(text);
  if (plain !== undefined) return plain;
  try {
    return parseYamlText(text, { uniqueKeys: false, maxAliasCount: 100, prettyErrors: false, logLevel: 'error' });
  } catch (error) {
    // Without prettyErrors the yaml package gives only the offset where it stopped (`pos`), no line.
    const offset = (error as { pos?: number[] }).pos?.[0];
    const { line, column } = offset === undefined ? { line: undefined, column: undefined } : positionOf(text, offset);
    throw new LockfileError(`is not valid YAML: ${(error as Error).message.split('\n')[0]!.slice(0, 200)}`, line, column);
  }
}

/** The line and column (1-based) of a character offset of `text`. */
function positionOf(text: string, offset: number): { line: number; column: number } {
  const at = Math.max(0, Math.min(offset, text.length));
  return { line: 1 + lineBreaks(text, 0, at), column: at - text.lastIndexOf('\n', at - 1) };
}

/** The key of a top-level (`indent` 0) or second-level (`indent` 2) mapping line, or undefined: no regular expression, so no backtracking. */
function keyAt(line: string, indent: number): string | undefined {
  if (line.length <= indent || line[indent] === ' ' || line[indent] === '#' || line.slice(0, indent).trim() !== '') return undefined;
  const body = line.trimEnd();
  if (!body.endsWith(':')) return undefined;
  const key = body.slice(indent, -1);
  return key.length >= 2 && (key[0] === "'" || key[0] === '"') && key[key.length - 1] === key[0] ? key.slice(1, -1) : key;
}

/** yarn.lock, classic (its own format) or berry (YAML with `__metadata`). */
export function readYarnLock(file: string, text: string): Map<string, Locked> {
  const normalised = normalise(text);
  return /^__metadata:/m.test(normalised) ? readBerry(file, normalised) : readClassic(normalised);
}

function readClassic(text: string): Map<string, Locked> {
  const byDescriptor = new Map<string, Locked>();
  let current: Locked | undefined;
  let section: Scope | undefined;
  text.split('\n').forEach((line, index) => {
    if (line.startsWith('#') || line.trim() === '') return;
    if (!line.startsWith(' ')) {
      if (!line.endsWith(':')) throw new LockfileError(`line ${index + 1}: expected "name@range:", found ${JSON.stringify(line.slice(0, 60))}`, index + 1);
      const descriptors = line.slice(0, -1).split(',').map(unquote);
      current = { name: splitDescriptor(descriptors[0]!).name, version: 'unknown', line: index + 1, dependencies: [] };
      for (const descriptor of descriptors) byDescriptor.set(descriptor, current);
      section = undefined;
    } else if (current && /^ {2}\S/.test(line)) {
      const [key, ...rest] = line.trim().split(/\s+/);
      if (key === 'version') current.version = unquote(rest.join(' '));
      section = key === 'dependencies:' ? 'prod' : key === 'optionalDependencies:' ? 'optional' : undefined;
    } else if (current && section && /^ {4}\S/.test(line)) {
      const match = /^\s+("[^"]+"|\S+)\s+(.+)$/.exec(line);
      if (match) current.dependencies.push({ name: unquote(match[1]!), range: unquote(match[2]!), kind: section });
    }
  });
  return byDescriptor;
}

function readBerry(file: string, text: string): Map<string, Locked> {
  const document = parseYaml(file, text);
  if (!isObject(document)) throw new LockfileError('is not a mapping of packages', 1, 1);
  const lines = new Map<string, number>();
  text.split('\n').forEach((line, index) => {
    const key = keyAt(line, 0);
    if (key !== undefined) lines.set(key, index + 1);
  });
  const byDescriptor = new Map<string, Locked>();
  for (const [key, value] of Object.entries(document)) {
    if (key === '__metadata' || !isObject(value)) continue;
    const descriptors = key.split(',').map((d) => d.trim());
    const dependencies = Object.entries(strings(value.dependencies)).map(([name, range]) => ({ name, range, kind: 'prod' as Scope }));
    const version = typeof value.version === 'string' || typeof value.version === 'number' ? String(value.version) : 'unknown';
    const locked: Locked = { name: splitDescriptor(descriptors[0]!).name, version, line: lines.get(key), dependencies };
    for (const descriptor of descriptors) byDescriptor.set(descriptor, locked);
  }
  return byDescriptor;
}

/** The yarn.lock entry for a dependency, trying berry's `npm:` protocol too. */
function findYarn(locked: Map<string, Locked>, name: string, range: string): Locked | undefined {
  return locked.get(`${name}@${range}`) ?? locked.get(`${name}@npm:${range}`) ?? locked.get(`${name}@${range.replace(/^npm:/, '')}`);
}

/** The graph a yarn.lock describes for the given projects. */
export function graphFromYarn(file: string, text: string, projects: LockProject[], diagnostics: Diagnostic[] = []): Graph {
  const locked = readYarnLock(file, text);
  const nodes = new Map<string, GraphNode>();
  const keyOf = (entry: Locked) => `${entry.name}@${entry.version}`;
  for (const entry of new Set(locked.values())) {
    if (entry.version.includes('use.local')) continue; // a workspace, listed as a project
    nodes.set(keyOf(entry), node(file, keyOf(entry), entry));
  }
  for (const entry of new Set(locked.values())) {
    const from = nodes.get(keyOf(entry));
    for (const dep of entry.dependencies) {
      const target = findYarn(locked, dep.name, dep.range);
      if (from && target && nodes.has(keyOf(target))) from.edges.push({ to: keyOf(target), kind: dep.kind });
    }
  }
  const roots = addProjects(file, nodes, projects, diagnostics, (name, range) => {
    const target = findYarn(locked, name, range);
    return target ? keyOf(target) : undefined;
  });
  return { nodes, roots };
}

/** Adds the projects as roots, with edges from their manifests' declared dependencies. */
function addProjects(file: string, nodes: Map<string, GraphNode>, projects: LockProject[], diagnostics: Diagnostic[], find: (name: string, range: string) => string | undefined): string[] {
  const roots: string[] = [];
  for (const project of projects) {
    const key = `project:${project.path}`;
    const { manifest } = project;
    const entry: TreeEntry = { path: project.path, name: manifest.name ?? 'root', version: manifest.version ?? '', dependencies: [], manifest, location: { file: project.path === '' ? 'package.json' : `${project.path}/package.json` }, project: true };
    const root: GraphNode = { key, name: entry.name, version: entry.version, entry, edges: [] };
    const sections: [Record<string, string>, Scope][] = [
      [manifest.dependencies, 'prod'],
      [manifest.optionalDependencies, 'optional'],
      [manifest.peerDependencies, 'peer'],
      [manifest.devDependencies, 'dev'],
    ];
    for (const [names, kind] of sections) {
      for (const [name, range] of Object.entries(names)) {
        const to = find(name, range);
        if (to) root.edges.push({ to, kind });
        else if (kind === 'prod' || kind === 'dev') {
          // As for package-lock: a declared dependency the lockfile lacks is said, never dropped silently.
          diagnostics.push(diagnostic('npm-dependency-missing', `${entry.name} depends on ${name}@${range}, which ${file} does not lock`, { location: { file: entry.location.file, line: manifest.dependencyLines?.[`${kind === 'prod' ? 'dependencies' : 'devDependencies'}:${name}`] }, component: name }));
        }
      }
    }
    if (project.broken) {
      // The project's manifest could not be read: every locked package counts as its own.
      for (const other of [...nodes.keys()].sort()) if (!other.startsWith('project:')) root.edges.push({ to: other, kind: 'prod' });
    }
    nodes.set(key, root);
    roots.push(key);
  }
  return roots;
}

interface PnpmDependency {
  specifier?: string;
  version?: string;
}
interface PnpmImporter {
  dependencies?: Record<string, PnpmDependency | string>;
  devDependencies?: Record<string, PnpmDependency | string>;
  optionalDependencies?: Record<string, PnpmDependency | string>;
}
interface PnpmPackage {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/** `1.2.3(react@18.0.0)` → `1.2.3`; a `link:` version is a workspace. */
const plainVersion = (version: string) => version.replace(/\(.*$/, '');

/** The graph a pnpm-lock.yaml (v6 or v9) describes, for the projects it lists as importers. */
export function graphFromPnpm(file: string, raw: string, projects: LockProject[], diagnostics: Diagnostic[] = []): Graph {
  const text = normalise(raw);
  const parsed = parseYaml(file, text);
  if (!isObject(parsed)) throw new LockfileError(`is not a mapping (it is ${parsed === null ? 'empty' : Array.isArray(parsed) ? 'a list' : typeof parsed})`, 1, 1);
  const lock = parsed as { lockfileVersion?: string | number; importers?: Record<string, PnpmImporter>; packages?: Record<string, PnpmPackage>; snapshots?: Record<string, PnpmPackage> } & PnpmImporter;
  const version = shownValue(lock.lockfileVersion);
  if (!/^(6|9)(\.\d+)*$/.test(version)) {
    throw new LockfileError(`has lockfileVersion ${JSON.stringify(lock.lockfileVersion ?? null).slice(0, 40)}, which copyfair does not read (it reads pnpm lockfiles 6 and 9); regenerate it with pnpm 8 or later`, 1, 1);
  }
  for (const section of ['importers', 'packages', 'snapshots'] as const) {
    if (lock[section] !== undefined && lock[section] !== null && !isObject(lock[section])) throw new LockfileError(`has a \`${section}\` that is not a mapping`);
  }
  const v9 = version.startsWith('9');
  const lines = new Map<string, number>();
  text.split('\n').forEach((line, index) => {
    const key = keyAt(line, 2);
    if (key !== undefined) lines.set(key, index + 1);
  });
  const keyFor = (name: string, version: string) => (v9 ? `${name}@${version}` : `/${name}@${version}`);
  const graphKey = (lockKey: string) => lockKey.replace(/^\//, '');
  const nodes = new Map<string, GraphNode>();
  const snapshots = v9 ? lock.snapshots ?? {} : lock.packages ?? {};
  for (const lockKey of Object.keys(snapshots)) {
    const { name, range } = splitDescriptor(lockKey.replace(/^\//, ''));
    nodes.set(graphKey(lockKey), node(file, graphKey(lockKey), { name, version: plainVersion(range), line: lines.get(lockKey), dependencies: [] }));
  }
  for (const [lockKey, value] of Object.entries(snapshots)) {
    const from = nodes.get(graphKey(lockKey))!;
    if (!isObject(value)) continue;
    for (const [names, kind] of [[value.dependencies, 'prod'], [value.optionalDependencies, 'optional']] as const) {
      for (const [name, version] of Object.entries(strings(names))) {
        const to = graphKey(keyFor(name, version));
        if (nodes.has(to)) from.edges.push({ to, kind });
      }
    }
  }
  const importers = Object.values(lock.importers ?? { '.': lock }).filter(isObject) as PnpmImporter[];
  // Every importer is searched for the name: the project folders of a lockfile and of the scan are
  // matched by what they depend on, not by path (the same name at two versions picks the first).
  const roots = addProjects(file, nodes, projects, diagnostics, (name) => {
    for (const importer of importers) {
      for (const section of [importer.dependencies, importer.devDependencies, importer.optionalDependencies]) {
        const found = isObject(section) && Object.hasOwn(section, name) ? section[name] : undefined;
        const version = typeof found === 'string' ? found : isObject(found) && typeof found.version === 'string' ? found.version : undefined;
        if (version && !version.startsWith('link:')) {
          const key = graphKey(keyFor(name, version));
          if (nodes.has(key)) return key;
        }
      }
    }
    return undefined;
  });
  return { nodes, roots };
}
