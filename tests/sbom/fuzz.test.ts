// The SBOM readers on hostile input: damaged fixture texts and random JSON in every place an SBOM
// has structure never throw out of the reader, always locate their diagnostics, and never yield
// an expression copyfair cannot parse. A fixed seed in `npm test` (FUZZ_RUNS, FUZZ_SEED as in
// tests/hostile/fuzz.test.ts).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { memoryFs } from '../../src/diff/memory-fs.js';
import { sbom } from '../../src/ecosystems/sbom/index.js';
import { parseExpression } from '../../src/evaluate/parse.js';
import { loadKnowledgeBase } from '../../src/kb/index.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const kb = loadKnowledgeBase();

async function read(text: string) {
  const fs = memoryFs('/sbom', new Map([['bom.json', Buffer.from(text)]]));
  const collected = await sbom('bom.json').collect(fs, [{ kind: 'sbom', file: 'bom.json' }], { kb });
  for (const d of collected.diagnostics) expect(d.location?.file).toBe('bom.json');
  for (const component of collected.components) {
    for (const item of component.evidence) if (item.expression) expect(parseExpression(item.expression, kb).ok, item.expression).toBe(true);
  }
  return collected;
}

const any = fc.jsonValue({ maxDepth: 3 });
const text = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('MIT', 'PPL', 'NOASSERTION', 'NONE', 'LicenseRef-x', 'MIT OR', '(', 'GPL-3.0+ WITH', '__proto__'));
const licence = fc.oneof(any, fc.record({ license: fc.oneof(any, fc.record({ id: text, name: text, text: fc.oneof(any, fc.record({ content: fc.string({ maxLength: 40 }), encoding: fc.constantFrom('base64', 'hex', undefined) })), acknowledgement: fc.constantFrom('concluded', 'declared') }, { requiredKeys: [] })), expression: text, acknowledgement: fc.constantFrom('concluded', 'declared') }, { requiredKeys: [] }));
const component = fc.letrec<{ c: unknown }>((tie) => ({
  c: fc.oneof({ depthSize: 'small' }, any, fc.record({ 'bom-ref': fc.oneof(text, any), name: fc.oneof(text, any), group: text, version: fc.oneof(text, any), purl: text, scope: fc.oneof(text, fc.constantFrom('required', 'optional', 'excluded')), licenses: fc.oneof(any, fc.array(licence, { maxLength: 3 })), properties: fc.oneof(any, fc.array(fc.record({ name: fc.constantFrom('copyfair:scope', 'copyfair:unresolved', 'cdx:npm:package:development'), value: fc.oneof(text, any) }), { maxLength: 2 })), components: fc.oneof(any, fc.array(tie('c'), { maxLength: 2 })) }, { requiredKeys: [] })),
})).c;
const cyclonedx = fc.record({ bomFormat: fc.constant('CycloneDX'), specVersion: fc.oneof(fc.constantFrom('1.4', '1.5', '1.6'), any), metadata: fc.oneof(any, fc.record({ component: fc.oneof(any, fc.record({ 'bom-ref': text, name: text, version: text }, { requiredKeys: [] })) })), components: fc.oneof(any, fc.array(component, { maxLength: 4 })), dependencies: fc.oneof(any, fc.array(fc.oneof(any, fc.record({ ref: fc.oneof(text, any), dependsOn: fc.oneof(any, fc.array(text, { maxLength: 3 })) }, { requiredKeys: [] })), { maxLength: 3 })) }, { requiredKeys: ['bomFormat'] });
const spdxPackage = fc.oneof(any, fc.record({ SPDXID: fc.oneof(text, any), name: fc.oneof(text, any), versionInfo: fc.oneof(text, any), licenseConcluded: fc.oneof(text, any), licenseDeclared: fc.oneof(text, any), externalRefs: fc.oneof(any, fc.array(fc.record({ referenceType: fc.constant('purl'), referenceLocator: fc.oneof(text, any) }), { maxLength: 2 })), annotations: fc.oneof(any, fc.array(fc.record({ comment: fc.oneof(text, fc.constant('copyfair:scope=dev\ncopyfair:unresolved=why')) }), { maxLength: 2 })) }, { requiredKeys: [] }));
const spdx = fc.record({ spdxVersion: fc.oneof(fc.constant('SPDX-2.3'), fc.constant('SPDX-2.2')), SPDXID: fc.oneof(fc.constant('SPDXRef-DOCUMENT'), any), packages: fc.oneof(any, fc.array(spdxPackage, { maxLength: 4 })), hasExtractedLicensingInfos: fc.oneof(any, fc.array(fc.oneof(any, fc.record({ licenseId: text, extractedText: fc.string({ maxLength: 60 }) }, { requiredKeys: [] })), { maxLength: 2 })), relationships: fc.oneof(any, fc.array(fc.oneof(any, fc.record({ spdxElementId: fc.oneof(text, any), relatedSpdxElement: fc.oneof(text, any), relationshipType: fc.oneof(text, fc.constantFrom('DEPENDS_ON', 'DESCRIBES', 'DEV_DEPENDENCY_OF', 'CONTAINS')) }, { requiredKeys: [] })), { maxLength: 4 })), documentDescribes: fc.oneof(any, fc.array(text, { maxLength: 2 })) }, { requiredKeys: ['spdxVersion'] });

it('random structure in a CycloneDX or SPDX document never throws out of the reader', async () => {
  await fc.assert(fc.asyncProperty(fc.oneof(cyclonedx, spdx), async (document) => void (await read(JSON.stringify(document)))), { seed: SEED, numRuns: RUNS });
});

it('damaged fixture SBOMs give located diagnostics, never a throw', async () => {
  const samples = ['fixtures/sbom/spdx/data-service.spdx.json', 'fixtures/sbom/broken/broken.cdx.json'].map((file) => readFileSync(file, 'utf8'));
  const damaged = fc.tuple(fc.constantFrom(...samples), fc.nat(), fc.nat({ max: 40 }), fc.constantFrom('', '"', '{', '}', '[', ']', ',', 'null', '0', '\u0000', '"__proto__":1,', '{"toString":""}', '"toString":"",')).map(([sample, at, length, insert]) => {
    const start = at % (sample.length + 1);
    return sample.slice(0, start) + insert + sample.slice(start + length);
  });
  await fc.assert(fc.asyncProperty(damaged, async (input) => void (await read(input))), { seed: SEED, numRuns: Math.max(10, Math.round(RUNS / 3)) });
});
