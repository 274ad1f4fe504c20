// Real-world evidence through the whole scan (fixtures/evidence/real-world): declared strings as
// people write them, pointers, UNLICENSED, several licence files, a README License section, a
// third-party CSV; then the same project scanned from its lockfile alone must agree wherever both
// scans have the evidence, and `identify` must give each file the answer the scan gave it.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/scan/index.js';
import type { Profile, Report } from '../../src/types.js';
import { run } from '../cli/run.js';

const ROOT = 'fixtures/evidence/real-world';
const profile: Profile = { entity: 'for-profit', uses: ['distribute'], date: '2026-01-01' };
const installed = scan(ROOT, { profile, toolVersion: 'test' });
const table = (report: Report) => Object.fromEntries(report.components.map((c) => [c.name, [c.expression, c.verdict.outcome]]));

const lockOnly = mkdtempSync(join(tmpdir(), 'copyfair-lock-only-'));
cpSync(join(ROOT, 'package.json'), join(lockOnly, 'package.json'));
cpSync(join(ROOT, 'package-lock.json'), join(lockOnly, 'package-lock.json'));
afterAll(() => rmSync(lockOnly, { recursive: true, force: true }));

describe('installed: every class of evidence', () => {
  it('gives each package the expression a careful reader gives it', async () => {
    expect(table(await installed)).toEqual({
      abbrev: ['ISC OR MIT', 'free'],
      'apache-2': ['Apache-2.0', 'free'],
      'bsd-family': ['LicenseRef-copyfair-family-BSD', 'free'],
      'ctor-words': ['MIT', 'free'],
      'dd-trace-like': ['MIT', 'free'],
      gplv3: ['GPL-3.0-only', 'share-alike'],
      'legacy-array': ['AFL-2.1 AND LicenseRef-copyfair-family-BSD', 'free'],
      'pointer-no-file': [null, 'unknown'],
      postject: ['MIT AND Apache-2.0', 'free'],
      'private-tool': ['LicenseRef-copyfair-unlicensed', 'forbidden'],
      'public-domain': ['LicenseRef-scancode-public-domain', 'free'],
      rc: ['BSD-2-Clause-Views OR MIT OR Apache-2.0', 'free'],
      'readme-binary': ['MIT', 'free'], // a README that cannot be read is no evidence either way
      'readme-nothing': ['MIT', 'free'],
      'readme-only': ['MIT', 'free'],
      // "Commercial use requires a paid licence": proprietary terms, never free (notices: proprietary.ts).
      'readme-restrictive': ['LicenseRef-scancode-commercial-license', 'payback'],
      'see-file': ['MIT', 'free'],
      'see-pointer': ['MIT', 'free'],
      'unlicensed-with-mit': ['LicenseRef-copyfair-unlicensed AND MIT', 'unknown'],
    });
  });

  it('a third-party CSV is no licence text; a README is read only when no licence file ships', async () => {
    const report = await installed;
    const files = (name: string) => report.components.find((c) => c.name === name)!.licenceFiles.map((f) => f.split('/').pop());
    expect(files('dd-trace-like')).toEqual(['LICENSE']);
    expect(files('readme-only')).toEqual(['README.md']);
    const readme = report.diagnostics.find((d) => d.code === 'licence-from-readme' && d.component === 'readme-only@1.0.0')!;
    expect(readme).toMatchObject({ component: 'readme-only@1.0.0', location: { file: 'node_modules/readme-only/README.md', line: 11 } });
  });

  it('says what it assumed for a family without a version, and why UNLICENSED is forbidden', async () => {
    const report = await installed;
    const verdict = (name: string) => report.components.find((c) => c.name === name)!.verdict;
    expect(verdict('bsd-family').notes[0]).toContain('"BSD" names no version; copyfair assumed any of BSD-2-Clause, BSD-3-Clause, BSD-4-Clause');
    expect(verdict('private-tool').because[0]!.because).toContain('No licence is granted');
    expect(report.diagnostics.filter((d) => d.code === 'licence-unlicensed').map((d) => d.component)).toEqual(['private-tool@1.0.0', 'unlicensed-with-mit@1.0.0']);
  });
});

describe('a lockfile-only scan agrees with the installed scan wherever both have the evidence', () => {
  it('the same declared strings read the same way, and the same verdicts where no file changed the answer', async () => {
    const full = await installed;
    const locked = await scan(lockOnly, { profile, toolVersion: 'test' });
    expect(locked.components.map((c) => c.name)).toEqual(full.components.map((c) => c.name));
    let compared = 0;
    for (const component of full.components) {
      const other = locked.components.find((c) => c.name === component.name)!;
      const declaredHere = component.evidence.find((e) => e.kind === 'declared');
      const declaredThere = other.evidence.find((e) => e.kind === 'declared');
      // The lockfile records `license` strings, not the legacy `licenses` array.
      if (!declaredHere || !declaredThere) continue;
      expect(declaredThere.expression, component.name).toBe(declaredHere.expression);
      const filesSaidMore = component.evidence.some((e) => e.kind === 'licence-file' && e.expression !== null && e.expression !== declaredHere.expression);
      if (declaredHere.expression !== null && !filesSaidMore && component.verdict.outcome !== 'unknown') {
        expect(other.verdict.outcome, component.name).toBe(component.verdict.outcome);
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(8);
  });
});

describe('scan and identify agree on the same file', () => {
  it('every licence file and README section: the same expression through `copyfair identify`', async () => {
    const report = await installed;
    const files = report.components.flatMap((c) => c.evidence).filter((e) => e.kind === 'licence-file');
    expect(files.length).toBeGreaterThanOrEqual(12);
    expect(report.diagnostics.some((d) => d.code === 'licence-file-unreadable')).toBe(false);
    const { stdout } = await run(['identify', '--format', 'json', ...files.map((f) => join(ROOT, f.location.file))]);
    const identified = JSON.parse(stdout) as { file: string; expression: string | null; sha256: string; matches: { start: number }[] }[];
    files.forEach((evidence, at) => {
      expect(identified[at]!.expression, evidence.location.file).toBe(evidence.expression);
      expect(identified[at]!.sha256).toBe(evidence.sha256);
      if (evidence.location.line !== undefined && identified[at]!.matches.length > 0 && !evidence.readme) expect(identified[at]!.matches[0]!.start).toBe(evidence.location.line);
    });
  });

  it('through the CLI: UNLICENSED is forbidden, never "Unlicense", and the exit code says the project fails', async () => {
    const { stdout, code } = await run(['scan', ROOT, '--format', 'json']);
    const report = JSON.parse(stdout) as Report;
    expect(report.components.find((c) => c.name === 'private-tool')!.verdict.outcome).toBe('forbidden');
    expect(stdout).not.toMatch(/"Unlicense"/);
    expect(code).toBe(1);
  });
});

describe('UNLICENSED is never taken for the Unlicense', () => {
  it('`copyfair check UNLICENSED` is forbidden; inside an expression the suggestion is copyfair\'s id, never "Unlicense"', async () => {
    const alone = await run(['check', 'UNLICENSED', '--date', '2026-01-01']);
    expect(alone.code).toBe(1);
    expect(alone.stdout).toContain('forbidden: you may not use it at all');
    const inside = await run(['check', 'MIT AND UNLICENSED']);
    expect(inside.code).toBe(2);
    expect(inside.stderr).toContain('Did you mean "LicenseRef-copyfair-unlicensed"?');
    expect(inside.stderr).not.toContain('"Unlicense"');
  });
});
