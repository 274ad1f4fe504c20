// `copyfair history` as text, Markdown or JSON: the licence periods and the facts a maintainer
// needs. Pure functions from a HistoryReport to text.
import type { HistoryReport, Period } from '../history/timeline.js';
import { nameOf, short } from '../history/timeline.js';
import { wrap } from './wrap.js';

export const HISTORY_FORMATS = ['text', 'json', 'markdown'] as const;
export type HistoryFormat = (typeof HISTORY_FORMATS)[number];

/** Control characters (ANSI escapes among them) never reach a terminal from repository data. */
export const plain = (text: string) => text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');

/** One table cell: a line, `|` escaped, HTML as entities, backticks neutral. */
export const cell = (text: string) =>
  plain(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/`/g, '&#96;').replace(/\s+/g, ' ').trim();

export function renderHistory(report: HistoryReport, format: HistoryFormat, width = 80): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'markdown':
      return historyMarkdown(report);
    case 'text':
      return historyText(report, width);
  }
}

/** `changeDate` → "Change Date", as the licence texts name their parameters. */
const label = (key: string) => key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/\b[a-z]/g, (letter) => letter.toUpperCase());

const span = (period: Period) => `${short(period.from.sha)} (${period.from.date}) – ${short(period.to.sha)} (${period.to.date})`;

function historyText(report: HistoryReport, width: number): string {
  const out: string[] = [];
  const where = report.path === '' ? 'the project' : report.path;
  out.push(`Licence history of ${plain(where)} up to ${short(report.head.sha)} (${report.head.date}): ${report.periods.length} period${report.periods.length === 1 ? '' : 's'}.`, '');
  for (const period of report.periods) {
    out.push(`${span(period)}  ${plain(nameOf(period))}`);
    out.push(`  changed by ${plain(period.from.author)} <${plain(period.from.email)}>`);
    const evidence = [...period.files.map((file) => `${file.path}: ${file.expression ?? 'not identified'}`), ...period.manifests.map((m) => `${m.path}: ${m.value}`)];
    if (evidence.length > 0) out.push(wrap(`evidence: ${plain(evidence.join('; '))}`, width, 4, 2));
    for (const [licence, values] of Object.entries(period.parameters)) {
      out.push(wrap(`${licence}: ${Object.entries(values).map(([k, v]) => `${label(k)}: ${plain(String(v)).replace(/[.\s]+$/, '')}`).join('; ')}`, width, 4, 2));
    }
  }
  out.push('', 'What this means:');
  for (const fact of report.facts) out.push(wrap(`- ${plain(fact.text)}`, width, 2, 0));
  return `${out.join('\n')}\n`;
}

function historyMarkdown(report: HistoryReport): string {
  const out: string[] = [];
  out.push(`## Licence history of ${cell(report.path === '' ? 'the project' : report.path)}`, '');
  out.push(`Up to \`${short(report.head.sha)}\` (${report.head.date}).`, '');
  out.push('| from | to | licence | changed by | evidence |', '| --- | --- | --- | --- | --- |');
  for (const period of report.periods) {
    const evidence = [...period.files.map((f) => `${f.path}: ${f.expression ?? 'not identified'}`), ...period.manifests.map((m) => `${m.path}: ${m.value}`)].join('; ');
    out.push(`| \`${short(period.from.sha)}\` ${period.from.date} | \`${short(period.to.sha)}\` ${period.to.date} | ${cell(nameOf(period))} | ${cell(period.from.author)} | ${cell(evidence) || '—'} |`);
  }
  out.push('', '### What this means', '');
  for (const fact of report.facts) out.push(`- ${cell(fact.text)}`);
  return `${out.join('\n')}\n`;
}
