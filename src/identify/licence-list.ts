// A licence file (or a README's licence section) that names its licences in a list rather than
// holding their texts, and says whether they are a choice. rustls and the crates around it
// (hyper-rustls, rustls-pemfile, tokio-rustls, sct), in every Rust project that speaks TLS:
//
//   rustls-pemfile is distributed under the following three licenses:
//
//   - Apache License version 2.0.
//   - MIT license.
//   - ISC license.
//
//   These are included as LICENSE-APACHE, LICENSE-MIT and LICENSE-ISC
//   respectively.  You may use this software under the terms of any
//   of these licenses, at your option.
//
// Each item is read as a declared name (all must read); the list is an OR only where the text says
// the user may take any one of them ("any of these licenses, at your option", "at your choice"),
// else an AND, the safe reading. The sentence pointing at the texts ("These are included as …")
// says where they are; any other words are judged as words beside a licence are, and a term there
// leaves the file unknown. The texts themselves, in their own files, are read as every licence
// file is.
import { formatExpression, parseExpression } from '../evaluate/parse.js';
import { normalise } from './normalise.js';
import { markdownWords } from './readme.js';
import { judgeSurrounding } from './surroundings.js';
import type { Identification, LicenceMatch } from './types.js';
import { sayEach } from './unread.js';

/** "X is distributed under the following three licenses:", "… is licensed under these two licences:". */
const LIST_OPENING = /^[ \t]*(?:#{1,6}[ \t]+)?[^\n]{1,80}?\s(?:is|are)\s+(?:distributed|licen[cs]ed|released|available|offered|dual[- ]licen[cs]ed|triple[- ]licen[cs]ed)\s+under\s+(?:the\s+following|these)(?:\s+(?:two|three|four|2|3|4))?\s+licen[cs]es:?[ \t]*$/im;
/**
 * Words every such opening holds, found without anchoring at each line: the opening itself tries
 * up to 80 characters at every line's start, ten times the cost over a tree's licence files.
 */
const LIST_WORDS = /\sunder\s+(?:the\s+following|these)\s/i;
const ITEM = /^\s*(?:[-*+]|\d+[.)])\s+(.*\S)\s*$/;
/** The user takes one: "You may use this software under the terms of any of these licenses, at your option." */
const CHOICE = /\b(?:you\s+may\s+use\s+(?:this|the)\s+(?:software|code|library|crate|package|project)\s+under\s+the\s+terms\s+of\s+any\s+(?:one\s+)?of\s+(?:these|the\s+above|those)\s+licen[cs]es,?\s+at\s+your\s+(?:option|choice)|at\s+your\s+(?:option|choice),?\s+(?:under|any\s+(?:one\s+)?of)\s+(?:these|the\s+above)\s+licen[cs]es)\.?/gi;
/** Where the texts are: "These are included as LICENSE-APACHE, LICENSE-MIT and LICENSE-ISC respectively." */
const WHERE = /\b(?:these|the\s+texts?|copies)\s+(?:are|is)\s+included\s+(?:as|in)\s+[\w.,\s-]{1,160}?(?:\s+respectively)?\./gi;
/** More words than this beside the list, and the file is more than a list (its texts follow). */
const MAX_OTHER_WORDS = 60;

/** Headings and their underlines. */
const LABEL = /^\s*(?:#{1,6}\s+.*|[=-]{3,}|licen[cs]es?|licen[cs]ing|copyright)\s*$/i;

/** True when the text opens a list of licences so (a line of its own). */
export function listsLicences(text: string): boolean {
  return LIST_WORDS.test(text) && LIST_OPENING.test(text);
}

/** Reads the list; undefined when the text holds none. */
export function identifyLicenceList(text: string, readLicence: (value: string) => string | null): Identification | undefined {
  if (!listsLicences(text)) return undefined;
  const lines = text.split(/\r\n|\r|\n/);
  const opening = lines.findIndex((line) => LIST_OPENING.test(line));
  const unknown = (reason: string, matches: LicenceMatch[]): Identification => ({ expression: null, matches, candidates: [], reason: `it lists its licences, and ${reason}` });
  const matches: LicenceMatch[] = [];
  const listed: string[] = [];
  const other: string[] = [];
  // Every item a person must read is named (unread.ts).
  const unread: string[] = [];
  let inList = true;
  for (let at = 0; at < lines.length; at++) {
    const line = lines[at]!;
    if (at === opening) continue;
    const item = at > opening && inList ? ITEM.exec(line) : null;
    if (item) {
      const value = markdownWords(item[1]!).replace(/[,;.]\s*$/, '').replace(/^(?:the|or|and)\s+/i, '').trim();
      const licence = readLicence(value);
      if (licence === null) {
        unread.push(`"${value}" (line ${at + 1}) is a licence copyfair cannot read`);
        continue;
      }
      listed.push(licence);
      matches.push({ id: licence, confidence: 1, start: at + 1, end: at + 1, via: 'reference', rule: 'listed licence' });
      continue;
    }
    if (at > opening && listed.length > 0 && line.trim() !== '') inList = false;
    if (!LABEL.test(line)) other.push(markdownWords(line));
  }
  if (unread.length > 0) return unknown(sayEach(unread, 'item'), matches);
  // Fewer than two items, or more words around them than a list's few sentences (the texts
  // themselves follow it): not such a list; the file is read as any other.
  if (listed.length < 2) return undefined;
  let rest = other.join('\n');
  // (Far more text than a list's few sentences: not normalised just to be counted.)
  if (rest.length > MAX_OTHER_WORDS * 40) return undefined;
  const before = rest;
  rest = rest.replace(CHOICE, ' ');
  const choice = rest !== before;
  rest = rest.replace(WHERE, ' ');
  const words = normalise(rest).words;
  if (words.length > MAX_OTHER_WORDS) return undefined;
  if (words.length > 0 && judgeSurrounding(words) !== 'benign') return { ...unknown('its other words read like terms', matches), unexplained: [{ start: 1, end: lines.length, words: words.join(' ') }] };
  const parts = [...new Set(listed)].map((part) => (/\s/.test(part) ? `(${part})` : part));
  const parsed = parseExpression(parts.join(choice ? ' OR ' : ' AND '));
  if (!parsed.ok) return unknown('its licences do not make one expression', matches);
  return { expression: formatExpression(parsed.tree), matches, candidates: [] };
}
