// Rewrites the README's run examples from real output: every ```text block that starts with
// `$ npx copyfair ARGS` and ends with its exit code (`$ echo $?`), or is a new `@@RUN ARGS`, gets
// the output of that command and its exit code. (Other examples have their own tests.) tests/cli/readme.test.ts fails when the README and the output differ.
// Run after `npm run build`: node scripts/update-readme.js
import { readFileSync, writeFileSync } from 'node:fs';
import { main } from '../dist/cli/main.js';

/** Splits a command line the way a shell would for these examples (double quotes only). */
export function splitArgs(line) {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2]);
}

const file = new URL('../README.md', import.meta.url);
const readme = readFileSync(file, 'utf8');
const blocks = [...readme.matchAll(/```text\n(?:\$ npx copyfair (.*)\n(?:(?!```)[\s\S])*?\$ echo \$\?\n\d+\n|@@RUN (.*)\n)```/g)];
let out = readme;
for (const block of blocks) {
  let stdout = '';
  const args = block[1] ?? block[2];
  const code = await main(['node', 'copyfair', ...splitArgs(args)], { stdout: (t) => void (stdout += t), stderr: () => {}, isTty: false });
  out = out.replace(block[0], `\`\`\`text\n$ npx copyfair ${args}\n${stdout}$ echo $?\n${code}\n\`\`\``);
}
writeFileSync(file, out);
console.log(`README: ${blocks.length} examples rewritten`);
