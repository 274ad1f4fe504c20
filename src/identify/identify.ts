// Identification of one text: normalise, find the known texts in it, settle the ids the words
// decide (near twins, "or later" grants, Hippocratic modules), read parameters, and combine the
// matches into one SPDX expression. Pure: text in, data out.
import { loadCorpus, type Corpus } from './corpus.js';
import { combine, offersChoice } from './expression.js';
import { createHash } from 'node:crypto';
import { findAll, THRESHOLD, type FindOptions, type Findings, type Found } from './find.js';
import { normalise, type Normalised } from './normalise.js';
import { identifyNamed } from './named.js';
import { readParameters } from './parameters.js';
import { unexplainedRuns } from './insertions.js';
import { refineId } from './refine.js';
import { COMMERCIAL_LICENCE, judgeSurrounding, offersCommercialChoice } from './surroundings.js';
import { has, shinglesAt } from './shingles.js';
import type { Identification, LicenceMatch, MatchDoubt } from './types.js';

/** Identifies the licence(s) in `text`. Loads the corpus on first use. */
export function identifyText(text: string): Identification {
  return identifyWith(text, loadCorpus());
}

/** {@link identifyText} against a given corpus, with measurement options (tests, benchmarks). */
export function identifyWith(text: string, corpus: Corpus, options: FindOptions = {}): Identification {
  const threshold = options.threshold ?? THRESHOLD;
  const normalised = normalise(text);
  const findings = cachedFindings(normalised, corpus, options);
  const lines = text.split(/\r\n|\r|\n/);
  const matches: LicenceMatch[] = [];
  // Only GNU texts need the notices; computing them lazily keeps the common case cheap.
  let notices: string | undefined;
  const noticesOf = () => (notices ??= noticeText(normalised, findings.found, findings.covered));
  for (const found of findings.found) {
    const start = normalised.lines[found.from] ?? 1;
    const end = normalised.lines[Math.min(found.to, normalised.lines.length - 1)] ?? start;
    const excerpt = lines.slice(start - 1, end).join('\n');
    const id = refineId(corpus.entries[found.entry]!.id, { excerpt, whole: text, notices: noticesOf });
    const match: LicenceMatch = { id, confidence: round(found.dice), start, end };
    const doubt = doubtOf(found, corpus);
    if (doubt) match.doubt = doubt;
    const parameters = readParameters(id, excerpt, text);
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
    const named = identifyNamed(text, normalised, exceptionsOnly ? 0 : (candidates[0]?.confidence ?? 0));
    if (named && (!exceptionsOnly || named.expression !== null)) return { ...named, candidates };
  }
  const matchedIds = matches.map((match) => match.id);
  let commercial: { start: number; end: number } | undefined;
  const unexplained = unexplainedRuns(normalised, findings.covered, (words, start, end) => {
    if (!commercial && offersCommercialChoice(words, matchedIds)) {
      commercial = { start, end };
      return true;
    }
    // Restricting words are never dropped, except where they are read as the parameters of the
    // matched licence (BUSL's Additional Use Grant, reported with the match).
    const judged = judgeSurrounding(words);
    if (judged === 'restricts') return readsAsParameters(matches);
    return judged === 'benign' || explainedBy(words, findings.found, corpus, matches);
  });
  // One match in doubt, a stretch resembling a licence it cannot name, or terms no match explains
  // make the whole expression unknown: a partial answer reads as complete.
  const known =
    confident.length > 0 && confident.length === matches.length && unexplained.length === 0 && !findings.nearMiss;
  let expression = known ? combine(confident, outside, isException) : null;
  // A dual-licensing offer beside a copyleft text: the copyleft licence or a commercial one.
  if (expression && commercial) {
    expression = `${expression.includes(' ') ? `(${expression})` : expression} OR ${COMMERCIAL_LICENCE}`;
    matches.push({ id: COMMERCIAL_LICENCE, confidence: 1, ...commercial });
  }
  const identification: Identification = { expression, matches, candidates };
  if (unexplained.length > 0) identification.unexplained = unexplained;
  return identification;
}

/** Distinct texts remembered per corpus; a tree holds a few hundred, repeated thousands of times. */
const CACHE_LIMIT = 4096;
const caches = new WeakMap<Corpus, Map<string, Findings>>();

/**
 * {@link findAll}, remembered by the normalised words (and the title's length, which the exact
 * path reads): the same licence with another copyright line is found once. Measurement options
 * bypass the cache. Callers only read the findings.
 */
function cachedFindings(normalised: Normalised, corpus: Corpus, options: FindOptions): Findings {
  if (Object.keys(options).length > 0) return findAll(normalised, corpus, options);
  let cache = caches.get(corpus);
  if (!cache) caches.set(corpus, (cache = new Map()));
  let titleWords = 0;
  while (titleWords < normalised.words.length && normalised.lines[titleWords] === normalised.lines[0]) titleWords++;
  const key = createHash('sha1').update(normalised.words.join(' ')).update(`\0${titleWords}`).digest('base64');
  const known = cache.get(key);
  if (known) return known;
  const findings = findAll(normalised, corpus, options);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, findings);
  return findings;
}

/**
 * A match whose near twin the text could not rule out, or with a term of its own inserted, is
 * never reported as the licence: the text is then a licence copyfair does not know.
 */
function doubtOf(found: Found, corpus: Corpus): MatchDoubt | undefined {
  if (found.inserted) return { kind: 'inserted', words: found.inserted };
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
  const shingles = shinglesAt(words);
  if (shingles.length === 0) return false;
  // Every text of a matched licence counts, its full text too when the match was the one without
  // end text: Apache's notice is in its appendix.
  const ids = new Set(found.map((match) => corpus.entries[match.entry]!.id));
  const texts = corpus.entries.filter((entry) => ids.has(entry.id)).map((entry) => entry.shingles);
  let known = 0;
  for (const shingle of shingles) if (texts.some((text) => has(text, shingle))) known++;
  return known / shingles.length >= 0.5;
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
