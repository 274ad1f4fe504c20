// The project's own licence evidence at one commit, read from git's object store: licence files
// (LICENSE*, COPYING*, NOTICE*, LICENSES/*), the licence fields of package.json, Cargo.toml and
// pyproject.toml, and REUSE's .reuse/dep5 / REUSE.toml, identified as `scan` identifies them.
import { createHash } from 'node:crypto';
import { parse as parseToml } from 'smol-toml';
import { LINK_MODE, linkedPath, type GitRepo, type TreeEntry } from '../git/repo.js';
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

/** The most links followed from one evidence file. */
const MAX_LINKS = 8;

/** An evidence file of a commit: a tree entry, or a link that leads to nothing readable (`link` says where). */
export interface EvidenceEntry extends TreeEntry {
  link?: string;
}

/** Reads and identifies licence evidence; identification is cached by blob id across commits. */
export class EvidenceReader {
  private identified = new Map<string, LicenceFileState>();

  constructor(
    private readonly repo: GitRepo,
    private readonly kb: KnowledgeBase,
    /** The folder followed, relative to the repository root ('' for the root). */
    private readonly folder = '',
  ) {}

  /**
   * The evidence entries of a commit's tree. A link is read as the file it leads to in the same
   * commit (a monorepo package's LICENSE linked to the root's: `../../LICENSE`); one that leads out
   * of the repository, or to no file, keeps its own blob and is marked.
   */
  entries(commit: string): EvidenceEntry[] {
    const base = this.folder === '' ? '' : `${this.folder.replace(/\/+$/, '')}/`;
    // Evidence lies in the folder itself, LICENSES/ and .reuse/ (isEvidencePath): those three are listed.
    return this.repo
      .blobsIn(commit, [base, `${base}LICENSES`, `${base}.reuse`])
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
   * their first parent's (see WATCHED), and the line's first commit whatever it holds.
   */
  changedCommits(tip: string): string[] {
    const changed: string[] = [];
    let previous: string | undefined;
    this.repo.eachFolderTree(tip, this.folder.replace(/\/+$/, ''), (sha, entries) => {
      const watched = entries.filter((entry) => WATCHED.test(entry.name) || WATCHED_NAMES.has(entry.name)).map((entry) => `${entry.mode} ${entry.object} ${entry.name}`).sort().join('\0');
      if (previous === undefined || watched !== previous) changed.push(sha);
      previous = watched;
    });
    return changed;
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
