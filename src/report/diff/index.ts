// Reporters for `copyfair diff`, by format name: each a pure function from a DiffReport to text.
// The scan's other formats (sarif, junit, cyclonedx, spdx) are served by the diff command from
// HEAD's report (see src/cli/commands/diff.ts).
import type { DiffReport } from '../../diff/types.js';
import type { ReporterOptions } from '../index.js';
import { diffJson } from './json.js';
import { diffMarkdown } from './markdown.js';
import { diffText } from './text.js';

export type DiffReporter = (report: DiffReport, options: ReporterOptions) => string;

export const DIFF_REPORTERS = {
  text: diffText,
  json: diffJson,
  markdown: diffMarkdown,
} satisfies Record<string, DiffReporter>;
