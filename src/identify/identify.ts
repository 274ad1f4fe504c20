// Identification of one text: normalise, find the known texts in it, settle the ids the words
// decide (near twins, "or later" grants, Hippocratic modules), read parameters, and combine the
// matches into one SPDX expression. Pure: text in, data out.
import { loadCorpus, type Corpus } from './corpus.js';
import { withoutContributorAgreements } from './contributor-agreements.js';
import { combine, conjunction, expressionIds, offersChoice } from './expression.js';
import { findAll, THRESHOLD, type FindOptions, type Found } from './find.js';
import { FileText, memoFor } from './memo.js';
import { normalise, type Normalised } from './normalise.js';
import { identifyNamed } from './named.js';
import { isDependencyNotice } from './dependency-notices.js';
import { voluntaryRequest } from './requests.js';
import { knownTranslation, officialTranslation } from './translations.js';
import { holdsKnownFileMarker, knownFile, knownStatement } from './known-statements.js';
import { identifiersBeside, noticesBeside, strayGrant, type MentionBeside, type NoticeBeside } from './beside.js';
import { readParameters } from './parameters.js';
import { unexplainedRuns } from './insertions.js';
import { refineId, type MatchContext } from './refine.js';
import { COMMERCIAL_LICENCE, judgeSurrounding, makesException, offersCommercialChoice, setsTerms, titleOrName } from './surroundings.js';
import { has, SHINGLE_SIZE, shinglesAt } from './shingles.js';
import { familyOf, namesOtherLicence } from './notices.js';
import { FAMILY_WORDS, familiesOfId, familyOfName, namesFamilyBesides } from './family-words.js';
import type { Identification, LicenceMatch, MatchDoubt } from './types.js';
import { append } from '../util/arrays.js';
import { withDirectionOverrides } from './direction-overrides.js';

/** Identifies the licence(s) in `text`. Loads the corpus on first use. */
export function identifyText(text: string): Identification {
  return withDirectionOverrides(identifyWith(text, loadCorpus()), text);
}

