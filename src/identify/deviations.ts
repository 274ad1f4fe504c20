// What a similarity match changed in its licence. A text that scores 0.95 against MIT may be MIT
// with a holder's name, or MIT with "Permission is hereby NOT granted", "…sublicense, but not sell
// copies", "in the Software with restriction" or "for testing purposes only": a few words that turn
// the grant around. The matched stretch is aligned word by word with the known text, and each place
// where they differ is judged by one rule (docs/identification.md, "What a match may change"):
//
// 1. the count of negations differs ("not", "no", "never", "without", "neither … nor" as one);
// 2. a right the licence grants is gone (a granting verb of the known text missing: "sell"), or
//    something it covers ("and associated documentation files");
// 3. restricting or conditioning words are added ("only", "disallowed", "should", "fee" …);
// 4. a sentence of its own is added (eight new words or more) that speaks to the licensee
//    ("you also agree to give me …") or sets a condition ("every use … should acknowledge …").
//
// Any of these makes the match doubtful, so the file is unknown. Names filled in, a title, a
// re-wording that neither adds nor removes a negation, a grant or a condition pass.
import type { Corpus } from './corpus.js';
import { CONDITIONS_LEAD, TERM_WORDS } from './insertions.js';
import { referenceWords } from './reference-words.js';
import { bindsUser, judgeSurrounding } from './surroundings.js';
import { NARROWING_WORDS } from './excluding-words.js';
import { DISCLAIMER_REACH, NEGATIONS, negations } from './negations.js';
import { append } from '../util/arrays.js';

/** One place where the file's words differ from the known text's, with a little shared context. */
export interface Deviation {
  /** The known text's words there. */
  known: string[];
  /** Those of `known` that are replaceable text (a name to fill in), which a copy may change freely. */
  replaceable?: string[];
  /** The file's words there. */
  text: string[];
  /** The difference is at the start or the end of the stretch, with words on one side only. */
  edge?: boolean;
  /** The few shared words after it, which tell a disclaimer's negation ("not … limited to"). */
  following?: string[];
  /** The few words before it: a right put in after "does not grant permission to" is denied, not granted. */
  preceding?: string[];
}

// The verbs by which licences grant rights, and what they cover; one missing narrows the grant.
const GRANTS = new Set([
  'use', 'copy', 'modify', 'merge', 'publish', 'distribute', 'redistribute', 'sublicense', 'sell', 'reproduce',
  'display', 'perform', 'prepare', 'adapt', 'share', 'run', 'study', 'translate', 'rent', 'lease', 'lend', 'import',
  // What the grant covers besides the program ("this software and associated documentation files").
  'documentation',
]);
/** The forms a grant covers ("in source and binary forms"), and words for them a copy may use instead ("bytecode"). */
const FORMS = new Set(['source', 'binary']);
const FORM_WORDS = new Set(['source', 'sources', 'binary', 'binaries', 'bytecode', 'object', 'compiled', 'executable', 'code']);
/** Words that narrow who a grant is for (excluding-words.ts). */
const NARROWING = new Set(NARROWING_WORDS);
// How far a grant reaches, in time, place and certainty: one missing narrows it ("a perpetual,
// worldwide, … irrevocable copyright license" made "a one-year, European, … copyright license").
const SCOPE = new Set(['perpetual', 'worldwide', 'irrevocable']);
/**
 * Words that limit a grant in time or to some, inside a match and just before or after it as well
 * (grantChanged's edges): not the ones a title above a licence may hold ("Acme Device SDK",
 * "Legal", "Server"), which RESTRICTING adds for inside a match only.
 */
