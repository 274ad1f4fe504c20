// Notices instead of texts: a file (or a README's "License" section) that names its licence rather
// than holding it. `SPDX-License-Identifier:` lines are parsed as expressions; other words are
// matched against the notice rules (notice-rules.ts), each rule only whole and word for word, so a
// rule's required phrases and minimum coverage always hold. A notice never hides a restriction:
// words outside the rules that read like terms, or more than a few words of unexplained text,
// leave the file unknown; rules that disagree decide nothing.
import { parseExpression } from '../evaluate/parse.js';
import { expressionIds, offersChoice, withoutLaterMark } from './expression.js';
import { familiesOfId, familyNamedAt, familyOf, isPermissiveId } from './family-words.js';
import { EXCLUDING_WORDS } from './excluding-words.js';
import { TERM_WORDS } from './insertions.js';
import { inOtherLanguage, inOtherScript } from './other-languages.js';
import { normalise, type Normalised } from './normalise.js';
import { COMMERCIAL_LICENCE, judgeSurrounding, offersCommercialChoice, setsTerms } from './surroundings.js';
import { loadNoticeIndex, noticePairs, type NoticeIndex, type NoticeKind } from './notice-rules.js';
import type { Identification, LicenceMatch } from './types.js';
import { append, pushTo } from '../util/arrays.js';
import { voluntaryRequest, withoutCourtesies, type Request } from './requests.js';

export { familyOf } from './family-words.js';

/** Where the text comes from; a README's section is weaker evidence than a licence file. */
export interface NoticeOptions {
  /** The text is a README's "License" section: matches are reported with {@link README_CONFIDENCE}. */
  readme?: boolean;
  /** The rules to match against (tests); default: the compiled rules. */
  index?: NoticeIndex;
}

/**
 * The confidence of a licence read from a README section rather than a licence file: at the
 * threshold, so it counts, but below every match in a licence file.
 */
export const README_CONFIDENCE = 0.9;
/**
 * Words outside every rule that are not in {@link PLAIN_WORDS}: more than this, and the notice is
 * a mention inside a text copyfair does not know ("… MIT …" in a page of terms).
 */
export const MAX_UNEXPLAINED_WORDS = 12;
/** The same where only short references or tags name the licence: room for a name ("MIT © Jane Doe"), no more. */
export const MAX_WORDS_BESIDE_NAME = 4;

// Words that make leftover text read like a term of its own. Beyond the insertion rule's words:
// "only" ("for non-commercial use only"), and words of payment, permission and proprietary grants.
const RESTRICTIVE = new Set([
  ...TERM_WORDS,
  'only', 'no', 'without', 'permission', 'prohibit', 'prohibits', 'restrict', 'restricts', 'pay', 'paid',
  'purchase', 'price', 'proprietary', 'confidential', 'evaluation', 'trial', 'personal', 'internal',
  'noncommercial', 'nonprofit', 'exclusively', 'solely', 'subscription', 'cannot', 'dont', 'doesnt',
  'forbid', 'forbids', 'eula', 'agreement', 'contract', 'written', 'consent',
  // A custom licence by its SPDX reference ("MIT and LicenseRef-Acme"): terms no rule reads.
  'licenseref',
  'authorized', 'unauthorized', 'employees', 'revenue', 'company', 'companies', 'enterprise',
  // Those it is given to, beside a notice ("Released under the MIT license to Acme customers", read
  // as MIT, free, in the seventeenth session). Not "individual", as in "and individual contributors".
  'customer', 'customers', 'subscriber', 'subscribers', 'student', 'students',
  // Who is left out (excluding-words.ts).
  ...EXCLUDING_WORDS,
]);
// An exception attaches to a copyleft licence (or Apache's LLVM exception). Beside only permissive
// licences ("BSD-licensed under the terms of the MySQL FOSS License Exception") it says copyleft code
// is involved on terms the rules did not read.
const EXCEPTION_HOSTS = /^(?:A?GPL|LGPL|GFDL|Apache|MPL|EPL|CDDL|CAL|CC-BY-SA|OSL|EUPL|CPL|SSPL)-/;
const RESTRICTIVE_WITHOUT_HOST: ReadonlySet<string> = new Set([...RESTRICTIVE, 'exception', 'exceptions']);

// Words that leftover text may hold without saying anything of its own: pointers to the licence
// file, link and badge debris, and the connecting words around a notice.
export const PLAIN_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'of', 'and', 'or', 'in', 'on', 'at', 'to', 'for', 'by', 'as', 'is', 'are', 'be',
  'this', 'that', 'these', 'it', 'its', 'see', 'file', 'files', 'license', 'licenses', 'licensed',
  'licensing', 'details', 'full', 'text', 'project', 'repository', 'repo', 'root', 'directory',
  'information', 'info', 'copy', 'copies', 'here', 'under', 'terms', 'http', 'www', 'com', 'org',
  'net', 'io', 'github', 'md', 'txt', 'readme', 'copying', 'notice', 'available', 'included', 'find',
  'found', 'distributed', 'with', 'source', 'code', 'software', 'package', 'module', 'library', 'you',
  'your', 'can', 'read', 'more', 'about', 'badge', 'svg', 'img', 'shields', 'blob', 'master', 'main',
  'html', 'released', 'published', 'spdx', 'identifier', 'version', 'contributors', 'authors', 'author',
  'copyright', 'c', 'all', 'rights', 'reserved', 'from', 'top', 'level', 'same', 'folder', 'opensource',
  'osi', 'approved', 'each', 'other', 'which', 'we', 'our', 'us', 'my', 'i', 'me',
]);

/** More licence families than this named in one text make it a list of licences, not a notice. */
export const MAX_LICENCES_NAMED = 3;
/** References and tags this short name a licence only where a licence is being named (see {@link standsAlone}). */
const SHORT_REFERENCE_WORDS = 3;
// Words after which a short name is a licence being named: "License: MIT", "licensed under ISC".
const LEAD_WORDS = new Set(['license', 'licenses', 'licensed', 'licensing', 'under', 'released', 'identifier', 'spdx', 'terms']);
/** Names this short ("MIT/Apache-2.0" is four words) are written in one paragraph, and a tag on one line. */
const SHORT_NAME_WORDS = 4;
/** How far before a short reference a lead word may be ("licensed under the terms of the ISC license"). */
const LEAD_REACH = 3;

/**
 * A short reference ("MIT", "Apache 1.0", "MPL 1.1") counts only where it names the licence: on
 * one line, at the start of that line or within a few words after "license", "under" and the like. In running text
 * or code ("the ISC DHCP distribution", `register(mpl, …)`) the same words name something else.
 */
function standsAlone(hit: Hit, normalised: Normalised): boolean {
  if (hit.via !== 'reference' && hit.via !== 'tag') return true;
  if (!isWritten(hit, normalised)) return false;
  const { lines, words } = normalised;
  if (hit.to - hit.from + 1 > SHORT_REFERENCE_WORDS) return true;
  if (lines[hit.from] !== lines[hit.to]) return false;
  if (hit.from === 0 || lines[hit.from - 1] !== lines[hit.from]) return true;
  for (let at = hit.from - 1; at >= Math.max(0, hit.from - LEAD_REACH); at--) if (LEAD_WORDS.has(words[at]!)) return true;
  return labelled(hit, normalised);
}

// The parts of a project a line may label with its licence: "Code: MIT" above "Docs: CC-BY-4.0",
// "Source code - MIT", "Artwork: CC-BY-SA-4.0". (Not "logo": a logo's licence is the logo's, beside.ts.)
const PART_LABELS = new Set([
  'code', 'source', 'sources', 'software', 'library', 'program', 'docs', 'doc', 'documentation', 'artwork', 'art',
  'assets', 'images', 'icons', 'fonts', 'font', 'content', 'data', 'examples', 'samples', 'website', 'site',
  'media', 'text', 'texts', 'translations', 'tests', 'scripts', 'everything', 'else', 'rest', 'other', 'files', 'the',
]);
/** At most this many words label a part ("the source code", "everything else"). */
const PART_LABEL_WORDS = 3;

