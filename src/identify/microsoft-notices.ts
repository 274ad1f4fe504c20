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
import { informationalStatement, mayStateInformational } from './third-party.js';
import type { Identification, LicenceMatch } from './types.js';
import { sayEach, unexplainedOf } from './unread.js';

/**
 * A section's heading, and the line that closes it. The generator's older wording names the licence
 * too ("%% glob NOTICES, INFORMATION, AND LICENSE BEGIN HERE", typed-rest-client's
 * ThirdPartyNotice.txt).
 */
const BEGIN = /^\s*%%\s+(.+?)\s+NOTICES,?\s+(?:AND\s+INFORMATION|INFORMATION,?\s+AND\s+LICEN[CS]E)\s+BEGIN\s+HERE\s*$/i;
/**
 * The older heading (monaco-editor's ThirdPartyNotices.txt, which mixes both): "%% nodejs path
 * library (https://github.com/nodejs/node/tree/…)" with a rule on the next line, and the same
 * "END OF … NOTICES AND INFORMATION" line closing it, under a shorter name.
 */
const OLD_BEGIN = /^\s*%%\s+(\S.*?)\s*$/;
const END = /^\s*END\s+OF\s+(.+?)\s+NOTICES,?\s+(?:AND\s+INFORMATION|INFORMATION,?\s+AND\s+LICEN[CS]E)\s*$/i;
const RULE = /^\s*(?:={3,}|-{3,})\s*$/;
/** A preamble's list item naming a component: "- ajv@8.20.0 (https://github.com/ajv-validator/ajv)". */
const COMPONENT_ITEM = /^\s*[-*]\s+(?:@[\w.~-]+\/)?[\w.~-]+@[\w.+-]+(?:\s+\(\s*https?:\/\/[^\s)]+\s*\))?\s*$/;
/** The older list's numbered item, a name and its repository: "6.	balanced-match (git://github.com/juliangruber/balanced-match.git)". */
const NUMBERED_COMPONENT_ITEM = /^\s*\d{1,3}\.\s+(?:@[\w.~-]+\/)?[\w.~-]+(?:@[\w.+-]+)?\s+\(\s*(?:git\+)?(?:https?|git|ssh)(?:\+\w+)?:\/\/[^\s)]+\s*\)\s*$/;
/**
 * Microsoft's standard sentences above the sections: what they list is the components' own
 * licences, as Microsoft received them; the rights it reserves are those no licence below grants.
 */
const MICROSOFT_PREAMBLE = [
  /\bthis\s+project\s+incorporates\s+components\s+from\s+the\s+projects\s+listed\s+below\.?/gi,
  // The older generator's, for "Third Party IP": "This Visual Studio Team Services extension
  // (vsts-task-lib) is based on or incorporates material from the projects listed below (Third
  // Party IP). The original copyright notice and the license under which Microsoft received such
  // Third Party IP, are set forth below. Such licenses and notices are provided for informational
  // purposes only. Microsoft licenses the Third Party IP to you under the licensing terms for the
  // Visual Studio Team Services extension." The product's terms are the package's own licence,
  // read from its own files; the parts' licences still apply as every notices file's do.
  /\bth(?:is|e)\s+[^.\n]{1,100}?\s+is\s+based\s+on\s+or\s+incorporates\s+material\s+from\s+the\s+projects\s+listed\s+below\s+\(third\s+party\s+ip\)\.?/gi,
  /\bthe\s+original\s+copyright\s+notices?\s+and\s+the\s+licen[cs]es?\s+under\s+which\s+microsoft\s+received\s+such\s+third\s+party\s+ip,?\s+(?:are|is)\s+set\s+forth\s+below\.?/gi,
  /\bsuch\s+licen[cs]es\s+and\s+notices\s+are\s+provided\s+for\s+informational\s+purposes\s+only\.\s+microsoft\s+licen[cs]es\s+the\s+third\s+party\s+ip\s+to\s+you\s+under\s+the\s+licen[cs]ing\s+terms\s+for\s+the\s+[^.\n]{1,80}?\./gi,
  /\bmicrosoft\s+reserves\s+all\s+other\s+rights\s+not\s+expressly\s+granted\s+under\s+this\s+agreement,?\s+whether\s+by\s+implication,?\s+estoppel\s+or\s+otherwise\.?/gi,
  /\bthe\s+original\s+copyright\s+notices\s+and\s+the\s+licen[cs]es\s+under\s+which\s+microsoft\s+received\s+such\s+components\s+are\s+set\s+forth\s+below\.?/gi,
  /\bmicrosoft\s+reserves\s+all\s+rights\s+not\s+expressly\s+granted\s+herein,?\s+whether\s+by\s+implication,?\s+estoppel\s+or\s+otherwise\.?/gi,
];

