// The GitHub Action and the CI examples in docs/ci.md: valid YAML, every input used and every
// input used declared, the scan script valid bash, and the examples using the action's inputs.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Action {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: { id?: string; uses?: string; run?: string; shell?: string; env?: Record<string, string> }[] };
}

const action = parse(readFileSync('action.yml', 'utf8')) as Action;
const text = readFileSync('action.yml', 'utf8');
const docs = readFileSync('docs/ci.md', 'utf8');
const yamlBlocks = [...docs.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => parse(m[1]!) as Record<string, unknown>);

describe('action.yml', () => {
  it('is a composite action whose inputs are all used, and uses only declared inputs', () => {
    expect(action.runs.using).toBe('composite');
    const used = new Set([...text.matchAll(/inputs\.([a-z-]+)/g)].map((m) => m[1]!));
    expect([...used].sort()).toEqual(Object.keys(action.inputs).sort());
    for (const input of Object.values(action.inputs)) expect(input.description.length).toBeGreaterThan(10);
  });

  it('runs a scan script that bash accepts, writing the summary and the SARIF file', () => {
    const scan = action.runs.steps.find((step) => step.id === 'scan')!;
    expect(scan.shell).toBe('bash');
    const check = spawnSync('bash', ['-n'], { input: scan.run, encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    expect(scan.run).toContain('>> "$GITHUB_STEP_SUMMARY"');
    expect(scan.run).toContain('cp "$out/report.sarif" "$INPUT_SARIF"');
    expect(scan.run).toMatch(/exit "\$code"\s*$/);
    expect(action.outputs['exit-code']!.value).toBe('${{ steps.scan.outputs.exit-code }}');
  });
});

describe('docs/ci.md', () => {
  it('has a GitHub workflow that runs the action and uploads the SARIF to code scanning', () => {
    const workflow = yamlBlocks.find((block) => 'jobs' in block) as { jobs: Record<string, { steps: { uses?: string; with?: Record<string, unknown> }[] }> };
    const steps = Object.values(workflow.jobs)[0]!.steps;
    const copyfair = steps.find((step) => step.uses?.startsWith('copyfair/'))!;
    for (const key of Object.keys(copyfair.with ?? {})) expect(Object.keys(action.inputs)).toContain(key);
    const upload = steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif'))!;
    expect(upload.with?.sarif_file).toBe(copyfair.with?.['sarif-file'] ?? action.inputs['sarif-file']!.default);
  });

  it('has a GitLab job that keeps the JUnit report', () => {
    const job = yamlBlocks.find((block) => 'copyfair' in block)!.copyfair as { script: string[]; artifacts: { reports: { junit: string } } };
    expect(job.script.join('\n')).toContain('--format text,junit');
    expect(job.artifacts.reports.junit).toBe('copyfair-report/report.junit.xml');
  });
});
