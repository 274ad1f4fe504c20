// The headline answer and whether the run passes, derived in one place from the same data (the
// verdicts, the diagnostics, --fail-on), so the words and the exit code can never disagree:
// "Yes" only when everything was read and nothing is in --fail-on, "No" when something in
// --fail-on was hit, "Cannot tell" when evidence is missing, "Cannot answer" when the project
// itself could not be read.
import type { AnswerStatus, ComponentResult, Diagnostic, Outcome, Report } from '../types.js';

/** What a run fails on unless the flags or the config say otherwise. */
export const DEFAULT_FAIL_ON: Outcome[] = ['payback', 'forbidden', 'unknown'];

/** Diagnostics that mean the project itself could not be read: there is no answer (exit 2). */
export const PROJECT_UNREADABLE: readonly string[] = ['no-sources', 'workspace-not-found', 'sbom-invalid'];

/**
 * Warnings that mean some dependency was not read in full (its manifest, its files or its
 * subtree). Every `error` outside the config's own codes means the same; these are the warnings.
 */
export const EVIDENCE_MISSING_WARNINGS: readonly string[] = ['npm-dependency-missing', 'npm-manifest-missing', 'npm-symlink-broken', 'licence-file-unreadable', 'package-folder-unreadable', 'sbom-entry-skipped'];

/** The diagnostic of a broken root manifest (no component: it is the project's own). */
export function isRootManifestProblem(d: Diagnostic): boolean {
  if (d.code === 'npm-root-manifest-invalid') return true;
  return d.code === 'npm-manifest-invalid' && d.component === undefined && d.location?.file === 'package.json';
}

/** Did this diagnostic leave a dependency unread (evidence missing)? */
export function meansEvidenceMissing(d: Diagnostic): boolean {
  if (PROJECT_UNREADABLE.includes(d.code) || isRootManifestProblem(d)) return false;
  if (d.severity === 'error') return !d.code.startsWith('config-') && d.code !== 'terms-file-invalid';
  return EVIDENCE_MISSING_WARNINGS.includes(d.code);
}

export interface AnswerInput {
  components: ComponentResult[];
  summary: Report['summary'];
  diagnostics: Diagnostic[];
  failOn: Outcome[];
  /** Whether a lockfile or node_modules was read (a broken root manifest is then only a warning). */
  readDependencies: boolean;
}

export interface Decision {
  status: AnswerStatus;
  /** False when the run fails: something in --fail-on, a config error, or missing evidence with `unknown` in --fail-on. */
  passes: boolean;
  headline: string;
}

