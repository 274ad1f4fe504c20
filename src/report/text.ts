// The terminal report: the headline answer first, then the counts, then what is owed grouped
// (with the clause, the shortest path and where to pay back), then diagnostics. Reads well in
// 80 columns, with or without colour.
import { Chalk } from 'chalk';
import type { ComponentResult, Diagnostic, OwedGroup, OwedItem, Report } from '../types.js';
import { OUTCOMES } from '../types.js';
import { describeOwed, describeProfile, describeReason } from './describe.js';
import type { ReporterOptions } from './index.js';
import { paintOutcome } from './verdict-text.js';
import { describeContact } from './contacts.js';
import { describeOwedPart, owedParts } from './owed-parts.js';
import { byLicence, describeOutcomes } from './by-licence.js';
import { ANNOTATION_LABELS, annotate, type AnnotationKind } from './annotations.js';
import { compareText } from '../util/compare.js';
import { componentsByRelease } from './lookup.js';

/** Outcomes listed under "what is owed" (their annotations show there). */
const GROUP_OUTCOMES = new Set(['share-alike', 'payback', 'forbidden', 'unknown']);
/** Annotations that record a decision of the project. */
const PROJECT_KINDS = new Set<AnnotationKind>(['exception', 'override', 'clarification']);
import { deepTerminalSafe } from './safe-text.js';
import { wrap } from './wrap.js';

const GROUP_TITLES: Record<OwedGroup, string> = {
  'give-back-code': 'Give back code (share-alike)',
  pay: 'Pay back or obtain a licence (payback)',
  'not-permitted': 'Not permitted (forbidden)',
  unknown: 'Unknown: a person must look',
};

/** At most this many dependency paths are shown per package; the JSON has them all. */
const PATHS_SHOWN = 2;

export function text(unsafe: Report, options: ReporterOptions): string {
  // Package data may carry escape sequences: stripped before any colour of ours is added.
  const report = deepTerminalSafe(unsafe);
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const width = options.width ?? 80;
  if (options.quiet) return quiet(report, options, chalk, width);
  const out: string[] = [];
  const { project } = report;
  const name = `${project.name}${project.version ? ` ${project.version}` : ''}${project.workspace ? ` (workspace ${project.workspace})` : ''}`;
  out.push(wrap(`copyfair scan of ${name}, for ${describeProfile(report.profile)}`, width));
  out.push(wrap(`Read: ${readList(report) || 'nothing'}`, width, 2));
  if (project.config) out.push(wrap(`Policy: ${project.config}`, width, 2));
  out.push('', chalk.bold(wrap(report.answer.headline, width, 2)));
  if (report.answer.status !== 'unreadable') out.push('');
  for (const outcome of report.answer.status === 'unreadable' ? [] : OUTCOMES) {
    out.push(`  ${paintOutcome(chalk, outcome)}${' '.repeat(12 - outcome.length)}${String(report.summary[outcome]).padStart(5)}`);
  }
  if (options.groupBy === 'licence' && report.components.length > 0) {
    out.push('', chalk.bold('By licence'));
    const groups = byLicence(report);
    const column = Math.min(44, Math.max(...groups.map((g) => g.licence.length)));
    for (const g of groups) {
      const row = `  ${g.licence.padEnd(column)} ${String(g.count).padStart(5)}  ${describeOutcomes(g.outcomes)}`;
      // Columns line up; a licence too long for them goes on its own line.
      out.push(g.licence.length <= column && row.length <= width ? row : `${wrap(g.licence, width, 4, 2)}\n${' '.repeat(column + 3)}${String(g.count).padStart(5)}  ${describeOutcomes(g.outcomes)}`);
    }
  }
  // Each owed item's component, and its ecosystem named when the report holds more than one.
  const release = componentsByRelease(report.components);
  const mixed = isMixed(report);
  for (const { group, items } of report.answer.owed) {
    out.push('', chalk.bold(GROUP_TITLES[group]));
    for (const item of items) out.push(...owedLines(item, release(item.component, item.version), mixed, width));
  }
  const decided = report.components.filter((c) => !GROUP_OUTCOMES.has(c.verdict.outcome) && annotate(c).some((a) => PROJECT_KINDS.has(a.kind)));
  if (decided.length > 0) {
    out.push('', chalk.bold('Decided by the project'));
    for (const c of decided) {
      out.push(wrap(`${c.name} ${c.version}  ${c.expression ?? '(no licence)'}  ${c.verdict.outcome}`, width, 4, 2));
      for (const a of annotate(c).filter((a) => PROJECT_KINDS.has(a.kind))) out.push(wrap(`${ANNOTATION_LABELS[a.kind]}: ${a.text}`, width, 6, 4));
    }
  }
  if (report.decidingFacts.length > 0) {
    out.push('', chalk.bold('The facts that decide'));
    for (const fact of report.decidingFacts) out.push(wrap(`${fact.summary}.`, width, 4, 2));
  }
  if (report.diagnostics.length > 0) {
    out.push('', chalk.bold('Diagnostics'));
    for (const item of report.diagnostics) out.push(diagnosticLine(item, width));
  }
  return `${out.join('\n')}\n`;
}

