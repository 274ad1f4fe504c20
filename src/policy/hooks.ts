// The policy applied to a scan: clarifications (pinned to the licence file's SHA-256), ignored
// packages and workspaces, licence-level overrides and package exceptions (with expiry), and
// afterwards what the config said that matched nothing.
import { createHash } from 'node:crypto';
import semver from 'semver';
import { createKnowledgeBase, type KnowledgeBase } from '../kb/index.js';
import type { ScanHooks } from '../scan/hooks.js';
import type { Component, ComponentResult, Diagnostic, Evidence, Terms } from '../types.js';
import type { Clarification, PackageException, Policy } from './config.js';

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

const matches = (entry: { package: string; version: string }, component: Component) =>
  entry.package === component.name && (semver.valid(component.version) ? semver.satisfies(component.version, entry.version, { includePrerelease: true }) : entry.version === '*' || entry.version === component.version);

export interface PolicyContext {
  /** The evaluation date (exception expiry). */
  date: string;
  /** Reads a file of the scanned tree (relative path); undefined when it cannot be read. */
  readFile(path: string): Buffer | undefined;
}

/** The hooks a scan calls, and `finish()` for what the policy learnt once the scan is done. */
export function policyHooks(policy: Policy, context: PolicyContext): { hooks: ScanHooks; finish(): Diagnostic[] } {
  const used = { exceptions: new Set<PackageException>(), clarifications: new Set<Clarification>(), overrides: new Set<string>() };
  const diagnostics: Diagnostic[] = [];
  const hooks: ScanHooks = {
    customTerms: policy.licences,
    knowledgeBase: policy.overrides.length ? (kb) => overridden(kb, policy) : undefined,
    ignore: (component) =>
      policy.ignore.packages.includes(component.name) ||
      (policy.ignore.workspaces.length > 0 && component.paths.length > 0 && component.paths.every((path) => policy.ignore.workspaces.includes(path[0] ?? ''))),
    clarify: async (component) => clarify(policy, context, component, used.clarifications, diagnostics),
    afterEvaluate: (result) => {
      for (const override of policy.overrides) if (result.verdict.because.some((reason) => reason.licence === override.licence)) used.overrides.add(override.licence);
      return except(policy, context, result, used.exceptions, diagnostics);
    },
  };
  const finish = (): Diagnostic[] => [
    ...diagnostics,
    ...policy.exceptions.filter((e) => !used.exceptions.has(e)).map((e) => configDiagnostic('config-exception-unused', `the exception for ${e.package}@${e.version} matched no package`, e.location, 'Remove it, or fix its package name or version range.')),
    ...policy.clarifications.filter((c) => !used.clarifications.has(c)).map((c) => configDiagnostic('config-clarification-unused', `the clarification for ${c.package}@${c.version} matched no package`, c.location, 'Remove it, or fix its package name or version range.')),
    ...policy.overrides.filter((o) => !used.overrides.has(o.licence)).map((o) => configDiagnostic('config-override-unused', `the override of ${o.licence} matched no dependency`, o.location, 'Remove it if no dependency uses that licence any more.')),
  ];
  return { hooks, finish };
}

async function clarify(policy: Policy, context: PolicyContext, component: Component, used: Set<Clarification>, diagnostics: Diagnostic[]): Promise<Evidence | undefined> {
  for (const clarification of policy.clarifications) {
    if (!matches(clarification, component)) continue;
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

function except(policy: Policy, context: PolicyContext, result: ComponentResult, used: Set<PackageException>, diagnostics: Diagnostic[]): ComponentResult {
  if (result.verdict.outcome === 'free') return result;
  for (const exception of policy.exceptions) {
    if (!matches(exception, result)) continue;
    used.add(exception);
    if (exception.expires && exception.expires <= context.date) {
      diagnostics.push(configDiagnostic('config-exception-expired', `the exception for ${result.name}@${result.version} expired on ${exception.expires} (${exception.reason})`, exception.location, 'Renew the decision with a new expires date, or remove the exception and deal with the dependency.'));
      return result;
    }
    const was = result.verdict.outcome;
    return {
      ...result,
      verdict: {
        ...result.verdict,
        outcome: 'free',
        because: [...result.verdict.because, { licence: result.expression ?? '—', outcome: 'free', section: `${exception.location.file}:${exception.location.line}`, because: `exception: ${exception.reason}` }],
        notes: [...result.verdict.notes, `excepted by the project's config (${exception.location.file}:${exception.location.line}): it was ${was}; ${exception.reason}${exception.expires ? ` (until ${exception.expires})` : ''}`],
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
