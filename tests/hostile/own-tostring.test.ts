// A parsed document may hold an object with a key named "toString" ({"toString": ""}, a YAML
// mapping `{toString: ""}`): String() or a template of such an object throws "Cannot convert
// object to primitive value". The SBOM fuzz test found it in CycloneDX's specVersion (after
// 17,225 runs); pnpm-lock.yaml's lockfileVersion was read the same way, and an installed
// package.json's funding entry `{"url": {"toString": ""}}` made the whole tree unreadable
// (npm-unreadable, every package unknown). Each is now a diagnostic naming the file, or ignored
// as the malformed field it is, and the scan goes on.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shownValue } from '../../src/util/plain-data.js';
import { scan } from '../../src/scan/index.js';
import { temporaryFolder, writeTree } from './generate.js';

const profile = { date: '2026-01-01' };
const spdxFixture = JSON.parse(readFileSync(new URL('../../fixtures/sbom/spdx/data-service.spdx.json', import.meta.url), 'utf8')) as Record<string, unknown>;

describe('a value that is an object with its own toString key', () => {
  it('is shown as its JSON, never through String()', () => {
    const hostile = JSON.parse('{"toString": "", "valueOf": ""}') as unknown;
    expect(() => String(hostile)).toThrow(TypeError);
    expect(shownValue(hostile)).toBe('{"toString":"","valueOf":""}');
    expect([shownValue('1.6'), shownValue(9), shownValue(true), shownValue(undefined), shownValue(null)]).toEqual(['1.6', '9', 'true', '', 'null']);
  });

  it('as a CycloneDX specVersion: a located diagnostic, the document still read; as an SPDX spdxVersion, no SPDX document', async () => {
    const dir = writeTree(temporaryFolder(), {
      'cdx.json': JSON.stringify({ bomFormat: 'CycloneDX', specVersion: { toString: '' }, components: [{ name: 'left-pad', version: '1.3.0', licenses: [{ license: { id: 'WTFPL' } }] }] }),
      'spdx.json': JSON.stringify({ ...spdxFixture, spdxVersion: { toString: '' } }),
    });
    const cdx = await scan(dir, { profile, toolVersion: 'test', sbom: 'cdx.json' });
    expect(cdx.components.map((component) => [component.name, component.expression])).toEqual([['left-pad', 'WTFPL']]);
    expect(cdx.diagnostics.find((item) => item.code === 'sbom-entry-invalid')).toMatchObject({ message: 'cdx.json is CycloneDX {"toString":""}; copyfair reads 1.4–1.6 and reads this one as 1.6', location: { file: 'cdx.json', pointer: '/specVersion' } });
    // An SPDX document is known by its spdxVersion string: an object there is no SPDX document.
    const spdx = await scan(dir, { profile, toolVersion: 'test', sbom: 'spdx.json' });
    expect(spdx.diagnostics.find((item) => item.code === 'sbom-invalid')).toMatchObject({ location: { file: 'spdx.json' } });
  });

  it('as pnpm-lock.yaml’s lockfileVersion: the lockfile is refused with its reason, not a crash', async () => {
    const dir = writeTree(temporaryFolder(), {
      'package.json': JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { a: '1.0.0' } }),
      'pnpm-lock.yaml': 'lockfileVersion: {toString: ""}\nimporters:\n  .:\n    dependencies:\n      a:\n        specifier: 1.0.0\n        version: 1.0.0\n',
    });
    const report = await scan(dir, { profile, toolVersion: 'test' });
    const messages = report.diagnostics.map((item) => item.message).join('\n');
    expect(messages).toContain('pnpm-lock.yaml');
    expect(messages).toContain('has lockfileVersion {"toString":""}, which copyfair does not read');
  });

  it('as a funding url in an installed package.json: that field is ignored, the tree read', async () => {
    const dir = writeTree(temporaryFolder(), {
      'package.json': JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { a: '1.0.0', b: '1.0.0' } }),
      'node_modules/a/package.json': JSON.stringify({ name: 'a', version: '1.0.0', license: 'MIT', funding: [{ url: { toString: '' } }, 'https://example.org/fund'] }),
      'node_modules/b/package.json': JSON.stringify({ name: 'b', version: '1.0.0', license: 'ISC' }),
    });
    const report = await scan(dir, { profile, toolVersion: 'test' });
    expect(report.diagnostics.filter((item) => item.code === 'npm-unreadable')).toEqual([]);
    expect(report.components.map((component) => [component.name, component.expression])).toEqual([['a', 'MIT'], ['b', 'ISC']]);
  });
});
