// The project's policy: every config problem at once with its position, discovery, decisions
// applied to a real scan (exceptions with expiry, clarifications pinned to a hash, overrides).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, findConfig, formatConfigProblems, loadPolicy, mergeProfile, policyHooks } from '../../src/policy/index.js';
import { scan } from '../../src/scan/index.js';
import { run } from '../cli/run.js';

const temporary = mkdtempSync(join(tmpdir(), 'copyfair-policy-'));
afterAll(() => rmSync(temporary, { recursive: true, force: true }));

function problemsOf(path: string): string {
  try {
    loadPolicy('.', { configPath: path });
  } catch (error) {
    if (error instanceof ConfigError) return formatConfigProblems(error.problems);
    throw error;
  }
  return '';
}

describe('validation', () => {
  it('a custom licence must be a valid LicenseRef entry', () => {
    const file = join(temporary, 'custom.yaml');
    writeFileSync(file, 'licences:\n  - id: MIT\n    name: Mine\n    family: permissive\n    kind: licence\n    curated: true\n    summary: { commercial: a, triggers: b, owed: c }\n    source: { url: x }\n    rules: []\n  - id: LicenseRef-ours\n    name: Ours\n    family: copyfarleft\n    kind: licence\n    curated: true\n    summary: { commercial: a, triggers: b, owed: c }\n    source: { url: x }\n    rules:\n      - { when: {}, outcome: gratis, section: x, because: y }\n');
    const text = problemsOf(file);
    expect(text).toContain('custom.yaml:2:9: a project may only define LicenseRef-… licences');
    expect(text).toMatch(/custom\.yaml:18:30: `licences\.1\.rules\.0\.outcome` is "gratis"/);
  });

  it('an empty file is the default policy', () => {
    const file = join(temporary, 'empty.yaml');
    writeFileSync(file, '# nothing yet\n');
    expect(loadPolicy('.', { configPath: file })).toMatchObject({ failOn: ['payback', 'forbidden', 'unknown'], devUses: ['internal'], exceptions: [] });
  });

  it('the CLI shows the problems and exits 2', async () => {
    const result = await run(['scan', 'fixtures/demo-app', '--config', 'fixtures/policy/broken.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('copyfair: the configuration has 10 problems:\nfixtures/policy/broken.yaml:2:11:');
  });
});

describe('discovery', () => {
  it('finds copyfair.yaml from the folder up to the repository root, and stops there', () => {
    const repo = join(temporary, 'repo');
    mkdirSync(join(repo, '.git'), { recursive: true });
    mkdirSync(join(repo, 'packages', 'web'), { recursive: true });
    expect(findConfig(join(repo, 'packages', 'web'))).toBeUndefined();
    writeFileSync(join(repo, '.copyfair.yaml'), 'fail-on: [forbidden]\n');
    expect(findConfig(join(repo, 'packages', 'web'))).toEqual({ file: join(repo, '.copyfair.yaml'), packageJson: false });
    expect(loadPolicy(join(repo, 'packages', 'web')).failOn).toEqual(['forbidden']);
  });

  it('reads a `copyfair` key in package.json', () => {
    const dir = join(temporary, 'pkg');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'x', copyfair: { profile: { entity: 'nonprofit' } } }));
    expect(loadPolicy(dir).profile).toEqual({ entity: 'nonprofit' });
  });

  it('flags win over the file, fact by fact', () => {
    expect(mergeProfile({ entity: 'nonprofit', employees: 4, uses: ['internal'] }, { employees: 10 })).toEqual({ entity: 'nonprofit', employees: 10, uses: ['internal'] });
  });
});

describe('decisions applied to a scan', () => {
  const scanWith = async (config: string, date: string) => {
    const policy = loadPolicy('.', { configPath: config });
    const { hooks, finish } = policyHooks(policy, { date, readFile: (path) => { try { return readFileSync(join('fixtures/demo-app', path)); } catch { return undefined; } } });
    const report = await scan('fixtures/demo-app', { profile: { ...policy.profile, date }, hooks, toolVersion: 'test' });
    return { report, diagnostics: finish() };
  };

  it('an exception, a clarification pinned to the file’s hash and an override settle the demo app', async () => {
    const { report, diagnostics } = await scanWith('fixtures/policy/demo-decided.yaml', '2026-06-01');
    expect(report.answer.ok).toBe(true);
    const coop = report.components.find((c) => c.name === 'coop-widget')!;
    expect(coop.verdict.notes.join()).toContain('excepted by the project');
    expect(coop.verdict.because.at(-1)!.because).toBe('exception: licence bought from the Coop Widget collective, contract 2026-17');
    const sneaky = report.components.find((c) => c.name === 'sneaky-mit')!;
    expect(sneaky.evidence.at(-1)).toMatchObject({ kind: 'clarification', expression: 'MIT AND LicenseRef-scancode-commons-clause' });
    expect(diagnostics).toEqual([]);
  });

  it('an expired exception fails loudly and a changed licence file re-opens the question', async () => {
    const { report, diagnostics } = await scanWith('fixtures/policy/demo-stale.yaml', '2026-06-01');
    expect(report.components.find((c) => c.name === 'coop-widget')!.verdict.outcome).toBe('payback');
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['config-clarification-stale', 'warning'],
      ['config-exception-expired', 'error'],
    ]);
    expect(diagnostics[1]!.message).toBe('the exception for coop-widget@^1.4.0 expired on 2025-12-31 (licence bought from the Coop Widget collective, contract 2026-17); it is no longer applied to coop-widget@1.4.0');
    const cli = await run(['scan', 'fixtures/demo-app', '--config', 'fixtures/policy/demo-stale.yaml', '--date', '2026-06-01', '--fail-on', 'forbidden']);
    expect(cli.code).toBe(1);
  });

  it('warns about entries that matched nothing', async () => {
    const file = join(temporary, 'unused.yaml');
    writeFileSync(file, 'exceptions:\n  - { package: left-pad, version: "*", reason: gone }\nclarifications:\n  - { package: nothing, version: "1.0.0", expression: MIT, file: LICENSE, sha256: "' + 'a'.repeat(64) + '" }\noverrides:\n  - { licence: WTFPL, outcome: free, reason: fine }\n');
    const { diagnostics } = await scanWith(file, '2026-06-01');
    expect(diagnostics.map((d) => d.code)).toEqual(['config-exception-unused', 'config-clarification-unused', 'config-override-unused']);
    expect(diagnostics[0]!.location).toEqual({ file, line: 2, column: 5 });
  });
});
