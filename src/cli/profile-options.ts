// The profile flags every command shares (README "The profile"): one option model, so `check`,
// `scan` and the config file speak of the same facts.
import { Option, type Command } from 'commander';
import { ENTITIES, OUTCOMES, USES, type Entity, type Outcome, type Profile, type Use } from '../types.js';
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
  return command
    .addOption(new Option('--as <entity>', 'who uses the work (default: for-profit)').choices([...ENTITIES]))
    .option('--use <uses>', `how it is used, comma-separated: ${USES.join(',')} (default: all four)`)
    .option('--employees <n>', 'individuals working for you, affiliates included')
    .option('--revenue <usd>', 'revenue in the last tax year, in US dollars')
    .option('--users <n>', 'people in your organisation using the work (Fair Source)')
    .option('--competes', 'your product competes with, hosts or sells the dependency’s functionality')
    .option('--surplus-to-workers', 'all surplus is distributed among worker-owners (PPL, CNPL)')
    .option('--equal-vote', 'every owner is a worker with an equal vote or equity (ACSL)')
    .option('--field <fields>', 'sectors you work in, comma-separated: military,law-enforcement,fossil-fuels,surveillance,…')
    .option('--date <yyyy-mm-dd>', 'evaluate at this date (default: today, UTC)')
    .option(
      '--fail-on <outcomes>',
      `outcomes that fail the run, comma-separated (default: payback,forbidden,unknown)`,
    );
}

/** Turns the flags into the facts they state; facts not given stay unset. */
export function profileFromFlags(flags: ProfileFlags): Profile {
  const profile: Profile = {};
  if (flags.as !== undefined) profile.entity = flags.as as Entity;
  if (flags.use !== undefined) profile.uses = parseList(flags.use, USES, '--use') as Use[];
  if (flags.employees !== undefined) profile.employees = parseCount(flags.employees, '--employees');
  if (flags.revenue !== undefined) profile.revenueUsd = parseCount(flags.revenue, '--revenue');
  if (flags.users !== undefined) profile.users = parseCount(flags.users, '--users');
  if (flags.competes) profile.competes = true;
  if (flags.surplusToWorkers) profile.surplusToWorkers = true;
  if (flags.equalVote) profile.equalVote = true;
  if (flags.field !== undefined) profile.fields = splitList(flags.field);
  if (flags.date !== undefined) profile.date = parseDate(flags.date, '--date');
  return profile;
}

/** The outcomes that fail a run. */
export function failOnFromFlags(flags: ProfileFlags): Outcome[] | undefined {
  if (flags.failOn === undefined) return undefined;
  return parseList(flags.failOn, OUTCOMES, '--fail-on') as Outcome[];
}

export const DEFAULT_FAIL_ON: Outcome[] = ['payback', 'forbidden', 'unknown'];

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

function parseList(value: string, allowed: readonly string[], flag: string): string[] {
  const items = splitList(value);
  for (const item of items) {
    if (!allowed.includes(item)) {
      throw new UsageError(`${flag}: "${item}" is not one of ${allowed.join(', ')}.`);
    }
  }
  return [...new Set(items)];
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
