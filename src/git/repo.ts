// Read-only access to a git repository's object store, for `history`, `fork` and `diff`: every
// call is a plumbing command that reads (log, ls-tree, cat-file, merge-base, patch-id), never one
// that checks out, writes a ref or takes a lock.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, posix, resolve } from 'node:path';

/** A git command failed or git is missing: the message says what to do. */
export class GitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GitError';
  }
}

/** One commit as `history` and `fork` need it. */
export interface Commit {
  sha: string;
  /** Committer date, ISO 8601 day (YYYY-MM-DD), UTC. */
  date: string;
  author: string;
  email: string;
  subject: string;
  parents: string[];
}

/** Git's file mode of a symbolic link (a link's blob holds its target). */
export const LINK_MODE = '120000';

/**
 * Where a link at `path` whose target is `target` leads, as a path of the repository (resolved from
 * the link's folder); undefined for an absolute target or one that climbs out of the repository.
 */
export function linkedPath(path: string, target: string): string | undefined {
  if (target.startsWith('/')) return undefined;
  const resolved = posix.normalize(posix.join(posix.dirname(path), target));
  return resolved === '..' || resolved.startsWith('../') ? undefined : resolved;
}

/** One entry of a tree listing. */
export interface TreeEntry {
  path: string;
  blob: string;
  mode: string;
  /** The blob's size in bytes, when the listing asked for it. */
  size?: number;
}

/** One entry of a tree object: a name directly in the folder (as `ls-tree` gives it), its mode (`40000` a folder, `160000` a submodule, else a blob) and object id. */
export interface FolderEntry {
  name: string;
  mode: string;
  object: string;
}

/** How `patchIdsOf` asks for patches, and how many commits' patches one `git log -p` gives. */
const PATCH_OPTIONS = ['--no-color', '--no-ext-diff', '--no-textconv', '--format=commit %H'];
const PATCH_CHUNK = 500;

/** Objects one `cat-file --batch` reads (commits' folder trees, blobs). */
const OBJECTS_A_BATCH = 2000;

/** The entries of a tree object (its bytes, as `readBlobs` gives any object): "<mode> <name>\\0" and the object id in `idBytes` raw bytes, each. */
export function treeEntries(body: Buffer, idBytes: number): FolderEntry[] {
  const entries: FolderEntry[] = [];
  let at = 0;
  while (at < body.length) {
    const space = body.indexOf(0x20, at);
    const nul = body.indexOf(0, space);
    if (space < 0 || nul < 0 || nul + 1 + idBytes > body.length) break;
    entries.push({ mode: body.subarray(at, space).toString('latin1'), name: body.subarray(space + 1, nul).toString('utf8'), object: body.subarray(nul + 1, nul + 1 + idBytes).toString('hex') });
    at = nul + 1 + idBytes;
  }
  return entries;
}

const FIELD = '\x1f';
const RECORD = '\x1e';
const LOG_FORMAT = ['%H', '%cd', '%an', '%ae', '%s', '%P'].join(FIELD) + RECORD;
/** The options of every `git log` whose output {@link commitsIn} reads. */
const LOG_OPTIONS = [`--format=${LOG_FORMAT}`, '--date=format-local:%Y-%m-%d', '--no-show-signature'];
/** Larger outputs than this are refused: a licence history never needs them. */
const MAX_OUTPUT = 512 * 1024 * 1024;

/** Throws unless git can be asked for `folder` (a spec holds no line break or NUL). */
function askableFolder(folder: string): void {
  if (/[\n\0]/.test(folder)) throw new GitError(`the folder "${folder.replace(/[\n\0]/g, ' ')}" holds a line break or a NUL, which git cannot be asked for`);
}

/** The commits of a `git log --format=LOG_FORMAT` output. */
function commitsIn(out: string): Commit[] {
  const commits: Commit[] = [];
  for (const record of out.split(RECORD)) {
    const fields = record.replace(/^\n+/, '').split(FIELD);
    if (fields.length < 6) continue;
    const [sha, date, author, email, subject, parents] = fields as [string, string, string, string, string, string];
    commits.push({ sha, date, author, email, subject, parents: parents.trim() === '' ? [] : parents.trim().split(' ') });
  }
  return commits;
}

/** A repository opened for reading. */
export class GitRepo {
  private blobs = new Map<string, Buffer>();
  /** Commits read, by their full id (which names the same commit for as long as the repository exists). */
  private commitsById = new Map<string, Commit>();

  private constructor(
    /** The top folder of the work tree (or the git dir of a bare repository). */
    readonly root: string,
    /** Extra object stores to read (another clone's objects, for `fork --upstream PATH`). */
    private readonly alternates: string[] = [],
  ) {}