/** {@link identifyText} against a given corpus, with measurement options (tests, benchmarks). */
export function identifyWith(text: string, corpus: Corpus, options: FindOptions = {}): Identification {
  const threshold = options.threshold ?? THRESHOLD;
  const normalised = normalise(text);
  // Measurement options bypass the memo.
  const memo = Object.keys(options).length > 0 ? undefined : memoFor(normalised, corpus);
  const remembered = memo?.answer();
  if (remembered) return remembered;
  // A licence's official text in another language, whole and word for word (translations.ts).
  const official = officialTranslation(normalised.words);
  if (official !== undefined) return wholeFile(normalised, official.id);
  // A whole file known word for word, whose pointer copyfair has read for it (known-statements.ts).
  const knownWhole = asKnownFile(normalised);
  if (knownWhole !== undefined) return knownWhole;
  const findings = memo ? memo.findings(() => findAll(normalised, corpus)) : findAll(normalised, corpus, options);
  // The text itself only through `file`, which notes that it was read (see memo.ts).
  const file = new FileText(text);
  const matches: LicenceMatch[] = [];
  // Only GNU texts need the notices; computing them lazily keeps the common case cheap.
  let notices: string | undefined;
  const noticesOf = () => (notices ??= noticeText(normalised, findings.found, findings.covered));
  for (const found of findings.found) {
    const start = normalised.lines[found.from] ?? 1;
    const end = normalised.lines[Math.min(found.to, normalised.lines.length - 1)] ?? start;
    const context: MatchContext = {
      get excerpt() {
        return file.excerpt(start, end);
      },
      get whole() {
        return file.whole();
      },
      notices: noticesOf,
    };
    const id = refineId(corpus.entries[found.entry]!.id, context);
    const match: LicenceMatch = { id, confidence: round(found.dice), start, end };
    const doubt = doubtOf(found, corpus);
    if (doubt) match.doubt = doubt;
    const parameters = readParameters(id, context);
    if (parameters) match.parameters = parameters;
    matches.push(match);
  }
  const confident = matches.filter((match) => match.confidence >= threshold && !match.doubt);
  const outside = outsideText(normalised, findings.covered);
  const isException = (id: string) => corpus.entries[corpus.byId.get(id) ?? -1]?.kind === 'exception';
  const nearest = findings.nearMiss && findings.found.length > 0 ? [findings.nearMiss] : findings.nearest;
  const candidates: Identification['candidates'] = [];
  for (const located of nearest) {
    const id = corpus.entries[located.entry]!.id;
    // A text and its copy without end text share an id: list it once, with its best score.
    if (!candidates.some((candidate) => candidate.id === id)) candidates.push({ id, confidence: round(located.dice) });
  }
  // No known text at all: the file may name its licence instead (a notice, a tag, an SPDX line,
  // proprietary or commercial terms). An exception's text alone names no licence to attach it
  // to; a notice that holds it whole ("GPL-2.0-or-later WITH Libtool-exception") still does.
  const exceptionsOnly = findings.found.length > 0 && findings.found.every((found) => corpus.entries[found.entry]!.kind === 'exception');
  if (findings.found.length === 0 || exceptionsOnly) {
    const named = identifyNamed(file.whole(), normalised, exceptionsOnly ? 0 : (candidates[0]?.confidence ?? 0));
    if (named && (!exceptionsOnly || named.expression !== null)) return { ...named, candidates };
  }
  const matchedIds = matches.map((match) => match.id);
  // Notices beside the known texts grant licences of their own (beside.ts); their words are then
  // explained, and the words around them are judged as before.
  // BUSL's parameters block names its Change License: a parameter of the match, not a grant.
  const readNotices = confident.length > 0 && !readsAsParameters(matches);
  const { notices: beside, mentions } = readNotices ? noticesBeside(normalised, findings.covered, matchedIds) : { notices: [], mentions: [] };
  // `SPDX-License-Identifier:` lines beside the known texts state the file's licence as well: one
  // naming another licence applies too (AND); one that does not parse leaves the file unknown.
  const identifiers = readNotices ? identifiersBeside(file, normalised, findings.covered, findings.found, corpus, matchedIds) : { notices: [], invalid: [] };
  append(beside, identifiers.notices);
  // A logo's licence only where the text says so in one sentence (beside.ts read the words alone).
  for (const notice of beside) if (notice.logo && !logoGrantedInOneSentence(file, notice.match.start)) delete notice.logo;
  let commercial: { start: number; end: number } | undefined;
  let dependencyNotice: { words: string; start: number; end: number } | undefined;
  let request: { words: string; start: number; end: number } | undefined;
  // The non-permissive families the file states (its texts and the notices granted beside them).
  let stated: ReadonlySet<string> | undefined;
  // (With the words of their ids: CNRI-Python-GPL-Compatible's title names the GPL.)
  const statedFamilies = () => {
    if (stated) return stated;
    const ids = [...matchedIds, ...beside.filter((notice) => !notice.restates).map((notice) => notice.match.id)].flatMap(expressionIds);
    return (stated = new Set([...ids.flatMap(familiesOfId), ...ids.flatMap((id) => id.split('-'))]));
  };
  // The families the matched texts' own words name (SSLeay's names the GNU General Public License):
  // words at a match's edge naming one of them are its own, not another licence's name.
  let named: ReadonlySet<string> | undefined;
  const ownFamilies = () => {
    if (named) return named;
    const families = findings.found.flatMap((found) => (corpus.entries[found.entry]!.familyWords ?? []).map((word) => familyOfName([word], 0)));
    return (named = new Set([...statedFamilies(), ...families.filter((family): family is string => family !== undefined)]));
  };
  const unexplained = unexplainedRuns(normalised, findings.covered, (all, start, end, from) => {
    // A copyleft, source-available, non-commercial or proprietary licence named with a few words
    // outside the texts and not granted by a notice: a title ("AGPL" above an MIT text), a part's
    // licence ("Icons: CC BY-NC 4.0", "Fonts: GPL-3.0" below it). Each read as MIT, free, in the
    // eighteenth session; which terms hold for what is for a person to read. (Longer stretches are
    // read by the rules below: a GPL text's own advice on the LGPL, a logo's licence, a notice of
    // a dependency outside the package.)
    // (The family first: most runs name none, and counting a run's own words walks every span.)
    // (And any other licence a rule names by a short name or tag, "Docs: MS-RL": notices.ts.)
    const besides = withoutNotices(all, from, beside);
    if ((namesFamilyBesides(besides, statedFamilies()) || namesOtherLicence(besides, ownFamilies())) && ownWordCount(all, from, mentions, beside) <= NAMING_RUN_WORDS) return false;
    // A few words are a title or a name, unless they negate, restrict or make an exception ("No"
    // above "Permission is hereby granted", "Non-commercial", "Except Amazon.").
    if (all.length < SHORT_RUN_WORDS) return titleOrName(all);
    // A run that opens the file and goes on below its first line: the title's words, on that line,
    // open it (0 for any other run).
    let titleWords = 0;
    if (from === 0 && start !== end) while (normalised.lines[from + titleWords] === start) titleWords++;
    // The file's title and a few words on the lines below it, before the licence's text, are a
    // title and a line of their own: "MIT License" over "No Amazon." read as MIT, free.
    if (titleWords > 0 && all.length - titleWords < SHORT_RUN_WORDS && !titleOrName(all.slice(titleWords))) return false;
    // A known translation of a licence the file's texts grant, word for word (translations.ts).
    if (knownTranslation(all, matchedIds) !== undefined) return true;
    // A known statement of which part is under which of the licences the file grants (known-statements.ts).
    if (knownStatement(all, [...matchedIds, ...beside.map((notice) => notice.match.id)]) !== undefined) return true;
    // A notice about a dependency outside the package, under its own licence: another component's
    // (dependency-notices.ts), reported with the identification.
    if (confident.length > 0 && isDependencyNotice(all)) {
      dependencyNotice ??= { words: all.join(' '), start, end };
      return true;
    }
    if (namesOtherTerms(all, from, mentions, beside)) return false;
    // A request for payment the licence says is not required (requests.ts): reported, not a term.
    const asked = confident.length > 0 ? voluntaryRequest(all, normalised.lines.slice(from, from + all.length)) : undefined;
    if (asked) request ??= { words: asked.words, start: normalised.lines[from + asked.from] ?? start, end: normalised.lines[from + asked.to] ?? end };
    const words = withoutNotices(asked ? all.map((word, at) => (at >= asked.from && at <= asked.to ? '|' : word)) : all, from, beside);
    // What is left beside a notice is judged as any run is, a few words as a short run.
    const rest = words.filter((word) => word !== '|');
    if (rest.length < SHORT_RUN_WORDS) return titleOrName(rest);
    if (!commercial && offersCommercialChoice(words, matchedIds)) {
      commercial = { start, end };
      return true;
    }
    // Restricting words are never dropped, except where they are read as the parameters of the
    // matched licence (BUSL's Additional Use Grant, reported with the match).
    const judged = judgeSurrounding(words);
    if (judged === 'restricts') return readsAsParameters(matches) || ownText(words, findings.found, corpus);
    // The lines below the file's title are a stretch of their own, which a term may open: "MIT
    // License" over "NOTE: Other than Amazon." read as MIT, free (a stretch that opens with "other
    // than" excepts someone; after the title's words it reads as prose).
    // (Not where a notice beside the run made one mark of its words: the positions moved.)
    if (titleWords > 0 && words.length === all.length && all.length - titleWords >= SHORT_RUN_WORDS) {
      const below = words.slice(titleWords);
      if (judgeSurrounding(below) === 'restricts') return readsAsParameters(matches) || ownText(below, findings.found, corpus);
    }
    // A run whose words are benign may still be mostly the licence's own words with a few of its
    // own between them, which are read as a few words alone are: "No Amazon." between Apache's
    // header lines. (Not a run that only names licences: "… covered by one of three licences: the
    // GNU Affero General Public License v3.0 only, …".)
    if (judged === 'benign') {
      const covered = ownWords(words, findings.found, corpus);
      return !mostlyOwn(covered) || ownStretchesSayNothing(words, covered.own);
    }
    return explainedBy(words, findings.found, corpus, matches);
  }, 1);
  // One match in doubt, a stretch resembling a licence it cannot name, or terms no match explains
  // make the whole expression unknown: a partial answer reads as complete.
  const known =
    confident.length > 0 && confident.length === matches.length && unexplained.length === 0 && !findings.nearMiss;
  let expression = known && identifiers.invalid.length === 0 ? combineWithNotices(confident, beside, outside, isException) : null;
  // A contributor agreement beside a licence text says nothing to users (contributor-agreements.ts).
  // Here the file holds a known licence text (`known`); a file of notices alone, an agreement among
  // them, is read by identifyNamed above and keeps it.
  if (expression !== null) expression = withoutContributorAgreements(expression);
  // "This file is licensed under the GPL-3.0" beside an MIT text, in words no notice rule reads, or
  // inside the match where a template's copyright line took it: another licence granted, never
  // dropped as a description.
  // (BUSL's parameters block names its Change License: a parameter, read with the match.)
  const stray = expression === null || readsAsParameters(matches) ? undefined : strayGrant(normalised, findings, corpus, [...matchedIds, ...beside.map((notice) => notice.match.id)], beside);
  // The dependency's own licence, named in its notice, is that component's grant, not this file's.
  const aboutDependency = stray !== undefined && dependencyNotice !== undefined && stray.start >= dependencyNotice.start && stray.end <= dependencyNotice.end;
  if (stray && !aboutDependency) {
    expression = null;
    unexplained.push(stray);
  }
  append(matches, beside.map((notice) => notice.match));
  matches.sort((a, b) => a.start - b.start);
  // A dual-licensing offer beside a copyleft text: the copyleft licence or a commercial one.
  if (expression && commercial) {
    expression = `${expression.includes(' ') ? `(${expression})` : expression} OR ${COMMERCIAL_LICENCE}`;
    matches.push({ id: COMMERCIAL_LICENCE, confidence: 1, ...commercial });
  }
  const identification: Identification = { expression, matches, candidates };
  if (unexplained.length > 0) identification.unexplained = unexplained;
  if (identifiers.invalid.length > 0) identification.invalid = identifiers.invalid;
  // A notice saying the dependencies keep their own licences (beside.ts) tells of other components too.
  const dependencies = beside.find((notice) => notice.dependencies !== undefined);
  if (dependencyNotice === undefined && dependencies !== undefined) dependencyNotice = { words: normalised.words.slice(dependencies.dependencies, dependencies.to + 1).join(' '), start: dependencies.match.start, end: dependencies.match.end };
  if (dependencyNotice !== undefined && expression !== null) identification.dependencyNotice = dependencyNotice.words;
  if (request !== undefined && expression !== null) identification.request = request;
  const logos = beside.filter((notice) => notice.logo);
  const logo = expression === null ? undefined : conjunction(logos.map((notice) => notice.match.id));
  if (logo !== undefined) identification.logo = { expression: logo, start: logos[0]!.match.start, end: logos.at(-1)!.match.end };
  return memo ? memo.keep(identification, file) : identification;
}

