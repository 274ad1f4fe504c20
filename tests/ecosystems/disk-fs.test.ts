// The disk file access resolves a path from its folder's real path, kept once resolved, and knows
// a file's kind from its folder's listing: links must still be followed only when they end inside
// the project, and only regular files within their limit read, whether or not the folder was listed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diskFs, FileError } from '../../src/ecosystems/fs.js';

const problem = (promise: Promise<unknown>) => promise.then(() => 'read', (error: unknown) => (error instanceof FileError ? error.problem : String(error)));

describe('diskFs with folders already resolved', () => {
  const outside = mkdtempSync(join(tmpdir(), 'copyfair-diskfs-outside-'));
  writeFileSync(join(outside, 'secret'), 'secret');
  const root = mkdtempSync(join(tmpdir(), 'copyfair-diskfs-'));
  mkdirSync(join(root, 'dir/sub'), { recursive: true });
  mkdirSync(join(root, 'other'));
  writeFileSync(join(root, 'dir/file'), 'file');
  writeFileSync(join(root, 'dir/sub/deep'), 'deep');
  writeFileSync(join(root, 'other/x'), 'x');
  symlinkSync('../other', join(root, 'dir/inner'));
  symlinkSync(outside, join(root, 'dir/out'));
  symlinkSync(join(outside, 'secret'), join(root, 'dir/out-file'));
  symlinkSync('loop', join(root, 'dir/loop'));
  expect(spawnSync('mkfifo', [join(root, 'dir/fifo')]).status).toBe(0);
  const fs = diskFs(root);

  it('gives the same answers before and after the folders are listed', async () => {
    for (let round = 0; round < 2; round++) {
      if (round === 1) {
        expect((await fs.list('dir')).map((e) => `${e.name}:${e.kind}`)).toEqual(['fifo:other', 'file:file', 'inner:symlink', 'loop:symlink', 'out:symlink', 'out-file:symlink', 'sub:directory']);
        expect((await fs.list('dir/sub')).map((e) => e.name)).toEqual(['deep']);
      }
      expect(await fs.readText('dir/file')).toBe('file');
      expect(await fs.readText('dir/sub/deep')).toBe('deep');
      expect(await fs.readText('dir/inner/x')).toBe('x');
      expect(await fs.real('dir/inner/x')).toBe('other/x');
      expect(await fs.real('dir/sub')).toBe('dir/sub');
      expect(await fs.isDirectory('dir/inner')).toBe(true);
      expect(await fs.isDirectory('dir/file')).toBe(false);
      expect(await problem(fs.readText('dir/out/secret'))).toBe('outside');
      expect(await problem(fs.readText('dir/out-file'))).toBe('outside');
      expect(await problem(fs.list('dir/out'))).toBe('outside');
      expect(await problem(fs.list('dir/out/'))).toBe('outside');
      expect(await fs.isDirectory('dir/out')).toBe(false);
      expect(await problem(fs.readText('dir/loop'))).toBe('unreadable');
      expect(await problem(fs.readText('dir/missing'))).toBe('missing');
      expect(await problem(fs.readText('dir/file/x'))).toBe('not-a-directory');
      expect(await problem(fs.readText('dir/sub'))).toBe('not-a-file');
      expect(await problem(fs.readText('../secret'))).toBe('missing');
      expect(await problem(fs.readText('dir/fifo'))).toBe('not-a-file');
      expect(await problem(fs.readText('dir/sub/deep', 3))).toBe('too-large');
      expect(await fs.isDirectory('dir/sub')).toBe(true);
    }
  });
});

describe('diskFs reads a listed file whole, whatever its size', () => {
  const root = mkdtempSync(join(tmpdir(), 'copyfair-diskfs-sizes-'));
  // Around the first read's 64 KiB, and the limits around each size.
  const sizes = [0, 1, 4095, 65535, 65536, 65537, 131072, 200001];
  const bytes = (size: number) => Buffer.from(Array.from({ length: size }, (_, index) => (index * 7 + (size % 251)) % 256));
  for (const size of sizes) writeFileSync(join(root, `f${size}`), bytes(size));

  it('the same bytes as on disk, listed or not, and too large just over its limit', async () => {
    for (const listed of [false, true]) {
      const fs = diskFs(root);
      if (listed) await fs.list('.');
      for (const size of sizes) {
        expect((await fs.readBytes(`f${size}`)).equals(bytes(size)), `${size} bytes, listed: ${listed}`).toBe(true);
        expect((await fs.readBytes(`f${size}`, size)).equals(bytes(size))).toBe(true);
        if (size > 0) expect(await problem(fs.readBytes(`f${size}`, size - 1))).toBe('too-large');
      }
    }
  });

  it('one read after another never hands back a buffer the next read overwrites', async () => {
    const fs = diskFs(root);
    await fs.list('.');
    const first = await fs.readBytes('f4095');
    await fs.readBytes('f65535');
    expect(first.equals(bytes(4095))).toBe(true);
  });
});
