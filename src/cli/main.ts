// The command line: parses flags, runs one command, and maps what happened to an exit code.
// Commands live in ./commands, one file each, registered below.
import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, UsageError } from './errors.js';
import { processIo, type Io } from './io.js';
import type { CommandContext } from './context.js';

/**
 * Commands in the order `--help` lists them, each with the names it answers to. A run loads only
 * the command it names (all of them for help or a mistyped name), so `copyfair check MIT` never
 * loads the scan, the policy reader, YAML or the text index.
 */
const COMMANDS: { names: string[]; load(): Promise<{ register(program: Command, context: CommandContext): void }> }[] = [
  { names: ['scan'], load: () => import('./commands/scan.js') },
  { names: ['diff'], load: () => import('./commands/diff.js') },
  { names: ['check'], load: () => import('./commands/check.js') },
  { names: ['explain'], load: () => import('./commands/explain.js') },
  { names: ['identify'], load: () => import('./commands/identify.js') },
  { names: ['licences', 'licenses'], load: () => import('./commands/licences.js') },
  { names: ['init'], load: () => import('./commands/init.js') },
  { names: ['notice'], load: () => import('./commands/notice.js') },
  { names: ['payback'], load: () => import('./commands/payback.js') },
  { names: ['history'], load: () => import('./commands/history.js') },
  { names: ['fork'], load: () => import('./commands/fork.js') },
];

/** The version in package.json. */
export function toolVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

/** Runs the CLI with `argv` (as process.argv) and resolves to the exit code. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let exitCode = EXIT_OK;
  const context: CommandContext = { io, exit: (code) => (exitCode = Math.max(exitCode, code)) };
  const program = new Command('copyfair')
    .description(
      'May you use your dependencies without paying back into the commons? And if not, what do you owe, and to whom?',
    )
    .version(toolVersion(), '-V, --version')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout(text), writeErr: (text) => io.stderr(text) });
  const named = COMMANDS.filter((command) => command.names.includes(argv[2] ?? ''));
  for (const command of named.length > 0 ? named : COMMANDS) (await command.load()).register(program, context);
  for (const command of program.commands) {
    command.exitOverride().configureOutput({ writeOut: (t) => io.stdout(t), writeErr: (t) => io.stderr(t) });
  }
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    return handleError(error, io);
  }
}

function handleError(error: unknown, io: Io): number {
  if (error instanceof CommanderError) {
    // --help and --version end through here with code 0; commander has printed the message.
    return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
  }
  if (error instanceof UsageError) {
    io.stderr(`copyfair: ${error.message}\n`);
    return error.exitCode;
  }
  const detail = error instanceof Error ? (process.env.COPYFAIR_DEBUG ? error.stack : error.message) : String(error);
  io.stderr(
    `copyfair: internal error: ${detail}\nThis is a bug in copyfair; please report it with the command you ran.\n`,
  );
  return EXIT_INTERNAL;
}
