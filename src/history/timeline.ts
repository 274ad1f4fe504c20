// `copyfair history`: the project's own licence over time. Walks the first-parent history of the
// commits that touched licence evidence, decides the licence at each, and collapses the walk into
// periods (from which commit to which, under which expression), with the facts a maintainer needs.
import type { Commit, GitRepo } from '../git/repo.js';
import type { KnowledgeBase } from '../kb/index.js';
import { EvidenceReader, type LicenceState } from './evidence.js';

/** A commit as the history report names it. */
export interface CommitRef {
  sha: string;
  date: string;
  author: string;
  email: string;
}

/** One stretch of history under one licence. */
export interface Period {
  from: CommitRef;
  /** The last commit of the period on the first-parent line (the tip for the last period). */
  to: CommitRef;
  /** What the project is under in this period; null: no licence evidence at all. */
  expression: string | null;
  /** Parameters read from the licence texts (BUSL's Change Date and Change License …). */
  parameters: Record<string, Record<string, string | string[]>>;
  files: { path: string; blob: string; expression: string | null }[];
  manifests: { path: string; value: string; expression: string | null }[];
  /** Commits inside the period that edited a licence text without changing the licence. */
  edits: (CommitRef & { files: string[] })[];
  mismatches: { file: string; declared: string; found: string }[];
  unknown: string[];
}

/** A fact stated as a sentence, with what it is about. */
export interface HistoryFact {
  kind: 'last-commit-under' | 'change-date' | 'text-edited' | 'mismatch' | 'unidentified' | 'no-licence' | 'current';
  text: string;
  commit?: string;
}

/** The history report. */
export interface HistoryReport {
  schemaVersion: 1;
  kind: 'history';
  /** The folder followed, relative to the repository root ('' for the root). */
  path: string;
  head: CommitRef;
  periods: Period[];
  facts: HistoryFact[];
}

export interface HistoryOptions {
  /** The revision to read history up to (default HEAD). */
  revision?: string;
  /** Follow this folder (monorepos with per-package licences). */
  path?: string;
  kb: KnowledgeBase;
  /** For BUSL change dates: whether a date has passed. */
  today: string;
}

export const short = (sha: string) => sha.slice(0, 7);

const ref = (commit: Commit): CommitRef => ({ sha: commit.sha, date: commit.date, author: commit.author, email: commit.email });

/** Builds the licence timeline of `repo` up to `options.revision`. */
export function licenceHistory(repo: GitRepo, options: HistoryOptions): HistoryReport {
  const folder = (options.path ?? '').replace(/^\.\/?/, '').replace(/\/+$/, '');
  const tip = repo.commit(options.revision ?? 'HEAD');
  const reader = new EvidenceReader(repo, options.kb, folder);
  const periods = timeline(repo, reader, tip);
  return { schemaVersion: 1, kind: 'history', path: folder, head: ref(tip), periods, facts: facts(periods, options.today) };
}

/**
 * The periods on the first-parent line up to `tip`, read at `changed`: the line's first commit,
 * then each whose evidence may differ from the one before it, oldest first (what the reader finds;
 * any more commits of the line give the same periods).
 */
export function timeline(repo: GitRepo, reader: EvidenceReader, tip: Commit, changed: readonly string[] = reader.changedCommits(tip.sha)): Period[] {
  const commits = repo.commits(changed);
  reader.prefetch(changed);
  const periods: Period[] = [];
  let previousFiles = new Map<string, string>();
  // Edits are judged on the text without its copyright lines: a new year is not an edit of the terms.
  for (const commit of commits) {
    const state = reader.state(commit.sha);
    const current = periods[periods.length - 1];
    const files = new Map(state.files.map((file) => [file.path, file.body]));
    if (!current || key(state) !== key(current)) {
      if (current) current.to = ref(repo.commit(commit.parents[0] ?? commit.sha));
      periods.push(periodOf(commit, state));
    } else {
      const edited = [...files].filter(([path, body]) => previousFiles.has(path) && previousFiles.get(path) !== body).map(([path]) => path);
      if (edited.length > 0) current.edits.push({ ...ref(commit), files: edited });
      for (const mismatch of state.mismatches) if (!current.mismatches.some((m) => m.file === mismatch.file && m.found === mismatch.found)) current.mismatches.push(mismatch);
    }
    previousFiles = files;
  }
  const last = periods[periods.length - 1];
  if (last) last.to = ref(tip);
  return periods;
}

