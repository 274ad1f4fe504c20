// Build step: compiles the known licence texts (the SPDX texts in the spdx-license-list package and
// copyfair's own licences/texts/) into dist/identify/corpus.json, the precompiled index that
// `copyfair identify` loads on first use. The SPDX texts are processed here, never copied into
// the repository.
import { writeFileSync } from 'node:fs';
import { compileCorpus } from '../dist/identify/compile-corpus.js';

const corpus = compileCorpus(new URL('../licences/texts/', import.meta.url));
writeFileSync(new URL('../dist/identify/corpus.json', import.meta.url), JSON.stringify(corpus));
process.stdout.write(`licence texts: ${corpus.entries.length} distinct texts, ${Object.keys(corpus.exact).length} exact keys\n`);
