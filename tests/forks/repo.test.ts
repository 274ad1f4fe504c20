// Reads of a repository that stand for several git processes of before: a commit resolved and read
// by one `git log`; the periods after a fork point asked of git newest first, stopping at the first
// that starts before it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditFork } from '../../src/fork/audit.js';
import { GitError, GitRepo } from '../../src/git/repo.js';
import { loadKnowledgeBase } from '../../src/kb/index.js';
import { gitCalls } from '../helpers/git-calls.js';
import { FastImport, withRepositories } from './fast-import.js';
import { buslText, licenceText } from './git.js';

describe('a commit read by its name', () => {
  it('is resolved and read at once, a tag peeled to its commit; a range, a tree or nothing is no commit', () => {
    withRepositories('repo-commit', (next) => {
      const dir = next();
      const stream = new FastImport();
      const first = stream.commit('main', 'first', () => stream.write('a.txt', 'a\n'));
      stream.commit('main', 'second', () => stream.write('a.txt', 'b\n'), first);
      stream.say(`tag v1\nfrom :${first}\ntagger T <t@example.org> 1600000000 +0000\n`);
      stream.data('the first release');
      stream.importInto(dir);
      const repo = GitRepo.open(dir);
      const main = repo.commit('main');
      expect(main.subject).toBe('second');
      expect(main.parents).toHaveLength(1);
      const tagged = repo.commit('v1');
      expect([tagged.sha, tagged.subject, tagged.parents]).toEqual([main.parents[0], 'first', []]);
      // Read again by its id: the same commit, from what was read.
      expect(repo.commit(main.sha)).toBe(main);
      expect(repo.commit('main~1')).toEqual(tagged);
      const tree = repo.run(['rev-parse', 'main^{tree}']).stdout.trim();
      for (const [revision, message] of [
        ['v1..main', /"v1\.\.main" is not a revision/],
        ['--all', /"--all" is not a revision/],
        [tree, /names no commit/],
        ['no-such-branch', /"no-such-branch" names no commit in .* \(fetch it first/],
      ] as const) {
        expect(() => repo.commit(revision), revision).toThrow(GitError);
        expect(() => repo.commit(revision), revision).toThrow(message);
      }
    });
  });
});

describe('the periods after a fork point', () => {
  it('are asked of git newest first, up to the first that starts before the fork point', async () => {
    const root = mkdtempSync(join(tmpdir(), 'copyfair-periods-'));
    try {
      // MIT, then Apache-2.0, then MPL-2.0, the fork, then BUSL-1.1: four periods, one after the fork point.
      const dir = join(root, 'repo');
      const stream = new FastImport();
      let tip = 0;
      for (const id of ['MIT', 'Apache-2.0', 'MPL-2.0']) tip = stream.commit('main', id, () => stream.write('LICENSE', licenceText(id)), tip || undefined);
      const point = tip;
      stream.commit('main', 'BUSL', () => stream.write('LICENSE', buslText('2030-01-01')), point);
      stream.commit('fork', 'fork work', () => stream.write('fork.txt', 'ours\n'), point);
      stream.importInto(dir);
      const { value: report, calls } = await gitCalls(root, () => auditFork(GitRepo.open(dir), { upstream: 'main', upstreamName: 'main', head: 'fork', kb: loadKnowledgeBase(), today: '2026-12-06' }));
      expect(report.upstream.relicensings.map((period) => period.expression)).toEqual(['BUSL-1.1']);
      expect(report.upstream.atForkPoint).toBe('MPL-2.0');
      // The BUSL period (after) and the MPL one (before: so are the two older).
      expect(calls.filter((call) => call.includes('merge-base --is-ancestor'))).toHaveLength(2);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
