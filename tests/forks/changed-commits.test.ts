// Which commits a history reads: EvidenceReader.changedCommits compares each first-parent commit's
// folder tree with the one before it, where a `git log` with wildcard pathspecs walked every
// commit's whole tree (2.9 s of a fork audit on 3,000 commits). On random repositories (made with
// one `git fast-import` each) it finds every commit that log finds, and the periods read at its
// commits are the periods read at log's.
import { execFileSync } from 'node:child_process';
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
import { licenceText } from './git.js';

const kb = loadKnowledgeBase();

const GLOBS = ['licen[cs]e*', 'copying*', 'notice*', 'unlicen[cs]e*', 'copyright*'];

/**
 * The pathspecs history and fork gave `git log --first-parent` before: the reference. Its `icase`
 * also took the followed folder in any case ("PKG/LICENSE" for pkg); with `exactFolder`, only the
 * file names match in any case (each letter a class: `[lL][iI]…`), the evidence the reader reads.
 */
function loggedPathspecs(folder: string, exactFolder = false): string[] {
  const base = folder === '' ? '' : `${folder}/`;
  const literal = ['package.json', 'Cargo.toml', 'pyproject.toml', '.reuse/dep5', 'REUSE.toml'].map((name) => `:(literal)${base}${name}`);
  const caseless = (glob: string) => glob.replace(/\[([a-z]+)\]|[a-z]/g, (letters, inside?: string) => `[${[...(inside ?? letters)].map((c) => c + c.toUpperCase()).join('')}]`);
  const globs = GLOBS.map((glob) => (exactFolder ? `:(glob)${base}${caseless(glob)}` : `:(glob,icase)${base}${glob}`));
  return [...literal, ...globs, `:(glob)${base}LICENSES/*`];
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
  const parts: Buffer[] = [];
  const say = (text: string) => parts.push(Buffer.from(text));
  const data = (text: string) => {
    const bytes = Buffer.from(text);
    say(`data ${bytes.length}\n`);
    parts.push(bytes, Buffer.from('\n'));
  };
  let mark = 0;
  let time = 1_600_000_000;
  let main = 0;
  const files = (changes: { path: string; what: number | 'link' | 'delete' }[]) => {
    for (const { path, what } of changes) {
      if (what === 'delete') say(`D ${path}\n`);
      else if (what === 'link') {
        say(`M 120000 inline ${path}\n`);
        data(path.startsWith('pkg/') ? '../LICENSE' : 'LICENSE.md');
      } else {
        say(`M 100644 inline ${path}\n`);
        data(TEXTS[what]!);
      }
    }
  };
  for (const [index, commit] of commits.entries()) {
    if (commit.merge && main > 0) {
      say(`commit refs/heads/side\nmark :${++mark}\ncommitter T <t@example.org> ${time++} +0000\n`);
      data(`side ${index}`);
      say(`from :${main}\n`);
      files(commit.changes);
      const side = mark;
      say(`commit refs/heads/main\nmark :${++mark}\ncommitter T <t@example.org> ${time++} +0000\n`);
      data(`merge ${index}`);
      say(`from :${main}\nmerge :${side}\n`);
      files(commit.changes);
    } else {
      say(`commit refs/heads/main\nmark :${++mark}\ncommitter T <t@example.org> ${time++} +0000\n`);
      data(`commit ${index}`);
      if (main > 0) say(`from :${main}\n`);
      files(commit.changes);
    }
    main = mark;
  }
  execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, input: Buffer.concat(parts) });
}

describe('the commits a history reads', () => {
  it("are every commit git log's pathspecs find, and give the same periods", () => {
    const root = mkdtempSync(join(tmpdir(), 'copyfair-changed-'));
    let count = 0;
    try {
      fc.assert(
        fc.property(history, fc.constantFrom('', 'pkg'), (commits, folder) => {
          const dir = join(root, String(count++));
          build(dir, commits);
          const repo = GitRepo.open(dir);
          const tip = repo.commit('main');
          const reader = new EvidenceReader(repo, kb, folder);
          const found = reader.changedCommits(tip.sha);
          // What log found, and the line's first commit, which the history always reads.
          const first = repo.run(['rev-list', '--first-parent', '--max-parents=0', tip.sha]).stdout.trim();
          const logged = (exactFolder: boolean) => {
            const shas = repo.log(['--first-parent', '--reverse', tip.sha, '--', ...loggedPathspecs(folder, exactFolder)]).map((commit) => commit.sha);
            return shas[0] === first ? shas : [first, ...shas];
          };
          // Every commit that changed the evidence of the folder followed; and the periods are
          // the same as at log's commits, those of a folder named in other case included.
          expect(logged(true).filter((sha) => !found.includes(sha))).toEqual([]);
          const reference = logged(false);
          if (found.join() !== reference.join()) expect(timeline(repo, reader, tip, found)).toEqual(timeline(repo, reader, tip, reference));
          rmSync(dir, { recursive: true, force: true });
        }),
        {
          numRuns: 6,
          // And one change to each path in turn, in the followed folder and at the root.
          examples: (['', 'pkg'] as const).map((folder): [History, '' | 'pkg'] => [NAMES.map((name, i) => ({ changes: [{ path: folder ? `${folder}/${name}` : name, what: i % TEXTS.length }], merge: i % 5 === 4 })), folder]),
        },
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
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
