// SARIF: valid against the official SARIF 2.1.0 schema (kept as test data in tests/report/schemas,
// see its README), for the hand-made report and for a real scan; results located at the line
// that brings each dependency in, relative to the project; one rule per outcome and code.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { sarif } from '../../src/report/sarif.js';
import { scan } from '../../src/scan/index.js';
import type { Outcome, Report } from '../../src/types.js';
import { fixtureReport } from './fixture-report.js';

const require = createRequire(import.meta.url);
// Both are CommonJS packages whose default export TypeScript cannot see through NodeNext.
const Ajv04 = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;

// The schema is draft-04, so ajv-draft-04; formats (uri, uri-reference, date-time) are checked with
// ajv-formats rather than switched off. unicodeRegExp off: the published schema's language pattern
// has a stray "]" that only non-unicode regular expressions accept (as the SARIF SDK reads it).
const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync('tests/report/schemas/sarif-2.1.0-rtm.5.json', 'utf8')) as object);

const failOn: Outcome[] = ['payback', 'forbidden', 'unknown'];

interface Log {
  runs: {
    tool: { driver: { rules: { id: string; help: { text: string } }[] } };
    originalUriBaseIds: Record<string, unknown>;
    results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region?: { startLine: number; startColumn?: number } } }[]; properties?: { component: string } }[];
  }[];
}

describe('SARIF against the official 2.1.0 schema', () => {
  it('the hand-made report is valid', () => {
    const log = JSON.parse(sarif(fixtureReport(), { color: false, failOn })) as unknown;
    expect(validate(log), JSON.stringify(validate.errors, null, 1)).toBe(true);
  });

  it('a real scan is valid', async () => {
    const report: Report = await scan('fixtures/demo-app', { profile: { date: '2026-01-01' }, toolVersion: '0.0.0-test' });
    const log = JSON.parse(sarif(report, { color: false, failOn })) as unknown;
    expect(validate(log), JSON.stringify(validate.errors, null, 1)).toBe(true);
  });

  it('the schema is the one it claims to be (a broken log is rejected)', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
  });
});

describe('SARIF content', () => {
  const log = JSON.parse(sarif(fixtureReport(), { color: false, failOn })) as Log;
  const run = log.runs[0]!;

  it('locates each result at the line that brings the dependency in, relative to the project root', () => {
    expect(run.originalUriBaseIds).toHaveProperty('PROJECTROOT');
    const coop = run.results.find((r) => r.properties?.component === 'coop-widget')!;
    expect(coop).toMatchObject({ ruleId: 'outcome/payback', level: 'error' });
    expect(coop.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: 'package-lock.json', uriBaseId: 'PROJECTROOT' }, region: { startLine: 44 } });
    for (const result of run.results) {
      for (const location of result.locations) expect(location.physicalLocation.artifactLocation.uri).not.toMatch(/^\/|^[a-z]+:/i);
    }
  });

  it('has no result for free components, and a warning for outcomes not in fail-on', () => {
    const components = run.results.filter((r) => r.ruleId.startsWith('outcome/')).map((r) => [r.properties?.component, r.level]);
    expect(components).toEqual([
      ['@ethics/no-harm', 'error'],
      ['agpl-db', 'warning'],
      ['coop-widget', 'error'],
      ['mystery', 'error'],
    ]);
  });

  it('has one rule per outcome and per diagnostic code present, each with help text', () => {
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual([
      'outcome/share-alike',
      'outcome/payback',
      'outcome/forbidden',
      'outcome/unknown',
      'diagnostic/config-exception-expired',
      'diagnostic/licence-mismatch',
      'diagnostic/npm-extraneous',
    ]);
    for (const rule of run.tool.driver.rules) expect(rule.help.text.length).toBeGreaterThan(10);
    for (const result of run.results) expect(run.tool.driver.rules.map((r) => r.id)).toContain(result.ruleId);
  });

  it('locates a config problem at its line and column', () => {
    const expired = run.results.find((r) => r.ruleId === 'diagnostic/config-exception-expired')!;
    expect(expired.locations[0]!.physicalLocation.region).toEqual({ startLine: 14, startColumn: 5 });
  });
});

describe('SARIF URIs', () => {
  it('names a file outside the project with an absolute file: URI, and escapes spaces', () => {
    const report = fixtureReport();
    report.diagnostics = [
      { code: 'config-exception-unused', severity: 'warning', message: 'unused', location: { file: '/etc/team policy/copyfair.yaml', line: 3 } },
      { code: 'licence-mismatch', severity: 'warning', message: 'x', location: { file: 'vendor/a b/LICENSE', line: 1 } },
    ];
    const log = JSON.parse(sarif(report, { color: false, failOn })) as Log;
    expect(validate(log), JSON.stringify(validate.errors, null, 1)).toBe(true);
    const uris = log.runs[0]!.results.filter((r) => r.ruleId.startsWith('diagnostic/')).map((r) => r.locations[0]!.physicalLocation.artifactLocation);
    expect(uris).toEqual([{ uri: 'file:///etc/team%20policy/copyfair.yaml' }, { uri: 'vendor/a%20b/LICENSE', uriBaseId: 'PROJECTROOT' }]);
  });
});
