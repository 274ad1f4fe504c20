// Notices beside a known licence text. "This program is free software; you can redistribute it
// and/or modify it under the terms of the GNU General Public License …" above a BSD text, or
// "Licensed under the Apache License 2.0" below an MIT text, is a second licence, not words around
// the first: the file is both (or either, when it offers the choice). Notices are looked for where
// they stand, in each stretch of the file outside every match and whole within it (the notice rules
// of notices.ts), and one only counts when it grants: it says the work is licensed, released or
// available under the licence, or declares it (`License: GPL`). A licence merely named ("see the
// GNU General Public License for more details", "derived from the OpenLDAP Public License", a
// title) grants nothing. Two readings no rule covers live here too: `SPDX-License-Identifier:`
// lines beside the texts (identifiersBeside), and a sentence granting a non-permissive family by a
// bare name (strayGrant), which keeps the file unknown.
import type { Corpus } from './corpus.js';
import { expressionIds, offersChoice } from './expression.js';
import type { Findings, Found } from './find.js';
import type { FileText } from './memo.js';
import { familiesOfId, familyNamedAt, familyOf } from './family-words.js';
import { referenceWords } from './reference-words.js';
import { isLicenceNameWord, readName } from './declared-names.js';
import { loadKnowledgeBase } from '../kb/index.js';
import type { Normalised } from './normalise.js';
import { identifierLines, statedLicences } from './notices.js';
import type { Identification, LicenceMatch } from './types.js';

/** A licence a notice beside the known texts grants. */
export interface NoticeBeside {
  match: LicenceMatch;
  /** First and last word position of the notice in the file. */
  from: number;
  to: number;
  /** The notice's own sentence offers the choice between it and the licences found. */
  choice: boolean;
  /** The notice offers the choice between exactly the licences whose texts the file holds: its expression is the file's. */
  among?: true;
  /** The notice's sentence offers it or the licence text beside it ("… under the terms of EITHER the GNU General Public License version 2 or the BSD license below"): the file's one text is the other branch. */
  orText?: true;
  /** The notice states that licences the file grants all apply, and adds none: its words are explained, its expression adds nothing. */
  restates?: true;
  /** The notice grants its licence for the project's logo ("Glob's logo created by …, licensed under …"), not for the code: see {@link aboutLogo}. */
  logo?: true;
  /** The notice says the package's dependencies keep their own licences (npm's "Node package dependencies … Licensed on their respective license terms"): the file's word position where that statement begins. See {@link aboutDependencies}. */
  dependencies?: number;
}

// Words without which a stretch holds no notice (checked before the rules are loaded).
const LICENCE_WORDS = new Set(['license', 'licensed', 'licenses', 'gpl', 'lgpl', 'agpl', 'gnu', 'mpl', 'copyleft']);
// What notice rules name that is no licence: a disclaimer takes nothing from the user.
const NOT_LICENCES = new Set(['LicenseRef-scancode-warranty-disclaimer']);
/** A stretch shorter than this is a title or a name, not a notice. */
const MIN_NOTICE_WORDS = 6;
/** How far from a notice the words offering a choice may be and still be its sentence's. */
const CHOICE_REACH = 8;

/** A licence named, without being granted, in a stretch outside the matches: its position and family. */
export interface MentionBeside {
  from: number;
  to: number;
  family: string;
}

/**
 * The licences granted by notices in the stretches of `normalised` outside every match (`covered`),
 * other than those of the licences matched (`matchedIds`), in file order; and the other licences
 * those stretches only name.
 */
