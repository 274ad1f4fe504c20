// The policy stage: a project's copyfair.yaml (who we are, how we ship, what we decided), found
// from the scanned folder up to the repository root, read with positions, and validated so every
// problem is reported at once with file:line:col, a caret, and what was expected.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import semver from 'semver';
import { isMap, isSeq, isScalar, type Node, type Pair } from 'yaml';
import { parseExpression } from '../evaluate/parse.js';
import { loadKnowledgeBase } from '../kb/index.js';
import { locateAt, parseYaml, validateTermsAt, type LocatedDocument, type SourceProblem } from '../kb/validate.js';
import type { Location, Outcome, Profile, Terms, Use } from '../types.js';
import { ENTITIES, OUTCOMES, USES } from '../types.js';
import { suggest } from '../util/suggest.js';

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
  version: string;
  reason: string;
  expires?: string;
  location: Location;
}

/** Metadata the project corrected, pinned to the licence file it was decided on. */
export interface Clarification {
  package: string;
  version: string;
  expression: string;
  file: string;
  sha256: string;
  location: Location;
}

/** Everything a project's config says. */
export interface Policy {
  profile: Profile;
  devUses: Use[];
  failOn: Outcome[];
  overrides: Override[];
  exceptions: PackageException[];
  clarifications: Clarification[];
  licences: Terms[];
  ignore: { packages: string[]; workspaces: string[] };
  /** The config file read, relative to the current folder; absent when there is none. */
  file?: string;
}

/** The config could not be used: every problem, formatted by the CLI. */
export class ConfigError extends Error {
  constructor(readonly problems: SourceProblem[]) {
    super(`the configuration has ${problems.length} problem(s)`);
    this.name = 'ConfigError';
  }
}

export const CONFIG_FILES = ['copyfair.yaml', '.copyfair.yaml'] as const;

/** The default policy: no file, the strict defaults. */
export function defaultPolicy(): Policy {
  return { profile: {}, devUses: ['internal'], failOn: ['payback', 'forbidden', 'unknown'], overrides: [], exceptions: [], clarifications: [], licences: [], ignore: { packages: [], workspaces: [] } };
}

/** Finds the config: in `start` or a folder above it, up to the repository root (a `.git`). */
export function findConfig(start: string): { file: string; packageJson: boolean } | undefined {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    for (const name of CONFIG_FILES) if (existsSync(join(dir, name))) return { file: join(dir, name), packageJson: false };
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { copyfair?: unknown }).copyfair !== undefined) return { file: manifest, packageJson: true };
      } catch {
        // a broken package.json is the scan's to report
      }
    }
    if (existsSync(join(dir, '.git')) || dirname(dir) === dir) return undefined;
  }
}

/** Loads the policy for a scanned folder, or from `configPath`. Throws ConfigError. */
export function loadPolicy(startDir: string, options: { configPath?: string; today?: string } = {}): Policy {
  const found = options.configPath ? { file: resolve(options.configPath), packageJson: options.configPath.endsWith('package.json') } : findConfig(startDir);
  if (!found) return defaultPolicy();
  const inside = relative(process.cwd(), found.file);
  const shown = inside === '' || inside.startsWith('..') ? found.file : inside;
  if (!existsSync(found.file) || !statSync(found.file).isFile()) {
    throw new ConfigError([{ file: shown, line: 1, column: 1, message: 'no such config file; give the path of a copyfair.yaml' }]);
  }
  let text = readFileSync(found.file, 'utf8');
  if (found.packageJson) text = JSON.stringify((JSON.parse(text) as { copyfair?: unknown }).copyfair ?? {}, null, 2);
  const { doc, problems } = parseYaml(shown, text);
  if (problems.length > 0) throw new ConfigError(problems);
  const reader = new Reader(doc);
  const policy = reader.policy();
  if (reader.problems.length > 0) throw new ConfigError([...reader.problems].sort((a, b) => a.line - b.line || a.column - b.column));
  return { ...policy, file: shown };
}

export const CONFIG_KEYS = ['profile', 'dev-uses', 'fail-on', 'overrides', 'exceptions', 'clarifications', 'licences', 'ignore'];
export const PROFILE_KEYS = ['entity', 'uses', 'surplus-to-workers', 'equal-vote', 'employees', 'revenue-usd', 'users', 'fields', 'competes', 'date'];

type Path = (string | number)[];

/** Reads and checks the document, collecting every problem. */
class Reader {
  readonly problems: SourceProblem[] = [];
  constructor(private readonly doc: LocatedDocument) {}

