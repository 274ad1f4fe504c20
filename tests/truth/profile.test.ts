// Stating who you are (issue 9): every yes/no fact both ways, closed vocabularies refused with a
// did-you-mean on the command line and in copyfair.yaml, and hints that name the exact flag.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { YES_NO_FACTS, YES_NO_FACT_NAMES, yesNoFlag } from '../../src/profile/facts.js';
import { loadKnowledgeBase } from '../../src/kb/index.js';
import { conditionsOf } from '../../src/evaluate/world.js';
import { KNOWN_FIELDS } from '../../src/types.js';
import { run } from '../cli/run.js';

const dir = mkdtempSync(join(tmpdir(), 'copyfair-truth-profile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const json = async (args: string[]) => {
  const result = await run(['check', ...args, '--format', 'json', '--date', '2026-11-24']);
  return { ...result, verdict: JSON.parse(result.stdout) as { outcome: string; assumed: { fact: string; note: string }[]; profile: Record<string, unknown> } };
};

describe('yes/no facts are settable both ways', () => {
  it('--no-competes states "does not compete" and settles Elastic-2.0', async () => {
    const unstated = await json(['Elastic-2.0']);
    expect(unstated.verdict.outcome).toBe('payback');
    expect(unstated.verdict.assumed.find((a) => a.fact === 'competes')?.note).toContain('pass --no-competes if your product does not compete with, host or sell it');
    const no = await json(['Elastic-2.0', '--no-competes']);
    expect(no.verdict.profile.competes).toBe(false);
    expect(no.verdict.outcome).toBe('free');
    expect(no.verdict.assumed.some((a) => a.fact === 'competes')).toBe(false);
    const yes = await json(['Elastic-2.0', '--competes']);
    expect(yes.verdict.profile.competes).toBe(true);
    expect(yes.verdict.outcome).toBe('payback');
  });

  it.each(YES_NO_FACT_NAMES)('%s has a --flag and a --no-flag on check and scan', async (fact) => {
    for (const command of ['check', 'scan', 'init']) {
      const help = (await run([command, '--help'])).stdout;
      expect(help).toContain(yesNoFlag(fact, true));
      expect(help).toContain(yesNoFlag(fact, false));
    }
    const off = await json(['PPL', yesNoFlag(fact, false)]);
    expect(off.code).not.toBe(2);
    expect(off.verdict.profile[fact]).toBe(false);
  });

  it('the last of --competes and --no-competes wins, as commander does', async () => {
    expect((await json(['Elastic-2.0', '--competes', '--no-competes'])).verdict.profile.competes).toBe(false);
  });

  it('explain names the flag that exists', async () => {
    const result = await run(['explain', 'Elastic-2.0']);
    expect(result.stdout).not.toMatch(/--competes false/);
    expect(result.stdout).toContain('--no-competes');
  });

  it('copyfair.yaml states them both ways too', async () => {
    const project = join(dir, 'yaml-no-competes');
    await import('node:fs').then((fs) => fs.mkdirSync(project, { recursive: true }));
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'p', version: '1.0.0', dependencies: {} }));
    writeFileSync(join(project, 'copyfair.yaml'), 'profile:\n  competes: false\n  surplus-to-workers: false\n  equal-vote: true\n');
    const result = await run(['scan', project, '--format', 'json']);
    expect(JSON.parse(result.stdout).profile).toMatchObject({ competes: false, surplusToWorkers: false, equalVote: true });
  });

  it('every fact has one spec: flag, config key and question', () => {
    for (const fact of YES_NO_FACT_NAMES) {
      const spec = YES_NO_FACTS[fact];
      expect(spec.flag).toMatch(/^--[a-z-]+$/);
      expect(spec.question).toMatch(/\?/);
    }
  });
});

describe('a typo never loosens a verdict', () => {
  it('--field millitary is a usage error with did-you-mean, not a free CNPL', async () => {
    const result = await run(['check', 'LicenseRef-scancode-cooperative-non-violent-7.0', '--field', 'millitary']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--field: "millitary" is not one of');
    expect(result.stderr).toContain('Did you mean "military"?');
    expect(result.stdout).toBe('');
  });

  it('--field military makes it forbidden', async () => {
    expect((await json(['LicenseRef-scancode-cooperative-non-violent-7.0', '--field', 'military'])).verdict.outcome).toBe('forbidden');
  });

  it.each([
    ['--as', 'worker-coop', 'worker-cooperative'],
    ['--use', 'internal,netwrok', 'network'],
    ['--fail-on', 'paybak', 'payback'],
  ])('%s %s is a usage error suggesting %s', async (flag, value, near) => {
    const result = await run(['check', 'MIT', flag, value]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`Did you mean "${near}"?`);
  });

  it('a misspelt field in copyfair.yaml is a config error with its position', async () => {
    const project = join(dir, 'yaml-field');
    await import('node:fs').then((fs) => fs.mkdirSync(project, { recursive: true }));
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'p', version: '1.0.0' }));
    writeFileSync(join(project, 'copyfair.yaml'), 'profile:\n  fields: [millitary]\n');
    const result = await run(['scan', project]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/copyfair\.yaml:2:\d+: `profile\.fields\.0` is "millitary", expected one of: .*did you mean "military"\?/);
  });

  it('--help lists every known field, with no ellipsis', async () => {
    const help = (await run(['scan', '--help'])).stdout.replace(/\s+/g, ' ');
    for (const field of KNOWN_FIELDS) expect(help).toContain(field);
    expect(help).not.toContain('…');
  });

  it('every field the knowledge base bans is a known field', () => {
    const known = new Set<string>(KNOWN_FIELDS);
    for (const terms of loadKnowledgeBase().all()) {
      for (const condition of conditionsOf(terms.rules)) for (const field of condition.fields ?? []) expect(known.has(field), `${terms.id}: ${field}`).toBe(true);
    }
  });
});

describe('a condition nobody can check is not free', () => {
  it.each(['JSON', 'MIT AND JSON'])('check %s is unknown, quoting the clause', async (expression) => {
    const result = await run(['check', expression, '--as', 'worker-cooperative', '--surplus-to-workers', '--no-competes', '--use', 'internal']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('unknown: copyfair cannot tell');
    expect(result.stdout.replace(/\s+/g, " ")).toContain('"The Software shall be used for Good, not Evil."');
  });
});

describe('every hint names a flag that exists', () => {
  it('each --flag the knowledge base mentions is an option of check and scan', async () => {
    const help = `${(await run(['check', '--help'])).stdout}\n${(await run(['scan', '--help'])).stdout}`;
    const options = new Set([...help.matchAll(/--[a-z][a-z-]*/g)].map((m) => m[0]));
    const mentioned = new Set<string>();
    for (const terms of loadKnowledgeBase().all()) for (const m of JSON.stringify(terms).matchAll(/--[a-z][a-z-]*/g)) mentioned.add(m[0]);
    expect(mentioned.size).toBeGreaterThan(3);
    expect([...mentioned].filter((flag) => !options.has(flag))).toEqual([]);
    // Yes/no facts take no value: "--competes false" is "too many arguments"; --no-competes says it.
    const said = loadKnowledgeBase().all().flatMap((terms) => [...JSON.stringify(terms).matchAll(/--[a-z-]+ (?:true|false)\b/g)].map((m) => `${terms.id}: ${m[0]}`));
    expect(said).toEqual([]);
  });
});
