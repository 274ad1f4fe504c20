// A lockfile-only scan counts only what npm installs on this platform (issue 9): packages whose
// os/cpu/libc exclude it are reported once, not as dependencies.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installsOn } from '../../src/ecosystems/npm/platform.js';
import { scan } from '../../src/scan/index.js';
import { currentPlatform } from '../../src/cli/project-scan.js';
import type { Report } from '../../src/types.js';
import { run } from '../cli/run.js';

const dir = mkdtempSync(join(tmpdir(), 'copyfair-truth-platform-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** sharp with its per-platform libvips builds, as package-lock v3 records them. */
beforeAll(() => {
  const builds = [
    ['darwin-arm64', ['darwin'], ['arm64'], undefined],
    ['darwin-x64', ['darwin'], ['x64'], undefined],
    ['linux-x64', ['linux'], ['x64'], ['glibc']],
    ['linuxmusl-x64', ['linux'], ['x64'], ['musl']],
    ['win32-x64', ['win32'], ['x64'], undefined],
  ] as const;
  const packages: Record<string, object> = { '': { name: 'app', version: '1.0.0', dependencies: { sharp: '0.33.0' } } };
  packages['node_modules/sharp'] = { version: '0.33.0', license: 'Apache-2.0', optionalDependencies: Object.fromEntries(builds.map(([name]) => [`@img/sharp-libvips-${name}`, '1.0.0'])) };
  for (const [name, os, cpu, libc] of builds) {
    packages[`node_modules/@img/sharp-libvips-${name}`] = { version: '1.0.0', license: 'LGPL-3.0-or-later', optional: true, os, cpu, ...(libc ? { libc } : {}) };
  }
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { sharp: '0.33.0' } }));
  writeFileSync(join(dir, 'package-lock.json'), JSON.stringify({ name: 'app', lockfileVersion: 3, packages }, null, 2));
});

const names = (report: Report) => report.components.map((c) => c.name);

describe('installsOn follows npm', () => {
  const linux = { os: 'linux', cpu: 'x64', libc: 'glibc' };
  it.each([
    [{ os: ['linux'] }, true],
    [{ os: ['!linux'] }, false],
    [{ os: ['!win32'] }, true],
    [{ os: ['darwin', 'win32'] }, false],
    [{ cpu: ['arm64'] }, false],
    [{ libc: ['musl'] }, false],
    [{ libc: ['glibc'] }, true],
    [{}, true],
  ])('%j on linux x64 glibc: %s', (fields, expected) => expect(installsOn(fields, linux)).toBe(expected));
  it('libc is a Linux-only test: elsewhere a package that names one is not installed', () => {
    expect(installsOn({ libc: ['glibc'] }, { os: 'darwin', cpu: 'arm64' })).toBe(false);
  });
});

describe('a lockfile-only scan', () => {
  it('counts the one build npm installs here, and reports the rest once', async () => {
    const report = await scan(dir, { profile: {}, toolVersion: 'test', platform: { os: 'darwin', cpu: 'arm64' } });
    expect(names(report)).toEqual(['@img/sharp-libvips-darwin-arm64', 'sharp']);
    const skipped = report.diagnostics.filter((d) => d.code === 'npm-platform-skipped');
    expect(skipped).toHaveLength(1);
    expect(skipped[0]!.message).toBe('4 packages are not installed on this platform (darwin arm64) and not counted: @img/sharp-libvips-darwin-x64@1.0.0, @img/sharp-libvips-linux-x64@1.0.0, @img/sharp-libvips-linuxmusl-x64@1.0.0, @img/sharp-libvips-win32-x64@1.0.0');
  });

  it('without a platform (the API default), keeps them all', async () => {
    expect(names(await scan(dir, { profile: {}, toolVersion: 'test' }))).toHaveLength(6);
  });

  it('through the CLI, for the machine it runs on', async () => {
    const platform = currentPlatform();
    const report = JSON.parse((await run(['scan', dir, '--format', 'json'])).stdout) as Report;
    const kept = report.components.filter((c) => c.name.startsWith('@img/')).map((c) => c.name.replace('@img/sharp-libvips-', ''));
    const expected = ({ 'linux-x64-glibc': ['linux-x64'], 'linux-x64-musl': ['linuxmusl-x64'], 'darwin-arm64-': ['darwin-arm64'], 'darwin-x64-': ['darwin-x64'], 'win32-x64-': ['win32-x64'] }as Record<string, string[]>)[`${platform.os}-${platform.cpu}-${platform.libc ?? ''}`] ?? [];
    expect(kept).toEqual(expected);
    expect(report.diagnostics.filter((d) => d.code === 'npm-platform-skipped')).toHaveLength(1);
  });
});
