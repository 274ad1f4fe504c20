// The project's own patterns and settings: workspaces globs confined to the project and bounded,
// and the search for copyfair.yaml stopping where docs/config.md says.
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { braceExpansions, workspacePatternProblem } from '../../src/ecosystems/npm/workspace-patterns.js';
import { outcomeOf, scanJson } from './harness.js';
import { installed, temporaryFolder, writeTree } from './generate.js';

const workspaceTree = (patterns: unknown) =>
  writeTree(temporaryFolder(), {
    'package.json': JSON.stringify({ name: 'mono', private: true, workspaces: patterns }),
    'packages/web/package.json': JSON.stringify({ name: 'web', dependencies: { plain: '1.0.0' } }),
    ...installed('plain', '1.0.0', 'MIT'),
  });

describe('workspaces patterns', () => {
  const refused: [string, RegExp][] = [
    ['', /is empty/],
    ['/**', /is absolute/],
    ['../../../../elsewhere/*', /climbs out/],
    ['packages/../../*', /climbs out/],
    ['{1..100000}', /expands to over/],
    [`${'{a,b}'.repeat(20)}`, /expands to over/],
    ['C:\\Windows\\*', /is absolute/],
  ];
  for (const [pattern, problem] of refused) {
    it(`${JSON.stringify(pattern.slice(0, 30))} is a diagnostic, not followed; the good pattern still works`, async () => {
      const { report } = await scanJson(workspaceTree([pattern, 'packages/*']));
      const found = report.diagnostics.filter((d) => d.code === 'npm-workspace-pattern-invalid');
      expect(found).toHaveLength(1);
      expect(found[0]!.message).toMatch(problem);
      expect(found[0]!.location?.file).toBe('package.json');
      expect(outcomeOf(report, 'plain')).toBe('free');
    });
  }

  it('counts brace expansions without expanding them', () => {
    expect(braceExpansions('packages/*')).toBe(1);
    expect(braceExpansions('{a,b}/{c,d,e}')).toBe(6);
    expect(braceExpansions('{a,{b,c}}')).toBe(3);
    expect(braceExpansions('x{1..10}')).toBe(10);
    expect(braceExpansions('{1..1000000000}')).toBe(1_000_000_000);
    expect(workspacePatternProblem('apps/{web,api}')).toBeUndefined();
  });

  it('links inside packages/** that climb back up (up -> ..) end, and are not read twice', async () => {
    const dir = workspaceTree(['packages/**']);
    symlinkSync('..', join(dir, 'packages/web/up'));
    symlinkSync('../..', join(dir, 'packages/loop'));
    const { report, ms } = await scanJson(dir);
    expect(ms).toBeLessThan(5_000);
    expect(report.components.map((c) => c.name)).toEqual(['plain']);
  });

  it('a workspace linked to a folder outside the project is never read', async () => {
    const dir = workspaceTree(['packages/*']);
    const elsewhere = writeTree(temporaryFolder(), { 'package.json': JSON.stringify({ name: 'secret', dependencies: { plain: '1' } }) });
    symlinkSync(elsewhere, join(dir, 'packages/outside'));
    const { report, stdout } = await scanJson(dir);
    expect(report.diagnostics.map((d) => d.code)).toContain('npm-link-outside');
    expect(stdout).not.toContain('secret');
    expect(stdout).not.toContain(elsewhere);
  });
});

describe('copyfair.yaml above the project', () => {
  const nested = (repository: boolean) => {
    const top = temporaryFolder();
    if (repository) mkdirSync(join(top, '.git'));
    writeTree(top, {
      'copyfair.yaml': 'fail-on: []\nprofile:\n  entity: nonprofit\n',
      'app/package.json': JSON.stringify({ name: 'app', dependencies: { plain: '1.0.0' } }),
      ...Object.fromEntries(Object.entries(installed('plain', '1.0.0', 'MIT')).map(([path, text]) => [`app/${path}`, text])),
    });
    return join(top, 'app');
  };

  it('outside a repository, a copyfair.yaml in a parent folder is not applied', async () => {
    const { report } = await scanJson(nested(false));
    expect(report.project.config).toBeUndefined();
    expect(report.profile.entity).not.toBe('nonprofit');
  });

  it('inside a repository, it is applied up to the root, and every report names it', async () => {
    const app = nested(true);
    const { report } = await scanJson(app);
    expect(report.project.config).toBe('../copyfair.yaml');
    expect(report.profile.entity).toBe('nonprofit');
    const out = temporaryFolder();
    const { run } = await import('../cli/run.js');
    await run(['scan', app, '--format', 'text,markdown,sarif,junit', '--output-dir', out]);
    const { readFileSync } = await import('node:fs');
    for (const file of ['report.txt', 'report.md', 'report.sarif', 'report.junit.xml']) expect(readFileSync(join(out, file), 'utf8'), file).toContain('../copyfair.yaml');
  });
});
