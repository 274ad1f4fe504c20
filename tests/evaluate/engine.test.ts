// The engine's semantics on a small synthetic knowledge base, so each rule of DESIGN §3 is tested
// apart from what the real licences say.
import { describe, expect, it } from 'vitest';
import { createKnowledgeBase } from '../../src/kb/index.js';
import { evaluate, parseExpression } from '../../src/evaluate/index.js';
import type { Rule, Terms } from '../../src/types.js';

function terms(id: string, rules: Rule[], extra: Partial<Terms> = {}): Terms {
  return {
    id,
    name: id,
    aliases: [],
    family: 'permissive',
    kind: 'licence',
    curated: true,
    summary: { commercial: '', triggers: '', owed: '' },
    obligations: [{ kind: 'notice', section: '§1' }],
    rules,
    source: { url: 'https://example.org' },
    ...extra,
  };
}
const always = (outcome: Rule['outcome'], extra: Partial<Rule> = {}): Rule => ({ when: {}, outcome, section: '§2', because: outcome, ...extra });

const kb = createKnowledgeBase({
  version: 'test',
  terms: [
    terms('MIT', [always('free')]),
    terms('Apache-2.0', [always('free')], { obligations: [{ kind: 'notice', section: '§4' }, { kind: 'state-changes', section: '§4(b)' }] }),
    terms('GPL-3.0-only', [
      { when: { uses: ['distribute'] }, outcome: 'share-alike', section: '§5', because: 'conveying', obligations: [{ kind: 'share-alike', scope: 'work', trigger: 'distribute', section: '§5(c)' }] },
      always('free'),
    ]),
    terms('GPL-2.0-only', [
      { when: { uses: ['distribute'] }, outcome: 'share-alike', section: '§2', because: 'conveying', obligations: [{ kind: 'share-alike', scope: 'work', trigger: 'distribute', section: '§2(b)' }] },
      always('free'),
    ]),
    terms('GPL-3.0-or-later', [always('free')], { laterVersions: ['GPL-4.0'] }),
    terms('Classpath-exception-2.0', [], { kind: 'exception', family: 'exception', effect: { shareAlikeScope: 'library', note: 'linking is not a derivative' } }),
    terms('LicenseRef-rider', [{ when: { competes: true }, outcome: 'payback', section: '¶2', because: 'no right to Sell', obligations: [{ kind: 'pay', section: '¶2', route: { note: 'buy' } }] }, always('free')], { family: 'source-available' }),
    terms('PolyForm-Small-Business-1.0.0', [
      { when: { employeesBelow: 100, revenueBelow: 1_000_000 }, outcome: 'free', section: 'Small Business', because: 'small' },
      always('payback', { obligations: [{ kind: 'pay', section: 'Size', route: { note: 'buy' } }] }),
    ]),
    terms('BUSL-1.1', [
      { when: { dateOnOrAfter: { param: 'changeDate' } }, outcome: 'free', section: 'Change Date', because: 'changed', becomes: { licence: '$changeLicense', on: { param: 'changeDate' } } },
      always('payback', { obligations: [{ kind: 'time-limit', section: 'Change Date', changeDate: '$changeDate' }] }),
    ], { parameters: { changeDate: { type: 'date', description: 'x' }, changeLicense: { type: 'expression', description: 'y', default: 'GPL-2.0-only' } } }),
    terms('LicenseRef-ethical', [
      { when: { fields: ['military'] }, outcome: 'forbidden', section: '§3', because: 'no war' },
      always('free'),
    ]),
    terms('LicenseRef-modules', [
      { when: { paramIncludes: { modules: ['NC'] }, entity: ['for-profit'] }, outcome: 'payback', section: 'NC', because: 'nc' },
      always('free'),
    ], { parameters: { modules: { type: 'list', description: 'modules' } } }),
  ],
});

describe('OR chooses the best branch for this profile', () => {
  it('takes the free branch and records the choice', () => {
    const verdict = evaluate('GPL-3.0-only OR MIT', { uses: ['distribute'] }, { kb });
    expect(verdict.outcome).toBe('free');
    expect(verdict.chosen).toEqual([{ chosen: 'MIT', alternatives: [{ expression: 'GPL-3.0-only', outcome: 'share-alike' }] }]);
  });
  it('breaks ties by the lighter obligations', () => {
    expect(evaluate('Apache-2.0 OR MIT', {}, { kb }).chosen[0]!.chosen).toBe('MIT');
  });
  it('prefers a known branch to an unknown one', () => {
    expect(evaluate('LicenseRef-nobody-knows OR GPL-3.0-only', {}, { kb }).outcome).toBe('share-alike');
  });
});

