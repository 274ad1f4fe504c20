// Entries and edges → Components: every path from the project that brings each entry in
// (shortest first, at most MAX_PATHS), and its scope: the best scope over all the ways it is
// brought in (prod before optional, peer, dev), a path being as weak as its weakest edge.
import { ELIDED, MAX_PATHS, sortedPaths } from '../npm/graph.js';
import type { Component, Evidence, Scope } from '../../types.js';
import { ecosystemOf, type SbomGraph } from './model.js';
import { wellFormed } from '../../util/web-url.js';
import { compareText } from '../../util/compare.js';

const RANK: Record<Scope, number> = { prod: 0, optional: 1, peer: 2, dev: 3 };
const BY_RANK: Scope[] = ['prod', 'optional', 'peer', 'dev'];

export function toComponents(file: string, graph: SbomGraph): Component[] {
  const projectName = graph.project?.name ?? 'project';
  const children = new Map<string, { to: string; scope: Scope }[]>();
  for (const edge of graph.edges) {
    const list = children.get(edge.from);
    if (list) list.push(edge);
    else children.set(edge.from, [edge]);
  }
  const scopes = bestScopes(graph.roots, children);
  const paths = shortestPaths(graph, children, projectName);
  const byId = new Map<string, Component>();
  const roots = new Set(graph.roots);
  for (const entry of graph.entries) {
    // Some tools list the project among its own components too.
    if (roots.has(entry.ref)) continue;
    const id = `${entry.name}@${entry.version}`;
    const derived = scopes.get(entry.ref);
    const scope = entry.scope ?? (derived === undefined ? 'prod' : BY_RANK[derived]!);
    const found = paths.get(entry.ref) ?? [[projectName, entry.name]];
    const known = byId.get(id);
    if (known) {
      // The same package listed twice (nested, or under two refs): one component, all its evidence.
      known.paths = sortedPaths([...known.paths, ...found]);
      if (RANK[scope] < RANK[known.scope]) known.scope = scope;
      known.evidence = unique([...known.evidence, ...entry.evidence]);
      continue;
    }
    byId.set(id, {
      ecosystem: ecosystemOf(entry.purl),
      name: entry.name,
      version: entry.version,
      purl: entry.purl ?? `pkg:generic/${encodeURIComponent(wellFormed(entry.name))}${entry.version ? `@${encodeURIComponent(wellFormed(entry.version))}` : ''}`,
      scope,
      paths: sortedPaths(found),
      location: { file, pointer: entry.pointer },
      evidence: entry.evidence,
      licenceFiles: [],
      funding: [],
    });
  }
  return [...byId.values()].sort((a, b) => compareText(a.name, b.name) || compareText(a.version, b.version));
}

/** The best scope rank each ref is reached with (a path's rank is its weakest edge's). */
function bestScopes(roots: string[], children: Map<string, { to: string; scope: Scope }[]>): Map<string, number> {
  const best = new Map<string, number>(roots.map((root) => [root, 0]));
  const queue = [...roots];
  while (queue.length > 0) {
    const from = queue.shift()!;
    const rank = best.get(from)!;
    for (const edge of children.get(from) ?? []) {
      const next = Math.max(rank, RANK[edge.scope]);
      if ((best.get(edge.to) ?? Infinity) <= next) continue;
      best.set(edge.to, next);
      queue.push(edge.to);
    }
  }
  for (const root of roots) best.delete(root);
  return best;
}

/** Names kept at each end of a long path; the middle becomes ELIDED (as the npm reader does). */
const PATH_HEAD = 5;
const PATH_TAIL = 5;

/**
 * Paths (of names) from the project to each ref: through each of its first MAX_PATHS parents
 * (nearest first), along the shortest-path tree to that parent. A path deeper than ten names keeps
 * its first and last five, so a chain 20,000 deep gives paths, and a report, linear in size.
 */
function shortestPaths(graph: SbomGraph, children: Map<string, { to: string; scope: Scope }[]>, projectName: string): Map<string, string[][]> {
  const names = new Map(graph.entries.map((entry) => [entry.ref, entry.name]));
  const roots = new Set(graph.roots);
  const depth = new Map<string, number>(graph.roots.map((root) => [root, 0]));
  const treeParent = new Map<string, string>();
  const parents = new Map<string, string[]>();
  let frontier = [...graph.roots];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const ref of frontier) {
      for (const edge of children.get(ref) ?? []) {
        if (roots.has(edge.to) || edge.to === ref) continue;
        const list = parents.get(edge.to);
        if (list) list.push(ref);
        else parents.set(edge.to, [ref]);
        if (depth.has(edge.to)) continue;
        depth.set(edge.to, depth.get(ref)! + 1);
        treeParent.set(edge.to, ref);
        next.push(edge.to);
      }
    }
    frontier = next;
  }
  const heads = new Map<string, string[]>(graph.roots.map((root) => [root, [projectName]]));
  const nameOf = (ref: string) => (roots.has(ref) ? projectName : (names.get(ref) ?? ref));
  const head = (ref: string): string[] => {
    const pending: string[] = [];
    let at: string | undefined = ref;
    while (at !== undefined && !heads.has(at)) {
      pending.push(at);
      at = treeParent.get(at);
    }
    let above = at === undefined ? [] : heads.get(at)!;
    for (let index = pending.length - 1; index >= 0; index--) {
      const names = above.length < PATH_HEAD ? [...above, nameOf(pending[index]!)] : above;
      heads.set(pending[index]!, names);
      above = names;
    }
    return heads.get(ref)!;
  };
  const chain = (ref: string): string[] => {
    const tail: string[] = [];
    let at: string | undefined = ref;
    for (; at !== undefined && tail.length <= PATH_HEAD + PATH_TAIL; at = treeParent.get(at)) tail.push(nameOf(at));
    if (at === undefined) return tail.reverse();
    return [...head(ref), ELIDED, ...tail.slice(0, PATH_TAIL).reverse()];
  };
  const paths = new Map<string, string[][]>();
  for (const [ref, via] of parents) {
    const nearest = [...new Set(via)].sort((a, b) => depth.get(a)! - depth.get(b)!).slice(0, MAX_PATHS);
    paths.set(ref, nearest.map((parent) => [...chain(parent), nameOf(ref)]));
  }
  return paths;
}

function unique(evidence: Evidence[]): Evidence[] {
  return [...new Map(evidence.map((item) => [JSON.stringify(item), item])).values()];
}
