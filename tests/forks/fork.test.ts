// `copyfair fork` on real git repositories built in a temporary folder, one per case of the issue:
// MPL-2.0 → BUSL-1.1 with forks before and after, a cherry-picked BUSL-era commit, a PPL fork
// relabelled MIT, GPL-2.0-or-later forked under GPL-3.0 and Apache-2.0, stripped headers, a
// dropped NOTICE. The upstream is branch `main`; each fork is a branch.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditFork, type ForkReport } from '../../src/fork/audit.js';
import { GitRepo } from '../../src/git/repo.js';
import { loadKnowledgeBase } from '../../src/kb/index.js';
import { renderFork } from '../../src/report/fork.js';
import { run } from '../cli/run.js';
import { gitCalls } from '../helpers/git-calls.js';
import { buslText, createRepo, licenceText, type TestRepo } from './git.js';

const kb = loadKnowledgeBase();
const today = '2026-12-03';
const audit = (repo: TestRepo, head: string, date = today): ForkReport => auditFork(GitRepo.open(repo.dir), { upstream: 'main', upstreamName: 'main', head, kb, today: date });
const kinds = (report: ForkReport) => report.problems.map((problem) => problem.kind);

describe('a project relicensed MPL-2.0 → BUSL-1.1', () => {
  let repo: TestRepo;
  const sha: Record<string, string> = {};
  beforeAll(() => {
    repo = createRepo();
    sha.first = repo.commit({ LICENSE: licenceText('MPL-2.0'), 'main.go': 'package main\n' }, 'first', { date: '2021-01-05T10:00:00Z' });
    sha.lastMpl = repo.commit({ 'main.go': 'package main\n\nfunc a() {}\n' }, 'a', { date: '2023-08-09T10:00:00Z' });
    sha.busl = repo.commit({ LICENSE: buslText('2027-08-10') }, 'Move to the BUSL', { date: '2023-08-10T10:00:00Z' });
    sha.feature = repo.commit({ 'feature.go': 'package main\n\nfunc feature() { println("busl era") }\n' }, 'a feature under the BUSL', { date: '2023-09-01T10:00:00Z' });
    // A fork from the last MPL commit, which keeps MPL-2.0.
    repo.git('branch', 'fork-before', sha.lastMpl!);
    repo.git('checkout', '-q', 'fork-before');
    repo.commit({ 'fork.go': 'package main\n\nfunc fork() {}\n' }, 'fork work', { date: '2023-09-05T10:00:00Z' });
    // The same fork, taking the BUSL-era feature by cherry-pick.
    repo.git('checkout', '-q', '-b', 'fork-picks');
    repo.pick(sha.feature!, { author: 'Fork <fork@example.org>', date: '2023-09-06T10:00:00Z' });
    // A fork from after the change, that relabels itself MPL-2.0.
    repo.git('checkout', '-q', '-b', 'fork-after', sha.feature!);
    repo.commit({ LICENSE: licenceText('MPL-2.0') }, 'we are MPL', { date: '2023-09-10T10:00:00Z' });
    repo.git('checkout', '-q', 'main');
  });
  afterAll(() => repo.remove());

  it('a fork from before the change keeps the terms, and hears of the relicensing after it', () => {
    const report = audit(repo, 'fork-before');
    expect(report.answer).toEqual({ ok: true, headline: `Yes: this fork keeps the terms of upstream at ${sha.lastMpl!.slice(0, 7)} (MPL-2.0).` });
    expect(report.forkPoint.sha).toBe(sha.lastMpl);
    expect(report.upstream.relicensings.map((r) => [r.from.sha, r.expression])).toEqual([[sha.busl, 'BUSL-1.1']]);
    expect(report.upstream.now).toBe('BUSL-1.1');
  });

  it('a fork from after the change may not relabel BUSL code as MPL-2.0 before the Change Date', () => {
    const report = audit(repo, 'fork-after');
    expect(report.upstream.atForkPoint).toBe('BUSL-1.1');
    expect(kinds(report)).toEqual(['licence-not-allowed']);
    expect(report.problems[0]!.message).toContain('may only carry BUSL-1.1');
    expect(report.answer.headline).toBe(`No: 1 problem with the terms of upstream at ${sha.feature!.slice(0, 7)} (BUSL-1.1).`);
  });

  it('after the Change Date the same fork may use the Change License', () => {
    const report = audit(repo, 'fork-after', '2027-08-10');
    expect(report.upstream.atForkPoint).toBe('MPL-2.0');
    expect(report.answer.ok).toBe(true);
  });

  it('a fork that cherry-picks a BUSL-era commit is told which one', () => {
    const report = audit(repo, 'fork-picks');
    expect(kinds(report)).toEqual(['taken-after-relicensing']);
    expect(report.problems[0]!.upstreamCommit).toBe(sha.feature);
    expect(report.problems[0]!.message).toMatch(new RegExp(`repeats upstream commit ${sha.feature!.slice(0, 7)}, made after the upstream moved to BUSL-1.1`));
  });

  it('is read in a git process a step, not one a commit asked for', async () => {
    // Resolving and reading a commit is one `git log`; the three states the audit starts from are
    // listed and read together (cat-file: trees, then blobs); the upstream's history is a
    // `rev-list`, its trees, its commits and the blobs not yet read; whether the two periods came
    // after the fork point a `merge-base` each; both sides' patch ids one `log -p` and one `patch-id`.
    const scratch = mkdtempSync(join(tmpdir(), 'copyfair-fork-calls-'));
    try {
      const { value: report, calls } = await gitCalls(scratch, () => audit(repo, 'fork-picks'));
      expect(kinds(report)).toEqual(['taken-after-relicensing']);
      const subcommand = (call: string) => call.split(' ').find((word, i, words) => !word.startsWith('-') && words[i - 1] !== '-c')!;
      expect(calls.map(subcommand)).toEqual([
        ...['rev-parse', 'log', 'log', 'merge-base', 'log', 'cat-file', 'cat-file'],
        ...['rev-list', 'cat-file', 'log', 'cat-file', 'merge-base', 'merge-base'],
        ...['diff-tree', 'ls-tree', 'ls-tree'],
        ...['log', 'log', 'log', 'patch-id'],
      ]);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('through the CLI: exit 1 with a problem, 0 without; the upstream may be another clone', async () => {
    const bad = await run(['fork', repo.dir, '--upstream', 'main', '--head', 'fork-picks', '--date', today]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^No: 1 problem/);
    const good = await run(['fork', repo.dir, '--upstream', 'main', '--head', 'fork-before', '--date', today]);
    expect(good.code).toBe(0);
    // The fork as a clone of its own, the upstream named by path: nothing is fetched or written.
    const clone = mkdtempSync(join(tmpdir(), 'copyfair-fork-clone-'));
    try {
      execFileSync('git', ['clone', '-q', '--no-local', '--branch', 'fork-picks', repo.dir, clone]);
      execFileSync('git', ['-C', clone, 'remote', 'remove', 'origin']);
      const refsBefore = execFileSync('git', ['-C', clone, 'for-each-ref'], { encoding: 'utf8' });
      const byPath = await run(['fork', clone, '--upstream', repo.dir, '--date', today, '--format', 'json']);
      expect(byPath.code).toBe(1);
      expect(JSON.parse(byPath.stdout).problems.map((p: { kind: string }) => p.kind)).toEqual(['taken-after-relicensing']);
      expect(execFileSync('git', ['-C', clone, 'for-each-ref'], { encoding: 'utf8' })).toBe(refsBefore);
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  });

  it('an upstream that names nothing, or no shared history: exit 2 with what to do', async () => {
    const missing = await run(['fork', repo.dir, '--upstream', 'upstream/main']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/"upstream\/main" names no commit .*git fetch upstream/);
    const other = createRepo();
    try {
      other.commit({ LICENSE: licenceText('MIT') }, 'unrelated');
      const unrelated = await run(['fork', repo.dir, '--upstream', other.dir]);
      expect(unrelated.code).toBe(2);
      expect(unrelated.stderr).toMatch(/share no history/);
    } finally {
      other.remove();
    }
  });
});

describe('licences of forks', () => {
  let repo: TestRepo;
  beforeAll(() => {
    repo = createRepo();
    repo.commit({ LICENSE: licenceText('PPL'), 'app.js': 'export const app = 1;\n' }, 'a PPL project');
    repo.git('checkout', '-q', '-b', 'relabelled-mit');
    repo.commit({ LICENSE: licenceText('MIT').replace('<year>', '2024').replace('<copyright holders>', 'Fork Inc.') }, 'relabel as MIT');
    repo.git('checkout', '-q', 'main');
  });
  afterAll(() => repo.remove());

  it('a PPL project whose fork relabels itself MIT', () => {
    const report = audit(repo, 'relabelled-mit');
    expect(report.upstream.atForkPoint).toBe('PPL');
    expect(report.fork.expression).toBe('MIT');
    expect(kinds(report)).toEqual(['licence-not-allowed']);
    expect(report.problems[0]!.message).toContain('Peer Production License §4(b)');
  });
});

describe('a GPL-2.0-or-later project', () => {
  let repo: TestRepo;
  beforeAll(() => {
    repo = createRepo();
    repo.commit({ COPYING: licenceText('GPL-2.0-only'), 'package.json': JSON.stringify({ name: 'gpl-tool', license: 'GPL-2.0-or-later' }) }, 'first');
    repo.git('checkout', '-q', '-b', 'gpl3');
    repo.commit({ COPYING: licenceText('GPL-3.0-only'), 'package.json': JSON.stringify({ name: 'gpl-tool', license: 'GPL-3.0-only' }) }, 'under GPL-3.0');
    repo.git('checkout', '-q', '-b', 'apache', 'main');
    repo.commit({ COPYING: null, LICENSE: licenceText('Apache-2.0'), 'package.json': JSON.stringify({ name: 'gpl-tool', license: 'Apache-2.0' }) }, 'under Apache-2.0');
    repo.git('checkout', '-q', 'main');
  });
  afterAll(() => repo.remove());

  it('forked under GPL-3.0: fine (GPL-2.0 §9, any later version)', () => {
    const report = audit(repo, 'gpl3');
    expect(report.upstream.atForkPoint).toBe('GPL-2.0-or-later');
    expect(report.fork.expression).toBe('GPL-3.0-only');
    expect(report.problems).toEqual([]);
    expect(report.compatibility.reasons.join(' ')).toContain('GPL-2.0 §9');
  });

  it('forked under Apache-2.0: not allowed, and COPYING was removed', () => {
    const report = audit(repo, 'apache');
    expect(kinds(report)).toEqual(['licence-not-allowed', 'notice-removed']);
    expect(report.problems[1]!.file).toBe('COPYING');
  });
});

describe('notices a fork must keep', () => {
  let repo: TestRepo;
  const header = '// Copyright 2020 Ada Lovelace\n// SPDX-License-Identifier: Apache-2.0\n\nexport const a = 1;\n';
  beforeAll(() => {
    repo = createRepo();
    repo.commit({ LICENSE: licenceText('Apache-2.0'), NOTICE: 'Widget\nCopyright 2020 Ada Lovelace\n', 'src/a.js': header, 'src/b.js': header.replace('const a', 'const b') }, 'an Apache-2.0 project');
    repo.git('checkout', '-q', '-b', 'stripped');
    repo.commit({ 'src/a.js': 'export const a = 1;\n', 'src/b.js': '// Copyright 2024 Fork Inc.\n// SPDX-License-Identifier: MIT\n\nexport const b = 2;\n' }, 'strip headers');
    repo.git('checkout', '-q', '-b', 'no-notice', 'main');
    repo.commit({ NOTICE: null, 'src/c.js': 'export const c = 3;\n' }, 'drop NOTICE');
    // NOTICE and LICENSE made something that is no text of the fork: a link out of the repository,
    // a submodule, binary content; and, kept, LICENSE moved with a link to it left in its place.
    const main = repo.git('rev-parse', 'main').trim();
    const retyped = (branch: string, change: () => void) => {
      repo.git('checkout', '-q', '-b', branch, 'main');
      change();
      repo.commit({}, branch);
    };
    retyped('linked-out', () => {
      repo.link('NOTICE', '/etc/hostname');
    });
    retyped('submodule', () => {
      repo.git('rm', '-q', 'NOTICE');
      repo.git('update-index', '--add', '--cacheinfo', `160000,${main},NOTICE`);
    });
    retyped('binary', () => {
      writeFileSync(join(repo.dir, 'NOTICE'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3]));
      repo.git('add', 'NOTICE');
    });
    retyped('linked-in', () => {
      mkdirSync(join(repo.dir, 'legal'));
      repo.git('mv', 'NOTICE', 'legal/NOTICE.txt');
      repo.link('NOTICE', 'legal/NOTICE.txt');
    });
    repo.git('checkout', '-q', 'main');
  });
  afterAll(() => repo.remove());

  it('a fork that strips copyright lines and SPDX identifiers from upstream files', () => {
    const report = audit(repo, 'stripped');
    expect(report.problems.map((p) => [p.kind, p.file])).toEqual([
      ['copyright-removed', 'src/a.js'],
      ['copyright-removed', 'src/b.js'],
      ['spdx-identifier-changed', 'src/a.js'],
      ['spdx-identifier-changed', 'src/b.js'],
    ]);
    expect(report.problems[3]!.message).toBe('src/b.js: "SPDX-License-Identifier: Apache-2.0" became "MIT"; the upstream\'s files keep their licence.');
  });

  it.each([
    ['linked-out', 'NOTICE was made a link to no file of the fork'],
    ['submodule', 'NOTICE was made a submodule, no file of the fork'],
    ['binary', 'NOTICE was replaced by binary content'],
  ])('an Apache-2.0 fork whose NOTICE is %s: removed (it passed as keeping the terms)', (branch, message) => {
    const report = audit(repo, branch);
    expect(report.problems.map((p) => [p.kind, p.file])).toEqual([['notice-removed', 'NOTICE']]);
    expect(report.problems[0]!.message).toContain(message);
  });

  it('NOTICE moved, with a link to it in its place: kept', () => {
    expect(audit(repo, 'linked-in').problems).toEqual([]);
  });

  it('an Apache-2.0 fork that drops NOTICE (§4(d))', () => {
    const report = audit(repo, 'no-notice');
    expect(report.problems.map((p) => [p.kind, p.file])).toEqual([['notice-removed', 'NOTICE']]);
    expect(report.problems[0]!.message).toContain('§4(d)');
  });

  it('every format: SARIF valid against the 2.1.0 schema and pointing at the files, JUnit well-formed, Markdown a table', () => {
    const report = audit(repo, 'stripped');
    const require = createRequire(import.meta.url);
    const Ajv04 = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
    const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;
    const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync('tests/report/schemas/sarif-2.1.0-rtm.5.json', 'utf8')) as object);
    const log = JSON.parse(renderFork(report, 'sarif'));
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(log.runs[0].results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0]!.physicalLocation.artifactLocation.uri)).toEqual(['src/a.js', 'src/b.js', 'src/a.js', 'src/b.js']);
    const junit = renderFork(report, 'junit');
    expect(junit).toMatch(/<testsuites name="copyfair fork" tests="8" failures="2"/);
    expect(junit.match(/<failure /g)).toHaveLength(2);
    expect(renderFork(report, 'markdown')).toContain('| copyright-removed | src/a.js:1 |');
    expect(renderFork(report, 'text')).toMatch(/^No: 4 problems/);
  });
});
