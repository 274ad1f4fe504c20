// The one sentence a pull request gets: what this change adds to what is owed ("This change adds
// 1 dependency to pay back: coop-widget 1.4.0 (PPL), via ui-kit."), or that it adds nothing, and
// what was owed already. Derived from the DiffReport alone, in one place.
import type { Outcome } from '../types.js';
import type { Change, DiffReport } from './types.js';

/** Outcomes that ask something, in the order the headline lists them, with their phrase. */
const ASKS: [Outcome, string][] = [
  ['share-alike', 'to give back code for'],
  ['payback', 'to pay back'],
  ['forbidden', 'you may not use'],
  ['unknown', 'a person must check'],
];

/** Items named in the headline before "and N more". */
const NAMED = 3;

const dependencies = (n: number) => (n === 1 ? '1 dependency' : `${n} dependencies`);

export function diffHeadline(report: Omit<DiffReport, 'headline'>): string {
  const introduced = report.changes.filter((change) => change.introduces);
  const counts = `${report.summary.added} added, ${report.summary.removed} removed, ${report.summary.changed} changed`;
  const already = report.existing.length > 0 ? ` ${dependencies(report.existing.length)} already asked something before it (not this change's doing).` : '';
  if (introduced.length === 0) return `This change adds nothing to what you owe (${counts}).${already}`;
  const groups = ASKS.map(([outcome, phrase]) => ({ phrase, items: introduced.filter((c) => c.after!.outcome === outcome) })).filter((g) => g.items.length > 0);
  const parts = groups.map((group, index) => `${index === 0 ? dependencies(group.items.length) : group.items.length} ${group.phrase}`);
  const list = introduced.slice(0, NAMED).map(describe).join('; ');
  const more = introduced.length > NAMED ? `; and ${introduced.length - NAMED} more` : '';
  return `This change adds ${joinAnd(parts)}: ${list}${more}.${already}`;
}

/** `coop-widget 1.4.0 (PPL), via ui-kit` */
function describe(change: Change): string {
  const after = change.after!;
  const via = change.path.length > 2 ? `, via ${change.path[1]}` : '';
  const was = change.kind === 'changed' ? `, was ${change.before!.outcome}${change.before!.version !== after.version ? ` at ${change.before!.version}` : ''}` : '';
  return `${change.name} ${after.version} (${after.expression ?? 'no licence found'})${via}${was}`;
}

function joinAnd(parts: string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