export function noticesBeside(
  normalised: Normalised,
  covered: Uint8Array,
  matchedIds: readonly string[],
): { notices: NoticeBeside[]; mentions: MentionBeside[] } {
  const matchedFamilies = new Set(matchedIds.flatMap(expressionIds).map(familyOf));
  // The file's own words offering a choice between the licences in it ("dual licensed", "at your
  // option", "alternatively"), as between known texts (expression.ts).
  const fileOffersChoice = offersChoice(normalised.words.filter((_, position) => !covered[position]).join(' '));
  const found: NoticeBeside[] = [];
  const mentions: MentionBeside[] = [];
  // Notices that grant nothing here but state that several licences all apply (Font Awesome's
  // "Font Awesome Free is free, open source, and GPL friendly. You can use it for commercial
  // projects …", a notice of MIT AND OFL-1.1 AND CC-BY-4.0 above its three texts): decided once the
  // file's own licences are known.
  const together: NoticeBeside[] = [];
  for (const [from, to] of uncoveredRuns(covered)) {
    const words = normalised.words.slice(from, to + 1);
    if (words.length < MIN_NOTICE_WORDS || !words.some((word) => LICENCE_WORDS.has(word))) continue;
    const run = { words, lines: normalised.lines.slice(from, to + 1) };
    for (const stated of statedLicences(run)) {
      if (NOT_LICENCES.has(stated.expression)) continue;
      const families = expressionIds(stated.expression).map(familyOf);
      const start = run.lines[stated.from] ?? 1;
      const match: LicenceMatch = { id: stated.expression, confidence: 1, start, end: run.lines[stated.to] ?? start, via: stated.via, rule: stated.source };
      if (stated.via === 'notice' && allApply(stated.expression)) together.push({ match, from: from + stated.from, to: from + stated.to, choice: false, restates: true });
      if (families.every((family) => matchedFamilies.has(family))) {
        // A notice offering the choice between exactly the licences whose texts the file holds
        // ("You may use the Forge project under the terms of either the BSD License or the GNU
        // General Public License (GPL) Version 2", above both texts) says how they apply: either.
        if (choosesAmong(stated.expression, matchedIds) && grants(words, stated.from, stated.to)) {
          found.push({ match, from: from + stated.from, to: from + stated.to, choice: true, among: true });
        }
        continue;
      }
      if (!grants(words, stated.from, stated.to)) {
        for (const family of families) if (!matchedFamilies.has(family)) mentions.push({ from: from + stated.from, to: from + stated.to, family });
        continue;
      }
      // A notice that names the licences found as well states the whole file's terms: it applies
      // beside them (AND), whatever choice it offers inside itself.
      const whole = families.some((family) => matchedFamilies.has(family));
      const near = words.slice(Math.max(0, stated.from - CHOICE_REACH), stated.to + CHOICE_REACH + 1).join(' ');
      // A granting notice is read as one, even when it also names only licences the file grants.
      if (together.at(-1)?.match === match) together.pop();
      const logo = aboutLogo(words, stated.from);
      const dependencies = aboutDependencies(words, stated);
      // A notice for the code, naming no licence the file grants, may be a branch of a choice.
      const branch = !whole && !logo && dependencies === undefined;
      const orText = branch && branchOfText(words, stated.from, stated.to);
      found.push({ match, from: from + stated.from, to: from + stated.to, choice: branch && (orText || offersChoice(near) || fileOffersChoice), ...(orText ? { orText } : {}), ...(logo ? { logo } : {}), ...(dependencies === undefined ? {} : { dependencies: from + dependencies }) });
    }
  }
  // Such a notice restates what the file grants when each licence it names is one the file's texts
  // or its granting notices grant, with the same id: its words are explained, and it adds nothing.
  // One naming any other licence, or another version, is left to be judged as words beside.
  if (together.length > 0) {
    const granted = new Set([...matchedIds, ...found.filter((notice) => !notice.choice).map((notice) => notice.match.id)].flatMap(expressionIds));
    for (const notice of together) {
      if (!expressionIds(notice.match.id).every((id) => granted.has(id))) continue;
      found.push(notice);
      for (let at = mentions.length - 1; at >= 0; at--) if (mentions[at]!.from >= notice.from && mentions[at]!.to <= notice.to) mentions.splice(at, 1);
    }
    found.sort((a, b) => a.from - b.from);
  }
  return { notices: found, mentions };
}

/** "either" just before the notice (and what may stand between them: "the"). */
const EITHER_BEFORE = /(?:^| )either(?: the)?$/;
/** "or the BSD license below" just after it: the other branch is the text the file holds. */
const OR_TEXT_AFTER = /^(?:or|or else) (?:the )?(?:[a-z0-9]+ ){0,3}?licen[cs]e (?:below|above|following|that follows|as follows|in this file)(?: |$)/;

/**
 * Whether the notice at `from`–`to` in the run `words` is one branch of a choice whose other is the
 * licence text beside it: "you can redistribute it and/or modify it under the terms of EITHER the
 * GNU General Public License version 2 or the BSD license below" (above a BSD text, read as
 * BSD-2-Clause AND GPL-2.0-only, share-alike, until the twenty-fourth session).
 */