/**
 * Whether a short name is the whole of a line after a part's label ("Code: MIT", "Source code -
 * MIT"): the line says that part's licence, as "License: MIT" says the whole work's. The name ends
 * its line, and the label's words begin it: "the code MIT wrote" in running text is no label.
 */
function labelled(hit: Hit, normalised: Normalised): boolean {
  const { lines, words } = normalised;
  const line = lines[hit.from];
  if (lines[hit.to + 1] === line) return false;
  let start = hit.from;
  while (start > 0 && lines[start - 1] === line) start--;
  const label = words.slice(start, hit.from);
  return label.length > 0 && label.length <= PART_LABEL_WORDS && label.some((word) => word !== 'the') && label.every((word) => PART_LABELS.has(word));
}

/**
 * Whether a name's words are written as a name can be. A short name ("Apache-2.0/MIT", "Apache
 * License 2.0") is written in one paragraph: words that only meet across a blank line are two
 * sentences (multiformats: "… dual licensed under MIT and Apache-2.0." then "MIT: https://…" read
 * as the tag "Apache-2.0/MIT", which crossed the notice and left the file unknown); a long reference
 * is a notice of several paragraphs. A short tag ("MIT/Apache-2.0", "{{Apache-2.0/MIT}}") is one
 * token, never wrapped: its words across a line break are the end of one line and the start of the
 * next ("…/licenses/mit" above "Apache-2.0: …").
 */
function isWritten(hit: Hit, normalised: Normalised): boolean {
  if ((hit.via !== 'reference' && hit.via !== 'tag') || hit.to - hit.from + 1 > SHORT_NAME_WORDS) return true;
  const { lines } = normalised;
  if (hit.via === 'tag') return lines[hit.from] === lines[hit.to];
  for (let at = hit.from + 1; at <= hit.to; at++) if (lines[at]! > lines[at - 1]! + 1) return false;
  return true;
}

// Rust's contribution clause, below nearly every crate's licence notice: it says how contributions
// are licensed (inbound), not the work's licence, and names no licence of its own ("as defined in
// the Apache-2.0 license" is where a word is defined).
// Beside it, statements of who keeps the copyright in contributions (anes: "Copyrights in the
// ANES project are retained by their contributors. No copyright assignment is required to
// contribute to the ANES project.").
const CONTRIBUTION =
  /\bunless you explicitly state otherwise any contribution intentionally submitted for inclusion in (?:\S+ ){1,8}?by you (?:as defined in the apache 2 0 license )?shall be (?:dual |triple |multi )?licensed (?:as above|under the (?:same )?terms (?:above|of (?:both|either|any) of the above))(?: without any additional terms or conditions)?|\bcopyrights in (?:the )?(?:\S+ ){1,4}?(?:project|crate|library) are retained by their contributors\b|\bno copyright assignment is required to contribute(?: to (?:the )?(?:\S+ ){1,4}?(?:project|crate|library))?\b/g;

const CONTRIBUTION_SOURCE = 'copyfair:contribution-clause';

/** Rust's contribution clause wherever the words hold it: words explained, no licence named. */
function contributionClauses(words: readonly string[]): Hit[] {
  const whole = words.join(' ');
  if (!whole.includes('contribution intentionally submitted') && !whole.includes('contributors') && !whole.includes('copyright assignment')) return [];
  const hits: Hit[] = [];
  for (const found of whole.matchAll(CONTRIBUTION)) {
    const from = whole.slice(0, found.index).split(' ').length - 1;
    hits.push({ from, to: from + found[0].split(' ').length - 1, expression: null, via: 'notice', source: CONTRIBUTION_SOURCE });
  }
  return hits;
}

/**
 * Whether the licences the notices state are offered as a choice: the file's words offer one
 * ("either of", "at your option", "dual licensed"), and between one stated licence and the next
 * stand "or" and no "and", and nothing but plain words and a link's debris ("Apache License,
 * Version 2.0 (LICENSE-APACHE or http://…)\n* MIT license (…) at your option"). Otherwise they all
 * apply (AND), the reading that grants no more.
 */
function offeredChoice(chosen: readonly Hit[], words: readonly string[]): boolean {
  const stated = chosen.filter((hit) => hit.expression !== null);
  // The contribution clause's "dual licensed as above" refers to the grant above; it offers nothing.
  const clauses = chosen.filter((hit) => hit.source === CONTRIBUTION_SOURCE);
  const offered = words.filter((_, at) => !clauses.some((hit) => at >= hit.from && at <= hit.to)).join(' ');
  if (new Set(stated.map((hit) => hit.expression)).size < 2) return false;
  // "the terms of either: a) …, or b) …": the pair is the offer; a notice of one of the two after
  // it (DOMPurify's Apache header below its offer) is that alternative's own.
  const either = !offersChoice(offered) && eitherOfTwo(stated, words);
  if (!either && !offersChoice(offered)) return false;
  const second = stated.findIndex((hit) => hit.expression !== stated[0]!.expression);
  // "dual-licensed under Apache 2.0 and MIT terms": the two of a dual licence, joined by "and".
  const dual = /\bdual(?:ly)? licen[cs]ed?\b/.test(words.slice(Math.max(0, stated[0]!.from - DUAL_REACH), stated[0]!.from + 2).join(' '));
  for (let index = 1; index < stated.length; index++) {
    // Two hits of one licence in a row ("Apache License, Version 2.0" and its link) are one branch.
    if (stated[index]!.expression === stated[index - 1]!.expression) continue;
    if (either && index > second) break;
    const between = words.slice(stated[index - 1]!.to + 1, stated[index]!.from);
    const joined = dual ? between.includes('and') || between.includes('or') : between.includes('or') && !between.includes('and');
    if (!joined || !between.every((word) => isPlain(word) || LINK_WORDS.has(word) || word === 'terms')) return false;
  }
  return true;
}

/** The one run of words no notice covers that offers a commercial licence beside the copyleft `ids`, as word positions; else undefined. */
function commercialOffer(normalised: Normalised, covered: Uint8Array, ids: readonly string[]): { from: number; to: number } | undefined {
  const runs: { from: number; to: number }[] = [];
  normalised.words.forEach((_, at) => {
    if (covered[at]) return;
    const last = runs[runs.length - 1];
    if (last && last.to === at - 1) last.to = at;
    else runs.push({ from: at, to: at });
  });
  const offers = runs.filter((run) => offersCommercialChoice(normalised.words.slice(run.from, run.to + 1), ids));
  return offers.length === 1 ? offers[0] : undefined;
}

/** Whether `expression` (an SPDX line's) is exactly the OR of the other licences the hits state, each one id. */
function restatesChoice(expression: string | null, chosen: readonly Hit[]): boolean {
  if (expression === null || !/^[^\s()]+(?: OR [^\s()]+)+$/.test(expression)) return false;
  const others = new Set(chosen.filter((hit) => hit.via !== 'identifier' && hit.expression !== null).map((hit) => hit.expression!));
  const operands = new Set(expression.split(' OR '));
  return others.size === operands.size && [...others].every((id) => operands.has(id));
}

/**
 * "… under the terms of either: a) the Apache License Version 2.0, or b) the Mozilla Public
 * License Version 2.0" (DOMPurify): "the terms of either" just before the first of exactly two
 * licences. Only two: the same words open Perl's "either: a) the GPL …, or b) the Artistic
 * License", which files list among other licences that all apply.
 */
