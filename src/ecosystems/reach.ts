// Scope and dependency paths for any ecosystem's graph, through npm's `reach`, which reads only
// each node's name and edges: Python, Cargo and Go build graphs of that shape.
import { reach as reachGraph, type Graph, type Reach } from './npm/graph.js';
import type { Scope } from '../types.js';

/** A package graph as `reach` reads it: names and edges by key; `roots` are the projects. */
export interface PackageGraph {
  nodes: Map<string, { name: string; edges: { to: string; kind: Scope }[] }>;
  roots: string[];
}

/** What the graph says of each package reachable from the roots (the roots excluded); each one's paths come sorted and unique (npm/graph.ts, sortedPaths), ready for the report. */
export function reach(graph: PackageGraph): Map<string, Reach> {
  return reachGraph(graph as unknown as Graph);
}

