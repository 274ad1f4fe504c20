// Every output format, on the scan of the demo app: golden files, SARIF valid against the
// official 2.1.0 schema, JUnit well formed, and every format byte-identical across runs.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPORTERS, type Format } from '../../src/report/index.js';
import { scan } from '../../src/scan/index.js';
import type { Report } from '../../src/types.js';

const require = createRequire(import.meta.url);
// Both are CommonJS packages whose default export TypeScript cannot see through NodeNext.
const Ajv04 = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;
const failOn = ['payback', 'forbidden', 'unknown'] as const;
let report: Report;

beforeAll(async () => {
  report = await scan('fixtures/demo-app', { profile: { date: '2026-01-01' }, toolVersion: '0.0.0-test' });
  // The knowledge base's content hash changes with every entry edited; the golden files should not.
  report.tool.knowledgeBase = 'test';
});

const render = (format: Format) => REPORTERS[format](report, { color: false, failOn: [...failOn] });
const golden = (name: string, text: string) => {
  const path = `tests/report/__golden__/${name}`;
  if (process.env.UPDATE_GOLDEN) writeFileSync(path, text);
  return readFileSync(path, 'utf8');
};

describe.each(['text', 'json', 'sarif', 'markdown', 'junit'] as Format[])('%s', (format) => {
  it('matches its golden file', () => {
    const text = render(format);
    expect(text).toBe(golden(`demo-app.${format}`, text));
  });
  it('is deterministic', () => {
    expect(render(format)).toBe(render(format));
  });
});

describe('SARIF', () => {
  it('is valid against the official SARIF 2.1.0 schema', () => {
    // The schema as the SARIF TC published it (draft-04), shipped in @microsoft/jest-sarif.
    const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object;
    // unicodeRegExp off: the published schema's language pattern has a stray "]" that only non-unicode
    // regular expressions accept (as the SARIF SDK's own validator reads it).
    const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const log = JSON.parse(render('sarif'));
    expect(validate(log), JSON.stringify(validate.errors, null, 1)).toBe(true);
  });

  it('locates each result at the line that brings the dependency in, relative to the project', () => {
    const log = JSON.parse(render('sarif')) as { runs: { results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region?: { startLine: number } } }[]; properties?: { component: string } }[]; tool: { driver: { rules: { id: string }[] } } }[] };
    const run = log.runs[0]!;
    const coop = run.results.find((r) => r.properties?.component === 'coop-widget')!;
    expect(coop.ruleId).toBe('outcome/payback');
    expect(coop.level).toBe('error');
    expect(coop.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: 'package-lock.json', uriBaseId: 'PROJECTROOT' });
    const sneaky = run.results.find((r) => r.properties?.component === 'sneaky-mit')!;
    expect(sneaky.locations[0]!.physicalLocation).toMatchObject({ artifactLocation: { uri: 'package.json' }, region: { startLine: 10 } });
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(['outcome/share-alike', 'outcome/payback', 'outcome/forbidden', 'outcome/unknown', 'diagnostic/licence-mismatch']);
  });
});

describe('JUnit', () => {
  it('has one test case per component and fails those in fail-on', () => {
    const xml = render('junit');
    expect(xml.match(/<testcase /g)).toHaveLength(8);
    expect(xml.match(/<failure /g)).toHaveLength(2);
    expect(xml).toContain('<testsuites name="copyfair" tests="8" failures="2" errors="0">');
  });
});
