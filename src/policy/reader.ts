// Reads a parsed copyfair.yaml into a Policy, checking every value and collecting every problem
// (each located at its value or key) instead of stopping at the first.
import type { Node, Pair } from 'yaml';
import { isMap, isSeq, isScalar, semver } from '../util/lazy.js';
import { parseExpression } from '../evaluate/parse.js';
import { loadKnowledgeBase } from '../kb/index.js';
import { locateAt, validateTermsAt, type LocatedDocument, type SourceProblem } from '../kb/validate.js';
import type { Location, Outcome, Profile, Terms, Use } from '../types.js';
import { ENTITIES, KNOWN_FIELDS, OUTCOMES, USES } from '../types.js';
import { isIsoDate } from '../util/date.js';
import { suggest } from '../util/suggest.js';
import { defaultPolicy, type Policy } from './config.js';

/** The top-level keys of a config (the JSON Schema is tested to know the same). */
export const CONFIG_KEYS = ['profile', 'dev-uses', 'fail-on', 'overrides', 'exceptions', 'clarifications', 'licences', 'ignore', 'paid'];
/** The keys of `profile`, spelt as in the file. */
export const PROFILE_KEYS = ['entity', 'uses', 'surplus-to-workers', 'equal-vote', 'employees', 'revenue-usd', 'users', 'fields', 'competes', 'date'];
/** The keys of `ignore`. */
export const IGNORE_KEYS = ['private', 'packages', 'workspaces'];

type Path = (string | number)[];

/** Reads and checks the document, collecting every problem. */
export class Reader {
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
    policy.paid = this.items(['paid'], ['licensor', 'packages', 'reference', 'expires', 'note'], (path) => ({
      licensor: this.text([...path, 'licensor'], true),
      packages: this.list([...path, 'packages']) ?? [],
      reference: this.text([...path, 'reference'], true),
      ...(this.has([...path, 'expires']) ? { expires: this.date([...path, 'expires']) } : {}),
      ...(this.has([...path, 'note']) ? { note: this.text([...path, 'note'], false) } : {}),
      location: this.location(path),
    }));
    policy.licences = this.licences();
    if (this.has(['ignore'])) {
      this.keys(['ignore'], IGNORE_KEYS);
      policy.ignore = {
        private: this.has(['ignore', 'private']) ? this.boolean(['ignore', 'private']) : false,
        packages: this.list(['ignore', 'packages']) ?? [],
        workspaces: this.list(['ignore', 'workspaces']) ?? [],
      };
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
    if (this.has(at('fields'))) profile.fields = this.list(at('fields'), KNOWN_FIELDS);
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
    if (!isIsoDate(value)) this.problem(path, `\`${path.join('.')}\` must be a date as YYYY-MM-DD, got ${JSON.stringify(raw ?? null)}`);
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
