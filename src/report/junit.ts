// JUnit XML: one test case per dependency, failing when its outcome is in --fail-on, so any CI
// that shows test results shows which dependency fails and why.
import type { Report } from '../types.js';
import type { ReporterOptions } from './index.js';

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

export function junit(report: Report, options: ReporterOptions): string {
  const failures = report.components.filter((c) => options.failOn.includes(c.verdict.outcome)).length;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="copyfair" tests="${report.components.length}" failures="${failures}" errors="0">`,
    `  <testsuite name="${escape(report.project.name)}" tests="${report.components.length}" failures="${failures}" errors="0" skipped="0">`,
  ];
  for (const c of report.components) {
    const name = `${c.name}@${c.version}`;
    const head = `    <testcase classname="${escape(`${c.ecosystem}.${c.scope}`)}" name="${escape(name)}"`;
    if (!options.failOn.includes(c.verdict.outcome)) {
      lines.push(`${head}/>`);
      continue;
    }
    const why = c.verdict.because.map((r) => `${r.licence} ${r.section}: ${r.because}`).join('\n');
    const owed = c.verdict.obligations.map((o) => `${o.kind} (${o.licence ?? ''} ${o.section})${o.summary ? `: ${o.summary}` : ''}`).join('\n');
    const body = `${c.expression ?? 'no licence'}: ${c.verdict.outcome}\n${why}\n${owed}\nvia ${(c.paths[0] ?? [c.name]).join(' > ')}`;
    lines.push(`${head}>`, `      <failure type="${c.verdict.outcome}" message="${escape(`${name} is ${c.verdict.outcome} (${c.expression ?? 'no licence'})`)}">${escape(body)}</failure>`, '    </testcase>');
  }
  lines.push('  </testsuite>', '</testsuites>');
  return `${lines.join('\n')}\n`;
}
