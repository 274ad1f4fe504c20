// What the disk says of a file read (src/ecosystems/fs.ts `Stamps`): a stamp that stays while
// nothing changes, and moves with every change a read could see, however it is made; none for what
// changed just before it was read, none on a file system not known to keep change times, none for
// what a read would refuse or what is no regular file.
import { spawnSync } from 'node:child_process';
import { chmodSync, linkSync, mkdirSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diskFs, FileError, keepsChangeTimes, type ReadOnlyFs, type Stamps } from '../../src/ecosystems/fs.js';
import { mountFs } from '../../src/ecosystems/mount.js';
import { temporaryFolders } from '../scan/temporary-folders.js';
import { nextTick, settled } from '../helpers/settled.js';

const tempDir = temporaryFolders('copyfair-stamps-');

/** A tree: pkg/LICENSE, pkg/package.json, and a folder beside them. */
function tree(): string {
  const root = tempDir();
  mkdirSync(join(root, 'pkg/sub'), { recursive: true });
  writeFileSync(join(root, 'pkg/LICENSE'), 'MIT License, the text\n');
  writeFileSync(join(root, 'pkg/package.json'), '{"name":"pkg","license":"MIT"}\n');
  return root;
}

const stampsOf = (fs: ReadOnlyFs): Stamps => {
  expect(fs.stamps).toBeDefined();
  return fs.stamps!;
};

/** Rewrites `file` with `text` and puts its old access and modification times back. */
function rewriteKeepingTimes(file: string, text: string): void {
  const { atime, mtime } = statSync(file);
  writeFileSync(file, text);
  utimesSync(file, atime, mtime);
}

