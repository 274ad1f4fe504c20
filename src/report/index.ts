// Reporters by format name: each is a pure function from a Report to text. Adding a format is a
// file and a line here; the CLI's --format choices come from this registry.
import type { Outcome, Report } from '../types.js';

export interface ReporterOptions {
  /** Colour for terminals; off for files and pipes. */
  color: boolean;
  /** Columns to wrap at (text). */
  width?: number;
  /** Outcomes that fail the run (JUnit failures, SARIF levels). */
  failOn: Outcome[];
  /** Text: the headline and what fails the run, nothing else (`--quiet`). */
  quiet?: boolean;
  /** Text and Markdown: add a summary grouped this way (`--group-by licence`). */
  groupBy?: GroupBy;
}

/** What `--group-by` can group the summary by. */
export const GROUP_BY = ['licence'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

export type Reporter = (report: Report, options: ReporterOptions) => string;

/** Every format, by name, each loaded when a run first writes it: a run loads only its own formats. */
export const REPORTERS = {
  text: async () => (await import('./text.js')).text,
  json: async () => (await import('./json.js')).json,
  sarif: async () => (await import('./sarif.js')).sarif,
  markdown: async () => (await import('./markdown.js')).markdown,
  junit: async () => (await import('./junit.js')).junit,
  cyclonedx: async () => (await import('./cyclonedx.js')).cyclonedx,
  spdx: async () => (await import('./spdx.js')).spdx,
} satisfies Record<string, () => Promise<Reporter>>;

export type Format = keyof typeof REPORTERS;

/** File extensions for --output-dir. */
export const EXTENSIONS: Record<Format, string> = {
  text: 'txt',
  json: 'json',
  sarif: 'sarif',
  markdown: 'md',
  junit: 'junit.xml',
  cyclonedx: 'cdx.json',
  spdx: 'spdx.json',
};
