// The diff as a pull-request comment: the headline and a short table of what the change
// introduces; everything else (all changes, the clauses, what was owed already) folded in
// <details>. GitHub renders it; every text a dependency controls is escaped.
import type { Change, DiffReport } from '../../diff/types.js';
import { describeObligation, describeProfile } from '../describe.js';
import type { ReporterOptions } from '../index.js';
import { stateText } from './common.js';

/** One line, `|` escaped, `<`/`>`/`&` as entities, so a package name cannot open HTML. */
const cell = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/`/g, "'").replace(/\s+/g, ' ').trim();

export function diffMarkdown(report: DiffReport, _options: ReporterOptions): string {
  const out: string[] = [];
  out.push(`### ${report.ok ? '✅' : '❌'} copyfair: ${cell(report.headline)}`, '');
  const introduced = report.changes.filter((change) => change.introduces);
  if (introduced.length > 0) {
    out.push('| dependency | before | after | via | pay back to |', '| --- | --- | --- | --- | --- |');
    for (const change of introduced) {
      out.push(`| ${cell(change.name)} | ${cell(stateText(change.before))} | **${cell(stateText(change.after))}** | ${cell(change.path.slice(1, -1).join(' > ') || 'direct')} | ${cell(change.payTo.join(', ') || '—')} |`);
    }
    out.push('');
  }
  const { added, removed, changed } = report.summary;
  out.push(`<details><summary>${added} added, ${removed} removed, ${changed} changed; ${report.existing.length} already owed before this change</summary>`, '');
  if (report.changes.length > 0) {
    out.push('| | dependency | before | after |', '| --- | --- | --- | --- |');
    for (const change of report.changes) out.push(`| ${change.kind} | ${cell(change.name)} | ${cell(stateText(change.before))} | ${cell(stateText(change.after))} |`);
    out.push('');
  }
  for (const change of introduced) out.push(...why(change));
  if (report.existing.length > 0) {
    out.push('**Already owed before this change** (not this change’s doing):', '');
    for (const item of report.existing) out.push(`- ${cell(`${item.name} ${item.version} ${item.expression ?? 'no licence found'}: ${item.outcome}`)}`);
    out.push('');
  }
  const problems = [...report.base.diagnostics.map((d) => ['base', d] as const), ...report.head.diagnostics.map((d) => ['head', d] as const)].filter(([, d]) => d.severity === 'error');
  for (const [side, d] of problems) out.push(`- **${side}** \`${d.code}\`: ${cell(d.message)}`);
  if (problems.length > 0) out.push('');
  out.push(`Base ${cell(report.base.label)} (${report.base.kind}), head ${cell(report.head.label)} (${report.head.kind}); for ${cell(describeProfile(report.profile))}; copyfair ${cell(report.tool.version)}, knowledge base ${cell(report.tool.knowledgeBase)}.`, '', '</details>');
  return `${out.join('\n')}\n`;
}

function why(change: Change): string[] {
  const out = [`**${cell(change.name)} ${cell(change.after!.version)}** — ${change.after!.outcome}${change.after!.expression ? ` (${cell(change.after!.expression)})` : ''}`, ''];
  for (const reason of change.because) out.push(`- ${cell(`${reason.licence} ${reason.section}: ${reason.because}`)}`);
  for (const o of change.newObligations) out.push(`- ${cell(`${o.kind} (${o.licence ?? ''} ${o.section}): ${describeObligation(o)}`)}`);
  out.push(`- via ${cell(change.path.join(' > '))}`, '');
  return out;
}
