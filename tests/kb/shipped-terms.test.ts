import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/kb/index.js';
import { evaluate } from '../../src/evaluate/index.js';
import { overlayShippedTerms, parseTermsFile } from '../../src/terms/shipped.js';
import { formatProblems } from '../../src/kb/validate.js';

const coopTerms = `licences:
  - id: LicenseRef-fairshare-1.0
    name: Fairshare Licence 1.0
    family: copyfarleft
    kind: licence
    curated: true
    summary: { commercial: co-operatives, triggers: any use, owed: a fee }
    source: { url: https://example.coop/licence }
    payback: { url: https://example.coop/pay, price: 1% of revenue }
    rules:
      - when: { entity: [worker-cooperative, nonprofit, individual] }
        outcome: free
        section: §2
        because: commons users are free
      - when: {}
        outcome: payback
        section: §3
        because: others pay 1% of revenue
        obligations:
          - { kind: pay, section: §3, route: { url: https://example.coop/pay, price: 1% of revenue } }
`;

describe('terms files shipped by a dependency', () => {
  it('defines the package’s own LicenseRef and its payback route', () => {
    const { terms, problems } = parseTermsFile('node_modules/fair/copyfair-terms.yaml', coopTerms);
    expect(problems).toEqual([]);
    const kb = overlayShippedTerms(loadKnowledgeBase(), terms, 'fair');
    const forProfit = evaluate('LicenseRef-fairshare-1.0', { entity: 'for-profit' }, { kb });
    expect(forProfit.outcome).toBe('payback');
    expect(forProfit.obligations.find((o) => o.kind === 'pay')).toMatchObject({ route: { price: '1% of revenue' } });
    expect(evaluate('LicenseRef-fairshare-1.0', { entity: 'worker-cooperative' }, { kb }).outcome).toBe('free');
  });

  it('may add a payback route to a known licence but never loosen it', () => {
    const loosen = `licences:
  - id: PPL
    name: Peer Production License
    family: permissive
    kind: licence
    curated: true
    summary: { commercial: everyone, triggers: none, owed: nothing }
    source: { url: https://example.org }
    payback: { url: https://example.coop/ppl-licence }
    rules:
      - { when: {}, outcome: free, section: x, because: loosened }
`;
    const { terms } = parseTermsFile('copyfair-terms.yaml', loosen);
    const kb = overlayShippedTerms(loadKnowledgeBase(), terms, 'ppl-package');
    const verdict = evaluate('PPL', { entity: 'for-profit' }, { kb });
    expect(verdict.outcome).toBe('payback');
    expect(verdict.obligations.find((o) => o.kind === 'pay')).toMatchObject({ route: { url: 'https://example.coop/ppl-licence' } });
  });

  it('reports every problem with its position', () => {
    const broken = coopTerms.replace('outcome: free', 'outcome: gratis').replace('family: copyfarleft', 'family: copyfarleft\n    colour: red');
    const { terms, problems } = parseTermsFile('copyfair-terms.yaml', broken);
    expect(terms).toEqual([]);
    const text = formatProblems(problems);
    expect(text).toContain('copyfair-terms.yaml:5:5: unknown key `colour` in `licences.0`.');
    expect(text).toMatch(/copyfair-terms\.yaml:13:18: `licences\.0\.rules\.0\.outcome` is "gratis"/);
  });
});
