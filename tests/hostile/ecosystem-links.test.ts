// Links leading out of the project in the other ecosystems' folders: a wheel's .dist-info, the
// project's .venv, a vendored crate, a vendored Go module and its go.mod. copyfair never follows
// them; each is a located diagnostic and the package's licence is unknown, never the scan's end
// (each of these ended it with an internal error). Symlinked installs are ordinary: uv with
// UV_LINK_MODE=symlink, Nix and Bazel stores, a .venv linked to ~/.virtualenvs.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { Report } from '../../src/types.js';
import { run } from '../cli/run.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A copy of a fixture project, and a folder outside it. */
function copy(fixture: string): { root: string; outside: string } {
  const base = mkdtempSync(join(tmpdir(), 'copyfair-links-'));
  made.push(base);
  const root = join(base, 'project');
  cpSync(join('fixtures', fixture), root, { recursive: true });
  const outside = join(base, 'outside');
  cpSync(join('fixtures', fixture), outside, { recursive: true }); // the same files, where a link may lead
  return { root, outside };
}

/** Replaces `path` in the project by a link to the same path outside it. */
function linkOut({ root, outside }: { root: string; outside: string }, path: string): void {
  rmSync(join(root, path), { recursive: true, force: true });
  symlinkSync(join(outside, path), join(root, path));
}

async function scanned(root: string, ...flags: string[]): Promise<{ code: number; stderr: string; report: Report }> {
  const output = join(root, '..', 'report.json');
  const { code, stderr } = await run(['scan', root, '--format', 'json', '--output', output, '--no-cache', '--date', '2026-01-01', ...flags]);
  return { code, stderr, report: JSON.parse(readFileSync(output, 'utf8')) as Report };
}

const unread = (report: Report) => report.diagnostics.filter((d) => d.code === 'package-folder-unreadable');

it('a .dist-info folder linked out of the project: a diagnostic, that distribution unknown, the others read', async () => {
  const project = copy('python/venv-app');
  const site = '.venv/lib/python3.11/site-packages';
  const idna = readdirSync(join(project.root, site)).find((name) => name.startsWith('idna-'))!;
  linkOut(project, `${site}/${idna}`);
  const { code, stderr, report } = await scanned(project.root);
  expect(stderr).not.toMatch(/internal error/);
  expect(code).toBe(1);
  expect(unread(report)).toMatchObject([{ location: { file: `${site}/${idna}` }, component: expect.stringMatching(/^idna@/) }]);
  expect(report.components.find((c) => c.name === 'idna')!.verdict.outcome).toBe('unknown');
  expect(report.components.find((c) => c.name === 'flask')!.verdict.outcome).toBe('free');
});

it("the project's .venv linked out of the project: not read, said so with --python-env as the way to read it", async () => {
  const project = copy('python/venv-app');
  rmSync(join(project.outside, '.venv'), { recursive: true });
  renameSync(join(project.root, '.venv'), join(project.outside, '.venv'));
  symlinkSync(join(project.outside, '.venv'), join(project.root, '.venv'));
  const { stderr, report } = await scanned(project.root);
  expect(stderr).not.toMatch(/internal error/);
  expect(unread(report)[0]!.message).toMatch(/^\.venv: is a link to a place outside the project.*--python-env/);
  expect(report.diagnostics.map((d) => d.code)).toContain('python-not-installed');
  // Named where it is, it is read.
  const named = await scanned(project.root, '--python-env', join(project.outside, '.venv'));
  expect(named.report.components.find((c) => c.name === 'flask')!.verdict.outcome).toBe('free');
});