function periodOf(commit: Commit, state: LicenceState): Period {
  const parameters: Period['parameters'] = {};
  for (const file of state.files) for (const [id, values] of Object.entries(file.parameters ?? {})) parameters[id] = { ...parameters[id], ...values };
  return {
    from: ref(commit),
    to: ref(commit),
    expression: state.expression,
    parameters,
    files: state.files.map(({ path, blob, expression }) => ({ path, blob, expression })),
    manifests: state.manifests,
    edits: [],
    mismatches: state.mismatches,
    unknown: state.unknown,
  };
}

/** What makes two states the same licence period: the expression and its parameters. */
function key(state: LicenceState | Period): string {
  const parameters: Record<string, unknown> = {};
  if ('parameters' in state) Object.assign(parameters, state.parameters);
  else for (const file of state.files) for (const [id, values] of Object.entries(file.parameters ?? {})) parameters[id] = { ...(parameters[id] as object), ...values };
  return JSON.stringify([state.expression, Object.entries(parameters).sort()]);
}

/** The licence of a period as a sentence names it. */
export function nameOf(period: Period): string {
  if (period.expression !== null) return period.expression;
  return holdsEvidence(period) ? 'a licence copyfair cannot identify' : 'no licence';
}

/**
 * Whether a period has licence evidence, read or not: a licence file or manifest, or one that could
 * not be read (binary, over 1 MiB, a link to no file of the repository), which is no proof of "no
 * licence".
 */
function holdsEvidence(period: Period): boolean {
  return period.files.length > 0 || period.manifests.length > 0 || period.unknown.length > 0;
}

/** The sentences a maintainer needs, in the order of the history. */
export function facts(periods: Period[], today: string): HistoryFact[] {
  const said: HistoryFact[] = [];
  periods.forEach((period, index) => {
    const name = nameOf(period);
    const busl = period.parameters['BUSL-1.1'];
    if (period.expression === null && !holdsEvidence(period)) {
      said.push({ kind: 'no-licence', commit: period.from.sha, text: `From ${short(period.from.sha)} (${period.from.date}) to ${short(period.to.sha)} (${period.to.date}) the project states no licence: nobody may copy or fork it (all rights reserved).` });
    }
    if (busl && /BUSL-1\.1/.test(name)) {
      const changeDate = String(busl.changeDate ?? 'not stated');
      const changeLicence = String(busl.changeLicense ?? 'GPL-2.0-or-later (BUSL-1.1 ¶2 default)');
      const passed = /^\d{4}-\d{2}-\d{2}$/.test(changeDate) && changeDate <= today;
      const sentence = (value: unknown) => `${String(value).replace(/[.\s]+$/, '')}.`;
      const grant = busl.additionalUseGrant ? ` Additional Use Grant: ${sentence(busl.additionalUseGrant)}` : '';
      const licensor = busl.licensor ? ` Licensor: ${sentence(busl.licensor)}` : '';
      said.push({
        kind: 'change-date',
        commit: period.from.sha,
        text: `From ${short(period.from.sha)} (${period.from.date}) the project is under ${name}, Change Date ${changeDate}, Change License ${changeLicence}: those commits may be used under ${changeLicence} from that date${passed ? ' (it has passed)' : ''}.${licensor}${grant}`,
      });
    }
    for (const edit of period.edits) {
      said.push({ kind: 'text-edited', commit: edit.sha, text: `${edit.files.join(', ')} ${edit.files.length > 1 ? 'were' : 'was'} edited in ${short(edit.sha)} (${edit.date}) by ${edit.author} without changing the licence: read what the edit says.` });
    }
    for (const mismatch of period.mismatches) {
      said.push({ kind: 'mismatch', commit: period.from.sha, text: `From ${short(period.from.sha)} the manifest declares ${mismatch.declared} but ${mismatch.file} is ${mismatch.found}: both apply until they agree.` });
    }
    for (const reason of period.unknown) said.push({ kind: 'unidentified', commit: period.from.sha, text: `At ${short(period.from.sha)}: ${reason}.` });
    const next = periods[index + 1];
    if (next && period.expression !== null) {
      said.push({ kind: 'last-commit-under', commit: period.to.sha, text: `The last commit under ${name} is ${short(period.to.sha)} (${period.to.date}): a fork from there or earlier may use ${name}. ${next.from.author} changed it to ${nameOf(next)} in ${short(next.from.sha)} (${next.from.date}).` });
    }
  });
  const last = periods[periods.length - 1];
  if (last) said.push({ kind: 'current', commit: last.to.sha, text: `At ${short(last.to.sha)} (${last.to.date}) the project is under ${nameOf(last)}${periods.length === 1 ? ', as it has been since its first commit' : ''}.` });
  return said;
}
