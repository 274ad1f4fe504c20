// Identification done once per distinct text. A tree repeats a few licences hundreds of times with
// another copyright line, another wrap or a Markdown title, which normalisation removes: what is
// found is remembered by the normalised words, and the whole answer by the words and the line each
// word is on, unless finding it read the file's own text past its words (then it is worked out
// again, because the same words may sit in different text).
import { createHash } from 'node:crypto';
import type { Corpus } from './corpus.js';
import type { Findings } from './find.js';
import type { Normalised } from './normalise.js';
import type { Identification } from './types.js';

/** Distinct texts remembered per corpus; a tree holds a few hundred, repeated thousands of times. */
const LIMIT = 4096;

interface Remembered {
  findings: Map<string, Findings>;
  answers: Map<string, Identification>;
}

const memos = new WeakMap<Corpus, Remembered>();

/** The memo of one normalised text against one corpus. */
export interface TextMemo {
  /** The answer for a text with these words on these lines, if one was kept: a copy of it. */
  answer(): Identification | undefined;
  /** What the words hold: remembered, or found now with `find` and remembered. Callers only read it. */
  findings(find: () => Findings): Findings;
  /** Keeps `identification` for texts like this one unless `file` was read, and returns it. */
  keep(identification: Identification, file: FileText): Identification;
}

/** The memo for `normalised` against `corpus`. */
export function memoFor(normalised: Normalised, corpus: Corpus): TextMemo {
  let remembered = memos.get(corpus);
  if (!remembered) memos.set(corpus, (remembered = { findings: new Map(), answers: new Map() }));
  const { findings, answers } = remembered;
  const { wordsKey, layoutKey } = keysOf(normalised);
  return {
    answer() {
      const known = answers.get(layoutKey);
      return known && copyPlain(known);
    },
    findings(find) {
      const known = findings.get(wordsKey);
      if (known) return known;
      const found = find();
      remember(findings, wordsKey, found);
      return found;
    },
    keep(identification, file) {
      if (!file.read) remember(answers, layoutKey, copyPlain(identification));
      return identification;
    },
  };
}

/**
 * The file's own text, for the steps after matching that read it (a Hippocratic badge, BUSL's
 * parameters block, a notice): each read is noted, so an answer that depended on it is not kept.
 */
export class FileText {
  /** True once anything read the text. */
  read = false;
  private lines: string[] | undefined;

  constructor(private readonly text: string) {}

  /** The whole text, verbatim. */
  whole(): string {
    this.read = true;
    return this.text;
  }

  /** Lines `start` to `end` (1-based, inclusive), verbatim. */
  excerpt(start: number, end: number): string {
    this.read = true;
    return (this.lines ??= this.text.split(/\r\n|\r|\n/)).slice(start - 1, end).join('\n');
  }
}

/**
 * The words alone (what the finding reads: the words, and how many of them the first line holds
 * for the exact path's title), and the words with the line of each (everything after it reads).
 */
function keysOf(normalised: Normalised): { wordsKey: string; layoutKey: string } {
  const { words, lines } = normalised;
  let titleWords = 0;
  while (titleWords < words.length && lines[titleWords] === lines[0]) titleWords++;
  const hash = createHash('sha1').update(words.join(' '));
  const wordsKey = hash.copy().update(`\0${titleWords}`).digest('base64');
  const layout = new Uint32Array(lines);
  const layoutKey = hash.update('\0').update(new Uint8Array(layout.buffer)).digest('base64');
  return { wordsKey, layoutKey };
}

function remember<T>(map: Map<string, T>, key: string, value: T): void {
  if (map.size >= LIMIT) map.clear();
  map.set(key, value);
}

/** A copy of plain data, so no caller can change what another is given. */
function copyPlain<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyPlain) as T;
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = copyPlain(item);
  return copy as T;
}
