// What a person must read in a file of many parts (a bundle's sections, a notices file's
// components, a licence's subcomponents), said all at once: a reason that named only the first
// sent its reader there, who found it fine, pinned the file and left the others unread.

/** At most this many places are named in a reason; the rest are counted. */
export const MAX_NAMED = 5;

/**
 * The places, each as said ("section "acme" (line 12) holds …"), joined: the first
 * {@link MAX_NAMED}, then how many more `kind`s there are the same way.
 */
export function sayEach(says: readonly string[], kind: string): string {
  const named = says.slice(0, MAX_NAMED);
  const more = says.length - named.length;
  return `${named.join('; ')}${more > 0 ? `; and ${more} more ${kind}${more === 1 ? '' : 's'} the same way` : ''}`;
}

/** A stretch of unexplained words, with its lines. */
interface Stretch {
  start: number;
  end: number;
  words: string;
}

/** The unexplained stretches of several parts, each part's lines counted in the file by `at` (its own line → the file's). */
export function unexplainedOf(parts: readonly { unexplained?: readonly Stretch[]; at: (line: number) => number }[]): Stretch[] {
  return parts.flatMap(({ unexplained, at }) => (unexplained ?? []).map((stretch) => ({ ...stretch, start: at(stretch.start), end: at(stretch.end) })));
}
