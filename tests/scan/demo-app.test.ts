// The bundled demo project, scanned for different users: the answers the README shows.
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/scan/index.js';
import type { Profile } from '../../src/types.js';

const scanDemo = (profile: Profile) => scan('fixtures/demo-app', { profile: { date: '2026-01-01', ...profile }, toolVersion: 'test' });

describe('the demo app', () => {
  it('for a for-profit: the PPL three levels deep and the Commons Clause rider are payback, LGPL gives back code', async () => {
    const report = await scanDemo({ entity: 'for-profit' });
    expect(report.answer.ok).toBe(false);
    expect(report.summary).toEqual({ free: 5, 'share-alike': 1, payback: 2, forbidden: 0, unknown: 0, total: 8 });
    const byName = Object.fromEntries(report.components.map((c) => [c.name, c]));
    expect(byName['coop-widget']!.paths[0]).toEqual(['demo-app', 'ui-kit', 'widgets', 'coop-widget']);
    expect(byName['coop-widget']!.verdict.outcome).toBe('payback');
    expect(byName['dual-choice']!.verdict).toMatchObject({ outcome: 'free', chosen: [{ chosen: 'MIT' }] });
    expect(byName['lgpl-thing']!.verdict.outcome).toBe('share-alike');
    expect(byName['gpl-build-tool']).toMatchObject({ scope: 'dev', verdict: { outcome: 'free' } });
    expect(byName['sneaky-mit']).toMatchObject({ expression: 'MIT AND LicenseRef-scancode-commons-clause', verdict: { outcome: 'payback' } });
    expect(report.diagnostics.map((d) => d.code)).toEqual(['licence-mismatch']);
    const pay = report.answer.owed.find((group) => group.group === 'pay')!;
    expect(pay.items.map((item) => item.component)).toEqual(['coop-widget', 'sneaky-mit']);
    expect(pay.items[0]!.payTo).toEqual(['https://coop-widget.example.coop/licensing']);
  });

  it('for a worker co-operative that shares its surplus and does not sell the dependencies: free', async () => {
    const report = await scanDemo({ entity: 'worker-cooperative', surplusToWorkers: true, uses: ['internal', 'network'], competes: false });
    expect(report.answer).toMatchObject({ ok: true, owed: [] });
    expect(report.answer.headline).toBe('Yes: you may use all 8 dependencies without paying back into the commons; keep their notices.');
  });

  it('records the evidence of each package: declared with its line, licence files with hash and confidence', async () => {
    const report = await scanDemo({});
    const sneaky = report.components.find((c) => c.name === 'sneaky-mit')!;
    expect(sneaky.evidence).toEqual([
      { kind: 'declared', value: 'MIT', expression: 'MIT', location: { file: 'node_modules/sneaky-mit/package.json', line: 4 } },
      expect.objectContaining({ kind: 'licence-file', expression: 'MIT AND LicenseRef-scancode-commons-clause', location: { file: 'node_modules/sneaky-mit/LICENSE', line: 1 }, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }),
    ]);
    expect(sneaky.location).toEqual({ file: 'package.json', line: 10 });
  });

  it('is deterministic: the same scan twice gives the same report', async () => {
    const [a, b] = [await scanDemo({}), await scanDemo({})];
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});
