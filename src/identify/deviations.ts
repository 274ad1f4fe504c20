// What a similarity match changed in its licence. A text that scores 0.95 against MIT may be MIT
// with a holder's name, or MIT with "Permission is hereby NOT granted", "…sublicense, but not sell
// copies", "in the Software with restriction" or "for testing purposes only": a few words that turn
// the grant around. The matched stretch is aligned word by word with the known text, and each place
// where they differ is judged by one rule (docs/identification.md, "What a match may change"):
//
// 1. the count of negations differs ("not", "no", "never", "without", "neither … nor" as one);
// 2. a right the licence grants is gone (a granting verb of the known text missing: "sell"), or
//    something it covers ("and associated documentation files"), or a grant whole (a passage
//    lost that held it: Apache-2.0 without §3), or a right of its opening where the match starts
//    after it (BSD's "Use in source and binary forms");
// 3. restricting or conditioning words are added ("only", "disallowed", "should", "fee" …);
// 4. a sentence of its own is added (eight new words or more) that speaks to the licensee
//    ("you also agree to give me …") or sets a condition ("every use … should acknowledge …");
// 5. inside the grant itself (rewordsGrant), a word the licence never uses is put in, or a word
//    that said what or for what it grants is left out ("to any person in good standing with Acme",
//    the Unlicense's "for any purpose, non-commercial"), whatever the lists above hold.
//
// Any of these makes the match doubtful, so the file is unknown. Names filled in, a title, a
// re-wording that neither adds nor removes a negation, a grant or a condition pass.
import type { Corpus } from './corpus.js';
import { CONDITIONS_LEAD, TERM_WORDS } from './insertions.js';
import { referenceWords, type ReferenceWords } from './reference-words.js';
import { bindsUser, judgeSurrounding } from './surroundings.js';
import { GRANTING_CLAUSE_WORDS, NARROWING_WORDS } from './excluding-words.js';
import { namesFamilyBesides } from './family-words.js';
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
  /** Where it is in the known text: its words `at` to `end` (exclusive; equal for words put in between two). */
  at?: number;
  end?: number;
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
const CLAUSE = new Set(GRANTING_CLAUSE_WORDS);
const RELATIVE = new Set(['who', 'whom', 'whose', 'which', 'that']);
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
  const spans = grantSpans(known);
  const found = deviations(stretch, known.words, known.replaceable);
  return found.find((deviation) => {
    if (moved(deviation, found)) return false;
    if (!deviation.edge) return changesGrant(deviation, vocabulary) || rewordsGrant(deviation, spans, vocabulary) || losesGrant(deviation, spans);
    // Before or after the licence: words of the file the stretch took in (a notice above it) are
    // read as the words around a licence are; the licence's own start or end missing is the
    // stretch's boundary, which the score already accounts for.
    // A word that narrows the grant just before it ("Academic redistribution and use …") does too.
    // So does one that limits it in time or to some ("… to any person who follows the Acme Code of
    // Conduct and obtaining …", where the match began after the words put into the grant).
    // So does another licence's name the licence never uses ("GPL-3.0" or "CC BY-NC 4.0" as the
    // title above an MIT text, read as MIT, free, in the eighteenth session).
    // And the words that open a grant, where the match began after them and the file has them
    // nowhere just before it: BSD's "Redistribution and use in source and binary forms" made "Use
    // in source and binary forms" or "Private use in …" (no right to redistribute) read as
    // BSD-2-Clause, free, in the twenty-eighth session.
    if (deviation.known.length > 0) return lostAtStart(deviation, spans, words.slice(Math.max(0, from - LOOK_BACK), from));
    return (
      deviation.known.length === 0 &&
      (judgeSurrounding(deviation.text) === 'restricts' ||
        deviation.text.some((word) => (NARROWING.has(word) || EDGE_LIMITS.has(word)) && !uses(vocabulary, word)) ||
        namesFamilyBesides(deviation.text, NO_FAMILIES, (word) => uses(vocabulary, word)))
    );
  });
}

