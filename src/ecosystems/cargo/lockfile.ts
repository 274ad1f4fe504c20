// Cargo.lock, versions 1 to 4: the packages of the build, where each comes from, and what each
// depends on ("name", "name version" or "name version (source)").
import { list, parseToml, table, text, type TomlProblem } from '../toml.js';

/** One `[[package]]` of Cargo.lock. */
export interface LockedCrate {
  key: string;
  name: string;
  version: string;
  /** `registry+…`, `git+…`; absent for the workspace's own (path) packages. */
  source?: string;
  /** Keys of the packages it depends on. */
  dependencies: string[];
  line: number;
}

/** Reads Cargo.lock; a dependency that names no locked package is left out and listed. */
export function parseCargoLock(source: string): { ok: true; crates: Map<string, LockedCrate>; dangling: string[] } | { ok: false; problem: TomlProblem } {
  const parsed = parseToml(source);
  if (!parsed.ok) return parsed;
  const lines = packageLines(source);
  const packages = list(parsed.value.package).map(table);
  const crates = new Map<string, LockedCrate>();
  const byName = new Map<string, LockedCrate[]>();
  const declared = new Map<LockedCrate, string[]>();
  packages.forEach((item, index) => {
    const name = text(item.name);
    const version = text(item.version);
    if (!name || !version) return;
    const crate: LockedCrate = { key: `${name}@${version}`, name, version, ...(text(item.source) ? { source: text(item.source) } : {}), dependencies: [], line: lines[index] ?? 1 };
    crates.set(crate.key, crate);
    const named = byName.get(name);
    if (named) named.push(crate);
    else byName.set(name, [crate]);
    declared.set(crate, list(item.dependencies).filter((dep): dep is string => typeof dep === 'string'));
  });
  const dangling: string[] = [];
  for (const crate of crates.values()) {
    for (const dep of declared.get(crate) ?? []) {
      const [name, version] = dep.split(' ');
      const candidates = byName.get(name!) ?? [];
      const target = version ? candidates.find((c) => c.version === version) : candidates.length === 1 ? candidates[0] : undefined;
      if (target) crate.dependencies.push(target.key);
      else dangling.push(`${crate.name} ${crate.version} → ${dep}`);
    }
  }
  return { ok: true, crates, dangling };
}

/** The line of each `[[package]]` header, in order (the first thing on its line but spaces). */
export function packageLines(source: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let counted = 0;
  for (let at = source.indexOf('[[package]]'); at !== -1; at = source.indexOf('[[package]]', at + 11)) {
    const start = source.lastIndexOf('\n', at - 1) + 1;
    if (!/^\s*$/.test(source.slice(start, at))) continue;
    for (let end = source.indexOf('\n', counted); end !== -1 && end < start; end = source.indexOf('\n', end + 1)) line++;
    counted = start;
    lines.push(line);
  }
  return lines;
}