/**
 * A whole licence file known word for word (known-statements.ts) that the readers of bundles and
 * offers would take first: looked up before them, and only when the text holds its marker.
 */
export function identifyKnownFile(text: string): Identification | undefined {
  return holdsKnownFileMarker(text) ? asKnownFile(normalise(text)) : undefined;
}

/** The identification of a whole file known word for word, as its entry says; undefined when it is none. */
function asKnownFile(normalised: Normalised): Identification | undefined {
  const known = knownFile(normalised.words);
  return known && wholeFile(normalised, known.expression, { via: 'notice', rule: `copyfair:known-file (${known.source})` });
}

/** A whole file known word for word: `expression`, each of its licences over all its lines, read as `how` says (a text when it says nothing). */
function wholeFile(normalised: Normalised, expression: string, how: Pick<LicenceMatch, 'via' | 'rule'> = {}): Identification {
  const start = normalised.lines[0] ?? 1;
  const end = normalised.lines.at(-1) ?? 1;
  return { expression, matches: expressionIds(expression).map((id) => ({ id, confidence: 1, start, end, ...how })), candidates: [] };
}

/** How many lines above a notice's first line the logo it is granted for may be named. */
const LOGO_LINES = 3;

/**
 * Whether the last "logo" in the lines up to a notice's first line (`line`) and the first grant word
 * after it ("licensed", "released", "available", "distributed") stand in one sentence: glob 7's
 * "Glob's logo created by Tanya Brassie <http://tanyabrassie.com/>, licensed under …". Not "The
 * Acme logo is a registered trademark of Acme Corp. Licensed under the GNU General Public License
 * v3.0": there the licence is the work's (beside.ts `aboutLogo` reads normalised words, which keep
 * no full stops).
 */
