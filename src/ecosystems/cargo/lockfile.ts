// Cargo.lock, versions 1 to 4: the packages of the build, where each comes from, and what each
// depends on ("name", "name version" or "name version (source)").
import { lineBreaks } from '../../util/lines.js';
import { list, parseToml, table, text, type TomlProblem } from '../toml.js';
import { pushTo } from '../../util/arrays.js';

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
export function parseCargoLock(source: string, machineForm = true): { ok: true; crates: Map<string, LockedCrate>; dangling: string[] } | { ok: false; problem: TomlProblem } {
  // What cargo writes is read by one expression per package; anything else as TOML.
  let read = machineForm ? readMachineForm(source) : undefined;
  if (!read) {
    const parsed = parseToml(source);
    if (!parsed.ok) return parsed;
    read = { packages: list(parsed.value.package).map(table), lines: packageLines(source) };
  }
  const { packages, lines } = read;
  const crates = new Map<string, LockedCrate>();
  const byName = new Map<string, LockedCrate[]>();
  const declared = new Map<LockedCrate, string[]>();
  packages.forEach((item, index) => {
    const name = text(item.name);
    const version = text(item.version);
    if (!name || !version) return;
    const crate: LockedCrate = { key: `${name}@${version}`, name, version, ...(text(item.source) ? { source: text(item.source) } : {}), dependencies: [], line: lines[index] ?? 1 };
    crates.set(crate.key, crate);
    pushTo(byName, name, crate);
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

// Cargo.lock as cargo writes it: its comment lines, `version = N`, then each package's `name`,
// `version`, `source`, `checksum` and `dependencies` (one a line, or all on one line) in that
// order, strings without escapes, blank lines between packages. Any other document (an older lockfile's [metadata], a
// hand edit, CRLF line ends) is read as TOML, which gives the same packages; a test holds the two
// ways equal (tests/ecosystems/toml-plain.test.ts).
const TEXT = '"([^"\\\\\\x00-\\x1f\\x7f]*)"';
const ANY_TEXT = TEXT.replace('(', '(?:');
const PREAMBLE = /(?:#[^\x00-\x08\x0a-\x1f\x7f]*\n|\n)*(?:version = (?:0|[1-9][0-9]{0,14})\n)?/y;
const PACKAGE = new RegExp(`(\\n*)\\[\\[package\\]\\]\\nname = ${TEXT}\\nversion = ${TEXT}\\n(?:source = ${TEXT}\\n)?(?:checksum = ${TEXT}\\n)?(?:dependencies = \\[(?:\\n((?: ${ANY_TEXT},\\n)*)|((?:${ANY_TEXT}(?:, ${ANY_TEXT})*)?))\\]\\n)?`, 'y');
const DEPENDENCY = new RegExp(TEXT, 'g');

/** The packages of a Cargo.lock in cargo's own form, and the line of each, else undefined. */
export function readMachineForm(source: string): { packages: Record<string, unknown>[]; lines: number[] } | undefined {
  PREAMBLE.lastIndex = 0;
  if (!PREAMBLE.test(source)) return undefined;
  let at = PREAMBLE.lastIndex;
  let line = 1 + lineBreaks(source, 0, at);
  const packages: Record<string, unknown>[] = [];
  const lines: number[] = [];
  for (;;) {
    PACKAGE.lastIndex = at;
    const found = PACKAGE.exec(source);
    if (found === null) break;
    line += found[1]!.length;
    lines.push(line);
    const item: Record<string, unknown> = Object.create(null);
    item.name = found[2];
    item.version = found[3];
    if (found[4] !== undefined) item.source = found[4];
    if (found[5] !== undefined) item.checksum = found[5];
    const dependencies = found[6] ?? found[7];
    if (dependencies !== undefined) item.dependencies = Array.from(dependencies.matchAll(DEPENDENCY), (dependency) => dependency[1]!);
    packages.push(item);
    line += lineBreaks(source, at + found[1]!.length, PACKAGE.lastIndex);
    at = PACKAGE.lastIndex;
  }
  while (source.charCodeAt(at) === 10) at++;
  return at === source.length ? { packages, lines } : undefined;
}

/** The line of each `[[package]]` header, in order (the first thing on its line but spaces). */
export function packageLines(source: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let counted = 0;
  for (let at = source.indexOf('[[package]]'); at !== -1; at = source.indexOf('[[package]]', at + 11)) {
    const start = source.lastIndexOf('\n', at - 1) + 1;
    if (!/^\s*$/.test(source.slice(start, at))) continue;
    line += lineBreaks(source, counted, start);
    counted = start;
    lines.push(line);
  }
  return lines;
}
