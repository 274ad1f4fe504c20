// The policy applied to a scan: clarifications (pinned to the licence file's SHA-256), ignored
// packages and workspaces, licence-level overrides and package exceptions (with expiry), and
// afterwards what the config said that matched nothing or has expired.
import { createHash } from 'node:crypto';
import { semver } from '../util/lazy.js';
import { createKnowledgeBase, type KnowledgeBase } from '../kb/index.js';
import type { ScanHooks } from '../scan/index.js';
import type { Component, ComponentResult, Diagnostic, Evidence, Terms } from '../types.js';
import type { Clarification, PackageException, Policy } from './config.js';
import { dateCompared } from '../util/date-reads.js';

/** Diagnostic codes of the config (documented in docs/config.md). */
export const CONFIG_DIAGNOSTICS = {
  'config-exception-expired': 'error',
  'config-exception-unused': 'warning',
  'config-clarification-stale': 'warning',
  'config-clarification-unused': 'warning',
  'config-override-unused': 'warning',
} as const satisfies Record<string, Diagnostic['severity']>;

type ConfigCode = keyof typeof CONFIG_DIAGNOSTICS;

function configDiagnostic(code: ConfigCode, message: string, location: Diagnostic['location'], hint: string): Diagnostic {
  return { code, severity: CONFIG_DIAGNOSTICS[code], message, location, hint };
}

/** Whether a config entry (`package` + semver range) names this component. */
export function entryMatches(entry: { package: string; version: string }, component: Component): boolean {
  if (entry.package !== component.name) return false;
  if (semver.valid(component.version)) return semver.satisfies(component.version, entry.version, { includePrerelease: true });
  return entry.version === '*' || entry.version === component.version;
}

/** True when an exception's last day is before `date` (both `YYYY-MM-DD`). */
export const isExpired = (exception: PackageException, date: string): boolean => {
  if (exception.expires === undefined) return false;
  dateCompared('>', exception.expires);
  return exception.expires < date;
};

export interface PolicyContext {
  /** The evaluation date (exception expiry), `YYYY-MM-DD`. */
  date: string;
  /** Reads a file of the scanned tree (relative path); undefined when it cannot be read. */
  readFile(path: string): Buffer | undefined;
}

/** What a scan did with the config's entries: which components each one matched. */
export interface PolicyUsage {
  /** Exception → the components it matched (`name@version`) and whether any needed it (not free). */
  exceptions: Map<PackageException, { matched: string[]; needed: boolean }>;
  clarifications: Set<Clarification>;
  overrides: Set<string>;
}

/** The hooks a scan calls, and `finish()` for what the policy learnt once the scan is done. */
export function policyHooks(policy: Policy, context: PolicyContext): { hooks: ScanHooks & { finish(): Diagnostic[] }; finish(): Diagnostic[] } {
  const usage: PolicyUsage = { exceptions: new Map(), clarifications: new Set(), overrides: new Set() };
  const diagnostics: Diagnostic[] = [];
  const hooks: ScanHooks & { finish(): Diagnostic[] } = {
    customTerms: policy.licences,
    knowledgeBase: policy.overrides.length ? (kb) => overridden(kb, policy) : undefined,
    ignore: (component) => ignored(policy, context, component),
    clarify: async (component) => clarify(policy, context, component, usage.clarifications, diagnostics),
    afterEvaluate: (result) => {
      for (const override of policy.overrides) if (result.verdict.because.some((reason) => reason.licence === override.licence)) usage.overrides.add(override.licence);
      return except(policy, context, result, usage);
    },
    finish: () => [...diagnostics, ...unusedEntries(policy, usage, context.date)],
  };
  return { hooks, finish: hooks.finish };
}

/**
 * After a scan: an error for every expired exception (whether or not it still matches anything:
 * the team asked to decide again by that date), and warnings for entries that matched nothing.
 */
export function unusedEntries(policy: Policy, usage: PolicyUsage, date: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const e of policy.exceptions) {
    const use = usage.exceptions.get(e);
    const name = `${e.package}@${e.version}`;
    if (isExpired(e, date)) {
      const reach = use?.needed ? `; it is no longer applied to ${use.matched.join(', ')}` : use ? '' : '; it matches no package any more';
      out.push(configDiagnostic('config-exception-expired', `the exception for ${name} expired on ${e.expires} (${e.reason})${reach}`, e.location, 'Decide again: renew it with a new expires date, or remove it and deal with the dependency.'));
    } else if (!use) {
      out.push(configDiagnostic('config-exception-unused', `the exception for ${name} matched no package`, e.location, 'Remove it, or fix its package name or version range.'));
    } else if (!use.needed) {
      out.push(configDiagnostic('config-exception-unused', `the exception for ${name} is not needed: ${use.matched.join(', ')} is free for this profile`, e.location, 'Remove it.'));
    }
  }
  for (const c of policy.clarifications) {
    if (!usage.clarifications.has(c)) out.push(configDiagnostic('config-clarification-unused', `the clarification for ${c.package}@${c.version} matched no package`, c.location, 'Remove it, or fix its package name or version range.'));
  }
  for (const o of policy.overrides) {
    if (!usage.overrides.has(o.licence)) out.push(configDiagnostic('config-override-unused', `the override of ${o.licence} matched no dependency`, o.location, 'Remove it if no dependency uses that licence any more.'));
  }
  return out;
}

