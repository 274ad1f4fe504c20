#!/usr/bin/env node
// `node scripts/restriction-harness.js`: how many permissive texts with a restriction or an
// exclusion written beside them copyfair still reads as the bare licence (a wrong `free`). Each
// phrase is put, in each of eighteen ways of writing a line (bare, in parentheses, angle brackets,
// an HTML comment, Markdown, a copyright line, upper case, one word a line …), at up to eleven
// places of sixteen permissive texts. Not part of `npm test` (128,736 identifications take a minute
// or two); tests/identify/restriction-wrappers.test.ts asks a sample of it every run. The phrases
// are made up, so a count here is a list of cases to read, not an error rate (docs/identification.md,
// "23." and "24.").
//
//   npm run build && node scripts/restriction-harness.js            # counts by phrase
//   node scripts/restriction-harness.js --verbose                   # every file read as bare
//   node scripts/restriction-harness.js --phrase 'No Amazon.'       # one phrase
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
if (!existsSync(`${root}dist/identify/index.js`)) {
  console.error('restriction-harness: dist/ is missing; run `npm run build` first');
  process.exit(2);
}
const { identifyText } = await import('../dist/identify/index.js');
const full = createRequire(import.meta.url)('spdx-license-list/full');
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const only = args.includes('--phrase') ? args[args.indexOf('--phrase') + 1] : undefined;

const fill = (text) => text.replace(/<year>/g, '2021').replace(/<copyright holders>|<owner>|<OWNER>|<COPYRIGHT HOLDER>/g, 'Jane Doe');
const TEXTS = {
  MIT: `MIT License\n\nCopyright (c) 2021 Jane Doe\n\n${full.MIT.licenseText.split('\n').slice(4).join('\n')}`,
  ISC: fill(full.ISC.licenseText),
  'BSD-2-Clause': fill(full['BSD-2-Clause'].licenseText),
  'BSD-3-Clause': fill(full['BSD-3-Clause'].licenseText),
  'Apache-2.0': full['Apache-2.0'].licenseText,
  '0BSD': fill(full['0BSD'].licenseText),
  Unlicense: full.Unlicense.licenseText,
  Zlib: fill(full.Zlib.licenseText),
  // Thirty-second session: eight more of the permissive texts npm packages carry.
  'MIT-0': fill(full['MIT-0'].licenseText),
  'CC0-1.0': full['CC0-1.0'].licenseText,
  'BlueOak-1.0.0': full['BlueOak-1.0.0'].licenseText,
  WTFPL: full.WTFPL.licenseText,
  'BSL-1.0': full['BSL-1.0'].licenseText,
  'Python-2.0': full['Python-2.0'].licenseText,
  X11: fill(full.X11.licenseText),
  PostgreSQL: fill(full.PostgreSQL.licenseText),
};

const PHRASES = [
  'Not for commercial use.', 'Commercial use requires a paid licence from the author.', 'This software may not be used by any military organisation.',
  'For personal use only.', 'You must pay a fee of 100 EUR for each copy you distribute.', 'Use by companies with more than 10 employees is prohibited.',
  'The Software shall be used for Good, not Evil.', 'Governments excluded.', 'Except Amazon.', 'This licence does not apply to Facebook.',
  'Excluding ICE and its contractors.', 'Amazon Web Services is excluded from this grant.', 'No use by Amazon.', 'Amazon may not use this software.',
  'Use in Russia is prohibited.', 'This license is revoked for Microsoft.', 'Non-commercial use only.', 'Not to be used in weapons.',
  'Cannot be used to train AI models.', 'No AI training.', 'Do not use for AI training.', 'Ethical use only.', 'Use in China forbidden.',
  'Licensed only to open-source projects.', 'Closed-source use requires permission.', 'You may not sell this software.', 'Resale prohibited.',
  'May not be used to violate human rights.', 'Free for individuals; $99/year for companies.', 'Contact sales@acme.com for commercial licensing.',
  'Evaluation only.', 'Revenue over $1M requires a commercial license.', 'No SaaS.', 'Cannot be offered as a hosted service.',
  'Companies must buy a licence.', 'Not open source.', 'All use by Amazon is prohibited.', 'Unauthorized copying is strictly prohibited.',
  'Source available; redistribution not allowed.', 'Use at Google is not permitted.', 'Except for Meta.', 'Banned in Russia.', 'No Amazon.',
  'Amazon: no.', 'Not for Amazon.', 'Apart from Amazon.', 'Other than Amazon.', 'Excepting Oracle.',
].filter((phrase) => only === undefined || phrase === only);

const WRAPS = [
  (p) => p, (p) => `(${p})`, (p) => `<${p}>`, (p) => `<!-- ${p} -->`, (p) => `**${p}**`, (p) => `> ${p}`, (p) => `- ${p}`,
  (p) => `[${p}](https://example.com)`, (p) => `<p>${p}</p>`, (p) => p.toUpperCase(), (p) => p.replace(/ /g, '\n'),
  (p) => `Copyright (c) 2021 Jane Doe. ${p}`, (p) => `All rights reserved. ${p}`, (p) => `${p} All rights reserved.`, (p) => `© ${p}`,
  (p) => `Copyright ${p}`, (p) => `# ${p}`, (p) => `NOTE: ${p}`,
];

const started = Date.now();
const bare = new Map();
let files = 0;
for (const [id, text] of Object.entries(TEXTS)) {
  const plain = identifyText(text).expression;
  if (plain !== id) console.log(`note: ${id}'s own text reads as ${plain}`);
  const lines = text.split('\n');
  const places = [...new Set([0, 1, 2, 3, 5, Math.floor(lines.length / 4), Math.floor(lines.length / 2), Math.floor((3 * lines.length) / 4), lines.length - 3, lines.length - 1, lines.length])];
  for (const phrase of PHRASES) {
    for (const [index, wrap] of WRAPS.entries()) {
      for (const at of places) {
        files++;
        const line = wrap(phrase);
        if (identifyText([...lines.slice(0, at), line, ...lines.slice(at)].join('\n')).expression !== id) continue;
        const key = `${phrase}\t${id}`;
        bare.set(key, (bare.get(key) ?? 0) + 1);
        if (verbose) console.log(`bare: ${id} with ${JSON.stringify(line)} before line ${at + 1} of ${lines.length}`);
      }
    }
  }
}

const byPhrase = new Map();
for (const [key, count] of bare) {
  const [phrase, id] = key.split('\t');
  const row = byPhrase.get(phrase) ?? { count: 0, ids: [] };
  row.count += count;
  row.ids.push(`${id} ${count}`);
  byPhrase.set(phrase, row);
}
const total = [...bare.values()].reduce((sum, count) => sum + count, 0);
console.log(`\n${files} files (${Object.keys(TEXTS).length} texts × ${PHRASES.length} phrases × ${WRAPS.length} ways × up to 11 places), ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`read as the bare licence: ${total}\n`);
console.log('| phrase | files read as the bare licence | by licence |\n|---|---:|---|');
for (const [phrase, row] of [...byPhrase].sort((a, b) => b[1].count - a[1].count)) console.log(`| ${phrase} | ${row.count} | ${row.ids.join(', ')} |`);
