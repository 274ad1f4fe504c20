// A package that ships an open licence's text and an end-user licence agreement beside it (an
// SDK's MIT wrapper around a binary under its EULA) was read as MIT alone, free: only files named
// LICENSE, LICENCE, COPYING or UNLICENSE were read. EULA*, TERMS-OF-USE*, TERMS-OF-SERVICE* and
// End-User-License-Agreement* are now read like licence texts; the package is then no longer free.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/scan/index.js';
import { textOf } from '../identify/scenarios.js';
import { oneDependency } from '../helpers/one-dependency.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const EULA = `ACME SDK END USER LICENSE AGREEMENT

This End User License Agreement is a legal agreement between you and Acme Inc. The Software is licensed, not sold.
You may use the Software only to develop applications that run on Acme devices. You may not use the Software in a
production environment without purchasing a commercial subscription from Acme.
`;

async function scanned(files: Record<string, string>) {
  const root = oneDependency('copyfair-eula-', { name: 'acme-sdk', license: 'MIT' }, files);
  made.push(root);
  const report = await scan(root, { profile: { entity: 'for-profit', date: '2026-01-01' }, toolVersion: 'test' });
  return report.components.find((component) => component.name === 'acme-sdk')!;
}

describe('an EULA beside an open licence', () => {
  it('MIT and an EULA: the EULA is read, and the package is not free', async () => {
    for (const name of ['EULA.md', 'eula.txt', 'TERMS-OF-USE.md', 'End-User-License-Agreement.txt']) {
      const sdk = await scanned({ LICENSE: `MIT License\n\nCopyright (c) 2024 Acme\n\n${textOf('MIT')}`, [name]: EULA });
      expect(sdk.licenceFiles, name).toContain(`node_modules/acme-sdk/${name}`);
      expect(sdk.verdict.outcome, name).not.toBe('free');
    }
  });

  it('MIT alone is still MIT, free', async () => {
    const sdk = await scanned({ LICENSE: `MIT License\n\nCopyright (c) 2024 Acme\n\n${textOf('MIT')}` });
    expect(sdk.verdict.outcome).toBe('free');
  });
});
