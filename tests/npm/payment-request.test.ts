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
writeFileSync(join(root, 'node_modules/node-forge/package.json'), JSON.stringify({ name: 'node-forge', version: '1.3.1', license: '(BSD-3-Clause OR GPL-2.0)', author: { name: 'Digital Bazaar, Inc.', email: 'support@digitalbazaar.com', url: 'http://digitalbazaar.com/' }, homepage: 'https://github.com/digitalbazaar/forge' }));
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

describe('the payback plan lists what licences ask and do not require', async () => {
  const { buildPlan } = await import('../../src/payback/plan.js');
  const { renderPlan } = await import('../../src/report/payback.js');
  const report = await scan(root, { profile: { entity: 'for-profit', uses: ['distribute'], date: '2026-01-01' }, toolVersion: 'test' });
  const plan = buildPlan(report, { today: '2026-01-01' });

  it('under Contribute: the package, the lines, the words and whom to pay, asked, not owed', () => {
    expect(plan.settle).toEqual([]);
    expect(plan.headline).toBe('Nothing to settle before use; 1 licence asks for a payment it does not require.');
    expect(plan.asked).toMatchObject([{ component: 'node-forge', version: '1.3.1', expression: 'BSD-3-Clause OR GPL-2.0-only', file: 'node_modules/node-forge/LICENSE', lines: 'lines 16–23' }]);
    expect(plan.asked[0]!.words).toMatch(/^if you are a commercial entity and use this set of libraries in your commercial software then reasonable payment to digital bazaar/);
    expect(plan.asked[0]!.contacts).toContainEqual({ source: 'author', address: 'support@digitalbazaar.com', name: 'Digital Bazaar, Inc.' });
    const text = renderPlan(plan, 'text', 1000);
    expect(text).toContain('3. Contribute\n   node-forge 1.3.1 (BSD-3-Clause OR GPL-2.0-only) asks, and does not require: node_modules/node-forge/LICENSE lines 16–23,');
    expect(text).toContain('asked, not owed: paying is your choice; go to: Digital Bazaar, Inc. support@digitalbazaar.com (author)');
    expect(renderPlan(plan, 'markdown')).toContain('Asked, not owed: these licences ask for a payment they say is not required; paying is your choice.');
  });

  it('lists nothing where no licence asks', () => {
    const none = buildPlan({ ...report, components: report.components.map(({ requests: _asked, ...component }) => component) }, { today: '2026-01-01' });
    expect(none.asked).toEqual([]);
    expect(renderPlan(none, 'text')).not.toContain('asked, not owed');
  });
});