/**
 * Microsoft's other notices preamble (its NOTICES generator's, above the components it found; the
 * vscode-languageserver packages ship it with none below): a title, "Do Not Translate or
 * Localize", where the source of the open-source code is offered, and the LGPL's permission to
 * reverse engineer. None of it is a term of the package's own.
 */
const SOURCE_OFFER_PREAMBLE = [
  /^[ \t]*notices\s+and\s+information[ \t]*$/gim,
  /\bdo\s+not\s+translate\s+or\s+locali[sz]e\b/gi,
  /\bthis\s+software\s+incorporates\s+material\s+from\s+third\s+parties\.?/gi,
  /\bmicrosoft\s+makes\s+certain\s+open\s+source\s+code\s+available\s+at\s+\S+?,?\s+or\s+you\s+may\s+send\s+a\s+check\s+or\s+money\s+order\s+for\s+US\s+\$\s?\d+(?:\.\d\d)?,?\s+including\s+the\s+product\s+name,?\s+the\s+open\s+source\s+component\s+name,?\s+platform,?\s+and\s+version\s+number,?\s+to:?/gi,
  /\bsource\s+code\s+compliance\s+team\s+microsoft\s+corporation\s+one\s+microsoft\s+way\s+redmond,?\s+wa\s+98052(?:-\d{4})?\s+usa\b/gi,
  /\bnotwithstanding\s+any\s+other\s+terms,?\s+you\s+may\s+reverse\s+engineer\s+this\s+software\s+to\s+the\s+extent\s+required\s+to\s+debug\s+changes\s+to\s+any\s+libraries\s+licen[cs]ed\s+under\s+the\s+gnu\s+lesser\s+general\s+public\s+licen[cs]e\.?/gi,
];

/** "Microsoft reserves all other rights not expressly granted, whether by implication, estoppel or otherwise." */
const RESERVES_OTHER_RIGHTS = /\bmicrosoft\s+reserves\s+all\s+other\s+rights\s+not\s+expressly\s+granted,?\s+whether\s+by\s+implication,?\s+estoppel\s+or\s+otherwise\.?/gi;

/**
 * And its "Third Party Code" preamble, above the components it lists one by one (the
 * vscode-languageserver-protocol package's): the code is licensed under its original terms, set
 * out below, and Microsoft reserves the rights it does not grant.
 */
const THIRD_PARTY_CODE_PREAMBLE = [
  // The title, and the product it names on the next line ("For Microsoft vscode-languageclient");
  // a line that says more than a product's name ("For Microsoft customers only") is read.
  /^[ \t]*third[- ]party\s+software\s+notices\s+and\s+information[ \t]*(?:\r?\n[ \t]*for\s+microsoft\s+(?![^\n]*\b(?:only|not|non|no|except|excluding|internal|use|uses|customers?|employees?|partners?|licensees?|subscribers?)\b)[\w.-]+(?:[ \t]+[\w.-]+){0,3}[ \t]*)?$/gim,
  /\bthis\s+project\s+incorporates\s+material\s+from\s+the\s+project\(s\)\s+listed\s+below\s+\(collectively,?\s+["“]third\s+party\s+code["”]\)\.?/gi,
  /\bmicrosoft\s+is\s+not\s+the\s+original\s+author\s+of\s+the\s+third\s+party\s+code\.?/gi,
  /\bthe\s+original\s+copyright\s+notices?\s+and\s+licen[cs]es?\s+under\s+which\s+microsoft\s+received\s+such\s+third\s+party\s+code\s+(?:are|is)\s+set\s+(?:out|forth)\s+below\.?/gi,
  /\bthis\s+third\s+party\s+code\s+is\s+licen[cs]ed\s+to\s+you\s+under\s+their\s+original\s+licen[cs]e\s+terms\s+set\s+forth\s+below\.?/gi,
  RESERVES_OTHER_RIGHTS,
  // A component's line: "1.       DefinitelyTyped version 0.0.1 (https://github.com/borisyankov/DefinitelyTyped)".
  /^[ \t]*\d{1,3}\.[ \t]+(?![^\n]*\b(?:only|not|non|no|except|excluding|internal|use|commercial\w*|licen[cs]\w*|terms?)\b)[\w.@/-]+(?:[ \t]+[\w.@/-]+){0,4}[ \t]+version[ \t]+[\w.+-]{1,40}[ \t]+\(https?:\/\/[^\s)]{1,300}\)[ \t]*$/gim,
];

