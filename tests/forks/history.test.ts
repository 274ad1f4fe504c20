// `copyfair history` on real git repositories built in a temporary folder: a project relicensed
// MPL-2.0 → BUSL-1.1, a licence text edited without changing the licence, a manifest that
// disagrees with the licence file, a monorepo package followed with --path-filter.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GitRepo } from '../../src/git/repo.js';
import { EvidenceReader } from '../../src/history/evidence.js';
import { licenceHistory, nameOf } from '../../src/history/timeline.js';
import { loadKnowledgeBase } from '../../src/kb/index.js';
import { renderHistory } from '../../src/report/history.js';
import { run } from '../cli/run.js';
import { buslText, createRepo, licenceText, type TestRepo } from './git.js';

const kb = loadKnowledgeBase();
const today = '2026-12-03';
const mit = (holder: string, year = 2020) => licenceText('MIT').replace('<year>', String(year)).replace('<copyright holders>', holder);

describe('a project relicensed from MPL-2.0 to BUSL-1.1', () => {
  let repo: TestRepo;
  const sha: Record<string, string> = {};
  beforeAll(() => {
    repo = createRepo();
    sha.first = repo.commit({ LICENSE: licenceText('MPL-2.0'), 'main.go': 'package main\n' }, 'first', { date: '2021-01-05T10:00:00Z' });
    sha.lastMpl = repo.commit({ 'main.go': 'package main\n\n// work\n' }, 'work', { date: '2023-08-09T10:00:00Z' });
    sha.busl = repo.commit({ LICENSE: buslText('2027-08-10') }, 'Move to the BUSL', { date: '2023-08-10T10:00:00Z', author: 'Legal Team <legal@big.example>' });
    sha.tip = repo.commit({ 'main.go': 'package main\n\n// more\n' }, 'more', { date: '2023-09-01T10:00:00Z' });
  });
  afterAll(() => repo.remove());

  it('has two periods, each from its first commit to its last, with who changed it', () => {
    const report = licenceHistory(GitRepo.open(repo.dir), { kb, today });
    expect(report.periods.map((p) => [p.expression, p.from.sha, p.to.sha])).toEqual([
      ['MPL-2.0', sha.first, sha.lastMpl],
      ['BUSL-1.1', sha.busl, sha.tip],
    ]);
    expect(report.periods[1]!.from).toMatchObject({ author: 'Legal Team', email: 'legal@big.example', date: '2023-08-10' });
    expect(report.periods[1]!.parameters['BUSL-1.1']).toMatchObject({ changeDate: '2027-08-10', changeLicense: 'MPL-2.0', licensor: 'HashiCorp, Inc.', additionalUseGrant: 'None' });
  });

  it('says what a fork from each period may use, and when the BUSL commits become MPL-2.0', () => {
    const facts = licenceHistory(GitRepo.open(repo.dir), { kb, today }).facts.map((f) => f.text);
    expect(facts).toContain(`The last commit under MPL-2.0 is ${sha.lastMpl!.slice(0, 7)} (2023-08-09): a fork from there or earlier may use MPL-2.0. Legal Team changed it to BUSL-1.1 in ${sha.busl!.slice(0, 7)} (2023-08-10).`);
    expect(facts.find((f) => f.startsWith(`From ${sha.busl!.slice(0, 7)} (2023-08-10) the project is under BUSL-1.1, Change Date 2027-08-10, Change License MPL-2.0: those commits may be used under MPL-2.0 from that date.`))).toBeDefined();
    const later = licenceHistory(GitRepo.open(repo.dir), { kb, today: '2027-09-01' }).facts.map((f) => f.text);
    expect(later.some((f) => f.includes('from that date (it has passed)'))).toBe(true);
  });

  it('reads history up to an earlier revision', () => {
    const report = licenceHistory(GitRepo.open(repo.dir), { kb, today, revision: sha.lastMpl });
    expect(report.periods.map((p) => p.expression)).toEqual(['MPL-2.0']);
    expect(report.facts.at(-1)!.text).toContain('under MPL-2.0, as it has been since its first commit');
  });

  it('renders text, Markdown and JSON', () => {
    const report = licenceHistory(GitRepo.open(repo.dir), { kb, today });
    expect(renderHistory(report, 'text')).toMatch(/^Licence history of the project up to [0-9a-f]{7} \(2023-09-01\): 2 periods\./);
    expect(renderHistory(report, 'markdown')).toContain('| from | to | licence | changed by | evidence |');
    expect(JSON.parse(renderHistory(report, 'json'))).toEqual(JSON.parse(JSON.stringify(report)));
  });

  it('works through the CLI, and is the same twice (deterministic)', async () => {
    const first = await run(['history', repo.dir, '--format', 'json', '--date', today]);
    const second = await run(['history', repo.dir, '--format', 'json', '--date', today]);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(second.stdout);
    expect(JSON.parse(first.stdout).periods).toHaveLength(2);
  });
});

