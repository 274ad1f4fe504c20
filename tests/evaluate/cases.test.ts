// Runs every verdict table (cases-*.ts): each row is an expression, a profile and the outcome the
// licence text gives, with an obligation that must be present.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/evaluate/index.js';
import { loadKnowledgeBase } from '../../src/kb/index.js';
import type { Case } from './case.js';

const here = new URL('.', import.meta.url);
const tables = readdirSync(here).filter((file) => /^cases-.*\.ts$/.test(file)).sort();
const loaded = await Promise.all(
  tables.map(async (file) => ({ file, cases: ((await import(new URL(file, here).href)) as { cases: Case[] }).cases })),
);

describe.each(loaded)('$file', ({ cases }) => {
  it.each(cases.map((c) => [`${c.expression} for ${JSON.stringify(c.profile)} → ${c.outcome}`, c] as const))('%s', (_, c) => {
    const verdict = evaluate(c.expression, c.profile, { parameters: c.parameters });
    expect(verdict.outcome, `${c.note}\n${JSON.stringify(verdict.because, null, 1)}`).toBe(c.outcome);
    if (c.obligation) {
      expect(verdict.obligations.map((o) => o.kind), c.note).toContain(c.obligation);
    }
  });
});

it('covers every curated licence and exception of the knowledge base', () => {
  const expressions = loaded.flatMap((table) => table.cases.map((c) => ` ${c.expression.replace(/[()]/g, ' ')} `));
  const curated = loadKnowledgeBase().all().filter((terms) => terms.curated);
  const missing = curated.filter((terms) => !expressions.some((e) => e.includes(` ${terms.id} `)));
  expect(missing.map((terms) => terms.id)).toEqual([]);
});

it('has at least 80 cases across the tables', () => {
  expect(loaded.reduce((sum, table) => sum + table.cases.length, 0)).toBeGreaterThanOrEqual(80);
});
