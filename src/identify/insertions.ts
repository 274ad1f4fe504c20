// A known licence with a sentence added is not that licence: "MIT, but not for military use"
// scores above any sensible threshold, and reporting it as MIT would be a confident wrong answer.
// Words inside a match that the known text lacks are tolerated when they fill in names (a
// copyright holder, a project); a run that reads like a term of its own makes the match doubtful.
import type { Normalised } from './normalise.js';
import { SHINGLE_SIZE, has, shingleOf } from './shingles.js';
import { FOREIGN_TERM_WORDS, inOtherScript } from './other-languages.js';

/**
 * Words that make an inserted run read like a condition or a restriction. "only" and "without"
 * are left out: they name licence versions ("v3.0 only") and warranty notices.
 */
export const TERM_WORDS: readonly string[] = [
  'not', 'never', 'shall', 'must', 'may', 'except', 'unless', 'provided', 'prohibited',
  'forbidden', 'condition', 'conditions', 'restricted', 'restriction', 'restrictions', 'commercial',
  'commercially', 'noncommercial', 'military', 'fee', 'fees', 'royalty', 'royalties', 'sell', 'evil',
  'harm', 'revoke', 'revoked', 'terminate', 'terminates',
  // The same in other languages (other-languages.ts).
  ...FOREIGN_TERM_WORDS,
];
const TERM_WORD_SET = new Set(TERM_WORDS);
/**
 * A clause that only announces conditions ("subject to the following conditions", left behind
 * where nodemailer's MIT-0 dropped MIT's notice condition) sets none itself: what follows it is
 * the known text's own words, and a condition written there would be a run of its own.
 */
export const CONDITIONS_LEAD = /^(?:and )?(?:subject to|provided that|under) (?:the )?following (?:conditions|terms)(?: are met)?$/;
/** Words that take from a grant or bind its user: "not", "never", "must", "shall". */
const BINDING: ReadonlySet<string> = new Set(['not', 'never', 'must', 'shall']);
/** What "no" added before it denies nothing of the grant: a heading's "NO WARRANTY", "no charge". */
const NO_BENIGN: ReadonlySet<string> = new Set(['warranty', 'warranties', 'liability', 'guarantee', 'guarantees', 'event', 'charge', 'fee', 'fees', 'cost', 'restriction', 'restrictions', 'limitation', 'limitations', 'attribution', 'notice', 'express', 'implied', 'representations', 'other', 'further', 'additional']);
/** "required not required": a choice a form offers between a word and its negation. */
const OFFERED_CHOICE = /^(\w+(?: \w+)?) not \1$/;

/** An inserted run this long is a sentence of its own, whatever words it shares with the text. */
const SENTENCE_WORDS = 8;
/** Inserted runs shorter than this are names and dates, not terms. */
const MIN_INSERTED_WORDS = 4;

/**
 * The first run of words inside `from..to` that the known text does not have and that reads like
 * a term of its own, or undefined. `known` is the known text's shingle set, `knownTerms` the term
 * words it uses: a short run that only rewords the text's own terms ("the names of any
 * contributors may not be used" for BSD's "neither the names … may be used") is not a new term.
 */
export function insertedTerm(
  text: Normalised,
  shingles: Uint32Array,
  known: { shingles: Uint32Array; terms: readonly string[] },
  from: number,
  to: number,
): string | undefined {
  const knownTerms = new Set(known.terms);
  const lastShingle = Math.min(to - SHINGLE_SIZE + 1, shingles.length - 1);
  let runStart = -1;
  for (let position = from; position <= lastShingle + 1; position++) {
    const hit = position > lastShingle || has(known.shingles, shingles[position] ?? 0);
    if (!hit) {
      if (runStart < 0) runStart = position;
      continue;
    }
    if (runStart >= 0) {
      // A miss run of n shingles means n - (SHINGLE_SIZE - 1) words the known text lacks.
      const words = text.words.slice(runStart + SHINGLE_SIZE - 1, position);
      const terms = words.filter((word) => TERM_WORD_SET.has(word));
      // Words in another script are words no list here reads (other-languages.ts): a term, as far as copyfair can tell.
      const novel = terms.some((word) => !knownTerms.has(word)) || inOtherScript(words);
      if (words.length >= MIN_INSERTED_WORDS && (novel || (terms.length > 0 && words.length >= SENTENCE_WORDS)) && !CONDITIONS_LEAD.test(words.join(' '))) {
        return words.join(' ');
      }
      // A negation or an obligation added where the known text lost no words rewords nothing: it
      // says what the licence does not give, or binds its user ("… IN NO / Not open source. /
      // EVENT SHALL …" and "This licence does not apply to Facebook." in MIT's disclaimer, "©
      // Companies must buy a licence." between BSD's conditions, each read as the licence, free),
      // whether or not the text uses the word itself. (Other term words added so widen a grant as
      // often as they narrow it: HPND's "distribute, or sell", CAL's "terms and conditions".) Not
      // a form's choice left unmade, CPAL's "Display of Attribution Information is [required/not
      // required]". And "no" before a name ("No Amazon."), not before what a licence disclaims or
      // waives (Intel's BSD variants add a heading "NO WARRANTY").
      if (words.length >= 2 && words.some((word, at) => BINDING.has(word) || (word === 'no' && !NO_BENIGN.has(words[at + 1] ?? ''))) && !OFFERED_CHOICE.test(words.join(' ')) && addedBetween(text.words, runStart, position, known.shingles)) return words.join(' ');
      runStart = -1;
    }
  }
  return undefined;
}

/**
 * Whether the words between the missed shingles `from` and `to` (the first hit after them) were
 * added to the known text, not put in place of some of it: the two words before them run on into
 * the two after them as the known text does (both shingles that bridge the gap are the text's).
 */
function addedBetween(words: readonly string[], from: number, to: number, known: Uint32Array): boolean {
  if (from < 0 || to + 1 >= words.length) return false;
  const [before, last, first, next] = [words[from]!, words[from + 1]!, words[to]!, words[to + 1]!];
  return has(known, shingleOf([before, last, first])) && has(known, shingleOf([last, first, next]));
}

/** A stretch of the file outside every match that reads like a term of its own. */
export interface Unexplained {
  /** First and last line, 1-based. */
  start: number;
  end: number;
  /** Its words, normalised. */
  words: string;
}

/**
 * Runs of words outside every match that read like terms ("You may not use this software for
 * military purposes") and that no matched licence explains. `explained` says whether a run is
 * accounted for: words that neither restrict nor set conditions (surroundings.ts), the words of a
 * matched licence (a GPL notice is in the GPL's appendix), the offer of a choice between the
 * licences found, a BUSL parameters block.
 */
export function unexplainedRuns(
  text: Normalised,
  covered: Uint8Array,
  explained: (words: string[], start: number, end: number, from: number) => boolean,
  minWords = MIN_INSERTED_WORDS,
): Unexplained[] {
  const runs: Unexplained[] = [];
  let start = -1;
  for (let position = 0; position <= text.words.length; position++) {
    const inside = position < text.words.length && !covered[position];
    if (inside && start < 0) start = position;
    if (inside || start < 0) continue;
    const words = text.words.slice(start, position);
    const lines = { start: text.lines[start] ?? 1, end: text.lines[position - 1] ?? 1 };
    if (words.length >= minWords && !explained(words, lines.start, lines.end, start)) runs.push({ ...lines, words: words.join(' ') });
    start = -1;
  }
  return runs;
}
