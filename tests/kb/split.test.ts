// The built knowledge base is an index and its entries one a line, each entry parsed when first
// asked for (src/kb/split.ts): it must answer every look-up as the compiled one does, and say what
// to do when its files are damaged.
import { describe, expect, it } from 'vitest';
import { aliasKey, createKnowledgeBase, loadKnowledgeBase, splitKnowledgeBaseOf, type KnowledgeBase } from '../../src/kb/index.js';
import { splitKnowledgeBase, type KnowledgeBaseIndex } from '../../src/kb/split.js';
import type { CompiledKnowledgeBase } from '../../src/kb/compile.js';

const compiled: CompiledKnowledgeBase = { version: loadKnowledgeBase().version, terms: loadKnowledgeBase().all() };
const { index, entries } = splitKnowledgeBase(compiled);
const split = () => splitKnowledgeBaseOf(index, Buffer.from(entries), 'the test');

/** Every way a look-up may name an entry: its id and aliases, as written, in other cases and by key. */
function names(kb: KnowledgeBase): string[] {
  return kb.all().flatMap((terms) => [terms.id, ...terms.aliases].flatMap((name) => [name, name.toUpperCase(), name.toLowerCase(), ` ${name} `, aliasKey(name), name.replace(/-/g, ' ')]));
}

describe('the built knowledge base, read entry by entry', () => {
  it('answers every id and alias as the compiled one does, with the same entries', () => {
    const eager = createKnowledgeBase(compiled);
    const lazy = split();
    expect(lazy.version).toBe(eager.version);
    for (const name of [...names(eager), 'no-such-licence', 'mit license', 'GPL 3.0']) {
      expect(JSON.stringify(lazy.resolve(name)), name).toBe(JSON.stringify(eager.resolve(name)));
      expect(JSON.stringify(lazy.get(name)), name).toBe(JSON.stringify(eager.get(name)));
    }
    expect(JSON.stringify(lazy.all())).toBe(JSON.stringify(eager.all()));
    expect(lazy.all().map((terms) => terms.id)).toEqual(eager.all().map((terms) => terms.id));
  });

  it('gives the same object each time an entry is asked for', () => {
    const lazy = split();
    expect(lazy.resolve('MIT')).toBe(lazy.get('MIT'));
    expect(lazy.all().find((terms) => terms.id === 'MIT')).toBe(lazy.get('MIT'));
  });

  it('parses only the entries asked for: a damaged one fails when asked for, naming it and what to do', () => {
    const damaged = Buffer.from(entries);
    for (const [id, , start, end] of (JSON.parse(index) as KnowledgeBaseIndex).entries) if (id !== 'MIT') damaged.fill('#', start, end);
    const lazy = splitKnowledgeBaseOf(index, damaged, 'dist/kb.json, dist/kb-entries.jsonl');
    expect(lazy.resolve('MIT')?.rules.length).toBeGreaterThan(0);
    expect(() => lazy.resolve('Apache-2.0')).toThrow(/the knowledge base's entry Apache-2\.0 \(dist\/kb\.json, dist\/kb-entries\.jsonl\) is damaged: run `npm run build` again, or reinstall copyfair/);
  });

  it('refuses a damaged index, and one whose entries lie past the end of the entries', () => {
    expect(() => splitKnowledgeBaseOf(index.slice(0, 100), Buffer.from(entries), 'here')).toThrow(/index \(here\) is damaged/);
    expect(() => splitKnowledgeBaseOf(index, Buffer.from(entries.slice(0, entries.length / 2)), 'here')).toThrow(/index \(here\) is damaged/);
    expect(() => splitKnowledgeBaseOf(JSON.stringify({ version: 'x', entries: [['MIT']] }), Buffer.from(entries), 'here')).toThrow(/index \(here\) is damaged/);
  });
});
