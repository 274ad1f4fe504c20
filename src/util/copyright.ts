// Copyright lines in a licence text or a source file's header: what a notice file must carry and
// what a fork must keep.
import { createRequire } from 'node:module';

/** Lines that state a copyright, as written (trimmed, comment markers removed), in order. */
export function copyrightLines(text: string): string[] {
  const lines: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    const trimmed = line.trim().replace(/^[#*/;!-]+\s*|\s*\*\/$/g, '');
    if (/^(copyright\b|\(c\)\s*\d|©)/i.test(trimmed) && /\d{4}|©|\(c\)/i.test(trimmed)) lines.push(trimmed);
  }
  return lines;
}

/** The text without its copyright lines, for grouping texts that differ only in whose they are. */
export function withoutCopyrightLines(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .filter((line) => copyrightLines(line).length === 0)
    .join('\n');
}

/**
 * A licence text's holders and its body: the copyright lines that name who holds the work, and the
 * text without them. Lines that belong to the licence itself ("Copyright (C) 2007 Free Software
 * Foundation" in the GPL texts) or are a template's placeholder ("<name of author>") stay in the
 * body: they are the same in every copy.
 */
export function splitCopyright(text: string, expression: string | null): { holders: string[]; body: string } {
  const holders: string[] = [];
  const body: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    const [found] = copyrightLines(line);
    if (found === undefined || isPlaceholder(found) || licencesOwnLine(found, expression)) body.push(line);
    else if (!holders.includes(found)) holders.push(found);
  }
  return { holders, body: body.join('\n') };
}

/** A template line: "Copyright (C) <year> <name of author>", "Copyright (c) yyyy name of author". */
function isPlaceholder(line: string): boolean {
  return /<[^>]*(year|name|author|owner|holder)[^>]*>|\byyyy\b|\[(year|fullname|name of (author|copyright owner))\]|name of (author|copyright owner)/i.test(line);
}

const require = createRequire(import.meta.url);
const ownLines = new Map<string, string[]>();

/** The copyright lines of one SPDX licence's text, folded; [] for an id SPDX has no text for. */
function ownCopyrightLines(id: string): string[] {
  let lines = ownLines.get(id);
  if (lines === undefined) {
    lines = [];
    // One licence's file, not the whole list (5 MB, ~80 ms to load): a scan asks this of a few.
    if (/^[A-Za-z0-9][A-Za-z0-9.+-]*$/.test(id)) {
      try {
        const entry = require(`spdx-license-list/licenses/${id}.json`) as { licenseText?: string };
        lines = copyrightLines(entry.licenseText ?? '').map(fold);
      } catch {
        lines = [];
      }
    }
    ownLines.set(id, lines);
  }
  return lines;
}

/** Whether a copyright line is part of the standard text of a licence in `expression`. */
export function licencesOwnLine(line: string, expression: string | null): boolean {
  if (expression === null) return false;
  const wanted = fold(line);
  const ids = expression.replace(/[()]/g, ' ').split(/\s+/).filter((token) => token !== '' && !/^(AND|OR|WITH)$/i.test(token));
  return ids.some((id) => {
    const base = id.replace(/\+$/, '').replace(/-(only|or-later)$/, '');
    return [id, base, `${base}-only`, `${base}-or-later`].some((key) => ownCopyrightLines(key).includes(wanted));
  });
}

const fold = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();
