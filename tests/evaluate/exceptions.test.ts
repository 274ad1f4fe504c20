// What `WITH` does with the real knowledge base: an exception only grants more, so one copyfair
// has no effect for keeps the licence's obligations, unless it is not an exception in that sense
// (a rider such as the Commons Clause, written after WITH; an unknown LicenseRef-; one of
// ScanCode's exceptions whose text adds terms), which a scan must never read as the licence alone.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/evaluate/index.js';
import { loadKnowledgeBase } from '../../src/kb/index.js';

const business = { entity: 'for-profit' as const, uses: ['distribute' as const, 'network' as const] };

describe('WITH and the real knowledge base', () => {
  it('an SPDX-listed exception keeps the licence as it is', () => {
    expect(evaluate('Apache-2.0 WITH LLVM-exception', business).outcome).toBe('free');
  });

  it("ScanCode's permission-granting exceptions keep the licence's obligations", () => {
    const verdict = evaluate('Apache-2.0 WITH LicenseRef-scancode-generic-exception', business);
    expect(verdict.outcome).toBe('free');
    expect(verdict.because.map((because) => because.licence)).toContain('LicenseRef-scancode-generic-exception');
    expect(evaluate('GPL-2.0-only WITH LicenseRef-scancode-openssl-exception-gpl-2.0-plus', business).outcome).toBe('share-alike');
  });

  it("ScanCode's exceptions that add terms, and unknown LicenseRef- exceptions, are unknown", () => {
    expect(evaluate('GPL-2.0-only WITH LicenseRef-scancode-npsl-exception-0.95', business).outcome).toBe('unknown');
    expect(evaluate('AGPL-3.0-only WITH LicenseRef-scancode-agpl-generic-additional-terms', business).outcome).toBe('unknown');
    expect(evaluate('MIT WITH LicenseRef-scancode-ecma-no-patent', business).outcome).toBe('unknown');
    expect(evaluate('Apache-2.0 WITH LicenseRef-Commons-Clause', business).outcome).toBe('unknown');
  });

  it('the Commons Clause written after WITH is the rider it is', () => {
    const kb = loadKnowledgeBase();
    expect(kb.get('LicenseRef-scancode-commons-clause')?.kind).toBe('licence');
    expect(evaluate('Apache-2.0 WITH LicenseRef-scancode-commons-clause', { ...business, competes: true }).outcome).toBe('payback');
    expect(evaluate('Apache-2.0 WITH LicenseRef-scancode-commons-clause', { ...business, competes: false }).outcome).toBe('free');
  });

  it('a rider alone, or offered as an alternative, has nothing to narrow: unknown, never the other branch', () => {
    for (const expression of ['LicenseRef-scancode-commons-clause', 'MIT OR LicenseRef-scancode-commons-clause', '(MIT OR LicenseRef-scancode-commons-clause) AND ISC']) {
      const verdict = evaluate(expression, { ...business, competes: false });
      expect({ expression, outcome: verdict.outcome }).toEqual({ expression, outcome: 'unknown' });
    }
    expect(evaluate('MIT OR LicenseRef-scancode-commons-clause', business).because[0]?.because).toContain('never a licence alone');
    expect(evaluate('(MIT AND LicenseRef-scancode-commons-clause) OR GPL-3.0-only', { ...business, competes: true }).outcome).toBe('share-alike');
  });
});
