// The policy stage: a project's copyfair.yaml (who we are, how we ship, what we decided), found
// from the scanned folder up to the repository root, read with positions, and validated so every
// problem is reported at once with file:line:col, carets under the value, and what was expected.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Pair } from 'yaml';
import { isMap, isScalar } from '../util/lazy.js';
import { parseYaml } from '../kb/validate.js';
import type { Location, Outcome, Profile, Terms, Use } from '../types.js';
import { formatConfigProblems, withSpans, type ConfigProblem } from './problems.js';
import { Reader } from './reader.js';
import { DEFAULT_FAIL_ON } from '../report/answer.js';

/** A licence-level decision: this licence means this outcome for us. */
export interface Override {
  licence: string;
  outcome: Outcome;
  reason: string;
  location: Location;
}

/** A package the project decided to accept, for a reason, maybe until a date. */
export interface PackageException {
  package: string;
  /** A semver version or range (`*` when the config gives none). */
  version: string;
  reason: string;
  /** `YYYY-MM-DD`: the last day the exception holds; after it, the run fails. */
  expires?: string;
  location: Location;
}

/** Metadata the project corrected, pinned to the licence file it was decided on. */
export interface Clarification {
  package: string;
  version: string;
  /** The SPDX expression the project decided on. */
  expression: string;
  /** The licence file, relative to the package's folder. */
  file: string;
  /** The file's SHA-256 when the decision was made: a different hash makes it stale. */
  sha256: string;
  location: Location;
}

/** A licence or payment the project already has (`paid:`): the payback plan shows it as settled. */
export interface Paid {
  /** The licensor, as the plan names it (matched without regard to case). */
  licensor: string;
  /** Package names it covers; empty: every package of that licensor. */
  packages: string[];
  /** The contract, order or invoice that settles it. */
  reference: string;
  expires?: string;
  note?: string;
  location: Location;
}

/** What the project chose not to scan. */
export interface Ignores {
  /** Packages marked `"private": true` (the project's own, never published). */
  private: boolean;
  /** Package names. */
  packages: string[];
  /** Workspaces (by package name) whose dependencies are not scanned. */
  workspaces: string[];
}

/** Everything a project's config says. */
export interface Policy {
  profile: Profile;
  /** How dev-only dependencies are used. */
  devUses: Use[];
  /** Outcomes that fail the run. */
  failOn: Outcome[];
  overrides: Override[];
  exceptions: PackageException[];
  clarifications: Clarification[];
  /** The project's own `LicenseRef-*` terms. */
  licences: Terms[];
  ignore: Ignores;
  /** Licences and payments the project already has. */
  paid: Paid[];
  /** The config file read, relative to the current folder; absent when there is none. */
  file?: string;
}

/** The config could not be used. `message` lists every problem, formatted; `problems` has them as data. */
export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(`the configuration has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${formatConfigProblems(problems)}`);
    this.name = 'ConfigError';
  }
}

/** The names a config file may have, in the order they are looked for in each folder. */
export const CONFIG_FILES = ['copyfair.yaml', '.copyfair.yaml'] as const;

/** The default policy: no file, the strict defaults. */
export function defaultPolicy(): Policy {
  return {
    profile: {},
    devUses: ['internal'],
    failOn: [...DEFAULT_FAIL_ON],
    overrides: [],
    exceptions: [],
    clarifications: [],
    licences: [],
    ignore: { private: false, packages: [], workspaces: [] },
    paid: [],
  };
}

/** A config larger than this is not a policy anyone wrote (the largest seen is a few KB). */
const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * The folders searched for a config: `start` and each folder above it up to the repository root
 * (the nearest folder holding `.git`). Outside a repository only `start` itself: a file in some
 * parent folder of the machine (a home folder, /tmp) must not decide a scan.
 */
export function configFolders(start: string): string[] {
  const folders: string[] = [];
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    folders.push(dir);
    if (existsSync(join(dir, '.git'))) return folders;
    if (dirname(dir) === dir) return [resolve(start)];
  }
}

