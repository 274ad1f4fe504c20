// Markdown for a pull-request comment or a GitHub job summary: the headline answer, the counts,
// and a table of what is owed, with the clause and where to pay back.
import type { OwedGroup, OwedItem, Report } from '../types.js';
import { OUTCOMES } from '../types.js';
import { describeOwed, describeProfile, describeReason } from './describe.js';
import type { ReporterOptions } from './index.js';
import { describeContact } from './contacts.js';
import { describeOwedPart, owedParts } from './owed-parts.js';
import { byLicence, describeOutcomes } from './by-licence.js';
import { ANNOTATION_LABELS, annotate, type AnnotationKind } from './annotations.js';
import { markdownCode, markdownSafe } from './safe-text.js';
import { componentsByRelease } from './lookup.js';

const TITLES: Record<OwedGroup, string> = {
  'give-back-code': 'Give back code',
  pay: 'Pay back or obtain a licence',
  'not-permitted': 'Not permitted',
  unknown: 'Unknown: a person must look',
};

/** A table cell: one line, no HTML or markup from package data, `|` escaped (src/report/safe-text.ts). */
const cell = markdownSafe;

/** Annotations that record a decision of the project. */
const PROJECT_KINDS = new Set<AnnotationKind>(['exception', 'override', 'clarification']);

/** Who to go to, one per line, each with where it came from. */
function toWhom(item: OwedItem): string {
  if (item.contacts.length > 0) return item.contacts.map((contact) => cell(describeContact(contact))).join('<br>');
  return cell(item.payTo.join(', ')) || '—';
}

/** Markdown for a pull-request comment or job summary: the headline, the counts, what is owed. */
export function markdown(report: Report, options: ReporterOptions): string {
  const out: string[] = [];
  out.push(`## ${report.answer.ok ? '✅' : '❌'} copyfair: ${cell(report.answer.headline)}`, '');
  out.push(`Scanned ${cell(`${report.project.name}${report.project.version ? ` ${report.project.version}` : ''}`)} for ${cell(describeProfile(report.profile))}${report.project.config ? `, with the policy in ${markdownCode(report.project.config)}` : ''}.`, '');
  out.push(`| ${OUTCOMES.join(' | ')} | total |`, `|${' ---: |'.repeat(OUTCOMES.length + 1)}`);
  out.push(`| ${OUTCOMES.map((o) => report.summary[o]).join(' | ')} | ${report.summary.total} |`);
  if (options.groupBy === 'licence' && report.components.length > 0) {
    out.push('', '### By licence', '', '| licence | packages | outcome |', '| --- | ---: | --- |');
    for (const g of byLicence(report)) out.push(`| ${cell(g.licence)} | ${g.count} | ${describeOutcomes(g.outcomes)} |`);
  }
  const release = componentsByRelease(report.components);
  for (const { group, items } of report.answer.owed) {
    out.push('', `### ${TITLES[group]}`, '', '| package | licence | why | what you owe | assumed and decided | via | to whom |', '| --- | --- | --- | --- | --- | --- | --- |');
    for (const item of items) {
      const why = item.because.map(describeReason).join(' ');
      const component = release(item.component, item.version);
      const parts = (component ? owedParts(component.evidence, item.obligations) : []).map((part) => cell(describeOwedPart(part)));
      const owed = [...item.obligations.map((o) => cell(describeOwed(o, false))), ...parts].join('<br>');
      const notes = (component ? annotate(component) : []).map((a) => cell(`${ANNOTATION_LABELS[a.kind]}: ${a.text}`)).join('<br>');
      out.push(`| ${markdownCode(`${item.component}@${item.version}`)} | ${cell(item.expression ?? '—')} | ${cell(why)} | ${owed || '—'} | ${notes || '—'} | ${cell(item.path.join(' › '))} | ${toWhom(item)} |`);
    }
  }
  // Decisions never act silently: a reviewer sees what the project accepted, overrode or clarified, and why.
  const decided = report.components.filter((c) => c.verdict.outcome === 'free' && annotate(c).some((a) => PROJECT_KINDS.has(a.kind)));
  if (decided.length > 0) {
    out.push('', '### Decided by the project', '', '| package | licence | decision |', '| --- | --- | --- |');
    for (const c of decided) {
      const decision = annotate(c).filter((a) => PROJECT_KINDS.has(a.kind)).map((a) => cell(`${ANNOTATION_LABELS[a.kind]}: ${a.text}`)).join('<br>');
      out.push(`| ${markdownCode(`${c.name}@${c.version}`)} | ${cell(c.expression ?? '—')} | ${decision} |`);
    }
  }
  if (report.decidingFacts.length > 0) {
    out.push('', '### The facts that decide', '');
    for (const fact of report.decidingFacts) out.push(`- ${cell(fact.summary)}.`);
  }
  const problems = report.diagnostics.filter((d) => d.severity !== 'info');
  if (problems.length > 0) {
    out.push('', '<details><summary>Diagnostics</summary>', '');
    for (const d of problems) out.push(`- **${d.severity}** \`${d.code}\`${d.location ? ` (${cell(`${d.location.file}${d.location.line ? `:${d.location.line}` : ''}`)})` : ''}: ${cell(d.message)}`);
    out.push('', '</details>');
  }
  out.push('', `<sub>copyfair ${report.tool.version}, knowledge base ${report.tool.knowledgeBase}. Not legal advice.</sub>`);
  return `${out.join('\n')}\n`;
}