/** No family is the text's own at a match's edge: the licence's own words are excused word by word. */
const NO_FAMILIES: ReadonlySet<string> = new Set();

/** A passage moved must be this long: a few words alike in two places are no move. */
const MOVED_WORDS = 8;
/** Words a moved passage may carry with it at either end, from the passage it left. */
const MOVED_SLACK = 3;

/**
 * Whether a difference is words put in that are a passage of the licence the copy left out
 * elsewhere (another difference of the same alignment): a paragraph moved. victory-vendor's MIT
 * text (recharts, some 60 million downloads a month) has its notice condition below the
 * disclaimer, read as "the software the above copyright notice … shall be included …" added to
 * the licence. The same words said in another place set no new term; a word more at either end
 * must be one of the passage's own, and no negation or restriction. Only the words put in are
 * excused: the passage left out is judged where it was, by the rules for words left out.
 */
function moved(deviation: Deviation, all: readonly Deviation[]): boolean {
  if (deviation.known.length > 0) return false;
  return all.some((other) => other !== deviation && other.text.length * 4 <= other.known.length && carries(deviation.text, other.known));
}

/** Whether `words` are a run of `passage`, give or take {@link MOVED_SLACK} of its words at either end. */
function carries(words: readonly string[], passage: readonly string[]): boolean {
  if (words.length < MOVED_WORDS || passage.length < MOVED_WORDS) return false;
  let best = 0;
  let bestEnd = 0;
  // The longest run the two share (a few dozen words each: quadratic is cheap).
  let previous = new Uint16Array(passage.length + 1);
  for (let i = 1; i <= words.length; i++) {
    const current = new Uint16Array(passage.length + 1);
    for (let j = 1; j <= passage.length; j++) {
      if (words[i - 1] === passage[j - 1]) {
        current[j] = previous[j - 1]! + 1;
        if (current[j]! > best) [best, bestEnd] = [current[j]!, i];
      }
    }
    previous = current;
  }
  if (best < MOVED_WORDS || words.length - best > MOVED_SLACK * 2) return false;
  const own = new Set(passage);
  const extra = [...words.slice(0, bestEnd - best), ...words.slice(bestEnd)];
  return extra.length <= MOVED_SLACK * 2 && extra.every((word) => own.has(word) && !NEGATIONS.has(word) && !RESTRICTING.has(word));
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
    // A clause put where the licence names someone ("… AND ACME, WHO GRANTS THESE RIGHTS TO
    // STUDENTS, DISCLAIMS", "PROVIDED, TO HOLDERS OF AN ACME SUBSCRIPTION, BY ACME").
    // (Not one relative pronoun for another: "which" made "whose".)
    if (CLAUSE.has(word) && !uses(vocabulary, word) && (before.get(word) ?? 0) < count && !(RELATIVE.has(word) && known.some((other) => RELATIVE.has(other)))) return true;
  }
  // Words put in that restrict as words beside a licence do ("WITHOUT WARRANTY OF ANY KIND, FOR
  // NON-PRODUCTION USE"): the same rule, inside the text.
  // (Not the licence's own words: EPL-2.0's heading "4. COMMERCIAL DISTRIBUTION" where a copy has it.)
  if (known.length === 0 && text.some((word) => !uses(vocabulary, word) && !MARKER.test(word)) && judgeSurrounding(deviation.text) === 'restricts') return true;
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
  // (Where the licence leaves a blank to fill in, such as the GPL's "<one line to give the
  // program's name and a brief idea of what it does.>", a description may speak to its reader:
  // cfonts' "Give your cli some love". Only a condition makes it a sentence of terms there.)
  const added = text.filter((word) => !before.has(word));
  const filledIn = known.length > 0 && own.length === 0;
  if (added.length >= SENTENCE_WORDS && text.some((word) => (!filledIn && ADDRESSING.has(word)) || CONDITIONS.has(word))) return true;
  // Or it binds the user to more than the licence, terms elsewhere included ("Use of this software
  // is also subject to the Acme Terms of Service.", inside MIT's text: surroundings.ts).
  return bindsUser(deviation.text) && !bindsUser(deviation.known);
}