/** True for a regular file of reasonable size: a FIFO, device or folder is never opened. */
function isPlainFile(file: string, limit: number): boolean {
  try {
    const info = statSync(file);
    return info.isFile() && info.size <= limit;
  } catch {
    return false;
  }
}

/** Finds the config in the folders {@link configFolders} names, nearest first. */
export function findConfig(start: string): { file: string; packageJson: boolean } | undefined {
  for (const dir of configFolders(start)) {
    // A config name that is there but not a plain file is returned, so loading it says why.
    for (const name of CONFIG_FILES) if (existsSync(join(dir, name))) return { file: join(dir, name), packageJson: false };
    const manifest = join(dir, 'package.json');
    if (isPlainFile(manifest, 5 * MAX_CONFIG_BYTES)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8').replace(/^\uFEFF/, '')) as { copyfair?: unknown } | null)?.copyfair !== undefined) return { file: manifest, packageJson: true };
      } catch {
        // a broken package.json is the scan's to report
      }
    }
  }
  return undefined;
}

/** Where to look and how to name the file. */
export interface LoadOptions {
  /** This config file instead of the one found from `startDir` up. */
  configPath?: string;
  /**
   * The folder the policy's locations (in diagnostics and verdicts) are relative to, like every
   * other location in a report: the scanned folder (`../copyfair.yaml` when the file is above it).
   * Default: the current folder. Problems in an invalid config are always named from the current
   * folder, for the person at the terminal.
   */
  relativeTo?: string;
}

/**
 * Loads the policy for a scanned folder (found from `startDir` upwards), or from `configPath`.
 * Throws ConfigError with every problem when the config is invalid.
 */
export function loadPolicy(startDir: string, options: LoadOptions = {}): Policy {
  const found = options.configPath ? { file: resolve(options.configPath), packageJson: options.configPath.endsWith('package.json') } : findConfig(startDir);
  if (!found) return defaultPolicy();
  const inside = relative(process.cwd(), found.file);
  const shown = inside === '' || inside.startsWith('..') ? found.file : inside;
  if (!existsSync(found.file) || !statSync(found.file).isFile()) {
    const what = existsSync(found.file) ? 'is not a regular file (a folder, device or FIFO); copyfair does not read it' : 'no such config file; give the path of a copyfair.yaml';
    throw new ConfigError([{ file: shown, line: 1, column: 1, message: what }]);
  }
  if (!isPlainFile(found.file, found.packageJson ? 5 * MAX_CONFIG_BYTES : MAX_CONFIG_BYTES)) {
    throw new ConfigError([{ file: shown, line: 1, column: 1, message: `is over ${found.packageJson ? 5 : 1} MiB, too large for a policy; copyfair does not read it` }]);
  }
  // package.json is read as YAML too (JSON is YAML), so positions point into the real file.
  const { doc, problems } = parseYaml(shown, readFileSync(found.file, 'utf8'));
  if (problems.length > 0) throw new ConfigError(withSpans(doc, problems));
  if (found.packageJson) {
    const root = doc.document.contents;
    const pair = isMap(root) ? (root.items as Pair[]).find((item) => isScalar(item.key) && item.key.value === 'copyfair') : undefined;
    if (!pair) return { ...defaultPolicy(), file: shown };
    doc.document.contents = pair.value as typeof doc.document.contents;
  }
  const reader = new Reader(doc);
  const policy = reader.policy();
  if (reader.problems.length > 0) {
    throw new ConfigError(withSpans(doc, [...reader.problems].sort((a, b) => a.line - b.line || a.column - b.column)));
  }
  return options.relativeTo === undefined ? { ...policy, file: shown } : { ...relocated(policy, relative(options.relativeTo, found.file).split(sep).join('/')), file: shown };
}

/** The policy with its entries' locations in `file` (another name for the same config). */
function relocated(policy: Policy, file: string): Policy {
  const at = <T extends { location: Location }>(entry: T): T => ({ ...entry, location: { ...entry.location, file } });
  return { ...policy, overrides: policy.overrides.map(at), exceptions: policy.exceptions.map(at), clarifications: policy.clarifications.map(at) };
}

export { CONFIG_KEYS, PROFILE_KEYS } from './reader.js';
