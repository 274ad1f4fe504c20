// A licence that asks for a payment it says is not required (node-forge's): free, with the request
// in the verdict's notes and an info diagnostic that quotes it and names its lines.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/scan/index.js';

const root = mkdtempSync(join(tmpdir(), 'copyfair-request-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(join(root, 'node_modules/node-forge'), { recursive: true });
writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { 'node-forge': '^1.3.1' } }));
writeFileSync(join(root, 'node_modules/node-forge/package.json'), JSON.stringify({ name: 'node-forge', version: '1.3.1', license: '(BSD-3-Clause OR GPL-2.0)' }));
writeFileSync(join(root, 'node_modules/node-forge/LICENSE'), readFileSync(new URL('../../fixtures/identify/node-forge-LICENSE', import.meta.url)));

describe('a licence asking for a payment it does not require', async () => {
  const report = await scan(root, { profile: { entity: 'for-profit', uses: ['distribute'], date: '2026-01-01' }, toolVersion: 'test' });
  const forge = report.components.find((component) => component.name === 'node-forge')!;

  it('is free, its request noted and reported, nothing owed', () => {
    expect(forge).toMatchObject({ expression: 'BSD-3-Clause OR GPL-2.0-only', verdict: { outcome: 'free' } });
    const said = 'node_modules/node-forge/LICENSE (lines 16–23) asks for a payment it says is not required ("if you are a commercial entity and use this set of libraries in your commercial software then reasonable payment to digital bazaar if you can afford it is not …")';
    expect(forge.verdict.notes).toContain(`${said}: nothing is owed for it; paying is the user's choice`);
    expect(report.diagnostics.filter((d) => d.component === 'node-forge@1.3.1').map((d) => [d.code, d.severity, d.message, d.location])).toEqual([
      ['licence-payment-request', 'info', `${said}: node-forge@1.3.1's licence does not require it, so it changes no verdict`, { file: 'node_modules/node-forge/LICENSE', line: 16 }],
    ]);
  });
});
