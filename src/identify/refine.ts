// Settles ids that similarity alone cannot: the words of the file decide between texts that are
// the same or nearly the same (licence-terms.md §4 "Text-matching notes").
import { readHippocraticModules } from './parameters.js';

/** The text around one match. */
export interface MatchContext {
  /** The lines of the match, verbatim. */
  excerpt: string;
  /** The whole file, verbatim. */
  whole: string;
  /** The file's normalised words, without the sample notices of GNU appendices (lazy). */
  notices: () => string;
}

// Texts SPDX lists as `-only` and `-or-later` with the same words. The notice decides.
const OR_LATER_FAMILIES = /^(?:A?GPL|LGPL|GFDL)-\d\.\d+(?:-invariants|-no-invariants)?-only$/;
// "either version 2 of the License, or (at your option) any later version" and the short forms.
const OR_LATER_NOTICE = /\bat your option any later version\b|\b(?:version|v)\s?\d+(?: \d+)? or later\b|\b\d+ \d+ or later\b/;

// CNPL and NVPL share every word but the worker-owned commercial clause; NVPL v7 even calls itself
// "Cooperative" in its preamble.
const CNPL_OF_NVPL: ReadonlyMap<string, string> = new Map(Object.entries({
  'LicenseRef-scancode-non-violent-4.0': 'LicenseRef-scancode-cooperative-non-violent-4.0',
  'LicenseRef-scancode-non-violent-7.0': 'LicenseRef-scancode-cooperative-non-violent-7.0',
}));
const NVPL_OF_CNPL: ReadonlyMap<string, string> = new Map([...CNPL_OF_NVPL].map(([nvpl, cnpl]) => [cnpl, nvpl]));
const WORKER_OWNED = /worker[\s-]*owned/i;

const HIPPOCRATIC_3 = new Set(['Hippocratic-3.0-core', 'LicenseRef-scancode-Hippocratic-3.0']);

/** The id to report for a match of known text `id`, given what the file says around it. */
export function refineId(id: string, context: MatchContext): string {
  if (OR_LATER_FAMILIES.test(id)) {
    return OR_LATER_NOTICE.test(context.notices()) ? id.replace(/-only$/, '-or-later') : id;
  }
  const cnpl = CNPL_OF_NVPL.get(id);
  if (cnpl && WORKER_OWNED.test(context.excerpt)) return cnpl;
  const nvpl = NVPL_OF_CNPL.get(id);
  if (nvpl && !WORKER_OWNED.test(context.excerpt)) return nvpl;
  if (HIPPOCRATIC_3.has(id)) {
    // SPDX names only the core text; any module makes it ScanCode's full Hippocratic 3.0.
    return readHippocraticModules(context.excerpt, context.whole).length > 0
      ? 'LicenseRef-scancode-Hippocratic-3.0'
      : 'Hippocratic-3.0-core';
  }
  return id;
}
