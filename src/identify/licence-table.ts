// A table of bundled libraries and their licences in a README's licence section, as prebuilt
// binary packages write it (sharp-libvips: "| Library | Used under the terms of |", one row per
// library). Every row's licence applies to what is shipped, so the expression is their AND; each
// cell is read like a declared licence ("MIT Licence", "BSD 2-Clause, libpng License", "libtiff
// License (BSD-like)", "BSD 2-Clause + Alliance for Open Media Patent License 1.0"). Fail closed: a
// row copyfair cannot read (a licence named only by a link and a likeness, "Acme Licence
// (BSD-like)"; a licence copyfair does not know by that name) leaves the section
// unknown, with a reason naming each such row; words beside the table that restrict or set
// conditions do too.
import { parseExpression } from '../evaluate/parse.js';
import { conjunction } from './expression.js';
import { normalise } from './normalise.js';
import { markdownWords } from './readme.js';
import { README_CONFIDENCE } from './notices.js';
import { judgeSurrounding } from './surroundings.js';
import type { Identification, LicenceMatch } from './types.js';

const ROW = /^\s*\|(.*)\|\s*$/;
// (Each run of spaces read by one part: "| --- |" then 20,000 spaces and a letter was read in every
// way the spaces split between the two after the dashes.)
const SEPARATOR = /^\s*(?:\|\s*)?:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*(?:\|\s*)?$/;
const LICENCE_HEADER = /licen[cs]e|terms/i;

/**
 * Reads `text` (a README's licence section) as a table of licences, or undefined when it holds
 * no such table. `readLicence` reads one cell like a declared string, null when it cannot.
 */
export function identifyLicenceTable(text: string, readLicence: (value: string) => string | null): Identification | undefined {
  const lines = text.split(/\r\n|\r|\n/);
  const header = lines.findIndex((line, at) => ROW.test(line) && SEPARATOR.test(lines[at + 1] ?? ''));
  if (header < 0) return undefined;
  const columns = cells(lines[header]!);
  const licenceColumn = columns.findIndex((cell, at) => at > 0 && LICENCE_HEADER.test(cell));
  if (licenceColumn < 0) return undefined;
  const read: { expression: string; line: number }[] = [];
  const unread: string[] = [];
  let end = header + 2;
  for (; end < lines.length && ROW.test(lines[end]!); end++) {
    const row = cells(lines[end]!);
    const name = row[0] ?? '';
    const value = plain(row[licenceColumn] ?? '');
    const expression = value === '' ? null : readLicence(value);
    if (expression === null || !parseExpression(expression).ok) unread.push(`${name} ("${value}")`);
    else read.push({ expression, line: end + 1 });
  }
  if (read.length + unread.length === 0) return undefined;
  const matches: LicenceMatch[] = read.map(({ expression, line }) => ({ id: expression, confidence: README_CONFIDENCE, start: line, end: line, via: 'reference', rule: 'licence-table' }));
  // The words around the table ("used under the terms of the following licences", "report
  // errors via …") may describe; a restriction or condition there is never dropped.
  const outside = [...lines.slice(0, header), ...lines.slice(end)].join('\n');
  const words = normalise(outside).words;
  if (judgeSurrounding(words) !== 'benign') {
    return { expression: null, matches, candidates: [], unexplained: [{ start: 1, end: lines.length, words: words.join(' ') }] };
  }
  if (unread.length > 0) {
    const reason = `its table of bundled libraries names licences copyfair cannot read for ${unread.length} of ${read.length + unread.length}: ${unread.join(', ')}; the package ships none of their texts`;
    return { expression: null, matches, candidates: [], reason };
  }
  const expression = conjunction(read.map((row) => row.expression));
  return expression ? { expression, matches, candidates: [] } : undefined;
}

/** A table row's cells, trimmed. */
function cells(line: string): string[] {
  return ROW.exec(line)![1]!.split('|').map((cell) => cell.trim());
}

/** A cell's words without Markdown: links become their text, emphasis and code marks go. */
function plain(cell: string): string {
  return markdownWords(cell).replace(/\s+/g, ' ').trim();
}
