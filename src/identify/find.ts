// Finds every known text in a normalised file: the exact path first, then rounds of similarity
// matching, each round taking the best match and masking its stretch so the next round looks
// only at what is left (the Commons Clause after Apache-2.0, the second licence of a dual licence).
import type { Corpus } from './corpus.js';
import { exactKeys } from './exact.js';
import { familiesOfId, namesFamilyBesides } from './family-words.js';
import { namesOtherLicence } from './notices.js';
import type { Normalised } from './normalise.js';
import { SHINGLE_SIZE, shinglesAt } from './shingles.js';
import { hitPositions, locate, rankCandidates, scoreExactly, type Located, type Query } from './similarity.js';
import { insertedTerm } from './insertions.js';
import { grantChanged, type Deviation } from './deviations.js';
import { resolveTwins } from './twins.js';
import { templateRound, upgradeByTemplate } from './template-round.js';

/**
 * The lowest Dice score reported as a match, chosen from measurements (docs/identification.md): no
 * wrong licence of the test corpus scores above any threshold from 0.6 up, and 0.9 is the knee
 * where fewer unknown texts pass for a known relative while recall stays above 99%.
 */
export const THRESHOLD = 0.9;
/** Candidates whose estimated score is this far below the leader's are not scored exactly. */
const CONTENDER_WINDOW = 0.15;
/** Scores below this are not worth listing even as candidates. */
const CANDIDATE_FLOOR = 0.3;
/**
 * A stretch that resembles a known text this much, but not enough to report, is a licence
 * copyfair cannot name: the file is then unknown rather than identified by its other matches.
 */
const NEAR_MISS = 0.6;
/** A near miss must span at least this many words to count (short notices resemble many texts). */
const NEAR_MISS_WORDS = 20;
/** A leftover stretch shorter than this is a header or a signature, not another licence. */
const MIN_LEFTOVER_WORDS = 12;
/** Bundled-licence files (a LICENSE.md listing every dependency's licence) hold dozens of texts. */
const MAX_ROUNDS = 64;

/** A match found in the file, with the rival it could not be told from, if any. */
export interface Found extends Located {
  /** True on the exact path. */
  exact: boolean;
  /** True when the SPDX template matched (the score is then 1). */
  template?: boolean;
  /** A near twin the text did not rule out: the match is then not reported as confident. */
  undecided?: Located;
  /** Words inside the match that the known text lacks and that read like a term of their own. */
  inserted?: string;
  /** A change to the known text's words that alters its grant ("NOT granted", "but not sell"). */
  changed?: Deviation;
}

/** What {@link findAll} found: matches in file order, and the nearest texts by score. */
export interface Findings {
  found: Found[];
  nearest: Located[];
  /** Positions not covered by any match, as a mask over word positions (1 = covered). */
  covered: Uint8Array;
  /** A stretch that resembles a known text without matching it well enough. */
  nearMiss?: Located;
}

/** Options for measuring identification; the defaults are what copyfair uses. */
export interface FindOptions {
  /** The lowest Dice score reported as a match. Default {@link THRESHOLD}. */
  threshold?: number;
  /** Entries to pretend are unknown (leave-one-out measurements). */
  exclude?: ReadonlySet<number>;
  /** False to skip the SPDX templates (measuring what they add). Default true. */
  templates?: boolean;
}