const EDGE_LIMIT_WORDS = [
  'period', 'valid', 'validity', 'trial', 'who', 'conduct', 'guidelines', 'peaceful', 'civilian', 'lawful', 'unlawful',
  'expire', 'expires', 'expired', 'expiry', 'expiration', 'competitor', 'competitors', 'compete', 'competes', 'competing',
];
// Words that restrict or set a condition when added: the insertion rule's words and more.
const RESTRICTING = new Set([
  ...TERM_WORDS,
  'only', 'solely', 'exclusively', 'disallowed', 'disallow', 'disallows', 'forbids', 'forbid', 'prohibit', 'prohibits',
  'should', 'required', 'requires', 'require', 'agree', 'agrees', 'personal', 'evaluation', 'testing', 'internal',
  'pay', 'paid', 'payment', 'purchase', 'price', 'consent', 'approval', 'restriction', 'limitation', 'limited',
  'excluding', 'exclude', 'excluded',
  // Who the grant is for, narrowed (NARROWING).
  ...NARROWING_WORDS,
  // For how long, on what, for whom (sixteenth session: each added to a grant read as the licence):
  // "for a period of one year", "valid for 30 days", "on a single computer", "on Acme hardware",
  // "to any person who follows the Acme Code of Conduct", "(other than competitors of Acme)".
  ...EDGE_LIMIT_WORDS,
  'day', 'days', 'month', 'months', 'year', 'years',
  'single', 'computer', 'computers', 'machine', 'machines', 'device', 'devices', 'hardware', 'server', 'servers', 'seat', 'seats',
  'ethical', 'ethics', 'legal', 'illegal', 'revenue', 'revenues', 'turnover',
  // How many and at what price: "one copy of the Software" for "copies", "3. Redistributions must be
  // free of charge" (BSD-2-Clause), "for any purpose other than resale" (0BSD).
  'one', 'charge', 'gratis', 'resale', 'resell', 'reselling',
]);
// Words a grant's purpose or person may be narrowed by without a word of the lists: a word put
// before these ("for any peaceful purpose", "to any licensed person") narrows them.
const NARROWED = new Set(['purpose', 'purposes', 'person', 'persons', 'party', 'parties']);
/** Words that may be put before them and narrow nothing. */
const FILLER = new Set(['the', 'a', 'an', 'any', 'all', 'such', 'other', 'third', 'every', 'each']);
const EDGE_LIMITS = new Set(EDGE_LIMIT_WORDS);
/** Words that make an exception of some (of places, people, uses), whatever words the licence uses itself. */
const EXCEPTING = new Set(['except', 'excepting', 'excluding', 'unless', 'save']);
// Words by which an added sentence speaks to the licensee.
const ADDRESSING = new Set(['you', 'your', 'licensee', 'licensees', 'user', 'users', 'recipient', 'recipients', 'agree', 'agrees']);
/** Words missing in one place from which the copy has lost a passage rather than reworded one. */
const MISSING_PASSAGE = 12;
/** An added run this long is a sentence of its own. */
const SENTENCE_WORDS = 8;
/** How many words before a difference tell whether a right put in there is denied. */
const PRECEDING_WORDS = 6;
/** Negations that deny what follows them (not "without", which the grants' own "without limitation" uses). */
const DENYING = new Set(['not', 'no', 'never', 'nor', 'neither', 'cannot']);
/** Differences closer than this many shared words are judged together ("may be" → "may not be"). */
const JOIN_WORDS = 4;
/** Stretches larger than this (words × words) are split at shared rare words before aligning. */
const MAX_CELLS = 40_000;

/**
 * The first change in the stretch `from..to` of `words` that alters what known text `entry` grants,
 * or undefined when none does (or the known text's words are not available).
 */
export function grantChanged(words: readonly string[], from: number, to: number, corpus: Corpus, entry: number): Deviation | undefined {
  const known = referenceWords(corpus, entry);
  if (!known) return undefined;
  const stretch = words.slice(from, to + 1);
  const vocabulary = new Set(known.words);
  return deviations(stretch, known.words, known.replaceable).find((deviation) => {
    if (!deviation.edge) return changesGrant(deviation, vocabulary);
    // Before or after the licence: words of the file the stretch took in (a notice above it) are
    // read as the words around a licence are; the licence's own start or end missing is the
    // stretch's boundary, which the score already accounts for.
    // A word that narrows the grant just before it ("Academic redistribution and use …") does too.
    // So does one that limits it in time or to some ("… to any person who follows the Acme Code of
    // Conduct and obtaining …", where the match began after the words put into the grant).
    return deviation.known.length === 0 && (judgeSurrounding(deviation.text) === 'restricts' || deviation.text.some((word) => (NARROWING.has(word) || EDGE_LIMITS.has(word)) && !uses(vocabulary, word)));
  });
}

