// Every npm layout copyfair reads, one small real tree each under fixtures/npm/: the scan's data
// (components, scopes, paths, expressions, outcomes, diagnostic codes), not its wording.
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/scan/index.js';
import type { Profile, Report } from '../../src/types.js';

const profile: Profile = { entity: 'for-profit', date: '2026-01-01' };
const run = (fixture: string, extra: Partial<Parameters<typeof scan>[1]> = {}) =>
  scan(`fixtures/npm/${fixture}`, { profile, toolVersion: 'test', ...extra });

function table(report: Report) {
  return report.components.map((c) => ({
    id: `${c.name}@${c.version}`,
    scope: c.scope,
    expression: c.expression,
    outcome: c.verdict.outcome,
    paths: c.paths.map((path) => path.join(' > ')),
  }));
}
const codes = (report: Report) => report.diagnostics.map((d) => d.code).sort();

describe('installed node_modules', () => {
  it('hoisted: scopes from the graph, reachable from prod and dev is prod, every parent a path', async () => {
    const report = await run('hoisted');
    expect(table(report)).toEqual([
      { id: 'a@1.0.0', scope: 'prod', expression: 'MIT', outcome: 'free', paths: ['hoisted-app > a'] },
      { id: 'b@2.0.0', scope: 'prod', expression: 'ISC', outcome: 'free', paths: ['hoisted-app > a > b', 'hoisted-app > c > b'] },
      { id: 'c@1.0.0', scope: 'dev', expression: 'GPL-3.0-only', outcome: 'free', paths: ['hoisted-app > c'] },
      { id: 'd@1.0.0', scope: 'optional', expression: 'BSD-2-Clause', outcome: 'free', paths: ['hoisted-app > d'] },
    ]);
    expect(report.project.sources.map((s) => s.file)).toEqual(['node_modules', 'package.json']);
    expect(report.diagnostics).toEqual([expect.objectContaining({ code: 'npm-extraneous', message: '1 installed package(s) no project depends on: orphan@0.1.0' })]);
  });

  it('a dev-only GPL tool is used internally; distributed as prod it would be share-alike', async () => {
    const report = await run('hoisted', { profile: { ...profile, uses: ['distribute'] } });
    expect(report.components.find((c) => c.name === 'c')!.verdict.outcome).toBe('free');
    const asProd = await run('hoisted', { profile: { ...profile, uses: ['distribute'] }, devUses: ['distribute'] });
    expect(asProd.components.find((c) => c.name === 'c')!.verdict.outcome).toBe('share-alike');
  });

  it('nested: two versions of one package, each resolved as Node would', async () => {
    expect(table(await run('nested'))).toEqual([
      { id: 'a@1.0.0', scope: 'prod', expression: 'MIT', outcome: 'free', paths: ['nested-app > a'] },
      { id: 'b@1.0.0', scope: 'prod', expression: 'MIT', outcome: 'free', paths: ['nested-app > b'] },
      { id: 'b@2.0.0', scope: 'prod', expression: 'PPL', outcome: 'payback', paths: ['nested-app > a > b'] },
    ]);
  });

  it('scoped packages and bundled dependencies', async () => {
    const report = await run('scoped-bundled');
    expect(table(report).map((row) => [row.id, row.paths[0]])).toEqual([
      ['@acme/core@1.2.3', 'scoped-app > @acme/core'],
      ['@acme/util@1.0.0', 'scoped-app > @acme/core > @acme/util'],
      ['bundler@1.0.0', 'scoped-app > bundler'],
      ['inner@1.0.0', 'scoped-app > bundler > inner'],
    ]);
    expect(report.components[0]!.purl).toBe('pkg:npm/%40acme/core@1.2.3');
  });

  it('workspaces linked by symlink: each is a project, not a dependency', async () => {
    const report = await run('workspaces');
    expect(table(report).map((row) => [row.id, row.scope, row.paths[0]])).toEqual([
      ['agpl-db@1.0.0', 'prod', '@mono/api > agpl-db'],
      ['lodash@4.17.21', 'prod', '@mono/lib > lodash'],
      ['react@18.2.0', 'prod', '@mono/web > react'],
      ['tool@1.0.0', 'dev', 'monorepo > tool'],
    ]);
  });

  it('--workspace keeps one workspace, and an unknown one is an error', async () => {
    const web = await run('workspaces', { workspace: '@mono/web' });
    expect(web.components.map((c) => c.name)).toEqual(['lodash', 'react']);
    const byFolder = await run('workspaces', { workspace: 'packages/api' });
    expect(byFolder.components.map((c) => c.name)).toEqual(['agpl-db']);
    const missing = await run('workspaces', { workspace: 'nope' });
    expect(codes(missing)).toContain('workspace-not-found');
  });

  it("yarn's node_modules linker: the installed tree is read, dot-files skipped", async () => {
    const report = await run('yarn-node-modules');
    expect(table(report).map((row) => [row.id, row.scope, row.outcome])).toEqual([
      ['a@1.0.0', 'prod', 'free'],
      ['b@2.0.0', 'prod', 'free'],
      ['c@1.0.0', 'dev', 'free'],
      ['d@1.0.0', 'optional', 'free'],
    ]);
    expect(codes(report)).toEqual([]);
  });

  it("pnpm's virtual store, through its links", async () => {
    const report = await run('pnpm');
    expect(table(report).map((row) => [row.id, row.expression, row.paths[0]])).toEqual([
      ['a@1.0.0', 'MIT', 'pnpm-app > a'],
      ['b@2.0.0', 'LicenseRef-scancode-cooperative-non-violent-7.0', 'pnpm-app > a > b'],
    ]);
  });
});