function logoGrantedInOneSentence(file: FileText, line: number): boolean {
  const lines = file.excerpt(Math.max(1, line - LOGO_LINES), line).replace(/\n/g, ' ');
  const logos = [...lines.matchAll(/\blogos?\b/gi)];
  if (logos.length === 0) return false;
  const rest = lines.slice(logos.at(-1)!.index!);
  const grant = rest.search(/\b(?:licen[cs]ed|released|available|distributed)\b/i);
  return grant !== -1 && !/[.!?;](?:\s|$)/.test(rest.slice(0, grant));
}

/**
 * The expression of the known texts and the notices beside them: a notice whose own sentence offers
 * the choice is one more branch of the choice the file offers; any other notice applies as well (AND).
 */
function combineWithNotices(
  confident: readonly LicenceMatch[],
  notices: readonly NoticeBeside[],
  outside: string,
  isException: (id: string) => boolean,
): string | null {
  // A notice offering the choice between exactly the texts found (beside.ts): the texts are its
  // branches, and nothing else is said.
  // A notice that only restates the licences the file grants adds nothing (beside.ts).
  // A notice granting its licence for the logo alone is the logo's (Identification.logo), not the code's.
  // One saying the dependencies keep their own licences is about other components (Identification.dependencyNotice).
  const beside = notices.filter((notice) => !notice.restates && !notice.logo && notice.dependencies === undefined);
  const among = beside.find((notice) => notice.among);
  if (among && beside.length === 1) return among.match.id;
  // A notice offering the choice itself ("GPL-2.0-only OR BSD-3-Clause") gives each of its branches.
  const offered = beside.filter((notice) => notice.choice).flatMap((notice) =>
    /^[^()]+$/.test(notice.match.id) && !/ AND | WITH /.test(notice.match.id)
      ? notice.match.id.split(' OR ').map((id) => ({ ...notice.match, id }))
      : [{ ...notice.match, id: `(${notice.match.id})` }],
  );
  const branches = [...confident, ...offered].sort((a, b) => a.start - b.start);
  // A notice that is one branch and the file's one licence text the other (beside.ts): their OR,
  // whatever words the file has for a choice. With more texts, which one "the license below" is, is
  // a person's to read: the reading below.
  if (beside.length === 1 && beside[0]!.orText && confident.length === 1 && !isException(confident[0]!.id)) return branches.map((branch) => branch.id).join(' OR ');
  const expression = combine(branches, outside, isException);
  const also = beside.filter((notice) => !notice.choice).map((notice) => notice.match.id);
  if (expression === null || also.length === 0) return expression;
  const parts = [...new Set([expression, ...also])];
  return parts.length === 1 ? expression : parts.map((part) => (part.includes(' ') ? `(${part})` : part)).join(' AND ');
}

