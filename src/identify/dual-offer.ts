// A licence file that offers the software under an open licence or a vendor's commercial terms, in
// words rather than texts, and lists the libraries it includes under theirs (CKEditor 5's
// LICENSE.md, in each of its ~60 packages):
//
//   Licensed under a dual-license model, this software is available under:
//
//   * the [GNU General Public License Version 2 or later](https://www.gnu.org/licenses/gpl.html),
//   * or commercial license terms from CKSource Holding sp. z o.o.
//
//   The following libraries are included in CKEditor 5 under the [MIT license](…):
//
//   * es-toolkit - Copyright (c) 2024 Viva Republica, Inc.
//
// CKEditor 5's Long Term Support Edition (47.x) writes the same file with one sentence in place of
// the offer, "CKEditor 5 Long Term Support Edition is licensed under a commercial license and is
// protected by copyright law.", then "For more information, see: https://ckeditor.com/pricing":
// commercial terms alone, read as copyfair's commercial licence with that address to buy it.
//
// The offer is the OR of its alternatives (the open licence read as a declared name, the commercial
// terms as copyfair's commercial licence); each list of included libraries is a part under the
// licence it names. Fail closed: an alternative copyfair cannot read, a list whose licence it
// cannot read, or any other words that restrict or set a condition, leave the file unknown with the
// reason; the title ("Software License Agreement"), headings, copyright lines, pointers to more
// information and trademark notices say nothing of their own.
import { formatExpression, parseExpression } from '../evaluate/parse.js';
import { normalise } from './normalise.js';
import { markdownWords } from './readme.js';
import { COMMERCIAL_LICENCE, judgeSurrounding } from './surroundings.js';
import type { Identification, LicenceMatch } from './types.js';
import { sayEach } from './unread.js';

const OFFER = /^\s*(?:licensed\s+under\s+a\s+dual[- ]licen[cs](?:e|ing)\s+model,?\s+)?this\s+software\s+is\s+available\s+under:?\s*$/i;
/** The Long Term Support Edition's sentence: the product's name, then commercial terms alone. */
// (The name starts and ends with a word character, so a line of spaces is read in one pass: the
// first cut let the name and the spaces around it take the same spaces, and a 200,000-space line
// did not return.)
const COMMERCIAL_ONLY = /^[ \t]*(?:\*\*)?([^\s*](?:[^*\n]{0,98}[^\s*])?)(?:\*\*)?[ \t]+is[ \t]+licensed[ \t]+under[ \t]+a[ \t]+commercial[ \t]+licen[cs]e[ \t]+and[ \t]+is[ \t]+protected[ \t]+by[ \t]+copyright[ \t]+law\.?[ \t]*$/i;
/** "For more information, see: [https://ckeditor.com/pricing](…)": where to buy, beside commercial terms alone. */
const MORE_INFORMATION = /^\s*for\s+more\s+information,?\s+see:?\s+\[?(https?:\/\/[^\s\]()<>]{1,300})/i;
const ITEM = /^\s*(?:[-*+]|\d+[.)])\s+(.*\S)\s*$/;
const COMMERCIAL_ITEM = /^(?:or\s+)?commercial\s+licen[cs]e\s+terms\s+from\s+[^;:]{1,100}$/i;
const INCLUDED = /^\s*the\s+following\s+(?:libraries|packages|components)\s+are\s+included\s+in\s+.{1,80}?\s+under\s+the\s+(.{1,80}?):\s*$/i;
/** A title, a heading or its underline: the file's own labels. */
const LABEL = /^\s*(?:#{1,6}\s+.*|[=-]{3,}|software\s+licen[cs]e\s+agreement|trademarks|sources\s+of\s+intellectual\s+property\s+included\s+in\s+.{1,60})\s*$/i;
/** The product's name in bold, with its address: "**CKEditor 5 Restricted editing feature** (https://github.com/…)<br>". */
// (Each run of spaces read by one part only: three `\s*` in a row took 21 s on a line of 4,000 spaces.)
const NAME_LINE = /^\s*\*\*[^*\n]{1,100}\*\*[ \t]*(?:\([ \t]*https?:\/\/[^)\s]+[ \t]*\)[ \t]*)?(?:<br\s*\/?>[ \t]*)?$/i;
/** Words no product's name holds: a bold line with one of them is read as any other ("**Not for commercial use**"). */
const NOT_A_NAME = /\b(?:not|no|non|only|never|commercial(?:ly)?|prohibit\w*|forbid\w*|except\w*|exclud\w*|unless|without|must|shall|may|free|paid|fees?|licen[cs]\w*|uses?|using|used|permi\w*|grant\w*|agree\w*)\b/i;
/** What may be said of the included code's origin and of trademarks: statements, not terms. */
const STATEMENTS = [
  /\bwhere\s+not\s+otherwise\s+indicated,\s+all\s+.{1,60}?\s+content\s+is\s+authored\s+by\s+.{1,60}?\s+and\s+consists\s+of\s+.{1,60}?\s+intellectual\s+property\.?/gi,
  /\bin\s+some\s+specific\s+instances,\s+.{1,60}?\s+will\s+incorporate\s+work\s+done\s+by\s+developers\s+outside\s+of\s+.{1,60}?\s+with\s+their\s+express\s+permission\.?/gi,
  /\bif\s+you\s+are\s+using\s+.{1,60}?\s+under\s+commercial\s+terms,\s+you\s+are\s+free\s+to\s+remove\s+the\s+[\w.]+\s+file\s+with\s+the\s+full\s+copy\s+of\s+a\s+gpl\s+licen[cs]e\.?/gi,
  /\ball\s+other\s+brand\s+and\s+product\s+names\s+are\s+trademarks,\s+registered\s+trademarks,?\s+or\s+service\s+marks\s+of\s+their\s+respective\s+holders\.?/gi,
];

