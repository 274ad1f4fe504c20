// Noise (issue 9): --quiet, the summary grouped by licence, and messages that say each thing once.
import { describe, expect, it } from 'vitest';
import { run } from '../cli/run.js';

const demo = (args: string[]) => run(['scan', 'fixtures/demo-app', '--date', '2026-11-24', ...args]);

describe('--quiet', () => {
  it('prints the headline and what fails the run, nothing else, with the same exit code', async () => {
    const result = await demo(['--quiet']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      [
        'No: 2 of 8 dependencies are in --fail-on (payback, forbidden, unknown): 2 to pay',
        '  back or license; also 1 to give back code for.',
        '  payback coop-widget 1.4.0 PPL',
        '  payback sneaky-mit 1.2.0 MIT AND LicenseRef-scancode-commons-clause',
        '',
      ].join('\n'),
    );
  });

  it('a passing run is its headline alone', async () => {
    const result = await demo(['--quiet', '--fail-on', 'forbidden']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')[0]).toMatch(/^Yes: nothing in --fail-on \(forbidden\) was hit/);
    expect(result.stdout).not.toContain('coop-widget');
  });
});

describe('--group-by licence', () => {
  it('adds a section with each licence, its count and what it means', async () => {
    const result = await demo(['--group-by', 'licence']);
    expect(result.stdout).toContain('By licence\n  MIT                                            2  free\n');
    expect(result.stdout).toContain('  PPL                                            1  payback\n');
  });

  it('in Markdown too', async () => {
    expect((await demo(['--group-by', 'licence', '--format', 'markdown'])).stdout).toContain('### By licence\n\n| licence | packages | outcome |\n| --- | ---: | --- |\n| MIT | 2 | free |');
  });

  it('an unknown grouping is a usage error with did-you-mean', async () => {
    const result = await demo(['--group-by', 'license']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--group-by: "license" is not one of licence. Did you mean "licence"?');
  });
});

describe('messages say each thing once, in plain English', () => {
  it('no repeated "copyfair applies both", no doubled licence ids, no "pay …: pay back:"', async () => {
    const text = (await demo([])).stdout;
    expect(text.match(/applies both/g)).toHaveLength(1);
    expect(text).toContain('declares MIT, but node_modules/sneaky-mit/LICENSE reads as MIT AND');
    expect(text).not.toContain('LGPL-3.0-only LGPL-3.0');
    expect(text).toContain('LGPL-3.0 §4, GPL-3.0 §5–6:');
    expect(text).not.toMatch(/pay \([^)]*\): pay back:/);
    expect(text).not.toMatch(/all 1 dependencies/);
  });

  it('Markdown never shows "— —:"', async () => {
    const markdown = (await run(['scan', 'fixtures/npm/broken', '--format', 'markdown'])).stdout;
    expect(markdown).not.toContain('— —');
    expect(markdown).not.toContain('—:');
  });
});

describe('SARIF results for diagnostics', () => {
  it('point at the project file that brings the dependency in, with the node_modules path in the message', async () => {
    const sarif = JSON.parse((await demo(['--format', 'sarif'])).stdout) as { runs: { results: { ruleId: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[] }[] }[] };
    const results = sarif.runs[0]!.results.filter((r) => r.ruleId.startsWith('diagnostic/'));
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) expect(result.locations[0]!.physicalLocation.artifactLocation.uri).not.toMatch(/node_modules/);
    const mismatch = results.find((r) => r.ruleId === 'diagnostic/licence-mismatch')!;
    expect(mismatch.locations[0]!.physicalLocation).toMatchObject({ artifactLocation: { uri: 'package.json' }, region: { startLine: 10 } });
    expect(mismatch.message.text).toContain('node_modules/sneaky-mit/LICENSE');
  });
});