describe('what else history flags', () => {
  it('a licence text edited without changing the licence, but not a new copyright year', () => {
    const repo = createRepo();
    try {
      repo.commit({ LICENSE: mit('Ada Lovelace', 2020) }, 'first');
      repo.commit({ LICENSE: mit('Ada Lovelace', 2021) }, 'new year');
      const edit = repo.commit({ LICENSE: `${mit('Ada Lovelace', 2021)}\nThe Software shall not be used by the military.\n` }, 'edit the terms', { author: 'Eve <eve@example.org>' });
      const report = licenceHistory(GitRepo.open(repo.dir), { kb, today });
      const edits = report.periods.flatMap((p) => p.edits);
      // The added sentence makes the text no longer plain MIT (a new period) or an edit within one.
      const flagged = edits.some((e) => e.sha === edit) || report.periods.some((p) => p.from.sha === edit);
      expect(flagged).toBe(true);
      expect(edits.map((e) => e.sha)).not.toContain(report.periods[0]!.from.sha);
    } finally {
      repo.remove();
    }
  });

  it('an edit that keeps the licence is a fact of its own', () => {
    const repo = createRepo();
    try {
      repo.commit({ LICENSE: mit('Ada Lovelace') }, 'first');
      const edit = repo.commit({ LICENSE: mit('Ada Lovelace').replace('Permission is hereby granted', 'Permission is hereby  granted').replace('THE SOFTWARE IS PROVIDED "AS IS"', 'THE SOFTWARE IS PROVIDED “AS IS”') + '\n\nSee AUTHORS for the contributors.\n' }, 'edit', { author: 'Eve <eve@example.org>' });
      const report = licenceHistory(GitRepo.open(repo.dir), { kb, today });
      expect(report.periods).toHaveLength(1);
      expect(report.periods[0]!.edits.map((e) => [e.sha, e.author, e.files])).toEqual([[edit, 'Eve', ['LICENSE']]]);
      expect(report.facts.some((f) => f.kind === 'text-edited' && f.text.startsWith(`LICENSE was edited in ${edit.slice(0, 7)}`))).toBe(true);
    } finally {
      repo.remove();
    }
  });

  it('a manifest that disagrees with the licence file', () => {
    const repo = createRepo();
    try {
      repo.commit({ LICENSE: licenceText('Apache-2.0'), 'package.json': JSON.stringify({ name: 'x', license: 'MIT' }) }, 'first');
      const report = licenceHistory(GitRepo.open(repo.dir), { kb, today });
      expect(report.periods[0]!.mismatches).toEqual([{ file: 'LICENSE', declared: 'MIT', found: 'Apache-2.0' }]);
      expect(report.facts.some((f) => f.kind === 'mismatch' && f.text.includes('declares MIT but LICENSE is Apache-2.0'))).toBe(true);
    } finally {
      repo.remove();
    }
  });

  it('follows one package of a monorepo with --path-filter, and reads Cargo.toml and REUSE files', async () => {
    const repo = createRepo();
    try {
      repo.commit({ LICENSE: licenceText('MIT'), 'crates/core/Cargo.toml': '[package]\nname = "core"\nlicense = "MIT/Apache-2.0"\n' }, 'first');
      repo.commit({ 'crates/core/Cargo.toml': '[package]\nname = "core"\nlicense = "AGPL-3.0-only"\n' }, 'relicense core');
      repo.commit({ 'REUSE.toml': 'version = 1\n[[annotations]]\npath = "**"\nSPDX-License-Identifier = "MIT"\n' }, 'reuse');
      const followed = licenceHistory(GitRepo.open(repo.dir), { kb, today, path: 'crates/core' });
      expect(followed.periods.map((p) => p.expression)).toEqual(['MIT OR Apache-2.0', 'AGPL-3.0-only']);
      const root = licenceHistory(GitRepo.open(repo.dir), { kb, today });
      expect(root.periods.map((p) => p.expression)).toEqual(['MIT']);
      expect(root.periods[0]!.manifests).toEqual([]);
      const cli = await run(['history', repo.dir, '--path-filter', 'crates/core', '--format', 'json', '--date', today]);
      expect(JSON.parse(cli.stdout).periods).toHaveLength(2);
    } finally {
      repo.remove();
    }
  });

  it("a monorepo package whose LICENSE links to the root's is relicensed when the root's LICENSE is, at that commit", () => {
    // The link itself never changes: only what it leads to. Read as MIT to the end, this was a wrong `free`.
    const repo = createRepo();
    try {
      repo.commit({ LICENSE: mit('Acme'), 'packages/foo/package.json': '{"name":"foo"}\n' }, 'first');
      repo.link('packages/foo/LICENSE', '../../LICENSE');
      const linked = repo.commit({}, 'link the licence');
      repo.commit({ 'packages/foo/index.js': '1\n' }, 'work');
      const busl = repo.commit({ LICENSE: buslText('2030-01-01') }, 'relicense the monorepo');
      repo.commit({ 'packages/foo/index.js': '2\n' }, 'more work');
      const report = licenceHistory(GitRepo.open(repo.dir), { kb, today, path: 'packages/foo' });
      expect(report.periods.map((p) => [p.expression, p.from.sha])).toEqual([
        [null, expect.any(String)],
        ['MIT', linked],
        ['BUSL-1.1', busl],
      ]);
    } finally {
      repo.remove();
    }
  });

  it("a monorepo package's LICENSE linked to the root's is read as the root's; a link out of the repository or a binary file is no proof of no licence", () => {
    const repo = createRepo();
    try {
      repo.commit({ LICENSE: licenceText('Apache-2.0'), 'packages/foo/package.json': '{"name":"foo"}\n' }, 'first');
      repo.link('packages/foo/LICENSE', '../../LICENSE');
      repo.commit({}, 'link the licence');
      repo.link('packages/foo/LICENSE', '/etc/hostname');
      repo.commit({}, 'a link out');
      const report = licenceHistory(GitRepo.open(repo.dir), { kb, today, path: 'packages/foo' });
      expect(report.periods.map((p) => p.expression)).toEqual([null, 'Apache-2.0', null]);
      expect(report.periods.map((p) => nameOf(p))).toEqual(['no licence', 'Apache-2.0', 'a licence copyfair cannot identify']);
      expect(report.periods[2]!.unknown).toEqual(['packages/foo/LICENSE is a link to a place outside the repository and was not read']);
      expect(report.facts.filter((fact) => fact.kind === 'no-licence')).toHaveLength(1); // the first commit's, before any licence file
      // A link git holds with a target no file system could (a NUL in it): leads nowhere, read as such.
      const blob = execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: repo.dir, input: 'a\u0000b', encoding: 'utf8' }).trim();
      repo.git('update-index', '--add', '--cacheinfo', `120000,${blob},packages/foo/LICENSE`);
      repo.commit({}, 'a crafted link');
      const git = GitRepo.open(repo.dir);
      expect(() => licenceHistory(git, { kb, today, path: 'packages/foo' })).not.toThrow();
      expect(new EvidenceReader(git, kb, 'packages/foo').state(git.resolve('HEAD')).unknown).toEqual(['packages/foo/LICENSE is a link to no file of the repository and was not read']);
    } finally {
      repo.remove();
    }
    const binary = createRepo();
    try {
      binary.commit({ LICENSE: '\u0000\u0001 a binary licence file' }, 'first');
      const report = licenceHistory(GitRepo.open(binary.dir), { kb, today });
      expect(report.periods.map((p) => nameOf(p))).toEqual(['a licence copyfair cannot identify']);
      expect(report.facts.some((fact) => fact.kind === 'no-licence')).toBe(false);
    } finally {
      binary.remove();
    }
  });

  it('a project with no licence says so', () => {
    const repo = createRepo();
    try {
      repo.commit({ 'main.c': 'int main(void) { return 0; }\n' }, 'first');
      const report = licenceHistory(GitRepo.open(repo.dir), { kb, today });
      expect(report.periods.map((p) => p.expression)).toEqual([null]);
      expect(report.facts[0]!.text).toMatch(/states no licence: nobody may copy or fork it/);
    } finally {
      repo.remove();
    }
  });

  it('outside a repository, or with a revision that names nothing: exit 2 with what to do', async () => {
    const repo = createRepo();
    try {
      repo.commit({ LICENSE: licenceText('MIT') }, 'first');
      const bad = await run(['history', repo.dir, '--revision', 'no-such-branch']);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/"no-such-branch" names no commit/);
      const outside = await run(['history', '/']);
      expect(outside.code).toBe(2);
      expect(outside.stderr).toMatch(/not inside a git repository/);
    } finally {
      repo.remove();
    }
  });
});

