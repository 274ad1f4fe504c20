// The headline and the exit code always agree (issue 9): both come from src/report/answer.ts.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decideAnswer } from '../../src/report/answer.js';
import type { ComponentResult, Diagnostic, Outcome, Report } from '../../src/types.js';
import { run } from '../cli/run.js';

const dir = mkdtempSync(join(tmpdir(), 'copyfair-truth-answer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const folder = (name: string, files: Record<string, string> = {}) => {
  const root = join(dir, name);
  mkdirSync(root, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(root, file), text);
  return root;
};
const scanJson = async (args: string[]) => {
  const result = await run(['scan', ...args, '--format', 'json', '--date', '2026-11-24']);
  return { code: result.code, report: JSON.parse(result.stdout) as Report };
};

describe('a scan that could not read the project says so and exits 2', () => {
  it('an empty folder', async () => {
    const result = await run(['scan', folder('empty')]);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('Cannot answer: copyfair could not read the project: the folder has nothing');
    expect(result.stdout).not.toContain('Yes');
  });

  it('an invalid lockfile, naming it and its line', async () => {
    const root = folder('bad-lock', { 'package.json': '{"name":"x","dependencies":{"a":"1.0.0"}}', 'package-lock.json': '{"lockfileVersion": 3, "packages": {' });
    const { code, report } = await scanJson([root]);
    expect(code).toBe(2);
    expect(report.answer).toMatchObject({ status: 'unreadable', ok: false, passes: false });
    expect(report.answer.headline).toMatch(/^Cannot answer: copyfair could not read the project: package-lock\.json:1(:\d+)? is not valid JSON/);
  });

  it('inside a workspace folder that has neither lockfile nor node_modules', async () => {
    const result = await run(['scan', 'fixtures/npm/workspaces/packages/web']);
    expect(result.code).toBe(2);
    expect(result.stdout.replace(/\s+/g, ' ')).toContain('Cannot answer: copyfair could not read the project: package.json declares dependencies');
  });

  it('a broken root package.json next to node_modules and a lockfile never passes silently', async () => {
    const root = join(dir, 'bad-root');
    cpSync('fixtures/demo-app', root, { recursive: true });
    writeFileSync(join(root, 'package.json'), '{"name": "demo",\n');
    const { code, report } = await scanJson([root]);
    expect(report.answer.headline).not.toMatch(/^Yes/);
    if (report.summary.total === 0) {
      // Collection found nothing: no answer, with the file and position.
      expect(code).toBe(2);
      expect(report.answer.headline).toMatch(/package\.json:2:1 is not valid JSON/);
    } else {
      // node_modules and the lockfile still gave the answer: it comes with a warning.
      expect(report.answer.headline).toContain('Warning: package.json:2:1 could not be read');
      expect(code).toBe(report.answer.passes ? 0 : 1);
    }
  });
});

describe('"No" only when something in --fail-on was hit; "Cannot tell" when evidence is missing', () => {
  it('--fail-on payback,forbidden with unknowns is "Cannot tell", and passes as asked', async () => {
    const root = folder('unknowns', {
      'package.json': '{"name":"u","version":"1.0.0","dependencies":{"mystery":"1.0.0"}}',
      'package-lock.json': JSON.stringify({ name: 'u', lockfileVersion: 3, packages: { '': { name: 'u', dependencies: { mystery: '1.0.0' } }, 'node_modules/mystery': { version: '1.0.0', license: 'LicenseRef-nobody-knows' } } }),
    });
    const failing = await scanJson([root]);
    expect(failing.code).toBe(1);
    expect(failing.report.answer.headline).toMatch(/^No: 1 of 1 dependency is in --fail-on/);
    const result = await run(['scan', root, '--fail-on', 'payback,forbidden']);
    expect(result.code).toBe(0);
    expect(result.stdout.replace(/\s+/g, ' ')).toContain('Cannot tell: 1 of 1 dependency is unknown; a person must look (unknown is not in --fail-on, so the run passes).');
    expect(result.stdout).not.toContain('No:');
  });

  it('a hit names --fail-on, and what else is asked', async () => {
    const result = await run(['scan', 'fixtures/demo-app', '--date', '2026-11-24']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('No: 2 of 8 dependencies are in --fail-on (payback, forbidden, unknown): 2 to\n  pay back or license; also 1 to give back code for.');
  });

  it('outcomes outside --fail-on pass, and the headline says what they still ask', async () => {
    const result = await run(['scan', 'fixtures/demo-app', '--fail-on', 'forbidden', '--date', '2026-11-24']);
    expect(result.code).toBe(0);
    expect(result.stdout.replace(/\s+/g, ' ')).toContain('Yes: nothing in --fail-on (forbidden) was hit; still, 3 of 8 dependencies ask something of you: 1 to give back code for, 2 to pay back or license.');
  });
});

describe('decideAnswer', () => {
  const summary = (counts: Partial<Record<Outcome, number>>): Report['summary'] => {
    const base = { free: 0, 'share-alike': 0, payback: 0, forbidden: 0, unknown: 0, ...counts };
    return { ...base, total: Object.values(base).reduce((a, b) => a + b, 0) };
  };
  const component = (outcome: Outcome) => ({ verdict: { outcome } }) as ComponentResult;
  const failOn: Outcome[] = ['payback', 'forbidden', 'unknown'];
  const rootBroken: Diagnostic = { code: 'npm-manifest-invalid', severity: 'error', message: 'package.json is not valid JSON', location: { file: 'package.json', line: 3, column: 7 } };

  it('a broken root manifest with node_modules read: the answer, with a warning', () => {
    const decision = decideAnswer({ components: [component('free'), component('free')], summary: summary({ free: 2 }), diagnostics: [rootBroken], failOn, readDependencies: true });
    expect(decision).toMatchObject({ status: 'yes', passes: true });
    expect(decision.headline).toContain('Warning: package.json:3:7 could not be read');
  });

  it('a broken root manifest and nothing else read: no answer', () => {
    expect(decideAnswer({ components: [], summary: summary({}), diagnostics: [rootBroken], failOn, readDependencies: false })).toMatchObject({ status: 'unreadable', passes: false });
  });

  it('a dependency that could not be read in full: cannot tell, failing while unknown is in --fail-on', () => {
    const broken: Diagnostic = { code: 'npm-manifest-invalid', severity: 'error', message: 'node_modules/express/package.json is not valid JSON', location: { file: 'node_modules/express/package.json', line: 1 }, component: 'express@4.0.0' };
    const decision = decideAnswer({ components: [component('free')], summary: summary({ free: 1 }), diagnostics: [broken], failOn, readDependencies: true });
    expect(decision).toMatchObject({ status: 'cannot-tell', passes: false });
    expect(decision.headline).toBe('Cannot tell: a dependency could not be read in full (see the diagnostics); a person must look.');
    expect(decideAnswer({ components: [component('free')], summary: summary({ free: 1 }), diagnostics: [broken], failOn: ['forbidden'], readDependencies: true }).passes).toBe(true);
  });

  it('a config error fails the run, and says so', () => {
    const expired: Diagnostic = { code: 'config-exception-expired', severity: 'error', message: 'expired' };
    expect(decideAnswer({ components: [component('free')], summary: summary({ free: 1 }), diagnostics: [expired], failOn, readDependencies: true })).toMatchObject({ status: 'no', passes: false, headline: 'No: the config has 1 error (see the diagnostics).' });
  });

  it('no dependencies at all is a plain yes', () => {
    expect(decideAnswer({ components: [], summary: summary({}), diagnostics: [], failOn, readDependencies: false })).toMatchObject({ status: 'yes', passes: true });
  });
});

describe('a lockfile that is there but could not be read is never called missing, nor read', () => {
  const messages = (report: Report, code: string) => report.diagnostics.filter((d) => d.code === code).map((d) => d.message);

  it('Cargo.lock: its own error, then the direct dependencies with "could not be read", never "no Cargo.lock"', async () => {
    const root = folder('cargo-lock-broken', { 'Cargo.toml': '[package]\nname = "x"\nversion = "0.1.0"\n\n[dependencies]\nserde = "1"\n', 'Cargo.lock': 'version = 3\n\n[[package]]\nname = "serde"\nversion =\n' });
    const { report } = await scanJson([root]);
    expect(report.diagnostics.find((d) => d.code === 'cargo-file-invalid')?.location).toMatchObject({ file: 'Cargo.lock', line: 5 });
    expect(messages(report, 'cargo-not-locked')).toEqual([expect.stringMatching(/^Cargo\.lock could not be read \(its error is above\): copyfair lists only the direct dependencies.*fix or regenerate Cargo\.lock/)]);
    // "neither" only with a "nor": one place looked in is "not in" it.
    for (const message of messages(report, 'cargo-not-fetched')) expect(message).toMatch(/^1 crate\(s\) are (?:not in \S+|in neither \S+ nor [^:]+): serde unknown$/);
  });

  it('uv.lock: its own error, and the packages named from the requirements, never "copyfair read uv.lock"', async () => {
    const root = folder('uv-lock-broken', { 'pyproject.toml': '[project]\nname = "x"\nversion = "1"\ndependencies = ["requests"]\n', 'uv.lock': 'version = 1\n\n[[package]]\nname = "requests"\nversion = "2.0"\nsource = { registry = "https://pypi.org/simple"\n' });
    const { report } = await scanJson([root]);
    expect(report.diagnostics.find((d) => d.code === 'python-file-invalid')?.location?.file).toBe('uv.lock');
    expect(messages(report, 'python-not-installed')).toEqual([expect.stringContaining('copyfair read the requirements, which name packages but hold no licences (uv.lock could not be read: its error is above)')]);
  });

  it('go: a module neither vendored nor downloaded is "in neither vendor/ nor" the cache', async () => {
    const root = folder('go-not-downloaded', { 'go.mod': 'module x\n\ngo 1.21\n\nrequire github.com/a/b v1.0.0\n' });
    const { report } = await scanJson([root]);
    expect(messages(report, 'go-not-downloaded')).toEqual([expect.stringMatching(/^1 module\(s\) are in neither vendor\/ nor [^:]+: github\.com\/a\/b@v1\.0\.0$/)]);
  });
});

describe('a dependency written wrong is reported where it is, never read as "declares no dependencies"', () => {
  const answer = async (name: string, files: Record<string, string>) => {
    const { code, report } = await scanJson([folder(name, files)]);
    return { code, headline: report.answer.headline, errors: report.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.location?.file}:${d.location?.line} ${d.message}`) };
  };
  const project = '[project]\nname = "x"\nversion = "1"\n';

  it.each([
    ['a number in project.dependencies', `${project}dependencies = [1]\n`, 4, '`project.dependencies` holds number 1, which is no requirement string'],
    ['project.dependencies as one string', `${project}dependencies = "requests"\n`, 4, '`project.dependencies` is a string "requests", not an array of requirement strings'],
    ['an extra as one string', `${project}\n[project.optional-dependencies]\nweb = "flask"\n`, 6, '`project.optional-dependencies.web` is a string "flask"'],
    ['optional-dependencies as an array', `${project}optional-dependencies = ["flask"]\n`, 4, '`project.optional-dependencies` is an array, not a table of requirement arrays'],
    ['a dependency group as a table', `${project}\n[dependency-groups]\ntest = { pytest = "8" }\n`, 6, '`dependency-groups.test` is a table'],
    ["Poetry's dependencies as an array", '[tool.poetry]\nname = "x"\nversion = "1"\ndependencies = ["requests"]\n', 4, '`tool.poetry.dependencies` is an array, not a table of dependencies'],
  ])('pyproject.toml: %s', async (_case, text, line, message) => {
    const { code, headline, errors } = await answer(`wrong-${_case.replace(/\W+/g, '-')}`, { 'pyproject.toml': text });
    expect(code).toBe(1);
    expect(headline).not.toMatch(/^Yes/);
    expect(errors).toEqual([expect.stringContaining(`python-file-invalid pyproject.toml:${line} pyproject.toml: ${message}`)]);
  });

  it('requirements.txt: an editable install from git is a dependency, named by its #egg=, else a located error; a local path is the project\'s own', async () => {
    // (Lines 5 and 6: the scp form of a git address, with no "//", was skipped as a local path.)
    const root = folder('editable-vcs', { 'requirements.txt': '-e git+https://github.com/a/b.git@v1.0#egg=b\n--editable=git+ssh://git@github.com/a/c.git\n-e .\n-e ./sub\n-e git+git@github.com:a/d.git#egg=d\n-e git+git@github.com:a/e.git\n' });
    const { code, report } = await scanJson([root]);
    expect(code).toBe(1);
    expect(report.components.map((c) => [c.name, c.location])).toEqual([['b', { file: 'requirements.txt', line: 1 }], ['d', { file: 'requirements.txt', line: 5 }]]);
    expect(report.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.location?.line, d.message])).toEqual([
      [2, expect.stringContaining('the editable requirement "git+ssh://git@github.com/a/c.git" names no package (#egg=name)')],
      [6, expect.stringContaining('the editable requirement "git+git@github.com:a/e.git" names no package (#egg=name)')],
    ]);
    // One editable line alone was "Yes: the project declares no dependencies".
    const alone = await scanJson([folder('editable-alone', { 'requirements.txt': '-e git+https://github.com/a/b.git#egg=b\n' })]);
    expect(alone.report.answer.headline).not.toMatch(/^Yes/);
  });

  it('a PEP 735 group that includes another is read, not reported', async () => {
    const { errors } = await answer('include-group', { 'pyproject.toml': `${project}\n[dependency-groups]\ntest = ["pytest"]\ndev = [{ include-group = "test" }, "ruff"]\n` });
    expect(errors).toEqual([]);
  });

  it('Cargo.toml: a [package] without a name still counts its dependencies, with a located error', async () => {
    const { code, errors } = await answer('cargo-no-name', { 'Cargo.toml': '[package]\nname = [1]\nversion = "1.0.0"\n\n[dependencies]\nserde = "1"\n' });
    expect(code).toBe(1);
    expect(errors).toEqual([expect.stringContaining('cargo-file-invalid Cargo.toml:1 Cargo.toml has a [package] table without a name (a string), which cargo refuses')]);
    const { report } = await scanJson([join(dir, 'cargo-no-name')]);
    expect(report.components.map((c) => c.name)).toEqual(['serde']);
  });
});

describe("a project's package.json dependency section written wrong is reported, never read as none", () => {
  const gpl = (root: string) => {
    mkdirSync(join(root, 'node_modules/a'), { recursive: true });
    writeFileSync(join(root, 'node_modules/a/package.json'), JSON.stringify({ name: 'a', version: '1.0.0', license: 'GPL-3.0-only' }));
    return root;
  };
  it.each([
    ['an array', { dependencies: ['a'] }, '`dependencies` is an array (1 item), not an object of names and version ranges'],
    ['a string', { optionalDependencies: 'a' }, '`optionalDependencies` is a string "a", not an object of names and version ranges'],
    ['a version that is a number', { dependencies: { a: 1 } }, '`dependencies` gives "a" the version 1, which is no version range'],
  ])('%s: an error at its line, and no yes', async (name, fields, message) => {
    const root = gpl(folder(`npm-deps-${name.replace(/\W+/g, '-')}`, { 'package.json': JSON.stringify({ name: 'x', version: '1.0.0', ...fields }, null, 2) }));
    const { code, report } = await scanJson([root]);
    expect(code).toBe(1);
    expect(report.answer.headline).not.toMatch(/^Yes/);
    const found = report.diagnostics.filter((d) => d.code === 'npm-dependencies-invalid');
    expect(found.map((d) => [d.severity, d.location, d.message])).toEqual([['error', { file: 'package.json', line: 4 }, expect.stringContaining(`package.json: ${message}`)]]);
  });

  it.each([
    ['a string', 'packages/*', '`workspaces` is a string "packages/*", not an array of folder patterns'],
    ['an object without packages', { nohoist: ['x'] }, '`workspaces` is an object without a `packages` array, not an array of folder patterns'],
    ['an array with a number', ['packages/*', 3], '`workspaces` holds an entry that is no folder pattern (a string), not an array of folder patterns'],
  ])('workspaces as %s: an error at its line, and no yes over the workspace\'s GPL dependency', async (name, workspaces, message) => {
    const root = gpl(folder(`npm-workspaces-${name.replace(/\W+/g, '-')}`, { 'package.json': JSON.stringify({ name: 'x', version: '1.0.0', workspaces }, null, 2) }));
    mkdirSync(join(root, 'packages/p'), { recursive: true });
    writeFileSync(join(root, 'packages/p/package.json'), JSON.stringify({ name: 'p', version: '1.0.0', dependencies: { a: '1.0.0' } }));
    const { code, report } = await scanJson([root]);
    expect(code).toBe(1);
    expect(report.answer.headline).not.toMatch(/^Yes/);
    expect(report.diagnostics.filter((d) => d.code === 'npm-workspaces-invalid').map((d) => [d.severity, d.location, d.message])).toEqual([['error', { file: 'package.json', line: 4 }, expect.stringContaining(`package.json: ${message}`)]]);
  });

  it('an empty array or null holds nothing to lose: no error', async () => {
    const root = folder('npm-deps-empty', { 'package.json': JSON.stringify({ name: 'x', version: '1.0.0', dependencies: [], devDependencies: null, workspaces: { packages: [] } }) });
    const { report } = await scanJson([root]);
    expect(report.diagnostics.map((d) => d.code)).not.toContain('npm-dependencies-invalid');
    expect(report.diagnostics.map((d) => d.code)).not.toContain('npm-workspaces-invalid');
  });
});

describe('an SBOM whose components could not all be read is never a yes', () => {
  const sbom = (name: string, document: object) => folder(name, { 'bom.json': JSON.stringify(document) });
  it.each([
    ['CycloneDX components that are no list', { bomFormat: 'CycloneDX', specVersion: '1.5', components: {} }, '/components'],
    ['a CycloneDX component without a name', { bomFormat: 'CycloneDX', specVersion: '1.5', components: [{ type: 'library', name: 'a', version: '1', licenses: [{ expression: 'MIT' }] }, { type: 'library', 'bom-ref': 'x' }] }, '/components/1'],
    ['SPDX packages that are no list', { spdxVersion: 'SPDX-2.3', SPDXID: 'SPDXRef-DOCUMENT', name: 'x', packages: 'none' }, '/packages'],
  ])('%s: "Cannot tell", exit 1', async (name, document, pointer) => {
    const { code, report } = await scanJson([join(sbom(`sbom-${name.replace(/\W+/g, '-')}`, document), 'bom.json')]);
    expect(code).toBe(1);
    expect(report.answer.headline).toMatch(/^Cannot tell/);
    expect(report.diagnostics.filter((d) => d.code === 'sbom-entry-skipped').map((d) => d.location?.pointer)).toEqual([pointer]);
  });

  it('an SBOM of no components is still a plain yes', async () => {
    const { code, report } = await scanJson([join(sbom('sbom-empty', { bomFormat: 'CycloneDX', specVersion: '1.5', components: [] }), 'bom.json')]);
    expect([code, report.answer.status]).toEqual([0, 'yes']);
  });
});
