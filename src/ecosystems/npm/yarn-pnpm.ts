// Reads yarn.lock (classic v1 and berry) and pnpm-lock.yaml (v6 and v9) into the dependency
// graph, for projects scanned without node_modules. These lockfiles record what is locked but no
// licence, so their packages need an install (or a clarification) for a verdict.
import { parse as parseYaml } from 'yaml';
import type { Scope } from '../../types.js';
import type { Graph, GraphNode } from './graph.js';
import type { Manifest } from './manifest.js';
import { LockfileError } from './package-lock.js';
import type { TreeEntry } from './tree.js';

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

/** yarn.lock, classic (its own format) or berry (YAML with `__metadata`). */
export function readYarnLock(file: string, text: string): Map<string, Locked> {
  return /^__metadata:/m.test(text) ? readBerry(text) : readClassic(text);
}

function readClassic(text: string): Map<string, Locked> {
  const byDescriptor = new Map<string, Locked>();
  let current: Locked | undefined;
  let section: Scope | undefined;
  text.split('\n').forEach((line, index) => {
    if (line.startsWith('#') || line.trim() === '') return;
    if (!line.startsWith(' ')) {
      if (!line.endsWith(':')) throw new LockfileError(`line ${index + 1}: expected "name@range:"`, index + 1);
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

function readBerry(text: string): Map<string, Locked> {
  const document = parseYaml(text) as Record<string, { version?: string; dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> }>;
  const lines = new Map<string, number>();
  text.split('\n').forEach((line, index) => {
    if (/^\S.*:$/.test(line)) lines.set(unquote(line.slice(0, -1)), index + 1);
  });
  const byDescriptor = new Map<string, Locked>();
  for (const [key, value] of Object.entries(document)) {
    if (key === '__metadata' || !value || typeof value !== 'object') continue;
    const descriptors = key.split(',').map((d) => d.trim());
    const dependencies = Object.entries(value.dependencies ?? {}).map(([name, range]) => ({ name, range: String(range), kind: 'prod' as Scope }));
    const locked: Locked = { name: splitDescriptor(descriptors[0]!).name, version: String(value.version ?? 'unknown'), line: lines.get(key), dependencies };
    for (const descriptor of descriptors) byDescriptor.set(descriptor, locked);
  }
  return byDescriptor;
}

/** The yarn.lock entry for a dependency, trying berry's `npm:` protocol too. */
function findYarn(locked: Map<string, Locked>, name: string, range: string): Locked | undefined {
  return locked.get(`${name}@${range}`) ?? locked.get(`${name}@npm:${range}`) ?? locked.get(`${name}@${range.replace(/^npm:/, '')}`);
}

/** The graph a yarn.lock describes for the given projects. */
export function graphFromYarn(file: string, text: string, projects: LockProject[]): Graph {
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
  const roots = addProjects(nodes, projects, (name, range) => {
    const target = findYarn(locked, name, range);
    return target ? keyOf(target) : undefined;
  });
  return { nodes, roots };
}

/** Adds the projects as roots, with edges from their manifests' declared dependencies. */
function addProjects(nodes: Map<string, GraphNode>, projects: LockProject[], find: (name: string, range: string) => string | undefined): string[] {
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
      }
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
export function graphFromPnpm(file: string, text: string, projects: LockProject[]): Graph {
  let lock: { lockfileVersion?: string | number; importers?: Record<string, PnpmImporter>; packages?: Record<string, PnpmPackage>; snapshots?: Record<string, PnpmPackage> } & PnpmImporter;
  try {
    lock = parseYaml(text);
  } catch (error) {
    throw new LockfileError(`is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const v9 = String(lock.lockfileVersion ?? '').startsWith('9');
  const lines = new Map<string, number>();
  text.split('\n').forEach((line, index) => {
    const match = /^ {2}'?(\/?[^:']+(?:\([^)]*\))*)'?:\s*$/.exec(line);
    if (match) lines.set(match[1]!, index + 1);
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
    for (const [names, kind] of [[value?.dependencies, 'prod'], [value?.optionalDependencies, 'optional']] as const) {
      for (const [name, version] of Object.entries(names ?? {})) {
        const to = graphKey(keyFor(name, String(version)));
        if (nodes.has(to)) from.edges.push({ to, kind });
      }
    }
  }
  const importers = lock.importers ?? { '.': lock };
  // Every importer is searched for the name: the project folders of a lockfile and of the scan are
  // matched by what they depend on, not by path (the same name at two versions picks the first).
  const roots = addProjects(nodes, projects, (name) => {
    for (const importer of Object.values(importers)) {
      for (const section of [importer.dependencies, importer.devDependencies, importer.optionalDependencies]) {
        const found = section?.[name];
        const version = typeof found === 'string' ? found : found?.version;
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
