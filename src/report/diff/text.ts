// The diff for a terminal: the headline, then what was added, changed and removed with the
// outcome before and after, the new obligations, and what was owed already.
import type { DiffReport } from '../../diff/types.js';
import { describeProfile } from '../describe.js';
import type { ReporterOptions } from '../index.js';
import { wrap } from '../wrap.js';
import { changeLine, obligationLines, sidesLine } from './common.js';

export function diffText(report: DiffReport, options: ReporterOptions): string {
  const width = options.width ?? 80;
  const out: string[] = [];
  out.push(wrap(`copyfair diff ${sidesLine(report)}, for ${describeProfile(report.profile)}`, width, 2, 0), '');
  out.push(wrap(report.headline, width, 2, 2), '');
  for (const change of report.changes) {
    out.push(change.introduces ? wrap(`! ${changeLine(change)}`, width, 4, 0) : wrap(changeLine(change), width, 4, 2));
    for (const line of obligationLines(change)) out.push(wrap(line, width, 6, 4));
    if (change.introduces && change.path.length > 1) out.push(wrap(`via ${change.path.join(' > ')}`, width, 6, 4));
    for (const link of change.payTo) out.push(wrap(`pay back to: ${link}`, width, 6, 4));
  }
  if (report.changes.length === 0) out.push('  No dependency was added, removed or changed.');
  if (report.existing.length > 0) {
    out.push('', `Already owed before this change (${report.existing.length}):`);
    for (const item of report.existing) out.push(wrap(`${item.name} ${item.version} ${item.expression ?? 'no licence found'}: ${item.outcome}`, width, 4, 2));
  }
  const problems = [...report.base.diagnostics.map((d) => ({ side: 'base', d })), ...report.head.diagnostics.map((d) => ({ side: 'head', d }))].filter(({ d }) => d.severity !== 'info');
  if (problems.length > 0) {
    out.push('', 'Problems:');
    for (const { side, d } of problems) out.push(wrap(`${side}: ${d.severity} ${d.code}: ${d.message}`, width, 4, 2));
  }
  // Names and versions come from the scanned tree: no control character reaches the terminal.
  return `${out.map((line) => line.replace(CONTROL, '\uFFFD')).join('\n')}\n`;
}

const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;