function branchOfText(words: readonly string[], from: number, to: number): boolean {
  return EITHER_BEFORE.test(words.slice(Math.max(0, from - 2), from).join(' ')) && OR_TEXT_AFTER.test(words.slice(to + 1, to + 8).join(' '));
}

/** How far before a notice the dependencies it speaks of may be named. */
const DEPENDENCIES_REACH = 14;
/** Words that put other code inside the package: then "their respective licenses" are terms of what it holds, for a person to read. */
const HOLDING_WORDS = new Set(['included', 'includes', 'include', 'including', 'bundled', 'bundles', 'bundle', 'vendored', 'vendors', 'contains', 'contained', 'embedded', 'embeds', 'ships', 'shipped', 'packaged', 'inlined', 'compiled', 'copied', 'incorporated', 'incorporates', 'derived', 'portions', 'parts', 'part', 'code', 'files', 'file', 'this', 'here', 'herein', 'within', 'inside']);

/**
 * Whether the notice stated at `stated` in the run `words` only says that the package's
 * dependencies keep their own licences: ScanCode's unknown-license-reference notice ("Licensed on
 * their respective license terms"), with "dependencies of" among the few words before it and none
 * that put other code inside the package. npm's LICENSE: "Node package dependencies of the npm
 * application / Copyright (c) their respective copyright owners / Licensed on their respective
 * license terms" — npm's dependencies are packages of their own, each read by a scan as a
 * component with its own licence (Identification.dependencyNotice says so). "The following
 * third-party libraries are included in this distribution and are subject to their respective
 * licenses" is code the package holds: still unknown.
 */
function aboutDependencies(words: readonly string[], stated: { expression: string; from: number; to: number }): number | undefined {
  if (stated.expression !== UNKNOWN_REFERENCE || !words.slice(stated.from, stated.to + 1).includes('respective')) return undefined;
  const start = Math.max(0, stated.from - DEPENDENCIES_REACH);
  const before = words.slice(start, stated.from);
  const at = before.indexOf('dependencies');
  // (Its position, with the two words that may name them: "Node package dependencies".)
  return at !== -1 && before[at + 1] === 'of' && !before.some((word) => HOLDING_WORDS.has(word)) ? start + Math.max(0, at - 2) : undefined;
}

/** ScanCode's notice of a licence it cannot name ("Licensed on their respective license terms"). */
const UNKNOWN_REFERENCE = 'LicenseRef-scancode-unknown-license-reference';

/** How far before a notice the logo it is granted for may be named. */
const LOGO_REACH = 12;
/** Words that make a notice's subject the work, not only its logo ("the logo and the code are licensed under"). */
const WORK_WORDS = new Set(['code', 'software', 'library', 'program', 'programs', 'source', 'package', 'module', 'project', 'work', 'works', 'file', 'files', 'everything', 'rest', 'documentation', 'docs']);

/**
 * Whether the notice at `from` of the run `words` grants its licence for the project's logo: "logo"
 * (or "logos") is among the few words of the run before it, and none of them names the work ("This
 * library and its logo are licensed under …" grants the library too). glob 7's LICENSE ends "Glob's
 * logo created by Tanya Brassie <http://tanyabrassie.com/>, licensed under a Creative Commons
 * Attribution-ShareAlike 4.0 International License": the logo's licence, an image the package may
 * not even ship (the scan looks: src/scan/index.ts).
 */
function aboutLogo(words: readonly string[], from: number): true | undefined {
  const before = words.slice(Math.max(0, from - LOGO_REACH), from);
  return before.some((word) => word === 'logo' || word === 'logos') && !before.some((word) => WORK_WORDS.has(word)) ? true : undefined;
}

/** True when `expression` only joins licences with AND: each of them applies, and none is a choice. */
function allApply(expression: string): boolean {
  return !/ OR | WITH |[()]/.test(expression) && expression.includes(' AND ');
}

/**
 * True when `expression` is a choice (an OR of single licences, no AND, WITH or brackets) between
 * exactly the licences `matchedIds` names, each once: the notice is about the texts in the file.
 */
