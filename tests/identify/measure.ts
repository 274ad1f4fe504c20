// Measures identification on the accuracy corpus: top-1 accuracy, precision and recall at the
// threshold, and every sample that went wrong, so docs/identification.md can quote the numbers.
import { loadCorpus } from '../../src/identify/corpus.js';
import { identifyText } from '../../src/identify/index.js';
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
    const variants: [string, string | undefined][] = [
      ['verbatim', source.text],
      ['rewrapped', rewrap(source.text)],
      ['markdown', markdown(source.text)],
      ['header', withHeader(fillNames(source.text))],
      ['filled', fillNames(source.text)],
      ['paragraph-removed', dropParagraph(source.text, sharedWithTwins(source.text))],
    ];
    for (const [variant, text] of variants) {
      if (text !== undefined) samples.push({ name: `${source.id} ${variant}`, text, expected });
    }
  }
  return [...samples, ...NOT_LICENCES];
}

/**
 * Whether a paragraph of `text` is shared word for word with every near twin of `text` (known
 * texts with Dice ≥ 0.7), so dropping it leaves the text as distinguishable as before.
 */
function sharedWithTwins(text: string): (paragraph: string) => boolean {
  const corpus = loadCorpus();
  const own = sortedSet(shinglesAt(normalise(text, { template: true }).words));
  const twins = corpus.entries
    .map((entry) => entry.shingles)
    .filter((other) => {
      const shared = intersectionSize(own, other);
      const dice = (2 * shared) / (own.length + other.length);
      return dice >= 0.7 && dice < 1;
    });
  return (paragraph) => {
    const shingles = shinglesAt(normalise(paragraph, { template: true }).words);
    return twins.every((twin) => shingles.every((shingle) => has(twin, shingle)));
  };
}

/** Identifies every sample and counts. */
export function measure(samples: readonly Sample[]): Measurement {
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
    const identification = identifyText(sample.text);
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
