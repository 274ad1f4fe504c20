// `copyfair fork`: does this fork keep the terms of what it forked? Finds the fork point, the
// upstream's licence there and any relicensing after it, checks that the fork's licence is one the
// upstream's allows for derived works, that upstream notices were kept, and that no commit was
// taken from an era whose terms the fork does not have (by `git patch-id`).
import type { Commit, GitRepo } from '../git/repo.js';
import { EvidenceReader, type LicenceState } from '../history/evidence.js';
import { short, timeline, type CommitRef, type Period } from '../history/timeline.js';
import type { KnowledgeBase } from '../kb/index.js';
import { checkDerivative, loadDerivativeTable, type DerivativeCheck } from './derivatives.js';
import { noticeChanges } from './notices.js';
import { compareText } from '../util/compare.js';

/** Problem kinds, each documented in docs/forks.md. */
export const FORK_PROBLEMS = [
  'licence-not-allowed',
  'licence-unknown',
  'notice-removed',
  'copyright-removed',
  'spdx-identifier-changed',
  'licence-header-removed',
  'licence-text-edited',
  'taken-after-relicensing',
] as const;
export type ForkProblemKind = (typeof FORK_PROBLEMS)[number];

export interface ForkProblem {
  kind: ForkProblemKind;
  message: string;
  /** The fork's file concerned (or the upstream's, for a removed file), relative to the repository. */
  file?: string;
  line?: number;
  /** The fork's commit concerned. */
  commit?: string;
  /** The upstream commit it repeats (taken-after-relicensing). */
  upstreamCommit?: string;
}

export interface ForkReport {
  schemaVersion: 1;
  kind: 'fork';
  upstream: {
    /** The revision or path given as --upstream. */
    name: string;
    tip: CommitRef;
    /** The upstream's licence at the fork point, as the fork may take it today (a passed BUSL Change Date applies). */
    atForkPoint: string | null;
    now: string | null;
    /** Relicensings on the upstream after the fork point. */
    relicensings: { from: CommitRef; expression: string | null; parameters: Period['parameters'] }[];
  };
  forkPoint: CommitRef;
  fork: { tip: CommitRef; expression: string | null };
  compatibility: DerivativeCheck & { upstream: string | null; fork: string | null };
  problems: ForkProblem[];
  answer: { ok: boolean; headline: string };
}

export interface ForkOptions {
  /** The upstream's tip, as a commit this repository can read. */
  upstream: string;
  /** How the user named the upstream. */
  upstreamName: string;
  /** The fork's revision (default HEAD). */
  head?: string;
  kb: KnowledgeBase;
  /** Today, for BUSL Change Dates (YYYY-MM-DD). */
  today: string;
}

const ref = (commit: Commit): CommitRef => ({ sha: commit.sha, date: commit.date, author: commit.author, email: commit.email });

/** Audits the fork in `repo` against its upstream. */
export function auditFork(repo: GitRepo, options: ForkOptions): ForkReport {
  const upstreamTip = repo.commit(options.upstream);
  const forkTip = repo.commit(options.head ?? 'HEAD');
  const base = repo.mergeBase(upstreamTip.sha, forkTip.sha);
  if (!base) throw new Error(`the fork (${short(forkTip.sha)}) and ${options.upstreamName} (${short(upstreamTip.sha)}) share no history: is this the right upstream?`);
  const forkPoint = repo.commit(base);
  const reader = new EvidenceReader(repo, options.kb);
  reader.list([base, upstreamTip.sha, forkTip.sha]);
  const atBase = reader.state(base);
  const upstreamNow = reader.state(upstreamTip.sha);
  const forkNow = reader.state(forkTip.sha);
  const upstreamTerms = effective(atBase.expression, parametersOf(atBase), options.today);
  const periods = timeline(repo, reader, upstreamTip);
  // The periods after the fork point. They follow the upstream's first-parent line, oldest first:
  // once one starts at an ancestor of the fork point every earlier one does, so the newest are
  // asked first and the first ancestor ends it (a `merge-base` for each period after the fork
  // point and one more, not one for each of a long history's periods).
  const after: Period[] = [];
  for (let at = periods.length - 1; at >= 0 && !repo.isAncestor(periods[at]!.from.sha, base); at--) after.unshift(periods[at]!);
  const table = loadDerivativeTable();
  const compatibility = checkDerivative(upstreamTerms, forkNow.expression, options.kb, table);
  const problems: ForkProblem[] = [];
  if (compatibility.outcome !== 'allowed') {
    problems.push({
      kind: compatibility.outcome === 'not-allowed' ? 'licence-not-allowed' : 'licence-unknown',
      message: `The fork is under ${forkNow.expression ?? 'no licence'}, forked from code under ${upstreamTerms ?? 'no licence'}: ${compatibility.reasons.filter((reason) => !/ allows | lets a derived work carry any/.test(reason)).join('; ')}.`,
      file: forkNow.files[0]?.path ?? forkNow.manifests[0]?.path,
    });
  }
  problems.push(...noticeChanges(repo, base, forkTip.sha, reader));
  problems.push(...takenAfterRelicensing(repo, after, base, forkTip.sha, forkNow.expression, options, table));
  const ok = problems.length === 0;
  const headline = ok
    ? `Yes: this fork keeps the terms of upstream at ${short(base)} (${upstreamTerms ?? 'no licence'}).`
    : `No: ${problems.length} problem${problems.length === 1 ? '' : 's'} with the terms of upstream at ${short(base)} (${upstreamTerms ?? 'no licence'}).`;
  return {
    schemaVersion: 1,
    kind: 'fork',
    upstream: {
      name: options.upstreamName,
      tip: ref(upstreamTip),
      atForkPoint: upstreamTerms,
      now: upstreamNow.expression,
      relicensings: after.map((period) => ({ from: period.from, expression: period.expression, parameters: period.parameters })),
    },
    forkPoint: ref(forkPoint),
    fork: { tip: ref(forkTip), expression: forkNow.expression },
    compatibility: { ...compatibility, upstream: upstreamTerms, fork: forkNow.expression },
    problems: problems.sort(compareProblems),
    answer: { ok, headline },
  };
}