  policy(): Policy {
    const policy = defaultPolicy();
    const root = this.doc.document.contents;
    if (root === null || (isScalar(root) && root.value === null)) return policy;
    if (!isMap(root)) {
      this.problem([], 'the config must be a mapping of keys such as `profile`, `fail-on`, `exceptions`');
      return policy;
    }
    this.keys([], CONFIG_KEYS);
    policy.profile = this.profile();
    policy.devUses = (this.list(['dev-uses'], USES) as Use[] | undefined) ?? policy.devUses;
    policy.failOn = (this.list(['fail-on'], OUTCOMES) as Outcome[] | undefined) ?? policy.failOn;
    policy.overrides = this.items(['overrides'], ['licence', 'outcome', 'reason'], (path) => ({
      licence: this.licenceId([...path, 'licence']),
      outcome: this.oneOf([...path, 'outcome'], OUTCOMES) as Outcome,
      reason: this.text([...path, 'reason'], true),
      location: this.location(path),
    }));
    policy.exceptions = this.items(['exceptions'], ['package', 'version', 'reason', 'expires'], (path) => ({
      package: this.text([...path, 'package'], true),
      version: this.range([...path, 'version']),
      reason: this.text([...path, 'reason'], true),
      ...(this.has([...path, 'expires']) ? { expires: this.date([...path, 'expires']) } : {}),
      location: this.location(path),
    }));
    policy.clarifications = this.items(['clarifications'], ['package', 'version', 'expression', 'file', 'sha256'], (path) => ({
      package: this.text([...path, 'package'], true),
      version: this.range([...path, 'version']),
      expression: this.expression([...path, 'expression']),
      file: this.text([...path, 'file'], true),
      sha256: this.sha256([...path, 'sha256']),
      location: this.location(path),
    }));
    policy.licences = this.licences();
    if (this.has(['ignore'])) {
      this.keys(['ignore'], ['packages', 'workspaces']);
      policy.ignore = { packages: this.list(['ignore', 'packages']) ?? [], workspaces: this.list(['ignore', 'workspaces']) ?? [] };
    }
    return policy;
  }

  private profile(): Profile {
    const profile: Profile = {};
    if (!this.has(['profile'])) return profile;
    this.keys(['profile'], PROFILE_KEYS);
    const at = (key: string): Path => ['profile', key];
    if (this.has(at('entity'))) profile.entity = this.oneOf(at('entity'), ENTITIES) as Profile['entity'];
    if (this.has(at('uses'))) profile.uses = this.list(at('uses'), USES) as Use[];
    if (this.has(at('surplus-to-workers'))) profile.surplusToWorkers = this.boolean(at('surplus-to-workers'));
    if (this.has(at('equal-vote'))) profile.equalVote = this.boolean(at('equal-vote'));
    if (this.has(at('competes'))) profile.competes = this.boolean(at('competes'));
    if (this.has(at('employees'))) profile.employees = this.count(at('employees'));
    if (this.has(at('revenue-usd'))) profile.revenueUsd = this.count(at('revenue-usd'));
    if (this.has(at('users'))) profile.users = this.count(at('users'));
    if (this.has(at('fields'))) profile.fields = this.list(at('fields'));
    if (this.has(at('date'))) profile.date = this.date(at('date'));
    return profile;
  }

  private licences(): Terms[] {
    if (!this.has(['licences'])) return [];
    const node = this.node(['licences']);
    if (!isSeq(node)) {
      this.problem(['licences'], '`licences` must be a list of licence terms (see licences/README.md)');
      return [];
    }
    const terms: Terms[] = [];
    node.items.forEach((_, index) => {
      const path = ['licences', index];
      const found = validateTermsAt(this.doc, path);
      const value = this.doc.document.getIn(path, true) as { toJSON(): Terms };
      const entry = value.toJSON();
      if (found.length === 0 && !entry.id.startsWith('LicenseRef-')) {
        found.push(locateAt(this.doc, [...path, 'id'], `a project may only define LicenseRef-… licences; "${entry.id}" is copyfair's to define (use \`overrides\` to decide it differently)`));
      }
      this.problems.push(...found);
      if (found.length === 0) terms.push({ ...entry, aliases: entry.aliases ?? [], obligations: entry.obligations ?? [] });
    });
    return terms;
  }

  // ---- helpers: each reports a located problem and returns a harmless value on error ----

  private node(path: Path): Node | undefined {
    return this.doc.document.getIn(path, true) as Node | undefined;
  }

  private has(path: Path): boolean {
    return this.doc.document.hasIn(path);
  }

  private problem(path: Path, message: string, atKey = false): void {
    this.problems.push(locateAt(this.doc, path, message, atKey));
  }

  private location(path: Path): Location {
    const problem = locateAt(this.doc, path, '');
    return { file: this.doc.file, line: problem.line, column: problem.column };
  }

