// What the differential property tests of the ecosystem readers share (a fast path held to the code
// it replaced, on random documents built from valid and odd pieces): a fixed seed in `npm test`
// (FUZZ_SEED, FUZZ_RUNS as in `npm run fuzz`), twenty times the fuzz tests' runs, as each case is
// cheap, and a uniform pick among pieces.
import fc from 'fast-check';

export const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
export const RUNS = Number(process.env.FUZZ_RUNS ?? 150) * 20;

/** One of `values`, uniformly (constantFrom favours the first ones). */
export const pick = <T>(values: T[]): fc.Arbitrary<T> => fc.noBias(fc.nat({ max: values.length - 1 })).map((index) => values[index]!);
