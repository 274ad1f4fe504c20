// Files that are not regular files, links out of the project, loops and dangling links: never
// read, never followed outside, each one diagnostic, every other package still scanned.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../cli/run.js';
import { diagnosticsFor, hashTree, outcomeOf, scanJson, survived, timed, type Scanned } from './harness.js';
import { installed, temporaryFolder, writeTree } from './generate.js';

const MIT = 'Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the "Software"), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the following conditions:\n\nThe above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.\n\nTHE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.\n';

const HOSTILE = ['zero', 'urandom', 'fifo-manifest', 'socket-licence', 'dir-licence', 'dir-manifest', 'loop', 'passwd', 'nested-out', 'dangling', 'linked-out', 'fifo-licence'];

let root: string;
let server: Server;
let scanned: Scanned;

const mkfifo = (path: string) => expect(spawnSync('mkfifo', [path]).status).toBe(0);

beforeAll(async () => {
  root = temporaryFolder();
  const dependencies = Object.fromEntries(['ok', ...HOSTILE].map((name) => [name, '1.0.0']));
  writeTree(root, {
    'package.json': JSON.stringify({ name: 'app', version: '1.0.0', dependencies }),
    ...installed('ok', '1.0.0', 'MIT', {}, `Copyright (c) 2020 Ok\n\n${MIT}`),
    ...Object.assign({}, ...HOSTILE.filter((name) => !name.includes('manifest') && name !== 'passwd' && name !== 'linked-out').map((name) => installed(name, '1.0.0', 'MIT'))),
  });
  const at = (path: string) => join(root, 'node_modules', path);
  symlinkSync('/dev/zero', at('zero/LICENSE'));
  symlinkSync('/dev/urandom', at('urandom/LICENSE'));
  mkdirSync(at('fifo-manifest'));
  mkfifo(at('fifo-manifest/package.json'));
  mkfifo(at('fifo-licence/LICENSE'));
  server = createServer();
  await new Promise<void>((resolve) => server.listen(at('socket-licence/LICENSE'), resolve));
  mkdirSync(at('dir-licence/LICENSE'));
  mkdirSync(at('dir-manifest/package.json'), { recursive: true });
  symlinkSync('LICENSE-B', at('loop/LICENSE'));
  symlinkSync('LICENSE', at('loop/LICENSE-B'));
  mkdirSync(at('passwd'));
  symlinkSync('/etc/passwd', at('passwd/package.json'));
  symlinkSync('/etc', at('nested-out/node_modules'));
  symlinkSync('/nonexistent/copyfair', at('dangling/LICENSE'));
  symlinkSync('/usr/lib', at('linked-out'));
  scanned = await scanJson(root);
}, 30_000);

