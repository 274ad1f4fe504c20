// Builds the Report from evaluated components: the headline answer, counts per outcome, what is
// owed grouped (give back code, pay, not permitted, unknown), sorted so the same input gives the
// same report byte for byte.
import type { Answer, ComponentResult, DecidingFact, Diagnostic, Obligation, OwedGroup, OwedItem, Outcome, Profile, Report } from '../types.js';
import { OUTCOMES } from '../types.js';
import { DEFAULT_FAIL_ON, decideAnswer, type Decision } from './answer.js';
import { compareText } from '../util/compare.js';

export interface ReportInput {
  toolVersion: string;
  knowledgeBase: string;
  profile: Profile;
  project: Report['project'];
  components: ComponentResult[];
  diagnostics: Diagnostic[];
  /** Outcomes that fail the run (default: payback, forbidden, unknown). */
  failOn?: Outcome[];
  /** The assumed facts that decide outcomes (src/scan/deciding.ts). */
  decidingFacts?: DecidingFact[];
}

/** Which group each outcome that asks something of the user belongs to. */
const GROUP_OF: Partial<Record<Outcome, OwedGroup>> = {
  'share-alike': 'give-back-code',
  payback: 'pay',
  forbidden: 'not-permitted',
  unknown: 'unknown',
};

/** The obligations that make an outcome owed (the rest are notices kept by everyone). */
const OWED_KINDS: Record<OwedGroup, Obligation['kind'][]> = {
  'give-back-code': ['share-alike', 'source-offer', 'contribute', 'patent-grant'],
  pay: ['pay', 'time-limit', 'contribute'],
  'not-permitted': ['conduct'],
  unknown: [],
};

export function buildReport(input: ReportInput): Report {
  const components = [...input.components].sort((a, b) => compareText(a.name, b.name) || compareText(a.version, b.version));
  const summary = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0])) as Record<Outcome, number> & { total: number };
  for (const component of components) summary[component.verdict.outcome]++;
  summary.total = components.length;
  const diagnostics = sortDiagnostics(input.diagnostics);
  const failOn = input.failOn ?? DEFAULT_FAIL_ON;
  const readDependencies = input.project.sources.some((source) => source.kind !== 'manifest');
  return {
    schemaVersion: 1,
    tool: { name: 'copyfair', version: input.toolVersion, knowledgeBase: input.knowledgeBase },
    profile: input.profile,
    project: { ...input.project, sources: [...input.project.sources].sort((a, b) => compareText(a.file, b.file)) },
    answer: answer(components, summary, decideAnswer({ components, summary, diagnostics, failOn, readDependencies }), failOn),
    decidingFacts: input.decidingFacts ?? [],
    summary,
    components,
    diagnostics,
  };
}

function answer(components: ComponentResult[], summary: Report['summary'], decision: Decision, failOn: Outcome[]): Answer {
  const groups = new Map<OwedGroup, OwedItem[]>();
  for (const component of components) {
    const group = GROUP_OF[component.verdict.outcome];
    if (!group) continue;
    const items = groups.get(group) ?? [];
    items.push(owedItem(component, group));
    groups.set(group, items);
  }
  const owed = (['give-back-code', 'pay', 'not-permitted', 'unknown'] as const)
    .filter((group) => groups.has(group))
    .map((group) => ({ group, items: groups.get(group)! }));
  return { ok: decision.status === 'yes', status: decision.status, passes: decision.passes, failOn: [...failOn], headline: decision.headline, owed };
}

function owedItem(component: ComponentResult, group: OwedGroup): OwedItem {
  const { verdict } = component;
  const kinds = OWED_KINDS[group];
  const obligations = verdict.obligations.filter((obligation) => kinds.includes(obligation.kind));
  // Where to pay: addresses only (the route's words are in the pay obligation already).
  const routes = verdict.obligations.flatMap((obligation) =>
    obligation.kind === 'pay' ? [obligation.route.url, obligation.route.contact].filter((part): part is string => Boolean(part)) : [],
  );
  const payTo = [...new Set([...component.funding, ...routes])];
  return {
    component: component.name,
    version: component.version,
    expression: component.expression,
    outcome: verdict.outcome,
    obligations,
    because: verdict.because.filter((reason) => reason.outcome === verdict.outcome),
    path: component.paths[0] ?? [component.name],
    payTo,
    contacts: component.owedTo ?? [],
  };
}

/** Diagnostics in a stable order, duplicates dropped. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  const unique = new Map(diagnostics.map((d) => [JSON.stringify([d.code, d.message, d.location?.file, d.location?.line, d.component]), d]));
  return [...unique.values()].sort(
    (a, b) =>
      rank[a.severity] - rank[b.severity] ||
      compareText(a.code, b.code) ||
      compareText(a.location?.file ?? '', b.location?.file ?? '') ||
      compareText(a.message, b.message),
  );
}
