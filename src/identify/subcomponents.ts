// Apache projects end their LICENSE with an appendix of the code they embed from others (Apache
// ECharts):
//
//   Apache ECharts Subcomponents:
//
//   The Apache ECharts project contains subcomponents with separate copyright notices and license
//   terms. Your use of the source code for these subcomponents is also subject to the terms and
//   conditions of the following licenses.
//
//   BSD 3-Clause (d3.js):
//   The following files embed [d3.js](https://github.com/d3/d3) BSD 3-Clause:
//       `/src/chart/treemap/treemapLayout.ts`, …
//   See `/licenses/LICENSE-d3` for details of the license.
//
// The project's own licence is the text above; each entry's licence ("BSD 3-Clause (d3.js):")
// applies to the code it names besides: a part, as a bundle section's. Fail closed: an entry whose
// licence copyfair cannot read, words in an entry that restrict or set a condition, or an appendix
// naming no entry, leave the file unknown, the reason naming where.
import { parseExpression } from '../evaluate/parse.js';
import { conjunction } from './expression.js';
import { normalise } from './normalise.js';
import { judgeSurrounding } from './surroundings.js';
import type { Identification, LicenceMatch } from './types.js';
import { sayEach } from './unread.js';

const CONTAINS = /\bcontains\s+subcomponents\s+with\s+separate\s+copyright\s+notices\s+and\s+licen[cs]e\s+terms\b/i;
/** The appendix's two standard sentences, taken out before its words are judged. */
const STANDARD = [
  /\b(?:the\s+)?[\w .-]{0,60}?\s*(?:project|software|product|distribution)\s+contains\s+subcomponents\s+with\s+separate\s+copyright\s+notices\s+and\s+licen[cs]e\s+terms\.?/gi,
  /\byour\s+use\s+of\s+the\s+source\s+code\s+for\s+(?:these|the\s+these)\s+subcomponents\s+is\s+(?:also\s+)?subject\s+to\s+the\s+terms\s+and\s+conditions\s+of\s+the\s+following\s+licen[cs]es\.?/gi,
];
/** An entry's heading: the licence, then the subcomponent in brackets ("BSD 3-Clause (d3.js):"). */
// (The name starts and ends with a character no space, so the spaces around it are read by one
// part only: a line of 20,000 tabs took 20 s.)
const ENTRY = /^\s*([^:()\s][^:()\n]{0,78}[^:()\s])\s*\(([^()\n]{1,80})\)\s*:\s*$/;
/** A path or a link in an entry's words: what the code is and where its licence text is. */
// (A link's text and address hold no bracket of their kind, so each "[" or "(" is read to the next
// one at most: a line of 20,000 "[" was read once from each.)
const PATHS = /`[^`\n]*`|\[[^[\]\n]*\]\([^()\n]*\)|https?:\/\/\S+|(?:^|\s)\/?(?:[\w.-]+\/)+[\w.-]*/g;

/** True when the text holds such an appendix. */
export function hasSubcomponents(text: string): boolean {
  return CONTAINS.test(text);
}

/**
 * Identifies the text above the appendix with `identify` and each entry's licence with
 * `readLicence` (a declared string's reading, null when it cannot); undefined without an appendix.
 */
export function identifySubcomponents(text: string, identify: (text: string) => Identification, readLicence: (value: string) => string | null): Identification | undefined {
  if (!hasSubcomponents(text)) return undefined;
  const lines = text.split(/\r\n|\r|\n/);
  const at = lines.findIndex((line, index) => CONTAINS.test(`${line} ${lines[index + 1] ?? ''}`));
  // The appendix's title and rule above its paragraph belong to it, not to the licence above.
  let start = at;
  while (start > 0 && (lines[start - 1]!.trim() === '' || /^\s*(?:[=*_-]{3,}|[^.]{1,60}\bsubcomponents?\s*:?)\s*$/i.test(lines[start - 1]!))) start--;
  const unknown = (reason: string, matches: LicenceMatch[], from?: Identification): Identification => ({
    expression: null,
    matches,
    candidates: from?.candidates ?? [],
    ...(from?.unexplained ? { unexplained: from.unexplained } : {}),
    reason: `it lists the licences of subcomponents it embeds, and ${reason}`,
  });
  const own = identify(lines.slice(0, start).join('\n'));
  if (own.expression === null) return own;
  const matches: LicenceMatch[] = [...own.matches];
  const parts: string[] = [];
  const words: string[] = [];
  // Every entry a person must read is named (unread.ts).
  const unread: string[] = [];
  for (let index = start; index < lines.length; index++) {
    const line = lines[index]!;
    const heading = ENTRY.exec(line);
    if (heading) {
      const where = `the entry "${line.trim()}" (line ${index + 1})`;
      const read = readLicence(heading[1]!);
      if (read === null || !parseExpression(read).ok) {
        unread.push(`${where} names a licence copyfair cannot read`);
        continue;
      }
      parts.push(read);
      matches.push({ id: read, confidence: 1, start: index + 1, end: index + 1, via: 'reference', rule: 'subcomponent' });
      continue;
    }
    words.push(line.replace(PATHS, ' '));
  }
  if (unread.length > 0) return unknown(sayEach(unread, 'entry'), matches);
  if (parts.length === 0) return unknown('it names no subcomponent\'s licence', matches);
  // What is left (the appendix's sentences, "The following files embed d3.js BSD 3-Clause", "See
  // … for details of the license") says nothing of its own; a term there is never dropped.
  let rest = words.join('\n');
  for (const sentence of STANDARD) rest = rest.replace(sentence, ' ');
  const left = normalise(rest).words;
  if (left.length > 0 && judgeSurrounding(left) !== 'benign') {
    return { ...unknown(`the words of its appendix (line ${start + 1}) read like terms`, matches), unexplained: [{ start: start + 1, end: lines.length, words: left.join(' ') }] };
  }
  const bundled = conjunction(parts)!;
  return { expression: conjunction([own.expression, bundled])!, matches, candidates: [], bundle: { own: own.expression, bundled } };
}
