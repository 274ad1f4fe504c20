// Build step: validates licences/ and writes the compiled knowledge base to dist/kb.json, so a run
// of copyfair reads one JSON file instead of parsing hundreds of YAML files.
import { writeFileSync } from 'node:fs';
import { compileKnowledgeBase, defaultKnowledgeBaseDirectory } from '../dist/kb/compile.js';
import { formatProblems } from '../dist/kb/validate.js';

const { kb, problems } = compileKnowledgeBase(defaultKnowledgeBaseDirectory());
if (problems.length > 0) {
  process.stderr.write(`copyfair build: the knowledge base has ${problems.length} problem(s):\n${formatProblems(problems)}\n`);
  process.exit(1);
}
writeFileSync(new URL('../dist/kb.json', import.meta.url), JSON.stringify(kb));
process.stdout.write(`knowledge base: ${kb.terms.length} entries (version ${kb.version})\n`);
