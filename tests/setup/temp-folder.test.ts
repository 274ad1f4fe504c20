// The run's temporary folder (tests/setup/temp-folder.ts): what tests make in os.tmpdir() is
// removed with it when the run ends, so a test that forgets its rmSync leaves nothing behind.
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { basename, dirname } from 'node:path';
import { expect, it } from 'vitest';

it('tests make their temporary folders in a folder of this run', () => {
  expect(basename(tmpdir())).toMatch(/^copyfair-tests-/);
  expect(tmpdir()).not.toBe(dirname(tmpdir()));
});

it('processes the tests start make theirs there too', () => {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(require("node:os").tmpdir())'], { encoding: 'utf8' });
  expect(child.stdout).toBe(tmpdir());
});
