// Counts the git processes a piece of copyfair starts: a git that stands in front of the real one
// on PATH writes each call down, then runs it.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { withEnv } from './state.js';

/** Runs `body` with the counting git first on PATH (its files in `scratch`); returns its result and the calls ("subcommand args…"). */
export async function gitCalls<T>(scratch: string, body: () => T | Promise<T>): Promise<{ value: T; calls: string[] }> {
  const shim = join(scratch, 'git-shim');
  const log = join(scratch, 'git-calls');
  const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  mkdirSync(shim, { recursive: true });
  writeFileSync(join(shim, 'git'), `#!/bin/sh\necho "$*" >> '${log}'\nexec '${real}' "$@"\n`);
  chmodSync(join(shim, 'git'), 0o755);
  writeFileSync(log, '');
  const value = await withEnv({ PATH: `${shim}${delimiter}${process.env.PATH ?? ''}` }, body);
  return { value, calls: readFileSync(log, 'utf8').split('\n').filter(Boolean) };
}
