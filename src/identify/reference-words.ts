// The known texts' words in order. The corpus keeps only shingle sets (enough to find and score a
// licence); judging what a similarity match changed (deviations.ts) needs the words themselves, so
// they are read again from the same sources, one licence at a time and only when asked.
import { existsSync, readFileSync } from 'node:fs';
import { creativeCommonsLegalCode, exceptionCarrier, variantSources } from './compile-corpus.js';
import type { Corpus } from './corpus.js';
import { ANGLE_TEXT, angleText, normalise } from './normalise.js';
import { shinglesAt, sortedSet } from './shingles.js';
import { templateFileText, templateText } from './templates.js';
import { spdxLicenceText } from '../util/spdx-texts.js';

const OWN_TEXTS = new URL('../../licences/texts/', import.meta.url);

/** A known text's words in order, with the positions of its replaceable text. */
export interface ReferenceWords {
  words: readonly string[];
  /** Positions in `words` of replaceable text (`[name of copyright owner]`): a copy may fill in anything there. */
  replaceable: ReadonlySet<number>;
}

const cache = new Map<string, ReferenceWords | null>();

/**
 * The normalised words of corpus entry `entry`, in order, or undefined when no source text gives
 * exactly the entry's shingles (then nothing is claimed about the match's words).
 */
export function referenceWords(corpus: Corpus, entry: number): ReferenceWords | undefined {
  const known = corpus.entries[entry];
  if (!known) return undefined;
  const key = `${known.id}\0${known.words}`;
  if (!cache.has(key)) cache.set(key, findWords(known.id, known.alsoIds, known.words, known.shingles));
  return cache.get(key) ?? undefined;
}

/**
 * Which of `among` the reference words of a known text hold, in `among`'s order; null when no source
 * text gives exactly its shingles. For the build (corpus.ts), which runs before the template store
 * is written, so templates are read from the data file.
 */
export function referenceWordsAmong(entry: { id: string; alsoIds: readonly string[]; words: number; shingles: Uint32Array }, among: ReadonlySet<string>): string[] | null {
  const found = findWords(entry.id, entry.alsoIds, entry.words, entry.shingles, templateFileText);
  if (!found) return null;
  const held = new Set(found.words);
  return [...among].filter((word) => held.has(word));
}

function findWords(id: string, alsoIds: readonly string[], count: number, shingles: Uint32Array, printed: (id: string) => string | undefined = templateText): ReferenceWords | null {
  for (const candidate of [id, ...alsoIds]) {
    for (const text of sourceTexts(candidate, printed)) {
      const words = withPlaceholders(text, count, shingles);
      if (words) return words;
    }
  }
  return null;
}

// Replaceable text in a reference (`[name of copyright owner]`, `[written request](#how-to-request)`,
// `$name`): the corpus drops it (normalise.ts), but a copy either keeps its words or fills in a
// name there, so the words are kept for aligning, marked so they can be told from the licence's own.
const PLACEHOLDER = /\[[^\][\n]{1,60}\]|\{[^{}\n]{1,60}\}|\$[a-z]+\b/gi;
const MARK = 'copyfairplaceholder';

/**
 * The text's words with its replaceable words kept, cut where the entry's words end (an entry
 * without end text is a prefix of the full text); null unless the words without the replaceable
 * ones give exactly the entry's shingles.
 */
function withPlaceholders(text: string, count: number, shingles: Uint32Array): ReferenceWords | null {
  const mark = (found: string) => ` ${found.replace(/[’'`]/g, '').split(/[^\p{L}\p{N}]+/u).filter(Boolean).map((word) => MARK + word).join(' ')} `;
  // Angle text normalising drops is a placeholder too (the GPL's "<one line to give the program's
  // name and a brief idea of what it does.>", which cfonts fills in with its own description).
  const marked = text.replace(PLACEHOLDER, mark).replace(ANGLE_TEXT, (found) => (angleText(found) === ' ' ? mark(found) : found));
  const words: string[] = [];
  const replaceable = new Set<number>();
  const own: string[] = [];
  for (const word of normalise(marked).words) {
    if (own.length === count) break;
    if (word.startsWith(MARK)) replaceable.add(words.length), words.push(word.slice(MARK.length));
    else own.push(word), words.push(word);
  }
  if (own.length === count && sameSet(sortedSet(shinglesAt(own)), shingles)) return { words, replaceable };
  // The marking changed how a line normalised (a placeholder in a copyright line): plain words.
  const plain = normalise(text, { template: true }).words.slice(0, count);
  return plain.length === count && sameSet(sortedSet(shinglesAt(plain)), shingles) ? { words: plain, replaceable: new Set() } : null;
}

/**
 * The texts the corpus compiler may have read for `id` (compile-corpus.ts): copyfair's own text,
 * SPDX's (an exception's from its carrier or its template), a Creative Commons licence's legal code
 * alone, and the variants of that id.
 */
function* sourceTexts(id: string, printed: (id: string) => string | undefined): Generator<string> {
  if (!/^[A-Za-z0-9.+-]+$/.test(id)) return;
  const own = new URL(`${id}.txt`, OWN_TEXTS);
  if (existsSync(own)) yield readFileSync(own, 'utf8');
  const carrier = exceptionCarrier(id);
  const spdx = spdxLicenceText(carrier ?? id);
  if (spdx !== undefined) yield carrier ? spdx.replace(/^\s*insert GPL[^\n]*\n/i, '') : spdx;
  // A Creative Commons licence's legal code without Creative Commons' words around it.
  const legalCode = spdx === undefined || carrier ? undefined : creativeCommonsLegalCode(id, spdx);
  if (legalCode !== undefined) yield legalCode;
  const rendered = printed(id);
  if (rendered) yield rendered;
  for (const variant of variantSources()) if (variant.id === id) yield variant.text;
}

function sameSet(a: Uint32Array, b: Uint32Array): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}