function eitherOfTwo(stated: readonly Hit[], words: readonly string[]): boolean {
  if (new Set(stated.map((hit) => hit.expression)).size !== 2) return false;
  return opensOffer(words, stated[0]!.from);
}

/**
 * Whether the name at `from` is the first of an offer ("the terms of either: a) the Apache License
 * Version 2.0, or b) …"): a branch of the choice, never a mention of a notice of its family that
 * follows (DOMPurify's Apache header below its offer).
 */
function opensOffer(words: readonly string[], from: number): boolean {
  return /\bterms of either(?: a)?(?: the)?$/.test(words.slice(Math.max(0, from - 6), from).join(' '));
}

/** How far before the first licence "dual licensed under" may stand. */
const DUAL_REACH = 6;

// What a link to a licence leaves among the words: "(LICENSE-APACHE or https://www.apache.org/licenses/LICENSE-2.0)".
// A Markdown link to a licence file leaves its path: "[MIT](./LICENSE.MIT.txt)".
const LINK_WORDS: ReadonlySet<string> = new Set(['apache', 'mit', 'opensource', 'either', 'licenses', 'license', 'https', 'http', 'www', 'org', 'choosealicense', 'mozilla', 'gnu', 'html', 'php', 'link', 'url', 'txt', 'md']);

/** The stated expressions as alternatives, each once. */
function disjoin(expressions: string[]): string {
  return joinedBy([...new Set(expressions)], 'OR');
}

/** Expressions joined by one operator, each compound one in parentheses; one alone as it is. */
function joinedBy(expressions: readonly string[], operator: 'AND' | 'OR'): string {
  return expressions.length === 1 ? expressions[0]! : expressions.map((expression) => (/\s/.test(expression) ? `(${expression})` : expression)).join(` ${operator} `);
}

// Apache's header as projects adapt it: "you may not use this library (software, project, …)
// except in compliance with the License" where the rules say "this file".
const STOCK_OBJECT = /\byou may not use this (?:library|software|project|package|module|program|code|work|product|component|crate|repository) except in compliance with the licen[cs]e\b/g;

/**
 * The words with Apache's adapted header read as the rules word it, where no rule already reads
 * it as it stands (ScanCode has rules for some adaptations); word for word, so positions and lines
 * stay.
 */
function withStockWording(normalised: Normalised, index: NoticeIndex): Normalised {
  const joined = normalised.words.join(' ');
  if (!joined.includes('except in compliance')) return normalised;
  const replaced = joined.replace(STOCK_OBJECT, (found) => found.replace(/ this \S+ except /, ' this file except '));
  if (replaced === joined) return normalised;
  const words = replaced.split(' ');
  // The adapted words ("library") that a rule covers as they stand keep the text as it is.
  const changed = words.flatMap((word, at) => (word !== normalised.words[at] ? [at] : []));
  const hits = ruleHits(normalised.words, index);
  if (changed.every((at) => hits.some((hit) => hit.expression !== null && hit.from <= at && at <= hit.to))) return normalised;
  return { words, lines: normalised.lines };
}

/** CC0's notice as one author writes it; the rules word it for "the author(s)". */
const CC0_ONE_AUTHOR = ['to', 'the', 'extent', 'possible', 'under', 'law', 'the', 'author', 'has', 'dedicated', 'all', 'copyright'];

/**
 * The words with CC0's notice read as the rules word it ("… the author(s) have dedicated all
 * copyright and related and neighboring rights to this software to the public domain worldwide"),
 * where the text says "the author has dedicated" (Sebastiano Vigna's splitmix64 and xoshiro, in
 * NumPy's wheel); "has" becomes "s have", both on its line.
 */
function withCc0Author(normalised: Normalised): Normalised {
  const { words, lines } = normalised;
  const at: number[] = [];
  for (let position = words.indexOf('extent'); position !== -1; position = words.indexOf('extent', position + 1)) {
    const from = position - 2;
    if (from >= 0 && CC0_ONE_AUTHOR.every((word, offset) => words[from + offset] === word)) at.push(from + 8);
  }
  if (at.length === 0) return normalised;
  const outWords: string[] = [];
  const outLines: number[] = [];
  words.forEach((word, position) => {
    if (at.includes(position)) {
      outWords.push('s', 'have');
      outLines.push(lines[position]!, lines[position]!);
    } else {
      outWords.push(word);
      outLines.push(lines[position]!);
    }
  });
  return { words: outWords, lines: outLines };
}

/** One stretch of the text that a rule or identifier line accounts for. */
interface Hit {
  from: number;
  to: number;
  expression: string | null;
  via: NoticeKind | 'identifier';
  source: string;
  /** A rule's reading refused for the version stated after it ({@link versionAfter}): it yields to any rule over its words. */
  yields?: true;
}

/**
 * What the notices in `text` say, or undefined when it holds none (no rule and no identifier line
 * matched): the caller then keeps its own answer. A notice-only identification has
 * `expression` null when the words around the notices, or disagreeing rules, leave it in doubt.
 */
