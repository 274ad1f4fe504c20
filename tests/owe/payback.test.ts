// `copyfair payback` on fixtures/payback/app: a PPL editor whose licence text names where to get a
// licence, a BUSL engine with a Change Date and a `paid:` entry in copyfair.yaml, a GPL library to
// give back in kind, and funding in every shape npm allows (string, object, array of both, one
// address shared by two packages, a trailing slash).
import { describe, expect, it } from 'vitest';
import { contactsOf } from '../../src/ecosystems/npm/manifest.js';
import { holderName } from '../../src/report/contacts.js';
import { buildPlan, type PaybackPlan } from '../../src/payback/plan.js';
import { loadPolicy } from '../../src/policy/index.js';
import { renderPlan } from '../../src/report/payback.js';
import { scan } from '../../src/scan/index.js';
import { run } from '../cli/run.js';
import { installed, temporaryFolder, writeTree } from '../hostile/generate.js';

const root = 'fixtures/payback/app';
const profile = { entity: 'for-profit' as const, date: '2026-12-03' };
async function plan(options: { budget?: number; today?: string; paid?: boolean } = {}): Promise<PaybackPlan> {
  const report = await scan(root, { profile, toolVersion: 'test' });
  const policy = loadPolicy(root, { relativeTo: root });
  return buildPlan(report, {
    today: options.today ?? '2026-12-03',
    paid: options.paid === false ? [] : policy.paid,
    ...(options.budget !== undefined ? { budget: { cents: options.budget, currency: 'EUR', period: 'month' as const } } : {}),
  });
}

describe('what to settle before use', () => {
  it('groups by licensor, named by the licence text (BUSL Licensor, copyright holder)', async () => {
    const { settle } = await plan();
    expect(settle.map((group) => [group.licensor, group.licensorFrom, group.items.map((item) => item.component)])).toEqual([
      ['Data Engine Inc', 'licence-parameters', ['data-engine']],
      ['Fair Cooperative', 'copyright', ['fair-editor']],
    ]);
  });

  it('takes the licensing address from the PPL text first, then funding, author and repository, each labelled', async () => {
    const fair = (await plan()).settle.find((group) => group.licensor === 'Fair Cooperative')!;
    expect(fair.contacts).toEqual([
      { source: 'licence-text', address: 'https://fair.example.coop/licensing' },
      { source: 'funding', address: 'https://opencollective.com/fair-coop' },
      { source: 'author', address: 'hello@fair.example.coop', name: 'Fair Cooperative' },
      { source: 'author', address: 'https://fair.example.coop', name: 'Fair Cooperative' },
      { source: 'repository', address: 'https://github.com/fair-coop/fair-editor' },
    ]);
    expect(fair.items[0]!.clauses).toEqual(['PPL §4(d)']);
    expect(fair.items[0]!.routes.map((route) => route.kind)).toEqual(['negotiate']);
  });

  it('offers to wait for a BUSL Change Date, with the date and the licence it becomes', async () => {
    const engine = (await plan()).settle.find((group) => group.licensor === 'Data Engine Inc')!;
    expect(engine.items[0]!.routes).toContainEqual({ kind: 'wait', until: '2029-01-01', then: 'Apache-2.0' });
    expect(engine.contacts[0]).toEqual({ source: 'licence-text', address: 'licensing@dataengine.example' });
  });

  it('shows what the project already paid as settled, and an expired licence as not', async () => {
    expect((await plan()).settle.find((group) => group.licensor === 'Data Engine Inc')!.settled).toEqual({ reference: 'PO-2026-114', expires: '2027-06-30', packages: ['data-engine'], note: 'production licence for the web shop' });
    const later = (await plan({ today: '2027-07-01' })).settle.find((group) => group.licensor === 'Data Engine Inc')!;
    expect(later.settled).toBeUndefined();
    expect(later.expired).toEqual({ reference: 'PO-2026-114', expires: '2027-06-30' });
    expect((await plan({ today: '2027-07-01' })).headline).toMatch(/^2 components to settle with 2 licensors before use;/);
  });
});

describe('what to give back in kind', () => {
  it('names the source to publish and when, with the clause', async () => {
    const { giveBack } = await plan();
    expect(giveBack.map((item) => [item.component, item.what[0]])).toEqual([['gpl-lib', 'publish the source of the whole work built with it, under the same licence, when you distribute it']]);
    expect(giveBack[0]!.contacts).toEqual([{ source: 'repository', address: 'https://gitlab.com/gpl/gpl-lib' }]);
  });
});

