// Measures identification on the accuracy corpus: top-1 accuracy, precision and recall at the
// threshold, and every sample that went wrong, so docs/identification.md can quote the numbers.
import { loadCorpus } from '../../src/identify/corpus.js';
import { identifyWith, type FindOptions } from '../../src/identify/index.js';
import { normalise } from '../../src/identify/normalise.js';
import { has, intersectionSize, shinglesAt, sortedSet } from '../../src/identify/shingles.js';
import {
  NOT_LICENCES,
  dropParagraph,
  fillNames,
  knownTexts,
  markdown,
  rewrap,
  withHeader,
  type Sample,
} from './variants.js';

/** The result of a measurement. */
export interface Measurement {
  samples: number;
  /** The reported expression (or, when unknown, the nearest candidate) is the expected one. */
  top1Correct: number;
  /** Expression reported (not null). */
  answered: number;
  /** Expression reported and right. */
  answeredRight: number;
  /** Samples with an expected licence. */
  positives: number;
  /** Expression reported and wrong: must stay zero. */
  confidentWrong: { name: string; expected: string | null; got: string | null }[];
  /** Expected licence, but unknown or the nearest candidate wrong. */
  misses: { name: string; expected: string | null; got: string | null; nearest: string }[];
}

/** The id identification reports for a bare copy of known text `id`. */
export function expectedId(id: string): string {
  const corpus = loadCorpus();
  const entry = corpus.entries[corpus.byId.get(id) ?? -1];
  return entry?.id ?? id;
}

/** Builds the accuracy corpus: `ids` limits the single-text samples (all known texts by default). */
export function buildSamples(ids?: ReadonlySet<string>): Sample[] {
  const samples: Sample[] = [];
  for (const source of knownTexts()) {
    if (source.kind !== 'licence' || (ids && !ids.has(source.id))) continue;
    const expected = expectedId(source.id);
    const droppable = sharedWithTwins(source.text);
    const variants: [string, string | undefined][] = [
      ['verbatim', source.text],
      ['rewrapped', rewrap(source.text)],
      ['markdown', markdown(source.text)],
      ['header', withHeader(fillNames(source.text))],
      ['filled', fillNames(source.text)],
      ['paragraph-removed', dropParagraph(source.text, droppable)],
      ['sloppy', sloppy(source.text, droppable)],
    ];
    for (const [variant, text] of variants) {
      if (text !== undefined) samples.push({ name: `${source.id} ${variant}`, text, expected });
    }
  }
  return [...samples, ...pairSamples(ids), ...NOT_LICENCES];
}

const CHOICE_NOTICE = 'This project is dual licensed: you may use it under either licence below, at your option.\n\n';
const SEPARATOR = '\n\n--------------------------------------------------------------------------\n\n';

/**
 * Two licences in one file: each reference text of copyfair's own and a few common SPDX texts,
 * paired with one further down the list (skipping near twins, which are one licence or the other,
 * not both), with no words of choice (AND) and with a dual-licence notice (OR). The Commons
 * Clause is a rider and always AND, last.
 */
function pairSamples(ids?: ReadonlySet<string>): Sample[] {
  const corpus = loadCorpus();
  const pool = knownTexts().filter(
    (source) =>
      source.kind === 'licence' &&
      (source.id.startsWith('LicenseRef-') || COMMON.includes(source.id)) &&
      (!ids || ids.has(source.id)),
  );
  const samples: Sample[] = [];
  pool.forEach((first, index) => {
    const second = pool[(index + 7) % pool.length]!;
    if (first === second || related(corpus, first.id, second.id)) return;
    const [a, b] = [expectedId(first.id), expectedId(second.id)];
    const rider = [a, b].find((id) => id === 'LicenseRef-scancode-commons-clause');
    const base = rider === a ? b : a;
    const and = rider ? `${base} AND ${rider}` : `${a} AND ${b}`;
    const or = rider ? and : `${a} OR ${b}`;
    const text = `${first.text}${SEPARATOR}${second.text}`;
    samples.push({ name: `${first.id} + ${second.id}`, text, expected: and });
    samples.push({ name: `${first.id} or ${second.id}`, text: `${CHOICE_NOTICE}${text}`, expected: or });
  });
  return samples;
}

const COMMON = ['MIT', 'Apache-2.0', 'ISC', 'BSD-3-Clause', 'GPL-3.0-only', 'MPL-2.0', 'PPL', 'Elastic-2.0', 'BUSL-1.1', 'Parity-7.0.0'];