// The grant itself, from the words that open it to those that close it ("Permission is hereby
// granted … subject to the following conditions", "Redistribution and use … are permitted provided
// that the following conditions are met", Apache-2.0's "hereby grants to You … in Source or Object
// form"). Nothing needs adding there: the lists of words above catch the restrictions someone
// thought of, and a grant narrowed in words nobody listed ("to any person in good standing with
// Acme", "to deal in the Software in the United States", "a non-transferable copy", "the rights to
// use (in non-production environments)") was read as the licence. Inside a grant, any word the
// licence does not use is a change, unless it only names the work ("this font software").
const GRANT_OPENS = [
  ['permission', 'is', 'hereby', 'granted'], ['permission', 'to', 'use'], ['redistribution', 'and', 'use'],
  ['hereby', 'grants', 'to', 'you'], ['permission', 'is', 'granted', 'to'], ['anyone', 'is', 'free', 'to'],
];
/**
 * What closes a grant: the conditions it is subject to, looked for first ("… to do so, subject to
 * the following conditions", ISC's and ICU's "provided that … appear in all copies"), else the end
 * of what it grants (MIT-0, which has no conditions).
 */
const GRANT_CLOSES = [
  [['following', 'conditions'], ['conditions', 'are', 'met'], ['conditions', 'below', 'are', 'met'], ['following', 'restrictions'], ['subject', 'to', 'the', 'following'], ['appear', 'in', 'all', 'copies']],
  [['to', 'do', 'so'], ['hereby', 'granted'], ['by', 'any', 'means'], ['object', 'form'], ['transfer', 'the', 'work']],
];
/** A grant's close is looked for this far after its opening; without one, the grant is taken to end there. */
const GRANT_REACH = 80;
/** Words that name the work, which a copy may name otherwise ("this library", "this font software"). */
const WORK = new Set(['software', 'program', 'programs', 'work', 'library', 'code', 'font', 'package', 'module', 'files', 'documentation']);
/** Words that bind a name to a place, a time, a use or a person, which a work's name does not hold. */
const BINDING = new Set([
  'in', 'within', 'inside', 'outside', 'on', 'for', 'to', 'by', 'at', 'under', 'if', 'provided', 'when', 'whenever', 'while',
  'until', 'till', 'after', 'before', 'during', 'as', 'upon', 'via', 'through', 'throughout', 'per', 'up', 'across', 'among',
  'between', 'against', 'from', 'where', 'so', 'that', 'who', 'which', 'whose', 'whom', 'with', 'without', 'no', 'not', 'only',
]);

/** A known text's grant: its words `from` to `to` (exclusive), and whether a list of conditions follows. */
interface GrantSpan {
  from: number;
  to: number;
  /** Where its conditions start ("provided", "subject to"), or `to`: the grant proper is `from` to here. */
  proper: number;
  conditions: boolean;
  /** Whether words that close a grant end it; else it is taken to reach {@link GRANT_REACH} words. */
  closed: boolean;
}

const spansOf = new WeakMap<object, GrantSpan[]>();