export function identifyNotices(text: string, options: NoticeOptions = {}, given: Normalised = normalise(text)): Identification | undefined {
  const index = options.index ?? loadNoticeIndex();
  const normalised = withStockWording(withCc0Author(given), index);
  const { hits, invalid } = identifierLines(text, normalised);
  const found = normalised.words.length > 0 ? [...ruleHits(normalised.words, index), ...contributionClauses(normalised.words)] : [];
  // Many licences named one after another are a list (a catalogue, a licence picker), not a notice
  // (the words of two sentences are no name of one).
  // (A disclaimer or "see the licence" names no licence: @react-native-firebase's LICENSE, Apache-2.0
  // for the code and CC-BY-3.0 for the documentation, was a list of four with them.)
  const listing = new Set(found.filter((hit) => hit.expression !== null && isWritten(hit, normalised) && !NAMES_NONE.test(hit.expression)).map((hit) => familyOf(hit.expression!))).size > MAX_LICENCES_NAMED;
  append(hits, found.filter((hit) => standsAlone(hit, normalised)));
  if (hits.length === 0 && invalid.length === 0) return undefined;
  const { chosen, conflict } = settled(hits, normalised.words);
  for (const hit of chosen) if (hit.expression !== null && /-only$/.test(hit.expression) && normalised.words[hit.to + 1] === 'only') hit.to++;
  const covered = new Uint8Array(normalised.words.length);
  for (const hit of chosen) covered.fill(1, hit.from, hit.to + 1);
  const stated = [...new Set(chosen.map((hit) => hit.expression).filter((expression): expression is string => expression !== null))];
  // A licence amended by its exception's notice keeps its own notice's words too ("You should have
  // received a copy of the GNU Library General Public License along with libiberty").
  const amended = stated.flatMap((expression) => (/^[^\s()]+ WITH [^\s()]+$/.test(expression) ? [expression.split(' WITH ')[0]!] : []));
  const ownWords = [...stated, ...amended.filter((expression) => !stated.includes(expression))].map((expression) => noticePairs(index, expression));
  // A bare name ("MIT", "License: ISC") explains a name beside it, not a sentence.
  const sentence = chosen.some((hit) => hit.expression !== null && hit.via !== 'reference' && hit.via !== 'tag');
  const statedIds = stated.flatMap(expressionIds);
  // A dual-licensing offer beside a copyleft notice, as beside a copyleft text (identify.ts): the
  // copyleft licence or a commercial one (rpc-websockets, under @solana/web3.js: "LGPLv3 … rpc-
  // websockets Pro has a commercial-friendly license allowing private forks and modifications").
  // One run of words that offers it and restricts nothing else; its words are then explained.
  const commercial = conflict || listing ? undefined : commercialOffer(normalised, covered, statedIds);
  if (commercial) covered.fill(1, commercial.from, commercial.to + 1);
  // A line that is a web address alone, beside a licence named, says where something is (the
  // lighthouse package's third-party LICENSE: "MIT", then the address of the package.json line that
  // says so); one whose words speak of licences, terms or money is read.
  if (stated.length > 0) coverAddresses(text, normalised, covered);
  if (stated.length > 0) coverTitle(text, normalised, covered);
  // A request for payment the text says is not required (requests.ts): reported, not a term.
  const request = stated.length > 0 && !conflict && !listing ? requestAmong(normalised, covered) : undefined;
  if (request) covered.fill(1, request.from, request.to + 1);
  const hosted = statedIds.some((id) => EXCEPTION_HOSTS.test(id));
  const families = new Set(statedIds.flatMap(familiesOfId));
  const unexplained = leftovers(normalised, covered, ownWords, sentence ? MAX_UNEXPLAINED_WORDS : MAX_WORDS_BESIDE_NAME, hosted ? RESTRICTIVE : RESTRICTIVE_WITHOUT_HOST, families, licenceBlock(normalised.words, chosen));
  const confidence = options.readme ? README_CONFIDENCE : 1;
  const matches: LicenceMatch[] = [];
  // The text joined, and each expression's reading of it, once: a file of thousands of notices
  // ("License: MIT" on every line) joined it again for each.
  let joined: string | undefined;
  const later = new Map<string, string>();
  const laterOf = (expression: string): string => {
    let read = later.get(expression);
    if (read === undefined) later.set(expression, (read = laterVersions(expression, (joined ??= normalised.words.join(' ')))));
    return read;
  };
  // An SPDX-License-Identifier line that says, as an OR, the very licences the words beside it name
  // ("This work is dual-licensed under Apache-2.0 and MIT. You can choose between one of them …
  // `SPDX-License-Identifier: Apache-2.0 OR MIT`", vis.js): it restates their choice, and is not
  // one more licence of it.
  const restating = chosen.filter((hit) => hit.via === 'identifier' && restatesChoice(hit.expression, chosen));
  const offering: Hit[] = [];
  for (const hit of chosen) {
    if (hit.expression === null) continue;
    const expression = laterOf(hit.expression);
    const start = normalised.lines[hit.from] ?? 1;
    const end = normalised.lines[hit.to] ?? start;
    matches.push({ id: expression, confidence, start, end, via: hit.via, rule: hit.source });
    if (!restating.includes(hit)) offering.push(hit);
  }
  const known = matches.length > 0 && !conflict && !listing && unexplained.length === 0 && invalid.length === 0;
  const choice = known && offeredChoice(restating.length > 0 ? offering : chosen, normalised.words);
  const offered = restating.length > 0 && choice ? matches.filter((match) => match.via !== 'identifier' || !restating.some((hit) => laterOf(hit.expression!) === match.id)) : matches;
  let expression = known ? (choice ? disjoin(offered.map((match) => match.id)) : (choiceWithBranches(matches) ?? conjoin(matches.map((match) => match.id)))) : null;
  if (expression !== null && commercial) {
    expression = `${expression.includes(' ') ? `(${expression})` : expression} OR ${COMMERCIAL_LICENCE}`;
    matches.push({ id: COMMERCIAL_LICENCE, confidence, start: normalised.lines[commercial.from] ?? 1, end: normalised.lines[commercial.to] ?? 1, via: 'terms' });
  }
  const identification: Identification = { expression, matches, candidates: [] };
  if (unexplained.length > 0) identification.unexplained = unexplained;
  if (invalid.length > 0) identification.invalid = invalid;
  if (options.readme) identification.source = 'readme';
  if (request && expression !== null) identification.request = { words: request.words, start: normalised.lines[request.from] ?? 1, end: normalised.lines[request.to] ?? 1 };
  return identification;
}

/**
 * A choice stated once, then each alternative's own notice ("This source code is dual-licensed under
 * the Apache License, version 2.0, and the Mozilla Public License, version 1.1." above Apache's
 * header and the MPL's; Debian's "License: GPL-3 or Apache-2.0" above a paragraph for each): the
 * choice. Each other notice states one of its licences, the very id the choice names; a notice
 * of any other licence or version, or a second choice, and they all apply as before. The choice
 * comes first, or is itself a notice after notices only: Mozilla's tri-licence header and its kin
 * give one licence's notice, then "Alternatively, the contents of this file may be used under the
 * terms of the GNU General Public License …", which the rules read as the choice. ("Licensed under
 * Apache-2.0 and MIT" above an SPDX line of their OR says both apply, then names a choice: all
 * apply.)
 */
function choiceWithBranches(matches: readonly LicenceMatch[]): string | undefined {
  const at = matches.findIndex((match) => /^[^\s()]+(?: OR [^\s()]+)+$/.test(match.id));
  if (at < 0) return undefined;
  const choice = matches[at]!.id;
  const offered = choice.split(' OR ');
  if (!matches.every((match) => match.id === choice || offered.includes(match.id))) return undefined;
  const notice = (match: LicenceMatch) => match.via === 'notice' || match.via === 'header';
  return at === 0 || (notice(matches[at]!) && matches.slice(0, at).every(notice)) ? choice : undefined;
}

