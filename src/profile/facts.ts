// The profile's yes/no facts, in one place: the flag pair that states each (`--competes` /
// `--no-competes`, commander's negate convention), its key in copyfair.yaml, the question `init`
// asks, and which value copyfair assumes when it is not stated (the strict case).
import type { Profile } from '../types.js';

/** A profile fact that is yes or no. */
export type YesNoFact = 'competes' | 'surplusToWorkers' | 'equalVote';

export interface YesNoFactSpec {
  /** The flag that says yes; `--no-…` says no. */
  flag: string;
  /** The key under `profile:` in copyfair.yaml. */
  key: string;
  /** What yes means, for `--help`. */
  yes: string;
  /** What no means, for `--help`. */
  no: string;
  /** The question `init` asks. */
  question: string;
  /** The value assumed when it is not stated: whichever is stricter for the licences that test it. */
  strict: boolean;
  /** The fact in words when it holds and when not ("you compete with it" / "you do not …"). */
  words: { true: string; false: string };
}

/** Every yes/no fact of the profile, in the order `--help` and `init` list them. */
export const YES_NO_FACTS = {
  competes: {
    flag: '--competes',
    key: 'competes',
    yes: 'your product competes with, hosts or sells the dependency’s functionality',
    no: 'it does not compete with, host or sell any dependency’s functionality',
    question: 'Does your product compete with, host or sell what a dependency does (e.g. offer it as a service)? (y/n, empty to leave unstated) ',
    strict: true,
    words: { true: 'your product competes with, hosts or sells it', false: 'your product does not compete with, host or sell it' },
  },
  surplusToWorkers: {
    flag: '--surplus-to-workers',
    key: 'surplus-to-workers',
    yes: 'all surplus is distributed among worker-owners (PPL, CNPL)',
    no: 'surplus is not (all) distributed among worker-owners',
    question: 'Is all surplus distributed among the worker-owners? (y/n, empty to leave unstated) ',
    strict: false,
    words: { true: 'all surplus goes to the worker-owners', false: 'not all surplus goes to the worker-owners' },
  },
  equalVote: {
    flag: '--equal-vote',
    key: 'equal-vote',
    yes: 'every owner is a worker with an equal vote or equity (ACSL)',
    no: 'not every owner is a worker with an equal vote',
    question: 'Does every owner work there, with an equal vote? (y/n, empty to leave unstated) ',
    strict: false,
    words: { true: 'every owner is a worker with an equal vote', false: 'not every owner is a worker with an equal vote' },
  },
} as const satisfies Record<YesNoFact, YesNoFactSpec>;

export const YES_NO_FACT_NAMES = Object.keys(YES_NO_FACTS) as YesNoFact[];

/** The flag that states `fact` as `value`: `--competes` or `--no-competes`. */
export function yesNoFlag(fact: YesNoFact, value: boolean): string {
  const { flag } = YES_NO_FACTS[fact];
  return value ? flag : `--no-${flag.slice(2)}`;
}

/** True when `fact` is a yes/no fact of the profile. */
export function isYesNoFact(fact: string): fact is YesNoFact {
  return Object.hasOwn(YES_NO_FACTS, fact);
}

/** The flags that state the numeric and other facts, for hints. */
export const VALUE_FLAGS: Partial<Record<keyof Profile, string>> = {
  entity: '--as',
  uses: '--use',
  employees: '--employees',
  revenueUsd: '--revenue',
  users: '--users',
  fields: '--field',
  date: '--date',
};
