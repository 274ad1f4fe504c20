// Which fork commits repeat an upstream commit of an era the fork's licence does not honour: patch
// ids are now worked out only for commits that change the same files as some commit on the other
// side (a patch id hashes the files' names), in runs, where a `git log -p` of the whole era held
// every diff of a busy upstream at once. On random histories (one `git fast-import` each: the
// upstream relicensed to BUSL-1.1 after the fork point, the fork copying some of its changes
// exactly, some onto other contents, renaming and merging) the commits reported are those the
// whole-range patch ids find.
import { rmSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditFork } from '../../src/fork/audit.js';
import { GitRepo } from '../../src/git/repo.js';
import { loadKnowledgeBase } from '../../src/kb/index.js';
import { FastImport, withRepositories } from './fast-import.js';
import { buslText, licenceText } from './git.js';

const kb = loadKnowledgeBase();
const FILES = ['a.txt', 'b.txt', 'c.txt', 'src/d.txt'];

/** An upstream step: a file given a new text; a fork step: an upstream step's change copied, a change of its own, a rename, or a merge of the upstream from before its move. */
type Step = { file: number; text: number };
type ForkStep = { copy: number } | { own: Step } | { rename: number } | { merge: true };
const step = fc.record({ file: fc.integer({ min: 0, max: FILES.length - 1 }), text: fc.integer({ min: 0, max: 3 }) });
const forkStep: fc.Arbitrary<ForkStep> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ copy: fc.nat(20) }) },
  { weight: 2, arbitrary: fc.record({ own: step }) },
  { weight: 1, arbitrary: fc.record({ rename: fc.integer({ min: 0, max: FILES.length - 1 }) }) },
  { weight: 1, arbitrary: fc.constant({ merge: true as const }) },
);

/** The patch ids of a whole range, as the audit worked them out before: the reference. */
function rangePatchIds(repo: GitRepo, range: string[]): Map<string, string> {
  const patches = repo.run(['log', '-p', '--no-color', '--no-ext-diff', '--no-textconv', '--format=commit %H', ...range]).stdout;
  const ids = new Map<string, string>();
  if (patches.trim() === '') return ids;
  for (const line of repo.run(['patch-id', '--stable'], { input: patches }).stdout.split('\n')) {
    const [patch, commit] = line.split(' ');
    if (patch && commit) ids.set(commit, patch);
  }
  return ids;
}

/** Upstream: the base, `before` steps, the move to BUSL-1.1, `after` steps; the fork branches at the base and takes `fork` steps. */
function build(dir: string, before: Step[], after: Step[], fork: ForkStep[]): void {
  const stream = new FastImport();
  const text = (s: Step) => `line one\n${FILES[s.file]} text ${s.text}\nline three\n`;
  const change = (s: Step, own = '') => () => stream.write(FILES[s.file]!, `${text(s)}${own}`);
  const base = stream.commit('main', 'base', () => {
    stream.write('LICENSE', licenceText('MIT').replace('<year>', '2020').replace('<copyright holders>', 'Acme'));
    for (const file of FILES) stream.write(file, `line one\n${file}\nline three\n`);
  });
  let tip = base;
  const earlier: number[] = [];
  for (const s of before) earlier.push((tip = stream.commit('main', 'before', change(s), tip)));
  tip = stream.commit('main', 'move to the BUSL', () => stream.write('LICENSE', buslText('2030-01-01')), tip);
  for (const s of after) tip = stream.commit('main', 'after', change(s), tip);
  let forkTip = base;
  let renamed = 0;
  const gone = new Set<number>();
  for (const f of fork) {
    if ('copy' in f) {
      const s = after[f.copy % Math.max(after.length, 1)];
      if (s) forkTip = stream.commit('fork', 'copy', change(s), forkTip);
      if (s) gone.delete(s.file);
    } else if ('own' in f) {
      forkTip = stream.commit('fork', 'own', change(f.own, 'own\n'), forkTip);
      gone.delete(f.own.file);
    } else if ('rename' in f) {
      // A file renamed away is written again by a later step; until then there is nothing to rename.
      if (!gone.has(f.rename)) forkTip = stream.commit('fork', 'rename', () => stream.say(`R ${FILES[f.rename]} moved-${renamed++}.txt\n`), forkTip);
      gone.add(f.rename);
    }
    // A merge of an upstream commit from before the move (one after it would move the fork point past it).
    else if (earlier.length > 0) forkTip = stream.commit('fork', 'merge', () => stream.say('D nothing-here\n'), forkTip, earlier[earlier.length - 1]);
  }
  // Steps that made no commit (merges with nothing before the move, renames of a file gone) leave a
  // fork of no commits of its own: its branch still exists, at the base.
  if (forkTip === base) stream.say(`reset refs/heads/fork\nfrom :${base}\n\n`);
  stream.importInto(dir);
}

describe('the fork commits reported as taken after a relicensing', () => {
  it('are those the whole ranges’ patch ids find', () => {
    withRepositories('taken', (next) =>
      fc.assert(
        fc.property(fc.array(step, { maxLength: 3 }), fc.array(step, { minLength: 1, maxLength: 10 }), fc.array(forkStep, { minLength: 1, maxLength: 10 }), (before, after, fork) => {
          const dir = next();
          build(dir, before, after, fork);
          const repo = GitRepo.open(dir);
          const report = auditFork(repo, { upstream: 'main', upstreamName: 'main', head: 'fork', kb, today: '2026-12-06' });
          const found = report.problems.filter((problem) => problem.kind === 'taken-after-relicensing').map((problem) => [problem.commit, problem.upstreamCommit]);
          // The reference: every fork commit since the fork point, every upstream commit since the move.
          const base = repo.run(['merge-base', 'main', 'fork']).stdout.trim();
          const move = repo.run(['log', '--format=%H', '-1', 'main', '--', 'LICENSE']).stdout.trim();
          const byPatch = new Map<string, string>();
          for (const [commit, patch] of rangePatchIds(repo, [`^${base}`, 'fork'])) if (!byPatch.has(patch)) byPatch.set(patch, commit);
          const expected = [...rangePatchIds(repo, [`^${move}^`, 'main'])].flatMap(([upstream, patch]) => (byPatch.has(patch) ? [[byPatch.get(patch), upstream]] : []));
          // (The report orders its problems itself: the same pairs, in any order.)
          const pairs = (list: unknown[][]) => list.map((pair) => pair.join(' ')).sort();
          expect(pairs(found)).toEqual(pairs(expected));
          rmSync(dir, { recursive: true, force: true });
        }),
        // (The second example made no fork commit, and no fork branch, before the reset above.)
        { numRuns: 6, examples: [[[], [{ file: 0, text: 0 }], [{ rename: 2 }, { rename: 2 }, { own: { file: 0, text: 0 } }]], [[], [{ file: 0, text: 0 }], [{ merge: true }]]] },
      ),
    );
  }, 120_000);
});
