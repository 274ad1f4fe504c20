import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { askProfile } from '../../src/cli/commands/init.js';
import { loadPolicy } from '../../src/policy/index.js';
import { starterConfig } from '../../src/policy/starter.js';
import type { Profile } from '../../src/types.js';
import { run } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'copyfair-init-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('writes a starter config from the flags that copyfair itself accepts', async () => {
  const result = await run(['init', '--dir', dir, '--as', 'worker-cooperative', '--surplus-to-workers', '--use', 'internal,network']);
  expect(result.code).toBe(0);
  expect(result.stdout).toContain(`wrote ${join(dir, 'copyfair.yaml')}`);
  const text = readFileSync(join(dir, 'copyfair.yaml'), 'utf8');
  expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./node_modules/copyfair/schemas/config.schema.json');
  expect(loadPolicy(dir, { configPath: join(dir, 'copyfair.yaml') }).profile).toEqual({ entity: 'worker-cooperative', uses: ['internal', 'network'], surplusToWorkers: true });
});

it('refuses to overwrite without --force', async () => {
  expect(await run(['init', '--dir', dir])).toMatchObject({ code: 2, stderr: expect.stringContaining('exists; use --force') });
  expect((await run(['init', '--dir', dir, '--force'])).code).toBe(0);
});

it('docs/copyfair.example.yaml is what init writes by default', () => {
  expect(readFileSync('docs/copyfair.example.yaml', 'utf8')).toBe(starterConfig({}));
});

describe('in a terminal, it asks', () => {
  const answer = async (profile: Profile, answers: string[]) => {
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = '';
    output.on('data', (chunk: Buffer) => (shown += chunk.toString('utf8')));
    input.end(answers.map((line) => `${line}\n`).join(''));
    return { profile: await askProfile(profile, input, output), shown };
  };

  it('who you are and how you use your dependencies, asking again after a wrong answer', async () => {
    const { profile, shown } = await answer({}, ['co-op', 'worker-cooperative', 'internal,sell', 'internal,network', 'n', 'y', 'maybe', 'n', '12', '', 'millitary', 'military, surveillance']);
    expect(profile).toEqual({ entity: 'worker-cooperative', uses: ['internal', 'network'], competes: false, surplusToWorkers: true, equalVote: false, employees: 12, fields: ['military', 'surveillance'] });
    expect(shown).toContain('  expected one of for-profit, worker-cooperative, nonprofit, education, public-sector, individual\n');
    expect(shown).toContain('  expected some of internal, distribute, network, modify\n');
    expect(shown).toContain('  expected y, n, or nothing\n');
    expect(shown).toContain('Does your product compete with');
    expect(shown).toContain('  expected some of military,');
  });

  it('only what the flags did not say, and empty answers keep the defaults', async () => {
    const { profile, shown } = await answer({ entity: 'nonprofit', employees: 3 }, ['', '', '', '']);
    expect(profile).toEqual({ entity: 'nonprofit', uses: ['internal', 'distribute', 'network', 'modify'], employees: 3 });
    expect(shown).not.toContain('Who are you?');
    expect(shown).not.toContain('surplus');
  });

  it('yes/no facts both ways, and yes when asked', async () => {
    const { profile } = await answer({ entity: 'for-profit', uses: ['internal'], employees: 1, revenueUsd: 1 }, ['yes', '']);
    expect(profile.competes).toBe(true);
  });

  it('stops with a usage error when the input ends', async () => {
    await expect(answer({}, [])).rejects.toThrow('no answer (end of input)');
  });
});

it('writes the --fail-on it was given, and never a date', async () => {
  const target = mkdtempSync(join(tmpdir(), 'copyfair-init-flags-'));
  try {
    expect((await run(['init', '--dir', target, '--fail-on', 'forbidden', '--date', '2026-01-01', '--employees', '7'])).code).toBe(0);
    const policy = loadPolicy(target, { configPath: join(target, 'copyfair.yaml') });
    expect(policy.failOn).toEqual(['forbidden']);
    expect(policy.profile).toEqual({ entity: 'for-profit', uses: ['internal', 'distribute', 'network', 'modify'], employees: 7 });
  } finally {
    rmSync(target, { recursive: true, force: true });
  }
});

it('does not hide a policy the folder already has in .copyfair.yaml or package.json', async () => {
  for (const [name, text] of [['.copyfair.yaml', 'fail-on: [forbidden]\n'], ['package.json', '{ "name": "x", "copyfair": {} }\n']] as const) {
    const target = mkdtempSync(join(tmpdir(), 'copyfair-init-other-'));
    try {
      writeFileSync(join(target, name), text);
      const result = await run(['init', '--dir', target, '--no-interactive']);
      expect(result).toMatchObject({ code: 2, stderr: expect.stringContaining(`${join(target, name)} already holds this folder's policy`) });
      expect((await run(['init', '--dir', target, '--no-interactive', '--force'])).code).toBe(0);
    } finally {
      rmSync(target, { recursive: true, force: true });
    }
  }
});
