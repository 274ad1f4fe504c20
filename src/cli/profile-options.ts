// The profile flags every command shares (README "The profile"): one option model, so `check`,
// `scan` and the config file speak of the same facts.
import type { Command } from 'commander';
import { ENTITIES, KNOWN_FIELDS, OUTCOMES, USES, type Entity, type Outcome, type Profile, type Use } from '../types.js';
import { YES_NO_FACTS, YES_NO_FACT_NAMES, yesNoFlag } from '../profile/facts.js';
import { suggest } from '../util/suggest.js';
import { isIsoDate } from '../util/date.js';
import { UsageError } from './errors.js';

/** Raw values of the profile flags as commander gives them. */
export interface ProfileFlags {
  as?: string;
  use?: string;
  employees?: string;
  revenue?: string;
  users?: string;
  competes?: boolean;
  surplusToWorkers?: boolean;
  equalVote?: boolean;
  field?: string;
  date?: string;
  failOn?: string;
}

/** Adds the profile flags to a command. */
export function addProfileOptions(command: Command): Command {
  command
    .option('--as <entity>', `who uses the work: ${ENTITIES.join(', ')} (default: for-profit)`)
    .option('--use <uses>', `how it is used, comma-separated: ${USES.join(',')} (default: all four)`)
    .option('--employees <n>', 'individuals working for you, affiliates included')
    .option('--revenue <usd>', 'revenue in the last tax year, in US dollars')
    .option('--users <n>', 'people in your organisation using the work (Fair Source)');
  // Each yes/no fact both ways (commander: with both defined, neither sets a default, so an
  // unstated fact stays undefined and the engine assumes the strict case).
  for (const fact of YES_NO_FACT_NAMES) {
    const spec = YES_NO_FACTS[fact];
    command.option(yesNoFlag(fact, true), `${spec.yes} (unstated: the strict case)`).option(yesNoFlag(fact, false), spec.no);
  }
  return command
    .option('--field <fields>', `sectors you work in, comma-separated: ${KNOWN_FIELDS.join(', ')}`)
    .option('--date <yyyy-mm-dd>', 'evaluate at this date (default: today, UTC)')
    .option('--fail-on <outcomes>', `outcomes that fail the run, comma-separated: ${OUTCOMES.join(', ')} (default: payback,forbidden,unknown)`);
}

/** Turns the flags into the facts they state; facts not given stay unset. */
export function profileFromFlags(flags: ProfileFlags): Profile {
  const profile: Profile = {};
  if (flags.as !== undefined) profile.entity = parseOne(flags.as.trim(), ENTITIES, '--as') as Entity;
  if (flags.use !== undefined) profile.uses = parseList(flags.use, USES, '--use') as Use[];
  if (flags.employees !== undefined) profile.employees = parseCount(flags.employees, '--employees');
  if (flags.revenue !== undefined) profile.revenueUsd = parseCount(flags.revenue, '--revenue');
  if (flags.users !== undefined) profile.users = parseCount(flags.users, '--users');
  for (const fact of YES_NO_FACT_NAMES) if (typeof flags[fact] === 'boolean') profile[fact] = flags[fact];
  if (flags.field !== undefined) profile.fields = parseList(flags.field, KNOWN_FIELDS, '--field');
  if (flags.date !== undefined) profile.date = parseDate(flags.date, '--date');
  return profile;
}

/** The outcomes that fail a run. */
export function failOnFromFlags(flags: ProfileFlags): Outcome[] | undefined {
  if (flags.failOn === undefined) return undefined;
  return parseList(flags.failOn, OUTCOMES, '--fail-on') as Outcome[];
}

export { DEFAULT_FAIL_ON } from '../report/answer.js';

/** Today's date in UTC as `YYYY-MM-DD`: the date a run evaluates at unless told otherwise. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** One value of a closed vocabulary; anything else is a usage error with the nearest known one. */
function parseOne(item: string, allowed: readonly string[], flag: string): string {
  if (allowed.includes(item)) return item;
  const near = suggest(item, allowed);
  throw new UsageError(`${flag}: "${item}" is not one of ${allowed.join(', ')}.${near.length ? ` Did you mean "${near[0]}"?` : ''}`);
}

function parseList(value: string, allowed: readonly string[], flag: string): string[] {
  return [...new Set(splitList(value).map((item) => parseOne(item, allowed, flag)))];
}

function parseCount(value: string, flag: string): number {
  const cleaned = value.replace(/[_,]/g, '');
  const number = Number(cleaned);
  if (cleaned === '' || !Number.isFinite(number) || number < 0) {
    throw new UsageError(`${flag}: expected a number of zero or more, got "${value}".`);
  }
  return number;
}

/** Checks a `YYYY-MM-DD` date, including that the day exists. */
export function parseDate(value: string, flag: string): string {
  if (!isIsoDate(value)) {
    throw new UsageError(`${flag}: expected a date as YYYY-MM-DD, got "${value}".`);
  }
  return value;
}
