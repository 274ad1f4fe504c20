// The facts a licence's rules are tested against, and the strict assumption for facts the profile
// does not state: every value that could change which rule applies is tried, and the worst
// outcome is kept (DESIGN §5, fail closed).
import type { Condition, Entity, Profile, ParamRef, Rule, Terms, Use } from '../types.js';
import { USES } from '../types.js';
import { VALUE_FLAGS, YES_NO_FACT_NAMES } from '../profile/facts.js';
import { dateCompared } from '../util/date-reads.js';

/** A parameter value of templated terms (BUSL Change Date, Hippocratic modules, …). */
export type ParamValue = string | number | string[];

/** One complete assignment of facts: what a rule condition is tested against. */
export interface World {
  entity: Entity;
  uses: readonly Use[];
  surplusToWorkers: boolean;
  equalVote: boolean;
  competes: boolean;
  employees: number;
  revenueUsd: number;
  users: number;
  fields: readonly string[];
  date: string;
  params: Record<string, ParamValue | undefined>;
}

/** A fact that is not stated, with the values worth trying and how to describe each. */
export interface Unknown {
  /** `employees`, `date`, … or `param:<name>`. */
  fact: string;
  candidates: { value: unknown; description: string }[];
}

/** Facts read as booleans. */
const BOOLEAN_FACTS = YES_NO_FACT_NAMES;
/** Numeric facts and the condition keys that test them. */
const NUMBER_FACTS = {
  employees: ['employeesBelow', 'employeesAtLeast'],
  revenueUsd: ['revenueBelow', 'revenueAtLeast'],
  users: ['usersBelow', 'usersAtLeast'],
} as const;

/** The flag that states a (non yes/no) fact, for assumption notes. */
export function flagFor(fact: string): string | undefined {
  return Object.hasOwn(VALUE_FLAGS, fact) ? VALUE_FLAGS[fact as keyof typeof VALUE_FLAGS] : undefined;
}

/** All conditions of a set of rules, flattened. */
export function conditionsOf(rules: Rule[]): Condition[] {
  return rules.flatMap((rule) => (Array.isArray(rule.when) ? rule.when : [rule.when]));
}

/** Resolves a number or a parameter reference; undefined when the parameter has no value. */
export function resolveNumber(value: number | ParamRef | undefined, params: World['params']): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') return value;
  const param = params[value.param];
  return typeof param === 'number' ? param : typeof param === 'string' && param !== '' ? Number(param) : undefined;
}

/** Resolves a date or a parameter reference; undefined when the parameter has no value. */
export function resolveDate(value: string | ParamRef | undefined, params: World['params']): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  const param = params[value.param];
  return typeof param === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(param) ? param : undefined;
}

/** Does the condition hold in this world? */
export function holds(condition: Condition, world: World): boolean {
  const c = condition;
  if (c.entity && !c.entity.includes(world.entity)) return false;
  if (c.entityNot && c.entityNot.includes(world.entity)) return false;
  if (c.uses && !c.uses.some((use) => world.uses.includes(use))) return false;
  if (c.usesNone && c.usesNone.some((use) => world.uses.includes(use))) return false;
  if (c.usesAll && !c.usesAll.every((use) => world.uses.includes(use))) return false;
  for (const fact of BOOLEAN_FACTS) {
    if (c[fact] !== undefined && c[fact] !== world[fact]) return false;
  }
  if (!numbersHold(c, world)) return false;
  if (c.fields && !c.fields.some((field) => world.fields.includes(field))) return false;
  if (!datesHold(c, world)) return false;
  for (const [name, values] of Object.entries(c.paramIncludes ?? {})) {
    const param = world.params[name];
    const list = Array.isArray(param) ? param : typeof param === 'string' ? [param] : [];
    if (!values.some((value) => list.map((item) => item.toUpperCase()).includes(value.toUpperCase()))) return false;
  }
  for (const [name, wanted] of Object.entries(c.paramSet ?? {})) {
    if (isSet(world.params[name]) !== wanted) return false;
  }
  return true;
}

function isSet(value: ParamValue | undefined): boolean {
  return value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);
}

function numbersHold(c: Condition, world: World): boolean {
  for (const [fact, [below, atLeast]] of Object.entries(NUMBER_FACTS) as [keyof typeof NUMBER_FACTS, readonly [keyof Condition, keyof Condition]][]) {
    const value = world[fact];
    const under = resolveNumber(c[below] as number | ParamRef | undefined, world.params);
    const over = resolveNumber(c[atLeast] as number | ParamRef | undefined, world.params);
    // An unresolvable threshold cannot be shown to hold: the condition fails closed by way of
    // the parameter's own strict candidates (see unknownsOf).
    if (c[below] !== undefined && (under === undefined || !(value < under))) return false;
    if (c[atLeast] !== undefined && (over === undefined || !(value >= over))) return false;
  }
  return true;
}

function datesHold(c: Condition, world: World): boolean {
  if (c.dateBefore !== undefined) {
    const limit = resolveDate(c.dateBefore, world.params);
    if (limit !== undefined) dateCompared('<', limit);
    if (limit === undefined || !(world.date < limit)) return false;
  }
  if (c.dateOnOrAfter !== undefined) {
    const limit = resolveDate(c.dateOnOrAfter, world.params);
    if (limit !== undefined) dateCompared('>=', limit);
    if (limit === undefined || !(world.date >= limit)) return false;
  }
  return true;
}

