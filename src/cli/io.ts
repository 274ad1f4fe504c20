// The CLI's only door to the terminal and the file system for output: commands write through an
// `Io` so tests can capture output without spawning a process.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';

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
  const ci = env.CI;
  return Boolean(stream.isTTY) && (ci === undefined || ci === '' || ci === '0' || ci.toLowerCase() === 'false');
}

/** The real terminal. */
export const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTty: Boolean(process.stdout.isTTY),
  progress: progressWanted(process.stderr, process.env),
};

/** Writes a file atomically: a temporary file in the same folder, then a rename. */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  await writeFile(temporary, content, 'utf8');
  await rename(temporary, path);
}
