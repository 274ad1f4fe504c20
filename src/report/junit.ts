// JUnit XML: one test case per dependency, failing when its outcome is in --fail-on, so any CI
// that shows test results shows which dependency fails and why.
import type { Report } from '../types.js';
import type { ReporterOptions } from './index.js';
import { describeOwed, describeReason } from './describe.js';
import { ANNOTATION_LABELS, annotate, decisive } from './annotations.js';
import { xmlSafe } from './safe-text.js';

/** Escaped, without what XML forbids (U+FFFF, controls, unpaired surrogates): package data stays well-formed. */
const escape = xmlSafe;

/** JUnit XML: a test case per component (failing for outcomes in `failOn`), and one per error diagnostic. */
export function junit(report: Report, options: ReporterOptions): string {
  const failures = report.components.filter((c) => options.failOn.includes(c.verdict.outcome)).length;
  // Errors such as an expired exception fail the run too; they get their own suite so CI shows why.
  const errors = report.diagnostics.filter((d) => d.severity === 'error');
  const tests = report.components.length + errors.length;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="copyfair" tests="${tests}" failures="${failures + errors.length}" errors="0">`,
    `  <testsuite name="${escape(report.project.name)}" tests="${report.components.length}" failures="${failures}" errors="0" skipped="0">`,
    '    <properties>',
    ...(report.project.config ? [`      <property name="copyfair.config" value="${escape(report.project.config)}"/>`] : []),
    `      <property name="headline" value="${escape(report.answer.headline)}"/>`,
    ...report.decidingFacts.map((fact) => `      <property name="deciding-fact" value="${escape(fact.summary)}"/>`),
    '    </properties>',
  ];
  for (const c of report.components) {
    const name = `${c.name}@${c.version}`;
    const head = `    <testcase classname="${escape(`${c.ecosystem}.${c.scope}`)}" name="${escape(name)}"`;
    const notes = annotate(c).map((a) => `${ANNOTATION_LABELS[a.kind]}: ${a.text}`);
    if (!options.failOn.includes(c.verdict.outcome)) {
      // An exception, an override or an assumption stands next to a passing verdict too.
      const decided = decisive(c).map((a) => `${ANNOTATION_LABELS[a.kind]}: ${a.text}`);
      lines.push(decided.length ? `${head}>\n      <system-out>${escape(decided.join('\n'))}</system-out>\n    </testcase>` : `${head}/>`);
      continue;
    }
    const why = c.verdict.because.map(describeReason).join('\n');
    const owed = c.verdict.obligations.map((o) => describeOwed(o)).join('\n');
    const body = [`${c.expression ?? 'no licence'}: ${c.verdict.outcome}`, why, owed, ...notes, `via ${(c.paths[0] ?? [c.name]).join(' > ')}`].filter(Boolean).join('\n');
    lines.push(`${head}>`, `      <failure type="${c.verdict.outcome}" message="${escape(`${name} is ${c.verdict.outcome} (${c.expression ?? 'no licence'})`)}">${escape(body)}</failure>`, '    </testcase>');
  }
  lines.push('  </testsuite>');
  if (errors.length > 0) {
    lines.push(`  <testsuite name="${escape(`${report.project.name} policy`)}" tests="${errors.length}" failures="${errors.length}" errors="0" skipped="0">`);
    for (const d of errors) {
      const where = d.location ? `${d.location.file}${d.location.line ? `:${d.location.line}` : ''}` : '';
      lines.push(
        `    <testcase classname="copyfair.diagnostic" name="${escape(`${d.code}${where ? ` ${where}` : ''}`)}">`,
        `      <failure type="${escape(d.code)}" message="${escape(d.message)}">${escape(`${d.message}${d.hint ? `\n${d.hint}` : ''}`)}</failure>`,
        '    </testcase>',
      );
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}
