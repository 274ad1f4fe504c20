// Combines verdicts: AND takes the worst outcome and every obligation; OR takes the branch that is
// best for this profile and records the choice (DESIGN §3).
import type { Assumption, Obligation, Verdict } from '../types.js';
import { SHARE_SCOPES } from '../types.js';
import { rank } from './terms.js';

/** Removes duplicates, keeping the first of each, by their JSON form. */
function unique<T>(items: T[], key: (item: T) => string = (item) => JSON.stringify(item)): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Choices kept per verdict: an expression nesting thousands of ORs would otherwise carry (and
 * print) every choice with its whole sub-expression, growing with the square of its length.
 */
export const MAX_CHOICES = 100;

/** All of the verdicts apply: the worst outcome, the union of everything else. */
export function combineAnd(expression: string, verdicts: Verdict[]): Verdict {
  const worst = verdicts.reduce((a, b) => (rank(b.outcome) > rank(a.outcome) ? b : a));
  return {
    expression,
    outcome: worst.outcome,
    obligations: unique(verdicts.flatMap((v) => v.obligations)),
    because: unique(verdicts.flatMap((v) => v.because)),
    assumed: unique(verdicts.flatMap((v) => v.assumed), assumptionKey),
    chosen: verdicts.flatMap((v) => v.chosen).slice(0, MAX_CHOICES),
    notes: unique(verdicts.flatMap((v) => v.notes)),
  };
}

function assumptionKey(assumption: Assumption): string {
  return `${assumption.fact}=${assumption.value}`;
}

/** How heavy a set of obligations is, to break ties between branches with the same outcome. */
export function weight(obligations: Obligation[]): number {
  let total = 0;
  for (const obligation of obligations) {
    switch (obligation.kind) {
      case 'notice':
      case 'attribution':
      case 'state-changes':
        total += 1;
        break;
      case 'source-offer':
      case 'conduct':
      case 'time-limit':
        total += 3;
        break;
      case 'share-alike':
        total += 5 + SHARE_SCOPES.indexOf(obligation.scope);
        break;
      case 'patent-grant':
        total += 5;
        break;
      case 'contribute':
        total += 12;
        break;
      case 'pay':
        total += 20;
        break;
      default: {
        const exhaustive: never = obligation;
        throw new Error(`unknown obligation ${JSON.stringify(exhaustive)}`);
      }
    }
  }
  return total;
}

/** The user may choose: the best branch for this profile, ties to the lighter obligations. */
export function combineOr(expression: string, verdicts: Verdict[]): Verdict {
  let best = 0;
  verdicts.forEach((verdict, index) => {
    const current = verdicts[best]!;
    const better =
      rank(verdict.outcome) < rank(current.outcome) ||
      (rank(verdict.outcome) === rank(current.outcome) && weight(verdict.obligations) < weight(current.obligations));
    if (better) best = index;
  });
  const chosen = verdicts[best]!;
  return {
    ...chosen,
    expression,
    chosen: [
      {
        chosen: chosen.expression,
        alternatives: verdicts
          .filter((_, index) => index !== best)
          .map((verdict) => ({ expression: verdict.expression, outcome: verdict.outcome })),
      },
      ...chosen.chosen.slice(0, MAX_CHOICES - 1),
    ],
  };
}
