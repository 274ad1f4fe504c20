// The diff as JSON: the DiffReport value itself (docs/diff.md), two-space indented.
import type { DiffReport } from '../../diff/types.js';
import type { ReporterOptions } from '../index.js';

export function diffJson(report: DiffReport, _options: ReporterOptions): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
