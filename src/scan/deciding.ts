// The facts that decide: for each fact copyfair assumed (the strict case), how many packages'
// outcomes would change if the user stated it the other way, found by evaluating again with the
// fact flipped, never by guessing. Each comes with the exact flag that states it.
import { KNOWN_FIELDS, USES, type DecidingFact, type Entity, type Outcome, type Profile, ENTITIES } from '../types.js';
import { YES_NO_FACTS, isYesNoFact, yesNoFlag } from '../profile/facts.js';
import { compareText } from '../util/compare.js';
import { pushTo } from '../util/arrays.js';

/** A component whose verdict rests on assumptions, and how to evaluate it again with other facts. */
export interface Replayable {
  /** `name@version`. */
  component: string;
  outcome: Outcome;
  /** The facts its verdict assumed (`Assumption.fact`), with the values assumed. */
  assumed: { fact: string; value: string }[];
  /** The outcome with these facts stated instead. */
  replay(patch: Partial<Profile>): Outcome;
}

interface Alternative {
  patch: Partial<Profile>;
}

interface FactPlan {
  flag: string;
  /** What copyfair assumed, in words. */
  assumed: string;
  /** What stating it means, in words ("your product does not compete with, host or sell them"). */
  stated: string;
  alternatives: Alternative[];
}

/** How to flip each fact a verdict can assume; facts no flag states (licence parameters) are left out. */
function plan(fact: string, values: string[], profile: Profile): FactPlan | undefined {
  if (isYesNoFact(fact)) {
    const assumedValue = values.includes('true');
    const spec = YES_NO_FACTS[fact];
    const key = String(assumedValue) as 'true' | 'false';
    const other = String(!assumedValue) as 'true' | 'false';
    return { flag: yesNoFlag(fact, !assumedValue), assumed: spec.words[key], stated: spec.words[other], alternatives: [{ patch: { [fact]: !assumedValue } }] };
  }
  switch (fact) {
    case 'employees':
    case 'revenueUsd':
    case 'users': {
      const flag = { employees: '--employees N', revenueUsd: '--revenue USD', users: '--users N' }[fact];
      const noun = { employees: 'people working for you', revenueUsd: 'US dollars of revenue', users: 'users of the work' }[fact];
      const limits = [...new Set(values)].map((value) => value.replace(/ or more$/, '')).sort();
      return { flag, assumed: `${limits.join(' or ')} or more ${noun}`, stated: `fewer ${noun}`, alternatives: [{ patch: { [fact]: 0 } }] };
    }
    case 'entity': {
      const others = ENTITIES.filter((entity) => entity !== (profile.entity ?? 'for-profit'));
      return { flag: '--as ENTITY', assumed: 'you are a for-profit', stated: `you are another entity (${others.join(', ')})`, alternatives: others.map((entity: Entity) => ({ patch: { entity } })) };
    }
    case 'uses': {
      const narrower = [['internal'], ...USES.map((use) => USES.filter((other) => other !== use))] as Profile['uses'][];
      return { flag: `--use ${USES.join(',')} (the ones you do)`, assumed: 'you use them every way', stated: 'you use them in fewer ways', alternatives: narrower.map((uses) => ({ patch: { uses } })) };
    }
    case 'fields':
      return { flag: '--field FIELDS', assumed: 'you work in none of the fields they ban', stated: 'you work in one of them', alternatives: [{ patch: { fields: [...KNOWN_FIELDS] } }] };
    default:
      return undefined;
  }
}

/** Every assumed fact that changes at least one package's outcome, most packages first. */
export function decidingFacts(replayable: Replayable[], profile: Profile): DecidingFact[] {
  // Sets and pushes, not a copy of each list per item: a copy and a search per item made this
  // quadratic (20,000 packages resting on one assumed fact took 16 s; now a few ms).
  const byFact = new Map<string, Set<Replayable>>();
  const values = new Map<string, string[]>();
  for (const item of replayable) {
    for (const { fact, value } of item.assumed) {
      let items = byFact.get(fact);
      if (!items) byFact.set(fact, (items = new Set()));
      items.add(item);
      pushTo(values, fact, value);
    }
  }
  const found: DecidingFact[] = [];
  for (const [fact, items] of byFact) {
    const how = plan(fact, values.get(fact) ?? [], profile);
    if (!how) continue;
    const changes: DecidingFact['changes'] = [];
    for (const item of items) {
      // The first alternative that changes the outcome is the one reported for this package.
      for (const { patch } of how.alternatives) {
        const outcome = item.replay(patch);
        if (outcome !== item.outcome) {
          changes.push({ component: item.component, from: item.outcome, to: outcome });
          break;
        }
      }
    }
    if (changes.length === 0) continue;
    changes.sort((a, b) => compareText(a.component, b.component));
    found.push({ fact, flag: how.flag, assumed: how.assumed, stated: how.stated, changes, summary: summarise(how, changes) });
  }
  return found.sort((a, b) => b.changes.length - a.changes.length || compareText(a.fact, b.fact));
}

/** "1 package is payback only because copyfair assumed …: pass --no-competes if …". */
function summarise(how: FactPlan, changes: DecidingFact['changes']): string {
  const froms = [...new Set(changes.map((change) => change.from))];
  const transitions = [...new Set(changes.map((change) => `${change.from} → ${change.to}`))];
  const n = changes.length;
  return `${n} ${n === 1 ? 'package is' : 'packages are'} ${froms.join(' or ')} only because copyfair assumed ${how.assumed}: pass ${how.flag} if ${how.stated} (${transitions.join(', ')})`;
}
