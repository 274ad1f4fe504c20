// Reporters by format name: each is a pure function from a Report to text. Adding a format is a
// file and a line here; the CLI's --format choices come from this registry.
import type { Outcome, Report } from '../types.js';
import { cyclonedx } from './cyclonedx.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import { sarif } from './sarif.js';
import { spdx } from './spdx.js';
import { text } from './text.js';

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

/** Every format, by name. */
export const REPORTERS = {
  text,
  json,
  sarif,
  markdown,
  junit,
  cyclonedx,
  spdx,
} satisfies Record<string, Reporter>;

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
