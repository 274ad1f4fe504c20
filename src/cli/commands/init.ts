// `copyfair init`: writes a commented starter copyfair.yaml. In a terminal it asks who you are;
// otherwise it takes the profile flags.
import { Option, type Command } from 'commander';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { starterConfig } from '../../policy/starter.js';
import type { Entity, Profile, Use } from '../../types.js';
import { ENTITIES, USES } from '../../types.js';
import type { CommandContext } from '../context.js';
import { EXIT_OK, UsageError } from '../errors.js';
import { writeFileAtomic } from '../io.js';
import { addProfileOptions, profileFromFlags, type ProfileFlags } from '../profile-options.js';

interface InitFlags extends ProfileFlags {
  dir: string;
  force?: boolean;
  interactive?: boolean;
}

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
    let profile: Profile = profileFromFlags(flags);
    if (flags.interactive !== false && process.stdin.isTTY && context.io.isTty) profile = await ask(profile);
    await writeFileAtomic(file, starterConfig(profile));
    context.io.stdout(`wrote ${file}\nedit it, then run: copyfair scan ${flags.dir === '.' ? '' : flags.dir}\n`.replace(/ \n/, '\n'));
    context.exit(EXIT_OK);
  });
}

/** Asks for the facts the flags did not give. */
async function ask(profile: Profile): Promise<Profile> {
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = async (question: string, fallback: string) => (await prompt.question(`${question} [${fallback}] `)).trim() || fallback;
    const entity = profile.entity ?? ((await answer(`Who are you? (${ENTITIES.join(', ')})`, 'for-profit')) as Entity);
    if (!ENTITIES.includes(entity)) throw new UsageError(`"${entity}" is not one of ${ENTITIES.join(', ')}.`);
    const uses = profile.uses ?? ((await answer(`How do you use your dependencies? (${USES.join(',')})`, USES.join(','))).split(',').map((u) => u.trim()) as Use[]);
    const bad = uses.find((use) => !USES.includes(use));
    if (bad) throw new UsageError(`"${bad}" is not one of ${USES.join(', ')}.`);
    const result: Profile = { ...profile, entity, uses };
    if (entity === 'worker-cooperative' && profile.surplusToWorkers === undefined) {
      result.surplusToWorkers = /^y/i.test(await answer('Is all surplus distributed among the worker-owners? (y/n)', 'n'));
    }
    return result;
  } finally {
    prompt.close();
  }
}
