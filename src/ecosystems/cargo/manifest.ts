// Cargo.toml: a package's name, version and licence fields, its dependencies by kind (normal,
// dev, build, optional, per target), and a workspace's members.
import type { Scope } from '../../types.js';
import { list, parseToml, table, text, type TomlProblem, type TomlTable } from '../toml.js';
import { lineBreaks } from '../../util/lines.js';

/** One dependency a Cargo.toml declares. */
export interface CargoDependency {
  /** The crate's name (`package = …` when renamed). */
  name: string;
  kind: Scope;
  line?: number;
  /** `path = …`, and whether it is relative to the member or (inherited) to the workspace root. */
  path?: { value: string; from: 'member' | 'root' };
}

/** What copyfair reads from a Cargo.toml. */
export interface CargoManifest {
  name?: string;
  version?: string;
  license?: string;
  licenseFile?: string;
  /** `license` or `license-file` given as something other than a string (a table, an array, a number): what it is, for the diagnostic. */
  licenceNotText?: string;
  licenceLine?: number;
  /** `publish = false`: a private crate, never on a registry. */
  private?: boolean;
  dependencies: CargoDependency[];
  /** `[workspace] members` patterns, and `exclude`. */
  members: string[];
  exclude: string[];
}

/** Dependency tables and the scope each gives: build-time crates count as dev (not shipped). */
const TABLES: [string, Scope][] = [
  ['dependencies', 'prod'],
  ['dev-dependencies', 'dev'],
  ['build-dependencies', 'dev'],
];

type Parsed = { ok: true; manifest: CargoManifest; raw: TomlTable } | { ok: false; problem: TomlProblem };

/** Reads a Cargo.toml; `workspace` is the root's `[workspace.dependencies]` for `workspace = true`. */
export function parseCargoManifest(source: string, workspace?: TomlTable): Parsed {
  return parse(source, workspace, true);
}

/**
 * A dependency's own Cargo.toml (vendored or in the registry cache): the whole file is checked,
 * but only its package fields are read, as Cargo.lock says what the crate depends on.
 */
export function parseCrateManifest(source: string): Parsed {
  return parse(source, undefined, false);
}

function parse(source: string, workspace: TomlTable | undefined, withDependencies: boolean): Parsed {
  const parsed = parseToml(source);
  if (!parsed.ok) return parsed;
  const root = parsed.value;
  const pkg = table(root.package);
  const shared = workspace ?? table(table(root.workspace).dependencies);
  const dependencies: CargoDependency[] = [];
  // Lines only for the dependency tables' keys: a crate's own manifest is not split.
  const lines = withDependencies ? source.split('\n') : [];
  const read = (deps: TomlTable, kind: Scope, header: string) => {
    for (const [key, spec] of Object.entries(deps)) {
      const detail = table(spec);
      const inherited = detail.workspace === true ? table(shared[key]) : {};
      const name = text(detail.package) ?? text(inherited.package) ?? key;
      const optional = detail.optional === true || inherited.optional === true;
      const line = keyLine(lines, header, key);
      const path = text(detail.path) !== undefined ? { value: text(detail.path)!, from: 'member' as const } : text(inherited.path) !== undefined ? { value: text(inherited.path)!, from: 'root' as const } : undefined;
      dependencies.push({ name, kind: kind === 'prod' && optional ? 'optional' : kind, ...(line !== undefined ? { line } : {}), ...(path ? { path } : {}) });
    }
  };
  if (withDependencies) {
    for (const [name, kind] of TABLES) read(table(root[name]), kind, `[${name}]`);
    // Platform-specific tables: every target counts (the safe reading; copyfair does not pick one).
    for (const [target, value] of Object.entries(table(root.target))) {
      for (const [name, kind] of TABLES) read(table(table(value)[name]), kind, `[target.${target}.${name}]`);
    }
  }
  const license = text(pkg.license);
  const licenseFile = text(pkg['license-file']);
  // Cargo takes only strings here (a member's `license.workspace = true` is resolved when the
  // crate is packaged, so a published or vendored crate never has it): anything else is read as
  // a licence that cannot be read, never as no licence at all.
  const notText = (['license', 'license-file'] as const).find((key) => pkg[key] !== undefined && text(pkg[key]) === undefined);
  const licenceNotText = notText !== undefined ? `\`${notText}\` as ${tomlKind(pkg[notText])}` : undefined;
  return {
    ok: true,
    raw: root,
    manifest: {
      name: text(pkg.name),
      version: text(pkg.version),
      ...(license !== undefined ? { license } : {}),
      ...(licenseFile !== undefined ? { licenseFile } : {}),
      ...(licenceNotText !== undefined ? { licenceNotText } : {}),
      ...(pkg.publish === false || (Array.isArray(pkg.publish) && pkg.publish.length === 0) ? { private: true } : {}),
      licenceLine: license !== undefined || licenseFile !== undefined || licenceNotText !== undefined ? licenceLineIn(source) : undefined,
      dependencies,
      members: list(table(root.workspace).members).filter((item): item is string => typeof item === 'string'),
      exclude: list(table(root.workspace).exclude).filter((item): item is string => typeof item === 'string'),
    },
  };
}

