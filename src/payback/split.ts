// Splitting a budget: integer cents, largest-remainder rounding, deterministic. Every recipient
// gets the whole cents of its exact share; the cents left over go to the largest remainders,
// ties broken by name, so the amounts always add up to the budget exactly.

/** Splits `cents` over `weights` (recipient → weight ≥ 0) in proportion; recipients of weight 0 get 0. */
export function splitBudget(cents: number, weights: ReadonlyMap<string, number>): Map<string, number> {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new RangeError(`a budget is a whole number of cents ≥ 0, not ${cents}`);
  const entries = [...weights].filter(([, weight]) => weight > 0 && Number.isFinite(weight)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const amounts = new Map<string, number>([...weights.keys()].map((key) => [key, 0]));
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  if (total === 0 || cents === 0) return amounts;
  let left = cents;
  const remainders: [string, number][] = [];
  for (const [key, weight] of entries) {
    const exact = (cents * weight) / total;
    const whole = Math.floor(exact);
    amounts.set(key, whole);
    left -= whole;
    remainders.push([key, exact - whole]);
  }
  // Largest remainder first; equal remainders in name order (the sort above is stable).
  remainders.sort((a, b) => b[1] - a[1]);
  for (let index = 0; left > 0; index = (index + 1) % remainders.length, left--) {
    const [key] = remainders[index]!;
    amounts.set(key, amounts.get(key)! + 1);
  }
  return amounts;
}

/** "100", "100.5", "1,000.25" → cents; null when it is not an amount. */
export function parseAmount(text: string): number | null {
  const cleaned = text.trim().replace(/,(?=\d{3}(\D|$))/g, '');
  if (!/^\d{1,12}(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole, fraction = ''] = cleaned.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** Cents as an amount with two decimals. */
export function formatAmount(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}
