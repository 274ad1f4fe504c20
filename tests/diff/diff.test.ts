// copyfair diff: each kind of BASE/HEAD (folders, lockfiles, SBOMs, git revisions of a repository
// made here in a temp folder), what a change introduces versus what was owed already, the
// headline, and the exit codes through the CLI.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { diff } from '../../src/diff/index.js';
import { cyclonedx } from '../../src/report/cyclonedx.js';
import { scan } from '../../src/scan/index.js';
import { built, run, spawnCli } from '../cli/run.js';
import { gitCalls } from '../helpers/git-calls.js';
import { writeTree } from '../hostile/generate.js';

const profile = { date: '2026-01-01' };
const HEAD = 'fixtures/demo-app';
const HEADLINE = 'This change adds 1 dependency to pay back: coop-widget 1.4.0 (PPL), via ui-kit.';
let tmp: string;
let base: string;

/** demo-app before ui-kit (and with it widgets and coop-widget, PPL) was added. */
function makeBase(dir: string): void {
  cpSync(HEAD, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  delete manifest.dependencies['ui-kit'];
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dependencies?: Record<string, string> }> };
  delete lock.packages['']!.dependencies!['ui-kit'];
  for (const name of ['ui-kit', 'widgets', 'coop-widget']) {
    delete lock.packages[`node_modules/${name}`];
    rmSync(join(dir, 'node_modules', name), { recursive: true, force: true });
  }
  writeFileSync(join(dir, 'package-lock.json'), `${JSON.stringify(lock, null, 2)}\n`);
}

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' } });

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'copyfair-diff-'));
  base = join(tmp, 'base');
  makeBase(base);
});

const options = () => ({ cwd: process.cwd(), profile, toolVersion: '0.0.0-test' });
const summary = (changes: { kind: string; name: string; introduces: boolean }[]) => changes.map((c) => `${c.kind} ${c.name}${c.introduces ? ' !' : ''}`);

