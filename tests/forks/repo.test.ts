// GitRepo's reads that stand for several git processes of before: a commit resolved and read by one
// `git log`, and which of many commits are not another's ancestors by one `rev-list`.
import { describe, expect, it } from 'vitest';
import { GitError, GitRepo } from '../../src/git/repo.js';
import { FastImport, withRepositories } from './fast-import.js';

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

describe('the commits that are not an ancestor of another', () => {
  it('are those `merge-base --is-ancestor` says are not, merges and side branches included', () => {
    withRepositories('repo-ancestors', (next) => {
      const dir = next();
      const stream = new FastImport();
      const base = stream.commit('main', 'base', () => stream.write('a.txt', '0\n'));
      const a = stream.commit('main', 'a', () => stream.write('a.txt', '1\n'), base);
      const side = stream.commit('side', 'side', () => stream.write('b.txt', '1\n'), base);
      const merge = stream.commit('main', 'merge', () => stream.write('b.txt', '1\n'), a, side);
      stream.commit('side', 'later', () => stream.write('b.txt', '2\n'), side);
      stream.commit('main', 'tip', () => stream.write('a.txt', '2\n'), merge);
      stream.importInto(dir);
      const repo = GitRepo.open(dir);
      const shas = repo.run(['rev-list', '--all']).stdout.split('\n').filter(Boolean);
      expect(shas).toHaveLength(6);
      for (const commit of shas) {
        const expected = shas.filter((sha) => repo.run(['merge-base', '--is-ancestor', sha, commit], { allowFailure: true }).status !== 0);
        expect([...repo.notAncestorsOf(shas, commit)].sort(), commit).toEqual(expected.sort());
      }
      expect(repo.notAncestorsOf([], shas[0]!)).toEqual(new Set());
    });
  });
});
