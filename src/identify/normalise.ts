// Turns a licence text into the word sequence that matching compares, following the SPDX matching
// guidelines (spdx.github.io/spdx-spec/v2.3/license-matching-guidelines-and-templates): case,
// white space, punctuation, quotes and dashes, bullets and numbering, copyright lines, http/https
// and varietal spellings do not change which licence a text is. Each word keeps its line number so
// a match can say where in the file it is.
import { EXCLUDING_WORDS } from './excluding-words.js';
import { HOLDER_NOT_WORDS } from './family-words.js';
import { FOREIGN_TERM_WORDS, NON_ASCII } from './other-languages.js';

/** A normalised text: words and, for each word, its 1-based line in the original text. */
export interface Normalised {
  words: string[];
  lines: number[];
}

/** Options for {@link normalise}. */
export interface NormaliseOptions {
  /**
   * The text is a reference template: also drop replaceable text (`[name of copyright owner]`,
   * `{Licensor Name}`, `$name`), which never appears verbatim in a real file.
   */
  template?: boolean;
}

// SPDX guideline 8 (equivalent words), British or alternative form → the form we compare on. A
// Map, not an object: a text's words are looked up in it, and "constructor" is a word too.
const VARIETAL: ReadonlyMap<string, string> = new Map(Object.entries({
  acknowledgement: 'acknowledgment',
  analogue: 'analog',
  analyse: 'analyze',
  artefact: 'artifact',
  authorisation: 'authorization',
  authorised: 'authorized',
  calibre: 'caliber',
  cancelled: 'canceled',
  capitalisations: 'capitalizations',
  catalogue: 'catalog',
  categorise: 'categorize',
  centre: 'center',
  emphasised: 'emphasized',
  favour: 'favor',
  favourite: 'favorite',
  fulfil: 'fulfill',
  fulfilment: 'fulfillment',
  initialise: 'initialize',
  judgement: 'judgment',
  labelling: 'labeling',
  labour: 'labor',
  licence: 'license',
  licences: 'licenses',
  licenced: 'licensed',
  licencee: 'licensee',
  licencees: 'licensees',
  licencing: 'licensing',
  licencor: 'licensor',
  licencors: 'licensors',
  maximise: 'maximize',
  modelled: 'modeled',
  modelling: 'modeling',
  offence: 'offense',
  optimise: 'optimize',
  organisation: 'organization',
  organisations: 'organizations',
  organise: 'organize',
  practise: 'practice',
  programme: 'program',
  realise: 'realize',
  recognise: 'recognize',
  signalling: 'signaling',
  utilisation: 'utilization',
  whilst: 'while',
  wilful: 'willful',
  https: 'http',
}));