describe('each kind of BASE and HEAD gives the same answer', () => {
  it('folders (installed trees)', async () => {
    const { diff: report } = await diff(base, HEAD, options());
    expect([report.base.kind, report.head.kind]).toEqual(['folder', 'folder']);
    expect(summary(report.changes)).toEqual(['added coop-widget !', 'added ui-kit', 'added widgets']);
    expect(report.headline.startsWith(`${HEADLINE} 2 dependencies already asked something before it`)).toBe(true);
    expect(report.existing.map((e) => e.name)).toEqual(['lgpl-thing', 'sneaky-mit']);
    const coop = report.changes[0]!;
    expect(coop.after).toEqual({ version: '1.4.0', expression: 'PPL', outcome: 'payback', scope: 'prod' });
    expect(coop.newObligations.map((o) => `${o.kind} ${o.section}`)).toEqual(['pay §4(d)']);
    expect(coop.path).toEqual(['demo-app', 'ui-kit', 'widgets', 'coop-widget']);
    expect(coop.payTo).toEqual(['https://coop-widget.example.coop/licensing']);
  });

  it('lockfiles (read with their manifest, nothing else)', async () => {
    const { diff: report } = await diff(join(base, 'package-lock.json'), `${HEAD}/package-lock.json`, options());
    expect([report.base.kind, report.head.kind]).toEqual(['lockfile', 'lockfile']);
    expect(summary(report.changes)).toEqual(['added coop-widget !', 'added ui-kit', 'added widgets']);
    // Without node_modules the Commons Clause in sneaky-mit's LICENSE cannot be seen: only lgpl-thing was owed.
    expect(report.headline).toBe(`${HEADLINE} 1 dependency already asked something before it (not this change's doing).`);
  });

  it('SBOMs: copyfair’s own for BASE, cyclonedx-npm’s for HEAD', async () => {
    writeFileSync(join(tmp, 'base.cdx.json'), cyclonedx(await scan(base, { profile, toolVersion: '0.0.0-test' }), { color: false, failOn: [] }));
    const { diff: report } = await diff(join(tmp, 'base.cdx.json'), 'fixtures/sbom/cyclonedx-npm/demo-app.cdx.json', options());
    expect([report.base.kind, report.head.kind]).toEqual(['sbom', 'sbom']);
    // cyclonedx-npm marks no dev scope, so the GPL build tool changes from dev (free) to shipped.
    expect(summary(report.changes)).toEqual(['added coop-widget !', 'added ui-kit', 'added widgets', 'changed gpl-build-tool !']);
    expect(report.changes[3]).toMatchObject({ what: ['outcome', 'scope'], before: { outcome: 'free', scope: 'dev' }, after: { outcome: 'share-alike', scope: 'prod' } });
  });

  it('a version bump that changes the licence is one change, with the outcome before and after', async () => {
    const bom = JSON.parse(readFileSync('fixtures/sbom/cyclonedx-npm/demo-app.cdx.json', 'utf8')) as { components: { name: string; version: string; purl: string; licenses: unknown[]; evidence?: unknown }[] };
    const widgets = bom.components.find((c) => c.name === 'widgets')!;
    Object.assign(widgets, { version: '5.0.0', purl: 'pkg:npm/widgets@5.0.0', licenses: [{ license: { id: 'GPL-3.0-only' } }], evidence: undefined });
    writeFileSync(join(tmp, 'bumped.cdx.json'), JSON.stringify(bom));
    const { diff: report } = await diff('fixtures/sbom/cyclonedx-npm/demo-app.cdx.json', join(tmp, 'bumped.cdx.json'), options());
    expect(report.changes).toEqual([expect.objectContaining({ kind: 'changed', name: 'widgets', what: ['version', 'licence', 'outcome'], introduces: true, before: expect.objectContaining({ version: '4.1.0', outcome: 'free' }), after: expect.objectContaining({ version: '5.0.0', expression: 'GPL-3.0-only', outcome: 'share-alike' }) })]);
    expect(report.headline).toMatch(/^This change adds 1 dependency to give back code for: widgets 5\.0\.0 \(GPL-3\.0-only\), via ui-kit, was free at 4\.1\.0\./);
  });

  it('git revisions of a repository, read from the object store without touching the work tree', async () => {
    const repo = join(tmp, 'repo');
    cpSync(base, repo, { recursive: true });
    git(repo, 'init', '-q');
    writeFileSync(join(repo, '.gitignore'), 'node_modules\n');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'base');
    for (const file of ['package.json', 'package-lock.json']) cpSync(join(HEAD, file), join(repo, file));
    git(repo, 'commit', '-qam', 'add ui-kit');
    git(repo, 'checkout', '-q', 'HEAD~1', '--', 'package.json');
    const before = git(repo, 'status', '--porcelain');
    const { diff: report } = await diff('HEAD~1', 'HEAD', { ...options(), cwd: repo });
    expect([report.base.kind, report.head.kind]).toEqual(['git', 'git']);
    expect(summary(report.changes)).toEqual(['added coop-widget !', 'added ui-kit', 'added widgets']);
    expect(report.headline.startsWith(HEADLINE)).toBe(true);
    expect(git(repo, 'status', '--porcelain')).toBe(before);
  });

  it("a revision's project files are read in a few git processes, however many there are", async () => {
    // A workspace of sixty packages: a git process per file would be some 120 for the two sides.
    const repo = join(tmp, 'monorepo');
    const workspaces = Array.from({ length: 60 }, (_, i) => `packages/p${i}`);
    const lock = { name: 'mono', lockfileVersion: 3, requires: true, packages: { '': { name: 'mono', workspaces: ['packages/*'] } } as Record<string, object> };
    workspaces.forEach((folder, i) => {
      lock.packages[folder] = { name: `p${i}`, version: '1.0.0', license: 'MIT', dependencies: { [`dep-${i}`]: '1.0.0' } };
      lock.packages[`node_modules/p${i}`] = { resolved: folder, link: true };
      lock.packages[`node_modules/dep-${i}`] = { version: '1.0.0', license: i % 2 === 0 ? 'MIT' : 'ISC' };
    });
    writeTree(repo, {
      'package.json': JSON.stringify({ name: 'mono', private: true, workspaces: ['packages/*'] }),
      'package-lock.json': JSON.stringify(lock),
      ...Object.fromEntries(workspaces.map((folder, i) => [`${folder}/package.json`, JSON.stringify({ name: `p${i}`, version: '1.0.0', license: 'MIT', dependencies: { [`dep-${i}`]: '1.0.0' } })])),
      'packages/p0/README.md': 'not a project file',
    });
    git(repo, 'init', '-q');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'all');
    // Every git process the diff starts, written down by a git that stands in front of the real one.
    const { value: result, calls } = await gitCalls(tmp, () => diff('HEAD', '.', { ...options(), cwd: repo }));
    // The revision's files read as they are on disk: the same sixty dependencies, no change.
    expect(result.likeForLike).toBe(true);
    expect(result.head.components.filter((c) => c.name.startsWith('dep-'))).toHaveLength(60);
    expect(result.diff.changes).toEqual([]);
    expect(calls.length, calls.join('; ')).toBeLessThanOrEqual(12);
  });

  it("a revision's workspaces are its own, not the work tree's: one only HEAD has, one only BASE had", async () => {
    // The work tree stays on main, where packages/new does not exist and packages/old does; the
    // feature branch adds packages/new, which brings in a PPL package, and removes packages/old.
    const repo = join(tmp, 'workspaces');
    const workspace = (name: string, dependency: string) => ({
      [`packages/${name}/package.json`]: JSON.stringify({ name, version: '1.0.0', license: 'MIT', dependencies: { [dependency]: '1.0.0' } }),
    });
    const lock = (names: [string, string, string][]) => {
      const packages: Record<string, object> = { '': { name: 'mono', workspaces: ['packages/*'] } };
      for (const [name, dependency, licence] of names) {
        packages[`packages/${name}`] = { name, version: '1.0.0', license: 'MIT', dependencies: { [dependency]: '1.0.0' } };
        packages[`node_modules/${name}`] = { resolved: `packages/${name}`, link: true };
        packages[`node_modules/${dependency}`] = { version: '1.0.0', license: licence };
      }
      return JSON.stringify({ name: 'mono', lockfileVersion: 3, requires: true, packages });
    };
    writeTree(repo, {
      'package.json': JSON.stringify({ name: 'mono', private: true, workspaces: ['packages/*'] }),
      'package-lock.json': lock([['kept', 'kept-dep', 'MIT'], ['old', 'old-coop', 'PPL']]),
      ...workspace('kept', 'kept-dep'),
      ...workspace('old', 'old-coop'),
    });
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'main');
    git(repo, 'checkout', '-qb', 'feature');
    git(repo, 'rm', '-rq', 'packages/old');
    writeTree(repo, { 'package-lock.json': lock([['kept', 'kept-dep', 'MIT'], ['new', 'new-coop', 'PPL']]), ...workspace('new', 'new-coop') });
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'feature');
    git(repo, 'checkout', '-q', 'main');
    const { diff: report } = await diff('main', 'feature', { ...options(), cwd: repo });
    expect(summary(report.changes)).toEqual(['added new-coop !', 'removed old-coop']);
    expect(report.headline).toMatch(/^This change adds 1 dependency to pay back: new-coop 1\.0\.0 \(PPL\)\./);
    // And the other way round, the work tree on the feature branch.
    git(repo, 'checkout', '-q', 'feature');
    const { diff: back } = await diff('feature', 'main', { ...options(), cwd: repo });
    expect(summary(back.changes)).toEqual(['added old-coop !', 'removed new-coop']);
  });

  it('a revision against an installed folder compares like with like (project files only)', async () => {
    const repo = join(tmp, 'same');
    cpSync(HEAD, repo, { recursive: true });
    git(repo, 'init', '-q');
    writeFileSync(join(repo, '.gitignore'), 'node_modules\n');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'all');
    const result = await diff('HEAD', '.', { ...options(), cwd: repo });
    expect(result.likeForLike).toBe(true);
    expect(result.diff.changes).toEqual([]);
    expect(result.diff.headline).toMatch(/^This change adds nothing to what you owe \(0 added, 0 removed, 0 changed\)\./);
  });
});

