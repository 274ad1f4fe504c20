// Which commits a history reads, and how: EvidenceReader.changedCommits compares each first-parent
// commit's folder tree with the one before it, where a `git log` with wildcard pathspecs walked
// every commit's whole tree (2.9 s of a fork audit on 3,000 commits), and lists their evidence from
// those trees, where an `ls-tree` a commit took a thousand processes when package.json changes
// every few commits. On random repositories (made with one `git fast-import` each) it finds every
// commit that log finds, lists what ls-tree lists, and reads the periods that reading every commit
// of the line gives, a link whose target changed included (log's pathspecs missed that).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GitRepo } from '../../src/git/repo.js';
import { EvidenceReader } from '../../src/history/evidence.js';
import { timeline } from '../../src/history/timeline.js';
import { loadKnowledgeBase } from '../../src/kb/index.js';
import { gitCalls } from '../helpers/git-calls.js';
import { FastImport, withRepositories } from './fast-import.js';
import { licenceText } from './git.js';

const kb = loadKnowledgeBase();

const GLOBS = ['licen[cs]e*', 'copying*', 'notice*', 'unlicen[cs]e*', 'copyright*'];

/**
 * The pathspecs history and fork gave `git log --first-parent` before, the reference, but for the
 * followed folder's case: their `icase` also took "PKG/LICENSE" for pkg; here only the file names
 * match in any case (each letter a class: `[lL][iI]…`), the evidence the reader reads.
 */
function loggedPathspecs(folder: string): string[] {
  const base = folder === '' ? '' : `${folder}/`;
  const literal = ['package.json', 'Cargo.toml', 'pyproject.toml', '.reuse/dep5', 'REUSE.toml'].map((name) => `:(literal)${base}${name}`);
  const caseless = (glob: string) => glob.replace(/\[([a-z]+)\]|[a-z]/g, (letters, inside?: string) => `[${[...(inside ?? letters)].map((c) => c + c.toUpperCase()).join('')}]`);
  return [...literal, ...GLOBS.map((glob) => `:(glob)${base}${caseless(glob)}`), `:(glob)${base}LICENSES/*`];
}

// Paths evidence is read from, paths beside it that only look like it, and paths elsewhere; each
// also inside the followed folder `pkg` and in a folder named like it in other case.
const NAMES = ['LICENSE', 'license.md', 'Licence.txt', 'COPYING', 'NOTICE', 'UNLICENSE', 'copyright', 'LICENSES/MIT.txt', 'LICENSES/sub/Apache-2.0.txt', 'licenses/x.txt', '.reuse/dep5', '.reuse/other', 'package.json', 'Package.json', 'Cargo.toml', 'REUSE.toml', 'license/inner.txt', 'src/LICENSE', 'src/main.js', 'README.md'];
const PATHS = NAMES.flatMap((name) => [name, `pkg/${name}`, `PKG/${name}`]);
const TEXTS = [licenceText('MIT').replace('<year>', '2020').replace('<copyright holders>', 'Acme'), licenceText('ISC').replace('<year>', '2020').replace('<copyright holders>', 'Acme'), licenceText('BSD-2-Clause').replace('<year>', '2020').replace('<owner>', 'Acme'), JSON.stringify({ name: 'x', license: 'MIT' }), JSON.stringify({ name: 'x', license: 'Apache-2.0' }), 'plain words\n'];

type History = { changes: { path: string; what: number | 'link' | 'delete' }[]; merge: boolean }[];

/** A change to one path: write one of the texts there, make it a link to another path, or delete it. */
const change = fc.record({ path: fc.constantFrom(...PATHS), what: fc.oneof(fc.integer({ min: 0, max: TEXTS.length - 1 }), fc.constant('link' as const), fc.constant('delete' as const)) });
/** Commits of one to four changes each, and whether a commit is a merge of a side branch. */
const history = fc.array(fc.record({ changes: fc.array(change, { minLength: 1, maxLength: 4 }), merge: fc.boolean() }), { minLength: 1, maxLength: 14 });

