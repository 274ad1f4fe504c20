import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { built, run, spawnCli } from './run.js';

const golden = (name: string) => readFileSync(new URL(`./__golden__/${name}`, import.meta.url), 'utf8');

describe('copyfair check', () => {
  it('prints the whole verdict for the PPL and a for-profit, and fails the run', async () => {
    const result = await run(['check', 'PPL', '--date', '2026-01-01']);
    expect(result).toEqual({ stdout: golden('check-ppl.txt'), stderr: '', code: 1 });
  });

  it('passes for a worker co-operative that shares all surplus and uses it internally', async () => {
    const result = await run(['check', 'PPL', '--as', 'worker-cooperative', '--surplus-to-workers', '--use', 'internal', '--date', '2026-01-01']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('free: you may use it');
  });

  it('prints JSON with outcome and obligations at the top level', async () => {
    const result = await run(['check', 'PPL', '--format', 'json', '--date', '2026-01-01']);
    const body = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(body).slice(0, 2)).toEqual(['outcome', 'obligations']);
    expect(body).toMatchObject({ outcome: 'payback', expression: 'PPL', profile: { date: '2026-01-01' } });
    expect((body.obligations as { kind: string }[]).map((o) => o.kind)).toContain('pay');
  });

  it('says what a share-alike gives back: source for the GPL, what the licence asks for the AOM patent licence', async () => {
    const gpl = await run(['check', 'GPL-3.0-only', '--use', 'distribute', '--date', '2026-01-01']);
    const words = (text: string) => text.replace(/\s+/g, ' ');
    expect(words(gpl.stdout)).toContain('share-alike: you may use it, and give back in kind: release source when the licence says');
    const aom = await run(['check', 'LicenseRef-scancode-alliance-open-media-patent-1.0', '--use', 'distribute', '--date', '2026-01-01']);
    expect(words(aom.stdout)).toContain('share-alike: you may use it, and give back in kind what the licence asks (see what you owe)');
    expect(words(aom.stdout)).not.toContain('release source');
    expect(words(aom.stdout)).toContain('patent-grant (LicenseRef-scancode-alliance-open-media-patent-1.0 1.2.1): license the patent claims you hold that it needs to everyone, royalty-free, under the same licence.');
  });

  it('honours --fail-on', async () => {
    expect((await run(['check', 'PPL', '--fail-on', 'forbidden'])).code).toBe(0);
  });

  it('points at the position of a parse error and exits 2', async () => {
    const result = await run(['check', 'GPL-3.0 OR']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'copyfair: "GPL-3.0 OR" is not a valid SPDX expression: the expression ends after "OR"; expected a licence.\n' +
        '  GPL-3.0 OR\n' +
        '            ^\n' +
        'See `copyfair licences` for the ids copyfair knows.\n',
    );
  });

  it('suggests the nearest ids for an unknown one', async () => {
    const result = await run(['check', 'Apache-2 OR PPL']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown licence id "Apache-2"');
    expect(result.stderr).toContain('Did you mean "Apache-2.0"');
  });

  it('rejects bad profile values with exit 2', async () => {
    expect((await run(['check', 'PPL', '--use', 'sell'])).stderr).toContain('--use: "sell" is not one of internal, distribute, network, modify');
    expect((await run(['check', 'PPL', '--date', '2026-02-30'])).code).toBe(2);
    expect((await run(['check', 'PPL', '--employees', 'many'])).code).toBe(2);
    expect((await run(['check', 'PPL', '--as', 'company'])).code).toBe(2);
  });
});

describe('copyfair explain and licences', () => {
  it('explains a licence found by alias', async () => {
    const result = await run(['explain', 'peer production license']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Peer Production License (PPL)');
    expect(result.stdout).toContain('Who may use it commercially');
    expect(result.stdout).toContain('1. if you are for-profit → payback (§4(d))');
  });

  it('suggests for an unknown licence', async () => {
    const result = await run(['explain', 'PPLL']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Did you mean "PPL"');
  });

  it('lists the knowledge base', async () => {
    const result = await run(['licences', '--family', 'copyfarleft']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^id +family +name\n/);
    expect(result.stdout).toMatch(/\nPPL +copyfarleft +Peer Production License\n/);
  });
});

describe.runIf(built)('the built binary', () => {
  it('prints its version and help', () => {
    const version = spawnCli(['--version']);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
    const help = spawnCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: copyfair');
    expect(help.stdout).toContain('check');
  });

  it('exits 1 with the verdict, never a stack trace', () => {
    const result = spawnCli(['check', 'PPL', '--date', '2026-01-01']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('payback');
    expect(result.stderr).toBe('');
  });

  it('exits 2 on an unknown command', () => {
    const result = spawnCli(['chek', 'PPL']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown command 'chek'");
  });
});

// The CI contract's last code: a bug in copyfair exits 3 with a short message, never a stack trace
// (unless COPYFAIR_DEBUG is set), so a pipeline can tell it from a policy failure. The bug here is
// an error no command expects: the output stream throws when the answer is written. (A scan whose
// module was mocked to throw did the same in a worker of its own, which loaded the knowledge base
// again: 3 s of the suite.)
describe('internal errors', () => {
  /** `copyfair <args>` with an output stream that throws `message`: the exit code and stderr. */
  async function withFailingOutput(args: string[], message: string) {
    const { main } = await import('../../src/cli/main.js');
    let stderr = '';
    const io = {
      stdout: () => {
        throw new Error(message);
      },
      stderr: (text: string) => void (stderr += text),
      isTty: false,
    };
    return { code: await main(['node', 'copyfair', ...args], io), stderr };
  }

  it.each([
    [['check', 'PPL'], 'disk on fire'],
    [['scan', 'fixtures/demo-app', '--config', 'fixtures/policy/demo-decided.yaml'], 'boom'],
  ])('exit 3 with a one-line message and no stack trace: %j', async (args, message) => {
    expect(await withFailingOutput(args, message)).toEqual({
      code: 3,
      stderr: `copyfair: internal error: ${message}\nThis is a bug in copyfair; please report it with the command you ran.\n`,
    });
  });
});