  private keys(path: Path, known: string[]): void {
    const node = path.length === 0 ? this.doc.document.contents : this.node(path);
    if (!isMap(node)) {
      this.problem(path, `\`${path.join('.')}\` must be a mapping with keys ${known.join(', ')}`);
      return;
    }
    for (const pair of node.items as Pair[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (known.includes(key)) continue;
      const near = suggest(key, known);
      const where = path.length ? ` in \`${path.join('.')}\`` : '';
      this.problem([...path, key], `unknown key \`${key}\`${where}${near.length ? `; did you mean \`${near[0]}\`?` : '.'} Expected one of: ${known.join(', ')}.`, true);
    }
  }

  private scalar(path: Path): unknown {
    const node = this.node(path);
    return isScalar(node) ? node.value : undefined;
  }

  /** A scalar as written: `0000…` and `1.10` stay text (a hash, a version), not numbers. */
  private written(path: Path): string | undefined {
    const node = this.node(path);
    if (!isScalar(node)) return undefined;
    return typeof node.value === 'string' ? node.value : typeof node.source === 'string' ? node.source : node.value === null ? undefined : String(node.value);
  }

  private text(path: Path, required = false): string {
    if (!this.has(path)) {
      if (required) this.problem(path.slice(0, -1), `missing \`${String(path[path.length - 1])}\``);
      return '';
    }
    const value = this.scalar(path);
    if (typeof value !== 'string' || value.trim() === '') {
      this.problem(path, `\`${path.join('.')}\` must be a non-empty string`);
      return '';
    }
    return value;
  }

  private boolean(path: Path): boolean {
    const value = this.scalar(path);
    if (typeof value !== 'boolean') this.problem(path, `\`${path.join('.')}\` must be true or false, got ${JSON.stringify(value)}`);
    return value === true;
  }

  private count(path: Path): number {
    const value = this.scalar(path);
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      this.problem(path, `\`${path.join('.')}\` must be a number of zero or more, got ${JSON.stringify(value)}`);
      return 0;
    }
    return value;
  }

  private date(path: Path): string {
    const node = this.node(path);
    const raw = isScalar(node) ? (node.value instanceof Date ? node.value.toISOString().slice(0, 10) : node.value) : undefined;
    const value = typeof raw === 'string' ? raw : '';
    const time = new Date(`${value}T00:00:00Z`).getTime();
    const valid = /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
    if (!valid) this.problem(path, `\`${path.join('.')}\` must be a date as YYYY-MM-DD, got ${JSON.stringify(raw ?? null)}`);
    return value;
  }

  private oneOf(path: Path, allowed: readonly string[]): string {
    const value = this.text(path, true);
    if (value !== '' && !allowed.includes(value)) {
      const near = suggest(value, allowed);
      this.problem(path, `\`${path.join('.')}\` is "${value}", expected one of: ${allowed.join(', ')}${near.length ? `; did you mean "${near[0]}"?` : ''}`);
    }
    return value;
  }

  private list(path: Path, allowed?: readonly string[]): string[] | undefined {
    if (!this.has(path)) return undefined;
    const node = this.node(path);
    if (!isSeq(node)) {
      this.problem(path, `\`${path.join('.')}\` must be a list${allowed ? ` of ${allowed.join(', ')}` : ''}`);
      return [];
    }
    return node.items.map((_, index) => (allowed ? this.oneOf([...path, index], allowed) : this.text([...path, index], true)));
  }

  private items<T>(path: Path, keys: string[], read: (path: Path) => T): T[] {
    if (!this.has(path)) return [];
    const node = this.node(path);
    if (!isSeq(node)) {
      this.problem(path, `\`${path.join('.')}\` must be a list of entries with ${keys.join(', ')}`);
      return [];
    }
    return node.items.map((_, index) => {
      this.keys([...path, index], keys);
      return read([...path, index]);
    });
  }

  private range(path: Path): string {
    const value = this.has(path) ? this.written(path) ?? '' : '*';
    if (semver.validRange(value) === null) this.problem(path, `\`${path.join('.')}\` is "${value}", which is not a semver version or range (e.g. "1.2.3", "^1.2.0", "*")`);
    return value;
  }

  private sha256(path: Path): string {
    if (!this.has(path)) {
      this.problem(path.slice(0, -1), 'missing `sha256`');
      return '';
    }
    const value = (this.written(path) ?? '').toLowerCase();
    if (value !== '' && !/^[0-9a-f]{64}$/.test(value)) this.problem(path, `\`${path.join('.')}\` must be the 64 hex digits of the licence file's SHA-256 (copyfair scan --format json shows it in the evidence)`);
    return value;
  }

  private expression(path: Path): string {
    const value = this.text(path, true);
    if (value === '') return value;
    const parsed = parseExpression(value, loadKnowledgeBase());
    if (parsed.ok) return parsed.expression;
    this.problem(path, `\`${path.join('.')}\` is not a valid SPDX expression: ${parsed.message}${parsed.suggestions.length ? `; did you mean ${parsed.suggestions.map((s) => `"${s}"`).join(', ')}?` : ''}`);
    return value;
  }

  private licenceId(path: Path): string {
    const value = this.text(path, true);
    if (value === '') return value;
    const kb = loadKnowledgeBase();
    const known = kb.get(value) ?? kb.resolve(value);
    if (known) return known.id;
    if (value.startsWith('LicenseRef-')) return value;
    const near = suggest(value, kb.all().map((terms) => terms.id));
    this.problem(path, `unknown licence id "${value}"${near.length ? `; did you mean ${near.map((n) => `"${n}"`).join(', ')}?` : ''}`);
    return value;
  }
}