function ignored(policy: Policy, context: PolicyContext, component: Component): boolean {
  if (policy.ignore.packages.includes(component.name)) return true;
  const { workspaces } = policy.ignore;
  if (workspaces.length > 0 && component.paths.length > 0 && component.paths.every((path) => workspaces.includes(path[0] ?? ''))) return true;
  // A private package cannot be published, so one among the dependencies is the project's own.
  if (policy.ignore.private && component.directory !== undefined) {
    const manifest = context.readFile(`${component.directory}/package.json`);
    try {
      return manifest !== undefined && (JSON.parse(manifest.toString('utf8')) as { private?: unknown }).private === true;
    } catch {
      return false;
    }
  }
  return false;
}

async function clarify(policy: Policy, context: PolicyContext, component: Component, used: Set<Clarification>, diagnostics: Diagnostic[]): Promise<Evidence | undefined> {
  for (const clarification of policy.clarifications) {
    if (!entryMatches(clarification, component)) continue;
    used.add(clarification);
    const path = component.directory ? `${component.directory}/${clarification.file}` : clarification.file;
    const bytes = context.readFile(path);
    const actual = bytes ? createHash('sha256').update(bytes).digest('hex') : undefined;
    if (actual !== clarification.sha256) {
      diagnostics.push(configDiagnostic('config-clarification-stale', `the clarification of ${component.name}@${component.version} was decided on ${path} with SHA-256 ${clarification.sha256.slice(0, 12)}…, but the file ${actual ? `now has ${actual.slice(0, 12)}…` : 'is missing'}; it is not applied`, clarification.location, 'Read the licence file again and update the clarification’s sha256 (copyfair scan --format json shows it).'));
      return undefined;
    }
    return { kind: 'clarification', expression: clarification.expression, location: clarification.location };
  }
  return undefined;
}

function except(policy: Policy, context: PolicyContext, result: ComponentResult, usage: PolicyUsage): ComponentResult {
  for (const exception of policy.exceptions) {
    if (!entryMatches(exception, result)) continue;
    const use = usage.exceptions.get(exception) ?? { matched: [], needed: false };
    use.matched.push(`${result.name}@${result.version}`);
    usage.exceptions.set(exception, use);
    if (result.verdict.outcome === 'free') return result;
    use.needed = true;
    // Expired: not applied (a later entry may renew it); unusedEntries reports it as an error.
    if (isExpired(exception, context.date)) continue;
    const was = result.verdict.outcome;
    const where = `${exception.location.file}:${exception.location.line}`;
    return {
      ...result,
      verdict: {
        ...result.verdict,
        outcome: 'free',
        // `exception: ` is how the Markdown report finds what the project accepted (src/report/markdown.ts).
        because: [...result.verdict.because, { licence: result.expression ?? '—', outcome: 'free', section: where, because: `exception: ${exception.reason}` }],
        notes: [...result.verdict.notes, `excepted by the project's config (${where}): it was ${was}; ${exception.reason}${exception.expires ? ` (until ${exception.expires})` : ''}`],
      },
    };
  }
  return result;
}

/** The knowledge base with the project's licence-level decisions in place of the licences' rules. */
function overridden(kb: KnowledgeBase, policy: Policy): KnowledgeBase {
  const byId = new Map(kb.all().map((terms) => [terms.id, terms]));
  for (const override of policy.overrides) {
    const known = byId.get(override.licence);
    const base: Terms = known ?? { id: override.licence, name: override.licence, aliases: [], family: 'unknown', kind: 'licence', curated: false, summary: { commercial: '', triggers: '', owed: '' }, obligations: [], rules: [], source: { url: override.location.file } };
    byId.set(override.licence, {
      ...base,
      rules: [{ when: {}, outcome: override.outcome, section: `${override.location.file}:${override.location.line}`, because: `decided by the project: ${override.reason}` }],
      notes: [...(base.notes ?? []), `overridden by ${override.location.file}:${override.location.line}`],
    });
  }
  return createKnowledgeBase({ version: `${kb.version}+overrides`, terms: [...byId.values()] });
}
