// SBOM in: a real CycloneDX SBOM (written by @cyclonedx/cyclonedx-npm for fixtures/demo-app), a
// hand-written SPDX 2.3 one and a hand-broken one read into the same verdicts a scan of the tree
// gives, with evidence pointing into the SBOM, and diagnostics with JSON pointers for what is wrong.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/scan/index.js';
import type { Report } from '../../src/types.js';

const profile = { date: '2026-01-01' };
const read = (dir: string, file: string) => scan(`fixtures/sbom/${dir}`, { profile, toolVersion: '0.0.0-test', sbom: file });
const byName = (report: Report) => Object.fromEntries(report.components.map((c) => [c.name, c]));
const codes = (report: Report) => report.diagnostics.map((d) => `${d.code} ${d.location?.pointer ?? ''}`).sort();

describe('CycloneDX written by cyclonedx-npm', async () => {
  const report = await read('cyclonedx-npm', 'demo-app.cdx.json');
  const tree = await scan('fixtures/demo-app', { profile, toolVersion: '0.0.0-test' });
  const c = byName(report);

  it('reads the project from metadata.component and every component with its purl', () => {
    expect(report.project).toMatchObject({ name: 'demo-app', version: '1.0.0', sources: [{ kind: 'sbom', file: 'demo-app.cdx.json' }] });
    expect(report.components.map((x) => `${x.purl}`)).toEqual(tree.components.map((x) => x.purl));
    expect(report.diagnostics).toEqual([]);
  });

  it('identifies the licence texts it carries: the Commons Clause hidden behind "MIT" is found', () => {
    expect(c['sneaky-mit']!.verdict.outcome).toBe('payback');
    expect(c['sneaky-mit']!.expression).toBe('MIT AND LicenseRef-scancode-commons-clause');
    expect(c['sneaky-mit']!.evidence).toContainEqual(expect.objectContaining({ kind: 'licence-file', expression: 'MIT AND LicenseRef-scancode-commons-clause', location: { file: 'demo-app.cdx.json', pointer: '/components/5/evidence/licenses/0/license/text' } }));
  });

  it('says where each claim came from: the file and the JSON pointer', () => {
    expect(c['coop-widget']!.evidence[0]).toEqual({ kind: 'sbom', expression: 'PPL', location: { file: 'demo-app.cdx.json', pointer: '/components/0/licenses/0/license/id' } });
    expect(c['coop-widget']!.location).toEqual({ file: 'demo-app.cdx.json', pointer: '/components/0' });
  });

  it('gives the same verdicts and paths as scanning the installed tree, except where the SBOM loses the dev scope', () => {
    for (const component of tree.components) {
      const fromSbom = c[component.name]!;
      expect(fromSbom.paths, component.name).toEqual(component.paths);
      // cyclonedx-npm marks no scope: the GPL build tool counts as shipped, the strict reading.
      if (component.name === 'gpl-build-tool') expect([component.verdict.outcome, fromSbom.scope, fromSbom.verdict.outcome]).toEqual(['free', 'prod', 'share-alike']);
      else expect(fromSbom.verdict.outcome, component.name).toBe(component.verdict.outcome);
    }
  });
});

describe('SPDX 2.3, hand-written', async () => {
  const report = await read('spdx', 'data-service.spdx.json');
  const c = byName(report);

  it('takes the project from DESCRIBES and maps purl types to ecosystems', () => {
    expect(report.project).toMatchObject({ name: 'data-service', version: '1.2.0' });
    expect(c['data-service']).toBeUndefined();
    expect([c.requests!.ecosystem, c['coop-geo']!.ecosystem, c['no-licence']!.ecosystem, c.mystery!.ecosystem]).toEqual(['python', 'cargo', 'go', 'unknown']);
  });

  it('reads concluded before declared, NOASSERTION as nothing, NONE as no licence (unknown)', () => {
    expect([c.urllib3!.expression, c.chardet!.expression, c.requests!.expression]).toEqual(['MIT', 'LGPL-2.1-or-later', 'Apache-2.0']);
    expect(c['no-licence']!.verdict.outcome).toBe('unknown');
    expect(report.diagnostics.map((d) => d.code)).toContain('licence-missing');
  });

  it('identifies the texts of LicenseRef- ids it does not know: a PPL text is PPL, an unknown one stays unknown', () => {
    expect(c['coop-geo']).toMatchObject({ expression: 'PPL', verdict: { outcome: 'payback' } });
    expect(c.mystery!.verdict.outcome).toBe('unknown');
    expect(report.diagnostics.find((d) => d.code === 'sbom-licence-unknown')).toMatchObject({ component: 'mystery@3.0.0', location: { file: 'data-service.spdx.json', pointer: '/hasExtractedLicensingInfos/1/extractedText' } });
  });

  it('derives paths and scopes from relationships: dev and tools are dev, optional is optional, a shared one is prod', () => {
    expect([c.pytest!.scope, c['gpl-lint']!.scope, c.speedups!.scope, c.urllib3!.scope]).toEqual(['dev', 'dev', 'optional', 'prod']);
    expect(c['gpl-lint']!.verdict.outcome).toBe('free');
    expect(c.urllib3!.paths).toEqual([['data-service', 'pytest', 'urllib3'], ['data-service', 'requests', 'urllib3']]);
  });
});