// Words by which a stretch sets parts of the work apart: "with the exception of the following files".
const SETS_APART =
  /\b(?:with the exception of|except(?: for)?(?: the| those| these| some)? (?:following|files?|parts?|portions?|directories|folders?|modules?|components?|code))\b/;
/**
 * A run of at most this many words of its own (besides the licence names a notice rule read in it)
 * naming another licence family is a title or a part's licence line ("Icons:", "The icons are");
 * a sentence that names one ("This library works well with GPL projects") is read as before.
 */
const NAMING_RUN_WORDS = 4;
/** Runs of fewer words outside the matches are titles and names unless they negate, restrict or except someone (titleOrName). */
const SHORT_RUN_WORDS = 4;
/** More other licences than this named in one stretch make it a list of the parts' licences. */
const MAX_OTHER_LICENCES = 3;

/**
 * Whether a run names licences other than those found as the terms of parts of the work: one beside
 * words that set parts apart ("… with the exception of PngEncoder.java (Artistic License)"), or a
 * list of several ("the libraries we depend on, by licence: Apache License 2.0 …, LGPL …"). Which
 * parts, and whether they ship, is for a person to read.
 */
function namesOtherTerms(words: readonly string[], from: number, mentions: readonly MentionBeside[], notices: readonly NoticeBeside[]): boolean {
  const within = (span: { from: number; to: number }) => span.from >= from && span.to < from + words.length;
  const inside = mentions.filter(within);
  const named = new Set([...inside.map((mention) => mention.family), ...notices.filter(within).map((notice) => familyOf(notice.match.id))]);
  if (named.size > MAX_OTHER_LICENCES) return true;
  return inside.length > 0 && SETS_APART.test(words.join(' '));
}