  /** Opens the repository that holds `path`; a GitError when there is none or git is missing. */
  static open(path: string): GitRepo {
    const folder = resolve(path);
    if (!existsSync(folder)) throw new GitError(`${path} does not exist`);
    const probe = new GitRepo(statSync(folder).isDirectory() ? folder : resolve(folder, '..'));
    const top = probe.run(['rev-parse', '--show-toplevel'], { allowFailure: true });
    if (top.status === 0 && top.stdout.trim() !== '') return new GitRepo(top.stdout.trim());
    const bare = probe.run(['rev-parse', '--is-bare-repository'], { allowFailure: true });
    if (bare.status === 0 && bare.stdout.trim() === 'true') return probe;
    throw new GitError(`${path} is not inside a git repository: run copyfair in a clone, or name one`);
  }

  /** This repository, also able to read the objects of the repository at `other` (read-only). */
  withObjectsOf(other: GitRepo): GitRepo {
    const objects = other.run(['rev-parse', '--git-path', 'objects']).stdout.trim();
    const absolute = isAbsolute(objects) ? objects : join(other.root, objects);
    return new GitRepo(this.root, [...this.alternates, absolute]);
  }

  /** Runs one read-only git command in the repository. */
  run(args: string[], options: { input?: string; allowFailure?: boolean } = {}): { stdout: string; status: number } {
    const result = spawnSync('git', ['-c', 'core.quotepath=off', '-c', 'log.showSignature=false', '--no-pager', ...args], {
      cwd: this.root,
      input: options.input,
      encoding: 'utf8',
      maxBuffer: MAX_OUTPUT,
      env: this.environment(),
    });
    if (result.error) {
      const missing = (result.error as NodeJS.ErrnoException).code === 'ENOENT';
      throw new GitError(missing ? 'git is not installed or not on PATH: history, fork and diff read the repository through git' : `git ${args[0]} failed: ${result.error.message}`);
    }
    const status = result.status ?? 1;
    if (status !== 0 && !options.allowFailure) {
      const said = (result.stderr ?? '').trim().split('\n')[0] ?? '';
      throw new GitError(`git ${args[0]} failed in ${this.root}${said ? `: ${said}` : ''}`);
    }
    return { stdout: result.stdout ?? '', status };
  }

