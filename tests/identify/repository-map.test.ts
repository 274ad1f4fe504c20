// A monorepo's licence file in each of its packages, naming which packages are under another
// licence than the rest (Liveblocks', the real file): @liveblocks/client, core and react were
// unknown. The file reads as the rest's licence; the scan applies the other to a package it names.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { identifyLicenceText } from '../../src/identify/identify-file.js';
import { scan } from '../../src/scan/index.js';

const liveblocks = readFileSync(new URL('../../fixtures/identify/liveblocks-LICENSE', import.meta.url), 'utf8');

describe('a monorepo licence map', () => {
  it('reads as the licence of most of the code, with the packages it puts under the other', () => {
    expect(identifyLicenceText('LICENSE', liveblocks)).toMatchObject({ expression: 'Apache-2.0', exceptPackages: { '@liveblocks/server': 'AGPL-3.0-or-later', liveblocks: 'AGPL-3.0-or-later' } });
  });

  it('declines a component named without the package it is published as, or a term beside it', () => {
    expect(identifyLicenceText('LICENSE', liveblocks.replace('(published as liveblocks)', '')).exceptPackages).toBeUndefined();
    expect(identifyLicenceText('LICENSE', liveblocks.replace('Each package', 'You may not use the components commercially. Each package')).expression).toBeNull();
  });

  describe('in a scan', async () => {
    const root = mkdtempSync(join(tmpdir(), 'copyfair-repository-map-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { '@liveblocks/client': '3.0.0', '@liveblocks/server': '3.0.0' } }));
    for (const [name, license] of [['@liveblocks/client', 'Apache-2.0'], ['@liveblocks/server', 'AGPL-3.0-or-later']] as const) {
      mkdirSync(join(root, 'node_modules', name), { recursive: true });
      writeFileSync(join(root, 'node_modules', name, 'package.json'), JSON.stringify({ name, version: '3.0.0', license }));
      writeFileSync(join(root, 'node_modules', name, 'LICENSE'), liveblocks);
    }
    const report = await scan(root, { profile: { entity: 'for-profit', uses: ['distribute', 'network'], date: '2026-01-01' }, toolVersion: 'test' });
    const byName = Object.fromEntries(report.components.map((c) => [c.name, c]));

    it('reads the rest’s licence for a package it does not name', () => {
      expect(byName['@liveblocks/client']).toMatchObject({ expression: 'Apache-2.0', verdict: { outcome: 'free' } });
    });

    it('reads the other licence for a package it names, and says so', () => {
      expect(byName['@liveblocks/server']).toMatchObject({ expression: 'AGPL-3.0-or-later', verdict: { outcome: 'share-alike' } });
      expect(report.diagnostics.filter((d) => d.component === '@liveblocks/server@3.0.0').map((d) => d.code)).toEqual(['licence-repository-map']);
    });
  });
});
