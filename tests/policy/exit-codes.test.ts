// The CI contract, end to end through the CLI with a policy: 0 pass, 1 policy failed, 2 usage or
// config error, 3 internal error; and the same tree, config and date give byte-identical files.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../cli/run.js';

const temporary = mkdtempSync(join(tmpdir(), 'copyfair-contract-'));
afterAll(() => rmSync(temporary, { recursive: true, force: true }));

describe('exit codes', () => {
  it('0: the decisions in copyfair.yaml settle everything', async () => {
    const result = await run(['scan', 'fixtures/demo-app', '--config', 'fixtures/policy/demo-decided.yaml', '--date', '2026-06-01']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('1: the same decisions after the exception expired', async () => {
    const result = await run(['scan', 'fixtures/demo-app', '--config', 'fixtures/policy/demo-decided.yaml', '--date', '2027-07-01']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('config-exception-expired');
  });

  it('1: an expired exception fails even when nothing else in fail-on is hit', async () => {
    const result = await run(['scan', 'fixtures/demo-app', '--config', 'fixtures/policy/demo-decided.yaml', '--date', '2027-07-01', '--fail-on', 'forbidden']);
    expect(result.code).toBe(1);
  });

  it('flags win over the file: --fail-on replaces the file’s fail-on', async () => {
    const config = join(temporary, 'lenient.yaml');
    writeFileSync(config, 'fail-on: []\n');
    expect((await run(['scan', 'fixtures/demo-app', '--config', config, '--date', '2026-06-01'])).code).toBe(0);
    expect((await run(['scan', 'fixtures/demo-app', '--config', config, '--date', '2026-06-01', '--fail-on', 'payback'])).code).toBe(1);
  });

  it('2: an invalid config, with every problem on stderr and nothing on stdout', async () => {
    const result = await run(['scan', 'fixtures/demo-app', '--config', 'fixtures/policy/broken.yaml']);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr.match(/^fixtures\/policy\/broken\.yaml:\d+:\d+: /gm)).toHaveLength(10);
  });
});

describe('determinism', () => {
  it('every format, written twice, byte-identical', async () => {
    const formats = 'text,json,sarif,markdown,junit';
    const dirs = [join(temporary, 'a'), join(temporary, 'b')];
    for (const dir of dirs) {
      const result = await run(['scan', 'fixtures/demo-app', '--config', 'fixtures/policy/demo-stale.yaml', '--date', '2026-06-01', '--format', formats, '--output-dir', dir]);
      expect(result.code).toBe(1);
    }
    const files = readdirSync(dirs[0]!).sort();
    expect(files).toEqual(['report.json', 'report.junit.xml', 'report.md', 'report.sarif', 'report.txt']);
    for (const file of files) expect(readFileSync(join(dirs[1]!, file), 'utf8'), file).toBe(readFileSync(join(dirs[0]!, file), 'utf8'));
  });
});
