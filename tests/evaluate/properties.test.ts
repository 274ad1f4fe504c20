// Properties of the engine over the real knowledge base and random profiles (fast-check):
// OR is never worse than its best branch, AND never better than its worst, unknown never turns
// free, and evaluation is deterministic.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/kb/index.js';
import { evaluate } from '../../src/evaluate/index.js';
import { ENTITIES, OUTCOMES, USES, type Profile } from '../../src/types.js';

const kb = loadKnowledgeBase();
// Riders (the Commons Clause) are no licence alone, so the algebra below is of licences; they have
// properties of their own at the end.
const ids = [...kb.all().filter((terms) => terms.kind === 'licence' && !terms.rider).map((terms) => terms.id), 'LicenseRef-not-defined-anywhere'];
const riders = kb.all().filter((terms) => terms.rider).map((terms) => terms.id);
const rank = (outcome: string) => OUTCOMES.indexOf(outcome as (typeof OUTCOMES)[number]);

const profile: fc.Arbitrary<Profile> = fc.record(
  {
    entity: fc.constantFrom(...ENTITIES),
    uses: fc.subarray([...USES]),
    surplusToWorkers: fc.boolean(),
    equalVote: fc.boolean(),
    employees: fc.integer({ min: 0, max: 100_000 }),
    revenueUsd: fc.integer({ min: 0, max: 10_000_000 }),
    users: fc.integer({ min: 0, max: 1000 }),
    fields: fc.subarray(['military', 'law-enforcement', 'fossil-fuels', 'surveillance']),
    competes: fc.boolean(),
    date: fc.date({ min: new Date('2015-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  },
  { requiredKeys: [] },
);
const id = fc.constantFrom(...ids);
const runs = { numRuns: 300 };

describe('expression algebra', () => {
  it('OR is never worse than its best branch, nor better', () => {
    fc.assert(
      fc.property(fc.array(id, { minLength: 2, maxLength: 4 }), profile, (branches, p) => {
        const best = Math.min(...branches.map((b) => rank(evaluate(b, p, { kb }).outcome)));
        expect(rank(evaluate(branches.join(' OR '), p, { kb }).outcome)).toBe(best);
      }),
      runs,
    );
  });

  it('AND is never better than its worst part, nor worse', () => {
    fc.assert(
      fc.property(fc.array(id, { minLength: 2, maxLength: 4 }), profile, (parts, p) => {
        const worst = Math.max(...parts.map((b) => rank(evaluate(b, p, { kb }).outcome)));
        expect(rank(evaluate(parts.join(' AND '), p, { kb }).outcome)).toBe(worst);
      }),
      runs,
    );
  });

  it('an unknown licence ANDed in never yields free', () => {
    fc.assert(
      fc.property(id, profile, (other, p) => {
        expect(evaluate(`${other} AND LicenseRef-not-defined-anywhere`, p, { kb }).outcome).toBe('unknown');
      }),
      runs,
    );
  });

  it('is deterministic: the same input gives the same verdict, byte for byte', () => {
    fc.assert(
      fc.property(fc.array(id, { minLength: 1, maxLength: 3 }), fc.constantFrom(' AND ', ' OR '), profile, (parts, op, p) => {
        const expression = parts.join(op);
        expect(JSON.stringify(evaluate(expression, p, { kb }))).toBe(JSON.stringify(evaluate(expression, p, { kb })));
      }),
      runs,
    );
  });

  it('stating a fact never makes a verdict worse than the strict assumption', () => {
    fc.assert(
      fc.property(id, profile, (licence, p) => {
        const stated = evaluate(licence, p, { kb });
        const { entity, uses, fields, ...unstated } = p;
        const strict = evaluate(licence, { entity, uses, fields }, { kb });
        expect(rank(stated.outcome)).toBeLessThanOrEqual(rank(strict.outcome));
        void unstated;
      }),
      runs,
    );
  });
});

describe('riders', () => {
  it('there is one to test', () => {
    expect(riders).toContain('LicenseRef-scancode-commons-clause');
  });

  it('a rider offered as an alternative makes the choice unknown; beside a licence it is never better than that licence', () => {
    fc.assert(
      fc.property(id, fc.constantFrom(...riders), profile, (other, rider, p) => {
        expect(evaluate(`${other} OR ${rider}`, p, { kb }).outcome).toBe('unknown');
        expect(rank(evaluate(`${other} AND ${rider}`, p, { kb }).outcome)).toBeGreaterThanOrEqual(rank(evaluate(other, p, { kb }).outcome));
      }),
      runs,
    );
  });
});
