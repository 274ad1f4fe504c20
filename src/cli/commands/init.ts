// `copyfair init`: writes a commented starter copyfair.yaml. In a terminal it asks who you are;
// otherwise it takes the profile flags (the same ones `scan` and `check` take).
import { Option, type Command } from 'commander';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { Readable, Writable } from 'node:stream';
import { findConfig } from '../../policy/config.js';
import { starterConfig } from '../../policy/starter.js';
import type { Entity, Profile, Use } from '../../types.js';
import { ENTITIES, KNOWN_FIELDS, USES } from '../../types.js';
import type { CommandContext } from '../context.js';
import { EXIT_OK, UsageError } from '../errors.js';
import { writeFileAtomic } from '../io.js';
import { YES_NO_FACTS, YES_NO_FACT_NAMES } from '../../profile/facts.js';
import { addProfileOptions, failOnFromFlags, profileFromFlags, type ProfileFlags } from '../profile-options.js';

interface InitFlags extends ProfileFlags {
  dir: string;
  force?: boolean;
  interactive?: boolean;
}

/** Registers `copyfair init`. */
export function register(program: Command, context: CommandContext): void {
  const command = program
    .command('init')
    .description('write a commented starter copyfair.yaml (asks who you are when run in a terminal)')
    .addOption(new Option('--dir <dir>', 'where to write it').default('.'))
    .option('--force', 'overwrite an existing copyfair.yaml')
    .option('--no-interactive', 'do not ask, even in a terminal');
  addProfileOptions(command).action(async (flags: InitFlags) => {
    const file = join(resolve(flags.dir), 'copyfair.yaml');
    if (existsSync(file) && !flags.force) throw new UsageError(`${file} exists; use --force to overwrite it.`);
    // A copyfair.yaml would quietly take the place of a config the folder already has.
    const other = findConfig(resolve(flags.dir));
    if (other && dirname(other.file) === resolve(flags.dir) && other.file !== file && !flags.force) {
      throw new UsageError(`${other.file} already holds this folder's policy${other.packageJson ? ' (its copyfair key)' : ''}; edit it, or use --force to write copyfair.yaml, which takes its place.`);
    }
    let profile: Profile = profileFromFlags(flags);
    // The date is the run's, not the config's: a date written here would freeze every later scan.
    delete profile.date;
    if (flags.interactive !== false && process.stdin.isTTY && context.io.isTty) profile = await askProfile(profile, process.stdin, process.stderr);
    await writeFileAtomic(file, starterConfig(profile, { failOn: failOnFromFlags(flags) }));
    context.io.stdout(`wrote ${file}\nedit it, then run: copyfair scan ${flags.dir === '.' ? '' : flags.dir}\n`.replace(/ \n/, '\n'));
    context.exit(EXIT_OK);
  });
}

/**
 * Asks, on `output`, for the facts the flags did not give, reading answers from `input`. An empty
 * answer keeps the default shown in brackets (or leaves the fact unstated); a wrong one is asked
 * again, saying what is expected.
 */
export async function askProfile(profile: Profile, input: Readable, output: Writable): Promise<Profile> {
  const prompt = createInterface({ input, output, terminal: false });
  const lines = prompt[Symbol.asyncIterator]();
  const question = async (text: string): Promise<string> => {
    output.write(text);
    const next = await lines.next();
    if (next.done) throw new UsageError('no answer (end of input); run `copyfair init --no-interactive` with the profile flags instead.');
    return String(next.value).trim();
  };
  /** Asks until `read` accepts the answer (returns something other than undefined). */
  const ask = async <T>(text: string, read: (answer: string) => T | undefined, expected: string): Promise<T> => {
    for (;;) {
      const value = read(await question(text));
      if (value !== undefined) return value;
      output.write(`  expected ${expected}\n`);
    }
  };
  // Empty leaves a yes/no fact unstated, so scans assume the strict case and say so.
  const yesNo = (answer: string): boolean | null | undefined => (/^y(es)?$/i.test(answer) ? true : /^no?$/i.test(answer) ? false : answer === '' ? null : undefined);
  const count = (answer: string): number | null | undefined => (answer === '' ? null : /^\d+$/.test(answer) ? Number(answer) : undefined);
  try {
    const result: Profile = { ...profile };
    result.entity ??= await ask(
      `Who are you? (${ENTITIES.join(', ')}) [for-profit] `,
      (a) => ((ENTITIES as readonly string[]).includes(a || 'for-profit') ? ((a || 'for-profit') as Entity) : undefined),
      `one of ${ENTITIES.join(', ')}`,
    );
    result.uses ??= await ask(
      `How do you use your dependencies? comma-separated (${USES.join(', ')}) [${USES.join(',')}] `,
      (a) => {
        const uses = (a || USES.join(',')).split(',').map((use) => use.trim()).filter(Boolean);
        return uses.length > 0 && uses.every((use) => (USES as readonly string[]).includes(use)) ? (uses as Use[]) : undefined;
      },
      `some of ${USES.join(', ')}`,
    );
    for (const fact of YES_NO_FACT_NAMES) {
      // Surplus and equal vote only matter to co-operatives' licences; others need not be asked.
      if (result[fact] !== undefined || (fact !== 'competes' && result.entity !== 'worker-cooperative')) continue;
      const answer = await ask(YES_NO_FACTS[fact].question, yesNo, 'y, n, or nothing');
      if (answer !== null) result[fact] = answer;
    }
    if (result.employees === undefined) {
      const employees = await ask('How many people work for you, affiliates included? (a number, or empty to leave unstated) ', count, 'a whole number, or nothing');
      if (employees !== null) result.employees = employees;
    }
    if (result.revenueUsd === undefined && result.entity !== 'individual') {
      const revenue = await ask('Revenue in the last tax year, in US dollars? (a number, or empty) ', count, 'a whole number, or nothing');
      if (revenue !== null) result.revenueUsd = revenue;
    }
    if (result.fields === undefined) {
      const known = KNOWN_FIELDS as readonly string[];
      const fields = await ask(
        `Sectors you work in that ethical licences name? comma-separated (${KNOWN_FIELDS.join(', ')}) or empty `,
        (a) => {
          const list = a.split(',').map((f) => f.trim()).filter(Boolean);
          return list.every((field) => known.includes(field)) ? list : undefined;
        },
        `some of ${KNOWN_FIELDS.join(', ')}, or nothing`,
      );
      if (fields.length > 0) result.fields = fields;
    }
    return result;
  } finally {
    prompt.close();
  }
}