describe('AND applies everything', () => {
  it('takes the worst outcome and the union of obligations', () => {
    const verdict = evaluate('MIT AND GPL-3.0-only', { uses: ['distribute'] }, { kb });
    expect(verdict.outcome).toBe('share-alike');
    expect(verdict.obligations.map((o) => `${o.licence}:${o.kind}`)).toEqual(['MIT:notice', 'GPL-3.0-only:notice', 'GPL-3.0-only:share-alike']);
  });
  it('is unknown when one side is unknown', () => {
    expect(evaluate('MIT AND LicenseRef-mystery', {}, { kb }).outcome).toBe('unknown');
  });
});

describe('WITH applies the exception', () => {
  it('narrows the share-alike scope', () => {
    const verdict = evaluate('GPL-2.0-only WITH Classpath-exception-2.0', { uses: ['distribute'] }, { kb });
    expect(verdict.obligations.find((o) => o.kind === 'share-alike')).toMatchObject({ scope: 'library' });
    expect(verdict.because.map((b) => b.licence)).toContain('Classpath-exception-2.0');
  });
  it('keeps the licence as it is for an exception it does not know, and says so', () => {
    const verdict = evaluate('GPL-2.0-only WITH LLVM-exception', { uses: ['distribute'] }, { kb });
    expect(verdict.obligations.find((o) => o.kind === 'share-alike')).toMatchObject({ scope: 'work' });
    expect(verdict.notes.join()).toContain('does not know the exception LLVM-exception');
  });
  it('reads a licence of the knowledge base written after WITH (a rider such as the Commons Clause) beside the licence', () => {
    const verdict = evaluate('MIT WITH LicenseRef-rider', { competes: true }, { kb });
    expect(verdict.outcome).toBe('payback');
    expect(verdict.expression).toBe('MIT WITH LicenseRef-rider');
    expect(verdict.notes.join()).toContain('LicenseRef-rider is not an exception');
    expect(evaluate('MIT WITH LicenseRef-rider', { competes: false }, { kb }).outcome).toBe('free');
  });
  it('leaves the licence unknown for an exception it does not know that is not on the SPDX list: it may take rights away', () => {
    const verdict = evaluate('Apache-2.0 WITH LicenseRef-Commons-Clause', { uses: ['distribute'] }, { kb });
    expect(verdict.outcome).toBe('unknown');
    expect(verdict.because.map((b) => b.because).join()).toContain('not on the SPDX exceptions list');
  });
  it('maps deprecated ids with built-in exceptions', () => {
    expect(evaluate('GPL-2.0-with-classpath-exception', { uses: ['distribute'] }, { kb }).expression).toBe('GPL-2.0-only WITH Classpath-exception-2.0');
  });
});

describe('ids', () => {
  it('maps deprecated ids and + to their current form', () => {
    expect(evaluate('GPL-3.0', {}, { kb }).expression).toBe('GPL-3.0-only');
    const later = evaluate('GPL-3.0+', {}, { kb });
    expect(later.expression).toBe('GPL-3.0-or-later');
    expect(later.notes.join()).toContain('later version (GPL-4.0)');
  });
  it('makes an undefined LicenseRef unknown, saying where terms could come from', () => {
    const verdict = evaluate('LicenseRef-acme-commercial', {}, { kb });
    expect(verdict.outcome).toBe('unknown');
    expect(verdict.because[0]!.because).toContain('custom licence');
  });
  it('makes an unparseable expression unknown rather than throwing', () => {
    expect(evaluate('MIT OR', {}, { kb }).outcome).toBe('unknown');
  });
});

describe('unstated facts are assumed the strict way', () => {
  it('assumes a size over the threshold and says so', () => {
    const verdict = evaluate('PolyForm-Small-Business-1.0.0', {}, { kb });
    expect(verdict.outcome).toBe('payback');
    expect(verdict.assumed.map((a) => a.fact)).toEqual(expect.arrayContaining(['employees']));
  });
  it('uses stated facts at the thresholds', () => {
    expect(evaluate('PolyForm-Small-Business-1.0.0', { employees: 99, revenueUsd: 999_999 }, { kb }).outcome).toBe('free');
    expect(evaluate('PolyForm-Small-Business-1.0.0', { employees: 100, revenueUsd: 0 }, { kb }).outcome).toBe('payback');
  });
  it('takes no field as the default for ethical bans, and notes it', () => {
    const verdict = evaluate('LicenseRef-ethical', {}, { kb });
    expect(verdict.outcome).toBe('free');
    expect(verdict.assumed).toEqual([expect.objectContaining({ fact: 'fields', value: 'none' })]);
    expect(evaluate('LicenseRef-ethical', { fields: ['military'] }, { kb }).outcome).toBe('forbidden');
  });
  it('assumes an unknown list parameter may hold the restrictive module', () => {
    expect(evaluate('LicenseRef-modules', { entity: 'for-profit' }, { kb }).outcome).toBe('payback');
    expect(evaluate('LicenseRef-modules', { entity: 'for-profit' }, { kb, parameters: { 'LicenseRef-modules': { modules: ['MIL'] } } }).outcome).toBe('free');
    expect(evaluate('LicenseRef-modules', { entity: 'for-profit' }, { kb, parameters: { 'LicenseRef-modules': { modules: [] } } }).outcome).toBe('free');
  });
});

