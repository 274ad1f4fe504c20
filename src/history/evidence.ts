// The project's own licence evidence at one commit, read from git's object store: licence files
// (LICENSE*, COPYING*, NOTICE*, LICENSES/*), the licence fields of package.json, Cargo.toml and
// pyproject.toml, and REUSE's .reuse/dep5 / REUSE.toml, identified as `scan` identifies them.
import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { LINK_MODE, linkedPath, treeEntries, type FolderEntry, type GitRepo, type TreeEntry } from '../git/repo.js';
import { readDeclared, readString } from '../identify/declared.js';
import { decide } from '../identify/evidence.js';
import { identifyText } from '../identify/index.js';
import type { KnowledgeBase } from '../kb/index.js';
import type { Evidence } from '../types.js';
import { copyrightLines } from '../util/copyright.js';

export { copyrightLines };

/** One licence file at a commit. */
export interface LicenceFileState {
  path: string;
  blob: string;
  /** What identification found, null when no known licence could be identified. */
  expression: string | null;
  /** BUSL's parameters and the like, by licence id. */
  parameters?: Record<string, Record<string, string | string[]>>;
  /** Copyright lines, for `fork`'s notice checks. */
  copyright: string[];
  /** A hash of the text without its copyright lines: an edit that changes it is more than a new year. */
  body: string;
}

/** One manifest's licence declaration at a commit. */
export interface ManifestState {
  path: string;
  value: string;
  expression: string | null;
}

/** Everything that says what licence the project is under at one commit. */
export interface LicenceState {
  /** The expression decided from all evidence, as `scan` decides it; null when none. */
  expression: string | null;
  files: LicenceFileState[];
  manifests: ManifestState[];
  /** Evidence that disagrees: a manifest declares one licence, a file says another. */
  mismatches: { file: string; declared: string; found: string }[];
  /** Why part of the evidence could not be read. */
  unknown: string[];
}

const LICENCE_FILE = /^(licen[cs]e|copying|notice|unlicen[cs]e|copyright)([-._ ].*)?$/i;
const MANIFESTS = ['package.json', 'Cargo.toml', 'pyproject.toml', '.reuse/dep5', 'REUSE.toml'];
/** The modes of a folder and of a submodule in a tree object. */
const FOLDER_MODE = '40000';
const SUBMODULE_MODE = '160000';
/** A licence file larger than this is not read (as in `scan`). */
const MAX_BYTES = 1024 * 1024;

/** Whether a path (relative to the followed folder) is licence evidence. */
export function isEvidencePath(relative: string): boolean {
  if (MANIFESTS.includes(relative)) return true;
  const parts = relative.split('/');
  if (parts.length === 1) return LICENCE_FILE.test(parts[0]!);
  return parts.length === 2 && parts[0] === 'LICENSES';
}

/**
 * The names directly in the followed folder whose entry, when it changes, may change the evidence:
 * what isEvidencePath reads there, by the prefix of each licence file name (as git's `licen[cs]e*`
 * would match), the manifests, and the two folders evidence is read from (LICENSES/ and .reuse/,
 * whose tree changes when anything in them does). More than the evidence, never less: a commit
 * that changes none of the evidence reads as the one before it, and adds nothing to a history.
 */
const WATCHED = /^(?:licen[cs]e|copying|notice|unlicen[cs]e|copyright)/i;
const WATCHED_NAMES = new Set([...MANIFESTS.filter((name) => !name.includes('/')), 'LICENSES', '.reuse']);

/** The watched entries of a commit as one string: equal when none of them changed. */
function signature(watched: FolderEntry[]): string {
  return watched.map((entry) => `${entry.mode} ${entry.object} ${entry.name}`).sort().join('\0');
}

/** LICENSES/ or .reuse/ as a folder: the two evidence is read from inside. */
const isSubfolder = (entry: FolderEntry) => entry.mode === FOLDER_MODE && (entry.name === 'LICENSES' || entry.name === '.reuse');
/** A file or link, as `ls-tree` lists a blob: not a folder, not a submodule. */
const isFile = (entry: FolderEntry) => entry.mode !== FOLDER_MODE && entry.mode !== SUBMODULE_MODE;

