// The README shows real output: every ```text block that starts with `$ npx copyfair ARGS` is run,
// and its output and exit code (`$ echo $?`) must be what the README says
// (`node scripts/update-readme.js` rewrites them after a change).
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from './run.js';

const readme = readFileSync('README.md', 'utf8');
const examples = [...readme.matchAll(/```text\n\$ npx copyfair (.*)\n((?:(?!```)[\s\S])*?)\$ echo \$\?\n(\d+)\n```/g)].map((match) => ({
  args: [...match[1]!.matchAll(/"([^"]*)"|(\S+)/g)].map((part) => part[1] ?? part[2]!),
  stdout: match[2]!,
  code: Number(match[3]),
}));

describe('every example in the README says what it prints', () => {
  it('has the examples: the demo scan, the co-operative scan, a Python and a Rust scan, a check', () => {
    expect(examples.map((example) => example.args.slice(0, 2).join(' '))).toEqual(['scan fixtures/demo-app', 'scan fixtures/demo-app', 'scan fixtures/python/venv-app', 'scan fixtures/cargo/vendored-workspace', 'check MIT OR PPL']);
    expect(readme).not.toContain('@@RUN');
  });

  it.each(examples.map((example) => [example.args.join(' '), example] as const))('copyfair %s', async (_, example) => {
    const result = await run(example.args);
    expect(result.stdout).toBe(example.stdout);
    expect(result.code).toBe(example.code);
  });

  it('the co-operative that does not compete is all free, exit 0', () => {
    const coop = examples[1]!;
    expect(coop.args).toContain('--no-competes');
    expect(coop.stdout).toContain('Yes: you may use all 8 dependencies');
    expect(coop.code).toBe(0);
  });
});

/** The rows of the first table under a heading that starts with `heading`. */
function exitTable(text: string): string[] {
  const start = text.indexOf('| code | meaning |');
  return text.slice(start).split('\n').filter((line, index, lines) => line.startsWith('|') && lines.slice(0, index).every((l) => l.startsWith('|')));
}

describe('the exit codes', () => {
  it('the README table lists 0 to 3, and docs/ci.md shows the same table', () => {
    const table = exitTable(readme);
    expect(table.slice(2).map((row) => row.split('|')[1]!.trim())).toEqual(['0', '1', '2', '3']);
    expect(exitTable(readFileSync('docs/ci.md', 'utf8'))).toEqual(table);
  });

  it.each([
    [0, ['scan', 'fixtures/demo-app', '--fail-on', 'forbidden']],
    [1, ['scan', 'fixtures/demo-app']],
    [2, ['scan', 'fixtures/demo-app', '--field', 'millitary']],
    [2, ['scan', 'fixtures/npm/workspaces/packages/web']],
    [0, ['check', 'MIT']],
    [1, ['check', 'PPL']],
    [2, ['check', 'GPL-3.0 OR']],
  ] as const)('%i for copyfair %j', async (code, args) => {
    expect((await run([...args])).code).toBe(code);
  });
});

it('every code fence in the README and docs/ is closed, and opens on a line of its own', () => {
  for (const file of ['README.md', ...readdirSync('docs').filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)]) {
    const text = readFileSync(file, 'utf8');
    const fences = text.split('\n').filter((line) => line.trimStart().startsWith('```'));
    expect(fences.length % 2, `${file}: unbalanced fences`).toBe(0);
    expect(fences.filter((line) => !/^\s*```[\w-]*\s*$/.test(line)), `${file}: text after a fence`).toEqual([]);
    expect(text.split('\n').filter((line) => /\S.*```|```.*```/.test(line.replace(/`[^`]*`/g, '')) && !line.trimStart().startsWith('```')), `${file}: a fence after text on its line`).toEqual([]);
  }
});

it('tells a newcomer the commands CI runs', () => {
  expect(readme).toContain('npm ci');
  expect(readme).toContain('npm test');
  expect(readFileSync('.ci/run', 'utf8')).toMatch(/npm ci\nnpm test\n/);
});

