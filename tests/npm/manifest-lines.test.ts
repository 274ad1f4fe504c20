// Where package.json declares its licence and each dependency: the lines findings point at. The
// licence line always; the dependency lines for projects, and for any other package only when a
// finding needs one (its manifest read again), whatever the formatting.
import { describe, expect, it } from 'vitest';
import { dependencyLine, parseManifest } from '../../src/ecosystems/npm/manifest.js';
import { scan } from '../../src/scan/index.js';
import { installed, temporaryFolder, writeTree } from '../hostile/generate.js';

const lines = { dependencyLines: true };

const text = [
  '{', //                                                         1
  '  "name": "app",', //                                          2
  '  "repository": { "license": "nested, not this one" },', //    3
  '  "dependencies": {', //                                       4
  '    "a": "^1.0.0",', //                                        5
  '    "b": "^2.0.0 { \\"[not a key\\": 1"', //                 6
  '  },', //                                                      7
  '  "config": { "dependencies": { "x": "1" } },', //             8
  '  "devDependencies"  :', //                                     9
  '    { "c": "^3.0.0" },', //                                   10
  '  "license": "MIT",', //                                      11
  '  "licenses": [{ "type": "ISC" }]', //                        12
  '}', //                                                        13
].join('\n');

describe('package.json lines', () => {
  it('finds the top-level license key, not one nested deeper', () => {
    expect(parseManifest(text).licenceLine).toBe(11);
  });

  it('finds each dependency entry by section, skipping look-alikes in nested objects', () => {
    const manifest = parseManifest(text, lines);
    expect(manifest.dependencyLines).toEqual({ 'dependencies:a': 5, 'dependencies:b': 6, 'devDependencies:c': 10 });
    expect(dependencyLine(manifest, 'c')).toBe(10);
    expect(dependencyLine(manifest, 'x')).toBeUndefined();
  });

  it('finds the lines whatever the formatting: one line, CRLF, a byte-order mark', () => {
    expect(parseManifest('{"dependencies":{"a":"1"},"license":"MIT"}').licenceLine).toBe(1);
    const crlf = parseManifest('\uFEFF{\r\n  "dependencies": {\r\n    "a": "1"\r\n  },\r\n  "license": "MIT"\r\n}\r\n', lines);
    expect(crlf.licenceLine).toBe(5);
    expect(crlf.dependencyLines).toEqual({ 'dependencies:a': 3 });
  });

  it('has no licence line when nothing declares one', () => {
    const manifest = parseManifest('{\n  "dependencies": { "a": "1" }\n}', lines);
    expect(manifest.licenceLine).toBeUndefined();
    expect(manifest.dependencyLines).toEqual({ 'dependencies:a': 2 });
  });

  it('finds no dependency lines unless asked: most packages never need them', () => {
    const manifest = parseManifest(text);
    expect(manifest.licenceLine).toBe(11);
    expect(manifest.dependencyLines).toBeUndefined();
    expect(dependencyLine(manifest, 'a')).toBeUndefined();
  });

  it('an installed package missing a dependency: the finding still points at its line', async () => {
    const root = writeTree(temporaryFolder(), {
      'package.json': JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { lib: '1.0.0' } }),
      ...installed('lib', '1.0.0', 'MIT'),
      'node_modules/lib/package.json': '{\n  "name": "lib",\n  "version": "1.0.0",\n  "license": "MIT",\n  "dependencies": {\n    "gone": "^2.0.0"\n  }\n}\n',
    });
    const report = await scan(root, { profile: { entity: 'for-profit', date: '2026-01-01' }, toolVersion: 'test' });
    const missing = report.diagnostics.find((d) => d.code === 'npm-dependency-missing')!;
    expect(missing.location).toEqual({ file: 'node_modules/lib/package.json', line: 6 });
    expect(report.components.find((c) => c.name === 'lib')!.evidence[0]!.location).toEqual({ file: 'node_modules/lib/package.json', line: 4 });
  });
});