/** The sources read; in a project of several ecosystems, each labelled with its own. */
function readList(report: Report): string {
  const { sources } = report.project;
  // A project file found but not readable (a folder, a link loop, a link out of the project) is
  // named as such: "Read:" says what the answer rests on.
  const unreadable = new Set(report.diagnostics.filter((d) => d.code === 'project-file-unreadable').map((d) => d.location?.file));
  const said = (file: string) => (unreadable.has(file) ? `${file} (could not be read)` : file);
  if (new Set(sources.map((source) => source.ecosystem)).size < 2) return sources.map((source) => said(source.file)).join(', ');
  const byEcosystem = new Map<string, string[]>();
  for (const source of sources) byEcosystem.set(source.ecosystem ?? '', [...(byEcosystem.get(source.ecosystem ?? '') ?? []), said(source.file)]);
  return [...byEcosystem].sort(([a], [b]) => compareText(a, b)).map(([ecosystem, files]) => `${ecosystem ? `${ecosystem}: ` : ''}${files.join(', ')}`).join('; ');
}

/** True when the report holds components of more than one ecosystem (npm and Python…). */
function isMixed(report: Report): boolean {
  const sources = report.project.sources.flatMap((s) => (s.ecosystem ? [s.ecosystem] : []));
  return new Set([...report.components.map((c) => c.ecosystem), ...sources]).size > 1;
}

/** `--quiet`: the headline, then one line per package that fails the run and per error. */
function quiet(report: Report, options: ReporterOptions, chalk: InstanceType<typeof Chalk>, width: number): string {
  const out = [chalk.bold(wrap(report.answer.headline, width, 2, 0))];
  for (const c of report.components) {
    if (options.failOn.includes(c.verdict.outcome)) out.push(wrap(`  ${paintOutcome(chalk, c.verdict.outcome)} ${c.name} ${c.version}  ${c.expression ?? '(no licence)'}`, width, 4, 2));
  }
  for (const d of report.diagnostics) if (d.severity === 'error') out.push(diagnosticLine(d, width));
  return `${out.join('\n')}\n`;
}

function owedLines(item: OwedItem, component: ComponentResult | undefined, mixed: boolean, width: number): string[] {
  const owner = mixed ? component?.ecosystem : undefined;
  const lines = [wrap(`${item.component} ${item.version}${owner ? ` [${owner}]` : ''}  ${item.expression ?? '(no licence)'}`, width, 4, 2)];
  for (const reason of item.because) {
    lines.push(wrap(describeReason(reason), width, 6, 4));
  }
  for (const obligation of item.obligations) {
    lines.push(wrap(describeOwed(obligation), width, 6, 4));
  }
  for (const part of component ? owedParts(component.evidence, item.obligations) : []) {
    lines.push(wrap(describeOwedPart(part), width, 6, 4));
  }
  if (item.contacts.length > 0) {
    lines.push(`    ${item.outcome === 'share-alike' ? 'give back to' : 'pay back to'}:`);
    for (const contact of item.contacts) lines.push(wrap(describeContact(contact), width, 8, 6));
  } else if (item.payTo.length > 0) lines.push(wrap(`pay back to: ${item.payTo.join('; ')}`, width, 6, 4));
  const annotations = component ? annotate(component) : [];
  const devNote = annotations.find((a) => a.kind === 'note' && a.text.startsWith('a dev-only dependency'));
  for (const a of annotations) if (a !== devNote) lines.push(wrap(`${ANNOTATION_LABELS[a.kind]}: ${a.text}`, width, 6, 4));
  const paths = component?.paths ?? [item.path];
  for (const path of paths.slice(0, PATHS_SHOWN)) lines.push(wrap(`via ${path.join(' > ')}`, width, 6, 4));
  if (paths.length > PATHS_SHOWN) lines.push(`    and ${paths.length - PATHS_SHOWN} more path(s)`);
  if (component?.scope && component.scope !== 'prod') lines.push(wrap(`scope: ${component.scope}${devNote ? ` (${devNote.text.replace(/^a dev-only dependency, /, '')})` : ''}`, width, 6, 4));
  return lines;
}

function diagnosticLine(item: Diagnostic, width: number): string {
  const where = item.location ? `${item.location.file}${item.location.line ? `:${item.location.line}` : ''}` : '';
  const message = item.hint ? `${item.message.replace(/\.?$/, '.')} ${item.hint}` : item.message;
  return wrap(`${item.severity} ${item.code}${where ? ` (${where})` : ''}: ${message}`, width, 4, 2);
}
