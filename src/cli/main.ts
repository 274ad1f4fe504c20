// The command line: every command, registered below in the order `--help` lists them; the runner
// (flags, exit codes) is run-commands.ts.
import { processIo, type Io } from './io.js';
import { KB_COMMANDS } from './kb-commands.js';
import { runCommands, type CommandEntry } from './run-commands.js';

export { toolVersion } from './run-commands.js';

/**
 * Commands in the order `--help` lists them, each with the names it answers to. A run loads only
 * the command it names (all of them for help or a mistyped name), so `copyfair check MIT` never
 * loads the scan, the policy reader, YAML or the text index.
 */
const COMMANDS: CommandEntry[] = [
  { names: ['scan'], load: () => import('./commands/scan.js') },
  { names: ['diff'], load: () => import('./commands/diff.js') },
  KB_COMMANDS.check,
  KB_COMMANDS.explain,
  { names: ['identify'], load: () => import('./commands/identify.js') },
  KB_COMMANDS.licences,
  { names: ['init'], load: () => import('./commands/init.js') },
  { names: ['notice'], load: () => import('./commands/notice.js') },
  { names: ['payback'], load: () => import('./commands/payback.js') },
  { names: ['history'], load: () => import('./commands/history.js') },
  { names: ['fork'], load: () => import('./commands/fork.js') },
];

/** Runs the CLI with `argv` (as process.argv) and resolves to the exit code. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  return runCommands(COMMANDS, argv, io);
}
