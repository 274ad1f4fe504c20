// Copyright lines in a licence text or a source file's header: what a notice file must carry and
// what a fork must keep.
import { expressionIds, withoutLaterMark } from '../identify/expression.js';
import { spdxLicenceText } from './spdx-texts.js';

/** Lines that state a copyright, as written (trimmed, comment markers removed), in order. */
export function copyrightLines(text: string): string[] {
  const lines: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    const trimmed = withoutCommentMarkers(line.trim());
    if (/^(copyright\b|\(c\)\s*\d|©)/i.test(trimmed) && /\d{4}|©|\(c\)/i.test(trimmed)) lines.push(trimmed);
  }
  return lines;
}

/** A trimmed line without a comment's opening marks and its closing `*\/`. */
function withoutCommentMarkers(line: string): string {
  return withoutCommentCloser(line.replace(/^[#*/;!-]+\s*/, ''));
}

/**
 * `text` without its trailing spaces and the first of `closers` it then ends with, and the spaces
 * before that. Read in code: a pattern, `\s*\*\/$`, tried every space of a long run to its end
 * (40,000 spaces in a line took 0.9 s, 400,000 a minute and a half).
 */
export function withoutCommentCloser(text: string, closers: readonly string[] = ['*/']): string {
  const trimmed = text.trimEnd();
  const closer = closers.find((candidate) => trimmed.endsWith(candidate));
  return closer === undefined ? trimmed : trimmed.slice(0, -closer.length).trimEnd();
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
  // (No "<" inside the brackets: a line of "<" was read to its end from each.)
  return /<[^<>]*(year|name|author|owner|holder)[^<>]*>|\byyyy\b|\[(year|fullname|name of (author|copyright owner))\]|name of (author|copyright owner)/i.test(line);
}

const ownLines = new Map<string, string[]>();

/** The copyright lines of one SPDX licence's text, folded; [] for an id SPDX has no text for. */
function ownCopyrightLines(id: string): string[] {
  let lines = ownLines.get(id);
  if (lines === undefined) ownLines.set(id, (lines = copyrightLines(spdxLicenceText(id) ?? '').map(fold)));
  return lines;
}

/** Whether a copyright line is part of the standard text of a licence in `expression`. */
export function licencesOwnLine(line: string, expression: string | null): boolean {
  if (expression === null) return false;
  const wanted = fold(line);
  return expressionIds(expression).some((id) => {
    const base = withoutLaterMark(id);
    return [id, base, `${base}-only`, `${base}-or-later`].some((key) => ownCopyrightLines(key).includes(wanted));
  });
}

const fold = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();
