// The report as JSON: the Report value itself (docs/report-schema.md), two-space indented.
import type { Report } from '../types.js';
import type { ReporterOptions } from './index.js';

export function json(report: Report, _options: ReporterOptions): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
