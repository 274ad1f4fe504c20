// The command line: parses flags, runs one command, and maps what happened to an exit code.
// Commands live in ./commands, one file each, registered below.
import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, UsageError } from './errors.js';
import { processIo, type Io } from './io.js';
import type { CommandContext } from './context.js';
import * as check from './commands/check.js';
import * as diff from './commands/diff.js';
import * as scan from './commands/scan.js';
import * as explain from './commands/explain.js';
import * as identify from './commands/identify.js';
import * as init from './commands/init.js';
import * as licences from './commands/licences.js';
import * as history from './commands/history.js';
import * as fork from './commands/fork.js';
import * as notice from './commands/notice.js';
import * as payback from './commands/payback.js';

/** Commands in the order `--help` lists them. */
const COMMANDS: { register(program: Command, context: CommandContext): void }[] = [scan, diff, check, explain, identify, licences, init, notice, payback, history, fork];

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
  for (const command of COMMANDS) command.register(program, context);
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
