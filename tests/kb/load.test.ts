import { mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileKnowledgeBase } from '../../src/kb/compile.js';
import { formatProblems } from '../../src/kb/validate.js';
import { loadKnowledgeBase } from '../../src/kb/index.js';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function kbWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'copyfair-kb-'));
  made.push(dir);
  mkdirSync(join(dir, 'families'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('the bundled knowledge base', () => {
  it('compiles without a single problem', () => {
    const { problems, kb } = compileKnowledgeBase('licences');
    expect(formatProblems(problems)).toBe('');
    expect(kb.terms.length).toBeGreaterThan(0);
  });

  it('looks entries up by id and by alias, in any case', () => {
    const kb = loadKnowledgeBase();
    expect(kb.get('PPL')?.name).toBe('Peer Production License');
    expect(kb.resolve('peer production license')?.id).toBe('PPL');
    expect(kb.resolve('ppl')?.id).toBe('PPL');
  });
});

describe('validation errors name file, line and column', () => {
  const valid = `id: LicenseRef-test
name: Test
family: copyfarleft
kind: licence
curated: true
summary: { commercial: a, triggers: b, owed: c }
source: { url: https://example.org }
rules:
  - when: {}
    outcome: free
    section: §1
    because: test
`;

  it('accepts a minimal valid entry', () => {
    const { problems } = compileKnowledgeBase(kbWith({ 'LicenseRef-test.yaml': valid }));
    expect(problems).toEqual([]);
  });

  it('reports a misspelt outcome with a did-you-mean at its position', () => {
    const dir = kbWith({ 'LicenseRef-test.yaml': valid.replace('outcome: free', 'outcome: fre') });
    const { problems } = compileKnowledgeBase(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 10, column: 14 });
    expect(problems[0]!.message).toContain('did you mean "free"');
  });

  it('reports an unknown key at the key, and every problem at once', () => {
    const text = valid.replace('curated: true', 'curated: true\nfamilly: x').replace('section: §1', 'section: §1\n    outcom: free');
    const { problems } = compileKnowledgeBase(kbWith({ 'LicenseRef-test.yaml': text }));
    const formatted = formatProblems(problems);
    expect(problems.length).toBeGreaterThanOrEqual(2);
    expect(formatted).toContain('LicenseRef-test.yaml:6:1: unknown key `familly`');
    expect(formatted).toContain('did you mean `family`');
    expect(formatted).toContain('unknown key `outcom`');
    expect(formatted).toMatch(/\n {2}familly: x\n {2}\^/);
  });

  it('reports YAML syntax errors with their position', () => {
    const { problems } = compileKnowledgeBase(kbWith({ 'LicenseRef-test.yaml': 'id: [unclosed\n' }));
    expect(problems[0]!.message).toMatch(/YAML syntax error/);
    expect(problems[0]!.line).toBeGreaterThan(0);
  });

  it('rejects an id that does not match the file name, duplicate aliases and undeclared parameters', () => {
    const other = valid.replace('LicenseRef-test', 'LicenseRef-other').replace('name: Test', 'name: Other\naliases: [Shared]');
    const text = valid
      .replace('name: Test', 'name: Test\naliases: [shared]')
      .replace('when: {}', 'when: { dateBefore: { param: changeDate } }');
    const { problems } = compileKnowledgeBase(kbWith({ 'LicenseRef-test.yaml': text, 'LicenseRef-wrong.yaml': other }));
    const formatted = formatProblems(problems);
    expect(formatted).toContain('must match the file name (LicenseRef-wrong.yaml)');
    expect(formatted).toContain('is already used by');
    expect(formatted).toContain('does not declare');
  });

  it('rejects an SPDX-looking id that SPDX does not have', () => {
    const text = valid.replace(/LicenseRef-test/g, 'MIT-9');
    const { problems } = compileKnowledgeBase(kbWith({ 'MIT-9.yaml': text }));
    expect(formatProblems(problems)).toContain('`MIT-9` is not a current SPDX licence id');
  });
});
