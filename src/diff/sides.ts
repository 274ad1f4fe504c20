// What BASE and HEAD of `copyfair diff` are: a folder, a lockfile, an SBOM, or a git revision of
// the current repository. A revision's project files are read from git's object store
// (`git ls-tree`, `git cat-file`), never by checking out; nothing is written anywhere.
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { sbomKind } from '../ecosystems/sbom/index.js';
import type { ReadOnlyFs } from '../ecosystems/fs.js';
import { memoryFs } from './memory-fs.js';
import { GitError, GitRepo, type TreeEntry } from '../git/repo.js';
import type { SideKind } from './types.js';

/** Files that say what a project depends on: manifests and lockfiles (every ecosystem's). */
export const PROJECT_FILES = new Set([
  'package.json', 'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml',
  'pyproject.toml', 'poetry.lock', 'uv.lock', 'requirements.txt', 'Pipfile.lock',
  'Cargo.toml', 'Cargo.lock', 'go.mod', 'go.sum',
]);
const LOCKFILES = new Set(['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'poetry.lock', 'uv.lock', 'Pipfile.lock', 'Cargo.lock', 'go.sum']);
const MANIFESTS = ['package.json', 'pyproject.toml', 'Cargo.toml', 'go.mod'];

/** Largest file read from git or for a lockfile side. */
const MAX_FILE_BYTES = 256 * 1024 * 1024;

/** One side, ready to scan. */
export interface Side {
  label: string;
  kind: SideKind;
  /** The folder the scan is rooted at (for a revision: the project folder in the working tree). */
  root: string;
  /** The files to scan instead of the disk under root. */
  fs?: ReadOnlyFs;
  /** For an SBOM: the file, relative to root. */
  sbom?: string;
}

/** A BASE or HEAD that is neither a file, a folder nor a revision; the CLI turns it into exit 2. */
export class SideError extends Error {
  override name = 'SideError';
}

export interface SideOptions {
  /** Where relative paths and the repository are found. */
  cwd: string;
  /** The project folder inside the repository for revisions, relative to cwd (default: cwd). */
  path?: string;
}

export function resolveSide(spec: string, options: SideOptions): Side {
  const target = resolve(options.cwd, spec);
  if (existsSync(target)) {
    if (statSync(target).isDirectory()) return { label: spec, kind: 'folder', root: target };
    const name = basename(target);
    if (LOCKFILES.has(name)) return { label: spec, kind: 'lockfile', root: dirname(target), fs: lockfileFs(target) };
    if (isSbom(target)) return { label: spec, kind: 'sbom', root: dirname(target), sbom: name };
    throw new SideError(`${spec} is a file but neither a lockfile (${[...LOCKFILES].join(', ')}) nor a CycloneDX or SPDX JSON SBOM.`);
  }
  if (spec.startsWith('-')) throw new SideError(`${spec} is not a file, a folder or a git revision.`);
  const commit = git(options.cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${spec}^{commit}`]);
  if (commit === undefined) throw new SideError(`${spec} is neither a file, a folder nor a revision of the git repository at ${options.cwd}.`);
  const top = git(options.cwd, ['rev-parse', '--show-toplevel'])!.toString('utf8').trim();
  const project = resolve(options.cwd, options.path ?? '.');
  const prefix = relative(top, project).split(sep).join('/');
  if (prefix.startsWith('..')) throw new SideError(`${options.path ?? '.'} is outside the repository at ${top}.`);
  return { label: spec, kind: 'git', root: project, fs: revisionFs(top, commit.toString('utf8').trim(), prefix, project) };
}

function isSbom(file: string): boolean {
  try {
    return sbomKind(JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''))) !== undefined;
  } catch {
    return false;
  }
}

/** A lockfile with the manifest beside it, nothing else (no node_modules, no licence files). */
function lockfileFs(file: string): ReadOnlyFs {
  const folder = dirname(file);
  const files = new Map<string, Buffer>([[basename(file), readFileSync(file)]]);
  for (const manifest of MANIFESTS) if (existsSync(join(folder, manifest))) files.set(manifest, readFileSync(join(folder, manifest)));
  return memoryFs(folder, files);
}

/** The project files of a folder on disk, as a revision would have them (for comparing like with like). */
export function projectFilesFs(root: string): ReadOnlyFs {
  const files = new Map<string, Buffer>();
  // Every folder but installed packages and hidden ones (.git): a revision has neither.
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(path);
      else if (entry.isFile() && PROJECT_FILES.has(entry.name) && lstatSync(join(root, path)).size <= MAX_FILE_BYTES) files.set(path, readFileSync(join(root, path)));
    }
  };
  walk('');
  return memoryFs(root, files);
}

/**
 * The project files of one revision, below `prefix`, read from git's object store: listed with
 * their sizes in one `ls-tree`, and read in `cat-file --batch` runs of at most MAX_FILE_BYTES (a
 * `git cat-file` per file took a monorepo's hundreds of package.json files a process each). A file
 * over the limit is listed but unreadable, as a file on disk would be.
 */
function revisionFs(top: string, commit: string, prefix: string, root: string): ReadOnlyFs {
  let repo: GitRepo;
  let listed: TreeEntry[];
  try {
    repo = GitRepo.open(top);
    listed = repo.blobsBelow(commit, prefix);
  } catch (error) {
    if (error instanceof GitError) throw new SideError(`cannot read revision ${commit.slice(0, 12)}: ${error.message}`);
    throw error;
  }
  const wanted = listed.flatMap((entry) => {
    const inside = prefix ? entry.path.slice(prefix.length + 1) : entry.path;
    const parts = inside.split('/');
    return PROJECT_FILES.has(parts[parts.length - 1]!) && !parts.includes('node_modules') ? [{ inside, entry }] : [];
  });
  // Read in runs of at most MAX_FILE_BYTES, each held whole as git gives it; a file over the
  // limit stays listed and unreadable.
  const files = new Map<string, Buffer | undefined>(wanted.map(({ inside }) => [inside, undefined]));
  let run: typeof wanted = [];
  let bytes = 0;
  const read = () => {
    const blobs = repo.readBlobs(run.map(({ entry }) => entry.blob));
    for (const { inside, entry } of run) files.set(inside, blobs.get(entry.blob));
    run = [];
    bytes = 0;
  };
  for (const item of wanted) {
    const size = item.entry.size ?? Number.POSITIVE_INFINITY;
    if (size > MAX_FILE_BYTES) continue;
    if (bytes + size > MAX_FILE_BYTES) read();
    run.push(item);
    bytes += size;
  }
  read();
  return memoryFs(root, files);
}

/** Runs a read-only git command; undefined when it fails (not a repository, no such revision). */
function git(cwd: string, args: string[]): Buffer | undefined {
  try {
    return execFileSync('git', args, { cwd, maxBuffer: MAX_FILE_BYTES, stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } });
  } catch {
    return undefined;
  }
}
