// The dependency graph: packages and the edges between them, from an install tree or a lockfile,
// and what follows from it for each package: its scope (reachable from prod and dev ⇒ prod) and
// the paths from the projects that bring it in (shortest first).
import { diagnostic } from '../../diagnostics.js';
import type { Diagnostic, Location, Scope } from '../../types.js';
import { dependencyLine } from './manifest.js';
import { resolveDependency, type Tree, type TreeEntry } from './tree.js';
import { compareText } from '../../util/compare.js';

/** One package in the graph. */
export interface GraphNode {
  key: string;
  name: string;
  version: string;
  /** What the tree or lockfile says of it: manifest, lockfile licence, location. */
  entry: TreeEntry;
  edges: { to: string; kind: Scope }[];
}

/** Packages and edges; `roots` are the projects (root and workspaces). */
export interface Graph {
  nodes: Map<string, GraphNode>;
  roots: string[];
}

/**
 * For each package, the projects (of `graph.roots`, in their order) that depend on it directly,
 * built once per graph: where a package is brought in was asked of every project in turn, for each
 * package (a monorepo of 5,000 workspaces: 50 million look-ups).
 */
export function directDependents(graph: Graph): Map<string, string[]> {
  let index = dependents.get(graph);
  if (!index) {
    index = new Map();
    for (const root of graph.roots) {
      for (const key of new Set(graph.nodes.get(root)?.edges.map((edge) => edge.to) ?? [])) {
        const list = index.get(key);
        if (list) list.push(root);
        else index.set(key, [root]);
      }
    }
    dependents.set(graph, index);
  }
  return index;
}
const dependents = new WeakMap<Graph, Map<string, string[]>>();

/** At most this many paths are kept per package: one through each of its first parents. */
export const MAX_PATHS = 10;

/** A finding's location whose line is a dependency entry in a manifest not yet located. */
export interface Unlocated {
  location: Location;
  /** The dependency's name. */
  name: string;
}

/**
 * Builds the graph of an install tree by resolving every declared dependency as Node would. A
 * missing dependency of a package whose dependency lines were not found is added to `unlocated`,
 * for the caller to locate by reading its manifest again (`locateDependencyLines`).
 */
export function graphFromTree(tree: Tree, roots: string[], diagnostics: Diagnostic[], unlocated: Unlocated[] = []): Graph {
  const nodes = new Map<string, GraphNode>();
  for (const entry of tree.entries.values()) {
    nodes.set(entry.path, { key: entry.path, name: entry.name, version: entry.version, entry, edges: [] });
  }
  for (const node of nodes.values()) {
    for (const dep of node.entry.dependencies) {
      const to = resolveDependency(tree, node.key, dep.name);
      if (to !== undefined) node.edges.push({ to, kind: dep.kind });
      else if (dep.kind === 'prod' || (dep.kind === 'dev' && node.entry.project)) {
        const { manifest } = node.entry;
        const location: Location = { file: node.entry.location.file, line: manifest ? dependencyLine(manifest, dep.name) : node.entry.location.line };
        if (manifest && !manifest.dependencyLines) unlocated.push({ location, name: dep.name });
        diagnostics.push(diagnostic('npm-dependency-missing', `${node.name} depends on ${dep.name}, which is neither installed nor locked`, { location, component: `${dep.name}` }));
      }
    }
  }
  return { nodes, roots: roots.filter((root) => nodes.has(root)) };
}

/** The better of two scopes for the same package: prod beats optional beats peer beats dev. */
const SCOPE_ORDER: Scope[] = ['prod', 'optional', 'peer', 'dev'];

/** What the graph says of each reachable package. */
export interface Reach {
  scope: Scope;
  /** Paths of package names, each from a project to this package. */
  paths: string[][];
}

/**
 * Scope and paths of every package reachable from the roots. Scope: the edge from the project
 * decides (dependencies → prod, devDependencies → dev…); an optional or peer edge further down
 * makes a prod path optional or peer. Paths: the shortest, then one through each other parent.
 */