describe('a give-back of patents (the AOM patent licence, as sharp-libvips bundles it)', () => {
  it('is listed with what to grant, and never as source to publish', async () => {
    const root = writeTree(temporaryFolder('copyfair-av1-'), {
      'package.json': JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { 'av1-codec': '1.0.0' } }),
      ...installed('av1-codec', '1.0.0', '(BSD-2-Clause AND LicenseRef-scancode-alliance-open-media-patent-1.0)'),
    });
    const report = await scan(root, { profile: { entity: 'for-profit', uses: ['distribute'], date: '2026-12-03' }, toolVersion: 'test' });
    const { giveBack } = buildPlan(report, { today: '2026-12-03', paid: [] });
    expect(giveBack.map((item) => item.component)).toEqual(['av1-codec']);
    expect(giveBack[0]!.what).toEqual(['license the patent claims you hold that it needs to everyone, royalty-free, under the same licence (nothing if you hold none)']);
    expect(giveBack[0]!.clauses).toEqual(['LicenseRef-scancode-alliance-open-media-patent-1.0 1.2.1']);
    // Used, not distributed: nothing to give back.
    const used = await scan(root, { profile: { entity: 'for-profit', uses: ['internal'], date: '2026-12-03' }, toolVersion: 'test' });
    expect(buildPlan(used, { today: '2026-12-03', paid: [] }).giveBack).toEqual([]);
  });
});

describe('the contribution', () => {
  it('splits the budget by weight over funding addresses: each address once, each package once, adding up exactly', async () => {
    const contribution = (await plan({ budget: 25_000 })).contribution!;
    expect(contribution.recipients.map((r) => [r.url, r.platform, r.amount, r.packages])).toEqual([
      ['https://github.com/sponsors/ada', 'GitHub Sponsors', 8654, ['tiny-util', 'ui-kit']],
      ['https://opencollective.com/fair-coop', 'Open Collective', 5769, ['fair-editor']],
      ['https://github.com/sponsors/dataengine', 'GitHub Sponsors', 2885, ['data-engine']],
      ['https://liberapay.com/grace', 'Liberapay', 2885, ['ui-kit']],
      ['https://www.patreon.com/dataengine', 'Patreon', 2884, ['data-engine']],
      ['https://thanks.dev/u/gh/deep', 'thanks.dev', 1923, ['deep-dep']],
    ]);
    expect(contribution.recipients.reduce((sum, r) => sum + r.amount, 0)).toBe(25_000);
    expect(contribution.unfunded).toBe(1);
  });

  it('weighs direct dependencies over transitive ones, as --weights says', async () => {
    const equal = await run(['payback', root, '--budget', '130', '--weights', 'direct=1,transitive=1', '--format', 'json', '--date', '2026-12-03']);
    const recipients = JSON.parse(equal.stdout).contribution.recipients as { url: string; amount: number }[];
    // Five funded packages of equal weight: the transitive one gets a fifth, not the 1/13 it gets by default.
    expect(recipients.find((r) => r.url === 'https://thanks.dev/u/gh/deep')!.amount).toBe(2600);
  });
});

describe('formats and the command line', () => {
  it('CSV: one row per recipient, for finance tools, never a formula', async () => {
    const csv = renderPlan(await plan({ budget: 25_000 }), 'csv');
    const rows = csv.trimEnd().split('\r\n');
    expect(rows[0]).toBe('recipient,url,platform,amount,currency,period,packages');
    expect(rows[1]).toBe('github.com/sponsors/ada,https://github.com/sponsors/ada,GitHub Sponsors,86.54,EUR,month,tiny-util ui-kit');
    expect(rows).toHaveLength(7);
    const hostile = renderPlan({ ...(await plan({ budget: 100 })), contribution: { budget: 100, currency: 'EUR', period: 'month', weights: { direct: 3, transitive: 1, dev: 1 }, unfunded: 0, recipients: [{ url: 'https://x.example/=cmd', platform: '=HYPERLINK("x")', amount: 100, weight: 1, packages: ['a,b'] }] } }, 'csv');
    expect(hostile.split('\r\n')[1]).toBe(`x.example/=cmd,https://x.example/=cmd,"'=HYPERLINK(""x"")",1.00,EUR,month,"a,b"`);
  });

  it('text, Markdown and JSON, the same twice', async () => {
    for (const format of ['text', 'markdown', 'json', 'csv']) {
      const first = await run(['payback', root, '--budget', '250', '--currency', 'EUR', '--format', format, '--date', '2026-12-03']);
      const second = await run(['payback', root, '--budget', '250', '--currency', 'EUR', '--format', format, '--date', '2026-12-03']);
      expect(first.code).toBe(0);
      expect(first.stdout).toBe(second.stdout);
    }
    const text = (await run(['payback', root, '--budget', '250', '--currency', 'EUR', '--date', '2026-12-03'])).stdout;
    expect(text).toMatch(/^Payback plan for payback-app 2\.0\.0: 2 components to settle with 2 licensors\nbefore use \(1 settled\); 1 to give back in kind; a contribution of 250\.00 EUR a\nmonth to 6 recipients\.\n/);
  });

  it('a bad budget, currency or weight is a usage error (exit 2) that says what to write', async () => {
    expect((await run(['payback', root, '--budget', 'lots'])).stderr).toMatch(/--budget: "lots" is not an amount; write it like 250 or 99\.50/);
    expect((await run(['payback', root, '--budget', '10', '--currency', 'euro'])).code).toBe(2);
    const weights = await run(['payback', root, '--budget', '10', '--weights', 'direct=3,indirect=1']);
    expect(weights.code).toBe(2);
    expect(weights.stderr).toMatch(/--weights: "indirect" is not one of direct, transitive, dev/);
  });
});

