// A bundler's licence file: the package's own licence, then a heading such as "# Licenses of
// bundled dependencies" and one section per bundled package or licence text, as rollup's, vite's
// and prettier's LICENSE.md and THIRD-PARTY-NOTICES.md are written (rollup-plugin-license and the
// like) and as Angular's esbuild builder writes third-party licences ("Package: x", "License:
// "MIT"" between rules), and as NumPy's and SciPy's wheels list the libraries they bundle ("This
// binary distribution of NumPy also bundles the following software:", then "Name:", "Files:",
// "License: <SPDX>" stanzas, and after "Full text of license texts referred to above follows" the
// texts between rules). A section is opened by a `##` heading ("## name", or "## MIT (1)" in a
// closing list of licence texts), a "Package:"/"Name:" line, or in such a closing list a rule
// (`----`); it holds metadata lines ("License: X", "By:", "Repository:") and usually the licence
// text or notice, quoted ("> …") or not.
//
// Every bundled licence applies to the artifact, so the expression is the package's own licence
// AND each section's: its License line (read as a declared string, "Apache-2.0/MIT" is an OR), and
// whatever its text names beyond that. Fail closed: a section whose text resembles a licence
// copyfair cannot identify, or that has neither a readable License line nor an identified text,
// or words between sections that read like terms, leave the whole file unknown.
import { formatExpression, parseExpression, type ExpressionNode } from '../evaluate/parse.js';
import { expressionIds, withoutLaterMark } from './expression.js';
import { THRESHOLD } from './find.js';
import { normalise, type Normalised } from './normalise.js';
import { EXCLUDING_WORDS } from './excluding-words.js';
import { RESEMBLES_KNOWN } from './named.js';
import { withoutClosingMarks } from './readme.js';
import { judgeSurrounding, titleOrName } from './surroundings.js';
import type { Identification, LicenceMatch } from './types.js';
import { append } from '../util/arrays.js';
import { sayEach, unexplainedOf } from './unread.js';