function choosesAmong(expression: string, matchedIds: readonly string[]): boolean {
  if (/[()]| AND | WITH /.test(expression) || !expression.includes(' OR ')) return false;
  const offered = new Set(expression.split(' OR '));
  const matched = new Set(matchedIds);
  return offered.size === matched.size && [...offered].every((id) => matched.has(id));
}

// Words by which a statement grants a licence rather than names one: "licensed under", "available
// under and governed by", "released under the terms of", "you can redistribute it", `License: X`.
const GRANTING = new Set(['licensed', 'licenced', 'under', 'governed', 'released', 'distributed', 'redistribute', 'terms', 'dual']);
/** A "License:" label's word. */
const LABELS = new Set(['license', 'licence', 'licenses', 'licences']);
/** Words before a notice that may say how it applies ("This library is licensed under the …"). */
const LEAD_REACH = 4;

/**
 * Whether the notice at `from..to` of `words` grants: it (or the few words before it) says the work
 * is licensed, released or available under the licence, or it declares one (`License: GPL`,
 * `MODULE_LICENSE("GPL")`). "See the GNU General Public License for more details", "derived from the
 * OpenLDAP Public License" or a title name the licence and grant nothing.
 */
function grants(words: readonly string[], from: number, to: number): boolean {
  if (words[from] === 'license' || (words[from] === 'module' && words[from + 1] === 'license')) return true;
  // The label just before a reference the rule matched without it ("License: CC BY-SA 4.0
  // https://creativecommons.org/licenses/by-sa/4.0/", read by ScanCode's reference rule from "cc"):
  // a declaration all the same. It was a mention, and an MIT text with it below read as MIT, free.
  if (from > 0 && LABELS.has(words[from - 1]!)) return true;
  for (let at = Math.max(0, from - LEAD_REACH); at <= to; at++) if (GRANTING.has(words[at]!)) return true;
  return false;
}


/** First and last position of each run of uncovered words. */
function uncoveredRuns(covered: Uint8Array): [number, number][] {
  const runs: [number, number][] = [];
  let start = -1;
  for (let position = 0; position <= covered.length; position++) {
    const open = position < covered.length && !covered[position];
    if (open && start < 0) start = position;
    if (!open && start >= 0) {
      runs.push([start, position - 1]);
      start = -1;
    }
  }
  return runs;
}

/**
 * `SPDX-License-Identifier:` lines that name a licence the matches do not
 * (an identifier naming the matched licence only repeats it), as notices beside the texts (AND);
 * and the identifier lines that do not parse. The raw text is read only when the words hold one.
 */
export function identifiersBeside(
  file: FileText,
  normalised: Normalised,
  covered: Uint8Array,
  found: readonly Found[],
  corpus: Corpus,
  matchedIds: readonly string[],
): { notices: NoticeBeside[]; invalid: NonNullable<Identification['invalid']> } {
  if (!hasIdentifierWords(normalised.words)) return { notices: [], invalid: [] };
  const matched = new Set(matchedIds.flatMap(expressionIds));
  const { hits, invalid } = identifierLines(file.whole(), normalised);
  const notices: NoticeBeside[] = [];
  for (const hit of hits) {
    if (hit.expression === null) continue;
    if (expressionIds(hit.expression).every((id) => matched.has(id))) continue;
    // Inside a match too, as a template's copyright line takes any words, an identifier line's as
    // well; unless the matched licence's own text has identifier lines (CAL-1.0 shows how to apply
    // its variant, Community-Spec-1.0 states its own document's CC-BY-4.0): then they are its text.
    if (covered[hit.from]) {
      const inside = found.find((match) => match.from <= hit.from && hit.from <= match.to);
      const own = inside && referenceWords(corpus, inside.entry)?.words;
      if (!own || hasIdentifierWords(own)) continue;
    }
    const start = normalised.lines[hit.from] ?? 1;
    const end = normalised.lines[hit.to] ?? start;
    notices.push({ match: { id: hit.expression, confidence: 1, start, end, via: 'identifier', rule: hit.source }, from: hit.from, to: hit.to, choice: false });
  }
  return { notices, invalid };
}

/** Whether the words hold "spdx license identifier". */
function hasIdentifierWords(words: readonly string[]): boolean {
  for (let at = 0; at + 2 < words.length; at++) if (words[at] === 'spdx' && words[at + 1] === 'license' && words[at + 2] === 'identifier') return true;
  return false;
}