describe('through the CLI', () => {
  // Lockfiles: the same answer as the folders, without identifying licence files each time.
  const BEFORE = 'fixtures/diff/before-ui-kit/package-lock.json';
  const AFTER = `${HEAD}/package-lock.json`;

  it('exits 1 for a new outcome in --fail-on, and shows the headline', async () => {
    const result = await run(['diff', BEFORE, AFTER, '--date', '2026-01-01']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('This change adds 1 dependency to pay back: coop-widget 1.4.0 (PPL), via');
    expect(result.stdout).toMatch(/^! added coop-widget 1\.4\.0 PPL: payback$/m);
  });

  it('exits 0 when what fails was there already, unless --fail-on-existing', async () => {
    const result = await run(['diff', AFTER, AFTER, '--date', '2026-01-01']);
    expect([result.code, result.stdout.replace(/\s+/g, ' ')]).toEqual([0, expect.stringContaining('This change adds nothing to what you owe (0 added, 0 removed, 0 changed). 2 dependencies already asked something before it')]);
    expect((await run(['diff', AFTER, AFTER, '--date', '2026-01-01', '--fail-on-existing'])).code).toBe(1);
    // Before ui-kit only the LGPL library asked something, and share-alike is not in the default --fail-on.
    expect((await run(['diff', BEFORE, BEFORE, '--date', '2026-01-01', '--fail-on-existing'])).code).toBe(0);
    expect((await run(['diff', BEFORE, BEFORE, '--date', '2026-01-01', '--fail-on-existing', '--fail-on', 'share-alike'])).code).toBe(1);
    expect((await run(['diff', BEFORE, AFTER, '--date', '2026-01-01', '--fail-on', 'forbidden'])).code).toBe(0);
  });

  it('removing the dependency adds nothing: exit 0', async () => {
    const result = await run(['diff', AFTER, BEFORE, '--date', '2026-01-01']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ {2}removed coop-widget 1\.4\.0 PPL: payback$/m);
  });

  it('Markdown for a pull-request comment: short, the detail folded', async () => {
    const result = await run(['diff', BEFORE, AFTER, '--date', '2026-01-01', '--format', 'markdown']);
    const [visible, folded] = result.stdout.split('<details>');
    expect(visible).toContain('### ❌ copyfair: This change adds 1 dependency to pay back');
    expect(visible).toContain('| coop-widget | — | **1.4.0 PPL: payback** | ui-kit &gt; widgets | — |');
    expect(visible!.split('\n').length).toBeLessThan(10);
    expect(folded).toContain('**Already owed before this change**');
    expect(folded).toContain('</details>');
  });

  it('a BASE that is nothing copyfair can read is a usage error (exit 2)', async () => {
    const result = await run(['diff', 'no-such-thing-or-revision', HEAD]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no-such-thing-or-revision is neither a file, a folder nor a revision/);
    expect((await run(['diff', 'fixtures/demo-app/index.js', HEAD])).stderr).toMatch(/neither a lockfile .* nor a CycloneDX or SPDX JSON SBOM/);
  });

  it.runIf(built)('--base with a git revision, from inside the repository (the built CLI)', () => {
    git(join(tmp, 'repo'), 'checkout', '-q', 'HEAD', '--', 'package.json');
    const result = spawnCli(['diff', '--base', 'HEAD~1', '--date', '2026-01-01'], join(tmp, 'repo'));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('HEAD~1 (git, 5 dependencies) → . (folder');
  });
});

it('the text report lets no control character from a package name reach the terminal', async () => {
  const { compare } = await import('../../src/diff/compare.js');
  const { diffText } = await import('../../src/report/diff/text.js');
  const report = await scan('fixtures/diff/before-ui-kit', { profile, toolVersion: '0.0.0-test' });
  const hostile = structuredClone(report);
  hostile.components[0]!.name = 'evil\u001b[2J\u0007';
  const text = diffText(compare({ base: { label: 'a', kind: 'folder', report }, head: { label: 'b', kind: 'folder', report: hostile } }), { color: false, failOn: [] });
  expect(text).toContain('evil\uFFFD[2J\uFFFD');
  expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
});