/** A file's title "Software License Agreement" on its first line, alone (a Markdown heading or bold allowed). */
const AGREEMENT_TITLE = /^[ \t]*(?:#{1,6}[ \t]+)?(?:\*\*)?software[ \t]+licen[cs]e[ \t]+agreement(?:\*\*)?[ \t]*$/i;

/**
 * The title "Software License Agreement" on the file's first line names the document, not a term
 * (TinyMCE 7's license.md: the title, the product's name and address, its copyright, then "Licensed
 * under the terms of GNU General Public License Version 2 or later"); its "agreement" read as one,
 * and the file was unknown. Only that line: the word anywhere else is read as before.
 */
function coverTitle(text: string, normalised: Normalised, covered: Uint8Array): void {
  const first = /^(?:[ \t]*(?:\r\n|\r|\n))*([^\r\n]*)/.exec(text);
  if (!first || !AGREEMENT_TITLE.test(first[1]!)) return;
  const line = normalised.lines[0];
  for (let at = 0; at < normalised.words.length && normalised.lines[at] === line; at++) covered[at] = 1;
}

/** A line that is one web address and nothing else, a Markdown autolink's brackets allowed. */
const ADDRESS_LINE = /^[ \t]*<?https?:\/\/[^\s<>]{1,500}>?[ \t]*$/i;
/** Words of an address that may point at terms: such an address is read, never taken for a pointer. */
const TERMS_ADDRESS_WORDS = /^(?:nc|nd|sa|tos|policy|policies|pricing|buy|shop|store|subscribe|subscription|enterprise|sales|contact)$/;

/** Marks as covered the words of each line that is a web address alone, unless its words could point at terms. */
function coverAddresses(text: string, normalised: Normalised, covered: Uint8Array): void {
  if (!text.includes('://')) return;
  const addressLines = new Set<number>();
  text.split(/\r\n|\r|\n/).forEach((line, at) => {
    if (line.includes('://') && ADDRESS_LINE.test(line)) addressLines.add(at + 1);
  });
  if (addressLines.size === 0) return;
  const { words, lines } = normalised;
  const positions = new Map<number, number[]>();
  words.forEach((_, at) => {
    if (!covered[at] && addressLines.has(lines[at]!)) pushTo(positions, lines[at]!, at);
  });
  for (const line of positions.values()) {
    const said = line.map((at) => words[at]!);
    if (said.some((word, at) => LEGAL_WORDS.test(word) || RESTRICTIVE.has(word) || TERMS_ADDRESS_WORDS.test(word) || familyNamedAt(said, at) !== undefined)) continue;
    for (const at of line) covered[at] = 1;
  }
}

/** The first request for payment among the runs of words no notice covers, as word positions: the asking words alone. */
function requestAmong(normalised: Normalised, covered: Uint8Array): Request | undefined {
  const { words, lines } = normalised;
  for (let from = 0; from < words.length; from++) {
    if (covered[from]) continue;
    let to = from;
    while (to + 1 < words.length && !covered[to + 1]) to++;
    const asked = voluntaryRequest(words.slice(from, to + 1), lines.slice(from, to + 1), true);
    if (asked) return { from: from + asked.from, to: from + asked.to, words: asked.words };
    from = to;
  }
  return undefined;
}

/**
 * Whether `words` name, by a rule's short name or tag, a licence that is neither permissive nor of
 * `families` (the families of the licences the file grants, as familiesOfId gives them): "Code:
 * Elastic-2.0", "Docs: MS-RL", "Fonts: CAL-1.0" beside an MIT text or a notice of CC-BY-4.0. A
 * short name counts as a grant only at the start of its line or after "license", "under" and the
 * like ({@link standsAlone}), and a label's few words beside it read as a title: the file was read
 * as its other licence alone, free (the eighteenth session's family words caught "AGPL" or "CC
 * BY-NC" so, but not the licences they do not list). Another licence named is for a person to read.
 */
export function namesOtherLicence(words: readonly string[], families: ReadonlySet<string>, index: NoticeIndex = loadNoticeIndex()): boolean {
  if (words.length === 0) return false;
  return ruleHits(words, index).some(
    (hit) =>
      hit.expression !== null &&
      (hit.via === 'reference' || hit.via === 'tag') &&
      expressionIds(hit.expression).some((id) => !isPermissiveId(withoutLaterMark(id)) && !UNNAMED.test(id) && !familiesOfId(id).every((family) => families.has(family))),
  );
}

/** Expressions of rules that name no licence at all: a disclaimer, "see the licence". */
const NAMES_NONE = /^LicenseRef-scancode-(?:warranty-disclaimer|unknown-license-reference|unknown)$/;

/** Ids of rules that name no licence of their own: "see the licence", "public domain". */
const UNNAMED = /^LicenseRef-scancode-(?:unknown|public-domain|other-permissive|free-unknown|generic)/;

/** A licence a notice states, with the notice's word span (notices beside a known text, beside.ts). */
export interface StatedLicence {
  from: number;
  to: number;
  expression: string;
  via: NoticeKind;
  source: string;
}

/**
 * The licences the notices in `normalised` state, each notice whole and word for word (the same
 * rules, choices and "or later" reading as {@link identifyNotices}); empty when none does. Short
 * references and tags are included with their `via`: whether a mention grants is the caller's
 * question.
 */
export function statedLicences(given: Normalised, index: NoticeIndex = loadNoticeIndex()): StatedLicence[] {
  const normalised = withStockWording(given, index);
  const found = ruleHits(normalised.words, index).filter((hit) => standsAlone(hit, normalised));
  const { chosen } = settled(found, normalised.words);
  const words = normalised.words.join(' ');
  return chosen
    .filter((hit): hit is Hit & { expression: string; via: NoticeKind } => hit.expression !== null && hit.via !== 'identifier')
    .map((hit) => ({ from: hit.from, to: hit.to, expression: laterVersions(hit.expression, words), via: hit.via, source: hit.source }));
}

const IDENTIFIER = /SPDX-License-Identifier\s*:\s*(.*)$/i;
// Comment closers and trailing punctuation that follow the expression on a source file's line, and
// the closing backtick or quote of a tag quoted as code or as a string (vis.js's LICENSE.md:
// "`SPDX-License-Identifier: Apache-2.0 OR MIT`"): no licence id ends with one.
const TRAILER = /\s*(?:\*\/|-->|#\}|%\}|\*\)|;|,|`|"|')*\s*$/;

/** `SPDX-License-Identifier:` lines: each a parsed expression, or a problem naming the line. */
export function identifierLines(text: string, normalised: Normalised): { hits: Hit[]; invalid: NonNullable<Identification['invalid']> } {
  const hits: Hit[] = [];
  const invalid: NonNullable<Identification['invalid']> = [];
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    const found = IDENTIFIER.exec(line);
    if (!found) return;
    const value = found[1]!.replace(TRAILER, '').trim();
    const parsed = parseExpression(value);
    const lineNumber = index + 1;
    if (!parsed.ok) {
      invalid.push({ line: lineNumber, value, message: parsed.message });
      return;
    }
    const from = normalised.lines.indexOf(lineNumber);
    if (from < 0) return;
    let to = from;
    while (normalised.lines[to + 1] === lineNumber) to++;
    hits.push({ from, to, expression: parsed.expression, via: 'identifier', source: 'SPDX-License-Identifier' });
  });
  if (hits.length === 0 && invalid.length === 0 && normalised.words.length > 0) {
    const whole = wholeExpression(text);
    if (whole?.ok) hits.push({ from: 0, to: normalised.words.length - 1, expression: whole.expression, via: 'identifier', source: 'SPDX expression' });
    else if (whole) invalid.push({ line: normalised.lines[0]!, value: whole.value, message: whole.message, bare: true });
  }
  return { hits, invalid };
}

/**
 * A file that is one SPDX expression of several licences and nothing else (ibantools' LICENSE:
 * "MIT OR MPL-2.0"), read as that expression, as an `SPDX-License-Identifier:` line is. The rules
 * read its ids one by one: "MIT OR MPL-2.0" was unknown ("or mpl 2 0" unexplained), "MIT AND
 * BSD-3-Clause" read as MIT, and "MIT AND LicenseRef-Acme" or "MIT AND Foo-1.0" as MIT, free.
 * Only one line shaped as an expression: ids (one token each, no other words) between uppercase
 * operators, in parentheses or not. "MIT or Apache" and "ELECTS TO USE AND DISTRIBUTE THIS
 * COMPONENT UNDER THE TERMS OF THE MIT LICENSE" are prose, read by the rules as before. One of
 * that shape that does not parse is an invalid expression, as such a tag is.
 */
function wholeExpression(text: string): { ok: true; expression: string } | { ok: false; value: string; message: string } | undefined {
  const value = text.trim();
  if (value.length > MAX_WHOLE_EXPRESSION || /[\r\n]/.test(value)) return undefined;
  const tokens = value.replace(/[()]/g, ' ').split(/\s+/).filter((token) => token !== '');
  if (tokens.length < 3 || tokens.length % 2 === 0) return undefined;
  const shaped = tokens.every((token, at) => (at % 2 === 1 ? /^(?:AND|OR|WITH)$/.test(token) : /^[A-Za-z0-9][A-Za-z0-9.+:-]*$/.test(token) && !/^(?:AND|OR|WITH)$/.test(token)));
  if (!shaped) return undefined;
  const parsed = parseExpression(value);
  return parsed.ok ? { ok: true, expression: parsed.expression } : { ok: false, value, message: parsed.message };
}

/** The longest text read as one expression: longer ones are files, not a tag. */
const MAX_WHOLE_EXPRESSION = 500;

/**
 * A rule's expression, or null where the words right after it state another version of its one
 * licence: ScanCode's "distributed under the Mozilla Public License" is MPL-1.0, and "This product
 * is distributed under the Mozilla Public License 2.0" read as MPL-1.0. (Only for a rule whose own
 * words hold no number, naming one versioned licence; "version" or "v" may come between.) Such a
 * refused reading yields to any rule over the same words ({@link choose}): "released under the
 * GPL" (GPL-1.0-or-later) refused for the "version 3" after it had blocked the rule that reads
 * "GPL version 3", and the sentence was unknown.
 */