/**
 * Words that make a sentence grant a licence family it names ("licensed under", "covered by"), for
 * the names no notice rule reads: wider than GRANTING below, which judges whole notices the rules
 * found, as a bare family name has no rule's words to lean on.
 */
const GRANT_WORDS = new Set(['licensed', 'licenced', 'released', 'distributed', 'available', 'governed', 'relicensed', 'dual', 'covered', 'under', 'subject', 'applies', 'apply']);
/** How far before a family's name a grant word may stand and still be its sentence's. */
const GRANT_REACH = 8;

/**
 * Whether one of the words just before `at` (before its "with" or "with the") is one of `names`:
 * the stated licences' ids' first parts in lower case ("mit", "apache", "bsd", "isc").
 */
function namesStatedNear(words: readonly string[], at: number, names: ReadonlySet<string>): boolean {
  for (let back = Math.max(0, at - 6); back < at; back++) if (names.has(words[back]!)) return true;
  return false;
}

/**
 * A sentence of the file granting a non-permissive family that no match or notice is of: "licensed
 * under the GPL-3.0" (a version no notice rule accepts), "covered by the GNU GPL", "License: GPL-2.0",
 * "dual licensed under the ISC and the CC BY-NC 4.0 licenses". Words inside a match count too unless
 * the matched licence's own text has them (a template's copyright line takes any words; the LGPL's
 * text names the GPL). "Released under the MIT license" beside an MIT text names no such family.
 */
export function strayGrant(normalised: Normalised, findings: Findings, corpus: Corpus, ids: readonly string[], notices: readonly { from: number; to: number }[] = []): { start: number; end: number; words: string } | undefined {
  const { words, lines } = normalised;
  const statedIds = ids.flatMap(expressionIds);
  const families = new Set(statedIds.flatMap(familiesOfId));
  let names: ReadonlySet<string> | undefined;
  const own = new Map<number, ReadonlySet<string> | null>();
  const ownWords = (entry: number) => {
    if (!own.has(entry)) {
      // Only family words are asked about: the build stored which of them the reference words
      // hold (corpus.ts), so the reference text is read here only when running from source.
      const stored = corpus.entries[entry]!.familyWords;
      const reference = stored === undefined ? referenceWords(corpus, entry) : undefined;
      own.set(entry, stored !== undefined ? stored && new Set(stored) : reference ? new Set(reference.words) : null);
    }
    return own.get(entry)!;
  };
  for (let at = 0; at < words.length; at++) {
    const family = familyNamedAt(words, at);
    if (family === undefined || families.has(family)) continue;
    if (findings.covered[at]) {
      const inside = findings.found.find((match) => match.from <= at && at <= match.to);
      const reference = inside && ownWords(inside.entry);
      // The licence's own word, or a text whose words cannot be told: not a grant of the file's.
      if (!reference || reference.has(words[at]!)) continue;
    }
    // `License: GPL-2.0`; "the Commons Clause applies to this software".
    // "MIT with Commons Clause", "MIT with the Commons Clause": a rider joined to a licence's name.
    const joined = (words[at - 1] === 'with' || (words[at - 1] === 'the' && words[at - 2] === 'with')) && namesStatedNear(words, at, (names ??= new Set(statedIds.map((id) => id.split(/[-.]/)[0]!.toLowerCase()))));
    const lead = joined || words[at - 1] === 'license' || words[at - 1] === 'licence' || words.slice(at + 1, at + 5).some((word) => word === 'applies' || word === 'apply');
    let grant = lead;
    for (let back = Math.max(0, at - GRANT_REACH); back < at && !grant; back++) grant = GRANT_WORDS.has(words[back]!);
    if (!grant) continue;
    const from = Math.max(0, at - GRANT_REACH);
    const to = Math.min(words.length - 1, at + 3);
    return { start: lines[from] ?? 1, end: lines[to] ?? 1, words: words.slice(from, to + 1).join(' ') };
  }
  // Words a notice beside the text was read from are that notice's ("licensed either under GPL v3
  // or a commercial license", iframe-resizer).
  let explained = findings.covered;
  if (notices.length > 0) {
    explained = Uint8Array.from(findings.covered);
    for (const notice of notices) explained.fill(1, notice.from, notice.to + 1);
  }
  return strayName(normalised, explained);
}

