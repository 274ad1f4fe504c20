// Every comparison of the date a scan is made for (a profile's `date`) with another: a licence
// rule's `dateBefore`/`dateOnOrAfter` (a BUSL or FSL change date), a policy exception's `expires`.
// A scan's report depends on its date through these and nothing else (but for naming it), so a
// scan kept whole (src/scan/replay.ts) answers a scan on another date when each comparison it
// made comes out the same on that date. Comparisons go to every recording under way: scans side by
// side in one process can only add to each other's, never hide one.

/** The date `<` the limit, `>=` it, or `>` it. */
export type DateComparison = ['<' | '>=' | '>', string];

const recordings = new Set<Map<string, DateComparison>>();

/** Notes that the date was compared with `limit` by `op` (the date on the left). */
export function dateCompared(op: DateComparison[0], limit: string): void {
  for (const recording of recordings) recording.set(`${op}${limit}`, [op, limit]);
}

/** Starts recording the comparisons of the date; `stop` ends it and gives them, each once. */
export function recordDateComparisons(): { stop(): DateComparison[] } {
  const recording = new Map<string, DateComparison>();
  recordings.add(recording);
  return {
    stop() {
      recordings.delete(recording);
      return [...recording.values()];
    },
  };
}

/** Whether each comparison comes out the same for the date `before` and the date `after`. */
export function comparesAlike(comparisons: readonly DateComparison[], before: string, after: string): boolean {
  const holds = ([op, limit]: DateComparison, date: string) => (op === '<' ? date < limit : op === '>=' ? date >= limit : date > limit);
  return comparisons.every((comparison) => holds(comparison, before) === holds(comparison, after));
}
