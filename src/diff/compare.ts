// Compares two scans by package: which names were added, removed or changed (version, licence,
// outcome, scope), which of them now ask something they did not ask before, and which findings
// were already there before the change (not the change's doing).
import { OUTCOMES, type ComponentResult, type Obligation, type Outcome, type Report } from '../types.js';
import { diffHeadline } from './headline.js';
import type { Change, ComponentState, DiffReport, DiffSide, Existing } from './types.js';
import { compareText } from '../util/compare.js';
import { pushTo } from '../util/arrays.js';

/** Obligation kinds everyone keeps: a new notice is not news. */
const KEPT_BY_EVERYONE = new Set<Obligation['kind']>(['notice', 'attribution']);

export interface Sides {
  base: { label: string; kind: DiffSide['kind']; report: Report };
  head: { label: string; kind: DiffSide['kind']; report: Report };
}

export function compare({ base, head }: Sides): DiffReport {
  const before = byPackage(base.report.components);
  const after = byPackage(head.report.components);
  const changes: Change[] = [];
  let unchanged = 0;
  for (const key of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const old = before.get(key) ?? [];
    const now = after.get(key) ?? [];
    const oldVersions = new Map(old.map((c) => [c.version, c]));
    const nowVersions = new Map(now.map((c) => [c.version, c]));
    const gone = old.filter((c) => !nowVersions.has(c.version));
    const fresh = now.filter((c) => !oldVersions.has(c.version));
    for (const component of now.filter((c) => oldVersions.has(c.version))) {
      const change = changed(oldVersions.get(component.version)!, component);
      if (change) changes.push(change);
      else unchanged++;
    }
    // A package whose version moved is one change, not a removal and an addition.
    const pairs = Math.min(gone.length, fresh.length);
    for (let i = 0; i < pairs; i++) changes.push(changed(gone[i]!, fresh[i]!)!);
    for (const component of fresh.slice(pairs)) changes.push(added(component));
    for (const component of gone.slice(pairs)) changes.push(removed(component));
  }
  const order = { added: 0, changed: 1, removed: 2 };
  changes.sort((a, b) => order[a.kind] - order[b.kind] || compareText(a.name, b.name) || compareText(a.after?.version ?? a.before?.version ?? '', b.after?.version ?? b.before?.version ?? ''));
  const introducedKeys = new Set(changes.filter((c) => c.introduces).map((c) => `${c.ecosystem}:${c.name}@${c.after!.version}`));
  const existing: Existing[] = head.report.components
    .filter((c) => c.verdict.outcome !== 'free' && !introducedKeys.has(`${c.ecosystem}:${c.name}@${c.version}`))
    .map((c) => ({ name: c.name, version: c.version, expression: c.expression, outcome: c.verdict.outcome, path: c.paths[0] ?? [c.name] }));
  const introduced = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  for (const change of changes) if (change.introduces) introduced[change.after!.outcome]++;
  const summary = { added: count(changes, 'added'), removed: count(changes, 'removed'), changed: count(changes, 'changed'), unchanged, introduced };
  const report: Omit<DiffReport, 'headline'> = {
    schemaVersion: 1,
    tool: head.report.tool,
    profile: head.report.profile,
    base: side(base),
    head: side(head),
    ok: changes.every((change) => !change.introduces),
    changes,
    existing,
    summary,
  };
  return { ...report, headline: diffHeadline(report) };
}

const count = (changes: Change[], kind: Change['kind']) => changes.filter((c) => c.kind === kind).length;

function side({ label, kind, report }: Sides['base']): DiffSide {
  return { label, kind, project: report.project, summary: report.summary, diagnostics: report.diagnostics };
}

function byPackage(components: ComponentResult[]): Map<string, ComponentResult[]> {
  const map = new Map<string, ComponentResult[]>();
  for (const component of components) {
    pushTo(map, `${component.ecosystem}:${component.name}`, component);
  }
  return map;
}

function state(component: ComponentResult): ComponentState {
  return { version: component.version, expression: component.expression, outcome: component.verdict.outcome, scope: component.scope };
}

const obligationKey = (o: Obligation) => `${o.kind} ${o.licence ?? ''} ${o.section}`;

function owed(component: ComponentResult): Obligation[] {
  return component.verdict.obligations.filter((o) => !KEPT_BY_EVERYONE.has(o.kind));
}

function payTo(component: ComponentResult): string[] {
  const routes = component.verdict.obligations.flatMap((o) => (o.kind === 'pay' ? [o.route.url, o.route.contact].filter((x): x is string => Boolean(x)) : []));
  return [...new Set([...routes, ...(component.verdict.outcome === 'payback' ? component.funding : [])])];
}

function added(component: ComponentResult): Change {
  return {
    kind: 'added',
    ecosystem: component.ecosystem,
    name: component.name,
    after: state(component),
    what: [],
    introduces: component.verdict.outcome !== 'free',
    newObligations: owed(component),
    because: component.verdict.because,
    path: component.paths[0] ?? [component.name],
    payTo: payTo(component),
  };
}

function removed(component: ComponentResult): Change {
  return { kind: 'removed', ecosystem: component.ecosystem, name: component.name, before: state(component), what: [], introduces: false, newObligations: [], because: component.verdict.because, path: component.paths[0] ?? [component.name], payTo: [] };
}

/** The change between two versions (or the same version) of a package; undefined when nothing differs. */
function changed(old: ComponentResult, now: ComponentResult): Change | undefined {
  const what: Change['what'] = [];
  if (old.version !== now.version) what.push('version');
  if (old.expression !== now.expression) what.push('licence');
  if (old.verdict.outcome !== now.verdict.outcome) what.push('outcome');
  if (old.scope !== now.scope) what.push('scope');
  if (what.length === 0) return undefined;
  const had = new Set(owed(old).map(obligationKey));
  return {
    kind: 'changed',
    ecosystem: now.ecosystem,
    name: now.name,
    before: state(old),
    after: state(now),
    what,
    introduces: now.verdict.outcome !== 'free' && now.verdict.outcome !== old.verdict.outcome,
    newObligations: owed(now).filter((o) => !had.has(obligationKey(o))),
    because: now.verdict.because,
    path: now.paths[0] ?? [now.name],
    payTo: payTo(now),
  };
}
