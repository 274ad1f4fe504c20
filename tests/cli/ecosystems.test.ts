// `copyfair scan` on Python, Rust, Go and mixed projects, through the CLI as a user runs it.
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setEnv } from '../helpers/state.js';
import { run } from './run.js';

let restore = () => {};
beforeEach(() => {
  // The developer's own caches and environment must not leak into the answers.
  restore = setEnv({ CARGO_HOME: resolve('fixtures/cargo/cargo-home'), GOMODCACHE: resolve('fixtures/go/gomodcache'), VIRTUAL_ENV: undefined });
});
afterEach(() => restore());

const json = async (args: string[]) => {
  const result = await run(['scan', ...args, '--format', 'json', '--date', '2026-11-24']);
  return { ...result, report: JSON.parse(result.stdout) };
};

describe('scan through the CLI', () => {
  it('Python: components with ecosystem and purl, exit 1 for the unknowns', async () => {
    const { report, code } = await json(['fixtures/python/venv-app']);
    expect(code).toBe(1);
    expect(report.components.find((c: any) => c.name === 'flask')).toMatchObject({ ecosystem: 'python', purl: 'pkg:pypi/flask@3.1.3', verdict: { outcome: 'free' } });
    expect(report.project.sources).toEqual([
      { kind: 'environment', file: '.venv', ecosystem: 'python' },
      { kind: 'manifest', file: 'pyproject.toml', ecosystem: 'python' },
    ]);
  });

  it('Rust: the registry cache is found through $CARGO_HOME', async () => {
    const { report } = await json(['fixtures/cargo/vendored-workspace']);
    expect(report.components.map((c: any) => c.purl)).toContain('pkg:cargo/cfg-if@1.0.0');
    expect(report.components.every((c: any) => c.ecosystem === 'cargo')).toBe(true);
  });

  it('Go: the module cache is found through $GOMODCACHE and named by its label', async () => {
    const result = await run(['scan', 'fixtures/go/module-cache', '--date', '2026-11-24']);
    expect(result.stdout).toContain('Read: $GOMODCACHE, go.mod, go.sum');
    expect(result.stdout).toContain('github.com/stretchr/testify@v1.9.0 is neither vendored nor in the module');
    const { report } = await json(['fixtures/go/module-cache']);
    expect(report.components.find((c: any) => c.name === 'github.com/BurntSushi/toml')).toMatchObject({ purl: 'pkg:golang/github.com/BurntSushi/toml@v1.3.2', expression: 'MIT' });
  });

  it("Go: the notices file copies the licence texts of modules in the module cache (read as the scan read them)", async () => {
    // The notices were read through the project's folder alone: every module's licence file, under
    // $GOMODCACHE, "could not be read", and the command failed for all of them.
    const result = await run(['notice', 'fixtures/go/module-cache', '--date', '2026-11-24']);
    expect(result.stdout).toContain('golang.org/x/text v0.14.0\nLicence: BSD-3-Clause AND LicenseRef-scancode-google-patent-license-golang');
    expect(result.stdout).toContain('Google hereby grants to You a perpetual, worldwide, non-exclusive, no-charge,');
    expect(result.stdout).not.toContain('could not be read');
    // Only the modules without a licence file are missing.
    expect(result.stderr).toContain('2 components ask for a notice but ship no licence text: example.com/legacy/flags@v0.0.0-20190101000000-abcdef123456, github.com/stretchr/testify@v1.9.0');
  });

  it('Go: diff reads the module cache as scan does', async () => {
    // diff scanned each side without the caches outside the project: every module of the side
    // that needed $GOMODCACHE was "no licence found", unknown.
    const result = await run(['diff', 'fixtures/go/vendored', 'fixtures/go/module-cache', '--date', '2026-11-24']);
    expect(result.stdout).toContain('added github.com/BurntSushi/toml v1.3.2 MIT: free');
    expect(result.stdout).toContain('This change adds 2 dependencies a person must check: example.com/legacy/flags');
    expect(result.stdout).not.toContain('github.com/google/uuid v1.6.0 BSD-3-Clause: free → v1.6.0 no licence');
  });

  it('a mixed project is one report, each part labelled', async () => {
    const result = await run(['scan', 'fixtures/mixed/service-with-frontend', '--date', '2026-11-24']);
    expect(result.stdout).toContain('Read: npm: node_modules, package.json; python: .venv, pyproject.toml');
    expect(result.stdout).toContain('copyfarleft-charts 1.0.2 [npm] PPL');
    const { report } = await json(['fixtures/mixed/service-with-frontend']);
    expect(report.components.map((c: any) => `${c.ecosystem}:${c.name}`).sort()).toEqual(['npm:copyfarleft-charts', 'npm:preact', 'python:blinker', 'python:idna']);
  });

  it('--ecosystem restricts the scan, and an unknown one is a usage error', async () => {
    const { report } = await json(['fixtures/mixed/service-with-frontend', '--ecosystem', 'python']);
    expect(report.components.map((c: any) => c.name)).toEqual(['blinker', 'idna']);
    const bad = await run(['scan', 'fixtures/mixed/service-with-frontend', '--ecosystem', 'python,ruby']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--ecosystem: "ruby" is not one of npm, python, cargo, go.');
    const none = await run(['scan', 'fixtures/python/venv-app', '--ecosystem', 'go']);
    expect(none.code).toBe(2);
    expect(none.stdout).toContain('copyfair can scan for go');
  });

  it('--python-env reads an environment elsewhere; a missing one is a usage error', async () => {
    const { report } = await json(['fixtures/python/requirements', '--python-env', 'fixtures/python/venv-app/.venv']);
    expect(report.components.find((c: any) => c.name === 'flask')).toMatchObject({ expression: 'BSD-3-Clause', directory: '<python-env>/lib/python3.11/site-packages/flask-3.1.3.dist-info' });
    const missing = report.diagnostics.filter((d: any) => d.code === 'python-dependency-missing').map((d: any) => d.component).sort();
    // (internal-tool: an editable install from git, a dependency like the others.)
    expect(missing).toEqual(['certifi', 'gunicorn', 'internal-tool', 'pytest']);
    const nowhere = await run(['scan', 'fixtures/python/venv-app', '--python-env', 'no/such/env']);
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toContain('--python-env: no/such/env does not exist');
  });

  it('notice, payback and diff take --python-env too, and read the environment as scan does', async () => {
    // Only scan had it: an environment outside the project reached the others through $VIRTUAL_ENV alone.
    const notices = await run(['notice', 'fixtures/python/requirements', '--python-env', 'fixtures/python/venv-app/.venv', '--allow-missing']);
    expect(notices.stdout).toContain('flask 3.1.3\nLicence: BSD-3-Clause');
    expect(notices.stdout).not.toContain('flask@3.1.3 (BSD-3-Clause): its licence file could not be read');
    const plan = await run(['payback', 'fixtures/python/requirements', '--python-env', 'fixtures/python/venv-app/.venv', '--format', 'json']);
    expect(JSON.parse(plan.stdout).notPlanned.map((item: any) => item.component)).not.toContain('flask');
    const change = await run(['diff', 'fixtures/python/requirements', 'fixtures/python/requirements', '--python-env', 'fixtures/python/venv-app/.venv']);
    expect(change.code).toBe(0);
    for (const command of ['notice', 'payback', 'diff']) {
      const nowhere = await run([command, 'fixtures/python/venv-app', ...(command === 'diff' ? ['fixtures/python/venv-app'] : []), '--python-env', 'no/such/env']);
      expect(nowhere.code, command).toBe(2);
      expect(nowhere.stderr, command).toContain('--python-env: no/such/env does not exist');
    }
  });

  it('a clarification pinned to a licence file in the module cache is checked against that file', async () => {
    const root = mkdtempSync(join(tmpdir(), 'copyfair-go-clarify-'));
    cpSync('fixtures/go/module-cache', root, { recursive: true });
    writeFileSync(join(root, 'copyfair.yaml'), 'clarifications:\n  - package: golang.org/x/text\n    version: v0.14.0\n    expression: BSD-3-Clause\n    file: LICENSE\n    sha256: 9c684086cf94c9cc8de481c031d5ff035d54c78b6a4bd5d17cfefbc5d854ea8c\n');
    const { report } = await json([root]);
    expect(report.components.find((c: any) => c.name === 'golang.org/x/text').evidence.map((e: any) => e.kind)).toContain('clarification');
    expect(report.diagnostics.map((d: any) => d.code)).not.toContain('config-clarification-stale');
  });
});
