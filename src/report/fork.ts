// `copyfair fork` as text, Markdown, JSON, SARIF 2.1.0 or JUnit: the fork point, the licences on
// both sides, and each problem with the file or commit it concerns. Pure functions.
import { FORK_PROBLEMS, type ForkProblem, type ForkReport } from '../fork/audit.js';
import { short } from '../history/timeline.js';
import { cell, plain } from './history.js';
import { wrap } from './wrap.js';

export const FORK_FORMATS = ['text', 'json', 'markdown', 'sarif', 'junit'] as const;
export type ForkFormat = (typeof FORK_FORMATS)[number];

/** What each problem kind means, for SARIF rules and the docs. */
export const FORK_PROBLEM_HELP: Record<ForkProblem['kind'], string> = {
  'licence-not-allowed': "The fork's licence is not one the upstream's licence allows for derived works.",
  'licence-unknown': "copyfair cannot tell whether the upstream's licence allows the fork's: a person must read both.",
  'notice-removed': 'A licence, NOTICE or AUTHORS file of the upstream was removed from the fork.',
  'copyright-removed': "An upstream copyright line was removed from a file the fork still carries.",
  'spdx-identifier-changed': "An upstream file's SPDX-License-Identifier was removed or changed.",
  'licence-header-removed': "An upstream file's licence header was removed.",
  'licence-text-edited': 'A licence text taken from the upstream was edited or replaced.',
  'taken-after-relicensing': 'A fork commit repeats an upstream commit made under terms the fork does not honour.',
};

export function renderFork(report: ForkReport, format: ForkFormat, width = 80): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'markdown':
      return forkMarkdown(report);
    case 'sarif':
      return `${JSON.stringify(forkSarif(report), null, 2)}\n`;
    case 'junit':
      return forkJunit(report);
    case 'text':
      return forkText(report, width);
  }
}

function summary(report: ForkReport): string[] {
  const lines = [
    `Fork point: ${short(report.forkPoint.sha)} (${report.forkPoint.date}), upstream ${report.upstream.name} at ${short(report.upstream.tip.sha)}.`,
    `Upstream at the fork point: ${report.upstream.atForkPoint ?? 'no licence'}; upstream now: ${report.upstream.now ?? 'no licence'}.`,
    `This fork: ${report.fork.expression ?? 'no licence'} (at ${short(report.fork.tip.sha)}).`,
  ];
  for (const change of report.upstream.relicensings) {
    lines.push(`After the fork point, the upstream moved to ${change.expression ?? 'no licence'} in ${short(change.from.sha)} (${change.from.date}).`);
  }
  return lines.map(plain);
}

function forkText(report: ForkReport, width: number): string {
  const out = [plain(report.answer.headline), '', ...summary(report).map((line) => wrap(line, width))];
  if (report.problems.length > 0) {
    out.push('', 'Problems:');
    for (const problem of report.problems) out.push(wrap(`- ${problem.kind}: ${plain(problem.message)}`, width, 2, 0));
  } else {
    out.push('', wrap(`Licence: ${plain(report.compatibility.reasons.join('; '))}.`, width));
  }
  return `${out.join('\n')}\n`;
}

function forkMarkdown(report: ForkReport): string {
  const out = [`## ${report.answer.ok ? '✅' : '❌'} copyfair fork: ${cell(report.answer.headline)}`, ''];
  for (const line of summary(report)) out.push(`- ${cell(line)}`);
  if (report.problems.length > 0) {
    out.push('', '| problem | where | what |', '| --- | --- | --- |');
    for (const problem of report.problems) {
      const where = problem.file ? `${problem.file}${problem.line ? `:${problem.line}` : ''}` : problem.commit ? short(problem.commit) : '—';
      out.push(`| ${problem.kind} | ${cell(where)} | ${cell(problem.message)} |`);
    }
  }
  return `${out.join('\n')}\n`;
}

function forkSarif(report: ForkReport) {
  const rules = FORK_PROBLEMS.map((kind) => ({ id: `fork/${kind}`, shortDescription: { text: FORK_PROBLEM_HELP[kind] }, help: { text: FORK_PROBLEM_HELP[kind] } }));
  const results = report.problems.map((problem) => ({
    ruleId: `fork/${problem.kind}`,
    level: 'error',
    message: { text: plain(problem.message) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(problem.file ?? 'LICENSE'), uriBaseId: 'PROJECTROOT' },
          ...(problem.line ? { region: { startLine: problem.line } } : {}),
        },
      },
    ],
    ...(problem.commit ? { properties: { commit: problem.commit, ...(problem.upstreamCommit ? { upstreamCommit: problem.upstreamCommit } : {}) } } : {}),
  }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'copyfair', informationUri: 'https://spdx.org/licenses/', rules } },
        originalUriBaseIds: { PROJECTROOT: { uri: './' } },
        results,
        properties: { forkPoint: report.forkPoint.sha, upstream: report.upstream.atForkPoint, fork: report.fork.expression },
      },
    ],
  };
}

const xml = (text: string) =>
  plain(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/[\ufffe\uffff]/g, '');

function forkJunit(report: ForkReport): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="copyfair fork" tests="${FORK_PROBLEMS.length}" failures="${new Set(report.problems.map((p) => p.kind)).size}" errors="0">`,
    `  <testsuite name="fork of ${xml(report.upstream.name)}" tests="${FORK_PROBLEMS.length}" failures="${new Set(report.problems.map((p) => p.kind)).size}" errors="0" skipped="0">`,
  ];
  for (const kind of FORK_PROBLEMS) {
    const found = report.problems.filter((problem) => problem.kind === kind);
    const head = `    <testcase classname="copyfair.fork" name="${kind}"`;
    if (found.length === 0) {
      lines.push(`${head}/>`);
      continue;
    }
    lines.push(`${head}>`, `      <failure type="${kind}" message="${xml(FORK_PROBLEM_HELP[kind])}">${xml(found.map((problem) => problem.message).join('\n'))}</failure>`, '    </testcase>');
  }
  lines.push('  </testsuite>', '</testsuites>');
  return `${lines.join('\n')}\n`;
}
