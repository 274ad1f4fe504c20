// The licence files of each installed distribution, found from the listings read for every
// distribution at once (environment.ts, listedLicenceFiles), against the walk of each folder that
// found them before (distributionLicenceFiles): the same files for random dist-info folders, with
// licenses/ (and maturin's license_files/) trees, License-File entries inside and outside them,
// nested as deep as PEP 639 keeps source paths, and names of every kind; and the License-File
// entries found nowhere, said missing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoryFs } from '../../src/diff/memory-fs.js';
import { distributionLicenceFiles, readEnvironment } from '../../src/ecosystems/python/environment.js';
import { parseMetadata } from '../../src/ecosystems/python/metadata.js';
import type { Diagnostic } from '../../src/types.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

const names = fc.constantFrom('LICENSE', 'LICENSE.txt', 'COPYING', 'NOTICE', 'AUTHORS', 'RECORD', 'WHEEL', 'README.md', 'LICENSE-APACHE', 'licence.md', 'top_level.txt');
const inLicences = fc.array(fc.tuple(fc.constantFrom('', '', '', 'sub/', 'sub/deeper/', 'a/b/c/d/', 'pkg/_core/src/npysort/x86-simd-sort/', 'LICENSES/'), names), { maxLength: 5 });
const licenseFile = fc.constantFrom('LICENSE', 'COPYING', 'NOTICE', 'AUTHORS', 'sub/LICENSE', 'licenses/LICENSE', 'licenses/AUTHORS', 'licenses/NOTICE', 'license_files/LICENSE', '../LICENSE', '/etc/passwd', 'missing', 'LICENSES/NOTICE', 'RECORD', 'a/b/c/d/LICENSE', 'pkg/_core/src/npysort/x86-simd-sort/COPYING');
// PEP 639's licenses/, maturin's older license_files/, or (rarely) both.
const folders = fc.constantFrom(['licenses'], ['licenses'], ['license_files'], ['licenses', 'license_files']);
const distribution = fc.record({ root: fc.uniqueArray(names, { maxLength: 5 }), folders, licences: fc.option(inLicences, { nil: undefined }), headers: fc.array(licenseFile, { maxLength: 3 }) });

describe('the licence files of an installed distribution', () => {
  it('are found from the listings as the walk of each folder found them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(distribution, { minLength: 1, maxLength: 4 }), async (dists) => {
        const files = new Map<string, Buffer>([['.venv/pyvenv.cfg', Buffer.from('version_info = 3.11.7\n')]]);
        const site = '.venv/lib/python3.11/site-packages';
        dists.forEach((dist, index) => {
          const folder = `${site}/pkg_${index}-1.0.dist-info`;
          const metadata = `Metadata-Version: 2.4\nName: pkg-${index}\nVersion: 1.0\n${dist.headers.map((value) => `License-File: ${value}\n`).join('')}\n`;
          files.set(`${folder}/METADATA`, Buffer.from(metadata));
          for (const name of dist.root) files.set(`${folder}/${name}`, Buffer.from('x'));
          (dist.licences ?? []).forEach(([sub, name], at) => files.set(`${folder}/${dist.folders[at % dist.folders.length]}/${sub}${name}`, Buffer.from('x')));
        });
        const fs = memoryFs('/project', files);
        const diagnostics: Diagnostic[] = [];
        const environment = (await readEnvironment(fs, '.venv', diagnostics))!;
        expect(environment.distributions.size).toBe(dists.length);
        for (const dist of environment.distributions.values()) {
          const parsed = parseMetadata((files.get(dist.metadataFile) ?? Buffer.from('')).toString());
          const missing: string[] = [];
          const walked = await distributionLicenceFiles(memoryFs('/project', files), dist.directory, parsed.ok ? parsed.headers : undefined, undefined, missing);
          expect(dist.licenceFiles).toEqual(walked);
          // A License-File entry neither way finds is said, once per distribution, at its line.
          const said = diagnostics.filter((d) => d.code === 'python-licence-file-missing' && d.component === `${dist.name}@${dist.version}`);
          expect(said.length).toBe(missing.length > 0 ? 1 : 0);
          for (const value of missing) expect(said[0]!.message).toContain(`"${value}"`);
          // Every entry not said missing is among the files found.
          for (const { value } of parsed.ok ? (parsed.headers.get('license-file') ?? []) : []) {
            if (missing.includes(value) || value.startsWith('/') || value.split('/').includes('..')) continue;
            expect(dist.licenceFiles.some((file) => file.endsWith(`/${value}`))).toBe(true);
          }
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
