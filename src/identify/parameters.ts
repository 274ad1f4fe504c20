// Parameters of templated licences, read from the file's words: BUSL's parameters block,
// Hippocratic 3.0's module list and Fair Source's user limit. The knowledge base's rules test them
// (a BUSL past its Change Date, an NC module, a user count over the limit).
import type { ParameterValue } from './types.js';

/**
 * The parameters of licence `id` found in the file, or undefined when it has none. The match's lines
 * and the whole file are read only for a licence with parameters (they may be getters).
 */
export function readParameters(id: string, text: { readonly excerpt: string; readonly whole: string }): Record<string, ParameterValue> | undefined {
  switch (id) {
    case 'BUSL-1.1':
      return readBusl(text.whole);
    case 'LicenseRef-scancode-Hippocratic-3.0':
      return { modules: readHippocraticModules(text.excerpt, text.whole) };
    case 'LicenseRef-scancode-fair-source-0.9': {
      const limit = /use\s+limitation\s*:\s*([\d,]+)\s*users?/i.exec(text.whole);
      return limit ? { userLimit: Number(limit[1]!.replace(/,/g, '')) } : undefined;
    }
    default:
      return undefined;
  }
}

const BUSL_KEYS: ReadonlyMap<string, string> = new Map(Object.entries({
  licensor: 'licensor',
  'licensed work': 'licensedWork',
  'additional use grant': 'additionalUseGrant',
  'change date': 'changeDate',
  'change license': 'changeLicense',
}));
const BUSL_LINE = /^\s*(licensor|licensed work|additional use grant|change date|change license)\s*:\s*(.*)$/i;

