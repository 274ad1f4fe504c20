// The CLI for the commands that read the knowledge base alone (kb-commands.ts), the entry of its
// own bundle (scripts/bundle.js: dist/bundle/copyfair-kb.cjs), which bin/copyfair.js runs for
// `check`, `explain` and `licences`. It answers them exactly as main.ts does (tests/cli/cold-start.test.ts).
import { processIo, type Io } from './io.js';
import { KB_COMMANDS } from './kb-commands.js';
import { runCommands } from './run-commands.js';

/** The command names this entry answers; any other run is the whole CLI's. */
export const KB_COMMAND_NAMES = Object.values(KB_COMMANDS).flatMap((command) => command.names);

/** Runs `argv` (as process.argv), which names one of {@link KB_COMMAND_NAMES}, and resolves to the exit code. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  return runCommands(Object.values(KB_COMMANDS), argv, io);
}