function versionAfter(expression: string | null, ruleWords: string, words: readonly string[], to: number): string | null {
  if (expression === null || /\d/.test(ruleWords)) return expression;
  const own = /^[A-Za-z][\w.+-]*?-(\d+(?:\.\d+)*)(?:-only|-or-later)?$/.exec(expression);
  if (!own) return expression;
  let at = to + 1;
  if (words[at] === 'version' || words[at] === 'v') at++;
  if (!/^\d{1,2}$/.test(words[at] ?? '')) return expression;
  const stated = /^\d$/.test(words[at + 1] ?? '') ? `${words[at]}.${words[at + 1]}` : words[at]!;
  const trimmed = (version: string) => version.replace(/(?:\.0)+$/, '');
  return trimmed(stated) === trimmed(own[1]!) ? expression : null;
}

/** Every whole occurrence of every rule anchored on a word of the text. */
function ruleHits(words: readonly string[], index: NoticeIndex): Hit[] {
  const whole = words.join(' ');
  const exact = index.exact(whole);
  if (exact !== undefined) {
    const rule = index.rule(exact);
    return [{ from: 0, to: words.length - 1, expression: rule.expression, via: rule.kind, source: rule.source }];
  }
  // Character offset of each word in `whole`, to turn a string match into word positions.
  const wordAt = new Map<number, number>();
  let offset = 0;
  words.forEach((word, position) => {
    wordAt.set(offset, position);
    offset += word.length + 1;
  });
  const padded = ` ${whole} `;
  const hits: Hit[] = [];
  const seen = new Set<number>();
  for (const word of new Set(words)) {
    for (const ruleIndex of index.anchored(word)) {
      if (seen.has(ruleIndex)) continue;
      seen.add(ruleIndex);
      const rule = index.rule(ruleIndex);
      const needle = ` ${rule.words} `;
      for (let at = padded.indexOf(needle); at >= 0; at = padded.indexOf(needle, at + 1)) {
        const from = wordAt.get(at)!;
        const to = from + rule.length - 1;
        const hit: Hit = { from, to, expression: versionAfter(rule.expression, rule.words, words, to), via: rule.kind, source: rule.source };
        // A reading refused for its version yields ({@link versionAfter}).
        if (hit.expression === null && rule.expression !== null) hit.yields = true;
        hits.push(hit);
      }
    }
  }
  return hits;
}

/**
 * The hits that stand: longest first, each kept unless it overlaps one already kept. A shorter rule
 * inside a longer one is part of it ("MIT" inside "released under the MIT license"); a rule that
 * crosses a kept one and names another licence is a disagreement, and the text stays unknown.
 */
function choose(hits: Hit[]): { chosen: Hit[]; conflict: boolean } {
  const ordered = [...hits].sort(
    (a, b) => Number(a.yields === true) - Number(b.yields === true) || b.to - b.from - (a.to - a.from) || Number(a.expression === null) - Number(b.expression === null) || a.from - b.from,
  );
  const chosen: Hit[] = [];
  let conflict = false;
  // The kept hit at each word position (kept hits never overlap): a hit's overlaps are read from
  // its own positions, not by comparing it with every kept hit (a file of thousands of notices).
  const owner = new Map<number, Hit>();
  for (const hit of ordered) {
    const overlapping: Hit[] = [];
    for (let position = hit.from; position <= hit.to; position++) {
      const kept = owner.get(position);
      if (kept && overlapping[overlapping.length - 1] !== kept) overlapping.push(kept);
    }
    if (overlapping.length === 0) {
      chosen.push(hit);
      for (let position = hit.from; position <= hit.to; position++) owner.set(position, hit);
      continue;
    }
    if (hit.yields) continue;
    const inside = overlapping.some((kept) => hit.from >= kept.from && hit.to <= kept.to);
    const differs = hit.expression !== null && overlapping.some((kept) => kept.expression !== null && kept.expression !== hit.expression);
    if (!inside && differs) conflict = true;
  }
  return { chosen: chosen.sort((a, b) => a.from - b.from), conflict };
}

/**
 * A share of a leftover run's word pairs this high, found in the notices of a licence the text
 * states, makes the run that licence's own words (a notice broken by a link or a re-wrap).
 */
const OWN_WORDS_SHARE = 0.8;


/**
 * References and tags inside a notice's own paragraphs ("See the GNU Lesser General Public License
 * for more details") name the licence the notice already states, often with another version: a
 * mention, not a second licence. They are kept as words explained (boilerplate) when a notice of
 * the same family stands; a reference to another family still counts.
 */
function mentionsDropped(hits: Hit[], words: readonly string[]): Hit[] {
  const stating = hits.filter((hit) => hit.expression !== null && (hit.via === 'notice' || hit.via === 'header' || hit.via === 'identifier'));
  if (stating.length === 0) return hits;
  // The stating hits of each family.
  const byFamily = new Map<string, Hit[]>();
  for (const hit of stating) pushTo(byFamily, familyOf(hit.expression!), hit);
  return hits.map((hit) => {
    if ((hit.via !== 'reference' && hit.via !== 'tag') || hit.expression === null) return hit;
    // A mention of a notice that stands apart from it. A tag or reference overlapping the only
    // notices of its family is the same statement, read by two rules, and states it: Font Awesome
    // 5's "Code: MIT License (https://…)" holds the notice "MIT License (https://…)", and "licensed
    // under a Creative Commons Attribution-ShareAlike 4.0 International License https://…" is a
    // notice overlapped by a longer reference; made a mention, the reference was the longer hit
    // and so the one kept, and the licence was lost.
    // (One crossing a notice of another version is still made a mention, as it always was.)
    const same = byFamily.get(familyOf(hit.expression));
    if (!same || opensOffer(words, hit.from)) return hit;
    const holds = (notice: Hit) => notice.from >= hit.from && notice.to <= hit.to;
    const crosses = (notice: Hit) => notice.to >= hit.from && notice.from <= hit.to;
    return same.every((notice) => holds(notice) || (crosses(notice) && notice.expression === hit.expression)) ? hit : { ...hit, expression: null };
  });
}

/**
 * The notices that stand, settled: {@link choose}, then a GNU warranty paragraph beside the notice
 * that grants a version of its family explains its words and names nothing, and a licence's notice
 * amended at once by its exception's notice is the licence with the exception.
 */
function settled(hits: Hit[], words: readonly string[]): { chosen: Hit[]; conflict: boolean } {
  const { chosen, conflict } = choose(mentionsDropped(hits, words));
  const warranty = (hit: Hit) => hit.via === 'notice' && hit.expression !== null && GNU_ANY_VERSION.test(hit.expression) && isWarrantyParagraph(words, hit);
  const granted = new Set(chosen.filter((hit) => hit.expression !== null && hit.via !== 'reference' && hit.via !== 'tag' && !warranty(hit)).map((hit) => familyOf(hit.expression!)));
  for (const hit of chosen) if (warranty(hit) && granted.has(familyOf(hit.expression!))) hit.expression = null;
  amendedByExceptions(chosen);
  return { chosen, conflict };
}

const GNU_FAMILIES: ReadonlySet<string> = new Set(['GPL', 'LGPL', 'AGPL', 'GFDL']);

/** How many words may stand between a licence's notice and the notice of its exception. */
const AMENDMENT_GAP = 8;

/**
 * A licence's notice followed at once by the notice of an exception to that same licence
 * (libgfortran: "… either version 3, or (at your option) any later version", its warranty
 * paragraph, then "Under Section 7 of GPL version 3, you are granted additional permissions
 * described in the GCC Runtime Library Exception") is one grant: the licence with the exception.
 * The licence's own notice then explains its words and names nothing more. Anything else between
 * them, or the two apart, and both apply (AND), the reading that never grants more.
 */
