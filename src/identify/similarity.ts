// The similarity path: Sørensen–Dice over word shingles. The inverted index narrows ~700 known
// texts to the few that share many shingles with the file; for each of those the matcher finds the
// stretch of the file that holds the licence, so a file with several licences, a header or a
// README around it is scored on the licence's own words.
import type { Corpus } from './corpus.js';
import { SHINGLE_SIZE, has, intersectionSize, sortedSet } from './shingles.js';

/** The shingles of the file being identified, by word position. */
export interface Query {
  shingles: Uint32Array;
  /** 1 where a word position already belongs to a match. */
  masked: Uint8Array;
  /** Unmasked positions before each position; filled by {@link rankCandidates}. */
  unmaskedBefore?: Uint32Array;
  /** Distinct shingles of stretches already scored this round; reset by {@link rankCandidates}. */
  stretches?: Map<string, Uint32Array>;
  /** Share of each ranked entry's shingles the unmasked file holds; filled by {@link rankCandidates}. */
  containment?: Map<number, number>;
  /** The distinct shingles' index rows, looked up on the first round; see {@link rankCandidates}. */
  lookup?: RowLookup;
}

/** Where one known text sits in the file and how well it matches there. */
export interface Located {
  entry: number;
  /** First and last word position of the stretch (inclusive). */
  from: number;
  to: number;
  /**
   * Dice coefficient between the stretch's shingles and the known text's: an estimate from hit
   * counts after {@link locate}, exact after {@link scoreExactly}.
   */
  dice: number;
}

/** Known texts compared in full per round; the index has already ranked them by shared shingles. */
const CANDIDATES_PER_ROUND = 12;
/**
 * Hits further apart than this many words start a new cluster. Small on purpose: runs of clusters
 * are merged back when that improves the score, so a gap only offers a place to cut.
 */
const MAX_GAP = 8;
/** Postings longer than this are checked candidate by candidate instead of walked. */
const LONG_POSTING = 64;
/** Share of a known text's shingles the file must hold before it is compared at all. */
const MIN_CONTAINMENT = 0.2;

/** Ranks known texts by the share of their shingles found in the unmasked part of the file. */
export function rankCandidates(query: Query, corpus: Corpus, exclude?: ReadonlySet<number>): number[] {
  // The file's distinct shingles and their index rows are looked up once per file, and how many
  // of each known text's shingles the file holds is counted on the first round; later rounds only
  // take away the postings of shingles that masking removed.
  const lookup = (query.lookup ??= lookupRows(query, corpus));
  const present = new Uint8Array(lookup.rowOf.length);
  for (let position = 0; position < query.shingles.length; position++) {
    if (!query.masked[position]) present[lookup.slotAt[position]!] = 1;
  }
  const counts = countHeld(lookup, present, corpus);
  query.unmaskedBefore = prefixUnmasked(query.masked);
  query.stretches = new Map();
  const ranked: { entry: number; containment: number }[] = [];
  for (let entry = 0; entry < counts.length; entry++) {
    const count = counts[entry]!;
    const size = corpus.entries[entry]?.shingles.length ?? 1;
    const containment = count / size;
    if (containment >= MIN_CONTAINMENT && count >= 2 && !exclude?.has(entry)) ranked.push({ entry, containment });
  }
  ranked.sort((a, b) => b.containment - a.containment || a.entry - b.entry);
  const kept = ranked.slice(0, CANDIDATES_PER_ROUND);
  query.containment = new Map(kept.map((candidate) => [candidate.entry, candidate.containment]));
  return kept.map((candidate) => candidate.entry);
}

/**
 * For each known text, how many of the `present` distinct shingles it holds: the previous round's
 * counts less the postings of shingles no longer present (masking only grows), or counted afresh
 * when there is no previous round or a shingle came back.
 */
function countHeld(lookup: RowLookup, present: Uint8Array, corpus: Corpus): Uint32Array {
  const { starts, entries } = corpus.index;
  const before = lookup.present;
  const counts = lookup.counts ?? new Uint32Array(corpus.entries.length);
  let fresh = before === undefined;
  if (before) for (let slot = 0; slot < present.length && !fresh; slot++) if (present[slot] && !before[slot]) fresh = true;
  if (fresh) counts.fill(0);
  for (let slot = 0; slot < present.length; slot++) {
    const row = lookup.rowOf[slot]!;
    if (row < 0) continue;
    const add = fresh ? present[slot] === 1 : false;
    const remove = !fresh && before![slot] === 1 && present[slot] === 0;
    if (!add && !remove) continue;
    const end = starts[row + 1] ?? 0;
    if (add) for (let at = starts[row] ?? 0; at < end; at++) counts[entries[at] ?? 0]!++;
    else for (let at = starts[row] ?? 0; at < end; at++) counts[entries[at] ?? 0]!--;
  }
  lookup.counts = counts;
  lookup.present = present;
  return counts;
}

