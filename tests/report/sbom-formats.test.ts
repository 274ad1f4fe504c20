// SBOM out: CycloneDX 1.6 and SPDX 2.3 JSON valid against the official schemas (test data in
// tests/report/schemas, see its README), byte-deterministic, and round-tripping: copyfair reading
// the SBOM it wrote gives the verdicts of the scan that wrote it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cyclonedx } from '../../src/report/cyclonedx.js';
import { spdx } from '../../src/report/spdx.js';
import { scan } from '../../src/scan/index.js';
import type { Outcome, Profile, Report } from '../../src/types.js';
import { fixtureReport } from './fixture-report.js';

const require = createRequire(import.meta.url);
const Ajv = require('ajv') as typeof import('ajv').default;
const Ajv2019 = require('ajv/dist/2019') as typeof import('ajv/dist/2019.js').default;
const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;
const schema = (file: string) => JSON.parse(readFileSync(`tests/report/schemas/${file}`, 'utf8')) as Record<string, unknown>;

// bom-1.6 refers to its neighbours by their SNAPSHOT file names, resolved against its own $id.
const cdxAjv = new Ajv({ allErrors: true, strict: false });
addFormats(cdxAjv);
// ajv-formats has no IRI formats; an IRI reference at least holds no white space.
cdxAjv.addFormat('iri-reference', /^\S*$/);
cdxAjv.addFormat('idn-email', /^\S+@\S+$/);
cdxAjv.addSchema({ ...schema('spdx.SNAPSHOT.schema.json'), $id: 'http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json' });
cdxAjv.addSchema({ ...schema('jsf-0.82.SNAPSHOT.schema.json'), $id: 'http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json' });
const validateCdx = cdxAjv.compile(schema('bom-1.6.SNAPSHOT.schema.json'));

const spdxAjv = new Ajv2019({ allErrors: true, strict: false });
addFormats(spdxAjv);
const validateSpdx = spdxAjv.compile(schema('spdx-schema-2.3.json'));

const options = { color: false, failOn: ['payback', 'forbidden', 'unknown'] as Outcome[] };
const profile: Profile = { date: '2026-01-01' };
const demo = () => scan('fixtures/demo-app', { profile, toolVersion: '0.0.0-test' });

const FORMATS = { cyclonedx: { write: cyclonedx, validate: validateCdx, file: 'bom.cdx.json' }, spdx: { write: spdx, validate: validateSpdx, file: 'bom.spdx.json' } };

for (const [format, { write, validate, file }] of Object.entries(FORMATS)) {
  describe(format, () => {
    it('the hand-made report and a real scan are valid against the official schema', async () => {
      for (const report of [fixtureReport(), await demo()]) {
        const document = JSON.parse(write(report, options)) as unknown;
        expect(validate(document), JSON.stringify(validate.errors, null, 1)).toBe(true);
      }
    });

    it('the schema is the one it claims to be (a broken document is rejected)', () => {
      expect(validate({ bomFormat: 'CycloneDX', specVersion: 1.6, spdxVersion: 2, packages: 'none', components: 'none' })).toBe(false);
    });

    it('is the same byte for byte for the same report', async () => {
      expect(write(await demo(), options)).toBe(write(await demo(), options));
    });

    it('round-trips: reading the SBOM it wrote gives the same components, scopes, expressions and verdicts', async () => {
      const cases = [
        ['fixtures/demo-app', profile],
        ['fixtures/demo-app', { ...profile, entity: 'worker-cooperative', surplusToWorkers: true } satisfies Profile],
        // A package whose licence file nobody can identify stays unknown, though it declares MIT.
        ['fixtures/npm/broken', profile],
      ] as const;
      for (const [folder, who] of cases) {
        const original = await scan(folder, { profile: who, toolVersion: '0.0.0-test' });
        const dir = mkdtempSync(join(tmpdir(), 'copyfair-roundtrip-'));
        writeFileSync(join(dir, file), write(original, options));
        const again = await scan(dir, { profile: who, toolVersion: '0.0.0-test', sbom: file });
        const view = (report: Report) => report.components.map((c) => ({ name: c.name, version: c.version, purl: c.purl, scope: c.scope, paths: c.paths, expression: c.expression, outcome: c.verdict.outcome, obligations: c.verdict.obligations }));
        expect(view(again), folder).toEqual(view(original));
        // The SBOM carries components, not the original scan's read problems (a broken manifest):
        // the same answer, less the clause that counts what could not be read in full.
        expect(again.answer.headline).toBe(original.answer.headline.replace(/; \d+ could not be read in full/, ''));
        expect(again.answer.status).toBe(original.answer.status);
        expect(again.project.name).toBe(original.project.name);
      }
    });
  });
}

