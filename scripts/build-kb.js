// Build step: validates licences/ and writes the compiled knowledge base to dist/kb.json and
// dist/kb-entries.jsonl, so a run of copyfair reads two files instead of parsing hundreds of YAML
// files, and parses an entry only when it asks for it.
import { writeFileSync } from 'node:fs';
import { compileKnowledgeBase, defaultKnowledgeBaseDirectory } from '../dist/kb/compile.js';
import { formatProblems } from '../dist/kb/validate.js';
import { readSplitKnowledgeBase, splitKnowledgeBase } from '../dist/kb/split.js';

const { kb, problems } = compileKnowledgeBase(defaultKnowledgeBaseDirectory());
if (problems.length > 0) {
  process.stderr.write(`copyfair build: the knowledge base has ${problems.length} problem(s):\n${formatProblems(problems)}\n`);
  process.exit(1);
}
// An index and the entries, each entry parsed when asked for (src/kb/split.ts); what they read back
// as must be the knowledge base itself, entry by entry.
const { index, entries } = splitKnowledgeBase(kb);
const read = readSplitKnowledgeBase(index, Buffer.from(entries), 'dist/kb.json, dist/kb-entries.jsonl');
if (read.index.entries.length !== kb.terms.length || kb.terms.some((terms, at) => JSON.stringify(read.entry(at)) !== JSON.stringify(terms))) {
  process.stderr.write('copyfair build: the knowledge base does not read back as it was written (src/kb/split.ts)\n');
  process.exit(1);
}
writeFileSync(new URL('../dist/kb.json', import.meta.url), index);
writeFileSync(new URL('../dist/kb-entries.jsonl', import.meta.url), entries);
process.stdout.write(`knowledge base: ${kb.terms.length} entries (version ${kb.version})\n`);
