// One order for every sorted list copyfair prints: UTF-16 code units, as `Array.prototype.sort`
// orders strings by default. `localeCompare` orders by the collation of the user's locale (with
// `LANG=et_EE` "zod" sorts between "s" and "t"), so the same scan gave reports in different orders on
// different machines; and its first call loads ICU's collation data, ~10–20 ms of every run.

/** Negative, zero or positive as `a` sorts before, with or after `b`, by UTF-16 code units. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