describe('what the SBOMs carry', async () => {
  const report = await demo();
  const bom = JSON.parse(cyclonedx(report, options)) as { metadata: { properties: { name: string; value: string }[] }; components: { name: string; scope: string; licenses?: unknown[]; properties: { name: string; value: string }[] }[]; dependencies: { ref: string; dependsOn?: string[] }[] };
  const coop = bom.components.find((c) => c.name === 'coop-widget')!;

  it('CycloneDX: outcome, obligations, payback route and assumptions as copyfair: properties', () => {
    const names = new Set(coop.properties.map((p) => p.name));
    for (const name of ['copyfair:outcome', 'copyfair:obligation', 'copyfair:payback', 'copyfair:assumed', 'copyfair:because']) expect(names, name).toContain(name);
    expect(coop.properties).toContainEqual({ name: 'copyfair:outcome', value: 'payback' });
    expect(coop.licenses).toEqual([{ expression: 'PPL', acknowledgement: 'concluded' }]);
    expect(bom.metadata.properties).toContainEqual({ name: 'copyfair:profile:date', value: '2026-01-01' });
    expect(bom.metadata.properties.map((p) => p.name)).toContain('copyfair:knowledge-base');
    expect(bom.components.find((c) => c.name === 'gpl-build-tool')!.scope).toBe('excluded');
  });

  it('CycloneDX: the dependency graph the paths describe', () => {
    const of = (ref: string) => bom.dependencies.find((d) => d.ref === ref)?.dependsOn ?? [];
    expect(of('pkg:npm/widgets@4.1.0')).toEqual(['pkg:npm/coop-widget@1.4.0']);
    expect(of('copyfair:project')).toContain('pkg:npm/ui-kit@2.3.0');
    expect(of('copyfair:project')).not.toContain('pkg:npm/coop-widget@1.4.0');
  });

  it('SPDX: annotations with the findings, relationships by scope, LicenseRef- ids defined', () => {
    const doc = JSON.parse(spdx(report, options)) as { packages: { name: string; licenseConcluded: string; annotations?: { comment: string }[] }[]; relationships: { spdxElementId: string; relationshipType: string; relatedSpdxElement: string }[]; hasExtractedLicensingInfos: { licenseId: string }[] };
    const pkg = doc.packages.find((p) => p.name === 'sneaky-mit')!;
    expect(pkg.licenseConcluded).toBe('MIT AND LicenseRef-scancode-commons-clause');
    expect(pkg.annotations![0]!.comment).toMatch(/^copyfair:outcome=payback$/m);
    expect(doc.hasExtractedLicensingInfos.map((x) => x.licenseId)).toEqual(['LicenseRef-scancode-commons-clause']);
    expect(doc.relationships).toContainEqual({ spdxElementId: 'SPDXRef-Package-gpl-build-tool-5.2.0', relationshipType: 'DEV_DEPENDENCY_OF', relatedSpdxElement: 'SPDXRef-Project' });
    expect(doc.relationships).toContainEqual({ spdxElementId: 'SPDXRef-Package-widgets-4.1.0', relationshipType: 'DEPENDS_ON', relatedSpdxElement: 'SPDXRef-Package-coop-widget-1.4.0' });
  });

  it('text a dependency controls is escaped by construction', () => {
    const hostile = fixtureReport();
    hostile.components[0]!.name = 'evil"},{"injected":true';
    for (const write of [cyclonedx, spdx]) expect(JSON.stringify(JSON.parse(write(hostile, options)))).not.toContain('"injected":true');
  });
});

it('the schema files are the ones their README names, byte for byte (SHA-256)', async () => {
  const { createHash } = await import('node:crypto');
  const readme = readFileSync('tests/report/schemas/README.md', 'utf8');
  for (const file of ['bom-1.6.SNAPSHOT.schema.json', 'spdx.SNAPSHOT.schema.json', 'jsf-0.82.SNAPSHOT.schema.json', 'spdx-schema-2.3.json']) {
    const sha = createHash('sha256').update(readFileSync(`tests/report/schemas/${file}`)).digest('hex');
    expect(readme, file).toContain(sha);
  }
});
