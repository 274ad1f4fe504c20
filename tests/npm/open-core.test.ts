// An open-core licence in installed packages (src/identify/open-core.ts, scan/index.ts
// `scopedFolderEvidence`): every @strapi package ships one LICENSE that puts the code in "ee/"
// folders under Strapi's enterprise terms and the rest under MIT. @strapi/admin and @strapi/core
// hold dist/ee folders; @strapi/utils, @strapi/database and a dozen more hold none. All were unknown.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/scan/index.js';
import type { Profile } from '../../src/types.js';

const profile: Profile = { entity: 'for-profit', date: '2026-01-01' };
const licence = readFileSync(new URL('../../fixtures/identify/open-core/strapi-LICENSE', import.meta.url), 'utf8');
const root = mkdtempSync(join(tmpdir(), 'copyfair-open-core-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const write = (path: string, body: string) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), body);
};
const names = ['oc-plain', 'oc-ee', 'oc-deep-ee', 'oc-nested', 'oc-link', 'oc-deep'];
write('package.json', JSON.stringify({ name: 'app', version: '1.0.0', dependencies: Object.fromEntries(names.map((name) => [name, '1.0.0'])) }));
for (const name of names) {
  write(`node_modules/${name}/package.json`, JSON.stringify({ name, version: '1.0.0', license: 'SEE LICENSE IN LICENSE', ...(name === 'oc-nested' ? { dependencies: { 'oc-inner': '1.0.0' } } : {}) }));
  write(`node_modules/${name}/LICENSE`, licence);
  write(`node_modules/${name}/dist/index.js`, 'module.exports = 1;\n');
}
write('node_modules/oc-ee/dist/ee/index.js', 'module.exports = 2;\n');
write('node_modules/oc-deep-ee/dist/server/src/ee/controllers/user.js', 'module.exports = 3;\n');
// A package of its own under the package's node_modules is not the package's code.
write('node_modules/oc-nested/node_modules/oc-inner/package.json', JSON.stringify({ name: 'oc-inner', version: '1.0.0', license: 'MIT' }));
write('node_modules/oc-nested/node_modules/oc-inner/ee/index.js', 'module.exports = 4;\n');
// A link named ee is a folder of that name as far as the licence is concerned.
mkdirSync(join(root, 'node_modules/oc-link/lib'), { recursive: true });
symlinkSync('../dist', join(root, 'node_modules/oc-link/lib/ee'));
// Deeper than the search goes: not known to hold none.
write(`node_modules/oc-deep/${Array.from({ length: 26 }, (_, i) => `d${i}`).join('/')}/x.js`, '');

describe('an open-core licence in installed packages', async () => {
  const report = await scan(root, { profile, toolVersion: 'test' });
  const byName = Object.fromEntries(report.components.map((c) => [c.name, c]));
  const said = (name: string) => report.diagnostics.filter((d) => d.component === `${name}@1.0.0`).map((d) => [d.code, d.message]);

  it('is the open licence for a package that holds none of the folders named', () => {
    expect(byName['oc-plain']).toMatchObject({ expression: 'MIT', verdict: { outcome: 'free' } });
    expect(said('oc-plain')).toEqual([['licence-scoped-folders', 'node_modules/oc-plain/LICENSE puts the code in folders named ee/ under other terms (an open-core licence); oc-plain@1.0.0 holds no such folder, so MIT is its licence']]);
    // A nested package's folder is its own: oc-nested holds none, and oc-inner is read on its own.
    expect(byName['oc-nested']).toMatchObject({ expression: 'MIT', verdict: { outcome: 'free' } });
    expect(byName['oc-inner']).toMatchObject({ expression: 'MIT', verdict: { outcome: 'free' } });
  });

  it('is unknown, naming the folder, for a package that holds one at any depth (or a link by that name)', () => {
    expect(byName['oc-ee']).toMatchObject({ expression: 'MIT', verdict: { outcome: 'unknown' } });
    expect(said('oc-ee')).toEqual([['licence-file-unidentified', 'node_modules/oc-ee/LICENSE could not be identified whole: node_modules/oc-ee/LICENSE puts the code in folders named ee/ under other terms than MIT, and oc-ee@1.0.0 holds one (node_modules/oc-ee/dist/ee); a person must read those terms']]);
    expect(byName['oc-deep-ee']!.verdict.outcome).toBe('unknown');
    expect(said('oc-deep-ee')[0]![1]).toContain('holds one (node_modules/oc-deep-ee/dist/server/src/ee)');
    expect(byName['oc-link']!.verdict.outcome).toBe('unknown');
    expect(said('oc-link')[0]![1]).toContain('holds one (node_modules/oc-link/lib/ee)');
  });

  it('is unknown for a package too deep to search whole (fail closed)', () => {
    expect(byName['oc-deep']!.verdict.outcome).toBe('unknown');
    expect(said('oc-deep')[0]![1]).toBe('node_modules/oc-deep/LICENSE could not be identified whole: node_modules/oc-deep/LICENSE puts the code in folders named ee/ under other terms, and copyfair could not search oc-deep@1.0.0 for them (its folders go deeper than 24 levels)');
  });
});

describe('an open-core licence that scopes by name (n8n)', async () => {
  const n8n = readFileSync(new URL('../../fixtures/identify/open-core/n8n-LICENSE.md', import.meta.url), 'utf8');
  const app = mkdtempSync(join(tmpdir(), 'copyfair-open-core-n8n-'));
  const put = (path: string, body: string) => {
    mkdirSync(join(app, path, '..'), { recursive: true });
    writeFileSync(join(app, path), body);
  };
  put('package.json', JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { 'n8n-workflow': '1.0.0', 'n8n-cli': '1.0.0' } }));
  for (const name of ['n8n-workflow', 'n8n-cli']) {
    put(`node_modules/${name}/package.json`, JSON.stringify({ name, version: '1.0.0', license: 'SEE LICENSE IN LICENSE.md' }));
    put(`node_modules/${name}/LICENSE.md`, n8n);
    // The enterprise terms the licence names, beside it (the real packages ship them too).
    put(`node_modules/${name}/LICENSE_EE.md`, 'The n8n Enterprise License (the "Enterprise License")\n\nWith regard to the n8n Software: this software and associated documentation files may only be used in production if you have agreed to, and are in compliance with, the n8n Subscription Terms of Service.\n');
    put(`node_modules/${name}/dist/index.js`, 'module.exports = 1;\n');
  }
  put('node_modules/n8n-cli/dist/sso/saml.ee.js', 'module.exports = 2;\n');
  const report = await scan(app, { profile: { entity: 'for-profit', uses: ['distribute'], date: '2026-01-01' }, toolVersion: 'test' });
  afterAll(() => rmSync(app, { recursive: true, force: true }));
  const byName = Object.fromEntries(report.components.map((c) => [c.name, c]));

  it('is the Sustainable Use License where the package holds no such file (its verdict, not unknown)', () => {
    expect(byName['n8n-workflow']!.expression).toBe('SUL-1.0');
    expect(byName['n8n-workflow']!.verdict.outcome).not.toBe('unknown');
    // Its LICENSE_EE.md holds the terms of code it does not hold: it applies to nothing in it.
    expect(report.diagnostics.filter((d) => d.component === 'n8n-workflow@1.0.0').map((d) => d.code)).toEqual(['licence-scoped-folders', 'licence-scoped-folders']);
    expect(report.diagnostics.find((d) => d.component === 'n8n-workflow@1.0.0' && d.location?.file.endsWith('LICENSE_EE.md'))?.message).toBe('node_modules/n8n-workflow/LICENSE_EE.md holds the other terms node_modules/n8n-workflow/LICENSE.md names for code n8n-workflow@1.0.0 does not hold: it applies to nothing in n8n-workflow@1.0.0');
    expect(report.diagnostics.find((d) => d.component === 'n8n-workflow@1.0.0' && d.code === 'licence-scoped-folders')?.message).toBe('node_modules/n8n-workflow/LICENSE.md puts the code in files whose names hold ".ee." and folders whose names hold ".ee" under other terms (an open-core licence); n8n-workflow@1.0.0 holds no such file or folder, so SUL-1.0 is its licence');
  });

  it('is unknown where it holds one, naming it', () => {
    expect(byName['n8n-cli']).toMatchObject({ expression: 'SUL-1.0', verdict: { outcome: 'unknown' } });
    expect(report.diagnostics.find((d) => d.component === 'n8n-cli@1.0.0' && d.code === 'licence-file-unidentified')?.message).toContain('holds one (node_modules/n8n-cli/dist/sso/saml.ee.js)');
    // There the enterprise terms apply, and are read (a person must: they are not a licence copyfair knows).
    expect(report.diagnostics.some((d) => d.component === 'n8n-cli@1.0.0' && d.code === 'licence-file-unidentified' && d.location?.file.endsWith('LICENSE_EE.md'))).toBe(true);
  });
});
