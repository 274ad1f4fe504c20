// A scan of a project that releases with semantic-release holds npm itself (under
// @semantic-release/npm), whose LICENSE says its dependencies keep their own licences: npm is
// read as Artistic-2.0, free, each bundled dependency as a component of its own, and the report
// says so (tests/identify/npm-licence.test.ts reads the file).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/scan/index.js';

const root = mkdtempSync(join(tmpdir(), 'copyfair-npm-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const write = (path: string, text: string) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};
write('package.json', JSON.stringify({ name: 'app', version: '1.0.0', devDependencies: { npm: '^11.0.0' } }));
write('node_modules/npm/package.json', JSON.stringify({ name: 'npm', version: '11.6.2', license: 'Artistic-2.0', dependencies: { abbrev: '^3.0.1' }, bundleDependencies: ['abbrev'] }));
write('node_modules/npm/LICENSE', readFileSync(new URL('../../fixtures/identify/npm-11-LICENSE', import.meta.url), 'utf8'));
write('node_modules/npm/node_modules/abbrev/package.json', JSON.stringify({ name: 'abbrev', version: '3.0.1', license: 'ISC' }));

describe('npm in a tree', async () => {
  const report = await scan(root, { profile: { entity: 'for-profit', date: '2026-01-01' }, toolVersion: 'test' });
  const npm = report.components.find((component) => component.name === 'npm')!;

  it('is Artistic-2.0, free, and the report says its LICENSE tells of its dependencies, each read on its own', () => {
    expect(npm).toMatchObject({ expression: 'Artistic-2.0', verdict: { outcome: 'free' } });
    expect(report.components.find((component) => component.name === 'abbrev')).toMatchObject({ expression: 'ISC', verdict: { outcome: 'free' } });
    const said = report.diagnostics.filter((item) => item.component === 'npm@11.6.2');
    expect(said.map((item) => item.code)).toEqual(['licence-dependency-notice']);
    expect(said[0]!.message).toBe(`node_modules/npm/LICENSE tells of npm@11.6.2's dependencies, under terms of their own ("node package dependencies of the npm application licensed on their respective license terms"): copyfair reads each dependency as a component of its own, not in npm@11.6.2's licence`);
  });
});
