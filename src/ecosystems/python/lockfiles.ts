// Python lockfiles: uv.lock, poetry.lock, pdm.lock (TOML) and Pipfile.lock (JSON). They name each
// package and version of the resolution, and (all but Pipfile.lock) what depends on what; none
// records a licence.
import { list, parseToml, table, text, type TomlProblem } from '../toml.js';
import { normaliseName } from './metadata.js';
import { parseRequirement } from './requirement.js';

/** One locked package. */
export interface LockedPackage {
  name: string;
  version: string;
  /** Normalised names it depends on. */
  dependencies: string[];
  line: number;
  /** Pipfile.lock's `develop` section. */
  dev?: boolean;
  /** The project's own code (a uv workspace member, a local directory): not a dependency. */
  local?: boolean;
}

export const PYTHON_LOCKFILES = ['uv.lock', 'poetry.lock', 'pdm.lock', 'Pipfile.lock'] as const;
export type PythonLockfile = (typeof PYTHON_LOCKFILES)[number];

/** Reads a lockfile into packages by normalised name. */
export function parseLockfile(file: PythonLockfile, source: string): { ok: true; packages: Map<string, LockedPackage> } | { ok: false; problem: TomlProblem } {
  if (file === 'Pipfile.lock') return parsePipfileLock(source);
  const parsed = parseToml(source);
  if (!parsed.ok) return parsed;
  const lines: number[] = [];
  source.split('\n').forEach((line, index) => /^\s*\[\[package\]\]/.test(line) && lines.push(index + 1));
  const packages = new Map<string, LockedPackage>();
  list(parsed.value.package).map(table).forEach((item, index) => {
    const name = text(item.name);
    const version = text(item.version);
    if (!name) return;
    const dependencies = new Set<string>();
    if (file === 'poetry.lock') for (const dep of Object.keys(table(item.dependencies))) dependencies.add(normaliseName(dep));
    else if (file === 'pdm.lock') for (const dep of list(item.dependencies)) typeof dep === 'string' && parseRequirement(dep) && dependencies.add(parseRequirement(dep)!.name);
    else {
      // uv.lock: dependencies, then the optional and dev ones of the package (for the project).
      const tables = [list(item.dependencies), ...Object.values(table(item['optional-dependencies'])).map(list), ...Object.values(table(item['dev-dependencies'])).map(list)];
      for (const dep of tables.flat()) if (text(table(dep).name)) dependencies.add(normaliseName(text(table(dep).name)!));
    }
    const source = table(item.source);
    const local = ['editable', 'virtual', 'directory'].some((key) => key in source) || text(source.type) === 'directory';
    packages.set(normaliseName(name), { name: normaliseName(name), version: version ?? 'unknown', dependencies: [...dependencies], line: lines[index] ?? 1, ...(local ? { local } : {}) });
  });
  return { ok: true, packages };
}

function parsePipfileLock(source: string): { ok: true; packages: Map<string, LockedPackage> } | { ok: false; problem: TomlProblem } {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(source) as Record<string, unknown>;
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message);
    const before = position ? source.slice(0, Number(position[1])).split('\n') : undefined;
    return { ok: false, problem: { message: `is not valid JSON: ${(error as Error).message}`, ...(before ? { line: before.length, column: before.at(-1)!.length + 1 } : {}) } };
  }
  const packages = new Map<string, LockedPackage>();
  const lines = source.split('\n');
  for (const section of ['default', 'develop'] as const) {
    for (const [name, entry] of Object.entries(table(data[section]))) {
      const version = text(table(entry).version)?.replace(/^===?/, '') ?? 'unknown';
      const key = normaliseName(name);
      if (packages.has(key)) continue;
      const line = lines.findIndex((l) => l.includes(`"${name}": {`)) + 1;
      packages.set(key, { name: key, version, dependencies: [], line: line || 1, ...(section === 'develop' ? { dev: true } : {}) });
    }
  }
  return { ok: true, packages };
}