describe('terms a dependency ships', () => {
  it('copyfair-terms.yaml defines the package’s own LicenseRef and where to pay back', async () => {
    const forProfit = await run('shipped-terms');
    const widget = forProfit.components[0]!;
    expect(widget).toMatchObject({ expression: 'LicenseRef-fairshare-1.0', termsFile: 'node_modules/fair-widget/copyfair-terms.yaml', verdict: { outcome: 'payback' } });
    expect(forProfit.answer.owed[0]!.items[0]!.payTo).toEqual(['https://fairshare.example.coop/pay']);
    const coop = await run('shipped-terms', { profile: { entity: 'worker-cooperative', date: '2026-01-01' } });
    expect(coop.components[0]!.verdict.outcome).toBe('free');
  });
});

describe('lockfiles without node_modules', () => {
  it('package-lock v3 answers from its recorded licences', async () => {
    const report = await run('lock-v3');
    expect(table(report).map((row) => [row.id, row.scope, row.expression, row.outcome])).toEqual([
      ['a@1.0.0', 'prod', 'MIT', 'free'],
      ['b@2.0.0', 'prod', 'PolyForm-Noncommercial-1.0.0', 'payback'],
      ['c@1.0.0', 'dev', 'GPL-3.0-only', 'free'],
    ]);
    expect(codes(report)).toEqual(['npm-not-installed']);
    expect(report.components[1]!.location).toEqual({ file: 'package-lock.json', line: expect.any(Number) });
  });

  it('npm-shrinkwrap v2', async () => {
    const report = await run('lock-v2-shrinkwrap');
    expect(report.project.sources.map((s) => s.file)).toContain('npm-shrinkwrap.json');
    expect(table(report).map((row) => row.expression)).toEqual(['MIT', 'ISC', 'GPL-3.0-only']);
  });

  it.each(['lock-v1', 'yarn-classic', 'yarn-berry', 'pnpm-v6'])('%s: the graph, but no licences, so unknown and never free', async (fixture) => {
    const report = await run(fixture);
    expect(table(report).map((row) => [row.id, row.scope, row.outcome, row.paths[0]])).toEqual([
      ['a@1.0.0', 'prod', 'unknown', 'locked-app > a'],
      ['b@2.0.0', 'prod', 'unknown', 'locked-app > a > b'],
      ['c@1.0.0', 'dev', 'unknown', 'locked-app > c'],
    ]);
    expect(codes(report)).toContain('npm-not-installed');
  });
});

describe('bad input never loses the scan', () => {
  it('reports each problem and scans the rest', async () => {
    const report = await run('broken');
    expect(codes(report)).toEqual([
      'licence-file-unreadable',
      'licence-missing',
      'licence-unlicensed',
      'npm-dependency-missing',
      'npm-lockfile-mismatch',
      'npm-manifest-invalid',
      'npm-symlink-broken',
    ]);
    expect(table(report).map((row) => [row.id, row.outcome])).toEqual([
      ['bad@unknown', 'unknown'],
      ['bin@1.0.0', 'unknown'],
      ['loop@1.0.0', 'free'],
      ['ok@1.1.0', 'free'],
      ['unlicensed@1.0.0', 'forbidden'], // UNLICENSED with no licence text: no licence granted
      ['weird@1.0.0', 'payback'],
    ]);
    const invalid = report.diagnostics.find((d) => d.code === 'npm-manifest-invalid')!;
    expect(invalid.location).toEqual({ file: 'node_modules/bad/package.json', line: 4, column: 20 });
    const missing = report.diagnostics.find((d) => d.code === 'npm-dependency-missing')!;
    expect(missing.location).toEqual({ file: 'package.json', line: 9 });
  });

  it('a project without dependencies is a plain yes, not an error', async () => {
    const report = await run('no-dependencies');
    expect(report.answer).toMatchObject({ ok: true, headline: 'Yes: the project declares no dependencies, so there is nothing to pay back for.' });
    expect(report.diagnostics).toEqual([]);
  });

  it('dependencies declared but neither installed nor locked cannot be scanned', async () => {
    const report = await scan('fixtures/demo-app', { profile, toolVersion: 'test', fs: { ...(await import('../../src/ecosystems/fs.js')).diskFs('fixtures/demo-app'), exists: async (path: string) => path === 'package.json', isDirectory: async () => false } });
    expect(codes(report)).toEqual(['no-sources']);
    expect(report.diagnostics[0]!.message).toContain('neither node_modules nor a lockfile');
  });

  it('an empty folder has nothing to scan', async () => {
    const report = await scan('fixtures/npm/hoisted/node_modules/.bin', { profile, toolVersion: 'test' });
    expect(codes(report)).toEqual(['no-sources']);
  });
});
