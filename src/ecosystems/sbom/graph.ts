// Entries and edges → Components: every path from the project that brings each entry in
// (shortest first, at most MAX_PATHS), and its scope: the best scope over all the ways it is
// brought in (prod before optional, peer, dev), a path being as weak as its weakest edge.
import { MAX_PATHS, sortedPaths } from '../npm/graph.js';
import type { Component, Evidence, Scope } from '../../types.js';
import { ecosystemOf, type SbomGraph } from './model.js';

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
      purl: entry.purl ?? `pkg:generic/${encodeURIComponent(entry.name)}${entry.version ? `@${encodeURIComponent(entry.version)}` : ''}`,
      scope,
      paths: sortedPaths(found),
      location: { file, pointer: entry.pointer },
      evidence: entry.evidence,
      licenceFiles: [],
      funding: [],
    });
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
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

/** Up to MAX_PATHS shortest paths (of names) from the project to each ref, breadth first. */
function shortestPaths(graph: SbomGraph, children: Map<string, { to: string; scope: Scope }[]>, projectName: string): Map<string, string[][]> {
  const names = new Map(graph.entries.map((entry) => [entry.ref, entry.name]));
  const paths = new Map<string, string[][]>();
  const roots = new Set(graph.roots);
  let frontier: { ref: string; path: string[]; seen: Set<string> }[] = graph.roots.map((root) => ({ ref: root, path: [projectName], seen: new Set([root]) }));
  while (frontier.length > 0) {
    const next: typeof frontier = [];
    for (const { ref, path, seen } of frontier) {
      for (const edge of children.get(ref) ?? []) {
        if (seen.has(edge.to) || roots.has(edge.to)) continue;
        const known = paths.get(edge.to) ?? [];
        if (known.length >= MAX_PATHS) continue;
        const extended = [...path, names.get(edge.to) ?? edge.to];
        known.push(extended);
        paths.set(edge.to, known);
        next.push({ ref: edge.to, path: extended, seen: new Set([...seen, edge.to]) });
      }
    }
    frontier = next;
  }
  return paths;
}

function unique(evidence: Evidence[]): Evidence[] {
  return [...new Map(evidence.map((item) => [JSON.stringify(item), item])).values()];
}