/** The stretches of a known text's words that make its grant (start inclusive, end exclusive). */
function grantSpans(known: ReferenceWords): GrantSpan[] {
  let spans = spansOf.get(known);
  if (spans) return spans;
  spans = [];
  const words = known.words;
  const startsAt = (phrase: readonly string[], at: number) => phrase.every((word, index) => words[at + index] === word);
  for (let at = 0; at < words.length; at++) {
    const open = GRANT_OPENS.find((phrase) => startsAt(phrase, at));
    // Not a denial ("This License does not grant permission to use the trade names").
    if (!open || words.slice(Math.max(0, at - 3), at).some((word) => DENYING.has(word))) continue;
    const reach = Math.min(words.length, at + GRANT_REACH);
    const conditioned = firstOf(GRANT_CLOSES[0]!, at + open.length, reach);
    const closed = conditioned || firstOf(GRANT_CLOSES[1]!, at + open.length, reach);
    const end = closed || reach;
    let proper = at + open.length;
    while (proper < end && words[proper] !== 'provided' && !(words[proper] === 'subject' && words[proper + 1] === 'to')) proper++;
    spans.push({ from: at, to: end, proper, conditions: conditioned > 0, closed: closed > 0 });
    at = end - 1;
  }
  spansOf.set(known, spans);
  return spans;

  /** The end of the first of `phrases` to occur in `from..to`, or 0. */
  function firstOf(phrases: readonly (readonly string[])[], from: number, to: number): number {
    for (let close = from; close < to; close++) {
      const phrase = phrases.find((candidate) => startsAt(candidate, close));
      if (phrase) return close + phrase.length;
    }
    return 0;
  }
}

/**
 * Whether a difference puts words the licence does not use inside its grant (other than a name for
 * the work, a misspelling, markup or forms), leaves out words of the grant proper
 * ({@link droppedFromGrant}), or puts a condition of its own just after the grant's conditions
 * open. Words put in just before the grant opens ("All rights reserved. Permission is hereby
 * granted") are not inside.
 */
function rewordsGrant(deviation: Deviation, spans: readonly GrantSpan[], vocabulary: ReadonlySet<string>): boolean {
  const at = deviation.at;
  const end = deviation.end;
  if (at === undefined || end === undefined || (deviation.replaceable?.length ?? 0) > 0) return false;
  // Conditions announced where the licence has none set none (changesGrant): MIT-0 copied from MIT.
  if (deviation.known.length === 0 && CONDITIONS_LEAD.test(deviation.text.join(' '))) return false;
  const added = deviation.text.filter((word) => !uses(vocabulary, word) && !MARKER.test(word) && !ENTITIES.has(word));
  const dropped = droppedFromGrant(deviation, spans);
  if ((added.length === 0 && dropped.length === 0) || misspells(deviation) || (dropped.length === 0 && added.every((word) => GRANTS.has(word) || WIDENING.has(word)))) return false;
  // A condition of its own put first in the list ("subject to the following conditions: You send a
  // postcard to the author.", "… and to the Acme EULA:") or after the one a grant sets (ISC's
  // "provided that … appear in all copies, and that modified versions are distributed under the
  // same terms"): words the licence does not use, there. (The alignment may share a word of the
  // condition with it: "… in the about screen …".)
  if (added.length >= CONDITION_WORDS && spans.some((span) => span.conditions && at >= span.to && at <= span.to + 2)) return true;
  const inside = spans.some(({ from, to }) => (at === end ? at > from && at < to : at < to && end > from));
  if (!inside) return false;
  // Both forms named ("redistribute it freely in both source and binary form", zlib), or a form
  // named otherwise ("in source and bytecode forms"; one dropped is changesGrant's).
  if (deviation.text.every((word) => FORM_PHRASE.has(word)) && deviation.text.includes('source') && deviation.text.some((word) => word === 'binary' || word === 'object')) return false;
  if (deviation.known.length > 0 && deviation.known.every((word) => FORM_WORDS.has(word)) && deviation.text.every((word) => FORM_WORDS.has(word) || FORM_PHRASE.has(word))) return false;
  return !namesWork(deviation);
}

/** How many of the file's words before a match's start are looked through for a grant's missing words. */
const LOOK_BACK = 24;

/**
 * Whether the known words missing before a match's start (a few: more is a copy without its
 * beginning, which the score weighs) hold a right of a grant proper ("redistribution", "use": a
 * word of {@link GRANTS} or a form of one) that the file does not have just before the match
 * either. A grant reworded near its opening leaves its words there ("Redistribution and usage in
 * source …", read by the words around a licence); a grant whose right is gone grants less than the
 * licence does. (Not "Permission" alone: ScanCode's mit_733, "is hereby granted, free of charge,
 * to any person …", still grants what MIT grants.)
 */