/** Words of licence names and their addresses, which a run's own words do not count. */
const NAME_WORDS = new Set([...FAMILY_WORDS, 'cc', 'by', 'license', 'licence', 'licenses', 'licences', 'version', 'v', 'http', 'https', 'www', 'org', 'com', 'creativecommons', 'gnu']);

/** How many of a run's words are its own: not a notice's, nor a licence's name or address (the address of "CC BY-NC-SA 3.0" adds a dozen). */
function ownWordCount(words: readonly string[], from: number, mentions: readonly MentionBeside[], notices: readonly NoticeBeside[]): number {
  const spans = [...mentions, ...notices];
  let count = 0;
  words.forEach((word, offset) => {
    const at = from + offset;
    if (!NAME_WORDS.has(word) && !/^\d+$/.test(word) && !spans.some((span) => at >= span.from && at <= span.to)) count++;
  });
  return count;
}

/** A run's words without the notices beside a known text in it, each replaced by a break. */
function withoutNotices(words: string[], from: number, beside: readonly NoticeBeside[]): string[] {
  const inside = beside.filter((notice) => notice.to >= from && notice.from < from + words.length);
  if (inside.length === 0) return words;
  const kept: string[] = [];
  words.forEach((word, offset) => {
    const position = from + offset;
    const notice = inside.find((candidate) => position >= candidate.from && position <= candidate.to);
    if (!notice) kept.push(word);
    else if (position === notice.from) kept.push('|');
  });
  return kept;
}

/**
 * A match whose near twin the text could not rule out, or with a term of its own inserted, is
 * never reported as the licence: the text is then a licence copyfair does not know.
 */
function doubtOf(found: Found, corpus: Corpus): MatchDoubt | undefined {
  if (found.inserted) return { kind: 'inserted', words: found.inserted };
  if (found.changed) return { kind: 'changed', known: found.changed.known.join(' '), words: found.changed.text.join(' ') };
  if (found.undecided) return { kind: 'twin', rival: corpus.entries[found.undecided.entry]!.id };
  return undefined;
}

/**
 * Whether words outside the matches are accounted for: mostly the matched licences' own words (a
 * GPL notice, Apache's boilerplate notice), the offer of a choice, or a parameters block.
 */
function explainedBy(words: string[], found: readonly Found[], corpus: Corpus, matches: readonly LicenceMatch[]): boolean {
  if (offersChoice(words.join(' '))) return true;
  if (readsAsParameters(matches)) return true;
  const covered = ownWords(words, found, corpus);
  if (!mostlyOwn(covered)) return false;
  if (!ownStretchesSayNothing(words, covered.own)) return false;
  // Mostly the licence's own text, but not when what is left of it sets terms: "10. Governing
  // terms. The Acme Cloud Terms apply to any use of the Work with Acme Cloud." put above Apache's
  // END OF TERMS AND CONDITIONS and its appendix (seventeenth session: read as Apache-2.0, free).
  const rest = words.filter((word, at) => !covered.own[at] && word !== '|');
  return rest.length === 0 || !setsTerms(rest);
}

/** Each id's texts (its full text and its text without end text), by corpus: worked out once. */
const textsById = new WeakMap<Corpus, Map<string, Uint32Array[]>>();

/** The shingles of every text of the licences `found` matched. */
function matchedTexts(found: readonly Found[], corpus: Corpus): Uint32Array[] {
  let byId = textsById.get(corpus);
  if (!byId) {
    byId = new Map();
    for (const entry of corpus.entries) {
      const texts = byId.get(entry.id);
      if (texts) texts.push(entry.shingles);
      else byId.set(entry.id, [entry.shingles]);
    }
    textsById.set(corpus, byId);
  }
  const ids = new Set(found.map((match) => corpus.entries[match.entry]!.id));
  return [...ids].flatMap((id) => byId.get(id) ?? []);
}

/** Whether at least half of a run's word triples are the matched licences' own (`ownWords`). */
function mostlyOwn(covered: ReturnType<typeof ownWords>): covered is NonNullable<ReturnType<typeof ownWords>> {
  return covered !== undefined && covered.known / covered.shingles >= 0.5;
}

