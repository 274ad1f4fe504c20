// Every test's temporary folders (mkdtempSync(join(tmpdir(), …)) in ~45 files, and the copyfair
// processes they start) go into one folder made for this run, removed when the run ends: a test
// that forgets its own rmSync, or fails before it, no longer leaves a folder behind in the
// machine's temp folder (a run left ~250 of them, and the fuzz tests thousands). Test workers are
// started after this runs and inherit TMPDIR, which os.tmpdir() reads.
//
// Vitest runs a global setup once for the root config and once for each project that extends it:
// only the first makes the folder, so paths stay short (a Unix socket's path must fit 108 bytes;
// tests/hostile/special-files.test.ts makes one).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MARK = 'COPYFAIR_TESTS_TMPDIR';

export default function setup(): () => void {
  if (process.env[MARK] !== undefined) return () => {};
  const before = process.env.TMPDIR;
  const folder = mkdtempSync(join(tmpdir(), 'copyfair-tests-'));
  process.env.TMPDIR = folder;
  process.env[MARK] = folder;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    delete process.env[MARK];
    remove(folder);
  };
}

/**
 * Removes the run's folder. Node's rmSync gives up on paths over PATH_MAX, which
 * tests/hostile/sizes.test.ts makes on purpose, and on folders a test left unreadable: rm and
 * chmod walk by file descriptor and do not.
 */
function remove(folder: string): void {
  try {
    rmSync(folder, { recursive: true, force: true });
  } catch {
    spawnSync('chmod', ['-R', 'u+rwx', folder]);
    spawnSync('rm', ['-rf', folder]);
  }
  if (existsSync(folder)) process.stderr.write(`copyfair tests: could not remove ${folder}; remove it by hand\n`);
}