/**
 * The file's distinct shingles: each position's slot, each slot's index row and each position's
 * row (-1: no known text has it), and the counts of the last round ({@link countHeld}).
 */
interface RowLookup {
  slotAt: Uint32Array;
  rowOf: Int32Array;
  rowAt: Int32Array;
  present?: Uint8Array;
  counts?: Uint32Array;
}

function lookupRows(query: Query, corpus: Corpus): RowLookup {
  const distinct = sortedSet(query.shingles);
  const slotAt = new Uint32Array(query.shingles.length);
  for (let position = 0; position < query.shingles.length; position++) slotAt[position] = indexIn(distinct, query.shingles[position]!);
  const rowOf = new Int32Array(distinct.length).fill(-1);
  const { keys } = corpus.index;
  let low = 0;
  for (let slot = 0; slot < distinct.length; slot++) {
    const shingle = distinct[slot]!;
    // `distinct` is sorted, so the search resumes where the last one stopped.
    let high = keys.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      if ((keys[middle] ?? 0) < shingle) low = middle + 1;
      else high = middle - 1;
    }
    if (keys[low] === shingle) rowOf[slot] = low;
  }
  const rowAt = new Int32Array(query.shingles.length);
  for (let position = 0; position < query.shingles.length; position++) rowAt[position] = rowOf[slotAt[position]!]!;
  return { slotAt, rowOf, rowAt };
}

