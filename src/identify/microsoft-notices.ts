// Microsoft's third-party notices format, as its npm packages ship it (playwright-core's
// `lib/<bundle>.js.LICENSE` files; TypeScript's and monaco-editor's notices use it too): a
// preamble, then one section per component,
//
//   %% @hono/node-server@2.1.5 NOTICES AND INFORMATION BEGIN HERE
//   =========================================
//   MIT License … (the component's licence text or notice)
//   =========================================
//   END OF @hono/node-server@2.1.5 NOTICES AND INFORMATION
//
// Every section's licence applies to what is shipped, so the expression is their AND. Fail closed:
// a section whose text copyfair cannot identify, or that names no licence, and words outside the
// sections that restrict or set a condition, leave the whole file unknown, with a reason naming
// the section. The preamble's list of the components ("- name@1.2.3 (https://…)") and Microsoft's
// sentence reserving the rights it does not grant are not terms of their own.
import { conjunction } from './expression.js';
import { normalise } from './normalise.js';
import { judgeSurrounding } from './surroundings.js';
import type { Identification, LicenceMatch } from './types.js';

const BEGIN = /^\s*%%\s+(.+?)\s+NOTICES,?\s+AND\s+INFORMATION\s+BEGIN\s+HERE\s*$/i;
const END = /^\s*END\s+OF\s+(.+?)\s+NOTICES,?\s+AND\s+INFORMATION\s*$/i;
const RULE = /^\s*(?:={3,}|-{3,})\s*$/;
/** A preamble's list item naming a component: "- ajv@8.20.0 (https://github.com/ajv-validator/ajv)". */
const COMPONENT_ITEM = /^\s*[-*]\s+(?:@[\w.~-]+\/)?[\w.~-]+@[\w.+-]+(?:\s+\(\s*https?:\/\/[^\s)]+\s*\))?\s*$/;
/**
 * Microsoft's standard sentences above the sections: what they list is the components' own
 * licences, as Microsoft received them; the rights it reserves are those no licence below grants.
 */
const MICROSOFT_PREAMBLE = [
  /\bthis project incorporates components from the projects listed below\.?/gi,
  /\bthe original copyright notices and the licen[cs]es under which microsoft received such components are set forth below\.?/gi,
  /\bmicrosoft reserves all rights not expressly granted herein,? whether by implication,? estoppel or otherwise\.?/gi,
];

/** The text without Microsoft's standard sentences above its notices ({@link MICROSOFT_PREAMBLE}). */
export function withoutMicrosoftPreamble(text: string): string {
  let rest = text;
  for (const sentence of MICROSOFT_PREAMBLE) rest = rest.replace(sentence, ' ');
  return rest;
}

/** True when the text is in Microsoft's notices format (a `%% … NOTICES AND INFORMATION BEGIN HERE` line). */
export function isMicrosoftNotices(text: string): boolean {
  return /^[ \t]*%%[ \t]+.+?[ \t]+NOTICES,?\s+AND\s+INFORMATION\s+BEGIN\s+HERE\s*$/im.test(text);
}

/**
 * What the generator writes for a component that shipped no licence text: "(no license text found;
 * declared licenses: MIT)". The declared licence is read as a package.json's is.
 */
const DECLARED_ONLY = /^\s*\(?\s*no licen[cs]e text found\s*[;,.]?\s*declared licen[cs]es?:\s*(.+?)\s*\)?\s*$/i;

/**
 * Identifies each section with `identify` (`readLicence` reads a declared licence, null when it
 * cannot); undefined when the text is not in this format.
 */
export function identifyMicrosoftNotices(text: string, identify: (text: string) => Identification, readLicence: (value: string) => string | null): Identification | undefined {
  if (!isMicrosoftNotices(text)) return undefined;
  const lines = text.split(/\r\n|\r|\n/);
  const unknown = (reason: string, matches: LicenceMatch[], from?: Identification): Identification => ({
    expression: null,
    matches,
    candidates: from?.candidates ?? [],
    ...(from?.unexplained ? { unexplained: from.unexplained } : {}),
    reason: `it lists the licences of the components it holds section by section, and ${reason}`,
  });
  const parts: string[] = [];
  const matches: LicenceMatch[] = [];
  const outside: { text: string; line: number }[] = [];
  for (let at = 0; at < lines.length; at++) {
    const begin = BEGIN.exec(lines[at]!);
    if (!begin) {
      if (!RULE.test(lines[at]!) && !COMPONENT_ITEM.test(lines[at]!) && lines[at]!.trim() !== '') outside.push({ text: lines[at]!, line: at });
      continue;
    }
    const name = begin[1]!;
    const where = `section "${name}" (line ${at + 1})`;
    let end = at + 1;
    while (end < lines.length && !END.test(lines[end]!) && !BEGIN.test(lines[end]!)) end++;
    if (end >= lines.length || !END.test(lines[end]!)) return unknown(`${where} has no END OF line`, matches);
    // The text between the rules that open and close it.
    let first = at + 1;
    let last = end - 1;
    while (first <= last && (RULE.test(lines[first]!) || lines[first]!.trim() === '')) first++;
    while (last >= first && (RULE.test(lines[last]!) || lines[last]!.trim() === '')) last--;
    const body = lines.slice(first, last + 1).join('\n');
    const declaredOnly = first === last ? DECLARED_ONLY.exec(body) : null;
    if (declaredOnly) {
      const declared = readLicence(declaredOnly[1]!);
      if (declared === null) return unknown(`${where} declares a licence copyfair cannot read ("${declaredOnly[1]}")`, matches);
      parts.push(declared);
      matches.push({ id: declared, confidence: 1, start: first + 1, end: first + 1, via: 'reference', rule: 'declared licence' });
      at = end;
      continue;
    }
    const found = normalise(body).words.length === 0 ? undefined : identify(body);
    if (!found || found.expression === null) return unknown(found ? `${where} holds a licence text or notice copyfair cannot vouch for` : `${where} names no licence`, matches, found);
    parts.push(found.expression);
    for (const match of found.matches) matches.push({ ...match, start: match.start + first, end: match.end + first });
    at = end;
  }
  // Words outside every section: a title, the component list, Microsoft's sentences; anything that
  // restricts or sets a condition is never dropped.
  const rest = normalise(withoutMicrosoftPreamble(outside.map((line) => line.text).join('\n'))).words;
  if (rest.length > 0 && judgeSurrounding(rest) !== 'benign') {
    const from = outside[0]!.line + 1;
    return { ...unknown(`the words outside its sections (line ${from}) read like terms`, matches), unexplained: [{ start: from, end: outside[outside.length - 1]!.line + 1, words: rest.join(' ') }] };
  }
  const expression = conjunction(parts);
  if (!expression) return unknown('names no licence', matches);
  return { expression, matches, candidates: [], bundle: { own: null, bundled: expression } };
}
