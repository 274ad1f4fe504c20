// Appending and folding arrays of any length. `target.push(...items)` and `Math.min(...items)` pass
// every item as an argument, and past ~100,000 of them V8 throws "Maximum call stack size exceeded":
// a licence file of 21,000 repeated notices (under 1 MiB) stopped a whole scan so.

/** Appends `items` to `target`, however many. */
export function append<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item);
}

/** Adds `value` to the list `map` keeps under `key`, starting that list when there is none (a copy of the list per value made callers quadratic). */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The smallest of `values`, `empty` when there are none. */
export function smallest(values: readonly number[], empty: number): number {
  let least = values.length === 0 ? empty : Number.POSITIVE_INFINITY;
  for (const value of values) if (value < least) least = value;
  return least;
}

/** The largest of `values` and `floor`. */
export function largest(values: readonly number[], floor: number): number {
  let most = floor;
  for (const value of values) if (value > most) most = value;
  return most;
}