function amendedByExceptions(chosen: Hit[]): void {
  const stated = chosen.filter((hit) => hit.expression !== null);
  for (let index = 0; index + 1 < stated.length; index++) {
    const [licence, amended] = [stated[index]!, stated[index + 1]!];
    if (!amended.expression!.startsWith(`${licence.expression} WITH `) || /\s/.test(amended.expression!.slice(licence.expression!.length + 6))) continue;
    const between = chosen.filter((hit) => hit.from > licence.to && hit.to < amended.from).reduce((covered, hit) => covered + hit.to - hit.from + 1, 0);
    if (amended.from - licence.to - 1 - between <= AMENDMENT_GAP) licence.expression = null;
  }
}

// The ids ScanCode gives a GNU licence named without a version ("see the GNU General Public License").
const GNU_ANY_VERSION = /^(?:GPL-1\.0|LGPL-2\.0)-or-later$/;

/**
 * A GNU notice's warranty paragraph on its own ("… is distributed in the hope that it will be
 * useful, but WITHOUT ANY WARRANTY … See the GNU General Public License for more details."): it
 * names no version and grants nothing. Beside the notice that grants a version of the same
 * family (libgfortran's "either version 3, or (at your option) any later version"), it is that
 * notice's paragraph, not a grant of every version.
 */
function isWarrantyParagraph(words: readonly string[], hit: Hit): boolean {
  const span = words.slice(hit.from, hit.to + 1);
  return span.includes('hope') && span.includes('warranty') && !span.includes('version') && !span.includes('redistribute');
}

// Mozilla's convention for marking where a file's licence terms are: "***** BEGIN LICENSE BLOCK
// *****" … "***** END LICENSE BLOCK *****".
const BLOCK_START = ['begin', 'license', 'block'];
const BLOCK_END = ['end', 'license', 'block'];

/**
 * The words (first and last position) of the one licence block that holds every notice found,
 * when the text marks one; undefined otherwise.
 */
function licenceBlock(words: readonly string[], chosen: readonly Hit[]): { from: number; to: number } | undefined {
  const at = (phrase: readonly string[], position: number) => phrase.every((word, offset) => words[position + offset] === word);
  const starts: number[] = [];
  const ends: number[] = [];
  for (let position = 0; position + 2 < words.length; position++) {
    if (at(BLOCK_START, position)) starts.push(position);
    else if (at(BLOCK_END, position)) ends.push(position + 2);
  }
  if (starts.length !== 1 || ends.length !== 1 || ends[0]! < starts[0]!) return undefined;
  const block = { from: starts[0]!, to: ends[0]! };
  const stated = chosen.filter((hit) => hit.expression !== null);
  return stated.length > 0 && stated.every((hit) => hit.from >= block.from && hit.to <= block.to) ? block : undefined;
}

/**
 * Runs of words no rule accounts for that read like terms, or too many unexplained words. Words
 * outside a licence block that holds the notices (`block`) are the file's description of itself
 * (certifi: "This package contains a modified version of ca-bundle.crt …"): they never count
 * towards the limit, but a restricting word or another licence named there still does.
 */
function leftovers(
  normalised: Normalised,
  covered: Uint8Array,
  ownWords: readonly Set<string>[],
  limit: number,
  restrictiveWords: ReadonlySet<string> = RESTRICTIVE,
  families: ReadonlySet<string> = new Set(),
  block?: { from: number; to: number },
): NonNullable<Identification['unexplained']> {
  const runs: { start: number; end: number; words: string[]; outside: boolean }[] = [];
  normalised.words.forEach((word, position) => {
    if (covered[position]) return;
    const last = runs[runs.length - 1];
    const line = normalised.lines[position]!;
    const outside = block !== undefined && (position < block.from || position > block.to);
    if (last && covered[position - 1] === 0 && last.outside === outside) {
      last.words.push(word);
      last.end = line;
    } else runs.push({ start: line, end: line, words: [word], outside });
  });
  // A trademark notice (video.js's "Trademark Notice: “Video.js” is a registered trademark of
  // Brightcove Inc. …") says whose the name is, not how the code may be used: it is described, as
  // a package describes itself outside a licence block, and counts towards no limit.
  for (const run of runs) if (run.words[0] === 'trademark' && run.words[1] === 'notice') run.outside = true;
  // (The last run ends the file unless the file's last word is a notice's.)
  const ending = covered[covered.length - 1] ? undefined : runs[runs.length - 1];
  const open = runs.filter((run) => !ownWordsOf(run.words, ownWords, run === ending));
  const told = new Map(open.map((run) => [run, withoutPointers(run.words)]));
  // A run of words that sets no term (surroundings.ts: no word of a term, restriction or
  // exception, hls.js's "src/remux/mp4-generator.js … are derived from the HLS library for video.js")
  // describes the work, as words outside a licence block do.
  // Only in a file that is mostly its notices: a heading's "public domain code" above a list of
  // authors is no licence file.
  const covering = covered.reduce((count, flag) => count + flag, 0);
  const described = open.filter((run) => !run.outside && describes(told.get(run)!));
  const describing = described.reduce((count, run) => count + run.words.length, 0) <= covering;
  const plainless = open.reduce((count, run) => count + (run.outside || (describing && described.includes(run)) ? 0 : told.get(run)!.filter((word) => !isPlain(word)).length), 0);
  // (A word in another script is one no list here reads: other-languages.ts.)
  // (And a run the rule for words beside a licence text says restricts, or binds the user: terms
  // spelt past the word lists, "n0t f0r c0mmercial use", use under a policy, "you agree to the
  // Acme Terms"; surroundings.ts.)
  const restrictive = open.filter((run) => {
    const words = told.get(run)!;
    return words.some((word) => restrictiveWords.has(word)) || inOtherScript(words) || inOtherLanguage(words) || setsTerms(words);
  });
  // Words naming a non-permissive family the notices do not state ("MIT with Commons Clause", "MIT
  // with the Peer Production License"): another licence, which no rule read, never a description.
  // Every run, those that read as a notice's own words too: "and the GPL" is word pairs of
  // Apache's notices, and still another licence.
  // (And, in a few words, any other licence a rule names by a short name: "Code: MS-RL" beside a
  // notice of CC-BY-4.0. A sentence naming one, "an exception to allow linking against GPL2
  // software", is read by the rules above.)
  // (And a few words joined to the notice that name a licence no rule reads: 'ISC AND "Acme
  // License"', a whole file, read as ISC, free.)
  const naming = runs.filter(
    (run) =>
      run.words.some((_, at) => namesOtherFamily(run.words, at, families, ownWords)) ||
      (open.includes(run) && ((told.get(run)!.filter((word) => !isPlain(word)).length <= MAX_WORDS_BESIDE_NAME && namesOtherLicence(run.words, families)) || joinsLicence(run.words))),
  );
  const flagged = runs.filter((run) => (open.includes(run) && ((plainless > limit && !run.outside && run.words.some((word) => !isPlain(word))) || restrictive.includes(run))) || naming.includes(run));
  return flagged.map((run) => ({ start: run.start, end: run.end, words: run.words.join(' ') }));
}

/** Words that join another licence to a notice. */
const JOINING: ReadonlySet<string> = new Set(['and', 'or', 'with', 'plus']);

/**
 * A short run that joins a licence or terms of their own name to the notice: "and Acme License",
 * "or the Acme licence", "and also the Acme terms", "with Acme additions".
 */
function joinsLicence(words: readonly string[]): boolean {
  return words.length <= JOINED_LICENCE_WORDS && JOINING.has(words[0]!) && JOINED_TERMS.test(words[words.length - 1]!);
}

/** What such a run ends with: a licence, or terms added to one (not an exception, which only adds permissions: "with Combined Work Exception" beside CAL-1.0 is read as CAL-1.0, the stricter reading). */
const JOINED_TERMS = /^(?:licen[cs]es?|terms|conditions|additions|amendments|modifications|restrictions|addend(?:um|a)|riders?)$/;