afterAll(() => {
  server?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('files that are not regular files', () => {
  it('finishes, and every other package is still scanned with its verdict', () => {
    expect(outcomeOf(scanned.report, 'ok')).toBe('free');
    for (const name of HOSTILE) expect(outcomeOf(scanned.report, name), name).toBeDefined();
  });

  it('gives each a diagnostic naming its file', () => {
    const expectations: [string, string, RegExp][] = [
      ['zero', 'node_modules/zero/LICENSE', /not a regular file|outside the project/],
      ['urandom', 'node_modules/urandom/LICENSE', /not a regular file|outside the project/],
      ['fifo-licence', 'node_modules/fifo-licence/LICENSE', /not a regular file/],
      ['socket-licence', 'node_modules/socket-licence/LICENSE', /not a regular file/],
      ['dir-licence', 'node_modules/dir-licence/LICENSE', /folder/],
      ['fifo-manifest', 'node_modules/fifo-manifest/package.json', /not a regular file/],
      ['dir-manifest', 'node_modules/dir-manifest/package.json', /folder/],
      ['loop', 'node_modules/loop/LICENSE', /loop/],
      ['dangling', 'node_modules/dangling/LICENSE', /no such file/],
      ['passwd', 'node_modules/passwd/package.json', /outside the project/],
      ['nested-out', 'node_modules/nested-out/node_modules', /outside the project/],
      ['linked-out', 'node_modules/linked-out', /outside the project/],
    ];
    for (const [name, file, message] of expectations) {
      const found = diagnosticsFor(scanned.report, file);
      expect(found.length, `${name}: ${JSON.stringify(scanned.report.diagnostics.map((d) => d.message))}`).toBeGreaterThan(0);
      expect(found.map((d) => d.message).join('\n'), name).toMatch(message);
      if (name !== 'nested-out') expect(outcomeOf(scanned.report, name), name).not.toBe('free');
    }
  });

  it('never quotes or names what lies outside the project', () => {
    expect(scanned.stdout).not.toMatch(/root:x?:0:0|\/etc|\/usr\/lib|\/nonexistent/);
    expect(scanned.stdout).not.toMatch(/hostname|fstab|os-release/);
  });

  it('leaves the tree exactly as it was, also when writing every format elsewhere', async () => {
    const before = hashTree(root);
    const out = temporaryFolder();
    const result = await run(['scan', root, '--format', 'text,json,sarif,markdown,junit', '--output-dir', out]);
    survived(result, 0);
    expect(hashTree(root)).toEqual(before);
  });
});

describe('the same in a parent folder searched for configuration', () => {
  const project = (parent: string, repository: boolean) => {
    if (repository) mkdirSync(join(parent, '.git'));
    writeTree(parent, { 'app/package.json': JSON.stringify({ name: 'app', version: '1.0.0' }) });
    return join(parent, 'app');
  };

  it('outside a repository, a parent folder is not searched at all: a FIFO there is never opened', async () => {
    const parent = temporaryFolder();
    mkfifo(join(parent, 'copyfair.yaml'));
    mkfifo(join(parent, 'package.json'));
    const result = await scanJson(project(parent, false));
    expect(result.report.project.config).toBeUndefined();
  });

  it('inside a repository, a FIFO or device as the config is a clean usage error naming it', async () => {
    for (const make of [(file: string) => mkfifo(file), (file: string) => symlinkSync('/dev/zero', file), (file: string) => mkdirSync(file)]) {
      const parent = temporaryFolder();
      make(join(parent, 'copyfair.yaml'));
      const { value: result, ms } = await timed(() => run(['scan', project(parent, true)]));
      survived(result, ms);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/copyfair\.yaml:1:1: .*not a regular file/);
    }
  });

  it('a FIFO, device or folder as a parent package.json is skipped, never opened', async () => {
    for (const make of [(file: string) => mkfifo(file), (file: string) => symlinkSync('/dev/zero', file), (file: string) => mkdirSync(file)]) {
      const parent = temporaryFolder();
      make(join(parent, 'package.json'));
      const result = await scanJson(project(parent, true));
      expect(result.report.project.config).toBeUndefined();
    }
  });
});

it('an unreadable node_modules link to a huge device never makes the scan read it', async () => {
  // A package.json linked to /dev/zero: refused by what it is, before any read.
  const dir = temporaryFolder();
  writeTree(dir, { 'package.json': JSON.stringify({ name: 'app', dependencies: { z: '1' } }) });
  mkdirSync(join(dir, 'node_modules/z'), { recursive: true });
  symlinkSync('/dev/zero', join(dir, 'node_modules/z/package.json'));
  writeFileSync(join(dir, 'node_modules/z/LICENSE'), MIT);
  const result = await scanJson(dir);
  expect(diagnosticsFor(result.report, 'node_modules/z/package.json')[0]?.message).toMatch(/not a regular file|outside the project/);
  // Its licence file is still read: a broken manifest hides nothing.
  expect(result.report.components.find((c) => c.name === 'z')?.evidence.some((e) => e.kind === 'licence-file' && e.expression === 'MIT')).toBe(true);
});

it('the project’s own node_modules may be a link the user made (a shared install): it is read', async () => {
  const store = writeTree(temporaryFolder(), installed('plain', '1.0.0', 'MIT'));
  const dir = writeTree(temporaryFolder(), { 'package.json': JSON.stringify({ name: 'app', dependencies: { plain: '1' } }) });
  symlinkSync(join(store, 'node_modules'), join(dir, 'node_modules'));
  const { report, stdout } = await scanJson(dir);
  expect(outcomeOf(report, 'plain')).toBe('free');
  expect(report.components[0]!.directory).toBe('node_modules/plain');
  expect(stdout).not.toContain(store);
});