/**
 * Whether one difference alters the grant, by the rule above. `vocabulary` is every word of the
 * known text: a restricting word it already uses ("shall", "must") only rewords its own terms.
 */
export function changesGrant(deviation: Deviation, vocabulary: ReadonlySet<string> = new Set()): boolean {
  // A clause that only announces conditions sets none (insertions.ts): MIT-0 with MIT's
  // "subject to the following conditions:" left behind is MIT-0.
  if (deviation.known.length === 0 && CONDITIONS_LEAD.test(deviation.text.join(' '))) return false;
  const known = deviation.known.map(canonical);
  const text = deviation.text.map(canonical);
  const own = withoutWords(known, (deviation.replaceable ?? []).map(canonical));
  // A passage missing (a paragraph of a long licence, with its heading or a number left) is a
  // sloppy copy, which the score already weighs: only what the copy adds is judged there.
  const passage = known.length >= MISSING_PASSAGE && text.length * 4 <= known.length;
  const following = deviation.following ?? [];
  const negated = negations(text, following);
  if (negated > negations(known, following) || (!passage && negated < negations(own, following))) return true;
  const before = counts(known);
  const after = counts(text);
  if (!passage) {
    for (const [word, count] of counts(own)) if ((GRANTS.has(word) || SCOPE.has(word)) && countLike(after, word) < count) return true;
  }
  for (const [word, count] of after) {
    if (RESTRICTING.has(word) && !GRANTS.has(word) && !NEGATIONS.has(word) && !uses(vocabulary, word) && (before.get(word) ?? 0) < count) return true;
  }
  if (known.length === 0) {
    // Words put in where the known text had none: an exception of some ("worldwide (except the
    // Russian Federation)" in Apache-2.0, which says "except" of its own terms elsewhere), or a
    // word before the purpose or the person the grant is for.
    if (text.some((word, at) => EXCEPTING.has(word) || (word === 'other' && text[at + 1] === 'than') || (word === 'but' && text[at + 1] === 'not'))) return true;
    if (NARROWED.has(following[0] ?? '') && text.some((word) => !FILLER.has(word))) return true;
    // A right put in where the known text denies one ("This License does not grant permission to
    // run the Work in production or to use the trade names", Apache-2.0 §6): denied, not granted.
    if (text.some((word) => GRANTS.has(word)) && (deviation.preceding ?? []).some((word) => DENYING.has(word))) return true;
  }
  // "with or without modification" made "without modification": what was permitted either way is
  // now permitted one way only. (Not "with or without fee" made "without fee", which still charges nothing.)
  if (known.length >= 2 && known[known.length - 2] === 'with' && known[known.length - 1] === 'or' && following[0] === 'without' && /^modifications?$/.test(following[1] ?? '') && text[text.length - 1] !== 'or') return true;
  // A form the grant covers dropped ("in source and binary forms" made "in source form"); not one
  // named otherwise ("in bytecode form"), nor "source" in another sense (a licence's name).
  if (!passage && [...known, ...following.slice(0, 2)].some((word) => word === 'form' || word === 'forms') && known.some((word) => FORMS.has(word)) && !text.some((word) => FORM_WORDS.has(word))) return true;
  // A sentence of its own: it speaks to the licensee or sets a condition, whatever words it shares
  // with the licence ("4. Every use of the software should acknowledge the publication").
  const added = text.filter((word) => !before.has(word));
  if (added.length >= SENTENCE_WORDS && text.some((word) => ADDRESSING.has(word) || CONDITIONS.has(word))) return true;
  // Or it binds the user to more than the licence, terms elsewhere included ("Use of this software
  // is also subject to the Acme Terms of Service.", inside MIT's text: surroundings.ts).
  return bindsUser(deviation.text) && !bindsUser(deviation.known);
}