/** The most words such a run has: the joining word, a name of up to three words, "license". */
const JOINED_LICENCE_WORDS = 5;

/**
 * Whether words only describe the work: they set no term (surroundings.ts judges them benign) and
 * speak of no licence, terms or rights at all ("The software includes works released by third
 * parties under other licenses" speaks of other licences: never a description).
 */
function describes(words: readonly string[]): boolean {
  return words.length > 0 && !words.some((word) => LEGAL_WORDS.test(word)) && judgeSurrounding(words) === 'benign';
}

/** Words of licences, terms and rights: a run holding one is read as terms, never as a description. */
const LEGAL_WORDS = /^(?:licen[cs]\w*|sublicen[cs]\w*|terms?|conditions?|rights?|copyright\w*|copyleft|patents?|trademarks?|gpl|lgpl|agpl|mpl|bsd|mit|apache|gnu|cc|creative|commons|public|domain|proprietary|commercial|warrant\w*|liab\w*|free|freely|open|source|permission\w*|permit\w*|granted|grant\w*|released?|distribut\w*|redistribut\w*|covered|governed|subject|agreement|contract|law|legal|eula|fee|fees|royalt\w*|paid|pay\w*|price|purchase)$/;

/**
 * Sentences that say where the licence's text is (amqplib's LICENSE: "A copy may be found in the
 * file LICENSE-MIT in this directory, or downloaded from http://opensource.org/licenses/MIT"; the
 * GNU notices' last sentence with the program's name, web3.js's "You should have received a copy
 * of the GNU Lesser General Public License along with web3.js. If not, see …"): their "may" or
 * "not" sets no term. And the GNU notices' opening with the program's name, where the rules say
 * "this library" (libquadmath's, in NumPy's and SciPy's wheels: "This file is part of the
 * libquadmath library. Libquadmath is free software; you can redistribute it and/or modify it"),
 * which the notice that follows grants; and "Written by <author>", whose "written" is no
 * "written permission". Apache's "You may obtain a copy of" said of another licence
 * (@react-native-firebase's "You may obtain a copy of the Creative Commons Attribution 3.0 License
 * at"), and what a part of the work is ("Documentation and other instructional materials provided
 * for this project … are licensed under the Creative Commons Attribution 3.0 License"): their "may"
 * and "provided" set no term. So is react-scroll's "Explore this to understand terms and conditions
 * of the license- https://opensource.org/licenses/MIT" after its MIT notice.
 */
const POINTER_PHRASE = /\b(?:a )?cop(?:y|ies) (?:of (?:the|this|which|each|both) (?:licen[cs]es? )?)?(?:may|can) be (?:found|obtained|read|downloaded)(?: (?:in|at|from))?\b|\bor downloaded from\b|\balong with (?:[a-z0-9]+ ){1,4}?if not see\b|\b(?:[a-z0-9]+ ){1,3}?is free software you can redistribute it and or modify it\b|\bthis file is part of (?:the )?(?:[a-z0-9]+ ){1,3}?(?:library|program|package|project|software)\b|\bwritten (?:in \d{4} )?by\b|\byou may obtain a copy of\b|\bprovided (?:for|with) (?:this|the) (?:project|package|library|software|module)\b|\b(?:explore|see|read|check|visit) (?:this |it |here )?(?:to understand|for) (?:the )?(?:full )?terms and conditions of (?:the|this)(?: licen[cs]e)?\b/g;

/**
 * A run's words without the pointer sentences' words ({@link POINTER_PHRASE}) and without a request
 * for credit the text says is not required (requests.ts).
 */
function withoutPointers(words: readonly string[]): readonly string[] {
  const joined = words.join(' ');
  const left = withoutCourtesies(joined.replace(POINTER_PHRASE, ' '));
  return left === joined ? words : left.split(' ').filter((word) => word !== '' && word !== '|');
}

/**
 * Whether the word at `at` names a non-permissive licence family (family-words.ts) that none of the
 * stated licences is of, outside the stated licences' own notice wording (an LGPL notice names the
 * GNU GPL it amends).
 */
function namesOtherFamily(words: readonly string[], at: number, families: ReadonlySet<string>, ownWords: readonly Set<string>[]): boolean {
  const family = familyNamedAt(words, at);
  if (family === undefined || families.has(family)) return false;
  // Only a GNU licence's notice names another GNU licence as its own wording (an LGPL notice, the
  // GNU GPL it amends). The notice words of a licence with thousands of rules hold nearly any pair
  // ("the gpl" among Apache's), so they excuse nothing else: "Licensed under the Apache License,
  // Version 2.0 and the GPL" read as Apache-2.0 alone.
  if (!GNU_FAMILIES.has(family) || ![...families].some((stated) => GNU_FAMILIES.has(stated))) return true;
  const pair = (from: number) => from >= 0 && from + 1 < words.length && ownWords.some((pairs) => pairs.has(`${words[from]} ${words[from + 1]}`));
  return !pair(at - 1) && !pair(at);
}

/**
 * Whether a run is mostly the stated licences' own notice words: a broken notice, not new terms.
 * A restrictive word in it must sit among the notices' own words on both sides ("you may obtain a
 * copy"), so a term of its own never passes for the notice's wording; at the run's edge the
 * notice goes on, unless the run ends the file (`endsFile`): "MIT and Commercial", a whole file,
 * read as MIT, free, "and commercial" being a word pair of MIT's notices. (A run that starts the
 * file may open with the notice's own restrictive word: "No copyright is claimed. This code is in
 * the public domain".)
 */
function ownWordsOf(words: readonly string[], ownWords: readonly Set<string>[], endsFile = false): boolean {
  if (words.length < 2) return false;
  return ownWords.some((pairs) => {
    // "the Licenses" is a dual notice's plural of "the License" (encoding_rs: "Licensed under the
    // Apache License … or the MIT license, (the "Licenses") at your option"), not another word.
    const known = (at: number) => pairs.has(`${words[at - 1]} ${words[at]}`) || pairs.has(`${singular(words[at - 1]!)} ${singular(words[at]!)}`);
    let count = 0;
    for (let at = 1; at < words.length; at++) if (known(at)) count++;
    if (count / (words.length - 1) < OWN_WORDS_SHARE) return false;
    return words.every((word, at) => !RESTRICTIVE.has(word) || ((at === 0 || known(at)) && (at === words.length - 1 ? !endsFile : known(at + 1))));
  });
}

function singular(word: string): string {
  return word === 'licenses' ? 'license' : word;
}

/** Plain connecting words, numbers (years, versions) and single letters. */
function isPlain(word: string): boolean {
  return PLAIN_WORDS.has(word) || /^\d+$/.test(word) || word.length === 1;
}

// GNU notices: "either version 2 of the License, or (at your option) any later version" grants
// the later versions; a rule that named the version alone ("version 2") is widened to say so.
const GNU_ONLY = /\b((?:A|L)?GPL-\d\.\d)-only\b/g;
const LATER_GRANT = /\bat your option any later version\b|\b(?:version|v)\s?\d+(?: \d+)? or later\b|\bor any later version\b/;

function laterVersions(expression: string, words: string): string {
  return LATER_GRANT.test(words) ? expression.replace(GNU_ONLY, '$1-or-later') : expression;
}

// The no-copyleft-exception header is MPL-2.0's header and a paragraph of its own: together they
// are the one licence, not both.
const SUBSUMED: Readonly<Record<string, string>> = { 'MPL-2.0': 'MPL-2.0-no-copyleft-exception' };

/** The stated expressions ANDed, each once: several notices in one file all apply. */
function conjoin(expressions: string[]): string {
  const unique = [...new Set(expressions)];
  return joinedBy(
    unique.filter((expression) => !(SUBSUMED[expression] && unique.includes(SUBSUMED[expression]!))),
    'AND',
  );
}
