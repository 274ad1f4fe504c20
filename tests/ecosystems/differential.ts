// What the differential property tests of the ecosystem readers share (a fast path held to the code
// it replaced, on random documents built from valid and odd pieces): a fixed seed in `npm test`
// (FUZZ_SEED, FUZZ_RUNS as in `npm run fuzz`), twenty times the fuzz tests' runs, as each case is
// cheap, a uniform pick among pieces, and the run that counts how many cases the reference answered.
import fc from 'fast-check';

export const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
export const RUNS = Number(process.env.FUZZ_RUNS ?? 150) * 20;

/** One of `values`, uniformly (constantFrom favours the first ones). */
export const pick = <T>(values: T[]): fc.Arbitrary<T> => fc.noBias(fc.nat({ max: values.length - 1 })).map((index) => values[index]!);

/**
 * Runs `check` (which asserts the fast path against the reference) on RUNS values of `values`,
 * seeded, and returns how many of them it reported as answered by the reference: the caller asserts
 * that both kinds of case, answered and not, were exercised.
 */
export function countAnswered<T>(values: fc.Arbitrary<T>, check: (value: T) => boolean): number {
  let answered = 0;
  fc.assert(
    fc.property(values, (value) => {
      if (check(value)) answered++;
    }),
    { seed: SEED, numRuns: RUNS },
  );
  return answered;
}
