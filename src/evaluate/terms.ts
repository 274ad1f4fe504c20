// Evaluates one licence's terms for a profile: the first rule whose condition holds decides, and
// facts the profile leaves unstated are tried at every value that matters, keeping the worst.
import type { Assumption, Obligation, Outcome, Profile, Rule, Terms, Verdict } from '../types.js';
import { ENTITIES, OUTCOMES, USES, type Use } from '../types.js';
import {
  assign,
  baseWorld,
  conditionsOf,
  flagFor,
  holds,
  unknownsOf,
  type ParamValue,
  type Unknown,
  type World,
} from './world.js';
import { YES_NO_FACTS, isYesNoFact, yesNoFlag } from '../profile/facts.js';

/** At most this many combinations of unknown facts are tried; more means a malformed entry. */
const MAX_WORLDS = 4096;

/** The rule that decides in a world, or undefined when none does. */
export function decidingRule(terms: Terms, world: World): number | undefined {
  const index = terms.rules.findIndex((rule) => {
    const conditions = Array.isArray(rule.when) ? rule.when : [rule.when];
    return conditions.some((condition) => holds(condition, world));
  });
  return index === -1 ? undefined : index;
}

/** Rank of an outcome: higher is worse. */
export function rank(outcome: Outcome): number {
  return OUTCOMES.indexOf(outcome);
}

/** Every combination of the unknowns' candidate values, applied to the base world. */
function worlds(base: World, unknowns: Unknown[]): World[] {
  let result = [base];
  for (const unknown of unknowns) {
    const next: World[] = [];
    for (const world of result) {
      for (const candidate of unknown.candidates) next.push(assign(world, unknown.fact, candidate.value));
    }
    result = next;
    if (result.length > MAX_WORLDS) throw new Error(`the rules test more than ${MAX_WORLDS} combinations of unknown facts`);
  }
  return result;
}

/** The decided rule under the strict assumption, with the world that produced it. */
export function strictDecision(
  terms: Terms,
  profile: Profile,
  params: World['params'],
  /** The outcome a rule really leads to, when that differs from its own (a change licence). */
  effective: (index: number) => Outcome = (index) => terms.rules[index]!.outcome,
) {
  const unknowns = unknownsOf(terms, profile, params);
  const base = baseWorld(profile, params);
  const all = worlds(base, unknowns).map((world) => ({ world, index: decidingRule(terms, world) }));
  const outcome = (index: number | undefined) => (index === undefined ? 'unknown' : effective(index));
  let decision = all[0]!;
  const changes = (index: number | undefined) => index !== undefined && terms.rules[index]!.becomes !== undefined;
  for (const candidate of all) {
    const worse = rank(outcome(candidate.index)) - rank(outcome(decision.index));
    // On a tie, prefer the rule that needs no change of licence: it assumes less.
    if (worse > 0 || (worse === 0 && changes(decision.index) && !changes(candidate.index))) decision = candidate;
  }
  return { ...decision, assumed: assumptions(terms, profile, unknowns, decision, all, outcome) };
}

/**
 * The facts whose assumed value matters: in some combination of the other unknowns, changing
 * this one alone changes the deciding rule. Each is reported at its value in the worst case.
 */
function assumptions(
  terms: Terms,
  profile: Profile,
  unknowns: Unknown[],
  decision: { world: World; index: number | undefined },
  all: { world: World; index: number | undefined }[],
  outcome: (index: number | undefined) => Outcome,
): Assumption[] {
  const assumed: Assumption[] = defaultsUsed(terms, profile, decision);
  for (const unknown of unknowns) {
    const current = unknown.candidates.find((c) => sameValue(readFact(decision.world, unknown.fact), c.value));
    const matters = all.some(({ world, index }) =>
      unknown.candidates.some((c) => decidingRule(terms, assign(world, unknown.fact, c.value)) !== index),
    );
    if (!current || !matters) continue;
    // Every value of the fact gives the same answer here: none is the strict case, only the one
    // whose obligations are listed (ApexCharts: payback for an OEM licence, or for a competing product).
    const same = unknown.candidates.every((c) => outcome(decidingRule(terms, assign(decision.world, unknown.fact, c.value))) === outcome(decision.index));
    assumed.push(describeAssumption(unknown.fact, current.description, current.value, same ? outcome(decision.index) : undefined));
  }
  return assumed;
}