const BUNDLED = /^#{1,3}\s+(?:licen[cs]es? (?:of|for) (?:the )?bundled (?:dependencies|packages|code|software)|bundled (?:dependencies|packages)(?: licen[cs]es?)?|third[- ]party (?:licen[cs]es|notices|code|software|libraries|components|software notices(?: and information)?))\s*:?\s*$/im;
// NumPy's and SciPy's wheels (and projects that copied their tooling).
const BUNDLES_SENTENCE = /^[ \t]*this (?:binary |wheel )?distribution of .{1,60}? (?:(?:can|may) )?(?:also )?bundles? the following (?:software|libraries|packages)\b[^\n]{0,40}$/im;
// The closing list of the licence texts the sections named.
const TEXTS_FOLLOW = /^\s*(?:the )?full texts? of (?:the )?licen[cs]es?(?: texts?)? referred to above follows?\b/i;
// (The value starts and ends with a character that is not a space: `\s*(.+?)\s*$` let a run of
// spaces go to either side, and a line of 200,000 took 20 s. So for the other line patterns here.)
const LICENCE_LINE = /^\s*licen[cs]es?(?: type)?:\s*(\S(?:.*\S)?)\s*$/i;
// Metadata beside the License line: who, where, which version, a pointer to the texts below.
const METADATA = /^\s*(?:by|author|authors|contributors|maintainers?|repository|homepage|url|version|name|package|private|description|files|availability|licen[cs]e (?:text|copyright|file)|notice|source)s?:/i;
const CONTRIBUTORS = /^\s*(?:contributors|maintainers|authors):\s*$/i;
const LIST_ITEM = /^\s*[-*] \S/;
const PACKAGE_LINE = /^\s*(?:package|name):\s*(\S(?:.*\S)?)\s*$/i;
const RULE = /^\s*(?:-{3,}|={3,}|\*{3,}|_{3,})\s*$/;
/** An ATX heading's opening marks; its text is read by {@link headingOf}. */
const HEADING_OPEN = /^(#{1,6})\s+/;

/** True when the text is a bundler's licence file. */
export function isBundle(text: string): boolean {
  return bundleLayout(text) !== undefined;
}

/**
 * A bundler's licence file as {@link identifyBundle} reads it: its lines (ruled stanzas rewritten
 * as sections, {@link ruledStanzas}) and the line the bundled sections follow; undefined when the
 * text is not one.
 */
function bundleLayout(text: string): { lines: string[]; first: number } | undefined {
  const lines = text.split(/\r\n|\r|\n/);
  const stanzas = ruledStanzas(lines) ?? starredStanzas(lines) ?? linkedStanzas(lines);
  if (stanzas) return stanzas;
  if (!(BUNDLED.test(text) || BUNDLES_SENTENCE.test(text)) || !(/^[ \t]*licen[cs]es?(?: type)?:[ \t]+\S/im.test(text) || headedSections(text))) return undefined;
  return { lines, first: lines.findIndex((line) => BUNDLED.test(line) || BUNDLES_SENTENCE.test(line)) };
}

/**
 * At least two "##" or "###" headings after the bundled-code heading: sections named by their
 * heading and read from their text (CesiumJS's LICENSE.md: "# Third-Party Code", then "### zip.js",
 * its address and its quoted licence text, for each library).
 */
function headedSections(text: string): boolean {
  const heading = BUNDLED.exec(text);
  if (!heading) return false;
  return (text.slice(heading.index + heading[0].length).match(/^#{2,3}[ \t]+\S/gm)?.length ?? 0) >= 2;
}

/** A rule of `=` (opening a stanza) and of `-` (closing its header), as cargo-about-style notices draw them. */
const EQUALS_RULE = /^[ \t]*={10,}[ \t]*$/;
const DASH_RULE = /^[ \t]*-{10,}[ \t]*$/;
/** The most name lines a stanza's header holds (one crate each: a licence text several share). */
const MAX_STANZA_NAMES = 40;

/**
 * Notices written as stanzas between rules (Next.js's native packages' THIRD-PARTY-NOTICES.txt,
 * made from a Rust build): a line of `=`, the bundled packages' names ("half 2.7.1 (url)"), one a
 * line, "License: MIT", a line of `-`, then the licence text. The lines rewritten as the sections
 * {@link split} reads ("Package: name" and "License: X", the rules blanked, each line where it
 * was), and the index of the first stanza's rule, when there are at least two such stanzas and
 * every `=` rule after a blank line opens one; else undefined. Every other rule is blanked.
 */
function ruledStanzas(lines: readonly string[]): { lines: string[]; first: number } | undefined {
  const out = [...lines];
  let first = -1;
  let stanzas = 0;
  for (let at = 0; at < lines.length; at++) {
    // A rule right under a line of text underlines a title in a licence text (MPL-2.0's "Mozilla
    // Public License Version 2.0", "1. Definitions"): blanked, so that it does not end the section.
    const underline = at > 0 && lines[at - 1]!.trim() !== '';
    if (RULE.test(lines[at]!) && (underline || !EQUALS_RULE.test(lines[at]!))) {
      out[at] = '';
      continue;
    }
    if (!EQUALS_RULE.test(lines[at]!)) continue;
    let end = at + 1;
    while (end < lines.length && end - at <= MAX_STANZA_NAMES + 2 && !DASH_RULE.test(lines[end]!) && !EQUALS_RULE.test(lines[end]!)) end++;
    if (end >= lines.length || !DASH_RULE.test(lines[end]!)) return undefined;
    const header = lines.slice(at + 1, end);
    const licence = header.length >= 2 ? LICENCE_LINE.exec(header[header.length - 1]!) : null;
    const names = header.slice(0, -1);
    if (!licence || names.some((name) => name.trim() === '' || LICENCE_LINE.test(name) || RULE.test(name))) return undefined;
    if (first === -1) first = at;
    stanzas++;
    out[at] = '';
    // The last name heads the section (each "Package:" line opens one, and an empty one is dropped).
    names.forEach((name, index) => (out[at + 1 + index] = index === names.length - 1 ? `Package: ${name.trim()}` : ''));
    out[end] = '';
    at = end;
  }
  return stanzas >= 2 ? { lines: out, first } : undefined;
}

/** A rule of `*` between stanzas, and a stanza's header: the crate's name, then its version and address. */
const STAR_RULE = /^[ \t]*\*{10,}[ \t]*$/;
const STANZA_NAME = /^[ \t]*([A-Za-z0-9@][\w.@/+-]{0,100})[ \t]*$/;
const STANZA_VERSION = /^[ \t]*(v?\d[\w.+-]{0,40})[ \t]+<https?:\/\/[^\s<>]{1,300}>[ \t]*$/;

/**
 * Notices written as stanzas between rules of `*`, each opened by the crate's name and a line of
 * its version and address, then its licence text (AWS's THIRD-PARTY-LICENSES.txt for Rust code
 * compiled to WebAssembly, in @aws/cloudformation-validate, which aws-cdk-lib bundles: "aho-corasick",
 * "1.1.4 <https://github.com/BurntSushi/aho-corasick>", the MIT text, a rule, the next crate …).
 * The lines rewritten as the sections {@link split} reads ("Package: name version", each line where
 * it was), every other rule blanked (the MPL's boxed disclaimer and its title's underline are
 * rules too), and the line before the first stanza, when the file opens with such a header and at
 * least two stanzas have one; else undefined.
 */
function starredStanzas(lines: readonly string[]): { lines: string[]; first: number } | undefined {
  const header = (at: number): boolean => STANZA_NAME.test(lines[at] ?? '') && STANZA_VERSION.test(lines[at + 1] ?? '');
  const opening = lines.findIndex((line) => line.trim() !== '');
  if (opening === -1 || !header(opening)) return undefined;
  const out = [...lines];
  const open = (at: number) => {
    out[at] = `Package: ${lines[at]!.trim()} ${STANZA_VERSION.exec(lines[at + 1]!)![1]}`;
    out[at + 1] = '';
  };
  open(opening);
  let stanzas = 1;
  for (let at = opening + 2; at < lines.length; at++) {
    if (!RULE.test(lines[at]!)) continue;
    out[at] = '';
    if (!STAR_RULE.test(lines[at]!)) continue;
    let next = at + 1;
    while (next < lines.length && lines[next]!.trim() === '') next++;
    if (!header(next)) continue;
    // The rule stays a rule: it closes the stanza above, whose text has no License line to.
    out[at] = lines[at]!;
    open(next);
    stanzas++;
    at = next + 1;
  }
  return stanzas >= 2 ? { lines: out, first: opening - 1 } : undefined;
}

/** A bundled project's line: its name, a dash and its address ("Font Awesome 6 - https://fontawesome.com/"). */
const LINKED_NAME = /^[ \t]*([^\s:#>*-][^:]{0,100}?)[ \t]+[-–—][ \t]+<?https?:\/\/[^\s<>]{1,300}>?[ \t]*$/;
/** A License line's value with the licence's address after it ("MIT https://opensource.org/licenses/MIT"). */
const LINKED_LICENCE = /^[ \t]*licen[cs]es?:[ \t]*(\S.*?)(?:[ \t]+<?https?:\/\/[^\s<>]{1,300}>?)?[ \t]*$/i;
/** Fewer stanzas than this are no list of bundled projects. */
const MIN_LINKED_STANZAS = 3;

/**
 * The projects a package bundles listed below its own licence text as stanzas of a name with its
 * address, then its licence and the licence's address (react-icons' LICENSE, some 25 million
 * downloads a month: its MIT text, a rule, "Icons are taken from the other projects so please check
 * each project licences accordingly.", then "Font Awesome 6 - https://fontawesome.com/" / "License:
 * CC BY 4.0 License https://creativecommons.org/licenses/by/4.0/" for each icon set). The lines
 * rewritten as the sections {@link split} reads ("Package: name", "License: X", each line where it
 * was) and the line of the rule above them (or the line before the first stanza), when there are
 * at least {@link MIN_LINKED_STANZAS} and nothing but stanzas follows the first; else undefined.
 */
function linkedStanzas(lines: readonly string[]): { lines: string[]; first: number } | undefined {
  // (Asked of nearly every licence file a first scan reads: a line without an address is no stanza's.)
  const start = lines.findIndex((line, at) => line.includes('://') && LINKED_NAME.test(line) && LINKED_LICENCE.test(lines[at + 1] ?? ''));
  if (start === -1) return undefined;
  const out = [...lines];
  let stanzas = 0;
  for (let at = start; at < lines.length; at++) {
    if (lines[at]!.trim() === '') continue;
    const name = LINKED_NAME.exec(lines[at]!);
    const licence = LINKED_LICENCE.exec(lines[at + 1] ?? '');
    if (!name || !licence) return undefined;
    out[at] = `Package: ${name[1]!.trim()}`;
    out[at + 1] = `License: ${licence[1]!}`;
    stanzas++;
    at++;
  }
  if (stanzas < MIN_LINKED_STANZAS) return undefined;
  // The words between the package's own text and the stanzas are read as words between sections.
  let first = start - 1;
  while (first > 0 && !RULE.test(lines[first]!)) first--;
  if (first > 0) out[first] = '';
  return { lines: out, first: first > 0 ? first : start - 1 };
}

/**
 * Identifies a bundler's licence file with `identify` for each licence text in it (the package's
 * own, and each section's). Returns undefined when the text is not one.
 */
export function identifyBundle(
  text: string,
  identify: (text: string) => Identification,
  /** Reads a License line as a declared string ("Apache-2.0/MIT"), null when it cannot. */
  readLicence: (value: string) => string | null,
): Identification | undefined {
  const layout = bundleLayout(text);
  if (!layout) return undefined;
  const { lines, first } = layout;
  const unknown = (from: Identification | undefined, matches: LicenceMatch[], reason?: string): Identification => ({
    expression: null,
    matches,
    candidates: from?.candidates ?? [],
    ...(from?.unexplained ? { unexplained: from.unexplained } : {}),
    ...(reason ? { reason: `it lists bundled licences section by section, and ${reason}` } : {}),
  });
  const parts: string[] = [];
  const matches: LicenceMatch[] = [];
  // (Stanzas from the file's first line leave it no text of its own: `first` is -1.)
  const own = readText(lines.slice(0, Math.max(first, 0)), identify);
  if (own.kind === 'unknown') return unknown(own.found, own.found.matches);
  if (own.kind === 'known') {
    parts.push(own.expression);
    append(matches, own.matches);
  }
  const { sections, between } = split(lines, first + 1);
  // Words outside every section (the list of licences below, group titles) may describe; a
  // sentence that restricts or sets a condition there is not dropped.
  for (const stretch of between) {
    const words = normalise(stretch.text).words;
    // A package's description ("A glob matcher, not subject to ReDoS") is the manifest's, not
    // terms: only a restriction in it counts. Other words must say nothing of their own.
    const judged = stretch.description ? judgeDescription(words) : judgeSurrounding(words);
    if (judged === 'restricts' || (judged === 'unclear' && !stretch.description)) {
      const where = stretch.description ? 'a bundled package\'s description' : 'the words between its sections';
      return unknown({ expression: null, matches: [], candidates: [], unexplained: [{ start: stretch.start + 1, end: stretch.end + 1, words: words.join(' ') }] }, matches, `${where} (line ${stretch.start + 1}) read like terms`);
    }
  }
  // The licence texts listed at the end ("# License texts", "## MIT (1)") are the texts of
  // licences the sections above name: they bundle nothing of their own.
  const listed: string[] = [];
  // Every section is read, and each a person must read is named (as in microsoft-notices.ts).
  const unread: { says: string; read?: { found: Identification; at: (line: number) => number } }[] = [];
  for (const section of sections) {
    let declared = section.licence === undefined ? undefined : readLicence(section.licence);
    const heading = declared === undefined && section.licence === undefined && !section.listed ? parseExpression(section.heading) : undefined;
    if (heading?.ok) declared = heading.expression;
    const into = heading?.ok || section.listed ? listed : parts;
    const read = readText(section.body.map((line) => line.text), identify);
    const where = `section "${section.heading}" (line ${section.line + 1})`;
    // A heading names a bundled package; one that also restricts ("## acorn (Not for commercial
    // use)") is not read past.
    if (!section.listed && !isPackageName(section.heading) && !titleOrName(normalise(section.heading).words)) {
      unread.push({ says: `${where} has a heading that reads like terms` });
      continue;
    }
    // A listed exception's text (the GCC Runtime Library Exception) attaches to nothing on its own:
    // it is the text of an exception a section above named in its License line.
    if (read.kind === 'unknown' && section.listed && namedExceptionText(read.found, exceptionsNamed(parts))) continue;
    const at = (line: number) => (section.body[line - 1]?.line ?? section.body[0]?.line ?? 0) + 1;
    if (read.kind === 'unknown') {
      unread.push({ says: `${where} holds a licence text or notice copyfair cannot vouch for`, read: { found: read.found, at } });
      continue;
    }
    // A License line copyfair cannot read, or a section with words and no licence named at all.
    const parsed = declared === undefined || declared === null ? undefined : parseExpression(declared);
    if (declared === null || parsed?.ok === false) {
      unread.push({ says: `${where} has a License line copyfair cannot read ("${section.licence}")` });
      continue;
    }
    if (declared === undefined && read.kind !== 'known') {
      unread.push({ says: `${where} names no licence` });
      continue;
    }
    const named = new Set<string>();
    if (parsed?.ok) {
      into.push(parsed.expression);
      for (const id of ids(parsed.expression)) named.add(id);
    }
    if (read.kind !== 'known') continue;
    if (ids(read.expression).some((id) => !named.has(id))) into.push(read.expression);
    for (const match of read.matches) matches.push({ ...match, start: at(match.start), end: at(match.end) });
  }
  if (unread.length > 0) {
    const unexplained = unexplainedOf(unread.flatMap(({ read }) => (read ? [{ unexplained: read.found.unexplained, at: read.at }] : [])));
    const { unexplained: _first, ...rest } = unknown(unread.find((section) => section.read)?.read?.found, matches, sayEach(unread.map((section) => section.says), 'section'));
    return unexplained.length > 0 ? { ...rest, unexplained } : rest;
  }
  // A listed text of a licence no section names is there for a reason copyfair cannot see: it applies.
  const bundled = new Set(parts.flatMap(ids));
  for (const text of listed) if (ids(text).some((id) => !bundled.has(id))) parts.push(text);
  const expression = conjunction(parts);
  if (!expression) return unknown(undefined, matches);
  // The package's own licence (its text above the heading) apart from the bundled code's, so that
  // a scan reads the one against the declaration and adds the other as parts.
  const ownExpression = own.kind === 'known' ? own.expression : null;
  return { expression, matches, candidates: [], bundle: { own: ownExpression, bundled: conjunction(ownExpression === null ? parts : parts.slice(1)) ?? null } };
}

/**
 * Words of use and rights: a package's description that holds none of them describes what the
 * code does ("Computes the longest prefix string that is common to each path, excluding the base
 * component"), and an excluding word there leaves out no one. With one of them ("Free for all,
 * excluding Amazon", "Not for commercial use") the description is judged as any words beside a
 * licence are.
 */
const USE_OR_RIGHTS = /\b(?:use|uses|used|using|usage|users?|licen[cs]e[ds]?|licen[cs]ing|grant(?:s|ed)?|permission|permitted|rights?|free|freely|commercial(?:ly)?|copy|copying|distribut(?:e|es|ed|ion)|redistribut(?:e|es|ed|ion)|sell|sale|allowed|persons?|people|anyone|companies|company|organi[sz]ations?|governments?|entities|entity)\b/;
const EXCLUDING = new RegExp(`\\b(?:${EXCLUDING_WORDS.join('|')})\\b`, 'g');

/** How a bundled package's description reads (see {@link USE_OR_RIGHTS}). */
function judgeDescription(words: readonly string[]): ReturnType<typeof judgeSurrounding> {
  const joined = words.join(' ');
  if (USE_OR_RIGHTS.test(joined)) return judgeSurrounding(words);
  return judgeSurrounding(joined.replace(EXCLUDING, ' ').split(' ').filter((word) => word !== ''));
}

/**
 * An npm package's name and version as rollup-plugin-license writes them in a heading
 * ("editorconfig-without-wasm@v0.2.1", "@babel/code-frame@v8.0.6"): one token, no spaces, a name
 * only (its words are the package's, and its licence is read from the section).
 */
const PACKAGE_HEADING = /^(?:@[a-z0-9~][\w.~-]*\/)?[a-z0-9~][\w.~-]*@v?\d+\.\d+\.\d+[\w.+-]*$/i;

function isPackageName(heading: string): boolean {
  return PACKAGE_HEADING.test(heading);
}

/** The parts ANDed, each licence or choice once however it was written ("MIT/Apache-2.0", "Apache-2.0 OR MIT"). */
function conjunction(parts: string[]): string | undefined {
  if (parts.length === 0) return undefined;
  const combined = parseExpression(unique(parts).map((part) => (/\s/.test(part) ? `(${part})` : part)).join(' AND '));
  if (!combined.ok) return undefined;
  if (combined.tree.kind !== 'and') return formatExpression(combined.tree);
  const seen = new Set<string>();
  const children = combined.tree.children.filter((child) => !seen.has(keyOf(child)) && Boolean(seen.add(keyOf(child))));
  return formatExpression(children.length === 1 ? children[0]! : { kind: 'and', children });
}

/** The same key for the same licences in any order. */
function keyOf(node: ExpressionNode): string {
  if (node.kind === 'licence') return `${node.id}${node.orLater ? '+' : ''}${node.exception ? ` WITH ${node.exception}` : ''}`;
  return `${node.kind}(${node.children.map(keyOf).sort().join(',')})`;
}

type TextReading =
  /** No words that resemble a licence: a copyright line, a description, nothing. */
  | { kind: 'none' }
  | { kind: 'known'; expression: string; matches: LicenceMatch[] }
  /** Words that resemble a licence copyfair cannot vouch for. */
  | { kind: 'unknown'; found: Identification };

/** What a section's text (or the package's own part) says. */
function readText(lines: string[], identify: (text: string) => Identification): TextReading {
  const text = lines.join('\n');
  const normalised = normalise(text);
  if (normalised.words.length === 0) return { kind: 'none' };
  const found = identify(text);
  if (found.expression !== null) return { kind: 'known', expression: found.expression, matches: found.matches };
  const noticeOnly = readsAsNotices(found, normalised);
  if (noticeOnly) return { kind: 'known', expression: noticeOnly, matches: found.matches };
  // A quoted copyright line alone (rollup quotes each package's notice and lists the licence
  // texts once, at the end) holds no licence; a text that resembles one copyfair cannot name does.
  const licenceLike = found.matches.length > 0 || found.unexplained !== undefined || found.candidates.some((candidate) => candidate.confidence >= RESEMBLES_KNOWN);
  return licenceLike ? { kind: 'unknown', found } : { kind: 'none' };
}

/**
 * A section's notice that the notice reader left open only for its length ("Licensed under the
 * Apache License (Version 2.0), or the MIT license … Test code is dedicated to the Public Domain
 * …"): a bundle section already states its licence on its License line, so a notice there cannot
 * be a mere mention; what must still hold is that no word beside the notices restricts or sets a
 * condition (the rule for words around a known text, surroundings.ts). The licences named are
 * ANDed, the safe reading.
 */
function readsAsNotices(found: Identification, normalised: Normalised): string | undefined {
  if (found.matches.length === 0 || found.invalid || found.matches.some((match) => match.via === undefined || match.via === 'terms' || match.doubt)) return undefined;
  if (found.candidates.some((candidate) => candidate.confidence >= RESEMBLES_KNOWN)) return undefined;
  if (!(found.unexplained ?? []).every((stretch) => judgeSurrounding(stretch.words.split(' ')) === 'benign')) return undefined;
  if (offersEitherOfTwo(found, normalised)) return unique(found.matches.map((match) => match.id)).join(' OR ');
  return conjunction(found.matches.map((match) => match.id));
}

/**
 * Whether a section's notices are an offer of two licences: "… under the terms of either: a) the
 * Apache License Version 2.0, or b) the Mozilla Public License Version 2.0", then the notice of
 * one of them (DOMPurify's, as CesiumJS's LICENSE.md quotes it, which the notice reader leaves open
 * as a list: ScanCode's warranty-disclaimer rule counts as a licence there). The words offer the
 * choice above every match, and exactly two licences are named; with a third, all apply.
 */
function offersEitherOfTwo(found: Identification, { words, lines }: Normalised): boolean {
  const ids = unique(found.matches.map((match) => match.id));
  if (ids.length !== 2 || ids.some((id) => /\s/.test(id))) return false;
  for (let at = 0; at + 2 < words.length; at++) {
    if (words[at] !== 'terms' || words[at + 1] !== 'of' || words[at + 2] !== 'either') continue;
    return found.matches.every((match) => match.start >= lines[at]!);
  }
  return false;
}

/** The exceptions the expressions attach with WITH. */
function exceptionsNamed(parts: readonly string[]): Set<string> {
  return new Set(parts.flatMap((part) => [...part.matchAll(/\bWITH\s+([\w.+-]+)/g)].map((found) => found[1]!)));
}

/** Whether a listed text is only exceptions, each matched with confidence and attached by a section above. */
function namedExceptionText(found: Identification, exceptions: ReadonlySet<string>): boolean {
  if (found.matches.length === 0 || found.unexplained || found.invalid) return false;
  return found.matches.every((match) => match.confidence >= THRESHOLD && !match.doubt && exceptions.has(match.id));
}

/** Lines outside every section, 0-based. */
interface Stretch {
  text: string;
  start: number;
  end: number;
  /** Lines above a section's License line: the package's description. */
  description?: boolean;
}

interface Section {
  /** The "## …" heading or "Package:" name: a package, or a licence id in a list of licence texts. */
  heading: string;
  /** Where the section starts, 0-based. */
  line: number;
  /** The License line's value, when the section has one. */
  licence?: string;
  /** The section's text without metadata and quote marks, each line with its 0-based line in the file. */
  body: { text: string; line: number }[];
  /** A text of the closing list after "Full text of license texts referred to above follows". */
  listed?: true;
}

/** The sections after line `from`, and the lines outside every section that hold words. */
function split(lines: string[], from: number): { sections: Section[]; between: Stretch[] } {
  const sections: Section[] = [];
  const between: Stretch[] = [];
  let current: (Section & { beforeLicence: number; fromHeading?: true }) | undefined;
  // After "Full text of license texts referred to above follows", each rule opens a listed text,
  // until a "Name:" stanza starts again (NumPy lists libquadmath after the texts).
  let listing = false;
  let contributors = false;
  const close = () => {
    // Lines before the License line are the package's description (prettier's notices): read
    // like the words between sections, not as the licence text.
    if (current?.licence !== undefined) {
      const description = current.body.splice(0, current.beforeLicence).filter((line) => line.text.trim() !== '');
      if (description.length > 0) between.push({ text: description.map((line) => line.text).join('\n'), start: description[0]!.line, end: description[description.length - 1]!.line, description: true });
    }
    // A "## name" heading with neither a License line nor text is kept: it names a bundled package
    // and says nothing of its licence.
    if (current?.listed) current.heading = current.body.find((line) => line.text.trim() !== '')?.text.trim() ?? 'listed text';
    if (current && (current.licence !== undefined || current.fromHeading || current.body.some((line) => line.text.trim() !== ''))) sections.push(current);
    current = undefined;
  };
  for (let at = from; at < lines.length; at++) {
    const line = lines[at]!;
    const heading = headingOf(line);
    if (heading) {
      close();
      // "# Bundled Rust dependencies", "# License texts": group titles, not sections; so is a
      // second-level title of the same kind (prettier 2's "## Bundled dependencies" below its
      // "## Licenses of bundled dependencies").
      if (heading[1]!.length > 1 && !BUNDLED.test(line)) current = { heading: withoutCount(heading[2]), line: at, body: [], beforeLicence: 0, fromHeading: true };
      continue;
    }
    if (RULE.test(line)) {
      close();
      if (listing) current = { heading: '', line: at, body: [], beforeLicence: 0, listed: true };
      continue;
    }
    const pkg = PACKAGE_LINE.exec(line);
    // A "Name:" line opens a section, and after a section of its own kind that has its License line
    // (stanzas one after another, NumPy's), or a listed text, the next.
    if (pkg && (!current || (current.licence === undefined && current.body.length === 0) || current.listed || (current.licence !== undefined && !current.fromHeading))) {
      close();
      listing = false;
      current = { heading: pkg[1]!, line: at, body: [], beforeLicence: 0 };
      continue;
    }
    if (!current) {
      if (line.trim() === '') continue;
      if (TEXTS_FOLLOW.test(line)) listing = true;
      const last = between[between.length - 1];
      if (last && last.end === at - 1) {
        last.text += `\n${line}`;
        last.end = at;
      } else between.push({ text: line, start: at, end: at });
      continue;
    }
    const licence = LICENCE_LINE.exec(line);
    if (licence && current.licence === undefined) {
      current.licence = licence[1]!.replace(/^["'`]|["'`]$/g, '');
      current.beforeLicence = current.body.length;
      continue;
    }
    if (METADATA.test(line)) {
      // "Contributors:", then one "- Name <mail> (url)" line each (prettier's notices): names,
      // not the licence's text.
      contributors = CONTRIBUTORS.test(line);
      continue;
    }
    if (contributors && LIST_ITEM.test(line)) continue;
    contributors = false;
    current.body.push({ text: line.replace(/^\s*> ?/, ''), line: at });
  }
  close();
  return { sections, between };
}

function ids(expression: string): string[] {
  return expressionIds(expression).map(withoutLaterMark);
}

function unique(parts: string[]): string[] {
  return [...new Set(parts)];
}

/** An ATX heading's marks and its text without the closing marks ({@link withoutClosingMarks}); undefined for any other line. */
function headingOf(line: string): [string, string, string] | undefined {
  const open = HEADING_OPEN.exec(line);
  return open ? [line, open[1]!, withoutClosingMarks(line.slice(open[0].length))] : undefined;
}

/** A heading's text without the count the closing list of texts gives it ("MIT (1)" → "MIT"). */
function withoutCount(title: string): string {
  const counted = /\(\d+\)$/.exec(title);
  return counted ? title.slice(0, counted.index).trimEnd() : title;
}
