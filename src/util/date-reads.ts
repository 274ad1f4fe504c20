// How many times anything compared the date a scan is made for (a profile's `date`) with another:
// a licence rule's `dateBefore`/`dateOnOrAfter` (a BUSL or FSL change date), a policy exception's
// `expires`. A scan kept whole (src/scan/replay.ts) answers a scan on another date only when no such
// comparison happened while it ran. A count that only grows, never reset: scans running side by side
// in one process can only make each other's count move, never hide a comparison.
let count = 0;

/** Notes that the date was compared with another. */
export function dateCompared(): void {
  count++;
}

/** How many comparisons of the date there have been in this process. */
export function dateComparisons(): number {
  return count;
}