export function reach(graph: Graph): Map<string, Reach> {
  const scope = new Map<string, Scope>();
  const parent = new Map<string, string | undefined>();
  const parents = new Map<string, string[]>();
  const queue: string[] = [];
  const roots = new Set(graph.roots);
  for (const root of graph.roots) {
    parent.set(root, undefined);
    queue.push(root);
  }
  // Breadth-first for shortest paths; scopes improve until stable (the lattice has four values).
  for (let index = 0; index < queue.length; index++) {
    const key = queue[index]!;
    const node = graph.nodes.get(key)!;
    const isRoot = roots.has(key);
    for (const edge of node.edges) {
      if (roots.has(edge.to)) continue;
      const pathScope = isRoot ? edge.kind : combine(scope.get(key)!, edge.kind);
      const known = scope.get(edge.to);
      // Only the first MAX_PATHS parents make paths: a package 20,000 others depend on keeps ten.
      const list = parents.get(edge.to);
      if (!list) parents.set(edge.to, [key]);
      else if (list.length < MAX_PATHS && !list.includes(key)) list.push(key);
      if (!parent.has(edge.to)) {
        parent.set(edge.to, key);
        scope.set(edge.to, pathScope);
        queue.push(edge.to);
      } else if (known !== undefined && SCOPE_ORDER.indexOf(pathScope) < SCOPE_ORDER.indexOf(known)) {
        scope.set(edge.to, pathScope);
        queue.push(edge.to); // re-propagate the better scope
      }
    }
  }
  const result = new Map<string, Reach>();
  const heads = new Map<string, string[]>();
  for (const [key, value] of scope) {
    result.set(key, { scope: value, paths: pathsTo(graph, key, parent, parents.get(key) ?? [], heads) });
  }
  return result;
}

/** The scope of a path that goes on through an edge of `kind`. */
function combine(path: Scope, kind: Scope): Scope {
  if (path === 'dev') return 'dev';
  if (kind === 'optional' || kind === 'peer') return path === 'prod' ? kind : path;
  return path;
}

/** Names kept at each end of a long path; the middle becomes {@link ELIDED}. */
const PATH_HEAD = 5;
const PATH_TAIL = 5;
/** Stands for the names left out of a path deeper than PATH_HEAD + PATH_TAIL. */
export const ELIDED = '…';

/**
 * The names from a project down to `key` along the shortest-path tree. A chain 20,000 deep keeps
 * its first and last five names, so reports grow linearly with the tree; the first names of each
 * package are remembered (`heads`), so no chain is walked twice.
 */
function chain(graph: Graph, key: string, parent: Map<string, string | undefined>, heads: Map<string, string[]>): string[] {
  const tail: string[] = [];
  let at: string | undefined = key;
  for (; at !== undefined && tail.length <= PATH_HEAD + PATH_TAIL; at = parent.get(at)) tail.push(graph.nodes.get(at)!.name);
  if (at === undefined) return tail.reverse();
  return [...head(graph, key, parent, heads), ELIDED, ...tail.slice(0, PATH_TAIL).reverse()];
}

/** The first PATH_HEAD names of the path to `key`, memoised, found without recursion. */
function head(graph: Graph, key: string, parent: Map<string, string | undefined>, heads: Map<string, string[]>): string[] {
  const pending: string[] = [];
  let at: string | undefined = key;
  while (at !== undefined && !heads.has(at)) {
    pending.push(at);
    at = parent.get(at);
  }
  let above = at === undefined ? [] : heads.get(at)!;
  for (let index = pending.length - 1; index >= 0; index--) {
    const current = pending[index]!;
    const names = above.length < PATH_HEAD ? [...above, graph.nodes.get(current)!.name] : above;
    heads.set(current, names);
    above = names;
  }
  return heads.get(key)!;
}

function pathsTo(graph: Graph, key: string, parent: Map<string, string | undefined>, parents: string[], heads: Map<string, string[]>): string[][] {
  const name = graph.nodes.get(key)!.name;
  return sortedPaths(parents.slice(0, MAX_PATHS).map((via) => [...chain(graph, via, parent, heads), name]));
}

/** Paths without duplicates, shortest first then alphabetical, at most MAX_PATHS. */
export function sortedPaths(paths: string[][]): string[][] {
  // Most packages are reached by one path: nothing to sort.
  if (paths.length < 2) return paths.slice(0, MAX_PATHS);
  const unique = [...new Map(paths.map((path) => [path.join('\u0000'), path])).values()];
  // Each path joined once, not twice per comparison.
  const keyed = unique.map((path) => ({ path, text: path.join('/') }));
  keyed.sort((a, b) => a.path.length - b.path.length || compareText(a.text, b.text));
  return keyed.slice(0, MAX_PATHS).map((item) => item.path);
}
