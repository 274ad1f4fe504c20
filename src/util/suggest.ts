// Did-you-mean suggestions: the nearest strings by edit distance, case-insensitively.
import { compareText } from '../util/compare.js';

/** Levenshtein distance between two strings. */
export function editDistance(a: string, b: string): number {
  // One typed row, compared by character code: an unknown declared licence is measured against
  // every SPDX id and knowledge-base entry (about 1,500 candidates).
  const previous = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    const code = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      const cost = code === b.charCodeAt(j - 1) ? 0 : 1;
      previous[j] = Math.min(previous[j]! + 1, previous[j - 1]! + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/**
 * The candidates nearest to `value`, best first: those within a third of its length in edits, or
 * that contain it or are contained in it (so `GPL-3` finds `GPL-3.0-only`).
 */
export function suggest(value: string, candidates: Iterable<string>, limit = 3): string[] {
  const needle = value.toLowerCase();
  const scored: { candidate: string; score: number }[] = [];
  const within = Math.max(2, Math.floor(needle.length / 3));
  for (const candidate of candidates) {
    const hay = candidate.toLowerCase();
    const contains = needle.length >= 3 && (hay.startsWith(needle) || needle.startsWith(hay));
    // The lengths' difference is a lower bound of the distance: most candidates end here.
    if (!contains && Math.abs(hay.length - needle.length) > within) continue;
    // Edit distance costs the product of the lengths: a 1 MB "licence id" is never near any id.
    const distance = Math.abs(needle.length - hay.length) > 64 ? Number.POSITIVE_INFINITY : editDistance(needle, hay);
    if (distance <= within || contains) {
      scored.push({ candidate, score: contains ? Math.min(distance, 1 + hay.length - needle.length) : distance });
    }
  }
  scored.sort((x, y) => x.score - y.score || compareText(x.candidate, y.candidate));
  return [...new Set(scored.map((entry) => entry.candidate))].slice(0, limit);
}