function lostAtStart(deviation: Deviation, spans: readonly GrantSpan[], before: readonly string[]): boolean {
  const { known, text, at } = deviation;
  if (at !== 0 || text.length > 0 || known.length >= MISSING_PASSAGE) return false;
  const inGrant = (offset: number) => spans.some((span) => offset >= span.from && offset < span.proper);
  const right = (word: string) => [...GRANTS].some((grant) => sameWord(word, grant));
  // (A form of the word counts: "usage" or "using" for "use", "redistributions" for "redistribution".)
  const stem = (word: string) => word.replace(/e$/, '');
  const kept = (word: string) => before.some((other) => sameWord(word, other) || other.startsWith(stem(word)));
  return known.some((word, offset) => inGrant(offset) && right(word) && !kept(word));
}

/**
 * Whether a passage the copy lacks held a grant: its opening and at least half of what it grants
 * ("hereby grants to You a perpetual … license to reproduce …"). A paragraph lost from a long
 * licence is a sloppy copy the score weighs (changesGrant), but not when it is the grant itself:
 * Apache-2.0 without §2 grants no copyright licence, without §3 no patent licence, and either was
 * read as Apache-2.0, free, since the rest of the text is word for word. Only a grant whose words
 * close as a grant's do: Creative Commons' preamble ("those authorized to give the public
 * permission to use material …"), which copies often leave out, opens like one and grants nothing.
 */
function losesGrant(deviation: Deviation, spans: readonly GrantSpan[]): boolean {
  const { known, text, at, end } = deviation;
  if (at === undefined || end === undefined || known.length < MISSING_PASSAGE || text.length * 4 > known.length) return false;
  return spans.some((span) => span.closed && at <= span.from && end >= span.from + Math.ceil((span.proper - span.from) / 2));
}

/**
 * Words a copy may leave out of a grant without narrowing it ("and/or" made "or", "including
 * without limitation" or "free of charge" dropped).
 */
const DROPPABLE = new Set([
  'the', 'a', 'an', 'and', 'or', 'of', 'to', 'in', 'any', 'such', 'this', 'that', 'is', 'are', 'was', 'were', 'be', 'by',
  'with', 'as', 'including', 'without', 'limitation', 'hereby', 'whom', 'so', 'do', 'it', 'its', 'free', 'charge',
]);

/**
 * What a difference leaves out of a grant itself (from its opening to its "provided" or "subject
 * to", not the conditions after them, which a copy only lightens by leaving out): words that carry
 * what or for what it grants ("for any purpose, commercial or non-commercial" made "for any purpose,
 * non-commercial", "either in source code form or as a compiled binary" made "in source code form",
 * the Unlicense). Not a form of a word the copy keeps ("copy" for "copies"), a list's letter, the
 * work's name, nor an exception left out ("(except as stated in this section)"), which widens it.
 */
function droppedFromGrant(deviation: Deviation, spans: readonly GrantSpan[]): string[] {
  const { known, text, at, end } = deviation;
  if (known.length === 0 || known.length >= MISSING_PASSAGE || at === undefined || end === undefined) return [];
  if (EXCEPTING.has(known[0]!) && text.length === 0) return [];
  const inGrant = (offset: number) => spans.some((span) => at + offset >= span.from && at + offset < span.proper);
  // (A word the copy has just before or after the difference is there: the alignment put it there.)
  const kept = [...text, ...(deviation.preceding ?? []), ...(deviation.following ?? [])];
  return known.filter((word, offset) => inGrant(offset) && !DROPPABLE.has(word) && !WORK.has(word) && !MARKER.test(word) && !kept.some((other) => sameWord(word, other)));
}