/** The day before a `YYYY-MM-DD` date. */
export function dayBefore(date: string): string {
  const time = new Date(`${date}T00:00:00Z`).getTime() - 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

/**
 * The base world for a profile: stated facts as given, unstated ones at a placeholder that the
 * enumeration of unknowns replaces. Also returns which of entity, uses and fields took defaults.
 */
export function baseWorld(profile: Profile, params: World['params']): World {
  return {
    entity: profile.entity ?? 'for-profit',
    uses: profile.uses ?? [...USES],
    surplusToWorkers: profile.surplusToWorkers ?? false,
    equalVote: profile.equalVote ?? false,
    competes: profile.competes ?? true,
    employees: profile.employees ?? Number.MAX_SAFE_INTEGER,
    revenueUsd: profile.revenueUsd ?? Number.MAX_SAFE_INTEGER,
    users: profile.users ?? Number.MAX_SAFE_INTEGER,
    fields: profile.fields ?? [],
    // Unstated, the date is enumerated around every known threshold (unknownsOf). This placeholder
    // only matters against a date parameter that is itself unknown, whose candidates are
    // 0001-01-01 and 9999-12-31: it sits between them, so neither is taken as already reached.
    date: profile.date ?? '5000-01-01',
    params,
  };
}

/** The unstated facts and unset parameters that the terms' rules test, with values worth trying. */
export function unknownsOf(terms: Terms, profile: Profile, params: World['params']): Unknown[] {
  const conditions = conditionsOf(terms.rules);
  const unknowns: Unknown[] = [];
  for (const fact of BOOLEAN_FACTS) {
    if (profile[fact] === undefined && conditions.some((c) => c[fact] !== undefined)) {
      unknowns.push({ fact, candidates: [false, true].map((value) => ({ value, description: String(value) })) });
    }
  }
  for (const [fact, keys] of Object.entries(NUMBER_FACTS) as [keyof typeof NUMBER_FACTS, readonly (keyof Condition)[]][]) {
    if (profile[fact] !== undefined) continue;
    const thresholds = new Set<number>();
    for (const c of conditions) {
      for (const key of keys) {
        const value = resolveNumber(c[key] as number | ParamRef | undefined, params);
        if (value !== undefined) thresholds.add(value);
      }
    }
    if (thresholds.size === 0) continue;
    const candidates = [...thresholds].sort((a, b) => a - b).flatMap((limit) => [
      { value: limit - 1, description: `fewer than ${limit.toLocaleString('en-GB')}` },
      { value: limit, description: `${limit.toLocaleString('en-GB')} or more` },
    ]);
    unknowns.push({ fact, candidates });
  }
  const dates = dateThresholds(terms, params);
  if (profile.date === undefined && dates.length > 0) {
    const candidates = dates.flatMap((limit) => [
      { value: dayBefore(limit), description: `before ${limit}` },
      { value: limit, description: `on or after ${limit}` },
    ]);
    unknowns.push({ fact: 'date', candidates });
  }
  unknowns.push(...parameterUnknowns(terms, conditions, params));
  return unknowns;
}

function dateThresholds(terms: Terms, params: World['params']): string[] {
  const found = new Set<string>();
  for (const c of conditionsOf(terms.rules)) {
    for (const value of [c.dateBefore, c.dateOnOrAfter]) {
      const date = resolveDate(value, params);
      if (date !== undefined) found.add(date);
    }
  }
  return [...found].sort();
}

/** Parameters that rules compare or search but that have no value: tried at both extremes. */
function parameterUnknowns(terms: Terms, conditions: Condition[], params: World['params']): Unknown[] {
  const unknowns: Unknown[] = [];
  for (const [name, spec] of Object.entries(terms.parameters ?? {})) {
    // An explicitly empty list (a Hippocratic 3.0 text with no modules) is known, not unknown.
    if (isSet(params[name]) || Array.isArray(params[name])) continue;
    const included = conditions.flatMap((c) => c.paramIncludes?.[name] ?? []);
    const compared = conditions.some((c) => Object.values(c).some((v) => typeof v === 'object' && v !== null && 'param' in v && v.param === name));
    if (included.length > 0) {
      unknowns.push({
        fact: `param:${name}`,
        candidates: [
          { value: [], description: 'none' },
          { value: [...new Set(included)], description: `includes ${[...new Set(included)].join(', ')}` },
        ],
      });
    } else if (compared && spec.type === 'date') {
      unknowns.push({
        fact: `param:${name}`,
        candidates: [
          { value: '0001-01-01', description: 'long past' },
          { value: '9999-12-31', description: 'not yet reached' },
        ],
      });
    } else if (compared && spec.type === 'number') {
      unknowns.push({
        fact: `param:${name}`,
        candidates: [
          { value: 0, description: '0' },
          { value: Number.MAX_SAFE_INTEGER, description: 'unlimited' },
        ],
      });
    }
  }
  return unknowns;
}

/** Sets one unknown fact in a world. */
export function assign(world: World, fact: string, value: unknown): World {
  if (fact.startsWith('param:')) {
    return { ...world, params: { ...world.params, [fact.slice('param:'.length)]: value as ParamValue } };
  }
  return { ...world, [fact]: value };
}