/** The repository of `commits`, made by one `git fast-import`; a merge brings in its changes from a side branch. */
function build(dir: string, commits: History): void {
  const stream = new FastImport();
  const files = (changes: History[number]['changes']) => {
    for (const { path, what } of changes) {
      if (what === 'delete') stream.say(`D ${path}\n`);
      // A link in LICENSES/ leads to the root's LICENSE (a file no pathspec of pkg names); elsewhere beside it.
      else if (what === 'link') stream.write(path, path.includes('LICENSES/') ? (path.startsWith('pkg/') ? '../../LICENSE' : '../LICENSE') : path.startsWith('pkg/') ? '../LICENSE' : 'LICENSE.md', true);
      else stream.write(path, TEXTS[what]!);
    }
  };
  let main = 0;
  for (const [index, commit] of commits.entries()) {
    if (commit.merge && main > 0) {
      const side = stream.commit('side', `side ${index}`, () => files(commit.changes), main);
      main = stream.commit('main', `merge ${index}`, () => files(commit.changes), main, side);
    } else main = stream.commit('main', `commit ${index}`, () => files(commit.changes), main);
  }
  stream.importInto(dir);
}

describe('the commits a history reads', () => {
  it("are every commit git log's pathspecs find, and give the periods every commit gives", () => {
    withRepositories('changed', (next) =>
      fc.assert(
        fc.property(history, fc.constantFrom('', 'pkg'), (commits, folder) => {
          const dir = next();
          build(dir, commits);
          const repo = GitRepo.open(dir);
          const tip = repo.commit('main');
          const reader = new EvidenceReader(repo, kb, folder);
          const found = reader.changedCommits(tip.sha);
          // What log found, and the line's first commit, which the history always reads.
          const first = repo.run(['rev-list', '--first-parent', '--max-parents=0', tip.sha]).stdout.trim();
          const shas = repo.log(['--first-parent', '--reverse', tip.sha, '--', ...loggedPathspecs(folder)]).map((commit) => commit.sha);
          const logged = shas[0] === first ? shas : [first, ...shas];
          // Every commit git log found changing the evidence of the folder followed.
          expect(logged.filter((sha) => !found.includes(sha))).toEqual([]);
          // The evidence listed from the trees read is what `ls-tree` lists at each commit, and the
          // periods are those a reader that lists each commit with `ls-tree` reads at every commit
          // of the line (log's commits missed a link whose target changed).
          const listing = new EvidenceReader(repo, kb, folder);
          // So are those of commits listed together (a fork's point and tips, EvidenceReader.list).
          const together = new EvidenceReader(repo, kb, folder);
          together.list(found);
          for (const sha of found) {
            expect(reader.entries(sha), sha).toEqual(listing.entries(sha));
            expect(together.entries(sha), sha).toEqual(listing.entries(sha));
          }
          const every = repo.run(['rev-list', '--first-parent', '--reverse', tip.sha]).stdout.split('\n').filter(Boolean);
          expect(timeline(repo, reader, tip, found)).toEqual(timeline(repo, listing, tip, every));
          rmSync(dir, { recursive: true, force: true });
        }),
        {
          numRuns: 6,
          // And one change to each path in turn, in the followed folder and at the root.
          examples: [
            ...(['', 'pkg'] as const).map((folder): [History, '' | 'pkg'] => [NAMES.map((name, i) => ({ changes: [{ path: folder ? `${folder}/${name}` : name, what: i % TEXTS.length }], merge: i % 5 === 4 })), folder]),
            // A package's licence file linked to the root's, whose text then changes twice; and
            // a file of LICENSES/ linked the same way.
            [[{ changes: [{ path: 'pkg/COPYING', what: 'link' }], merge: false }, { changes: [{ path: 'LICENSE', what: 0 }], merge: false }, { changes: [{ path: 'LICENSE', what: 1 }], merge: true }], 'pkg'],
            [[{ changes: [{ path: 'pkg/LICENSES/MIT.txt', what: 'link' }], merge: false }, { changes: [{ path: 'LICENSE', what: 0 }], merge: false }, { changes: [{ path: 'LICENSE', what: 1 }], merge: false }], 'pkg'],
          ],
        },
      ),
    );
  }, 120_000);

  it('are found in two git processes, not one per commit', async () => {
    const root = mkdtempSync(join(tmpdir(), 'copyfair-changed-'));
    try {
      // 300 commits, one in fifty changing LICENSE to another text than before.
      const commits = Array.from({ length: 300 }, (_, i) => ({ changes: [{ path: i % 50 === 0 ? 'LICENSE' : `src/f${i % 7}.js`, what: i % 3 }], merge: false }));
      const dir = join(root, 'repo');
      build(dir, commits);
      const repo = GitRepo.open(dir);
      const tip = repo.commit('main');
      const { value: found, calls } = await gitCalls(root, () => new EvidenceReader(repo, kb).changedCommits(tip.sha));
      expect(found).toHaveLength(6);
      expect(calls.map((call) => call.split(' ').find((word) => !word.startsWith('-') && !word.includes('=')))).toEqual(['rev-list', 'cat-file']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