// A copyright statement: "Copyright (c) 2020 …", "Copyright 2020 …", "© …", "(c) 2020 …",
// "Copyright <year> …", "All rights reserved". Guideline 10: copyright notices are not part of
// the licence. The second word is required so that a wrapped line of licence text that merely
// starts with "COPYRIGHT HOLDERS BE LIABLE" is kept.
const COPYRIGHT_LINE =
  /^[\s>*#_-]*(?:copyright\s*(?:\(c\)|©|&copy;|\d|<|\[|\{|\$|year|notice\s*:|\(c\)|by\b|owner\s*:)|©|\(c\)\s*\d|all rights reserved)/i;
// "Copyright JS Foundation and other contributors", "Copyright npm, Inc.": "Copyright" and a
// name, capitalised, without a year or "(c)". Not the licence's own "Copyright Holder", "Copyright
// Act" and the like, nor capitals throughout ("COPYRIGHT HOLDERS BE LIABLE").
const COPYRIGHT_NAME_LINE = /^[\s>*#_-]*Copyright\s+(?!(?:Holders?|Owners?|Notices?|Laws?|Act|Office|Protection|Statements?|Licen[cs]es?|Rights?|Treaty|And|Or|The|This|That|Of|In|To|For|Is|Are|May|Shall|Will)\b)[A-Z]/;
// "(c) Helder Santana", "(c) [Data-URI.js](https://github.com/data-uri)", "(c) Copyright 1986
// HEWLETT-PACKARD COMPANY": "(c)" and a name, alone on its line (datauri's README). "(c)" is also
// a list item's marker ("(c) Said project publishes the Source of the modifications"), so only a
// line whose every word is capitalised, a number or a name's small word, with a Markdown link's
// address and any e-mail or web address left out ({@link cNameLine}).
const C_NAME_LINE = /^[\s>*#_-]*\([cC]\)\s+\[?\p{Lu}/u;
const NAME_SMALL_WORDS = new Set(['and', 'of', 'the', 'de', 'da', 'del', 'der', 'den', 'van', 'von', 'le', 'la', 'du', 'et', 'al', 'y', 'e', 'contributors', 'authors', 'others', 'inc', 'ltd', 'llc', 'gmbh', 'co', 'corp']);

/** Whether a line that {@link C_NAME_LINE} matches holds nothing but a name: every word capitalised, a number or a name's small word. */
function cNameLine(line: string): boolean {
  const name = line.replace(C_NAME_LINE_PREFIX, '').replace(/\]\([^)\s]*\)/g, ' ').replace(ADDRESS, ' ');
  // Each word as spaces and commas part them ("Data-URI.js", "Node.js" are one), from its first letter or digit.
  for (const [word] of name.matchAll(/[\p{L}\p{N}][^\s,]*/gu)) if (!/^[\p{Lu}\p{N}]/u.test(word) && !NAME_SMALL_WORDS.has(word.replace(/\W+$/, ''))) return false;
  return true;
}
const C_NAME_LINE_PREFIX = /^[\s>*#_-]*\([cC]\)/;

// Bullets and list numbering at the start of a line (guideline 7): "1.", "1.2.", "(a)", "iv)",
// "*", "-", "•", Markdown headings and quotes.
const LIST_MARKER =
  /^\s*(?:(?:[-*•·>#+]+|\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-z]|[ivxlc]{1,6})[.)]|\((?:\d{1,3}|[a-z]|[ivxlc]{1,6})\)|§\s*\d+)\s+)+/i;

// Replaceable text in reference templates (guideline 3): bracketed placeholders ("[year]", "[name
// of copyright owner]"). A bracketed sentence, ending in its full stop, is the licence's own words:
// SSLeay's "… put under another distribution licence [including the GNU Public Licence.]", which
// real copies keep (couchbase's, apache-arrow's LICENSE).
const TEMPLATE_PLACEHOLDER = /\[[^\][\n]{0,59}[^\][\n.]\]|\{[^{}\n]{1,60}\}|\$[a-z]+\b/gi;
// Angle-bracket text is either a placeholder (`<copyright holders>`) or a Markdown autolink;
// neither decides the licence, so it is dropped from both sides.
export const ANGLE_TEXT = /<[^<>\n]{1,80}>/g;

/** Words that take a permission away: what an HTML comment must hold for its words to be read. */
// (And the words surroundings.ts reads as restricting wherever they stand: "<!-- This license is
// revoked for Microsoft. -->" above an MIT text was dropped, and the file read as MIT, free.)
const RESTRICTION = new RegExp(`\\b(?:not|no|only|solely|never|commercial|commercially|noncommercial|prohibit|prohibited|prohibits|restricted|restricts|forbid|forbidden|forbids|except|unless|must|revoke|revoked|revokes|revocable|terminate|terminated|terminates|fee|fees|royalty|royalties|payment|purchase|paid|pay|buy|military|weapons?|police|surveillance|evil|harm|cannot|can ?t|requires?|required|permission|free for|hosted|saas|train|training|apart from|aside from|other than|save for|${EXCLUDING_WORDS.join('|')})\\b`, 'i');

/** What an HTML comment may tell the file's maintainers without stating a term. */
const MAINTAINER_NOTE = /\b(?:(?:must|should) (?:remain|stay|be kept) (?:byte[- ]identical|identical|in sync)|do not edit(?: this file)?(?: by hand| manually)?)\b/gi;

/**
 * What angle text leaves: nothing for an address (`<https://…>`, `<tj@vision-media.ca>`), a tag or
 * a placeholder (`<copyright holders>`), but its words when it states a term in two words or
 * more: "<Not for commercial use.>" above an MIT text is licence text, not a placeholder (it read
 * as MIT, free).
 */
export function angleText(text: string): string {
  // A tag (`<distribution>`, `</url>`, `<a href=…>`) is one word or has attributes: never a term.
  // "<license AT jdom DOT org>" is an address spelt out.
  if (text.includes('=') || /^<\/?www\./i.test(text) || /\bat\b.+\bdot\b/i.test(text)) return ' ';
  // An address (`<https://…>`, `<tj@vision-media.ca>`), but not a sentence with one in it that may
  // state a term: "<Contact sales@acme.com for commercial licensing.>" above an MIT text read as
  // MIT, free.
  if ((text.includes('://') || text.includes('@')) && !(/\s\S+\s+\S/.test(text) && RESTRICTION.test(text.replace(ADDRESS, ' ')))) return ' ';
  // An HTML comment is hidden where the page is shown, but a restriction in one is still written
  // in the file ("<!-- not for commercial use -->"); a page's authoring notes ("we use this doubled
  // UL to get the sub-sections indented") are not.
  // Instructions to the file's maintainers ("Both files must remain byte-identical", "do not edit
  // by hand": Sentry's CLI's LICENSE.md) restrict no one's use of the software.
  if (text.startsWith('<!') && !RESTRICTION.test(text.replace(MAINTAINER_NOTE, ' '))) return ' ';
  if (!/\S\s+\S/.test(text) || !NOT_A_HOLDER.test(text)) return ' ';
  return ` ${text.slice(1, -1)} `;
}

/** An HTML comment on one line, of any length (angle text stops at 80 characters). */
const HTML_COMMENT = /<!--[^\n]{0,2000}?-->/g;

/** What an HTML comment leaves: nothing, unless it restricts (see {@link angleText}); then its words. */
function htmlComment(text: string): string {
  return RESTRICTION.test(text.replace(MAINTAINER_NOTE, ' ')) ? ` ${text.slice(4, -3)} ` : ' ';
}

const NON_WORD = /[^\p{L}\p{N}]+/u;

/**
 * Characters that show as nothing: the soft hyphen, zero-width spaces and joiners, direction
 * marks and overrides, invisible operators, variation selectors, the byte-order mark. Between the
 * letters of "commercial" they split it into words no reader weighs; taken out, the word is whole.
 */
const INVISIBLE = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]/g;
/** Fullwidth forms of ASCII ("Ｎｏｔ ｆｏｒ ｃｏｍｍｅｒｃｉａｌ ｕｓｅ"), read as the ASCII they show. */
const FULLWIDTH = /[\uff01-\uff5e]/g;
/** Han, kana and Hangul, written without spaces: each character is read as a word of its own. */
const SPACELESS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

/** A line's text as its words are read: invisible characters out, fullwidth letters as ASCII, spaceless scripts a word a character. */
function folded(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .replace(FULLWIDTH, (found) => String.fromCharCode(found.charCodeAt(0) - 0xfee0))
    .replace(SPACELESS, ' $& ');
}

/** Normalises `text` into comparable words with their line numbers. */
export function normalise(text: string, options: NormaliseOptions = {}): Normalised {
  const words: string[] = [];
  const lines: number[] = [];
  const rawLines = text.split(/\r\n|\r|\n/);
  const add = (word: string, line: number) => {
    const last = words.length - 1;
    if (last >= 0 && JOINABLE_PREFIXES.has(words[last] ?? '')) words[last] += word;
    else {
      words.push(word);
      lines.push(line);
    }
  };
  // The indentation of the copyright statement the lines below may continue, or -1.
  let statement = -1;
  for (let index = 0; index < rawLines.length; index++) {
    const line = rawLines[index] ?? '';
    // A statement's holder wrapped under itself, indented well past the statement's start
    // ("Copyright (c) 1992-2013 The University of Tennessee and The University\n
    // of Tennessee Research Foundation.  All rights\n                reserved."): still the statement.
    if (statement >= 0 && continues(line, statement)) continue;
    // A remembered line is no copyright line (those are never remembered): one look-up, no test.
    const known = options.template ? undefined : rememberedLines.get(line);
    const copyright = known === undefined && (COPYRIGHT_LINE.test(line) || ((COPYRIGHT_NAME_LINE.test(line) || (C_NAME_LINE.test(line) && cNameLine(line))) && nameOnly(line)));
    statement = copyright ? line.length - line.trimStart().length : -1;
    const read = known ?? (options.template ? wordsOfLine(line, true, copyright) : rememberedWordsOfLine(line, copyright));
    // What looks like numbering is the sentence's own words where the line before runs on into
    // it: "… the Mozilla Public License,\nv. 2.0. If a copy …" (certifi's MPL header).
    if (read.lead.length > 0 && index > 0 && runsOn(rawLines[index - 1]!, read.enumerated)) for (const word of read.lead) add(word, index + 1);
    for (const word of read.words) add(word, index + 1);
  }
  return { words, lines };
}

/** How much deeper than its copyright statement a line must be indented to continue it. */
const STATEMENT_INDENT = 8;

// Words no holder's name needs: a line with one of them is never taken for a statement's
// continuation, so a term indented under a copyright line ("Not for commercial use.") is read.
const NOT_A_HOLDER = new RegExp(`\\b(?:not|no|only|solely|never|use|used|using|commercial|commercially|personal|evaluation|purposes?|permission|permitted|allowed|forbidden|consent|prior|written|licen[cs]e[ds]?|grant|granted|shall|must|may|except|unless|provided|condition|conditions|fee|fees|pay|paid|sell|copy|copies|modify|distribute|distributed|distribution|redistribute|redistribution|military|prohibited|restricted|terms|trial|confidential|cannot|hosted|saas|training|buy|purchase|licensing|subscription|free for|apart from|aside from|other than|save for|${EXCLUDING_WORDS.join('|')})\\b`, 'i');

/** Whether `line` continues a copyright statement indented by `statement`: deeper, and only a name's words. */
function continues(line: string | undefined, statement: number): boolean {
  if (line === undefined || line.trim() === '' || line.length - line.trimStart().length < statement + STATEMENT_INDENT || NOT_A_HOLDER.test(line)) return false;
  FOREIGN_NOT_A_HOLDER.lastIndex = 0;
  if (FOREIGN_NOT_A_HOLDER.test(line)) return false;
  OTHER_SCRIPT_NOT_A_HOLDER.lastIndex = 0;
  return !BEYOND_ASCII.test(line) || !OTHER_SCRIPT_NOT_A_HOLDER.test(line);
}

/** A line's words, and the words of the list marker dropped from its start (none for bullets). */
interface LineWords {
  lead: readonly string[];
  /** The marker is "(a)", "b)", "(2)": an item of a list, unless a sentence runs on into it after ", and". */
  enumerated: boolean;
  words: readonly string[];
}

const NO_WORDS: readonly string[] = [];

// A line that ends inside a sentence: after a comma, or after a word no sentence or heading ends
// with ("the", "of", "under", "version", …). The numbering-like start of the next line is then
// part of the sentence, not a list item. Not "and"/"or": list items end with them ("…; or\n2. …").
const RUNS_ON = /(?:,|\b(?:the|a|an|of|to|under|by|with|for|in|at|on|version))[\s*/#>-]*$/i;

// "(1) copyright the software, and\n(2) offer you this license" (the FSF's GPL-2.0): the second
// item of an enumeration inside one sentence, after a comma and "and"/"or"; a list's items end
// with a semicolon or nothing ("…; and\n(b) …").
const RUNS_ON_ENUMERATED = /,\s*(?:and|or)[\s*/#>-]*$/i;

function runsOn(line: string, enumerated: boolean): boolean {
  return enumerated ? RUNS_ON_ENUMERATED.test(line) : RUNS_ON.test(line);
}

/** The words of one line, before words split by a line break are joined again. */
function wordsOfLine(raw: string, template: boolean, copyright: boolean): LineWords {
  let line = raw;
  if (copyright) {
    line = afterCopyrightStatement(line);
    if (line === '') return { lead: NO_WORDS, enumerated: false, words: NO_WORDS };
  }
  const marker = LIST_MARKER.exec(line);
  const lead = marker ? tokens(marker[0]) : NO_WORDS;
  const enumerated = marker !== null && /[()]/.test(marker[0]);
  if (marker) line = line.slice(marker[0].length);
  if (line.includes('<!--')) line = line.replace(HTML_COMMENT, htmlComment);
  line = line.replace(ANGLE_TEXT, angleText);
  if (template) line = line.replace(TEMPLATE_PLACEHOLDER, ' ');
  return { lead, enumerated, words: tokens(line) };
}

/** Lower-case words of a piece of a line, with their varietal spellings made one (exported for the test holding its ASCII path to the general one). */
export function tokens(text: string): readonly string[] {
  // (Licence texts are mostly ASCII: only a line that is not is folded.)
  if (!NON_ASCII.test(text)) return asciiTokens(text);
  // Apostrophes inside words ("licensor's", "don’t") must not split a word on one side only.
  const words: string[] = [];
  for (const token of folded(text).toLowerCase().replace(/[’'`]/g, '').split(NON_WORD)) {
    if (token !== '') words.push(VARIETAL.get(token) ?? token);
  }
  return words.length > 0 ? words : NO_WORDS;
}

/**
 * {@link tokens} of an ASCII text, in one pass over its character codes: the words are its runs of
 * letters and digits, an apostrophe or backtick inside one taken out without splitting it. The
 * same words as the regular expressions give (a test compares them), at a quarter of their cost:
 * this runs on every line of every licence text a scan reads.
 */
function asciiTokens(text: string): readonly string[] {
  const lower = text.toLowerCase();
  let words: string[] | undefined;
  // The word so far (before an apostrophe), and where its current run of letters began (or -1).
  let word = '';
  let start = -1;
  for (let at = 0; at <= lower.length; at++) {
    const code = at < lower.length ? lower.charCodeAt(at) : 32;
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
      if (start < 0) start = at;
      continue;
    }
    if (start >= 0) {
      word = word === '' ? lower.slice(start, at) : word + lower.slice(start, at);
      start = -1;
    }
    // An apostrophe or backtick joins what stands on either side of it.
    if (code === 39 || code === 96 || word === '') continue;
    (words ??= []).push(VARIETAL.get(word) ?? word);
    word = '';
  }
  return words ?? NO_WORDS;
}

/**
 * Lines remembered with their words. A tree's licence files share most of their lines (hundreds of
 * MIT texts differ in one copyright line), so a line is read once; copyright lines, which differ
 * every time, are not kept. Bounded: about half a kilobyte a line.
 */
const LINE_LIMIT = 8192;
const rememberedLines = new Map<string, LineWords>();

/** The words of a line not yet remembered (`copyright`: it is a copyright line), remembered unless a copyright line. */
function rememberedWordsOfLine(line: string, copyright: boolean): LineWords {
  // A copy: `line` is a slice of the whole file, which the memo must not keep alive.
  const own = (' ' + line).slice(1);
  const words = wordsOfLine(own, false, copyright);
  if (!copyright) {
    if (rememberedLines.size >= LINE_LIMIT) rememberedLines.clear();
    rememberedLines.set(own, words);
  }
  return words;
}

// A copyright statement is a line of its own in most texts, but a re-wrapped paragraph can glue
// licence text to it ("Copyright 2001 by X. Any use of the code is permitted …"). The statement
// ends at its first sentence end or "All rights reserved", and is at most ten words long; the
// same rule on both sides keeps a reference and its re-wrapped copy alike.
const STATEMENT_WORDS = 10;

/**
 * A "Copyright <Name>" line (without year or "(c)") is a statement only when it is one whole, all
 * of it dropped: nothing after the name, and no word that names a licence family ("Copyright Peer
 * Production License" is no holder). Anything else on it keeps every word, as before.
 */
function nameOnly(line: string): boolean {
  if (/[\p{L}\p{N}]/u.test(afterCopyrightStatement(line))) return false;
  for (const word of line.toLowerCase().split(NON_WORD)) if (HOLDER_NOT_WORDS.has(word)) return false;
  return true;
}

// A holder's web or e-mail address ("<tj@vision-media.ca>", "&lt;…&gt;", "https://openjsf.org") is
// part of the statement, however many words it splits into: it counts as none toward the limit.
// (An e-mail address starts where a run of its characters does: from every "." or "+" of a long
// run, each start scanned to its end, and a copyright line of 100 KB took 14 s.)
const ADDRESS = /(?:<|&lt;|\()?(?:(?:https?:\/\/|www\.)[^\s<>()]+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+)(?:>|&gt;|\))?/gi;

/**
 * The first word of a copyright statement that cannot be a holder's (a term glued to it), past a
 * surname that is also such a word: "Copyright (c) 2018 Luca Ban - Mesqueeb" (is-what,
 * copy-anything). "Ban" is a name there: capitalised, after a capitalised given name, and
 * closing the statement or followed only by a dash or comma and one more capitalised name. "Acme
 * Ban Russia" or "Luca Ban, banks excluded" still end the statement at the term.
 */
function holderTerm(masked: string): RegExpExecArray | null {
  NOT_A_HOLDER_EACH.lastIndex = 0;
  let found: RegExpExecArray | null = null;
  for (let term = NOT_A_HOLDER_EACH.exec(masked); term; term = NOT_A_HOLDER_EACH.exec(masked)) {
    if (isSurname(masked, term)) continue;
    found = term;
    break;
  }
  FOREIGN_NOT_A_HOLDER.lastIndex = 0;
  const foreign = FOREIGN_NOT_A_HOLDER.exec(masked);
  if (foreign !== null && (found === null || foreign.index < found.index)) found = foreign;
  if (!BEYOND_ASCII.test(masked)) return found;
  OTHER_SCRIPT_NOT_A_HOLDER.lastIndex = 0;
  const other = OTHER_SCRIPT_NOT_A_HOLDER.exec(masked);
  return other !== null && (found === null || other.index < found.index) ? other : found;
}

/** {@link NOT_A_HOLDER} for each of its words in a statement, built once (statements are read one by one). */
const NOT_A_HOLDER_EACH = new RegExp(NOT_A_HOLDER.source, 'gi');

/**
 * {@link NOT_A_HOLDER}'s words in the other languages whose scripts holders' names are written in:
 * Russian and Ukrainian (not, without, only, commercial, forbidden, permission, use, licence, as
 * stems), Chinese and Japanese (forbid, commerce, non-, only, limit, profit, use), Korean. A
 * holder's name in Cyrillic or Han ("Кир Белевич", "张三") is a name; "Copyright (c) 2020 Acme.
 * Не для коммерческого использования." or "Copyright (c) 2020 山田太郎 商用利用禁止" below an MIT
 * text was dropped with the statement, and the file read as MIT, free. Characters common in names
 * (许, 权) are left out, and payment only as "плата"/"платный" (not Платон); a name that holds one
 * of these is read as words, and the file is unknown.
 */
const OTHER_SCRIPT_NOT_A_HOLDER =
  /(?<!\p{L})(?:не|ни|без|только|лишь|исключительно|тільки|лише|виключно|некоммерч\p{L}*|коммерч\p{L}*|некомерці\p{L}*|комерці\p{L}*|запрещ\p{L}*|заборон\p{L}*|разреш\p{L}*|дозвол\p{L}*|использ\p{L}*|використ\p{L}*|лиценз\p{L}*|ліценз\p{L}*|продаж\p{L}*|плат(?:а|ы|у|ой|е|н\p{L}*))(?!\p{L})|[禁商非仅僅只限営營营]|のみ|利用|使用|상업|금지|비영리|영리|허가|사용|이용|라이선스|라이센스|يمنع|ممنوع|تجاري|التجاري|تجارية|فقط|אסור|מסחרי|בלבד|ห้าม|พาณิชย์|เท่านั้น|निषिद्ध|वर्जित|व्यावसायिक|केवल|απαγορεύεται|εμπορική|εμπορικό|μόνο/gu;

/**
 * The words of terms in the Latin-script languages other-languages.ts lists, in lower case: "Acme,
 * kommerzielle Nutzung verboten" after a holder was dropped with the statement (an MIT text read as
 * MIT, free). Lower case only: "Nur" and "Samo" capitalised are given names ("Copyright 2020 Nur
 * Hassan"); a term opening a sentence ends the statement at its full stop.
 */
const FOREIGN_NOT_A_HOLDER = new RegExp(`(?<![\\p{L}\\p{N}])(?:${FOREIGN_TERM_WORDS.join('|')})(?![\\p{L}\\p{N}])`, 'gu');

/** Any letter outside ASCII: only then can a statement hold a word of {@link OTHER_SCRIPT_NOT_A_HOLDER}. */
const BEYOND_ASCII = /[^\x00-\x7f]/;

/** Whether `term` is "Ban" as a surname: after a capitalised given name, and followed by nothing, or by a dash or comma and one name. */
function isSurname(masked: string, term: RegExpExecArray): boolean {
  return term[0] === 'Ban' && /\p{Lu}\p{Ll}+\s+$/u.test(masked.slice(0, term.index)) && /^(?:\s*|\s*[-–—,]\s*\p{Lu}\p{Ll}*\s*)$/u.test(masked.slice(term.index + 3));
}

function afterCopyrightStatement(line: string): string {
  // Addresses blanked to spaces of the same length, so positions in it are positions in the line.
  // So are tags and placeholders ("<copyright holders>", "<distribution>"): what angle text leaves
  // nothing of holds no term either.
  const addressed = line.includes('@') || line.includes('://') || line.includes('www.') ? line.replace(ADDRESS, (address) => ' '.repeat(address.length)) : line;
  const masked = addressed.includes('<') ? addressed.replace(ANGLE_TEXT, (text) => (angleText(text) === ' ' ? ' '.repeat(text.length) : text)) : addressed;
  // Years and "(c)" count as no words either: "Copyright (c) 2014-2018, 2022 Tyler Kellen, Blaine
  // Bublitz and Eric Schoffstall" is one statement.
  const words = [...masked.matchAll(/[\p{L}\p{N}]+/gu)].filter(([word]) => /\p{L}/u.test(word) && word !== 'c' && word !== 'C');
  const limit = words[STATEMENT_WORDS]?.index ?? line.length;
  // A term glued to the statement ("Copyright 2014 X, not for commercial use") is licence text,
  // never a holder's name: the statement ends before it, whatever ends it later: before its whole
  // word ("non-commercial", not "commercial"), or its clause when a comma or semicolon opens one.
  const term = holderTerm(masked);
  let termStart = line.length;
  if (term) {
    termStart = term.index;
    while (termStart > 0 && /[\w-]/.test(masked[termStart - 1]!)) termStart--;
    const clause = Math.max(masked.lastIndexOf(',', termStart), masked.lastIndexOf(';', termStart));
    if (clause !== -1) termStart = clause + 1;
  }
  const until = (end: number) => line.slice(Math.min(termStart, end));
  // "All rights reserved" ends a statement wherever it is; a full stop only before the limit and
  // before a capital ("Foo Inc. and others" goes on).
  const reserved = /all rights reserved\.?/i.exec(line);
  if (reserved) return until(reserved.index + reserved[0].length);
  // An initial ("Isaac Z. Schlueter") ends no sentence.
  // (A capital of any script, or a letter of a script without capitals, begins one: "Acme. Не для …",
  // "Acme. يمنع …"; so does an ideographic full stop or a danda.)
  const sentence = /(?<!(?:^|[\s.])[A-Z])\.\s+(?=\p{Lu}|\p{Lo})|[。．।]/u.exec(masked);
  if (sentence && sentence.index < limit) return until(sentence.index + sentence[0].length);
  return until(limit);
}

// "sub-license", "sub license" and "non-commercial" are spelt with and without the break.
const JOINABLE_PREFIXES = new Set(['sub', 'non', 'co']);
