// Runs one command of a list: parses flags, runs it, and maps what happened to an exit code. The
// lists are main.ts's (every command) and main-kb.ts's (those that read the knowledge base alone,
// bundled on their own: scripts/bundle.js); this module imports no command, so each bundle holds
// only the commands its list names.
import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, UsageError } from './errors.js';
import type { Io } from './io.js';
import type { CommandContext } from './context.js';

/** A command: the names it answers to, and its module, loaded only when a run names it (or asks for help). */
export interface CommandEntry {
  names: string[];
  load(): Promise<{ register(program: Command, context: CommandContext): void }>;
}

/** The version in package.json. */
export function toolVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

/** Runs the command `argv` (as process.argv) names, out of `commands`, and resolves to the exit code. */
export async function runCommands(commands: readonly CommandEntry[], argv: string[], io: Io): Promise<number> {
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
  const named = commands.filter((command) => command.names.includes(argv[2] ?? ''));
  for (const command of named.length > 0 ? named : commands) (await command.load()).register(program, context);
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