/** Words before "under" that make a sentence grant the licence named after it. */
const NAME_GRANTS = new Set(['licensed', 'licenced', 'relicensed', 'released', 'distributed', 'available', 'provided', 'governed', 'covered', 'published', 'offered']);
/** Words that lead into a licence's name ("under the terms of the …", "governed by the …"). */
const NAME_LEAD = new Set(['the', 'terms', 'of', 'a', 'an', 'under', 'by', 'to', 'for', 'with', 'in', 'is', 'are', 'and']);
/** Words no licence's name goes back past: another "license", a web address's parts ("… licenses mit license" in an opensource.org address). */
const NAME_ENDS = new Set(['license', 'licenses', 'http', 'https', 'www', 'org', 'com', 'html']);
/**
 * Words of a licence's name that name no licence of their own: "the same license", "its own
 * license", "a separate license", "an MIT-style license", "the above license".
 */
const NO_NAME = new Set([
  'this', 'that', 'these', 'those', 'same', 'above', 'below', 'following', 'foregoing', 'said', 'original', 'applicable',
  'respective', 'its', 'their', 'his', 'her', 'our', 'your', 'my', 'own', 'such', 'open', 'source', 'permissive', 'free',
  'software', 'style', 'like', 'new', 'simplified', 'modified', 'revised', 'or', 'and', 'any', 'later', 'version', 'project',
  'projects', 'separate', 'different', 'other', 'corresponding', 'appropriate', 'relevant', 'included', 'accompanying',
  'attached', 'enclosed', 'full', 'complete', 'standard', 'usual', 'current', 'latest', 'v', 'dual', 'commercial',
  'proprietary', 'enterprise', 'paid', 'possible', 'another', 'compatible', 'similar', 'equivalent', 'suitable', 'newer',
  'future', 'previous', 'valid', 'approved', 'recognized', 'osi', 'fsf',
]);

/**
 * A sentence beside a known text that grants the work under a licence copyfair cannot name: "This
 * software is licensed under the terms of the Acme Production License" below an MIT text read as
 * MIT, free, for the Acme licence's terms were nobody's to read. A name is one copyfair can name
 * when the name reader or the knowledge base reads it ("the MIT License", "the Boost Software
 * License", "the Peer Production License"), or when each of its words is a word of some SPDX
 * licence's name ("the BSD License", "the 3-clause BSD license") or names no licence ("the same
 * license", "its own license"). Words inside a match are the matched text's own.
 */
function strayName(normalised: Normalised, covered: Uint8Array): { start: number; end: number; words: string } | undefined {
  const { words, lines } = normalised;
  for (let at = 1; at < words.length; at++) {
    if (words[at] !== 'license' || covered[at]) continue;
    // The name: the words before "license" back to the first that leads into a name (at most six).
    let first = at;
    while (first > 0 && at - first < 6 && !NAME_LEAD.has(words[first - 1]!) && !NAME_ENDS.has(words[first - 1]!)) first--;
    // "under" just before it ("under the terms of the …"), and a grant just before that.
    // Only words that lead into a name between them: "under the New BSD license. See LICENSE" names
    // no licence "see".
    let under = -1;
    for (let back = first - 1; back >= Math.max(0, first - 5) && NAME_LEAD.has(words[back]!) && under === -1; back--) if (words[back] === 'under') under = back;
    if (under < 1 || (!NAME_GRANTS.has(words[under - 1]!) && !NAME_GRANTS.has(words[under - 2] ?? ''))) continue;
    const name = words.slice(first, at);
    if (name.length === 0 || name.some((_, index) => covered[first + index])) continue;
    if (name.every((word) => NO_NAME.has(word) || /^\d+$/.test(word) || isLicenceNameWord(word))) continue;
    const written = name.join(' ');
    const kb = loadKnowledgeBase();
    if (readName(`${written} license`) !== null || kb.resolve(`${written} license`) || kb.resolve(written)) continue;
    const from = Math.max(0, under - 2);
    return { start: lines[from] ?? 1, end: lines[at] ?? 1, words: words.slice(from, at + 1).join(' ') };
  }
  return undefined;
}
