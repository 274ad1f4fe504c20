// The budget split, by property: it adds up to the budget exactly, is deterministic, pays no
// recipient twice, and never pays a recipient less for weighing more.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAmount, parseAmount, splitBudget } from '../../src/payback/split.js';

const weights = fc.dictionary(fc.webUrl(), fc.double({ min: 0, max: 1000, noNaN: true }), { minKeys: 1, maxKeys: 40 });
const cents = fc.integer({ min: 0, max: 10_000_000 });
const settings = { numRuns: 300, seed: 20261203 };

describe('splitBudget', () => {
  it('always adds up to the budget exactly (when anyone weighs anything)', () => {
    fc.assert(
      fc.property(cents, weights, (budget, table) => {
        const amounts = splitBudget(budget, new Map(Object.entries(table)));
        const total = [...amounts.values()].reduce((sum, amount) => sum + amount, 0);
        const weighed = Object.values(table).some((weight) => weight > 0);
        expect(total).toBe(weighed ? budget : 0);
        for (const amount of amounts.values()) expect(Number.isInteger(amount) && amount >= 0).toBe(true);
      }),
      settings,
    );
  });

  it('is deterministic whatever the order of the recipients', () => {
    fc.assert(
      fc.property(cents, weights, (budget, table) => {
        const entries = Object.entries(table);
        const forward = splitBudget(budget, new Map(entries));
        const backward = splitBudget(budget, new Map([...entries].reverse()));
        expect(Object.fromEntries(backward)).toEqual(Object.fromEntries(forward));
      }),
      settings,
    );
  });

  it('pays every recipient once, and within a cent of its exact share', () => {
    fc.assert(
      fc.property(cents, weights, (budget, table) => {
        const amounts = splitBudget(budget, new Map(Object.entries(table)));
        expect([...amounts.keys()].sort()).toEqual(Object.keys(table).sort());
        const total = Object.values(table).reduce((sum, weight) => sum + weight, 0);
        if (total === 0) return;
        for (const [key, weight] of Object.entries(table)) expect(Math.abs(amounts.get(key)! - (budget * weight) / total)).toBeLessThan(1);
      }),
      settings,
    );
  });

  it('is monotonic in weights: weighing more never pays less', () => {
    fc.assert(
      fc.property(cents, weights, fc.nat(), fc.double({ min: 0, max: 1000, noNaN: true }), (budget, table, pick, extra) => {
        const keys = Object.keys(table);
        const key = keys[pick % keys.length]!;
        const before = splitBudget(budget, new Map(Object.entries(table)));
        const after = splitBudget(budget, new Map(Object.entries({ ...table, [key]: table[key]! + extra })));
        expect(after.get(key)!).toBeGreaterThanOrEqual(before.get(key)!);
      }),
      settings,
    );
  });

  it('refuses what is not a budget', () => {
    expect(() => splitBudget(-1, new Map())).toThrow(RangeError);
    expect(() => splitBudget(1.5, new Map())).toThrow(RangeError);
  });
});

describe('amounts', () => {
  it.each([
    ['250', 25_000],
    ['99.5', 9_950],
    ['99.50', 9_950],
    ['1,000.25', 100_025],
    ['0', 0],
  ])('%s is %d cents', (text, expected) => {
    expect(parseAmount(text)).toBe(expected);
    expect(parseAmount(formatAmount(expected))).toBe(expected);
  });

  it.each(['-5', '1.234', 'ten', '', '1e3', 'NaN'])('"%s" is not an amount', (text) => {
    expect(parseAmount(text)).toBeNull();
  });
});
