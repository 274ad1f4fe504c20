// Where package.json declares its licence and each dependency: the lines findings point at. The
// licence line and the dependency lines, found in one pass whatever the formatting.
import { describe, expect, it } from 'vitest';
import { dependencyLine, parseManifest } from '../../src/ecosystems/npm/manifest.js';

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
    const manifest = parseManifest(text);
    expect(manifest.dependencyLines).toEqual({ 'dependencies:a': 5, 'dependencies:b': 6, 'devDependencies:c': 10 });
    expect(dependencyLine(manifest, 'c')).toBe(10);
    expect(dependencyLine(manifest, 'x')).toBeUndefined();
  });

  it('finds the lines whatever the formatting: one line, CRLF, a byte-order mark', () => {
    expect(parseManifest('{"dependencies":{"a":"1"},"license":"MIT"}').licenceLine).toBe(1);
    const crlf = parseManifest('\uFEFF{\r\n  "dependencies": {\r\n    "a": "1"\r\n  },\r\n  "license": "MIT"\r\n}\r\n');
    expect(crlf.licenceLine).toBe(5);
    expect(crlf.dependencyLines).toEqual({ 'dependencies:a': 3 });
  });

  it('has no licence line when nothing declares one, and the dependency lines stay stable', () => {
    const manifest = parseManifest('{\n  "dependencies": { "a": "1" }\n}');
    expect(manifest.licenceLine).toBeUndefined();
    expect(manifest.dependencyLines).toBe(manifest.dependencyLines);
    expect({ ...manifest }.dependencyLines).toEqual({ 'dependencies:a': 2 });
  });
});