/** The headline and whether the run passes. */
export function decideAnswer(input: AnswerInput): Decision {
  const { summary, diagnostics, failOn } = input;
  const total = summary.total;
  const unreadable = diagnostics.find((d) => PROJECT_UNREADABLE.includes(d.code));
  const rootBroken = diagnostics.find(isRootManifestProblem);
  if (unreadable || (rootBroken && (!input.readDependencies || total === 0))) {
    // The most specific cause: a file that did not parse (with its position) before "nothing to scan".
    const why = rootBroken ?? diagnostics.find((d) => d.severity === 'error' && d.code.endsWith('-invalid') && meansEvidenceMissing(d)) ?? unreadable!;
    return { status: 'unreadable', passes: false, headline: `Cannot answer: copyfair could not read the project: ${located(why)}.` };
  }
  const hit = input.components.filter((c) => failOn.includes(c.verdict.outcome)).length;
  const configErrors = diagnostics.filter((d) => d.severity === 'error' && d.code.startsWith('config-')).length;
  const missing = new Set(diagnostics.filter(meansEvidenceMissing).map((d) => d.component ?? `${d.location?.file ?? ''}:${d.code}`)).size;
  const caveat = rootBroken ? ` Warning: ${where(rootBroken).replace(/: $/, '')} could not be read; this answer comes from the lockfile and node_modules.` : '';
  const of = `${plural(total, 'dependency', 'dependencies')}`;
  if (hit > 0 || configErrors > 0) {
    const rest = describeCounts(summary, (['share-alike', 'payback', 'forbidden', 'unknown'] as Outcome[]).filter((o) => !failOn.includes(o)));
    const parts = [
      hit > 0 ? `${hit} of ${of} ${hit === 1 ? 'is' : 'are'} in --fail-on (${failOn.join(', ')}): ${describeCounts(summary, failOn)}${rest ? `; also ${rest}` : ''}` : '',
      configErrors > 0 ? `the config has ${plural(configErrors, 'error')} (see the diagnostics)` : '',
      missing > 0 ? `${missing} could not be read in full` : '',
    ].filter(Boolean);
    return { status: 'no', passes: false, headline: `No: ${parts.join('; ')}.${caveat}` };
  }
  const unknownUnfailed = summary.unknown > 0 && !failOn.includes('unknown');
  if (missing > 0 || unknownUnfailed) {
    const reasons = [missing > 0 ? `${missing === 1 ? 'a dependency' : `${missing} dependencies`} could not be read in full (see the diagnostics)` : '', unknownUnfailed ? `${summary.unknown} of ${of} ${summary.unknown === 1 ? 'is' : 'are'} unknown` : ''].filter(Boolean);
    const passes = !failOn.includes('unknown');
    return { status: 'cannot-tell', passes, headline: `Cannot tell: ${reasons.join(', and ')}; a person must look${passes ? ' (unknown is not in --fail-on, so the run passes)' : ''}.${caveat}` };
  }
  if (total === 0) return { status: 'yes', passes: true, headline: `Yes: the project declares no dependencies, so there is nothing to pay back for.${caveat}` };
  const asking = total - summary.free;
  if (asking === 0) {
    const all = total === 1 ? 'its one dependency' : `all ${total} dependencies`;
    return { status: 'yes', passes: true, headline: `Yes: you may use ${all} without paying back into the commons; keep their notices.${caveat}` };
  }
  return { status: 'yes', passes: true, headline: `Yes: nothing in --fail-on (${failOn.join(', ') || 'empty'}) was hit; still, ${asking} of ${of} ask${asking === 1 ? 's' : ''} something of you: ${describeCounts(summary, ['share-alike', 'payback', 'forbidden'])}.${caveat}` };
}

/** The diagnostic's message led by its place, the file named once: "package.json:2:1 is not valid JSON: …". */
function located(d: Diagnostic): string {
  const place = where(d).replace(/: $/, '');
  const file = d.location?.file ?? '';
  // The scanned folder's absolute path is the reader's own; the headline stays the same wherever it runs.
  const message = d.message.replace(/\.$/, '').replace(/^\/[^:]*?(: | has )/, (_, tail: string) => (tail === ': ' ? '' : 'the folder has '));
  if (place && file && message.startsWith(file)) return `${place}${message.slice(file.length)}`;
  return place ? `${place}: ${message}` : message;
}

function where(d: Diagnostic): string {
  const loc = d.location;
  if (!loc || loc.file === '.') return '';
  return `${loc.file}${loc.line ? `:${loc.line}${loc.column ? `:${loc.column}` : ''}` : ''}: `;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The counts of these outcomes in words ("1 to give back code for, 2 unknown"). */
export function describeCounts(summary: Report['summary'], only: Outcome[]): string {
  const want = (outcome: Outcome) => only.includes(outcome);
  const parts: string[] = [];
  if (summary['share-alike'] && want('share-alike')) parts.push(`${summary['share-alike']} to give back code for`);
  if (summary.payback && want('payback')) parts.push(`${summary.payback} to pay back or license`);
  if (summary.forbidden && want('forbidden')) parts.push(`${summary.forbidden} not permitted`);
  if (summary.unknown && want('unknown')) parts.push(`${summary.unknown} unknown`);
  if (summary.free && only.includes('free')) parts.push(`${summary.free} free`);
  return parts.join(', ');
}