// ApexCharts' licence (twenty-first session): a product that competes and one that is used by others
// are both payback, so assuming "does not compete" was no "strict case", as the note said it was.
describe('a yes-or-no fact unstated where either value gives the same answer', () => {
  const tie = createKnowledgeBase({
    version: 'test',
    terms: [
      terms('LicenseRef-tie', [
        { when: { competes: true }, outcome: 'payback', section: 'a', because: 'a competing product needs an agreement' },
        { when: { uses: ['distribute'] }, outcome: 'payback', section: 'b', because: 'a product used by others needs a licence' },
        { when: {}, outcome: 'free', section: 'c', because: 'free otherwise' },
      ]),
    ],
  });

  it('is noted as the case whose obligations are listed, not as the strict case', () => {
    const verdict = evaluate('LicenseRef-tie', { entity: 'for-profit', uses: ['distribute'] }, { kb: tie });
    expect(verdict.outcome).toBe('payback');
    const competes = verdict.assumed.find((assumption) => assumption.fact === 'competes');
    expect(competes?.note).toMatch(/^not stated; the answer is payback either way, and what is owed is for the case that /);
    expect(competes?.note).not.toContain('strict case');
  });

  it('is still the strict case where the other value answers better', () => {
    const verdict = evaluate('LicenseRef-tie', { entity: 'for-profit', uses: ['internal'] }, { kb: tie });
    expect(verdict.outcome).toBe('payback');
    expect(verdict.assumed.find((assumption) => assumption.fact === 'competes')?.note).toMatch(/^not stated, so copyfair assumed the strict case: your product competes/);
  });
});

describe('dates and change licences', () => {
  const parameters = { 'BUSL-1.1': { changeDate: '2025-01-01' } };
  it('is payback before the change date, with the date in the obligation', () => {
    const verdict = evaluate('BUSL-1.1', { date: '2024-12-31' }, { kb, parameters });
    expect(verdict.outcome).toBe('payback');
    expect(verdict.obligations.find((o) => o.kind === 'time-limit')).toMatchObject({ changeDate: '2025-01-01' });
  });
  it('evaluates the change licence on and after the change date', () => {
    const verdict = evaluate('BUSL-1.1', { date: '2025-01-01', uses: ['distribute'] }, { kb, parameters });
    expect(verdict.outcome).toBe('share-alike');
    expect(verdict.notes.join()).toContain('became GPL-2.0-only on 2025-01-01');
  });
  it('assumes an unknown change date has not passed', () => {
    expect(evaluate('BUSL-1.1', { date: '2099-01-01' }, { kb }).outcome).toBe('payback');
  });
  it('assumes an unstated date is before the change date', () => {
    const verdict = evaluate('BUSL-1.1', {}, { kb, parameters });
    expect(verdict.outcome).toBe('payback');
    expect(verdict.assumed.map((a) => a.fact)).toContain('date');
  });
});

describe('parse errors point at the problem', () => {
  it('a dangling operator', () => {
    expect(parseExpression('GPL-3.0 OR', kb)).toMatchObject({ ok: false, position: 10, message: expect.stringContaining('ends after "OR"') });
  });
  it('an unknown id, with suggestions', () => {
    const result = parseExpression('MIT AND Apache-2', kb);
    expect(result).toMatchObject({ ok: false, position: 8, message: 'unknown licence id "Apache-2"' });
    expect(!result.ok && result.suggestions).toContain('Apache-2.0');
  });
  it('two licences without an operator', () => {
    expect(parseExpression('MIT Apache-2.0', kb)).toMatchObject({ ok: false, position: 4 });
  });
  it('unbalanced parentheses', () => {
    expect(parseExpression('(MIT OR Apache-2.0', kb)).toMatchObject({ ok: false, message: expect.stringContaining('not closed') });
    expect(parseExpression('MIT)', kb)).toMatchObject({ ok: false, position: 3 });
  });
  it('a rider written as an exception', () => {
    const result = parseExpression('MIT WITH Commons-Clause', kb);
    expect(result).toMatchObject({ ok: false, position: 9 });
  });
  it('normalises case, operators and parentheses', () => {
    expect(parseExpression('(mit or apache-2.0) and gpl-3.0-only', kb)).toMatchObject({ ok: true, expression: '(MIT OR Apache-2.0) AND GPL-3.0-only' });
  });
});