function parametersOf(state: LicenceState): Period['parameters'] {
  const parameters: Period['parameters'] = {};
  for (const file of state.files) for (const [id, values] of Object.entries(file.parameters ?? {})) parameters[id] = { ...parameters[id], ...values };
  return parameters;
}

/** The terms as they stand today: a BUSL whose Change Date has passed is its Change License. */
export function effective(expression: string | null, parameters: Period['parameters'], today: string): string | null {
  const busl = parameters['BUSL-1.1'];
  if (!expression || !busl || !/\bBUSL-1\.1\b/.test(expression)) return expression;
  const date = String(busl.changeDate ?? '');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || date > today) return expression;
  const change = String(busl.changeLicense ?? 'GPL-2.0-or-later');
  return expression.replace(/\bBUSL-1\.1\b/, /\s/.test(change) ? `(${change})` : change);
}

/** Fork commits that repeat upstream commits from an era whose terms the fork's licence breaks. */
function takenAfterRelicensing(repo: GitRepo, after: Period[], base: string, forkTip: string, forkExpression: string | null, options: ForkOptions, table: ReturnType<typeof loadDerivativeTable>): ForkProblem[] {
  const eras = after.filter((period) => checkDerivative(effective(period.expression, period.parameters, options.today), forkExpression, options.kb, table).outcome !== 'allowed');
  if (eras.length === 0) return [];
  // A commit can repeat another only if it changes the same files (a patch id hashes their names):
  // patch ids are worked out for those commits alone, not for every diff of a busy upstream's era.
  const forkPaths = repo.changedPaths([`^${base}`, forkTip]);
  const eraPaths = eras.map((era) => {
    const start = repo.commit(era.from.sha);
    return repo.changedPaths(start.parents[0] ? [`^${start.parents[0]}`, era.to.sha] : [era.to.sha]);
  });
  const upstreamFiles = new Set(eraPaths.flatMap((paths) => [...paths.values()]));
  const forkFiles = new Set(forkPaths.values());
  const alike = (paths: Map<string, string>, other: Set<string>) => [...paths].filter(([, files]) => other.has(files)).map(([commit]) => commit);
  const forkCommits = alike(forkPaths, upstreamFiles);
  const eraCommits = eraPaths.map((paths) => alike(paths, forkFiles));
  // Both sides' patch ids in one pass (a `git log -p` and a `git patch-id`), not one a side.
  const patches = repo.patchIdsOf([...new Set([...forkCommits, ...eraCommits.flat()])]);
  const byPatch = new Map<string, string>();
  for (const commit of forkCommits) {
    const patch = patches.get(commit);
    if (patch !== undefined && !byPatch.has(patch)) byPatch.set(patch, commit);
  }
  const problems: ForkProblem[] = [];
  for (const [index, era] of eras.entries()) {
    for (const upstreamCommit of eraCommits[index]!) {
      const patch = patches.get(upstreamCommit);
      const taken = patch === undefined ? undefined : byPatch.get(patch);
      if (!taken) continue;
      problems.push({
        kind: 'taken-after-relicensing',
        commit: taken,
        upstreamCommit,
        message: `Fork commit ${short(taken)} repeats upstream commit ${short(upstreamCommit)}, made after the upstream moved to ${era.expression ?? 'no licence'} in ${short(era.from.sha)} (${era.from.date}): that change is under ${era.expression ?? 'no licence'}, which the fork's ${forkExpression ?? 'missing licence'} does not honour.`,
      });
    }
  }
  return problems;
}

function compareProblems(a: ForkProblem, b: ForkProblem): number {
  return FORK_PROBLEMS.indexOf(a.kind) - FORK_PROBLEMS.indexOf(b.kind) || compareText(a.file ?? '', b.file ?? '') || compareText(a.commit ?? '', b.commit ?? '') || compareText(a.message, b.message);
}

