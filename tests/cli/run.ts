// Runs the CLI in-process with captured output, as a user would see it without colour.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** `copyfair <args>` in this process; output captured, never a TTY. */
export async function run(args: string[]): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), isTty: false };
  const code = await main(['node', 'copyfair', ...args], io);
  return { stdout, stderr, code };
}

/** True when the built CLI exists (after `npm run build`, which `npm ci` runs). */
export const built = existsSync(new URL('../../dist/cli/main.js', import.meta.url));

/**
 * `bin/copyfair.js <args>` as a child process with a minimal environment: no identification cache
 * unless `env` gives one (a test never writes into the user's cache folder).
 */
export function spawnCli(args: string[], cwd?: string, env: Record<string, string> = { COPYFAIR_NO_CACHE: '1' }): RunResult {
  const result = spawnSync(process.execPath, [new URL('../../bin/copyfair.js', import.meta.url).pathname, ...args], {
    encoding: 'utf8',
    cwd,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env },
  });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status ?? -1 };
}
