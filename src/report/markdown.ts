// Markdown for a pull-request comment or a GitHub job summary: the headline answer, the counts,
// and a table of what is owed, with the clause and where to pay back.
import type { OwedGroup, Report } from '../types.js';
import { OUTCOMES } from '../types.js';
import { describeObligation, describeProfile } from './describe.js';
import type { ReporterOptions } from './index.js';
import { markdownCode, markdownSafe } from './safe-text.js';

const TITLES: Record<OwedGroup, string> = {
  'give-back-code': 'Give back code',
  pay: 'Pay back or obtain a licence',
  'not-permitted': 'Not permitted',
  unknown: 'Unknown: a person must look',
};

/** A table cell: one line, no HTML or markup from package data, `|` escaped (src/report/safe-text.ts). */
const cell = markdownSafe;

/** Reasons an exception in the project's config added (src/policy/hooks.ts words them so). */
const EXCEPTION = 'exception: ';

/** Markdown for a pull-request comment or job summary: the headline, the counts, what is owed. */
export function markdown(report: Report, _options: ReporterOptions): string {
  const out: string[] = [];
  out.push(`## ${report.answer.ok ? '✅' : '❌'} copyfair: ${cell(report.answer.headline)}`, '');
  out.push(`Scanned ${cell(`${report.project.name}${report.project.version ? ` ${report.project.version}` : ''}`)} for ${cell(describeProfile(report.profile))}${report.project.config ? `, with the policy in ${markdownCode(report.project.config)}` : ''}.`, '');
  out.push(`| ${OUTCOMES.join(' | ')} | total |`, `|${' ---: |'.repeat(OUTCOMES.length + 1)}`);
  out.push(`| ${OUTCOMES.map((o) => report.summary[o]).join(' | ')} | ${report.summary.total} |`);
  for (const { group, items } of report.answer.owed) {
    out.push('', `### ${TITLES[group]}`, '', '| package | licence | why | what you owe | via | pay back to |', '| --- | --- | --- | --- | --- | --- |');
    for (const item of items) {
      const why = item.because.map((r) => `${r.licence} ${r.section}: ${r.because}`).join(' ');
      const owed = item.obligations.map((o) => cell(`${o.kind} (${o.section}): ${describeObligation(o)}`)).join('<br>');
      out.push(`| ${markdownCode(`${item.component}@${item.version}`)} | ${cell(item.expression ?? '—')} | ${cell(why)} | ${owed || '—'} | ${cell(item.path.join(' › '))} | ${cell(item.payTo.join(', ')) || '—'} |`);
    }
  }
  // Exceptions never act silently: a reviewer sees what the project accepted, and why.
  const excepted = report.components.filter((c) => c.verdict.because.some((r) => r.because.startsWith(EXCEPTION)));
  if (excepted.length > 0) {
    out.push('', '### Accepted by the project', '', '| package | licence | decision |', '| --- | --- | --- |');
    for (const c of excepted) {
      const decision = c.verdict.because.filter((r) => r.because.startsWith(EXCEPTION)).map((r) => `${r.because.slice(EXCEPTION.length)} (${r.section})`).join('; ');
      out.push(`| ${markdownCode(`${c.name}@${c.version}`)} | ${cell(c.expression ?? '—')} | ${cell(decision)} |`);
    }
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