describe('reading who is behind a package', () => {
  it('npm person strings and objects, repository shorthands, and only http(s) addresses', () => {
    expect(contactsOf({ author: 'Ada Lovelace <ada@example.org> (https://ada.example)', repository: 'github:ada/engine', homepage: 'javascript:alert(1)' })).toEqual({
      author: { name: 'Ada Lovelace', email: 'ada@example.org', url: 'https://ada.example' },
      repository: 'https://github.com/ada/engine',
    });
    expect(contactsOf({ maintainers: [{ name: 'Grace', url: 'file:///etc/passwd' }, 'Bob <bob@example.org>'], repository: { url: 'git@github.com:x/y.git' } })).toEqual({
      maintainers: [{ name: 'Grace' }, { name: 'Bob', email: 'bob@example.org' }],
      repository: 'https://github.com/x/y',
    });
  });

  it.each([
    ['Copyright (c) 2019-2024 Acme, Inc. All rights reserved.', 'Acme, Inc'],
    ['Copyright © 2024 Fair Cooperative <hello@fair.example>', 'Fair Cooperative'],
    ['(c) 2020 Jane Doe', 'Jane Doe'],
    ['Copyright (c) 2024 Fair Cooperative (licensing: https://fair.example.coop/licensing)', 'Fair Cooperative'],
  ])('the holder in "%s" is %s', (line, name) => {
    expect(holderName(line)).toBe(name);
  });
});

describe('what the plan cannot settle', () => {
  // A plan of a project with an unknown and a forbidden dependency said "Nothing to settle before
  // use", exit 0, and named neither: read as nothing owed while two dependencies were not judged.
  function project(): string {
    return writeTree(temporaryFolder('copyfair-payback-open-'), {
      'package.json': JSON.stringify({ name: 'open-app', version: '1.0.0', dependencies: { mystery: '1.0.0', secret: '1.0.0', plain: '1.0.0' } }),
      ...installed('mystery', '1.0.0', 'Acme Custom Licence'),
      ...installed('secret', '2.0.0', 'UNLICENSED'),
      ...installed('plain', '1.0.0', 'MIT'),
    });
  }

  it('lists the unknown and forbidden components first, and the headline says so', async () => {
    const report = await scan(project(), { profile: { entity: 'for-profit', uses: ['distribute'], date: '2026-12-03' }, toolVersion: 'test' });
    const built = buildPlan(report, { today: '2026-12-03' });
    expect(built.notPlanned.map((item) => [item.component, item.outcome])).toEqual([['mystery', 'unknown'], ['secret', 'forbidden']]);
    expect(built.notPlanned[0]!.because).toContain('Acme Custom Licence');
    expect(built.headline).toBe('1 component your profile may not use (forbidden: no payment settles it); 1 component copyfair could not judge: a person must read its licence before this plan is complete; nothing to settle before use among the rest.');
    const text = renderPlan(built, 'text', 100);
    expect(text).toContain('Not in this plan\n   mystery 1.0.0 (no licence): unknown: ');
    expect(text).toContain('Nothing: no dependency copyfair could judge asks to be paid back for this profile.');
    expect(renderPlan(built, 'markdown')).toContain('### Not in this plan');
  });

  it('exits 1 when their outcome is in --fail-on, as a scan does; a plan with none exits 0', async () => {
    const open = await run(['payback', project(), '--use', 'distribute', '--date', '2026-12-03']);
    expect(open.code).toBe(1);
    expect(open.stdout).toContain('Not in this plan');
    expect((await run(['payback', root, '--date', '2026-12-03'])).code).toBe(0);
    // --fail-on decides, as for a scan: without unknown and forbidden, the same plan exits 0.
    expect((await run(['payback', project(), '--use', 'distribute', '--date', '2026-12-03', '--fail-on', 'payback'])).code).toBe(0);
    expect((await run(['payback', project(), '--use', 'distribute', '--date', '2026-12-03', '--fail-on', 'forbidden'])).code).toBe(1);
  });

  it('names what the scan could not read in full, as a scan says "Cannot tell" for it', async () => {
    // fixtures/python/venv-app: colorama's METADATA is broken (python-file-invalid); every verdict is free.
    const plan = await run(['payback', 'fixtures/python/venv-app', '--date', '2026-12-03']);
    expect(plan.stdout).toMatch(/^Payback plan for survey-service 0\.4\.0: 1 dependency could not be read in full\n\(see the scan's diagnostics\): the plan may miss what it owes; nothing to settle\nbefore use among the rest\./);
    expect(plan.stdout).toContain("read in part (see copyfair scan's diagnostics): colorama@0.4.6");
    expect(plan.code).toBe(1);
    expect((await run(['payback', 'fixtures/python/venv-app', '--date', '2026-12-03', '--fail-on', 'payback,forbidden'])).code).toBe(0);
    const json = JSON.parse((await run(['payback', 'fixtures/python/venv-app', '--date', '2026-12-03', '--format', 'json'])).stdout);
    expect(json.readInPart).toEqual(['colorama@0.4.6']);
  });
});