  private environment(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', TZ: 'UTC' };
    for (const key of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY']) delete env[key];
    if (this.alternates.length > 0) env.GIT_ALTERNATE_OBJECT_DIRECTORIES = this.alternates.join(':');
    return env;
  }

  /** The full sha a revision names; a GitError naming the revision when it names nothing. */
  resolve(revision: string): string {
    if (revision.startsWith('-')) throw new GitError(`"${revision}" is not a revision`);
    const result = this.run(['rev-parse', '--verify', '--quiet', `${revision}^{commit}`], { allowFailure: true });
    const sha = result.stdout.trim();
    if (result.status !== 0 || sha === '') throw this.noCommit(revision);
    return sha;
  }

  /** The error for a revision that names no commit here, saying what to do. */
  private noCommit(revision: string): GitError {
    return new GitError(`"${revision}" names no commit in ${this.root} (fetch it first, e.g. \`git fetch upstream\`)`);
  }

  /** Commits, newest first, as `git log` gives them for these arguments (revisions, paths), and revisions on standard input with `--stdin`. */
  log(args: string[], input?: string): Commit[] {
    return commitsIn(this.run(['log', ...LOG_OPTIONS, ...args], input === undefined ? {} : { input }).stdout);
  }

  /**
   * One commit: one `git log` that also resolves the revision (a tag or a tree-ish peeled to its
   * commit), not a `rev-parse` before it. A commit named by its full id is read once per repository.
   */
  commit(revision: string): Commit {
    // A range ("a..b") would be a walk, of which log gives the first commit: not one revision.
    if (revision.startsWith('-') || revision.includes('..')) throw new GitError(`"${revision}" is not a revision`);
    const known = this.commitsById.get(revision);
    if (known) return known;
    const out = this.run(['log', ...LOG_OPTIONS, '-1', `${revision}^{commit}`, '--'], { allowFailure: true });
    const [commit] = out.status === 0 ? commitsIn(out.stdout) : [];
    if (!commit) throw this.noCommit(revision);
    this.commitsById.set(commit.sha, commit);
    return commit;
  }

  /** Every blob of the tree at `revision`. */
  tree(revision: string): TreeEntry[] {
    return this.entries(['ls-tree', '-r', '-z', '--full-tree', revision]);
  }

  /**
   * The blobs directly in each folder of `folders` ('' for the root) at `revision`, not below them:
   * one `ls-tree` without `-r`, so a commit's licence evidence costs what its few folders hold, not
   * the whole tree (a large repository's tree is tens of thousands of entries, listed per commit).
   */
  blobsIn(revision: string, folders: readonly string[]): TreeEntry[] {
    const paths = folders.map((folder) => (folder === '' ? '.' : `${folder.replace(/\/+$/, '')}/`));
    return this.entries(['ls-tree', '-z', '--full-tree', revision, '--', ...paths]);
  }

  /** Every blob below `folder` ('' for the whole tree) at `revision`, with its size. */
  blobsBelow(revision: string, folder: string): TreeEntry[] {
    return this.entries(['ls-tree', '-r', '-z', '-l', '--full-tree', revision, '--', folder === '' ? '.' : folder]);
  }

  private entries(args: string[]): TreeEntry[] {
    const entries: TreeEntry[] = [];
    for (const line of this.run(args).stdout.split('\0')) {
      const tab = line.indexOf('\t');
      if (tab < 0) continue;
      // "mode type object" and, with -l, the size padded with spaces.
      const [mode, type, blob, size] = line.slice(0, tab).split(/ +/) as [string, string, string, string | undefined];
      if (type === 'blob') entries.push({ path: line.slice(tab + 1), blob, mode, ...(size !== undefined ? { size: Number(size) } : {}) });
    }
    return entries;
  }

  /** The tree entry at exactly `path` in `revision` (a file, link or folder), undefined when there is none. */
  entryAt(revision: string, path: string): TreeEntry | undefined {
    for (const line of this.run(['ls-tree', '-z', '--full-tree', revision, '--', path], { allowFailure: true }).stdout.split('\0')) {
      const tab = line.indexOf('\t');
      if (tab < 0 || line.slice(tab + 1) !== path) continue;
      const [mode, , blob] = line.slice(0, tab).split(' ') as [string, string, string];
      return { path, blob, mode };
    }
    return undefined;
  }

  /** The commits named, in the order given, with one `git log`. */
  commits(shas: readonly string[]): Commit[] {
    const commits = shas.length === 0 ? [] : this.log(['--no-walk=unsorted', '--stdin'], `${shas.join('\n')}\n`);
    for (const commit of commits) this.commitsById.set(commit.sha, commit);
    return commits;
  }

  /**
   * Each commit on the first-parent line up to `tip`, oldest first, with the entries directly in
   * its tree at `folder` ('' for the root; none where the folder is not): one `rev-list`, then the
   * trees in `cat-file --batch` runs of OBJECTS_A_BATCH commits. What a `git log` with wildcard
   * pathspecs would find costs git a walk of every commit's whole tree (2.9 s for 3,000 commits
   * of 2,000 files); this reads one tree a commit.
   */
  eachFolderTree(tip: string, folder: string, each: (sha: string, entries: FolderEntry[]) => void): void {
    askableFolder(folder);
    const shas = this.run(['rev-list', '--first-parent', '--reverse', tip]).stdout.split('\n').filter(Boolean);
    for (let from = 0; from < shas.length; from += OBJECTS_A_BATCH) {
      const chunk = shas.slice(from, from + OBJECTS_A_BATCH);
      this.folderTrees(chunk, folder).forEach((entries, i) => each(chunk[i]!, entries));
    }
  }

  /**
   * The entries directly in the tree at `folder` ('' for the root) of each commit of `shas` (full
   * ids), in order; none where the folder is not. One `cat-file --batch` for each OBJECTS_A_BATCH.
   */
  folderTrees(shas: readonly string[], folder: string): FolderEntry[][] {
    askableFolder(folder);
    const trees = this.objectsAt(shas.map((sha) => (folder === '' ? `${sha}^{tree}` : `${sha}:${folder}`)));
    return shas.map((sha, i) => {
      const tree = trees[i];
      return tree?.type === 'tree' ? treeEntries(tree.body, sha.length / 2) : [];
    });
  }

  /**
   * The objects `specs` name (`<revision>:<path>`, `<revision>^{tree}`, ids), in order: each one's
   * type and bytes, or undefined where it names nothing. One `cat-file --batch` for each OBJECTS_A_BATCH of them.
   */
  objectsAt(specs: readonly string[]): ({ type: string; body: Buffer } | undefined)[] {
    if (specs.some((spec) => /[\n\0]/.test(spec))) throw new GitError('an object to read holds a line break or a NUL, which git cannot be asked for');
    const found: ({ type: string; body: Buffer } | undefined)[] = [];
    for (let from = 0; from < specs.length; from += OBJECTS_A_BATCH) {
      const chunk = specs.slice(from, from + OBJECTS_A_BATCH);
      const result = spawnSync('git', ['cat-file', '--batch'], { cwd: this.root, input: `${chunk.join('\n')}\n`, maxBuffer: MAX_OUTPUT, env: this.environment() });
      if (result.error || result.status !== 0) throw new GitError(`git cat-file failed in ${this.root}`);
      const out = result.stdout as Buffer;
      let at = 0;
      for (let i = 0; i < chunk.length; i++) {
        const end = out.indexOf(0x0a, at);
        if (end < 0) throw new GitError(`git cat-file gave less than was asked in ${this.root}`);
        const header = out.subarray(at, end).toString('utf8').split(' ');
        at = end + 1;
        // "<object> <type> <size>", or "<what was asked> missing" (or "ambiguous"): nothing follows.
        if (header.length !== 3 || !/^\d+$/.test(header[2]!)) {
          found.push(undefined);
          continue;
        }
        const size = Number(header[2]);
        found.push({ type: header[1]!, body: out.subarray(at, at + size) });
        at += size + 1;
      }
    }
    return found;
  }

  /** The bytes of blobs, read in one `cat-file --batch` and cached by id. */
  readBlobs(ids: string[]): Map<string, Buffer> {
    const wanted = [...new Set(ids)].filter((id) => !this.blobs.has(id));
    this.objectsAt(wanted).forEach((object, at) => {
      if (object) this.blobs.set(wanted[at]!, object.body);
    });
    const found = new Map<string, Buffer>();
    for (const id of ids) {
      const bytes = this.blobs.get(id);
      if (bytes) found.set(id, bytes);
    }
    return found;
  }

  /** The best common ancestor of two commits, or null when they share no history. */
  mergeBase(a: string, b: string): string | null {
    const result = this.run(['merge-base', a, b], { allowFailure: true });
    return result.status === 0 && result.stdout.trim() !== '' ? result.stdout.trim() : null;
  }

  /** Whether `ancestor` is `commit` or one of its ancestors. */
  isAncestor(ancestor: string, commit: string): boolean {
    return this.run(['merge-base', '--is-ancestor', ancestor, commit], { allowFailure: true }).status === 0;
  }

  /**
   * Stable patch ids of `commits` (`git log -p` piped into `git patch-id --stable`: each against its
   * first parent, as a range's log gives it; a merge has none), in the order given, PATCH_CHUNK
   * commits a `git log -p`: a busy project's patches are not all held at once.
   */
  patchIdsOf(commits: readonly string[]): Map<string, string> {
    const ids = new Map<string, string>();
    for (let from = 0; from < commits.length; from += PATCH_CHUNK) {
      const chunk = commits.slice(from, from + PATCH_CHUNK);
      const patches = this.run(['log', '-p', ...PATCH_OPTIONS, '--no-walk=unsorted', '--stdin'], { input: `${chunk.join('\n')}\n` }).stdout;
      for (const [commit, patch] of this.patchIdsFrom(patches)) ids.set(commit, patch);
    }
    return ids;
  }

  private patchIdsFrom(patches: string): Map<string, string> {
    const ids = new Map<string, string>();
    if (patches.trim() === '') return ids;
    for (const line of this.run(['patch-id', '--stable'], { input: patches }).stdout.split('\n')) {
      const [patch, commit] = line.split(' ');
      if (patch && commit) ids.set(commit, patch);
    }
    return ids;
  }

  /**
   * The paths each commit of `range` changes, by commit in log order, as one string (sorted, NUL
   * between): what its patch names, so two commits with one patch id have one string (a merge,
   * which has no patch, names none).
   */
  changedPaths(range: string[]): Map<string, string> {
    const out = this.run(['log', '--name-only', '-z', '--no-ext-diff', `--format=${RECORD}%H${FIELD}`, ...range]).stdout;
    const paths = new Map<string, string>();
    for (const record of out.split(RECORD)) {
      const field = record.indexOf(FIELD);
      if (field < 0) continue;
      // "<sha>" FIELD, the format's NUL, a line break, then each path and a NUL.
      const names = record.slice(field + 1).replace(/^\0\n?/, '').split('\0').filter((name) => name !== '');
      paths.set(record.slice(0, field), names.sort().join('\0'));
    }
    return paths;
  }

  /** Paths changed between two commits: added, deleted, modified, renamed (with the old path). */
  changes(from: string, to: string): { status: string; path: string; from?: string }[] {
    const fields = this.run(['diff-tree', '-r', '-z', '-M', '--no-ext-diff', '--name-status', from, to]).stdout.split('\0');
    const changes: { status: string; path: string; from?: string }[] = [];
    for (let at = 0; at < fields.length; ) {
      const status = fields[at++];
      if (!status) continue;
      if (status.startsWith('R') || status.startsWith('C')) {
        const old = fields[at++]!;
        changes.push({ status: status[0]!, path: fields[at++]!, from: old });
      } else changes.push({ status, path: fields[at++]! });
    }
    return changes;
  }
}
