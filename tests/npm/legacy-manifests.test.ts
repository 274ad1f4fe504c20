// A package whose package.json declares no licence, and whose older manifest does: Bower's
// bower.json, component(1)'s component.json (emitter-component and jsonp declare MIT only there).
// It was read as declaring nothing: unknown, "declares no licence and ships no licence file".
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/scan/index.js';
import type { Profile } from '../../src/types.js';

const profile: Profile = { entity: 'for-profit', uses: ['distribute'], date: '2026-01-01' };
const root = mkdtempSync(join(tmpdir(), 'copyfair-legacy-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A project depending on one package, whose folder holds `files` (package.json without a licence). */
function project(name: string, files: Record<string, string>, manifest: Record<string, unknown> = {}): string {
  const dir = join(root, name);
  const pkg = join(dir, 'node_modules', 'dep');
  mkdirSync(pkg, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', dependencies: { dep: '1.0.0' } }));
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'dep', version: '1.0.0', ...manifest }));
  for (const [file, text] of Object.entries(files)) writeFileSync(join(pkg, file), text);
  return dir;
}

const dep = async (dir: string) => {
  const report = await scan(dir, { profile, toolVersion: 'test' });
  return { component: report.components.find((c) => c.name === 'dep')!, diagnostics: report.diagnostics.filter((d) => d.component === 'dep@1.0.0').map((d) => [d.code, d.location?.file, d.location?.line]) };
};

describe('older manifests beside a package.json that declares no licence', () => {
  it("reads bower.json's licence as the declaration, at its line, and says so", async () => {
    const { component, diagnostics } = await dep(project('bower', { 'bower.json': '{\n  "name": "dep",\n  "license": "MIT"\n}\n' }));
    expect(component).toMatchObject({ expression: 'MIT', verdict: { outcome: 'free' } });
    expect(component.evidence).toEqual([{ kind: 'declared', value: 'MIT', expression: 'MIT', location: { file: 'node_modules/dep/bower.json', line: 3 } }]);
    expect(diagnostics).toEqual([['licence-declared-legacy', 'node_modules/dep/bower.json', 3]]);
  });

  it("reads component.json's when bower.json declares none, and a licence it cannot vouch for stays unknown", async () => {
    expect((await dep(project('component', { 'bower.json': '{"name": "dep"}', 'component.json': '{"license": "Apache-2.0"}' }))).component.expression).toBe('Apache-2.0');
    const odd = await dep(project('odd', { 'component.json': '{"license": "Free for non-commercial use"}' }));
    expect(odd.component.verdict.outcome).toBe('unknown');
    expect(odd.diagnostics.map(([code]) => code).sort()).toEqual(['licence-declared-legacy', 'licence-declared-unknown']);
    // UNLICENSED there is no licence granted, as in package.json.
    const closed = await dep(project('closed', { 'bower.json': '{"license": "UNLICENSED"}' }));
    expect(closed.component.verdict.outcome).toBe('forbidden');
    expect(closed.diagnostics.map(([code, file]) => [code, file])).toContainEqual(['licence-unlicensed', 'node_modules/dep/bower.json']);
  });

  it('a bower.json that is no JSON is not read, and said so at its line; the package declares nothing, as before', async () => {
    const { component, diagnostics } = await dep(project('broken', { 'bower.json': '{"license": "MIT",' }));
    expect(component.verdict.outcome).toBe('unknown');
    expect(diagnostics).toContainEqual(['licence-declared-legacy', 'node_modules/dep/bower.json', 1]);
    expect(diagnostics.map(([code]) => code)).toContain('licence-missing');
  });

  it('package.json decides when it declares a licence: an older manifest is not read', async () => {
    const { component, diagnostics } = await dep(project('both', { 'bower.json': '{"license": "GPL-3.0-only"}' }, { license: 'MIT' }));
    expect(component.expression).toBe('MIT');
    expect(diagnostics).toEqual([]);
  });
});
