// Markdown for a pull-request comment or job summary: the headline first, then the counts and a
// table per group of what is owed, with table cells that stay cells.
import { describe, expect, it } from 'vitest';
import { markdown } from '../../src/report/markdown.js';
import { fixtureReport } from './fixture-report.js';

describe('Markdown', () => {
  const text = markdown(fixtureReport(), { color: false, failOn: ['payback', 'forbidden', 'unknown'] });
  const lines = text.split('\n');

  it('starts with the headline answer', () => {
    expect(lines[0]).toBe('## ❌ copyfair: No: 3 of 6 dependencies are in --fail-on (payback, forbidden, unknown): 1 to pay back or license, 1 not permitted, 1 unknown; also 1 to give back code for; the config has 1 error (see the diagnostics).');
  });

  it('has a table per group of what is owed, in order', () => {
    expect(lines.filter((line) => line.startsWith('### '))).toEqual(['### Give back code', '### Pay back or obtain a licence', '### Not permitted', '### Unknown: a person must look', '### Decided by the project']);
    const coop = lines.find((line) => line.startsWith('| <code>coop-widget@1.4.0</code>'))!;
    expect(coop).toContain('https://opencollective.com/coop-widget, https://coop-widget.example/licence');
    // A | in the licence's wording is escaped, so the row keeps its seven cells.
    expect(coop.split(/(?<!\\)\|/).length - 2).toBe(7);
  });

  it('lists the problems, errors first', () => {
    expect(text).toMatch(/- \*\*error\*\* `config-exception-expired` \(copyfair\.yaml:14\)[^\n]*\n- \*\*warning\*\* `licence-mismatch`/);
  });
});

describe('Markdown safety and exceptions', () => {
  const text = markdown(fixtureReport(), { color: false, failOn: ['payback', 'forbidden', 'unknown'] });

  it('keeps angle brackets as text, not HTML', () => {
    expect(text).toContain('bans "&lt;fossil fuel&gt;" work');
    expect(text).not.toContain('<surveillance>');
  });

  it('shows what the project accepted by exception, and why', () => {
    expect(text).toContain('### Decided by the project');
    expect(text).toContain('| <code>paid-lib@3.2.1</code> | BUSL-1.1 | exception: copyfair.yaml:9 accepts it (it would be payback): licence bought, contract 2026-17 (until 2027-06-30) |');
  });
});