describe('a hand-broken CycloneDX', async () => {
  const report = await read('broken', 'broken.cdx.json');
  const c = byName(report);

  it('reports each problem with its JSON pointer and still reads the rest', () => {
    expect(codes(report)).toEqual([
      'sbom-entry-invalid /components/2/licenses/0',
      'sbom-entry-invalid /components/3/licenses/0/license/text',
      'sbom-entry-invalid /components/5/licenses',
      'sbom-entry-invalid /dependencies/2',
      'sbom-entry-skipped /components/1',
      'sbom-entry-skipped /dependencies/0/dependsOn/6',
      'sbom-licence-unknown /components/4/licenses/0/license/name',
    ]);
    expect(c.fine!.verdict.outcome).toBe('free');
    expect(c['@acme/inner']!.paths).toEqual([['broken-app', 'outer', '@acme/inner']]);
  });

  it('never lets a malformed licence entry pass as free', () => {
    for (const name of ['bad-entry', 'bad-text', 'odd-name', 'not-a-list']) expect(c[name]!.verdict.outcome, name).toBe('unknown');
  });
});

it('a file that is not JSON is one error with line and column, and nothing else', async () => {
  const report = await read('not-json', 'bom.cdx.json');
  expect(report.components).toEqual([]);
  expect(report.diagnostics).toEqual([expect.objectContaining({ code: 'sbom-invalid', severity: 'error', location: { file: 'bom.cdx.json', line: 5, column: 20 } })]);
});

it('CycloneDX details: a concluded license stands alone, the project listed among its components is not a dependency', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'copyfair-sbom-'));
  writeFileSync(join(dir, 'bom.json'), JSON.stringify({
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    metadata: { component: { 'bom-ref': 'root', name: 'app', version: '1.0.0' } },
    components: [
      { 'bom-ref': 'root', name: 'app', version: '1.0.0' },
      { 'bom-ref': 'a', name: 'a', version: '1.0.0', purl: 'pkg:npm/a@1.0.0', licenses: [{ license: { id: 'GPL-3.0-only', acknowledgement: 'declared' } }, { license: { id: 'MIT', acknowledgement: 'concluded' } }] },
      { 'bom-ref': 'b', name: 'b', version: '2.0.0', purl: 'pkg:npm/b@2.0.0', licenses: [{ license: { id: 'MIT' } }, { license: { id: 'GPL-3.0-only' } }] },
    ],
    dependencies: [{ ref: 'root', dependsOn: ['a', 'b'] }],
  }));
  const report = await scan(dir, { profile, toolVersion: '0.0.0-test', sbom: 'bom.json' });
  expect(report.components.map((c) => `${c.name} ${c.expression} ${c.verdict.outcome}`)).toEqual(['a MIT free', 'b MIT AND GPL-3.0-only share-alike']);
});

it('a dependency chain 20,000 deep is read in linear time, its paths elided in the middle', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'copyfair-sbom-deep-'));
  const depth = 20_000;
  const components = Array.from({ length: depth }, (_, i) => ({ 'bom-ref': `c${i}`, name: `c${i}`, version: '1.0.0', licenses: [{ license: { id: 'MIT' } }] }));
  const dependencies = [{ ref: 'root', dependsOn: ['c0'] }, ...components.map((_, i) => ({ ref: `c${i}`, dependsOn: i + 1 < depth ? [`c${i + 1}`] : [] }))];
  writeFileSync(join(dir, 'bom.json'), JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', metadata: { component: { 'bom-ref': 'root', name: 'app' } }, components, dependencies }));
  const started = Date.now();
  const report = await scan(dir, { profile, toolVersion: '0.0.0-test', sbom: 'bom.json' });
  expect(Date.now() - started).toBeLessThan(20_000);
  const last = report.components.find((c) => c.name === `c${depth - 1}`)!;
  expect(last.paths).toEqual([['app', 'c0', 'c1', 'c2', 'c3', '…', 'c19994', 'c19995', 'c19996', 'c19997', 'c19998', 'c19999']]);
  expect(report.summary.free).toBe(depth);
});

it('a component with 100,000 properties of one name is read in linear time', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'copyfair-sbom-properties-'));
  // Each value was once added by copying the ones before it: minutes for this file (a few ms now).
  const properties = [{ name: 'copyfair:scope', value: 'dev' }, ...Array.from({ length: 100_000 }, (_, i) => ({ name: 'copyfair:scope', value: `v${i}` }))];
  writeFileSync(join(dir, 'bom.json'), JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', metadata: { component: { 'bom-ref': 'root', name: 'app' } }, components: [{ 'bom-ref': 'a', name: 'a', version: '1.0.0', licenses: [{ license: { id: 'MIT' } }], properties }], dependencies: [{ ref: 'root', dependsOn: ['a'] }] }));
  const started = Date.now();
  const report = await scan(dir, { profile, toolVersion: '0.0.0-test', sbom: 'bom.json' });
  expect(Date.now() - started).toBeLessThan(20_000);
  expect(report.components.map((c) => [c.name, c.scope])).toEqual([['a', 'dev']]);
}, 30_000);