/** The position of `value` in the sorted set `set`, which holds it. */
function indexIn(set: Uint32Array, value: number): number {
  let low = 0;
  let high = set.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (set[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The positions of the file whose shingle each candidate holds, in one pass over the postings
 * (rather than one search per position per candidate). Needs {@link rankCandidates} first.
 */
export function hitPositions(query: Query, corpus: Corpus, candidates: readonly number[]): number[][] {
  const slot = new Int16Array(corpus.entries.length).fill(-1);
  candidates.forEach((entry, index) => (slot[entry] = index));
  const hits = candidates.map((): number[] => []);
  const { starts, entries } = corpus.index;
  const sets = candidates.map((entry) => corpus.entries[entry]!.shingles);
  const rowAt = query.lookup!.rowAt;
  for (let position = 0; position < query.shingles.length; position++) {
    const row = query.masked[position] ? -1 : rowAt[position]!;
    if (row < 0) continue;
    const from = starts[row] ?? 0;
    const to = starts[row + 1] ?? 0;
    if (to - from > LONG_POSTING) {
      // A common phrase: asking each candidate is cheaper than walking every text that has it.
      const shingle = query.shingles[position]!;
      for (let index = 0; index < sets.length; index++) if (has(sets[index]!, shingle)) hits[index]!.push(position);
      continue;
    }
    for (let at = from; at < to; at++) {
      const index = slot[entries[at] ?? 0] ?? -1;
      if (index >= 0) hits[index]!.push(position);
    }
  }
  return hits;
}

/**
 * Finds the stretch of the file that best holds known text `entry`, given the positions it hits:
 * hits are grouped into clusters, and the run of clusters with the best Dice estimate wins, which
 * drops stray common phrases ("without warranty of any kind") that other licences share.
 */
export function locate(query: Query, corpus: Corpus, entry: number, hits: readonly number[]): Located | undefined {
  const known = corpus.entries[entry]!.shingles;
  if (hits.length < 2) return undefined;
  const restarts = restartsOf(hits, query.shingles);
  let clusters = clustersOf(hits, restarts, MAX_GAP);
  // Keep the search over runs of clusters small: widen the gap until few clusters remain.
  for (let gap = MAX_GAP * 2; clusters.length > MAX_CLUSTERS && gap < 4096; gap *= 2) clusters = clustersOf(hits, restarts, gap);
  // Hits and lengths count positions, the known text's size distinct shingles; scale by the share
  // of the known text's positions that are distinct (GPL repeats itself a lot) to compare alike.
  const { words } = corpus.entries[entry]!;
  const distinctShare = Math.min(1, known.length / Math.max(1, words - SHINGLE_SIZE + 1));
  const unmaskedBefore = query.unmaskedBefore ?? prefixUnmasked(query.masked);
  let best = { from: 0, to: 0, estimate: -1 };
  for (let first = 0; first < clusters.length; first++) {
    let hitCount = 0;
    for (let last = first; last < clusters.length; last++) {
      hitCount += clusters[last]!.hits;
      const from = clusters[first]!.from;
      const to = clusters[last]!.to;
      const length = (unmaskedBefore[to + 1] ?? 0) - (unmaskedBefore[from] ?? 0);
      const estimate = (2 * Math.min(hitCount * distinctShare, known.length)) / (length * distinctShare + known.length);
      if (estimate > best.estimate) best = { from, to, estimate };
    }
  }
  return { entry, from: best.from, to: best.to + SHINGLE_SIZE - 1, dice: best.estimate };
}

/** Replaces a located match's estimated Dice with the exact one (distinct shingles). */
export function scoreExactly(query: Query, corpus: Corpus, located: Located): Located {
  const known = corpus.entries[located.entry]!.shingles;
  return { ...located, dice: diceOf(query, known, located.from, located.to - SHINGLE_SIZE + 1) };
}

/** The Dice coefficient between shingle positions `from..to` of the file and a known text. */
export function diceOf(query: Query, known: Uint32Array, from: number, to: number): number {
  const distinct = distinctIn(query, from, to);
  return (2 * intersectionSize(distinct, known)) / (distinct.length + known.length || 1);
}

/** The distinct unmasked shingles of a stretch; contenders often share a stretch, so it is cached. */
function distinctIn(query: Query, from: number, to: number): Uint32Array {
  const key = `${from}:${to}`;
  const cached = query.stretches?.get(key);
  if (cached) return cached;
  const stretch: number[] = [];
  for (let position = from; position <= to; position++) {
    if (!query.masked[position]) stretch.push(query.shingles[position] ?? 0);
  }
  const distinct = sortedSet(Uint32Array.from(stretch));
  (query.stretches ??= new Map()).set(key, distinct);
  return distinct;
}

interface Cluster {
  from: number;
  to: number;
  hits: number;
}

/** Runs of clusters are searched in quadratic time, so their number is bounded. */
const MAX_CLUSTERS = 48;
/** Hits in a row looked at when deciding whether the known text starts over. */
const RESTART_WINDOW = 24;
/** Share of those hits that repeat earlier ones when the text has started over. */
const RESTART_SHARE = 0.75;

/**
 * "Seen since the last start" as a generation-stamped table over 16 bits of the shingle: far
 * cheaper than a Set, and a rare false repeat cannot reach the share that means a restart. One
 * table for every call rather than a fresh 128 KiB one per located candidate: each start takes a
 * new generation, so stamps of earlier calls never count as seen.
 */
const stamp = new Uint16Array(65536);
let stampGeneration = 0;

function nextGeneration(): number {
  if (stampGeneration === 0xffff) {
    stamp.fill(0);
    stampGeneration = 0;
  }
  return ++stampGeneration;
}

/**
 * Indexes of hits where the known text starts over: most of the next hits repeat shingles already
 * seen since the last start. That is a second copy, or a licence built from this one (SSPL from
 * AGPL, a CNPL after a PPL), which runs on without a gap and must not merge with the first.
 */
function restartsOf(hits: readonly number[], shingles: Uint32Array): Set<number> {
  const restarts = new Set<number>();
  let generation = nextGeneration();
  const repeats = new Uint8Array(hits.length);
  let inWindow = 0; // repeats among the last RESTART_WINDOW hits
  for (let index = 0; index < hits.length; index++) {
    const slot = (shingles[hits[index]!] ?? 0) & 0xffff;
    repeats[index] = stamp[slot] === generation ? 1 : 0;
    stamp[slot] = generation;
    inWindow += repeats[index]!;
    const from = index - RESTART_WINDOW + 1;
    if (from > 0) inWindow -= repeats[from - 1]!;
    if (from <= 0 || !repeats[from] || inWindow < RESTART_WINDOW * RESTART_SHARE) continue;
    // Start again at the first repeat of the window: what follows is judged against itself.
    restarts.add(from);
    generation = nextGeneration();
    for (let at = from; at <= index; at++) {
      repeats[at] = 0;
      stamp[(shingles[hits[at]!] ?? 0) & 0xffff] = generation;
    }
    inWindow = 0;
  }
  return restarts;
}

function clustersOf(hits: readonly number[], restarts: ReadonlySet<number>, maxGap: number): Cluster[] {
  const clusters: Cluster[] = [];
  for (let index = 0; index < hits.length; index++) {
    const position = hits[index]!;
    const current = clusters[clusters.length - 1];
    if (current && position - current.to <= maxGap && !restarts.has(index)) {
      current.to = position;
      current.hits++;
    } else clusters.push({ from: position, to: position, hits: 1 });
  }
  return clusters;
}

function prefixUnmasked(masked: Uint8Array): Uint32Array {
  const prefix = new Uint32Array(masked.length + 1);
  for (let index = 0; index < masked.length; index++) prefix[index + 1] = (prefix[index] ?? 0) + (masked[index] ? 0 : 1);
  return prefix;
}
