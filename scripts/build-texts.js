// Build step: compiles the known licence texts (the SPDX texts in the spdx-license-list package and
// copyfair's own licences/texts/) into dist/identify/corpus.bin, the precompiled index that
// `copyfair identify` loads on first use. The SPDX texts are processed here, never copied into
// the repository. Also compiles licences/notices/rules.json into the form the notice reader
// decodes a rule at a time (dist/identify/notice-index.json and .txt), and the SPDX templates
// into the word programs the matcher runs (dist/identify/templates.bin).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { compileCorpus } from '../dist/identify/compile-corpus.js';
import { packCorpus } from '../dist/identify/corpus.js';
import { compileNoticeIndex } from '../dist/identify/notice-index.js';
import { packTemplates } from '../dist/identify/template-store.js';
import { compileAllTemplates } from '../dist/identify/templates.js';

const corpus = compileCorpus(new URL('../licences/texts/', import.meta.url));
writeFileSync(new URL('../dist/identify/corpus.bin', import.meta.url), packCorpus(corpus));
// The JSON form earlier builds wrote, so an old dist does not ship it.
rmSync(new URL('../dist/identify/corpus.json', import.meta.url), { force: true });
process.stdout.write(`licence texts: ${corpus.entries.length} distinct texts, ${Object.keys(corpus.exact).length} exact keys\n`);

const notices = compileNoticeIndex(JSON.parse(readFileSync(new URL('../licences/notices/rules.json', import.meta.url), 'utf8')).rules);
writeFileSync(new URL('../dist/identify/notice-index.json', import.meta.url), JSON.stringify(notices.header));
writeFileSync(new URL('../dist/identify/notice-index.txt', import.meta.url), notices.lines);
process.stdout.write(`notice rules: ${notices.header.kinds.length} rules under ${notices.header.anchorWords.split('\n').length} anchor words\n`);

const templates = compileAllTemplates();
if (templates) {
  writeFileSync(new URL('../dist/identify/templates.bin', import.meta.url), packTemplates(templates.attribution, templates.source, templates.templates));
  process.stdout.write(`SPDX templates: ${templates.templates.length} programs\n`);
}
