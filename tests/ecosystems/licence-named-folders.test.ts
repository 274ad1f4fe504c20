// A folder named as a licence file (LICENSE/, holding the texts) in a vendored crate or Go module.
// npm's reader reads one as a folder of the package's own licence texts; the Cargo and Go readers
// (licenceFileNames) passed it over in silence, and read the crate's declaration alone: a GPL text
// in the folder left a crate declared MIT free.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/scan/index.js';
import { temporaryFolder } from '../hostile/generate.js';

const spdx = (id: string) => (JSON.parse(readFileSync(new URL(`../../node_modules/spdx-license-list/licenses/${id}.json`, import.meta.url), 'utf8')) as { licenseText: string }).licenseText;
const mit = spdx('MIT').replace('<year>', '2015').replace('<copyright holders>', 'Alex Crichton');
const gpl = spdx('GPL-3.0-only');
const nowhere = join(tmpdir(), 'copyfair-no-package-cache');
/** A copy of a fixture project, with `change` applied to it. */
function copyOf(fixture: string, change: (root: string) => void): string {
  const root = temporaryFolder('copyfair-licence-named-');
  cpSync(new URL(`../../fixtures/${fixture}`, import.meta.url), root, { recursive: true });
  change(root);
  return root;
}

/** Replaces a package folder's LICENSE files by a LICENSE folder holding `texts`. */
function licenceFolder(root: string, folder: string, texts: Record<string, string>): void {
  for (const name of ['LICENSE', 'LICENSE-MIT', 'LICENSE-APACHE']) rmSync(join(root, folder, name), { force: true });
  mkdirSync(join(root, folder, 'LICENSE'));
  for (const [name, text] of Object.entries(texts)) writeFileSync(join(root, folder, 'LICENSE', name), text);
}

describe('a LICENSE folder in a vendored crate', () => {
  it('is read as the crate’s licence texts; a text the declaration leaves out counts; an empty one is a folder the read refuses', async () => {
    const root = copyOf('cargo/vendored-workspace', (root) => {
      licenceFolder(root, 'vendor/cfg-if', { 'LICENSE-MIT': mit });
      licenceFolder(root, 'vendor/serde', { 'LICENSE-MIT': mit, 'COPYING-GPL': gpl });
      licenceFolder(root, 'vendor/unicode-ident', {});
    });
    const report = await scan(root, { profile: { date: '2026-01-01' }, toolVersion: 'test', environment: { cargoHome: nowhere } });
    const crate = (name: string) => report.components.find((component) => component.name === name)!;
    expect(crate('cfg-if')).toMatchObject({ licenceFiles: ['vendor/cfg-if/LICENSE/LICENSE-MIT'], verdict: { outcome: 'free' } });
    expect(crate('serde').licenceFiles).toEqual(['vendor/serde/LICENSE/COPYING-GPL', 'vendor/serde/LICENSE/LICENSE-MIT']);
    expect(crate('serde').verdict.outcome).not.toBe('free');
    expect(crate('unicode-ident').verdict.outcome).toBe('unknown');
    expect(report.diagnostics.find((item) => item.component === `unicode-ident@${crate('unicode-ident').version}`)?.message).toBe('vendor/unicode-ident/LICENSE: is a folder, not a file');
  });
});

describe('a LICENSE folder in a vendored Go module', () => {
  it('is read as the module’s licence texts', async () => {
    const root = copyOf('go/vendored', (root) => licenceFolder(root, 'vendor/github.com/google/uuid', { LICENSE: gpl }));
    const report = await scan(root, { profile: { date: '2026-01-01' }, toolVersion: 'test', environment: { goModCache: nowhere } });
    const uuid = report.components.find((component) => component.name === 'github.com/google/uuid')!;
    expect(uuid).toMatchObject({ licenceFiles: ['vendor/github.com/google/uuid/LICENSE/LICENSE'], expression: 'GPL-3.0-only', verdict: { outcome: 'share-alike' } });
  });
});