/** What a TOML value is, in words: `{ workspace = true }` is "a table (workspace = true)". */
function tomlKind(value: unknown): string {
  if (Array.isArray(value)) return `an array (${JSON.stringify(value.slice(0, 3)).slice(1, -1).slice(0, 80)}${value.length > 3 ? ', …' : ''})`;
  if (value instanceof Date) return 'a date';
  if (value !== null && typeof value === 'object') {
    const keys = Object.entries(value as TomlTable).map(([key, item]) => (typeof item === 'string' || typeof item === 'boolean' || typeof item === 'number' ? `${key} = ${JSON.stringify(item)}` : key));
    return `a table (${keys.slice(0, 3).join(', ') || 'empty'}${keys.length > 3 ? ', …' : ''})`;
  }
  return `a ${typeof value} (${String(value).slice(0, 80)})`;
}

/** A line that starts `license =` or `license-file =` (spaces around allowed, none across lines): at the text's start or after a line feed. */
const LICENCE_LINE = /(?:^|\n)[^\S\n]*license(?:-file)?(?:[^\S\n]*\.[^\S\n]*[\w-]+)*[^\S\n]*=/;

/** The 1-based line of the first `license`/`license-file` line: one search of the text, then its line feeds counted up to it (no array of lines). */
export function licenceLineIn(source: string): number | undefined {
  const match = LICENCE_LINE.exec(source);
  if (match === null) return undefined;
  const start = match[0].charCodeAt(0) === 10 ? match.index + 1 : match.index;
  return 1 + lineBreaks(source, 0, start);
}

/** A `[package]` header line (spaces inside the brackets allowed), at the text's start or after a line feed. */
const PACKAGE_HEADER = /(?:^|\n)[^\S\n]*\[[^\S\n]*package[^\S\n]*\]/;

/** The 1-based line of the `[package]` header, found as {@link licenceLineIn} finds its line. */
export function packageLineIn(source: string): number | undefined {
  const match = PACKAGE_HEADER.exec(source);
  if (match === null) return undefined;
  const start = match[0].charCodeAt(0) === 10 ? match.index + 1 : match.index;
  return 1 + lineBreaks(source, 0, start);
}

/** The line of `key = …` in the table `[header]`, when the table is written with that header. */
function keyLine(lines: string[], header: string, key: string): number | undefined {
  const start = lines.findIndex((line) => line.trim() === header);
  if (start === -1) return undefined;
  const pattern = new RegExp(`^\\s*["']?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*(=|\\.)`);
  for (let index = start + 1; index < lines.length && !/^\s*\[/.test(lines[index]!); index++) {
    if (pattern.test(lines[index]!)) return index + 1;
  }
  return undefined;
}

/** A Cargo `license` value as an SPDX expression: the old `/` separator means OR. */
export function cargoLicence(value: string): string {
  return value.includes('/') ? value.split('/').map((part) => part.trim()).join(' OR ') : value;
}