/** The opening's last words, found without trying its anchor at every line first (an eighth of the cost). */
const OFFER_WORDS = /\bavailable\s+under:?\s*$/im;

/** True when the text makes such an offer (its opening sentence on a line of its own), or offers commercial terms alone so. */
export function offersDualLicence(text: string): boolean {
  return (OFFER_WORDS.test(text) && /^[ \t]*(?:licensed\s+under\s+a\s+dual[- ]licen[cs](?:e|ing)\s+model,?\s+)?this\s+software\s+is\s+available\s+under:?\s*$/im.test(text)) || (/\bprotected\s+by\s+copyright\s+law\b/i.test(text) && text.split(/\r\n|\r|\n/).some((line) => commercialOnly(line)));
}

/** Whether a line is the Long Term Support Edition's sentence, the name before it no term ("Not for resale is licensed …"). */
function commercialOnly(line: string): boolean {
  if (!/protected\s+by\s+copyright\s+law/i.test(line)) return false;
  const found = COMMERCIAL_ONLY.exec(line.replace(/&nbsp;/g, ' '));
  return found !== null && !NOT_A_NAME.test(found[1]!);
}

/** Reads the offer and the lists of included libraries; undefined when the text makes no such offer. */
export function identifyDualOffer(text: string, readLicence: (value: string) => string | null): Identification | undefined {
  if (!offersDualLicence(text)) return undefined;
  const lines = text.split(/\r\n|\r|\n/);
  const unknown = (reason: string, matches: LicenceMatch[]): Identification => ({ expression: null, matches, candidates: [], reason: `it offers the software under a choice of licences, and ${reason}` });
  const matches: LicenceMatch[] = [];
  const alternatives: string[] = [];
  const parts: string[] = [];
  const other: string[] = [];
  // Every alternative and included licence a person must read is named (unread.ts).
  const unread: string[] = [];
  let list: 'offer' | 'included' | undefined;
  // Commercial terms alone (the Long Term Support Edition), and where the file says to buy them.
  let commercial: { at: number; url?: string } | undefined;
  for (let at = 0; at < lines.length; at++) {
    const line = lines[at]!.replace(/&nbsp;/g, ' ');
    const item = ITEM.exec(line);
    if (commercialOnly(line)) {
      if (commercial || alternatives.length > 0) return unknown(`it states its licence twice (line ${at + 1})`, matches);
      commercial = { at };
      alternatives.push(COMMERCIAL_LICENCE);
      continue;
    }
    const more = MORE_INFORMATION.exec(line);
    if (more && commercial && commercial.url === undefined) commercial.url = more[1]!;
    if (OFFER.test(line)) {
      if (commercial) return unknown(`it states its licence twice (line ${at + 1})`, matches);
      if (alternatives.length > 0) return unknown(`it makes its offer twice (line ${at + 1})`, matches);
      list = 'offer';
      continue;
    }
    const included = INCLUDED.exec(plain(line));
    if (included) {
      const licence = readLicence(included[1]!);
      if (licence === null) {
        unread.push(`the libraries it includes under "${included[1]}" (line ${at + 1}) are under a licence copyfair cannot read`);
        list = 'included';
        continue;
      }
      parts.push(licence);
      matches.push({ id: licence, confidence: 1, start: at + 1, end: at + 1, via: 'reference', rule: 'included libraries' });
      list = 'included';
      continue;
    }
    if (item && list === 'offer') {
      const value = plain(item[1]!).replace(/(?<!\s)\s*\(see\s[^)]*\)/i, '').replace(/[,;.]\s*$/, '').trim();
      if (COMMERCIAL_ITEM.test(value)) {
        alternatives.push(COMMERCIAL_LICENCE);
        matches.push({ id: COMMERCIAL_LICENCE, confidence: 1, start: at + 1, end: at + 1, via: 'terms' });
        continue;
      }
      const licence = readLicence(value.replace(/^(?:or|and)\s+/i, '').replace(/^the\s+/i, ''));
      if (licence === null) {
        unread.push(`its alternative "${value}" (line ${at + 1}) is a licence copyfair cannot read`);
        continue;
      }
      alternatives.push(licence);
      matches.push({ id: licence, confidence: 1, start: at + 1, end: at + 1, via: 'reference', rule: 'offered licence' });
      continue;
    }
    // An included library: its name and copyright line.
    if (item && list === 'included') continue;
    if (line.trim() !== '') list = undefined;
    if (!LABEL.test(line) && !(NAME_LINE.test(line) && !NOT_A_NAME.test(line.replace(/\(\s*https?:\/\/[^)\s]+\s*\)/g, ' ')))) other.push(line);
  }
  if (commercial) matches.push({ id: COMMERCIAL_LICENCE, confidence: 1, start: commercial.at + 1, end: commercial.at + 1, via: 'terms', ...(commercial.url ? { parameters: { licensingUrl: commercial.url } } : {}) });
  if (unread.length > 0) return unknown(sayEach(unread, 'licence'), matches);
  if (alternatives.length < 2 && !commercial) return unknown('it names fewer than two alternatives', matches);
  // What else it says: copyright lines, "For more information, see …", where the code comes from,
  // trademarks. A term there is never dropped.
  let rest = other.map(plain).join('\n');
  for (const statement of STATEMENTS) rest = rest.replace(statement, ' ');
  rest = rest.replace(/\bfor\s+more\s+information,?\s+see:?\s*\S*/gi, ' ').replace(/^[ \t]*\*?\*?[\w.&-][\w .&-]{0,39}\*?\*?\s+is\s+a\s+(?:registered\s+)?trademark\s+of\s+[^.\n]{1,80}\.?/gim, ' ');
  const words = normalise(rest).words;
  if (words.length > 0 && judgeSurrounding(words) !== 'benign') return { ...unknown('its other words read like terms', matches), unexplained: [{ start: 1, end: lines.length, words: words.join(' ') }] };
  const offer = alternatives.length === 1 ? alternatives[0]! : alternatives.map((alternative) => (/\s/.test(alternative) ? `(${alternative})` : alternative)).join(' OR ');
  const bundled = [...new Set(parts)];
  const all = parseExpression([offer, ...bundled].map((part) => (/\s/.test(part) ? `(${part})` : part)).join(' AND '));
  if (!all.ok) return unknown('its licences do not make one expression', matches);
  const own = parseExpression(offer);
  const parsedBundle = bundled.length === 0 ? undefined : parseExpression(bundled.map((part) => (/\s/.test(part) ? `(${part})` : part)).join(' AND '));
  return {
    expression: formatExpression(all.tree),
    matches,
    candidates: [],
    bundle: { own: own.ok ? formatExpression(own.tree) : null, bundled: parsedBundle?.ok ? formatExpression(parsedBundle.tree) : null },
  };
}

/** A line's words without Markdown: links become their text, emphasis marks and HTML breaks go. */
function plain(line: string): string {
  return markdownWords(line).replace(/<br\s*\/?>/gi, ' ').replace(/&nbsp;/g, ' ');
}