/** The most links followed from one evidence file. */
const MAX_LINKS = 8;

/** An evidence file of a commit: a tree entry, or a link that leads to nothing readable (`link` says where). */
export interface EvidenceEntry extends TreeEntry {
  link?: string;
}

/** Reads and identifies licence evidence; identification is cached by blob id across commits. */
export class EvidenceReader {
  private identified = new Map<string, LicenceFileState>();
  /** The folder's own entries at each commit changedCommits kept, so its evidence is listed without a git process a commit. */
  private listed = new Map<string, FolderEntry[]>();

  constructor(
    private readonly repo: GitRepo,
    private readonly kb: KnowledgeBase,
    /** The folder followed, relative to the repository root ('' for the root). */
    private readonly folder = '',
  ) {}

  /** The followed folder as a path prefix: '' for the root, else the folder and a slash. */
  private get base(): string {
    const folder = this.folder.replace(/\/+$/, '');
    return folder === '' ? '' : `${folder}/`;
  }

  /**
   * The evidence entries of a commit's tree. A link is read as the file it leads to in the same
   * commit (a monorepo package's LICENSE linked to the root's: `../../LICENSE`); one that leads out
   * of the repository, or to no file, keeps its own blob and is marked.
   */
  entries(commit: string): EvidenceEntry[] {
    const base = this.base;
    // Evidence lies in the folder itself, LICENSES/ and .reuse/ (isEvidencePath): those three are
    // listed, from the folder's entries when changedCommits kept them.
    const direct = this.listed.get(commit);
    return (direct ? this.listedEntries(commit, direct) : this.repo.blobsIn(commit, [base, `${base}LICENSES`, `${base}.reuse`]))
      .filter((entry) => entry.path.startsWith(base) && isEvidencePath(entry.path.slice(base.length)))
      .map((entry) => (entry.mode === LINK_MODE ? this.followed(commit, entry) : entry))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /** A link's entry as the file it leads to (up to MAX_LINKS links), or marked as leading nowhere readable. */
  private followed(commit: string, link: TreeEntry): EvidenceEntry {
    let entry: TreeEntry | undefined = link;
    let path = link.path;
    for (let hops = 0; entry?.mode === LINK_MODE && hops < MAX_LINKS; hops++) {
      const target = this.repo.readBlobs([entry.blob]).get(entry.blob)?.toString('utf8') ?? '';
      // A link's target is any bytes git was given: one no file system would hold leads nowhere.
      if (target === '' || /[\0\n]/.test(target)) return { ...link, link: 'no file of the repository' };
      const resolved = linkedPath(path, target);
      // Where it leads is not quoted: nothing outside the project is named in a report (docs/security.md).
      if (resolved === undefined) return { ...link, link: 'a place outside the repository' };
      path = resolved;
      entry = this.repo.entryAt(commit, resolved);
    }
    if (!entry || entry.mode === LINK_MODE || entry.mode === '040000' || entry.mode === '160000') return { ...link, link: `${path}, no file of the repository` };
    return { path: link.path, blob: entry.blob, mode: entry.mode };
  }

  /**
   * The commits on the first-parent line up to `tip`, oldest first, whose evidence may differ from
   * their first parent's (see WATCHED; a link, in the folder or in LICENSES/ and .reuse/, counts
   * with what it leads to at that commit, so a package's LICENSE linked to the root's changes when
   * the root's does), and the line's first commit whatever it holds.
   */
  changedCommits(tip: string): string[] {
    const base = this.base;
    // Each commit's watched entries; its whole listing kept only where it may be read.
    const line: { sha: string; watched: FolderEntry[]; entries?: FolderEntry[] }[] = [];
    let previous: string | undefined;
    this.repo.eachFolderTree(tip, base.slice(0, -1), (sha, entries) => {
      const watched = entries.filter((entry) => WATCHED.test(entry.name) || WATCHED_NAMES.has(entry.name));
      const plain = signature(watched);
      // Kept where it may be read: a change of the watched entries, or links whose targets may
      // change (a commit changed only through a link in LICENSES/ is listed with ls-tree instead).
      line.push({ sha, watched, ...(plain !== previous || watched.some((entry) => entry.mode === LINK_MODE) ? { entries } : {}) });
      previous = plain;
    });
    // The links among the watched entries, and among the files of LICENSES/ and .reuse/ (each
    // distinct folder read once): each counts with where it leads at its commit.
    const subfolders = this.repo.readBlobs(line.flatMap(({ watched }) => watched.filter(isSubfolder).map((entry) => entry.object)));
    const linksIn = (commit: string, entry: FolderEntry): { path: string; blob: string }[] => {
      if (entry.mode === LINK_MODE) return [{ path: `${base}${entry.name}`, blob: entry.object }];
      const tree = isSubfolder(entry) ? subfolders.get(entry.object) : undefined;
      return tree ? treeEntries(tree, commit.length / 2).filter((inner) => inner.mode === LINK_MODE).map((inner) => ({ path: `${base}${entry.name}/${inner.name}`, blob: inner.object })) : [];
    };
    const links = line.map(({ sha, watched }) => watched.flatMap((entry) => linksIn(sha, entry)));
    const leads = this.linkLeads(line.flatMap(({ sha }, i) => links[i]!.map((link) => ({ commit: sha, ...link }))));
    const changed: string[] = [];
    let before: string | undefined;
    for (const [i, { sha, watched, entries }] of line.entries()) {
      const now = `${signature(watched)}\0${links[i]!.map((link) => `${link.path} -> ${leads.get(`${sha}\0${link.path}`) ?? ''}`).join('\0')}`;
      if (before === undefined || now !== before) {
        changed.push(sha);
        if (entries) this.listed.set(sha, entries);
      }
      before = now;
    }
    return changed;
  }

  /**
   * Where each link leads at its commit ("<mode> <object>" of what it leads to, after up to
   * MAX_LINKS links, or why it leads nowhere), by `<commit>\0<path>`: the folders of the targets read
   * in one `cat-file --batch` a hop.
   */
  private linkLeads(links: { commit: string; path: string; blob: string }[]): Map<string, string> {
    const leads = new Map<string, string>();
    let pending = links.map((link) => ({ ...link, key: `${link.commit}\0${link.path}` }));
    for (let hops = 0; pending.length > 0 && hops < MAX_LINKS; hops++) {
      const targets = this.repo.readBlobs(pending.map((link) => link.blob));
      const asked: { link: (typeof pending)[number]; resolved: string }[] = [];
      for (const link of pending) {
        const target = targets.get(link.blob)?.toString('utf8') ?? '';
        const resolved = target === '' || /[\0\n]/.test(target) ? undefined : linkedPath(link.path, target);
        if (resolved === undefined) leads.set(link.key, 'nowhere');
        else asked.push({ link, resolved });
      }
      const folders = this.repo.objectsAt(asked.map(({ link, resolved }) => (posix.dirname(resolved) === '.' ? `${link.commit}^{tree}` : `${link.commit}:${posix.dirname(resolved)}`)));
      const next: typeof pending = [];
      asked.forEach(({ link, resolved }, i) => {
        const folder = folders[i];
        const name = posix.basename(resolved);
        const entry = folder?.type === 'tree' ? treeEntries(folder.body, link.commit.length / 2).find((inner) => inner.name === name) : undefined;
        if (entry?.mode === LINK_MODE) next.push({ ...link, path: resolved, blob: entry.object });
        else leads.set(link.key, entry ? `${entry.mode} ${entry.object}` : 'nowhere');
      });
      pending = next;
    }
    for (const link of pending) leads.set(link.key, 'too many links');
    return leads;
  }

  /**
   * Reads, in one `cat-file --batch`, the evidence of the commits changedCommits found (their
   * LICENSES/ and .reuse/ folders first), so that `state` needs no git process for them: a project
   * whose package.json changes every few commits has its evidence change a thousand times.
   */
  prefetch(commits: readonly string[]): void {
    const listings = commits.flatMap((commit) => this.listed.get(commit) ?? []);
    this.repo.readBlobs(listings.filter(isSubfolder).map((entry) => entry.object));
    this.repo.readBlobs(commits.flatMap((commit) => (this.listed.has(commit) ? this.listedEntries(commit, this.listed.get(commit)!).map((entry) => entry.blob) : [])));
  }

  /**
   * Lists the followed folder at each of `commits` (full commit ids) in one `cat-file --batch`, and
   * reads their evidence as {@link prefetch} does: the states of a few commits asked together
   * (a fork's point, its tip and its upstream's) cost three git processes, not two a commit.
   */
  list(commits: readonly string[]): void {
    const wanted = [...new Set(commits)].filter((commit) => !this.listed.has(commit));
    this.repo.folderTrees(wanted, this.base.slice(0, -1)).forEach((entries, i) => this.listed.set(wanted[i]!, entries));
    this.prefetch(wanted);
  }

  /** The files of a commit in the folder, LICENSES/ and .reuse/ (as `blobsIn` lists them), from the folder's entries kept for it. */
  private listedEntries(commit: string, direct: FolderEntry[]): TreeEntry[] {
    const base = this.base;
    const idBytes = commit.length / 2;
    const files: TreeEntry[] = [];
    for (const entry of direct) {
      if (isSubfolder(entry)) {
        const tree = this.repo.readBlobs([entry.object]).get(entry.object);
        for (const inner of tree ? treeEntries(tree, idBytes) : []) if (isFile(inner)) files.push({ path: `${base}${entry.name}/${inner.name}`, blob: inner.object, mode: inner.mode });
      } else if (isFile(entry)) files.push({ path: `${base}${entry.name}`, blob: entry.object, mode: entry.mode });
    }
    return files;
  }

  /** The licence state of a commit. */
  state(commit: string): LicenceState {
    return this.stateOf(this.entries(commit));
  }

  /** The licence state given a commit's evidence entries. */
  stateOf(entries: EvidenceEntry[]): LicenceState {
    const blobs = this.repo.readBlobs(entries.map((entry) => entry.blob));
    const files: LicenceFileState[] = [];
    const manifests: ManifestState[] = [];
    const unknown: string[] = [];
    const evidence: Evidence[] = [];
    for (const entry of entries) {
      const bytes = blobs.get(entry.blob);
      const name = entry.path.split('/').pop()!;
      if (!bytes) continue;
      if (entry.link !== undefined) {
        unknown.push(`${entry.path} is a link to ${entry.link} and was not read`);
        continue;
      }
      if (MANIFESTS.some((manifest) => entry.path === manifest || entry.path.endsWith(`/${manifest}`))) {
        const declared = this.readManifest(entry.path, bytes.toString('utf8'), unknown);
        if (!declared) continue;
        manifests.push(declared);
        evidence.push({ kind: 'declared', value: declared.value, expression: declared.expression, location: { file: entry.path } });
        continue;
      }
      if (bytes.length > MAX_BYTES || bytes.subarray(0, 8000).includes(0)) {
        unknown.push(`${entry.path} is ${bytes.length > MAX_BYTES ? 'over 1 MiB' : 'a binary file'} and was not read`);
        continue;
      }
      const file = this.identify(entry, bytes);
      files.push(file);
      if (/^notice/i.test(name) && file.expression === null) continue; // a NOTICE file holds notices, not a licence
      evidence.push({ kind: 'licence-file', expression: file.expression, confidence: file.expression ? 1 : 0, location: { file: entry.path }, sha256: entry.blob });
    }
    const decision = decide(evidence);
    return { expression: decision.expression, files, manifests, mismatches: decision.mismatches, unknown: [...unknown, ...decision.unknown.filter((reason) => !reason.startsWith('no licence'))] };
  }

  /** The expression identification gives a text (cached by text). */
  identifyText(text: string): string | null {
    return identifyText(text).expression;
  }

  private identify(entry: TreeEntry, bytes: Buffer): LicenceFileState {
    const known = this.identified.get(entry.blob);
    if (known) return { ...known, path: entry.path };
    const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
    const found = identifyText(text);
    const parameters: NonNullable<LicenceFileState['parameters']> = {};
    for (const match of found.matches) if (match.parameters) parameters[match.id] = match.parameters as Record<string, string | string[]>;
    const state: LicenceFileState = { path: entry.path, blob: entry.blob, expression: found.expression, copyright: copyrightLines(text), body: bodyHash(text) };
    if (Object.keys(parameters).length > 0) state.parameters = parameters;
    this.identified.set(entry.blob, state);
    return state;
  }

  private readManifest(path: string, text: string, unknown: string[]): ManifestState | undefined {
    const name = path.split('/').pop()!;
    try {
      if (name === 'package.json') {
        const manifest = JSON.parse(text.replace(/^\uFEFF/, '')) as { license?: unknown; licenses?: unknown } | null;
        if (!manifest || typeof manifest !== 'object' || (manifest.license === undefined && manifest.licenses === undefined)) return undefined;
        const declared = readDeclared(manifest.license, manifest.licenses, this.kb);
        return { path, value: declared.value, expression: declared.expression };
      }
      if (name === 'Cargo.toml') {
        const manifest = parseToml(text) as { package?: { license?: unknown; 'license-file'?: unknown } };
        const licence = manifest.package?.license;
        if (typeof licence === 'string') return this.declared(path, licence, licence.split('/').map((part) => part.trim()).join(' OR '));
        const file = manifest.package?.['license-file'];
        return typeof file === 'string' ? { path, value: `license-file = ${file}`, expression: null } : undefined;
      }
      if (name === 'pyproject.toml') {
        const manifest = parseToml(text) as { project?: { license?: unknown }; tool?: { poetry?: { license?: unknown } } };
        const licence = manifest.project?.license ?? manifest.tool?.poetry?.license;
        if (typeof licence === 'string') return this.declared(path, licence, licence);
        if (licence && typeof licence === 'object' && typeof (licence as { text?: unknown }).text === 'string') {
          const value = (licence as { text: string }).text;
          return this.declared(path, value, value);
        }
        return undefined;
      }
      if (name === 'dep5') return this.reuse(path, [...text.matchAll(/^License:\s*(.+)$/gim)].map((match) => match[1]!.trim()));
      if (name === 'REUSE.toml') {
        const manifest = parseToml(text) as { annotations?: { 'SPDX-License-Identifier'?: unknown }[] };
        const ids = (manifest.annotations ?? []).map((annotation) => annotation['SPDX-License-Identifier']).filter((id): id is string => typeof id === 'string');
        return this.reuse(path, ids);
      }
    } catch (error) {
      unknown.push(`${path} could not be read: ${(error as Error).message.split('\n')[0]}`);
    }
    return undefined;
  }

  private declared(path: string, value: string, text: string): ManifestState {
    return { path, value, expression: readString(text, this.kb).expression };
  }

  /** REUSE files name a licence per set of files: together they all apply. */
  private reuse(path: string, ids: string[]): ManifestState | undefined {
    const unique = [...new Set(ids)].sort();
    if (unique.length === 0) return undefined;
    const value = unique.join(', ');
    const parts = unique.map((id) => readString(id, this.kb).expression);
    const expression = parts.some((part) => part === null) ? null : parts.map((part) => (/\s/.test(part!) ? `(${part})` : part)).join(' AND ');
    return { path, value, expression };
  }
}

/** The text without copyright lines, white space folded, hashed. */
export function bodyHash(text: string): string {
  const body = text
    .split(/\r\n|\r|\n/)
    .filter((line) => copyrightLines(line).length === 0)
    .join(' ')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
  return createHash('sha256').update(body).digest('hex');
}