/** Whether two known texts share so much that a file holding both is a family question. */
function related(corpus: ReturnType<typeof loadCorpus>, first: string, second: string): boolean {
  const a = corpus.entries[corpus.byId.get(first) ?? -1]?.shingles;
  const b = corpus.entries[corpus.byId.get(second) ?? -1]?.shingles;
  if (!a || !b) return true;
  return intersectionSize(a, b) / Math.min(a.length, b.length) > 0.3;
}

/**
 * Whether a paragraph of `text` is shared word for word with every near twin of `text` (known
 * texts with Dice ≥ 0.7), so dropping it leaves the text as distinguishable as before.
 */
function sharedWithTwins(text: string): (paragraph: string) => boolean {
  const corpus = loadCorpus();
  const own = sortedSet(shinglesAt(normalise(text, { template: true }).words));
  // How many of its shingles each entry shares, from the corpus's own index (the entries holding
  // each shingle): `own` is sorted, so each search resumes where the last one stopped.
  const { keys, starts, entries } = corpus.index;
  const shared = new Int32Array(corpus.entries.length);
  let low = 0;
  for (const shingle of own) {
    let high = keys.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      if (keys[middle]! < shingle) low = middle + 1;
      else high = middle - 1;
    }
    if (keys[low] === shingle) for (let at = starts[low]!; at < starts[low + 1]!; at++) shared[entries[at]!]!++;
  }
  const twins = corpus.entries
    .map((entry) => entry.shingles)
    .filter((other, entry) => {
      const dice = (2 * shared[entry]!) / (own.length + other.length);
      return dice >= 0.7 && dice < 1;
    });
  return (paragraph) => {
    const shingles = shinglesAt(normalise(paragraph, { template: true }).words);
    return twins.every((twin) => shingles.every((shingle) => has(twin, shingle)));
  };
}

/** The worst copy: two paragraphs gone, names filled in, re-wrapped to a narrow column, a header. */
function sloppy(text: string, droppable: (paragraph: string) => boolean): string | undefined {
  const once = dropParagraph(text, droppable);
  const twice = once === undefined ? undefined : dropParagraph(once, droppable);
  return twice === undefined ? undefined : withHeader(rewrap(fillNames(twice), 48));
}

/** Identifies every sample and counts; `options` as for identifyWith (threshold, exclusions). */
export function measure(samples: readonly Sample[], options: FindOptions = {}): Measurement {
  const result: Measurement = {
    samples: samples.length,
    top1Correct: 0,
    answered: 0,
    answeredRight: 0,
    positives: 0,
    confidentWrong: [],
    misses: [],
  };
  for (const sample of samples) {
    const identification = identifyWith(sample.text, loadCorpus(), options);
    const got = identification.expression;
    const nearest = identification.candidates[0]?.id ?? null;
    if (sample.expected !== null) result.positives++;
    if (got !== null) {
      result.answered++;
      if (got === sample.expected) result.answeredRight++;
      else result.confidentWrong.push({ name: sample.name, expected: sample.expected, got });
    }
    const top1 = got ?? (sample.expected === null ? null : nearest);
    if (top1 === sample.expected) result.top1Correct++;
    else if (got === null) {
      result.misses.push({ name: sample.name, expected: sample.expected, got, nearest: `${nearest} ${identification.candidates[0]?.confidence}` });
    }
  }
  return result;
}

/**
 * Leave-one-out: each known licence text, verbatim, identified with its own entry removed from
 * the corpus, so it is a licence copyfair does not know. Anything reported is wrong; the count
 * measures how often an unknown variant is taken for its nearest known relative.
 */
export function leaveOneOut(threshold: number): { samples: number; reported: { name: string; got: string }[] } {
  const corpus = loadCorpus();
  const reported: { name: string; got: string }[] = [];
  let samples = 0;
  for (const source of knownTexts()) {
    const entry = corpus.byId.get(source.id);
    if (source.kind !== 'licence' || entry === undefined) continue;
    samples++;
    // Every entry of the text goes: the full text and its copy without end text.
    const id = corpus.entries[entry]!.id;
    const exclude = new Set(corpus.entries.flatMap((other, index) => (other.id === id ? [index] : [])));
    const result = identifyWith(source.text, corpus, { threshold, exclude });
    if (result.expression !== null) reported.push({ name: source.id, got: result.expression });
  }
  return { samples, reported };
}
