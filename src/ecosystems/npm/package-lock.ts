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
    readonly column?: number,
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
export function keyLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  // Line by line without splitting the text (a lockfile has tens of thousands of lines): one
  // anchored match at each line's start, whose pattern cannot cross a line break. Same answers as
  // {@link keyLinesByLine}, which tests hold it to.
  let line = 1;
  for (let start = 0; start <= text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end - start <= 4096) {
      // a key line is short; a minified lockfile has no lines to give
      KEY_LINE.lastIndex = start;
      const match = KEY_LINE.exec(text);
      if (match && !lines.has(match[1]!)) lines.set(match[1]!, line);
    }
    start = end + 1;
  }
  return lines;
}

/** A `"key": {` line from where it starts: `\s` and `[^"]` of {@link keyLinesByLine} without the line break. */
const KEY_LINE = /[^\S\n]*"((?:node_modules\/)?[^"\n]*)"[^\S\n]*:[^\S\n]*\{/y;

/** {@link keyLines} line by line, as it was: the reference the tests compare it with. */
export function keyLinesByLine(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  text.split('\n').forEach((line, index) => {
    if (line.length > 4096) return;
    const match = /^\s*"((?:node_modules\/)?[^"]*)"\s*:\s*\{/.exec(line);
    if (match && !lines.has(match[1]!)) lines.set(match[1]!, index + 1);
  });
  return lines;
}

/** Where JSON.parse stopped, as line and column, from its message's position. */
export function jsonErrorPosition(text: string, error: Error): { line?: number; column?: number } {
  const match = /position (\d+)/.exec(error.message);
  if (!match) return {};
  const offset = Number(match[1]);
  let line = 1;
  let start = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line++;
    start = index + 1;
  }
  return { line, column: offset - start + 1 };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A dependency map as written, keeping only string values (anything else is not a range). */
function ranges(value: unknown): Record<string, string> | undefined {
  if (!isObject(value)) return undefined;
  const out: Record<string, string> = {};
  for (const name of Object.keys(value)) {
    const range = value[name];
    if (typeof range !== 'string') continue;
    // A plain assignment, but never to `__proto__` (that would set the prototype, not a key).
    if (name === '__proto__') Object.defineProperty(out, name, { value: range, enumerable: true, writable: true, configurable: true });
    else out[name] = range;
  }
  return out;
}

/** An entry's dependency sections, string ranges only. */
function sections(entry: LockPackage) {
  return { dependencies: ranges(entry.dependencies), optionalDependencies: ranges(entry.optionalDependencies), peerDependencies: ranges(entry.peerDependencies), devDependencies: ranges(entry.devDependencies) };
}

/** The lockfile versions copyfair reads; a later one is refused rather than misread. */
const KNOWN_VERSIONS = new Set([1, 2, 3]);

/** What to read of each entry besides its place, name, version, licence and line. */
export interface LockReadOptions {
  /**
   * Each entry's declared dependencies (default true). Beside an installed node_modules only the
   * entries of packages whose own package.json is broken need them: without, every entry has none.
   */
  dependencies?: boolean;
}

/** Parses a package-lock into the tree; projects become entries too (root and workspaces). */
export function readPackageLock(file: string, text: string, tree: Tree, options: LockReadOptions = {}): { lockfileVersion: number } {
  const withDependencies = options.dependencies ?? true;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const { line, column } = jsonErrorPosition(text, error as Error);
    throw new LockfileError(`is not valid JSON: ${(error as Error).message.split('\n')[0]!.slice(0, 200)}`, line, column);
  }
  if (!isObject(parsed)) throw new LockfileError(`is not a JSON object (it is ${parsed === null ? 'null' : Array.isArray(parsed) ? 'a list' : typeof parsed})`, 1, 1);
  const lock = parsed as { lockfileVersion?: unknown; packages?: unknown; dependencies?: unknown; name?: unknown };
  const version = lock.lockfileVersion ?? 1;
  if (typeof version !== 'number' || !KNOWN_VERSIONS.has(version)) {
    throw new LockfileError(`has lockfileVersion ${JSON.stringify(version).slice(0, 40)}, which copyfair does not know (it reads 1, 2 and 3); regenerate it with npm 7 or later, or update copyfair`);
  }
  const lines = keyLines(text);
  if (lock.packages !== undefined && version >= 2) {
    if (!isObject(lock.packages)) throw new LockfileError('has a `packages` that is not an object', lines.get('packages'));
    for (const [path, value] of Object.entries(lock.packages)) {
      if (!isObject(value)) throw new LockfileError(`has an entry "${path.slice(0, 200)}" that is not an object`, lines.get(path));
      const entry = value as LockPackage;
      if (entry.link && typeof entry.resolved === 'string') {
        tree.links.set(path, entry.resolved);
        continue;
      }
      const project = path === '' || !path.includes('node_modules/');
      const node: TreeEntry = {
        path,
        name: typeof entry.name === 'string' ? entry.name : path === '' ? (typeof lock.name === 'string' ? lock.name : 'root') : nameFromPath(path),
        version: typeof entry.version === 'string' ? entry.version : 'unknown',
        dependencies: withDependencies ? declaredDependencies(sections(entry), project) : [],
        lockLicence: entry.license,
        location: { file, line: lines.get(path) },
        project,
        ...(entry.os !== undefined || entry.cpu !== undefined || entry.libc !== undefined ? { platforms: { os: entry.os, cpu: entry.cpu, libc: entry.libc } } : {}),
      };
      tree.entries.set(path, node);
    }
    return { lockfileVersion: version };
  }
  if (!isObject(lock.dependencies)) throw new LockfileError('has neither `packages` nor `dependencies`');
  readV1(file, lock.dependencies as Record<string, unknown>, '', tree, lines, withDependencies);
  return { lockfileVersion: 1 };
}

/** Version 1 nests dependencies; the nesting is the install layout (walked without recursion). */
function readV1(file: string, dependencies: Record<string, unknown>, parent: string, tree: Tree, lines: Map<string, number>, withDependencies: boolean): void {
  const pending: [Record<string, unknown>, string][] = [[dependencies, parent]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [level, above] = next;
    for (const [name, value] of Object.entries(level)) {
      if (!isObject(value)) throw new LockfileError(`has a dependency "${name.slice(0, 200)}" that is not an object`, lines.get(name));
      const entry = value as LockV1Dependency;
      const path = `${above === '' ? '' : `${above}/`}node_modules/${name}`;
      tree.entries.set(path, {
        path,
        name,
        version: typeof entry.version === 'string' ? entry.version : 'unknown',
        dependencies: withDependencies ? Object.keys(ranges(entry.requires) ?? {}).sort().map((dep) => ({ name: dep, kind: 'prod' as Scope })) : [],
        location: { file, line: lines.get(name) },
      });
      if (isObject(entry.dependencies)) pending.push([entry.dependencies as Record<string, unknown>, path]);
    }
  }
}
