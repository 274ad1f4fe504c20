import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { buildSamples, measure } from './measure.js';
it('profiles', async () => {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  const t0 = performance.now();
  const samples = buildSamples();
  const t1 = performance.now();
  measure(samples);
  const t2 = performance.now();
  const { profile } = await session.post('Profiler.stop');
  writeFileSync('/tmp/s33/acc.cpuprofile', JSON.stringify(profile));
  console.log('build', (t1 - t0).toFixed(0), 'measure', (t2 - t1).toFixed(0), samples.length);
}, 300000);