/** Finds every known text in `text` (already normalised). */
export function findAll(text: Normalised, corpus: Corpus, options: FindOptions = {}): Findings {
  const threshold = options.threshold ?? THRESHOLD;
  const covered = new Uint8Array(text.words.length);
  for (const [index, key] of exactKeys(text).entries()) {
    const entry = corpus.exact.get(key);
    if (entry === undefined || options.exclude?.has(entry)) continue;
    // The words without their title: a title naming another licence ("GPL-3.0" or "CC BY-NC 4.0"
    // above an MIT text, read as MIT, free, in the eighteenth session) is read on the slower paths,
    // where words beside a licence are judged.
    if (index > 0 && titleNamesOther(text, corpus, entry)) continue;
    covered.fill(1);
    const whole = { entry, from: 0, to: text.words.length - 1, dice: 1, exact: true };
    return { found: [whole], nearest: [whole], covered };
  }
  const query: Query = { shingles: shinglesAt(text.words), masked: new Uint8Array(Math.max(0, text.words.length - SHINGLE_SIZE + 1)) };
  const found: Found[] = [];
  let nearest: Located[] = [];
  let nearMiss: Located | undefined;
  for (let round = 0; round < MAX_ROUNDS && unmaskedCount(query) >= MIN_LEFTOVER_WORDS; round++) {
    const ranked = rankCandidates(query, corpus, options.exclude);
    const templated = options.templates === false ? [] : templateRound(text, covered, corpus, ranked, query);
    if (templated.length > 0) {
      if (round === 0) nearest = [templated[0]!];
      for (const { undecided, ...located } of templated) {
        found.push({ ...located, exact: false, template: true, ...(undecided ? { undecided } : {}) });
        query.masked.fill(1, located.from, Math.max(located.from, located.to - SHINGLE_SIZE + 2));
        covered.fill(1, located.from, located.to + 1);
      }
      continue;
    }
    const hits = hitPositions(query, corpus, ranked);
    const estimated = ranked
      .map((entry, index) => locate(query, corpus, entry, hits[index]!))
      .filter((candidate): candidate is Located => candidate !== undefined);
    // Exact scores only for the contenders: the estimate ranks the rest well enough.
    const leader = Math.max(0, ...estimated.map((candidate) => candidate.dice));
    const located = estimated
      .filter((candidate) => candidate.dice >= leader - CONTENDER_WINDOW)
      .map((candidate) => scoreExactly(query, corpus, candidate))
      .filter((candidate) => candidate.dice >= CANDIDATE_FLOOR)
      .sort((a, b) => b.dice - a.dice || a.entry - b.entry);
    if (located.length === 0) break;
    if (round === 0) nearest = located.slice(0, 5);
    const resolved = resolveTwins(preferCovering(located, threshold), query, corpus);
    const chosen = withEndText(resolved.pick, located, corpus, threshold);
    const pick = options.templates === false ? chosen : upgradeByTemplate(chosen, located, text, covered, corpus);
    if (round === 0 && pick !== chosen) nearest = [pick, ...nearest.filter((other) => other.entry !== pick.entry)];
    if (pick.dice < threshold) {
      if (pick.dice >= NEAR_MISS && pick.to - pick.from + 1 >= NEAR_MISS_WORDS) nearMiss = pick;
      break;
    }
    const template = pick !== chosen;
    // A template match is the licence's own words, optional parts included (GPL-2.0's closing
    // paragraph, which the SPDX list's plain text lacks): no words of its stretch are inserted.
    const inserted = template ? undefined : insertedTerm(text, query.shingles, corpus.entries[pick.entry]!, pick.from, pick.to);
    // A template match settles which twin the text is, and is the licence's own words.
    const undecided = template ? undefined : resolved.undecided;
    const changed = template || inserted ? undefined : grantChanged(text.words, pick.from, pick.to, corpus, pick.entry);
    found.push({ ...pick, exact: false, ...(template ? { template } : {}), ...(undecided ? { undecided } : {}), ...(inserted ? { inserted } : {}), ...(changed ? { changed } : {}) });
    query.masked.fill(1, pick.from, Math.max(pick.from, pick.to - SHINGLE_SIZE + 2));
    covered.fill(1, pick.from, pick.to + 1);
  }
  found.sort((a, b) => a.from - b.from);
  // Out of rounds with text left: what is left was never looked at, so the answer is not whole.
  if (found.length === MAX_ROUNDS && unmaskedCount(query) >= MIN_LEFTOVER_WORDS) nearMiss ??= found[found.length - 1];
  return nearMiss ? { found, nearest, covered, nearMiss } : { found, nearest, covered };
}

/**
 * Some licences quote others whole (SSH-OpenSSH holds SSH-short, FSL holds MIT). When a known text
 * that matches well spans clearly more of the file than the leader, the file is that text.
 */
function preferCovering(located: Located[], threshold: number): Located[] {
  const leader = located[0]!;
  const span = leader.to - leader.from;
  const covering = located.find(
    (other) =>
      other !== leader &&
      other.dice >= threshold &&
      other.from <= leader.from &&
      other.to >= leader.to &&
      other.to - other.from >= span * 1.2 + SHINGLE_SIZE,
  );
  return covering ? [covering, ...located.filter((other) => other !== covering)] : located;
}

/**
 * A licence matched without its end text (the "How to apply" appendix) is reported with it when
 * the full text also matches and spans more: the appendix is then part of the licence, not the
 * file's own words (a GPL's sample notice must not read as the file's "or later" grant).
 */
function withEndText(pick: Located, located: readonly Located[], corpus: Corpus, threshold: number): Located {
  const id = corpus.entries[pick.entry]!.id;
  const fuller = located.find(
    (other) =>
      other !== pick &&
      corpus.entries[other.entry]!.id === id &&
      other.dice >= threshold &&
      other.from <= pick.from &&
      other.to > pick.to,
  );
  return fuller ?? pick;
}

function unmaskedCount(query: Query): number {
  let count = 0;
  for (const bit of query.masked) if (!bit) count++;
  return count;
}

/** Whether the first line of `text` names a non-permissive licence (family) that known text `entry` is not of and never names. */
function titleNamesOther(text: Normalised, corpus: Corpus, entry: number): boolean {
  const known = corpus.entries[entry]!;
  const title: string[] = [];
  for (let at = 0; at < text.words.length && text.lines[at] === text.lines[0]; at++) title.push(text.words[at]!);
  const ownWords = known.familyWords ?? [];
  const families = new Set([known.id, ...known.alsoIds].flatMap(familiesOfId));
  // (Or any other licence a rule names by a short name, "Docs: MS-RL": notices.ts.)
  return namesFamilyBesides(title, families, (word) => ownWords.includes(word)) || namesOtherLicence(title, families);
}
