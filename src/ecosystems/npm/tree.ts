// The install tree: where each package sits (an installed node_modules folder, or a lockfile's
// idea of one) and what it depends on. Dependencies resolve the way Node resolves them: from the
// package's own folder up through every node_modules above it.
import type { Location, Scope } from '../../types.js';
import type { Manifest } from './manifest.js';
import type { PlatformFields } from './platform.js';

/** A dependency a package declares, with the kind of edge it makes. */
export interface Declared {
  name: string;
  kind: Scope;
}

/** One package at one install location. */
export interface TreeEntry {
  /** Real install path relative to the root, `/`-separated ('' for the root project). */
  path: string;
  name: string;
  version: string;
  dependencies: Declared[];
  /** The manifest read from disk, when installed. */
  manifest?: Manifest;
  /** A licence recorded in the lockfile (package-lock v2+), when not installed. */
  lockLicence?: unknown;
  /** Where the package is described: its package.json, or its lockfile entry. */
  location: Location;
  /** True for the root project and workspaces: the user's own code, not a dependency. */
  project?: boolean;
  /** Names of the files at the top of the installed folder (read once, when installed). */
  files?: string[];
  /** The lockfile's `os`, `cpu` and `libc` for the entry (package-lock v2+). */
  platforms?: PlatformFields;
  /**
   * Its manifest could not be read (broken, missing, a link outside the project): its
   * dependencies are what node_modules and the lockfile show, and packages nothing else reaches
   * are counted as its own rather than dropped.
   */
  broken?: true;
}

/** The packages of a project, by install path, with the links that lead to them. */
export interface Tree {
  entries: Map<string, TreeEntry>;
  /** Access path (possibly a symlink, or a lockfile link) → real install path. */
  links: Map<string, string>;
}

/** An empty tree. */
export function emptyTree(): Tree {
  return { entries: new Map(), links: new Map() };
}

/** The dependency sections of a manifest or a lockfile entry. */
export interface DependencySections {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/** The dependencies declared; dev dependencies only count for projects. */
export function declaredDependencies(sections: DependencySections, project: boolean): Declared[] {
  const declared: Declared[] = [];
  const add = (names: Record<string, string> | undefined, kind: Scope) => {
    for (const name of Object.keys(names ?? {}).sort()) declared.push({ name, kind });
  };
  add(sections.dependencies, 'prod');
  add(sections.optionalDependencies, 'optional');
  add(sections.peerDependencies, 'peer');
  if (project) add(sections.devDependencies, 'dev');
  // A name listed twice (dependencies and optionalDependencies) keeps its first, strongest kind.
  const seen = new Set<string>();
  return declared.filter((dep) => !seen.has(dep.name) && Boolean(seen.add(dep.name)));
}

/** Where Node would find `name` required from the package at `from`, or undefined. */
export function resolveDependency(tree: Tree, from: string, name: string): string | undefined {
  // From the package's own folder up: each shorter prefix of `from` (cut at a '/'), then the
  // root, skipping prefixes that end in a node_modules segment. {@link resolveDependencyBySegments}
  // is the same walk over split segments, which tests hold this to.
  for (let end = from === '' ? -1 : from.length; ; end = slashBefore(from, end)) {
    if (end === -1) return found(tree, `node_modules/${name}`);
    const start = slashBefore(from, end) + 1;
    if (end - start === 12 && from.startsWith('node_modules', start)) continue;
    const real = found(tree, `${from.slice(0, end)}/node_modules/${name}`);
    if (real !== undefined) return real;
  }
}

/** The index of the last '/' before `index` in `path`, or -1. */
function slashBefore(path: string, index: number): number {
  return index === 0 ? -1 : path.lastIndexOf('/', index - 1);
}

/** The installed entry a path leads to (itself, or through a link), if any. */
function found(tree: Tree, candidate: string): string | undefined {
  const real = tree.links.get(candidate) ?? (tree.entries.has(candidate) ? candidate : undefined);
  return real !== undefined && tree.entries.has(real) ? real : undefined;
}

/** {@link resolveDependency} as it was, over split segments: the reference tests compare it with. */
export function resolveDependencyBySegments(tree: Tree, from: string, name: string): string | undefined {
  const parts = from === '' ? [] : from.split('/');
  for (let length = parts.length; length >= 0; length--) {
    if (length > 0 && parts[length - 1] === 'node_modules') continue;
    const candidate = [...parts.slice(0, length), 'node_modules', name].join('/');
    const real = tree.links.get(candidate) ?? (tree.entries.has(candidate) ? candidate : undefined);
    if (real !== undefined && tree.entries.has(real)) return real;
  }
  return undefined;
}

/** The package name an install path ends in: `node_modules/@a/b` → `@a/b`. */
export function nameFromPath(path: string): string {
  const index = path.lastIndexOf('node_modules/');
  const rest = index === -1 ? path : path.slice(index + 'node_modules/'.length);
  const parts = rest.split('/');
  return parts[0]?.startsWith('@') && parts.length > 1 ? `${parts[0]}/${parts[1]}` : parts[0] ?? path;
}