/**
 * The preamble's first sentence when a notices file is that preamble and nothing else (it lists no
 * component); else undefined. A word beyond it, a component's section or list, or a term, and the
 * file is read as any other.
 */
export function sourceOfferPreambleOnly(text: string): string | undefined {
  if (text.length > 4096 || !/\bincorporates\s+material\s+from\s+third\s+parties\b/i.test(text)) return undefined;
  let rest = text;
  for (const sentence of SOURCE_OFFER_PREAMBLE) rest = rest.replace(sentence, ' ');
  return /[\p{L}\p{N}]/u.test(rest) ? undefined : 'This software incorporates material from third parties.';
}

/**
 * Whether the text opens as Microsoft's NOTICE file does (TypeScript 7's NOTICE.txt): the notices
 * title, the word to translators and "This software incorporates material from third parties",
 * each on its own line at the top. A NOTICE file that does is a third-party notices file, read as
 * THIRD-PARTY-NOTICES is.
 */
export function opensAsMicrosoftNotices(text: string): boolean {
  return MICROSOFT_NOTICE_OPENING.test(text);
}

const MICROSOFT_NOTICE_OPENING = /^\uFEFF?\s*notices\s+and\s+information[ \t]*\r?\n\s*do\s+not\s+translate\s+or\s+locali[sz]e[ \t]*\r?\n\s*this\s+software\s+incorporates\s+material\s+from\s+third\s+parties\.?[ \t]*\r?\n/i;

/**
 * The text with those preambles blanked (each character a space, lines kept), where the text has
 * one; the components listed below are read as any notices file's (vscode-languageserver's).
 */
export function withoutSourceOfferPreamble(text: string): string {
  if (!/\bincorporates\s+material\s+from\b/i.test(text)) return text;
  let rest = text;
  for (const sentence of [...SOURCE_OFFER_PREAMBLE, ...THIRD_PARTY_CODE_PREAMBLE]) rest = rest.replace(sentence, (found) => found.replace(/[^\r\n]/g, ' '));
  return rest;
}

/** The titles above Microsoft's notices and the word to its translators: no term ("THIRD-PARTY SOFTWARE NOTICES AND INFORMATION", "Do Not Translate or Localize"). */
const MICROSOFT_TITLES = [THIRD_PARTY_CODE_PREAMBLE[0]!, SOURCE_OFFER_PREAMBLE[0]!, SOURCE_OFFER_PREAMBLE[1]!];

/** The text without Microsoft's standard sentences above its notices ({@link MICROSOFT_PREAMBLE}) and their titles. */
export function withoutMicrosoftPreamble(text: string): string {
  let rest = text;
  for (const sentence of [...MICROSOFT_TITLES, ...MICROSOFT_PREAMBLE]) rest = rest.replace(sentence, ' ');
  return rest;
}

/** True when the text is in Microsoft's notices format (a `%% … NOTICES AND INFORMATION BEGIN HERE` line, or `%% …` headings closed by `END OF … NOTICES AND INFORMATION` lines). */
export function isMicrosoftNotices(given: string): boolean {
  if (!given.includes('%%')) return false;
  // (Runs of spaces as one, {@link spaced}: a line of 200,000 spaces took half a minute.)
  const text = spaced(given);
  return /^[ \t]*%%[ \t]+.+?[ \t]+NOTICES,?\s+(?:AND\s+INFORMATION|INFORMATION,?\s+AND\s+LICEN[CS]E)\s+BEGIN\s+HERE\s*$/im.test(text) || (/^[ \t]*%%[ \t]+\S/m.test(text) && /^[ \t]*END[ \t]+OF[ \t]+.+?[ \t]+NOTICES,?[ \t]+(?:AND[ \t]+INFORMATION|INFORMATION,?[ \t]+AND[ \t]+LICEN[CS]E)[ \t]*$/im.test(text));
}

