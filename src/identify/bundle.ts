// A bundler's licence file: the package's own licence, then "# Licenses of bundled dependencies"
// and one "## <name>" block per bundled package with a "License: <SPDX>" line and, usually, its
// licence text quoted ("> …"), as rollup's and vite's LICENSE.md are written (rollup-plugin-license
// and the like). Every bundled licence applies to the artifact, so the expression is the package's
// own licence AND each bundled one; fail closed: a block whose License line cannot be read (as a
// declared string: "Apache-2.0/MIT" is an OR), or whose
// quoted text copyfair cannot identify or names a licence the line does not, leaves it unknown.
import { formatExpression, parseExpression } from '../evaluate/parse.js';
import type { Identification, LicenceMatch } from './types.js';

const BUNDLED = /^#{1,2}\s+licen[cs]es of bundled dependencies\s*$/im;

/** True when the text is a bundler's licence file. */
export function isBundle(text: string): boolean {
  return BUNDLED.test(text) && /^License:\s+\S/m.test(text);
}

/**
 * Identifies a bundler's licence file with `identify` for each licence text in it (the package's
 * own, and each quoted one). Returns undefined when the text is not one.
 */
export function identifyBundle(
  text: string,
  identify: (text: string) => Identification,
  /** Reads a License line as a declared string ("Apache-2.0/MIT"), null when it cannot. */
  readLicence: (value: string) => string | null,
): Identification | undefined {
  if (!isBundle(text)) return undefined;
  const lines = text.split(/\r\n|\r|\n/);
  const first = lines.findIndex((line) => BUNDLED.test(line));
  const own = identify(lines.slice(0, first).join('\n'));
  const unknown: Identification = { expression: null, matches: [], candidates: own.candidates };
  if (own.expression === null) return { ...unknown, matches: own.matches, ...(own.unexplained ? { unexplained: own.unexplained } : {}) };
  const parts = [own.expression];
  const matches: LicenceMatch[] = [...own.matches];
  for (const block of blocks(lines, first)) {
    const read = readLicence(block.licence);
    const declared = read === null ? undefined : parseExpression(read);
    if (!declared?.ok) return unknown;
    parts.push(declared.expression);
    if (block.quoted.length === 0) continue;
    const found = identify(block.quoted.join('\n'));
    // A quoted copyright line alone (rollup quotes each package's notice and lists the licence
    // texts once, at the end) holds no licence; a text that resembles one copyfair cannot name does.
    const licenceLike = found.matches.length > 0 || found.unexplained !== undefined || found.candidates.some((candidate) => candidate.confidence >= 0.5);
    if (found.expression === null && !licenceLike) continue;
    if (found.expression === null) return { ...unknown, matches, candidates: found.candidates };
    const named = new Set(ids(declared.expression));
    for (const id of ids(found.expression)) if (!named.has(id)) parts.push(found.expression);
    for (const match of found.matches) matches.push({ ...match, start: match.start + block.quotedFrom, end: match.end + block.quotedFrom });
  }
  const combined = parseExpression(unique(parts).map((part) => (/\s/.test(part) ? `(${part})` : part)).join(' AND '));
  return combined.ok ? { expression: formatExpression(combined.tree), matches, candidates: [] } : unknown;
}

interface Block {
  licence: string;
  /** The "## …" heading: a package name, or a licence id in a list of licence texts. */
  heading: string;
  /** The quoted licence text, without its "> " marks. */
  quoted: string[];
  /** Lines before the first quoted line (to report matches at the file's line numbers). */
  quotedFrom: number;
}

/** The "## name" blocks after the heading at `from`. */
function blocks(lines: string[], from: number): Block[] {
  const found: Block[] = [];
  let current: Block | undefined;
  for (let at = from + 1; at < lines.length; at++) {
    const line = lines[at]!;
    if (/^##\s+\S/.test(line)) {
      // "## MIT (1)" in a "# License texts" section names its licence in the heading.
      const heading = line.replace(/^##\s+/, '').replace(/\s*\(\d+\)\s*$/, '').trim();
      current = { licence: '', heading, quoted: [], quotedFrom: 0 };
      found.push(current);
      continue;
    }
    if (!current) continue;
    const licence = /^License:\s+(.+?)\s*$/.exec(line);
    if (licence && current.licence === '') current.licence = licence[1]!;
    else if (/^>( |$)/.test(line)) {
      if (current.quoted.length === 0) current.quotedFrom = at;
      current.quoted.push(line.replace(/^> ?/, ''));
    }
  }
  for (const block of found) if (block.licence === '' && block.quoted.length > 0 && parseExpression(block.heading).ok) block.licence = block.heading;
  return found.filter((block) => block.licence !== '' || block.quoted.length > 0);
}

function ids(expression: string): string[] {
  return expression.replace(/[()]/g, ' ').split(/\s+/).filter((token) => token !== '' && !/^(AND|OR|WITH)$/.test(token)).map((id) => id.replace(/\+$/, '').replace(/-(only|or-later)$/, ''));
}

function unique(parts: string[]): string[] {
  return [...new Set(parts)];
}