// Words that make an added sentence a condition (the insertion rule's words, and the modal verbs).
const CONDITIONS = new Set([...TERM_WORDS, 'shall', 'required', 'requires', 'require']);

/** Whether the known text uses `word` or its singular or plural ("condition" for "conditions"). */
function uses(vocabulary: ReadonlySet<string>, word: string): boolean {
  return vocabulary.has(word) || vocabulary.has(`${word}s`) || (word.endsWith('s') && vocabulary.has(word.slice(0, -1)));
}

// Modal verbs a copy may swap without changing the term ("shall be included" / "must be included").
const MODALS = new Set(['shall', 'must', 'will', 'should']);

function canonical(word: string): string {
  return MODALS.has(word) ? 'shall' : word;
}

/** How often `word` occurs, counting a misspelling or another form of it (same first five letters). */
function countLike(counted: ReadonlyMap<string, number>, word: string): number {
  let count = counted.get(word) ?? 0;
  if (word.length >= 5) for (const [other, times] of counted) if (other !== word && other.slice(0, 5) === word.slice(0, 5)) count += times;
  return count;
}

/** `words` without one occurrence of each of `removed`. */
function withoutWords(words: readonly string[], removed: readonly string[]): string[] {
  const left = [...words];
  for (const word of removed) {
    const at = left.indexOf(word);
    if (at >= 0) left.splice(at, 1);
  }
  return left;
}

function counts(words: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const word of words) map.set(word, (map.get(word) ?? 0) + 1);
  return map;
}

type Edit = { a: number; b: number; text: string[]; known: string[] };

/**
 * Where `text` and `known` differ, each place with the shared words between differences that are
 * closer than {@link JOIN_WORDS}; `replaceable` holds the positions of `known`'s replaceable text.
 * A difference at either end with words on one side only is marked `edge` and judged alone.
 */
export function deviations(text: readonly string[], known: readonly string[], replaceable: ReadonlySet<number> = new Set()): Deviation[] {
  const edits: Edit[] = [];
  align(text, 0, text.length, known, 0, known.length, edits);
  edits.sort((x, y) => x.a - y.a || x.b - y.b);
  const isEdge = (edit: Edit) =>
    (edit.text.length === 0 || edit.known.length === 0) &&
    ((edit.a === 0 && edit.b === 0) || (edit.a + edit.text.length === text.length && edit.b + edit.known.length === known.length));
  const filled = (from: number, to: number) => {
    const words: string[] = [];
    for (let at = from; at < to; at++) if (replaceable.has(at)) words.push(known[at]!);
    return words;
  };
  const joined: Deviation[] = [];
  let last: { a: number; b: number; edge: boolean } | undefined;
  for (const edit of edits) {
    const edge = isEdge(edit);
    const current = joined[joined.length - 1];
    if (current && last && !edge && !last.edge && edit.a - last.a < JOIN_WORDS && edit.b - last.b < JOIN_WORDS) {
      append(current.text, text.slice(last.a, edit.a));
      append(current.text, edit.text);
      append(current.known, known.slice(last.b, edit.b));
      append(current.known, edit.known);
      append(current.replaceable!, filled(last.b, edit.b + edit.known.length));
    } else joined.push({ text: [...edit.text], known: [...edit.known], replaceable: filled(edit.b, edit.b + edit.known.length), preceding: text.slice(Math.max(0, edit.a - PRECEDING_WORDS), edit.a), ...(edge ? { edge } : {}) });
    last = { a: edit.a + edit.text.length, b: edit.b + edit.known.length, edge };
    joined[joined.length - 1]!.following = text.slice(last.a, last.a + DISCLAIMER_REACH);
  }
  return joined;
}

