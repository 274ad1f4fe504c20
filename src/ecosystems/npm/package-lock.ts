// Reads package-lock.json and npm-shrinkwrap.json, versions 1 to 3, into the install tree, so a
// project answers from its lockfile alone when node_modules is absent (v2+ record each
// package's `license`).
import type { Scope } from '../../types.js';
import type { Tree, TreeEntry } from './tree.js';
import { declaredDependencies, nameFromPath } from './tree.js';

/** The lockfile could not be read. */
export class LockfileError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'LockfileError';
  }
}

interface LockPackage {
  name?: string;
  version?: string;
  license?: unknown;
  link?: boolean;
  resolved?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  os?: unknown;
  cpu?: unknown;
  libc?: unknown;
}

interface LockV1Dependency {
  version?: string;
  requires?: Record<string, string>;
  dependencies?: Record<string, LockV1Dependency>;
}

/** The line of each `"key": {` in the lockfile text, to locate entries. */
function keyLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  text.split('\n').forEach((line, index) => {
    const match = /^\s*"((?:node_modules\/)?[^"]*)"\s*:\s*\{/.exec(line);
    if (match && !lines.has(match[1]!)) lines.set(match[1]!, index + 1);
  });
  return lines;
}

/** Parses a package-lock into the tree; projects become entries too (root and workspaces). */
export function readPackageLock(file: string, text: string, tree: Tree): { lockfileVersion: number } {
  let lock: { lockfileVersion?: number; packages?: Record<string, LockPackage>; dependencies?: Record<string, LockV1Dependency>; name?: string; version?: string };
  try {
    lock = JSON.parse(text);
  } catch (error) {
    const match = /position (\d+)/.exec((error as Error).message);
    const line = match ? text.slice(0, Number(match[1])).split('\n').length : undefined;
    throw new LockfileError(`is not valid JSON: ${(error as Error).message}`, line);
  }
  const version = lock.lockfileVersion ?? 1;
  const lines = keyLines(text);
  if (lock.packages && version >= 2) {
    for (const [path, entry] of Object.entries(lock.packages)) {
      if (entry.link && entry.resolved !== undefined) {
        tree.links.set(path, entry.resolved);
        continue;
      }
      const project = path === '' || !path.includes('node_modules/');
      const node: TreeEntry = {
        path,
        name: entry.name ?? (path === '' ? lock.name ?? 'root' : nameFromPath(path)),
        version: entry.version ?? 'unknown',
        dependencies: declaredDependencies(entry, project),
        lockLicence: entry.license,
        location: { file, line: lines.get(path) },
        project,
        ...(entry.os !== undefined || entry.cpu !== undefined || entry.libc !== undefined ? { platforms: { os: entry.os, cpu: entry.cpu, libc: entry.libc } } : {}),
      };
      tree.entries.set(path, node);
    }
    return { lockfileVersion: version };
  }
  if (!lock.dependencies) throw new LockfileError('has neither `packages` nor `dependencies`');
  readV1(file, lock.dependencies, '', tree, lines);
  return { lockfileVersion: 1 };
}

/** Version 1 nests dependencies; the nesting is the install layout. */
function readV1(file: string, dependencies: Record<string, LockV1Dependency>, parent: string, tree: Tree, lines: Map<string, number>): void {
  for (const [name, entry] of Object.entries(dependencies)) {
    const path = `${parent === '' ? '' : `${parent}/`}node_modules/${name}`;
    tree.entries.set(path, {
      path,
      name,
      version: entry.version ?? 'unknown',
      dependencies: Object.keys(entry.requires ?? {}).sort().map((dep) => ({ name: dep, kind: 'prod' as Scope })),
      location: { file, line: lines.get(name) },
    });
    if (entry.dependencies) readV1(file, entry.dependencies, path, tree, lines);
  }
}