/** BUSL's parameters block: "Key: value" lines, a value running on until a blank line or the next key. */
function readBusl(whole: string): Record<string, ParameterValue> | undefined {
  const values: Record<string, string> = Object.create(null) as Record<string, string>;
  let current: string | undefined;
  for (const line of whole.split(/\r\n|\r|\n/)) {
    const key = BUSL_LINE.exec(line);
    if (key) {
      current = BUSL_KEYS.get(key[1]!.toLowerCase());
      // The first occurrence is the block; the terms below mention the keys in prose only.
      if (current && values[current] === undefined) values[current] = key[2]!.trim();
      else current = undefined;
    } else if (current && line.trim() !== '') values[current] = `${values[current]} ${line.trim()}`.trim();
    else current = undefined;
  }
  if (Object.keys(values).length === 0) return undefined;
  const out: Record<string, ParameterValue> = { ...values };
  if (values.changeDate) out.changeDate = isoDate(values.changeDate) ?? values.changeDate;
  if (values.changeLicense) out.changeLicense = spdxOfChangeLicence(values.changeLicense);
  return out;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** `YYYY-MM-DD` from "2027-08-10", "2027/08/10", "August 10, 2027" or "10 August 2027". */
export function isoDate(text: string): string | undefined {
  const iso = /\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/.exec(text);
  if (iso) return format(iso[1]!, iso[2]!, iso[3]!);
  const monthFirst = /\b([a-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/i.exec(text);
  if (monthFirst && MONTHS.includes(monthFirst[1]!.toLowerCase())) {
    return format(monthFirst[3]!, String(MONTHS.indexOf(monthFirst[1]!.toLowerCase()) + 1), monthFirst[2]!);
  }
  const dayFirst = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3})[a-z]*\.?,?\s+(\d{4})\b/i.exec(text);
  if (dayFirst && MONTHS.includes(dayFirst[2]!.toLowerCase())) {
    return format(dayFirst[3]!, String(MONTHS.indexOf(dayFirst[2]!.toLowerCase()) + 1), dayFirst[1]!);
  }
  return undefined;
}

function format(year: string, month: string, day: string): string | undefined {
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

// How Change Licenses are written in the wild → SPDX. Anything else is kept verbatim so that the
// engine reports it as unknown rather than guessing.
const CHANGE_LICENCES: [RegExp, string][] = [
  [/^(?:the\s+)?apache(?:\s+license)?,?\s+(?:version\s+|v)?2(?:\.0)?\b/i, 'Apache-2.0'],
  [/^(?:the\s+)?mozilla public license,?\s+(?:version\s+|v)?2(?:\.0)?\b|^mpl[\s-]*(?:v)?2(?:\.0)?\b/i, 'MPL-2.0'],
  [/^(?:gnu\s+)?(?:general public license|gpl)[\s,-]*(?:version\s+|v)?2(?:\.0)?,?\s+or\s+later\b/i, 'GPL-2.0-or-later'],
  [/^(?:gnu\s+)?(?:general public license|gpl)[\s,-]*(?:version\s+|v)?3(?:\.0)?,?\s+or\s+later\b/i, 'GPL-3.0-or-later'],
  [/^(?:gnu\s+)?(?:general public license|gpl)[\s,-]*(?:version\s+|v)?2(?:\.0)?\b/i, 'GPL-2.0-only'],
  [/^(?:gnu\s+)?(?:general public license|gpl)[\s,-]*(?:version\s+|v)?3(?:\.0)?\b/i, 'GPL-3.0-only'],
  [/^(?:gnu\s+)?(?:affero general public license|agpl)[\s,-]*(?:version\s+|v)?3(?:\.0)?\b/i, 'AGPL-3.0-only'],
  [/^mit\b/i, 'MIT'],
];

function spdxOfChangeLicence(text: string): string {
  const trimmed = text.replace(/[.;]\s*$/, '').trim();
  if (/^[A-Za-z0-9.+-]+$/.test(trimmed) && /\d/.test(trimmed) && trimmed.includes('-')) return trimmed;
  return CHANGE_LICENCES.find(([pattern]) => pattern.test(trimmed))?.[1] ?? trimmed;
}

// Module headings of the full Hippocratic 3.0 text → the codes of firstdonoharm.dev's builder.
const MODULE_CODES: ReadonlyMap<string, string> = new Map(Object.entries({
  'carbon underground 200': 'FFD',
  ecocide: 'ECO',
  'extractive industries': 'EXTR',
  bds: 'BDS',
  taliban: 'TAL',
  myanmar: 'MY',
  'xinjiang uygur autonomous region': 'XUAR',
  'u.s. tariff act': 'USTA',
  'mass surveillance': 'SV',
  'military activities': 'MIL',
  'law enforcement': 'LAW',
  media: 'MEDIA',
  'social auditing': 'SOC',
  'workers on board of directors': 'BOD',
  'supply chain transparency': 'SUP',
  copyleft: 'CL',
}));

/**
 * Hippocratic 3.0's modules: from the badge or licence id (`HL3-BDS-MIL-NC`), the builder's URL
 * (`firstdonoharm.dev/version/3/0/bds-mil.html`), or failing those the "(Module -- …)" headings of
 * the text. The core alone gives an empty list.
 */
export function readHippocraticModules(excerpt: string, whole: string): string[] {
  const declared = new Set<string>();
  let stated = false;
  for (const badge of whole.matchAll(/\bHL3-([A-Z]+(?:-[A-Z]+)*)\b/g)) {
    stated = true;
    for (const code of badge[1]!.split('-')) declared.add(code);
  }
  for (const url of whole.matchAll(/firstdonoharm\.dev\/version\/3\/0\/([a-z-]+)\.(?:html|txt|md)/gi)) {
    stated = true;
    for (const code of url[1]!.split('-')) declared.add(code.toUpperCase());
  }
  declared.delete('CORE');
  // A stated list (even "core" alone) is the author's word; headings are only a fallback.
  if (stated) return [...declared].sort();
  const headings = new Set<string>();
  for (const heading of excerpt.matchAll(/\(module\s*[-–—]+\s*([^)]+)\)/gi)) {
    const code = MODULE_CODES.get(heading[1]!.trim().toLowerCase());
    if (code) headings.add(code);
  }
  return [...headings].sort();
}
