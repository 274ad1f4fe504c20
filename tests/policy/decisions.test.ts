// The policy's decisions at their edges: the expiry day, exceptions nobody needs, a licence file
// that changes under a clarification, and the project's own private packages.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPolicy, policyHooks, type Policy } from '../../src/policy/index.js';
import { scan } from '../../src/scan/index.js';

const temporary = mkdtempSync(join(tmpdir(), 'copyfair-decisions-'));
afterAll(() => rmSync(temporary, { recursive: true, force: true }));

const reader = (root: string) => (path: string) => {
  try {
    return readFileSync(join(root, path));
  } catch {
    return undefined;
  }
};

async function scanWith(root: string, policy: Policy, date: string) {
  const { hooks, finish } = policyHooks(policy, { date, readFile: reader(root) });
  const report = await scan(root, { profile: { ...policy.profile, date }, hooks, toolVersion: 'test' });
  return { report, diagnostics: finish() };
}

describe('exception expiry (the date is injected)', () => {
  const policy = loadPolicy('.', { configPath: 'fixtures/policy/demo-decided.yaml' });
  const coop = (report: { components: { name: string; verdict: { outcome: string } }[] }) => report.components.find((c) => c.name === 'coop-widget')!.verdict.outcome;

  it('holds through its expires day', async () => {
    const { report, diagnostics } = await scanWith('fixtures/demo-app', policy, '2027-06-30');
    expect(coop(report)).toBe('free');
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('fails loudly from the next day, and is no longer applied', async () => {
    const { report, diagnostics } = await scanWith('fixtures/demo-app', policy, '2027-07-01');
    expect(coop(report)).toBe('payback');
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'config-exception-expired', severity: 'error', location: { file: 'fixtures/policy/demo-decided.yaml', line: 9, column: 5 } }));
  });

  it('fails even when the package has gone', async () => {
    const gone: Policy = { ...policy, exceptions: policy.exceptions.map((e) => ({ ...e, package: 'removed-long-ago' })) };
    const { diagnostics } = await scanWith('fixtures/demo-app', gone, '2027-07-01');
    const expired = diagnostics.find((d) => d.code === 'config-exception-expired')!;
    expect(expired.message).toBe('the exception for removed-long-ago@^1.4.0 expired on 2027-06-30 (licence bought from the Coop Widget collective, contract 2026-17); it matches no package any more');
  });
});

it('an exception for a package that is free anyway is reported as not needed', async () => {
  const policy = loadPolicy('.', { configPath: 'fixtures/policy/demo-decided.yaml' });
  const scanned = await scan('fixtures/demo-app', { profile: { date: '2026-06-01' }, toolVersion: 'test' });
  const free = scanned.components.find((c) => c.verdict.outcome === 'free')!;
  const needless: Policy = { ...policy, exceptions: [{ ...policy.exceptions[0]!, package: free.name, version: '*' }] };
  const { diagnostics } = await scanWith('fixtures/demo-app', needless, '2026-06-01');
  expect(diagnostics.find((d) => d.code === 'config-exception-unused')!.message).toBe(`the exception for ${free.name}@* is not needed: ${free.name}@${free.version} is free for this profile`);
});

it('a clarification goes stale when its licence file changes, and comes back when it is restored', async () => {
  const root = join(temporary, 'demo-app');
  cpSync('fixtures/demo-app', root, { recursive: true });
  const policy = loadPolicy('.', { configPath: 'fixtures/policy/demo-decided.yaml' });
  const sneaky = async () => {
    const { report, diagnostics } = await scanWith(root, policy, '2026-06-01');
    return { component: report.components.find((c) => c.name === 'sneaky-mit')!, codes: diagnostics.map((d) => d.code) };
  };
  const before = await sneaky();
  expect(before.component.evidence.some((e) => e.kind === 'clarification')).toBe(true);
  expect(before.codes).toEqual([]);

  const licence = join(root, 'node_modules/sneaky-mit/LICENSE');
  const original = readFileSync(licence);
  writeFileSync(licence, `${original.toString('utf8')}\nOne more sentence the maintainers added.\n`);
  const after = await sneaky();
  expect(after.component.evidence.some((e) => e.kind === 'clarification')).toBe(false);
  expect(after.codes).toEqual(['config-clarification-stale']);

  writeFileSync(licence, original);
  expect((await sneaky()).codes).toEqual([]);
});

it('ignore.private skips the project’s own private packages', async () => {
  const policy = loadPolicy('fixtures/policy/private');
  expect(policy.ignore).toEqual({ private: true, packages: [], workspaces: [] });
  const { report } = await scanWith('fixtures/policy/private', policy, '2026-06-01');
  expect(report.components.map((c) => c.name)).toEqual(['left-pad']);
  const all = await scan('fixtures/policy/private', { profile: { date: '2026-06-01' }, toolVersion: 'test' });
  expect(all.components.map((c) => c.name).sort()).toEqual(['left-pad', 'our-lib']);
});

it('a custom LicenseRef licence in the config decides a clarified package, for each profile', async () => {
  const policy = loadPolicy('.', { configPath: 'fixtures/policy/custom-licence/copyfair.yaml' });
  expect(policy.licences.map((terms) => terms.id)).toEqual(['LicenseRef-acme-commons']);
  const outcome = async (profile: Policy['profile']) => {
    const { report, diagnostics } = await scanWith('fixtures/demo-app', { ...policy, profile }, '2026-06-01');
    expect(diagnostics).toEqual([]);
    const sneaky = report.components.find((c) => c.name === 'sneaky-mit')!;
    expect(sneaky.expression).toBe('LicenseRef-acme-commons');
    return [sneaky.verdict.outcome, sneaky.verdict.because.map((r) => r.section)];
  };
  expect(await outcome(policy.profile)).toEqual(['free', ['§2']]);
  expect(await outcome({ ...policy.profile, entity: 'for-profit' })).toEqual(['payback', ['§3']]);
});

it('with relativeTo, the policy’s locations are relative to the scanned folder, like the rest of a report', () => {
  const inside = loadPolicy('fixtures/policy/private', { relativeTo: 'fixtures/policy/private' });
  expect(inside.file).toBe('fixtures/policy/private/copyfair.yaml');
  const above = loadPolicy('.', { configPath: 'fixtures/policy/demo-decided.yaml', relativeTo: 'fixtures/demo-app' });
  expect(above.exceptions[0]!.location).toEqual({ file: '../policy/demo-decided.yaml', line: 9, column: 5 });
  expect(above.file).toBe('fixtures/policy/demo-decided.yaml');
});
