// The summary grouped by licence, as license-checker's --summary users expect: each expression
// with how many packages carry it and what it means for this profile.
import type { Outcome, Report } from '../types.js';
import { OUTCOMES } from '../types.js';
import { compareText } from '../util/compare.js';

export interface LicenceGroup {
  /** The decided expression, or `(none)` when none could be decided. */
  licence: string;
  count: number;
  /** Packages per outcome (one expression can differ by scope: dev dependencies). */
  outcomes: Partial<Record<Outcome, number>>;
}

/** Groups by expression, most packages first, then by name. */
export function byLicence(report: Report): LicenceGroup[] {
  const groups = new Map<string, LicenceGroup>();
  for (const component of report.components) {
    const licence = component.expression ?? '(none)';
    const group = groups.get(licence) ?? { licence, count: 0, outcomes: {} };
    group.count++;
    group.outcomes[component.verdict.outcome] = (group.outcomes[component.verdict.outcome] ?? 0) + 1;
    groups.set(licence, group);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || compareText(a.licence, b.licence));
}

/** "free" or "free 3, share-alike 1". */
export function describeOutcomes(outcomes: LicenceGroup['outcomes']): string {
  const present = OUTCOMES.filter((outcome) => outcomes[outcome]);
  return present.length === 1 ? present[0]! : present.map((outcome) => `${outcome} ${outcomes[outcome]}`).join(', ');
}