/**
 * A line with its runs of spaces as one, for the patterns here that read a lazy name or value
 * before spaces (BEGIN, OLD_BEGIN, END, DECLARED_ONLY): a run shared by the two took time
 * quadratic in its length, and DECLARED_ONLY's two optional parts after it more (20,000 spaces did
 * not return in a minute). Every space but a line break: the patterns' `\s` reads a no-break space
 * too, and 80,000 of them in a `%%` line took 4.7 s.
 */
function spaced(line: string): string {
  return line.replace(/[^\S\r\n\u2028\u2029]+/g, ' ');
}

/** The component a line opens: a `… BEGIN HERE` line, or an older `%% name` line with a rule below it. */
function sectionBegins(lines: readonly string[], at: number): RegExpExecArray | null {
  const line = spaced(lines[at]!);
  return BEGIN.exec(line) ?? (RULE.test(lines[at + 1] ?? '') ? OLD_BEGIN.exec(line) : null);
}

/**
 * What the generator writes for a component that shipped no licence text: "(no license text found;
 * declared licenses: MIT)". The declared licence is read as a package.json's is, without the
 * closing bracket ({@link declaredOnly}). Each run of spaces is read by one part of the pattern.
 */
const DECLARED_ONLY = /^\s*(?:\(\s*)?no licen[cs]e text found(?:\s*[;,.])?\s*declared licen[cs]es?:\s*(\S(?:.*\S)?)\s*$/i;

/** The declared licence of a section that is DECLARED_ONLY's line, its closing bracket taken off. */
function declaredOnly(line: string): string | undefined {
  const value = DECLARED_ONLY.exec(line)?.[1];
  if (value === undefined || !value.endsWith(')')) return value;
  return value.length > 1 ? value.slice(0, -1).trimEnd() : undefined;
}

/** What the older generator writes for a component whose licence it did not find: "No license text available." */
const NO_TEXT = /^\s*no\s+licen[cs]e\s+text\s+available\.?\s*$/i;

/** A section copyfair cannot vouch for: where it is, why, and what identifying it found. */
interface Unread {
  says: string;
  found?: Identification;
  /** The section's first line of text in the file, 0-based: what `found`'s lines count from. */
  first: number;
}

/**
 * Identifies each section with `identify` (`readLicence` reads a declared licence, null when it
 * cannot); undefined when the text is not in this format. Every section is read, and each a
 * person must read is named (unread.ts): reading the first, finding it fine and pinning the file
 * must not leave the others unread.
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
  const unread: Unread[] = [];
  const outside: { text: string; line: number }[] = [];
  for (let at = 0; at < lines.length; at++) {
    const begin = sectionBegins(lines, at);
    if (!begin) {
      if (!RULE.test(lines[at]!) && !COMPONENT_ITEM.test(lines[at]!) && !NUMBERED_COMPONENT_ITEM.test(lines[at]!) && lines[at]!.trim() !== '') outside.push({ text: lines[at]!, line: at });
      continue;
    }
    const name = begin[1]!;
    const where = `section "${name}" (line ${at + 1})`;
    let end = at + 1;
    while (end < lines.length && !END.test(spaced(lines[end]!)) && !sectionBegins(lines, end)) end++;
    if (end >= lines.length || !END.test(spaced(lines[end]!))) return unknown(`${where} has no END OF line`, matches);
    // The text between the rules that open and close it.
    let first = at + 1;
    let last = end - 1;
    while (first <= last && (RULE.test(lines[first]!) || lines[first]!.trim() === '')) first++;
    while (last >= first && (RULE.test(lines[last]!) || lines[last]!.trim() === '')) last--;
    at = end;
    const body = lines.slice(first, last + 1);
    if (first === last && NO_TEXT.test(body[0]!)) {
      unread.push({ says: `${where} says no licence text was available for it`, first });
      continue;
    }
    const declaredValue = first === last ? declaredOnly(spaced(body[0]!)) : undefined;
    if (declaredValue !== undefined) {
      const declared = readLicence(declaredValue);
      if (declared === null) {
        unread.push({ says: `${where} declares a licence copyfair cannot read ("${declaredValue}")`, first });
        continue;
      }
      parts.push(declared);
      matches.push({ id: declared, confidence: 1, start: first + 1, end: first + 1, via: 'reference', rule: 'declared licence' });
      continue;
    }
    // A component's own notices quoted whole (TypeScript's, in monaco-editor's): its licence above,
    // the code it bundles below Microsoft's statement that their licences are for information only.
    const informational = informationalFrom(body);
    const own = informational === undefined ? body.join('\n') : withoutThirdPartyMaterialPreamble(body.slice(0, informational).join('\n'));
    const found = normalise(own).words.length === 0 ? undefined : identify(own);
    if (!found || found.expression === null) {
      unread.push({ says: found ? `${where} holds a licence text or notice copyfair cannot vouch for` : `${where} names no licence`, found, first });
      continue;
    }
    parts.push(found.expression);
    for (const match of found.matches) matches.push({ ...match, start: match.start + first, end: match.end + first });
  }
  if (unread.length > 0) return unreadSections(unread, matches, unknown);
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

/**
 * The identification of a file with sections a person must read: each named (sayEach), the
 * stretches their texts left unexplained given in the file's lines, and the candidates of the first.
 */
function unreadSections(unread: readonly Unread[], matches: LicenceMatch[], unknown: (reason: string, matches: LicenceMatch[], from?: Identification) => Identification): Identification {
  const unexplained = unexplainedOf(unread.map(({ found, first }) => ({ unexplained: found?.unexplained, at: (line: number) => line + first })));
  const { unexplained: _first, ...rest } = unknown(sayEach(unread.map((section) => section.says), 'section'), matches, unread.find((section) => section.found)?.found);
  return unexplained.length > 0 ? { ...rest, unexplained } : rest;
}

/**
 * Where, in a section's lines, Microsoft's statement that the licences below are listed for
 * information only begins (third-party.ts: "Such licenses and notices are provided for
 * informational purposes only. Microsoft, not the third party, licenses the Third Party Code to you
 * under the terms set forth in the EULA for the Microsoft Product"): the first line of its
 * paragraph, a heading above it included. Only below a text of the section's own: a section that
 * is the statement and the list alone names no licence of the component's. Undefined when the
 * section makes no such statement.
 */
function informationalFrom(body: readonly string[]): number | undefined {
  let start = 0;
  for (let at = 0; at <= body.length; at++) {
    if (at < body.length && body[at]!.trim() !== '') continue;
    // A paragraph: lines start to at − 1.
    const paragraph = body.slice(start, at).join('\n');
    if (start > 0 && informationalIn(paragraph)) return start;
    start = at + 1;
  }
  return undefined;
}

/**
 * Microsoft's statement that the licences a text lists are for information only (third-party.ts),
 * as its normalised words, when the raw `text` makes it; else undefined. The words are normalised
 * only where the raw text has the statement's key words (a notices file can be thousands of lines).
 */
export function informationalIn(text: string): string | undefined {
  return mayStateInformational(text) ? informationalStatement(normalise(text).words.join(' ')) : undefined;
}

/**
 * Microsoft's sentences that open the list of what a component bundles ("The TypeScript software
 * incorporates third party material from the projects listed below. The original copyright notice
 * and the license under which Microsoft received such third party material are set forth below.
 * Microsoft reserves all other rights …"), blanked above an informational statement: they
 * introduce the list, and grant or withhold nothing of the component's own.
 */
const THIRD_PARTY_MATERIAL_PREAMBLE = [
  /\bthe\s+[\w.-]+(?:\s+[\w.-]+){0,3}\s+software\s+incorporates\s+third[\s-]+party\s+material\s+from\s+the\s+projects\s+listed\s+below\.?/gi,
  /\bthe\s+original\s+copyright\s+notices?\s+and\s+the\s+licen[cs]es?\s+under\s+which\s+microsoft\s+received\s+such\s+third[\s-]+party\s+material\s+(?:are|is)\s+set\s+forth\s+below\.?/gi,
  RESERVES_OTHER_RIGHTS,
];

function withoutThirdPartyMaterialPreamble(text: string): string {
  let rest = text;
  for (const sentence of THIRD_PARTY_MATERIAL_PREAMBLE) rest = rest.replace(sentence, (found) => found.replace(/[^\r\n]/g, ' '));
  return rest;
}
