// Words both diff reporters use.
import type { Change, DiffReport } from '../../diff/types.js';
import { describeObligation } from '../describe.js';

export function stateText(state: Change['before']): string {
  return state ? `${state.version} ${state.expression ?? 'no licence found'}: ${state.outcome}${state.scope !== 'prod' ? ` (${state.scope})` : ''}` : '—';
}

/** `added coop-widget 1.4.0 PPL: payback` / `changed x 1.0 MIT: free → 2.0 GPL-3.0-only: share-alike` */
export function changeLine(change: Change): string {
  if (change.kind === 'added') return `added ${change.name} ${stateText(change.after)}`;
  if (change.kind === 'removed') return `removed ${change.name} ${stateText(change.before)}`;
  return `changed ${change.name} ${stateText(change.before)} → ${stateText(change.after)}`;
}

export function obligationLines(change: Change): string[] {
  return change.newObligations.map((o) => `${o.kind} (${o.licence ?? ''} ${o.section}): ${describeObligation(o)}`);
}

export function sidesLine(report: DiffReport): string {
  const side = (s: DiffReport['base']) => `${s.label} (${s.kind}, ${s.summary.total} dependencies)`;
  return `${side(report.base)} → ${side(report.head)}`;
}
