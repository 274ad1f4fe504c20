// Folders outside the project, read through labels; and workspace patterns that stay inside.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandFolders } from '../../src/ecosystems/folder.js';
import { diskFs, FileError } from '../../src/ecosystems/fs.js';
import { mountFs } from '../../src/ecosystems/mount.js';

describe('mounted folders', () => {
  const project = mkdtempSync(join(tmpdir(), 'copyfair-mount-project-'));
  const cache = mkdtempSync(join(tmpdir(), 'copyfair-mount-cache-'));
  writeFileSync(join(project, 'go.mod'), 'module x\n');
  mkdirSync(join(cache, 'a@v1'));
  writeFileSync(join(cache, 'a@v1', 'LICENSE'), 'MIT');
  const fs = mountFs(diskFs(project), [{ label: '$GOMODCACHE', fs: diskFs(cache) }]);

  it('reads the project and each mount under its label', async () => {
    expect(await fs.readText('go.mod')).toBe('module x\n');
    expect(await fs.readText('$GOMODCACHE/a@v1/LICENSE')).toBe('MIT');
    expect((await fs.list('$GOMODCACHE')).map((e) => e.name)).toEqual(['a@v1']);
    expect(await fs.isDirectory('$GOMODCACHE/a@v1')).toBe(true);
    expect(await fs.real('$GOMODCACHE/a@v1')).toBe('$GOMODCACHE/a@v1');
  });

  it('names a missing file by its labelled path', async () => {
    const error = await fs.readText('$GOMODCACHE/b@v2/LICENSE').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileError);
    expect((error as FileError).message).toBe('$GOMODCACHE/b@v2/LICENSE: no such file or folder');
  });
});

describe('workspace member patterns', () => {
  it('expands * and never climbs out of the project', async () => {
    const root = mkdtempSync(join(tmpdir(), 'copyfair-members-'));
    for (const dir of ['crates/a', 'crates/b', 'crates/.hidden', 'tools/x']) mkdirSync(join(root, dir), { recursive: true });
    const fs = diskFs(join(root, 'crates', 'a'));
    expect(await expandFolders(fs, '../*')).toEqual([]);
    expect(await expandFolders(diskFs(root), 'crates/*')).toEqual(['crates/a', 'crates/b']);
    expect(await expandFolders(diskFs(root), './tools/x/')).toEqual(['tools/x']);
  });
});
