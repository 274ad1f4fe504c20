// Benchmark of licence identification (docs/identification.md quotes its output). Uses the built
// package: run `npm run build` first. Prints the median time per identification, per case, after
// the corpus has been loaded once (loading is reported separately: it happens once per run).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { THRESHOLD, identifyWith, loadCorpus } from '../dist/identify/index.js';

// Options (even the default threshold) bypass the cache of findings by normalised text, so each
// run measures the matching itself rather than a cache hit.
const identify = (text) => identifyWith(text, loadCorpus(), { threshold: THRESHOLD });

const require = createRequire(import.meta.url);
const spdx = require('spdx-license-list/full');
const own = (id) => readFileSync(new URL(`../licences/texts/${id}.txt`, import.meta.url), 'utf8');
const rewrap = (text, width = 64) =>
  text
    .split(/\n\s*\n/)
    .map((block) => block.trim().split(/\s+/).reduce((lines, word) => {
      const last = lines[lines.length - 1];
      if (last !== undefined && last.length + word.length < width) lines[lines.length - 1] = `${last} ${word}`;
      else lines.push(word);
      return lines;
    }, []).join('\n'))
    .join('\n\n');
const mit = spdx.MIT.licenseText.replace('<year> <copyright holders>', '2024 Acme Worker Cooperative');

const cases = [
  ['exact', 'MIT with its copyright line', mit],
  ['exact', 'ISC as npm writes it', `ISC License\n\nCopyright (c) 2024, Jane Doe\n\n${spdx.ISC.licenseText.split('\n').slice(4).join('\n')}`],
  ['exact', 'Apache-2.0 verbatim', spdx['Apache-2.0'].licenseText],
  ['exact', 'MIT re-wrapped, Markdown title', `# The MIT License\n\n${rewrap(mit, 50)}`],
  ['similarity', 'MIT with a sentence added', mit.replace('free of charge,', 'free of charge and for ever,')],
  ['similarity', 'BSD-3-Clause with names filled in', spdx['BSD-3-Clause'].licenseText.replace('<year> <owner>', '2024 Acme').replace('the copyright holder', 'Acme Inc.')],
  ['exact', 'Apache-2.0 re-wrapped with a header', `Copyright 2024 Acme\n\n${rewrap(spdx['Apache-2.0'].licenseText)}`],
  ['similarity', 'Apache-2.0 with its appendix filled in', spdx['Apache-2.0'].licenseText.replace('[yyyy] [name of copyright owner]', '2024 Acme Worker Cooperative')],
  ['similarity', 'PPL (CoopCycle copy, no title)', `Copyright (c) 2016 CoopCycle\n\n${spdx.PPL.licenseText.split('\n').slice(2).join('\n')}`],
  ['similarity', 'Apache-2.0 + Commons Clause', `${spdx['Apache-2.0'].licenseText}\n\n${own('LicenseRef-scancode-commons-clause')}`],
  ['similarity', 'GPL-3.0 re-wrapped with an or-later notice', `This program is free software: you can redistribute it and/or modify it under the terms of the GNU General Public License as published by the Free Software Foundation, either version 3 of the License, or (at your option) any later version.\n\n${rewrap(spdx['GPL-3.0-only'].licenseText)}`],
];

const loadStart = performance.now();
loadCorpus();
const loadMs = performance.now() - loadStart;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const rows = [];
for (const [path, name, text] of cases) {
  for (let warm = 0; warm < 20; warm++) identify(text);
  const times = [];
  for (let run = 0; run < 200; run++) {
    const start = performance.now();
    identify(text);
    times.push(performance.now() - start);
  }
  rows.push({ path, name, expression: identify(text).expression, medianMs: median(times) });
}
process.stdout.write(`corpus load (once per run): ${loadMs.toFixed(1)} ms\n`);
for (const row of rows) {
  process.stdout.write(`${row.path.padEnd(10)} ${row.medianMs.toFixed(3).padStart(7)} ms  ${row.name} → ${row.expression}\n`);
}
for (const path of ['exact', 'similarity']) {
  const times = rows.filter((row) => row.path === path).map((row) => row.medianMs);
  process.stdout.write(`median ${path}: ${median(times).toFixed(3)} ms (worst case ${Math.max(...times).toFixed(3)} ms)\n`);
}
