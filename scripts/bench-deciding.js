// How "the facts that decide" grow with the packages resting on an assumed fact (docs/benchmarks.md,
// "Nineteenth session"). Uses the built package: run `npm run build` first. Each size in a fresh
// process, so every run is as cold as a scan's:
//
//   node scripts/bench-deciding.js                 # 2,000, 10,000, 20,000 and 50,000 packages
//   node scripts/bench-deciding.js 100000
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
if (process.env.COPYFAIR_BENCH_DECIDING_SIZE) {
  const { decidingFacts } = await import('../dist/scan/deciding.js');
  const n = Number(process.env.COPYFAIR_BENCH_DECIDING_SIZE);
  // Share-alike packages resting on the assumed uses, as a tree of MPL-2.0 packages gives them.
  const items = Array.from({ length: n }, (_, i) => ({
    component: `pkg-${i}@1.0.0`,
    outcome: 'share-alike',
    assumed: [{ fact: 'uses', value: 'internal, distribute, network, modify' }],
    replay: (patch) => (patch.uses.length === 1 ? 'free' : 'share-alike'),
  }));
  const started = performance.now();
  const [fact] = decidingFacts(items, { entity: 'for-profit' });
  process.stdout.write(`${(performance.now() - started).toFixed(1)} ${fact.changes.length}\n`);
} else {
  console.log('| packages resting on the fact | decidingFacts, one cold process |\n|---:|---:|');
  for (const n of sizes.length > 0 ? sizes : [2000, 10000, 20000, 50000]) {
    const run = spawnSync(process.execPath, [new URL(import.meta.url).pathname], { encoding: 'utf8', env: { ...process.env, COPYFAIR_BENCH_DECIDING_SIZE: String(n) } });
    if (run.status !== 0) throw new Error(run.stderr);
    const [ms, counted] = run.stdout.trim().split(' ');
    if (Number(counted) !== n) throw new Error(`counted ${counted} of ${n}`);
    console.log(`| ${n.toLocaleString('en')} | ${ms} ms |`);
  }
}