// Where the temporary folder's file system keeps change times (on Linux, as the machines this runs on).
describe.runIf(keepsChangeTimes(tmpdir()))('the disk\'s stamps', () => {
  it('are none for what changed just before it was read, and the same for a file, its reads and `now` once it has settled', async () => {
    const root = tree();
    const stamps = stampsOf(diskFs(root));
    expect((await stamps.readText('pkg/LICENSE')).stamp).toBeUndefined();
    expect(stamps.now('pkg/LICENSE')).toBeUndefined();
    await settled(async () => {
      const read = await stamps.readText('pkg/LICENSE');
      expect(read.value).toBe('MIT License, the text\n');
      expect(read.stamp).toMatch(/^\d+:\d+:22:[\d.]+:[\d.]+$/);
      expect((await stamps.readBytes('pkg/LICENSE')).stamp).toBe(read.stamp);
      expect(stamps.now('pkg/LICENSE')).toBe(read.stamp);
      // Asked of another file access of the same tree, before and after its folder is listed.
      const other = diskFs(root);
      expect(stampsOf(other).now('pkg/LICENSE')).toBe(read.stamp);
      expect((await other.list('pkg')).map((entry) => entry.name)).toEqual(['LICENSE', 'package.json', 'sub']);
      expect(stampsOf(other).now('pkg/LICENSE')).toBe(read.stamp);
    });
  });

  it.each([
    ['rewritten to the same size, its old times put back', (root: string) => rewriteKeepingTimes(join(root, 'pkg/LICENSE'), 'MIT Licence, the text\n')],
    ['rewritten with the same text', (root: string) => writeFileSync(join(root, 'pkg/LICENSE'), 'MIT License, the text\n')],
    ['replaced by another file of the same size and times, renamed over it', (root: string) => {
      const { atime, mtime } = statSync(join(root, 'pkg/LICENSE'));
      writeFileSync(join(root, 'pkg/new'), 'ISC License, the text\n');
      utimesSync(join(root, 'pkg/new'), atime, mtime);
      renameSync(join(root, 'pkg/new'), join(root, 'pkg/LICENSE'));
    }],
    ['replaced by a hard link to another file', (root: string) => {
      rmSync(join(root, 'pkg/LICENSE'));
      linkSync(join(root, 'pkg/package.json'), join(root, 'pkg/LICENSE'));
    }],
    ['replaced by a link to another file', (root: string) => {
      rmSync(join(root, 'pkg/LICENSE'));
      symlinkSync('package.json', join(root, 'pkg/LICENSE'));
    }],
    ['given other permissions', (root: string) => chmodSync(join(root, 'pkg/LICENSE'), 0o600)],
    ['given another modification time only', (root: string) => utimesSync(join(root, 'pkg/LICENSE'), new Date(2000, 0, 1), new Date(2000, 0, 1))],
  ])('of a file move when it is %s', async (_, change) => {
    const root = tree();
    const stamps = stampsOf(diskFs(root));
    const before = await settled(async () => (await stamps.readText('pkg/LICENSE')).stamp);
    expect(before).toBeDefined();
    await nextTick();
    change(root);
    await settled(async () => {
      expect(stamps.now('pkg/LICENSE')).not.toBe(before);
      expect(stampsOf(diskFs(root)).now('pkg/LICENSE')).not.toBe(before);
    });
  });

  it('stay while a file is only read or linked to from elsewhere', async () => {
    const root = tree();
    await settled(async () => {
      const stamps = stampsOf(diskFs(root));
      const file = (await stamps.readBytes('pkg/LICENSE')).stamp;
      symlinkSync('pkg/LICENSE', join(root, 'link'));
      await stamps.readText('pkg/LICENSE');
      expect(stamps.now('pkg/LICENSE')).toBe(file);
      // Through a link inside the project: the stamp of the file it leads to, as a read reads it.
      expect(stampsOf(diskFs(root)).now('link')).toBe(file);
    });
  });

  it('are none for what a read refuses or cannot find, or is no file: a link leaving the project, a missing path, a FIFO, a folder', async () => {
    const outside = tempDir();
    writeFileSync(join(outside, 'secret'), 'secret');
    const root = tree();
    symlinkSync(join(outside, 'secret'), join(root, 'pkg/out'));
    symlinkSync(outside, join(root, 'out-folder'));
    expect(spawnSync('mkfifo', [join(root, 'pkg/fifo')]).status).toBe(0);
    await settled(async () => {
      const stamps = stampsOf(diskFs(root));
      for (const path of ['pkg/out', 'out-folder', 'out-folder/secret', 'pkg/missing', 'missing/LICENSE', '../x', 'pkg/fifo', 'pkg', 'pkg/sub', '']) expect(stamps.now(path), path).toBeUndefined();
      const refused = await stamps.readText('pkg/out').catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(FileError);
      expect((refused as FileError).problem).toBe('outside');
    });
  });

  it('are none on a file system not known to keep change times (procfs), however long ago it changed', async () => {
    await settled(async () => {
      const proc = stampsOf(diskFs('/proc/self'));
      const read = await proc.readText('status');
      expect(read.value.length).toBeGreaterThan(0);
      expect(read.stamp).toBeUndefined();
      expect(proc.now('status')).toBeUndefined();
    });
  });

  it("are the project's own and each mount's under its label, errors named by the labelled path", async () => {
    const root = tree();
    const cache = tree();
    const fs = mountFs(diskFs(root), [{ label: '$CARGO_HOME', fs: diskFs(cache) }]);
    await settled(async () => {
      const stamps = stampsOf(fs);
      const own = await stamps.readText('pkg/LICENSE');
      const mounted = await stamps.readText('$CARGO_HOME/pkg/LICENSE');
      expect(mounted.value).toBe(own.value);
      expect(mounted.stamp).toBeDefined();
      expect(mounted.stamp).not.toBe(own.stamp);
      expect(stamps.now('$CARGO_HOME/pkg/LICENSE')).toBe(mounted.stamp);
      expect(stamps.now('pkg/LICENSE')).toBe(own.stamp);
      const missing = await stamps.readBytes('$CARGO_HOME/none').catch((error: unknown) => error);
      expect((missing as FileError).message).toBe('$CARGO_HOME/none: no such file or folder');
    });
  });
});