function readFact(world: World, fact: string): unknown {
  return fact.startsWith('param:') ? world.params[fact.slice(6)] : world[fact as keyof World];
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function describeAssumption(fact: string, description: string, value: unknown, either?: Outcome): Assumption {
  if (fact.startsWith('param:')) {
    const name = fact.slice(6);
    return {
      fact: 'parameter',
      value: `${name}: ${description}`,
      note: `the licence's ${name} is not known (not found in its text or given), so copyfair assumed the strict case`,
    };
  }
  if (isYesNoFact(fact) && typeof value === 'boolean') {
    const spec = YES_NO_FACTS[fact];
    const said = either
      ? `not stated; the answer is ${either} either way, and what is owed is for the case that ${spec.words[String(value) as 'true' | 'false']}`
      : `not stated, so copyfair assumed the strict case: ${spec.words[String(value) as 'true' | 'false']}`;
    return {
      fact,
      value: String(value),
      note: `${said}; pass ${yesNoFlag(fact, !value)} if ${spec.words[String(!value) as 'true' | 'false']}`,
    };
  }
  const flag = flagFor(fact);
  return {
    fact: fact as Assumption['fact'],
    value: description,
    note: `not stated, so copyfair assumed the strict case${flag ? `; pass ${flag} to state it` : ''}`,
  };
}

/** Entity, uses and fields take documented defaults rather than the worst case. */
function defaultsUsed(terms: Terms, profile: Profile, decision: { world: World; index: number | undefined }): Assumption[] {
  const conditions = conditionsOf(terms.rules);
  const assumed: Assumption[] = [];
  const differs = (change: Partial<World>) => decidingRule(terms, { ...decision.world, ...change }) !== decision.index;
  if (profile.entity === undefined && ENTITIES.some((entity) => differs({ entity }))) {
    assumed.push({ fact: 'entity', value: 'for-profit', note: `not stated, so copyfair assumed a for-profit; pass --as with one of ${ENTITIES.filter((e) => e !== 'for-profit').join(', ')} if you are not` });
  }
  const someUses: Use[][] = [[], ...USES.map((use) => [use])];
  if (profile.uses === undefined && someUses.some((uses) => differs({ uses }))) {
    assumed.push({
      fact: 'uses',
      value: 'internal, distribute, network, modify',
      note: `not stated, so copyfair assumed every kind of use; pass --use with the ones you do (${USES.join(',')})`,
    });
  }
  const banned = [...new Set(conditions.flatMap((c) => c.fields ?? []))].sort();
  if (profile.fields === undefined && banned.length > 0) {
    assumed.push({
      fact: 'fields',
      value: 'none',
      note: `not stated, so copyfair assumed you work in none of the fields this licence bans (${banned.join(', ')}); pass --field with the ones you do`,
    });
  }
  return assumed;
}

/** Substitutes `$name` in obligation strings with parameter values. */
function withParameters(obligation: Obligation, params: Record<string, ParamValue | undefined>): Obligation {
  const text = JSON.stringify(obligation).replace(/"\$([A-Za-z][\w]*)"/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? JSON.stringify(`(${name} not known)`) : JSON.stringify(Array.isArray(value) ? value.join(', ') : String(value));
  });
  return JSON.parse(text) as Obligation;
}

/** What a deciding rule means: outcome, obligations with their licence, and the reason. */
export function ruleVerdict(terms: Terms, rule: Rule | undefined, params: Record<string, ParamValue | undefined>): Verdict {
  if (!rule) {
    return {
      expression: terms.id,
      outcome: 'unknown',
      obligations: [],
      because: [
        {
          licence: terms.id,
          outcome: 'unknown',
          section: '—',
          because: terms.rules.length === 0
            ? `${terms.name} has not been reviewed for copyfair, so a person must read it`
            : `no rule of ${terms.name} covers this profile`,
        },
      ],
      assumed: [],
      chosen: [],
      notes: [],
    };
  }
  const usable = rule.outcome === 'free' || rule.outcome === 'share-alike' || rule.outcome === 'payback';
  const obligations = [...(usable ? terms.obligations : []), ...(rule.obligations ?? [])].map((obligation) => ({
    ...withParameters(obligation, params),
    licence: terms.id,
  }));
  return {
    expression: terms.id,
    outcome: rule.outcome,
    obligations,
    because: [{ licence: terms.id, outcome: rule.outcome, section: rule.section, because: rule.because.trim() }],
    assumed: [],
    chosen: [],
    notes: [],
  };
}
