// `copyfair identify`: text and JSON output, and the exit-code contract (0 identified, 1 unknown,
// 2 bad input). The command is registered on a bare program with a capturing Io.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { beforeAll, describe, expect, it } from 'vitest';
import { register } from '../../src/cli/commands/identify.js';
import type { CommandContext } from '../../src/cli/context.js';
import { fixture, textOf } from './scenarios.js';

let directory: string;
const files: Record<string, string> = {};

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'copyfair-identify-cli-'));
  const write = (name: string, text: string) => {
    files[name] = join(directory, name);
    writeFileSync(files[name]!, text);
  };
  write('MIT', textOf('MIT'));
  write('COMMONS', `${textOf('Apache-2.0')}\n\n${textOf('LicenseRef-scancode-commons-clause')}`);
  write('README', 'A widget kit.\n\nRun it and see what happens; the examples folder has a tour.\n');
  write('HL3', `${fixture('hl3-badge.md')}${textOf('Hippocratic-3.0-core')}`);
});

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  let code = 0;
  const context: CommandContext = {
    io: { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), isTty: false },
    exit: (next) => (code = Math.max(code, next)),
  };
  const program = new Command('copyfair').exitOverride();
  register(program, context);
  await program.parseAsync(['node', 'copyfair', 'identify', ...args]);
  return { code, stdout, stderr };
}

describe('copyfair identify', () => {
  it('prints each licence with confidence and lines, and the expression; exit 0', async () => {
    const result = await run(files.MIT!, files.COMMONS!);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${files.MIT}: MIT\n  MIT  100%  lines 1–`);
    expect(result.stdout).toContain(`${files.COMMONS}: Apache-2.0 AND LicenseRef-scancode-commons-clause`);
    expect(result.stderr).toBe('');
  });

  it('shows parameters', async () => {
    const result = await run(files.HL3!);
    expect(result.stdout).toContain('modules: BDS, MIL, NC');
  });

  it('--format json prints file, expression, matches and candidates', async () => {
    const result = await run('--format', 'json', files.MIT!);
    const body = JSON.parse(result.stdout) as unknown[];
    expect(body).toEqual([
      {
        file: files.MIT,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        expression: 'MIT',
        matches: [{ id: 'MIT', confidence: 1, start: 1, end: expect.any(Number) }],
        candidates: expect.any(Array),
      },
    ]);
  });

  it('an unknown text exits 1 and names the nearest candidates when there are any', async () => {
    const result = await run(files.README!);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${files.README}: unknown`);
  });

  it('shows terms that no known licence explains', async () => {
    const path = join(directory, 'MIT-MILITARY');
    writeFileSync(path, `${textOf('MIT')}\n\nYou may not use the Software for military purposes.\n`);
    const result = await run(path);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${path}: unknown`);
    expect(result.stdout).toMatch(/lines \d+–\d+ read like terms no known licence explains: "you may not use the software for military purposes"/);
    // The text matched whole: the words beside it are why, not the text ("no licence matches well
    // enough; nearest: MIT 100%" said the opposite).
    expect(result.stdout).toContain('  the licence text is known; the words above, beside it, keep the file unknown\n');
    expect(result.stdout).not.toContain('no licence matches well enough');
  });

  it('says the licences a notice names are known when words beside the notice keep a file unknown', async () => {
    const path = join(directory, 'COPYING-NOTICE');
    // (sockjs's COPYING with another version of Socket.IO: the real file is known word for word.)
    writeFileSync(path, 'Parts of the code are derived from various open source projects.\n\nFor code derived from Socket.IO by Guillermo Rauch see\nhttps://github.com/LearnBoost/socket.io/tree/0.9.0#readme.\n\nAll other code is released on MIT license, see LICENSE.\n');
    const result = await run(path);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('  the licence named is known; the words above, beside it, keep the file unknown\n');
  });

  it('says when a third-party notices file lists its licences for information only', async () => {
    const path = 'fixtures/npm/reuse/node_modules/informational-lib/ThirdPartyNoticeText.txt';
    const result = await run(path);
    expect(result.stdout).toContain(`${path}: unknown`);
    expect(result.stdout).toContain('  third-party notices for information only ("microsoft not the third party licenses the third party code to you under the terms set forth"): a scan reads the package\'s own licence for the code it bundles');
    const json = JSON.parse((await run('--format', 'json', path)).stdout);
    expect(json[0].informational).toBe('microsoft not the third party licenses the third party code to you under the terms set forth');
  });

  it('says why a person must read a file when identification can say (a table of bundled licences with rows it cannot read)', async () => {
    // The fixture's README text under a README's name, so its License section is what is read.
    mkdirSync(join(directory, 'sharp-libvips'), { recursive: true });
    const path = join(directory, 'sharp-libvips', 'README.md');
    // Two rows naming licences copyfair does not know by those names.
    writeFileSync(path, fixture('bundled/sharp-libvips-README.md').replace('Alliance for Open Media Patent License 1.0', 'Acme Codec Patent License 1.0').replace('[fontconfig Licence]', '[acmefont Licence]'));
    const reason = 'its table of bundled libraries names licences copyfair cannot read for 2 of 29: aom ("BSD 2-Clause + Acme Codec Patent License 1.0"), fontconfig ("acmefont Licence (BSD-like)"); the package ships none of their texts';
    const result = await run(path);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${path}: unknown`);
    expect(result.stdout).toContain(`  ${reason}: a person must read it\n`);
    expect(result.stdout).not.toContain('no known licence text found');
    const json = JSON.parse((await run('--format', 'json', path)).stdout);
    expect(json[0].reason).toBe(reason);
  });

  it('says when a licence file tells of a dependency outside the package', async () => {
    const path = 'fixtures/identify/dependency-notice.txt';
    const result = await run(path);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${path}: MIT\n`);
    expect(result.stdout).toContain(`  a notice of the package's dependencies, under terms of their own ("third party dependency notice the mit license above applies to the cod`);
    const json = JSON.parse((await run('--format', 'json', path)).stdout);
    expect(json[0].dependencyNotice).toMatch(/^third party dependency notice /);
  });

  it('says when a licence is open-core, and for which folders', async () => {
    const path = 'fixtures/identify/open-core/strapi-LICENSE';
    const result = await run(path);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${path}: MIT\n  MIT  100%  lines 23–37`);
    expect(result.stdout).toContain('  an open-core licence: MIT is the licence of the code outside folders named ee/; the code in them is under other terms, which a person must read (a scan looks for such folders in the package)\n');
    const json = JSON.parse((await run('--format', 'json', path)).stdout);
    expect(json[0].scopedFolders).toEqual(['ee']);
  });

  it('says when a licence asks for a payment it does not require', async () => {
    const path = 'fixtures/identify/node-forge-LICENSE';
    const result = await run(path);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${path}: BSD-3-Clause OR GPL-2.0-only\n`);
    expect(result.stdout).toContain('  lines 16–23 ask for a payment the text says is not required ("if you are a commercial entity and use this set of libraries in your c…"): nothing is owed for it\n');
    const json = JSON.parse((await run('--format', 'json', path)).stdout);
    expect(json[0].request).toMatchObject({ start: 16, end: 23 });
  });

  it('a missing file exits 2 with a message naming it', async () => {
    const missing = join(directory, 'NOPE');
    const result = await run(files.MIT!, missing);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`copyfair: ${missing}: no such file\n`);
    expect(result.stdout).toContain(`${files.MIT}: MIT`);
  });
});