/**
 * Which of `words` a word triple of the matched licences' own texts covers (`own`), and how many
 * of the run's triples are theirs; undefined for a run too short to have a triple.
 */
function ownWords(words: readonly string[], found: readonly Found[], corpus: Corpus): { own: Uint8Array; known: number; shingles: number } | undefined {
  const shingles = shinglesAt(words);
  if (shingles.length === 0) return undefined;
  // Every text of a matched licence counts, its full text too when the match was the one without
  // end text: Apache's notice is in its appendix.
  const texts = matchedTexts(found, corpus);
  let known = 0;
  const own = new Uint8Array(words.length);
  shingles.forEach((shingle, at) => {
    if (!texts.some((text) => has(text, shingle))) return;
    known++;
    own.fill(1, at, Math.min(words.length, at + SHINGLE_SIZE));
  });
  return { own, known, shingles: shingles.length };
}

/**
 * Whether the run's own words between the licence's say nothing, each stretch of them judged as a
 * stretch alone is: a few words must be a title or a name, and more must not begin an exception
 * ("Except Amazon.", "Except Amazon. All rights reserved." between Apache's header and its terms,
 * or above END OF TERMS AND CONDITIONS, read as Apache-2.0, free).
 */
function ownStretchesSayNothing(words: readonly string[], own: Uint8Array): boolean {
  for (let at = 0; at < words.length; ) {
    if (own[at] || words[at] === '|') {
      at++;
      continue;
    }
    const start = at;
    while (at < words.length && !own[at] && words[at] !== '|') at++;
    const piece = words.slice(start, at);
    if (piece.length < SHORT_RUN_WORDS ? !titleOrName(piece) : makesException(piece)) return false;
    // Right after the licence's own "not", the stretch is what its negation now says: "This
    // licence does not apply to Facebook." ("this license does not" are Apache's own words).
    if (start > 0 && (words[start - 1] === 'not' || words[start - 1] === 'never')) return false;
  }
  return true;
}

/** A stretch this long, every word triple of it in a matched licence's own text, is that text. */
const OWN_TEXT_WORDS = 12;

/**
 * Whether a stretch that restricts is wholly the matched licences' own text, which their template
 * left out: Creative Commons' notice above and below its licences ("Creative Commons is not a law
 * firm …", "… shall not be interpreted to …") is the licence's own words, not a term added to it.
 * Every word triple must be the licence's: one word added or changed, and it is read as before.
 */
function ownText(words: readonly string[], found: readonly Found[], corpus: Corpus): boolean {
  const plain = words.filter((word) => word !== '|');
  if (plain.length < OWN_TEXT_WORDS || plain.length !== words.length) return false;
  const texts = matchedTexts(found, corpus);
  return shinglesAt(plain).every((shingle) => texts.some((text) => has(text, shingle)));
}

/** BUSL's parameters block sits outside the terms; its values are read and reported. */
function readsAsParameters(matches: readonly LicenceMatch[]): boolean {
  return matches.some((match) => match.id === 'BUSL-1.1');
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** The file's own words outside every match: where "at your option" and "or later" are said. */
function outsideText(normalised: Normalised, covered: Uint8Array): string {
  const words: string[] = [];
  normalised.words.forEach((word, position) => {
    if (!covered[position]) words.push(word);
  });
  return words.join(' ');
}

// GNU texts end with "How to Apply These Terms", whose sample notice says "or (at your option)
// any later version". The notice that decides is the file's own, so the appendix is left out.
const APPENDIX = ['how', 'to', 'apply', 'these', 'terms'];

/**
 * The file's normalised words without the appendices of the GNU texts found in it: inside the
 * match, or right after it when the appendix differs from the template (then it is the uncovered
 * run that follows the match).
 */
function noticeText(normalised: Normalised, found: readonly Found[], covered: Uint8Array): string {
  const { words } = normalised;
  const skip = new Uint8Array(words.length);
  for (const match of found) {
    let end = match.to + 1;
    while (end < words.length && !covered[end]) end++;
    for (let at = match.from; at + APPENDIX.length <= end; at++) {
      if (APPENDIX.every((word, offset) => words[at + offset] === word)) {
        skip.fill(1, at, end);
        break;
      }
    }
  }
  return words.filter((_, position) => !skip[position]).join(' ');
}
