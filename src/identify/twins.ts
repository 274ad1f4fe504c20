// Near twins (BSD-2 and BSD-3, MIT and MIT-0, the PolyForm family, CNPL and NVPL …) share most of
// their words, so their Dice scores differ by little. What tells them apart is the text one has
// and the other lacks: compare how much of each one's own shingles the file holds.
import type { Corpus } from './corpus.js';
import type { Located, Query } from './similarity.js';
import { difference, has, sortedSet } from './shingles.js';

/** Rivals within this much Dice of the leader are compared on the text only they have. */
const TWIN_WINDOW = 0.04;
/** A twin's own text counts as evidence only when it has at least this many shingles. */
const MIN_OWN_SHINGLES = 10;
/** Share of its own text a twin needs in the file to be told from its rivals. */
const MIN_OWN_PRESENCE = 0.5;
/** One twin wins when the file holds this much more of its own text than of the other's. */
const PRESENCE_MARGIN = 0.15;

/** The chosen match, and whether a near twin could not be ruled out. */
export interface TwinVerdict {
  pick: Located;
  /** A rival the file's text cannot tell from `pick`. */
  undecided?: Located;
}

/** Picks among located matches (sorted by Dice, best first) using the text each twin has alone. */
export function resolveTwins(located: Located[], query: Query, corpus: Corpus): TwinVerdict {
  let pick = located[0]!;
  let undecided: Located | undefined;
  for (const rival of located.slice(1)) {
    if (rival.dice < located[0]!.dice - TWIN_WINDOW) break;
    // A text and its copy without end text are one licence, not twins.
    if (corpus.entries[rival.entry]!.id === corpus.entries[pick.entry]!.id) continue;
    const mine = corpus.entries[pick.entry]!.shingles;
    const theirs = corpus.entries[rival.entry]!.shingles;
    const from = Math.min(pick.from, rival.from);
    const to = Math.max(pick.to, rival.to);
    const onlyMine = difference(mine, theirs);
    const onlyTheirs = difference(theirs, mine);
    const minePresent = presence(query, onlyMine, from, to);
    const theirsPresent = presence(query, onlyTheirs, from, to);
    const mineRuledOut = ruledOut(onlyMine, minePresent);
    const theirsRuledOut = ruledOut(onlyTheirs, theirsPresent);
    if (mineRuledOut && theirsRuledOut) {
      // Neither twin's own words are in the file (a sloppy copy lost them): the file cannot say.
      undecided ??= rival;
    } else if (theirsRuledOut) {
      continue;
    } else if (mineRuledOut || theirsPresent > minePresent + PRESENCE_MARGIN) {
      pick = rival;
      undecided = undefined;
    }
  }
  return undecided ? { pick, undecided } : { pick };
}

/**
 * A twin is ruled out when it has words of its own (a clause, not a bridging phrase) and the file
 * lacks most of them: BSD-3-Clause for a file without the non-endorsement clause, JSON for MIT.
 */
function ruledOut(own: Uint32Array, present: number): boolean {
  return own.length >= MIN_OWN_SHINGLES && present < MIN_OWN_PRESENCE;
}

/** Share of `own` (shingles only one twin has) found between word positions `from` and `to`. */
function presence(query: Query, own: Uint32Array, from: number, to: number): number {
  if (own.length === 0) return 0;
  const stretch = sortedSet(query.shingles.subarray(from, Math.min(to + 1, query.shingles.length)));
  let found = 0;
  for (const shingle of own) if (has(stretch, shingle)) found++;
  return found / own.length;
}