/** The same word, or another form of it ("copy" and "copies", "condition" and "conditions"). */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length >= 5 && b.length >= 5 && a.slice(0, 5) === b.slice(0, 5)) return true;
  const stem = (word: string) => word.replace(/(?:ies|es|s|y)$/, '');
  return stem(a) === stem(b);
}

/** New words put in just after a grant's "following conditions" that make a condition of their own. */
const CONDITION_WORDS = 2;
/** A number or a list's letter ("(b)", "7"), which says nothing of what a grant gives. */
const MARKER = /^(?:\d+|[a-z])$/;
/** What is left of markup in a copy ("&quot;AS IS&quot;"). */
const ENTITIES = new Set(['quot', 'apos', 'amp', 'lt', 'gt', 'nbsp']);
/** Words that only widen a grant ("redistribute it freely"); a right added (GRANTS) does too. */
const WIDENING = new Set(['freely', 'and', 'or']);
const FORM_PHRASE = new Set(['in', 'both', 'source', 'and', 'or', 'binary', 'object', 'form', 'forms', 'code']);

/**
 * Whether the copy misspells the known words there rather than changing them: the same letters
 * split or joined ("modifica tion", "andor"), a form of the same word ("limiting" for "limitation"),
 * or a word two letters off ("folloing", "sublicence", "fur nished").
 */
function misspells(deviation: Deviation): boolean {
  const { known, text } = deviation;
  if (known.length === 0) return false;
  const wrote = text.filter((word) => !ENTITIES.has(word)).join('');
  const meant = known.join('');
  if (wrote === meant) return true;
  if (known.length === text.length && known.every((word, at) => word.length >= 5 && text[at]!.length >= 5 && word.slice(0, 5) === text[at]!.slice(0, 5))) return true;
  return meant.length >= 6 && Math.abs(meant.length - wrote.length) <= 2 && editDistance(meant, wrote, 2) <= 2;
}

/** Levenshtein distance of `a` and `b`, or `limit + 1` once it is over `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, current[j]!);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * A few words that name the work where the licence names it ("this software" → "this library",
 * "this font software", "use in source and binary forms of Go Gopher").
 */
function namesWork(deviation: Deviation): boolean {
  const { known } = deviation;
  const before = deviation.preceding?.[deviation.preceding.length - 1];
  const text = known.length === 0 && deviation.text[0] === 'of' && (before === 'forms' || before === 'use') ? deviation.text.slice(1) : deviation.text;
  if (text.length > 4 || text.some((word) => BINDING.has(word))) return false;
  if (text !== deviation.text) return true;
  if (known.length > 0) return known.length <= 2 && known.every((word) => WORK.has(word) || word === 'the' || word === 'this');
  return (before === 'this' || before === 'the') && WORK.has(deviation.following?.[0] ?? '');
}

// Words that make an added sentence a condition (the insertion rule's words, and the modal verbs).
const CONDITIONS = new Set([...TERM_WORDS, 'shall', 'required', 'requires', 'require']);

/** Whether the known text uses `word` or its singular or plural ("condition" for "conditions"). */
function uses(vocabulary: ReadonlySet<string>, word: string): boolean {
  return vocabulary.has(word) || vocabulary.has(`${word}s`) || (word.endsWith('s') && vocabulary.has(word.slice(0, -1))) || (word.endsWith('ies') && vocabulary.has(`${word.slice(0, -3)}y`));
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
    } else joined.push({ text: [...edit.text], known: [...edit.known], replaceable: filled(edit.b, edit.b + edit.known.length), preceding: text.slice(Math.max(0, edit.a - PRECEDING_WORDS), edit.a), at: edit.b, ...(edge ? { edge } : {}) });
    last = { a: edit.a + edit.text.length, b: edit.b + edit.known.length, edge };
    joined[joined.length - 1]!.following = text.slice(last.a, last.a + DISCLAIMER_REACH);
    joined[joined.length - 1]!.end = last.b;
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