/**
 * Appends the differences between `text[a0..a1)` and `known[b0..b1)`: shared ends trimmed, small
 * stretches by a longest-common-subsequence table, large ones split first at words that occur once
 * on each side, in the same order (as patience diff does with lines).
 */
function align(
  text: readonly string[], a0: number, a1: number,
  known: readonly string[], b0: number, b1: number,
  out: Edit[],
): void {
  while (a0 < a1 && b0 < b1 && text[a0] === known[b0]) a0++, b0++;
  while (a1 > a0 && b1 > b0 && text[a1 - 1] === known[b1 - 1]) a1--, b1--;
  if (a0 === a1 && b0 === b1) return;
  if (a0 === a1 || b0 === b1) {
    out.push({ a: a0, b: b0, text: text.slice(a0, a1), known: known.slice(b0, b1) });
    return;
  }
  if ((a1 - a0) * (b1 - b0) <= MAX_CELLS) {
    table(text, a0, a1, known, b0, b1, out);
    return;
  }
  const anchors = uniqueAnchors(text, a0, a1, known, b0, b1);
  if (anchors.length === 0) {
    out.push({ a: a0, b: b0, text: text.slice(a0, a1), known: known.slice(b0, b1) });
    return;
  }
  let a = a0;
  let b = b0;
  for (const [at, bt] of anchors) {
    align(text, a, at, known, b, bt, out);
    a = at + 1;
    b = bt + 1;
  }
  align(text, a, a1, known, b, b1, out);
}

/** Words occurring once in each range, as (text, known) positions increasing on both sides. */
function uniqueAnchors(text: readonly string[], a0: number, a1: number, known: readonly string[], b0: number, b1: number): [number, number][] {
  const once = (words: readonly string[], from: number, to: number) => {
    const seen = new Map<string, number>();
    for (let at = from; at < to; at++) seen.set(words[at]!, seen.has(words[at]!) ? -1 : at);
    return seen;
  };
  const inText = once(text, a0, a1);
  const inKnown = once(known, b0, b1);
  const pairs: [number, number][] = [];
  for (const [word, at] of inText) {
    const bt = inKnown.get(word);
    if (at >= 0 && bt !== undefined && bt >= 0) pairs.push([at, bt]);
  }
  pairs.sort((x, y) => x[0] - y[0]);
  return increasing(pairs);
}

/** The longest run of pairs whose known positions increase (patience sorting). */
function increasing(pairs: [number, number][]): [number, number][] {
  const tails: number[] = [];
  const previous = new Int32Array(pairs.length).fill(-1);
  pairs.forEach(([, bt], index) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (pairs[tails[middle]!]![1] < bt) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[index] = tails[low - 1]!;
    tails[low] = index;
  });
  const chain: [number, number][] = [];
  for (let index = tails[tails.length - 1] ?? -1; index >= 0; index = previous[index]!) chain.push(pairs[index]!);
  return chain.reverse();
}

/** Differences of two small ranges from a longest-common-subsequence table. */
function table(
  text: readonly string[], a0: number, a1: number,
  known: readonly string[], b0: number, b1: number,
  out: Edit[],
): void {
  const n = a1 - a0;
  const m = b1 - b0;
  const width = m + 1;
  const lcs = new Uint16Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] = text[a0 + i] === known[b0 + j]
        ? lcs[(i + 1) * width + j + 1]! + 1
        : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  let open: Edit | undefined;
  while (i < n || j < m) {
    if (i < n && j < m && text[a0 + i] === known[b0 + j]) {
      if (open) out.push(open), (open = undefined);
      i++, j++;
      continue;
    }
    open ??= { a: a0 + i, b: b0 + j, text: [], known: [] };
    if (j < m && (i === n || lcs[i * width + j + 1]! >= lcs[(i + 1) * width + j]!)) open.known.push(known[b0 + j++]!);
    else open.text.push(text[a0 + i++]!);
  }
  if (open) out.push(open);
}
