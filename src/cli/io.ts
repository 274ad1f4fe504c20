// The CLI's only door to the terminal and the file system for output: commands write through an
// `Io` so tests can capture output without spawning a process.
import { lstatSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UsageError } from './errors.js';
import { onCi } from '../util/ci.js';

/** Where a command's output goes. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** True when stdout is a terminal (colour, width). */
  isTty: boolean;
  /** True when progress may be written to stderr: an interactive terminal, not a pipe or CI log. */
  progress?: boolean;
}

/**
 * Progress belongs on an interactive terminal only: stderr must be a TTY, and a `CI` variable
 * (set by GitHub Actions, GitLab, CircleCI, Travis, Buildkite …) means a log, even under a pseudo
 * terminal, where carriage returns pile up as noise.
 */
export function progressWanted(stream: { isTTY?: boolean }, env: Record<string, string | undefined>): boolean {
  return Boolean(stream.isTTY) && !onCi(env);
}

/** The real terminal. */
export const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTty: Boolean(process.stdout.isTTY),
  progress: progressWanted(process.stderr, process.env),
};

/**
 * Writes a file atomically: a temporary file in the same folder, then a rename. A device or FIFO
 * (/dev/stdout) is written directly. A failure is a UsageError naming the path, and the temporary
 * file is removed: nothing is left behind.
 */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  let special = false;
  try {
    const info = lstatSync(path);
    if (info.isDirectory()) throw new UsageError(`${path}: is a folder; name a file to write.`);
    special = !info.isFile() && !info.isSymbolicLink();
  } catch (error) {
    if (error instanceof UsageError) throw error;
  }
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    if (special) {
      writeFileSync(path, content, 'utf8');
      return;
    }
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temporary, content, { encoding: 'utf8', flag: 'wx' });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError(`${path}: cannot be written (${code}); name a file in a folder you can write to.`);
  }
}