it('a vendored crate linked out of the project: a diagnostic, the crate unknown', async () => {
  const project = copy('cargo/vendored-workspace');
  linkOut(project, 'vendor/itoa');
  const { stderr, report } = await scanned(project.root);
  expect(stderr).not.toMatch(/internal error/);
  expect(unread(report)).toMatchObject([{ location: { file: 'vendor/itoa' } }]);
  expect(report.components.find((c) => c.name === 'itoa')!.verdict.outcome).toBe('unknown');
  // A crate's Cargo.toml linked out: read like a broken one, the folder naming the crate.
  const second = copy('cargo/vendored-workspace');
  linkOut(second, 'vendor/cfg-if/Cargo.toml');
  const read = await scanned(second.root);
  expect(read.stderr).not.toMatch(/internal error/);
  expect(read.report.diagnostics.find((d) => d.code === 'cargo-file-invalid' && d.message.includes('vendor/cfg-if/Cargo.toml'))!.message).toMatch(/outside the project/);
});

it('a vendored Go module, or its go.mod, linked out of the project: a diagnostic, the module unknown', async () => {
  const project = copy('go/vendored');
  linkOut(project, 'vendor/github.com/google/uuid');
  const { stderr, report } = await scanned(project.root);
  expect(stderr).not.toMatch(/internal error/);
  expect(unread(report)).toMatchObject([{ location: { file: 'vendor/github.com/google/uuid' }, component: expect.stringMatching(/^github\.com\/google\/uuid@/) }]);
  expect(report.components.find((c) => c.name === 'github.com/google/uuid')!.verdict.outcome).toBe('unknown');
  const second = copy('go/vendored');
  writeFileSync(join(second.outside, 'vendor/github.com/google/uuid/go.mod'), 'module github.com/google/uuid\n');
  symlinkSync(join(second.outside, 'vendor/github.com/google/uuid/go.mod'), join(second.root, 'vendor/github.com/google/uuid/go.mod'));
  const read = await scanned(second.root);
  expect(read.stderr).not.toMatch(/internal error/);
  expect(read.report.diagnostics.find((d) => d.code === 'go-file-invalid')!.message).toMatch(/go\.mod: is a link to a place outside the project/);
});

// The project's own files (a lockfile, pyproject.toml, Cargo.toml, go.mod, vendor/modules.txt) as
// a link out of the project, a link to itself (a loop) or a folder: each ended the scan with an
// internal error. Each is now a project-file-unreadable diagnostic at that file, the scan going on
// without what it would have said (an error, so the answer is not "Yes"), and the text report's
// "Read:" line says the file was not read.
const projectFiles: [fixture: string, file: string][] = [
  ['python/poetry-lock', 'poetry.lock'],
  ['python/uv-lock-only', 'uv.lock'],
  ['python/venv-app', 'pyproject.toml'],
  ['cargo/vendored-workspace', 'Cargo.lock'],
  ['cargo/vendored-workspace', 'Cargo.toml'],
  ['go/vendored', 'go.mod'],
  ['go/vendored', 'vendor/modules.txt'],
];
const code = 'project-file-unreadable';
for (const [fixture, file] of projectFiles) {
  it(`${fixture}'s ${file} as a link out, a link loop or a folder: a ${code} diagnostic at it, never the scan's end`, async () => {
    const ways: [string, (project: { root: string; outside: string }) => void][] = [
      ['a link out', (project) => linkOut(project, file)],
      ['a link loop', ({ root }) => {
        rmSync(join(root, file));
        symlinkSync(file.split('/').pop()!, join(root, file));
      }],
      ['a folder', ({ root }) => {
        rmSync(join(root, file));
        mkdirSync(join(root, file));
      }],
    ];
    for (const [way, damage] of ways) {
      const project = copy(fixture);
      damage(project);
      const { code: exit, stderr, report } = await scanned(project.root);
      expect(stderr, way).not.toMatch(/internal error/);
      // (Python's detection takes only files and links for its project files: a folder named
      // poetry.lock is no lockfile, and the project is read without it.)
      if (way === 'a folder' && fixture.startsWith('python/')) continue;
      expect(exit, way).toBe(1);
      expect(report.diagnostics.filter((d) => d.code === code && d.location?.file === file), way).toHaveLength(1);
      const text = await run(['scan', project.root, '--no-cache', '--date', '2026-01-01']);
      expect(text.stdout, way).toContain(`${file} (could not be read)`);
    }
  });
}