describe("a commit's evidence", () => {
  it('is the folder’s own files, LICENSES/* and .reuse/dep5, read without listing the whole tree', () => {
    const repo = createRepo();
    try {
      repo.commit(
        {
          LICENSE: licenceText('MIT'),
          'LICENSES/Apache-2.0.txt': licenceText('Apache-2.0'),
          'LICENSES/nested/GPL-3.0-only.txt': licenceText('GPL-3.0-only'),
          '.reuse/dep5': 'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n',
          '.reuse/other': 'x\n',
          'package.json': '{"name": "root", "license": "MIT"}\n',
          'src/LICENSE': licenceText('GPL-3.0-only'),
          'src/deep/COPYING': licenceText('GPL-3.0-only'),
          'packages/foo/LICENSE': licenceText('ISC'),
          'packages/foo/LICENSES/MIT.txt': licenceText('MIT'),
          'packages/foo/lib/NOTICE': 'not the package’s own\n',
          'packages/foo/index.js': 'export {};\n',
        },
        'first',
      );
      const git = GitRepo.open(repo.dir);
      const head = git.resolve('HEAD');
      const whole = vi.spyOn(git, 'tree');
      try {
        expect(new EvidenceReader(git, kb).entries(head).map((entry) => entry.path)).toEqual(['.reuse/dep5', 'LICENSE', 'LICENSES/Apache-2.0.txt', 'package.json']);
        expect(new EvidenceReader(git, kb, 'packages/foo').entries(head).map((entry) => entry.path)).toEqual(['packages/foo/LICENSE', 'packages/foo/LICENSES/MIT.txt']);
        expect(whole).not.toHaveBeenCalled();
      } finally {
        whole.mockRestore();
      }
    } finally {
      repo.remove();
    }
  });
});
