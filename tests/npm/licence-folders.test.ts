// Licence texts that are not named LICENSE: REUSE's LICENSES/ folder (one text per licence, named
// by its SPDX id, often with no LICENSE at the root), and an exception's text in a file of its
// own. Both were read as nothing (LICENSES/ never listed: the package read as its declaration,
// free where a text in it was not) or as unknown (an exception text alone never identified).
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderLicenceFiles } from '../../src/ecosystems/folder.js';
import { diskFs } from '../../src/ecosystems/fs.js';
import { isLicencePath } from '../../src/ecosystems/npm/licence-files.js';
import { scan } from '../../src/scan/index.js';
import type { Profile } from '../../src/types.js';

const profile: Profile = { entity: 'for-profit', date: '2026-01-01' };

describe('fixtures/npm/reuse', async () => {
  const report = await scan('fixtures/npm/reuse', { profile, toolVersion: 'test' });
  const byName = Object.fromEntries(report.components.map((c) => [c.name, c]));
  const unidentified = (name: string) => report.diagnostics.filter((d) => d.code === 'licence-file-unidentified' && d.component === `${name}@1.0.0`);

  it('reads every text in LICENSES/: a licence the declaration leaves out is added (it was free)', () => {
    expect(byName['reuse-lib']!.licenceFiles).toEqual(['node_modules/reuse-lib/LICENSES/MIT.txt', 'node_modules/reuse-lib/LICENSES/MS-RL.txt']);
    expect(byName['reuse-lib']).toMatchObject({ expression: 'MIT AND MS-RL', verdict: { outcome: 'share-alike' } });
    expect(report.diagnostics.find((d) => d.code === 'licence-mismatch' && d.component === 'reuse-lib@2.0.0')?.message).toContain('LICENSES/MS-RL.txt reads as MS-RL');
  });

  it('reads an exception’s own text as the declared clause it belongs to (it was unknown)', () => {
    expect(byName['llvm-lib']).toMatchObject({ expression: 'Apache-2.0 WITH LLVM-exception', verdict: { outcome: 'free' } });
    expect(byName['exception-beside']).toMatchObject({ expression: 'Apache-2.0 WITH LLVM-exception', verdict: { outcome: 'free' } });
    expect(byName['exception-beside']!.evidence.map((e) => e.expression)).toEqual(['Apache-2.0 WITH LLVM-exception', 'Apache-2.0', 'Apache-2.0 WITH LLVM-exception']);
    expect(unidentified('llvm-lib')).toEqual([]);
    expect(unidentified('exception-beside')).toEqual([]);
  });

  it('leaves unknown an exception the declaration does not name, or one with words of its own', () => {
    expect(byName['exception-undeclared']!.verdict.outcome).toBe('unknown');
    expect(unidentified('exception-undeclared')[0]!.message).toContain('it is the text of LLVM-exception, an exception to a licence, and the declared licence (Apache-2.0) names no such exception');
    expect(byName['exception-amended']!.verdict.outcome).toBe('unknown');
    expect(unidentified('exception-amended')).toHaveLength(1);
  });
});

describe('a LICENSES folder, as every reader lists it', () => {
  it('gives its texts (not hidden or data files, not sub-folders), and itself when it cannot be listed', async () => {
    const root = mkdtempSync(join(tmpdir(), 'copyfair-reuse-'));
    const outside = mkdtempSync(join(tmpdir(), 'copyfair-reuse-outside-'));
    mkdirSync(join(root, 'crate/LICENSES/old'), { recursive: true });
    for (const name of ['MIT.txt', 'Apache-2.0.txt', 'LicenseRef-Custom.md', '.gitkeep', 'dep5.json']) writeFileSync(join(root, 'crate/LICENSES', name), 'text');
    writeFileSync(join(root, 'crate/Cargo.toml'), '');
    mkdirSync(join(root, 'away'));
    symlinkSync(outside, join(root, 'away/LICENSES'));
    const fs = diskFs(root);
    expect(await folderLicenceFiles(fs, 'crate')).toEqual(['crate/LICENSES/Apache-2.0.txt', 'crate/LICENSES/LicenseRef-Custom.md', 'crate/LICENSES/MIT.txt']);
    // A link out of the project is never listed: the folder itself is given, and reading it says why.
    expect(await folderLicenceFiles(fs, 'away')).toEqual(['away/LICENSES']);
    await expect(fs.readText('away/LICENSES')).rejects.toMatchObject({ problem: 'outside' });
  });

  it('is a licence path, as is any text of a wheel’s licence folders, but not a notice or data beside them', () => {
    expect(isLicencePath('vendor/crate/LICENSES/GPL-3.0-or-later.txt')).toBe(true);
    expect(isLicencePath('LICENSES/MIT.txt')).toBe(true);
    expect(isLicencePath('site/x-1.0.dist-info/licenses/THIRD_PARTY_LICENSES')).toBe(true);
    expect(isLicencePath('site/x-1.0.dist-info/licenses/NOTICE')).toBe(false);
    expect(isLicencePath('site/x-1.0.dist-info/licenses/sbom.json')).toBe(false);
    expect(isLicencePath('pkg/docs/MIT.txt')).toBe(false);
    expect(isLicencePath('pkg/LICENSES/sub/MIT.txt')).toBe(false);
  });
});
