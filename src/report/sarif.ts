// SARIF 2.1.0 for code scanning: one result per dependency that asks something of the user,
// located at the manifest or lockfile line that brings it in, one rule per outcome and per
// diagnostic code. URIs are relative to the project root (uriBaseId PROJECTROOT).
import { DIAGNOSTICS } from '../diagnostics.js';
import type { Component, ComponentResult, Diagnostic, Outcome, Report } from '../types.js';
import { OUTCOMES } from '../types.js';
import { OUTCOME_MEANING, describeOwed, describeReason, outcomeMeaning } from './describe.js';
import type { ReporterOptions } from './index.js';
import { ANNOTATION_LABELS, annotate } from './annotations.js';
import { wellFormed } from '../util/web-url.js';
import { componentOfDiagnostics, type ComponentOf } from './lookup.js';

const OUTCOME_HELP: Record<Outcome, string> = {
  free: 'Nothing is owed beyond keeping the notices.',
  'share-alike': 'Release source under the same licence when the trigger happens (distribution, network use…); the result says what and when.',
  payback: 'Obtain or buy a licence from the licensor (or wait for a change date) before using the dependency this way; the result says where.',
  forbidden: 'The licence does not allow this use at all: replace the dependency, or change how you use it.',
  unknown: 'copyfair cannot tell: a person must read the licence, then record the decision in copyfair.yaml (clarifications or exceptions).',
};

function level(outcome: Outcome, failOn: Outcome[]): 'error' | 'warning' | 'note' {
  if (failOn.includes(outcome)) return 'error';
  return outcome === 'free' ? 'note' : 'warning';
}

/** A place in the project; without a file, the project's manifest (what brings every dependency in). */
function physical(file: string | undefined, line: number | undefined, column?: number) {
  return {
    physicalLocation: {
      // A file outside the project (a --config elsewhere) is named by an absolute file: URI.
      artifactLocation: file?.startsWith('/') ? { uri: `file://${encodeURI(wellFormed(file))}` } : { uri: encodeURI(wellFormed(file ?? 'package.json')), uriBaseId: 'PROJECTROOT' },
      ...(line ? { region: { startLine: line, ...(column ? { startColumn: column } : {}) } } : {}),
    },
  };
}

function componentResult(component: ComponentResult, failOn: Outcome[]) {
  const { verdict } = component;
  const why = verdict.because.map(describeReason).join(' ');
  const owed = verdict.obligations.filter((o) => !['notice', 'attribution'].includes(o.kind)).map((o) => describeOwed(o)).join(' ');
  const path = component.paths[0]?.join(' > ') ?? component.name;
  const annotations = annotate(component);
  const notes = annotations.map((a) => `${ANNOTATION_LABELS[a.kind]}: ${a.text.replace(/\.$/, '')}.`).join(' ');
  const text = `${component.name} ${component.version} (${component.expression ?? 'no licence'}) is ${verdict.outcome} for this profile: ${outcomeMeaning(verdict)}. ${why}${owed ? ` Owed: ${owed}` : ''} Brought in by ${path}.${notes ? ` ${notes}` : ''}`;
  return {
    ruleId: `outcome/${verdict.outcome}`,
    level: level(verdict.outcome, failOn),
    message: { text },
    locations: [physical(component.location?.file, component.location?.line)],
    partialFingerprints: { component: `${component.purl}` },
    properties: { component: component.name, version: component.version, purl: component.purl, expression: component.expression, outcome: verdict.outcome, scope: component.scope, ...(annotations.length ? { annotations } : {}) },
  };
}

/** True for a path inside node_modules: not in the repository, so code scanning cannot show it. */
const installed = (file: string | undefined) => file !== undefined && /(^|\/)node_modules\//.test(file);

function diagnosticResult(item: Diagnostic, componentOf: ComponentOf) {
  const file = item.location?.file;
  // Point at the project file that brings the dependency in (package.json or the lockfile line),
  // and name the node_modules path in the message instead.
  const bringer = installed(file) ? broughtInBy(componentOf(item.component, file)) : undefined;
  const where = installed(file) && !item.message.includes(file!) ? ` (in ${file}${item.location?.line ? `:${item.location.line}` : ''})` : '';
  const location = installed(file) ? physical(bringer?.file ?? 'package.json', bringer?.line) : physical(file, item.location?.line, item.location?.column);
  return {
    ruleId: `diagnostic/${item.code}`,
    level: item.severity === 'info' ? 'note' : item.severity,
    message: { text: `${item.message}${where}${item.hint ? `. ${item.hint}` : ''}`.replace(/\.\. /, '. ') },
    locations: [location],
    ...(item.component ? { properties: { component: item.component } } : {}),
  };
}

/** Where the component a diagnostic concerns comes into the project, if it is known. */
function broughtInBy(match: Component | undefined): { file: string; line?: number } | undefined {
  const location = match?.location;
  return location && !installed(location.file) ? { file: location.file, line: location.line } : undefined;
}

/** SARIF 2.1.0: a result per component that is not free and per diagnostic; rules for each outcome and code. */
export function sarif(report: Report, options: ReporterOptions): string {
  const componentOf = componentOfDiagnostics(report.components);
  const codes = [...new Set(report.diagnostics.map((d) => d.code))].sort();
  const rules = [
    ...OUTCOMES.filter((o) => o !== 'free').map((outcome) => ({
      id: `outcome/${outcome}`,
      name: outcome.replace(/-(.)/g, (_, c: string) => c.toUpperCase()),
      shortDescription: { text: `A dependency is ${outcome} for this profile` },
      fullDescription: { text: `${outcome}: ${OUTCOME_MEANING[outcome]}.` },
      help: { text: OUTCOME_HELP[outcome], markdown: `**${outcome}**: ${OUTCOME_HELP[outcome]}` },
      defaultConfiguration: { level: level(outcome, options.failOn) },
    })),
    ...codes.map((code) => {
      const hint = (DIAGNOSTICS as Record<string, { hint: string; severity: string } | undefined>)[code];
      const sample = report.diagnostics.find((d) => d.code === code)!;
      return {
        id: `diagnostic/${code}`,
        name: code,
        shortDescription: { text: code },
        help: { text: hint?.hint ?? sample.hint ?? 'See docs/diagnostics.md.' },
        defaultConfiguration: { level: sample.severity === 'info' ? 'note' : sample.severity },
      };
    }),
  ];
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'copyfair', version: report.tool.version, semanticVersion: report.tool.version, rules } },
        originalUriBaseIds: { PROJECTROOT: { description: { text: 'The scanned project folder' } } },
        results: [
          ...report.components.filter((c) => c.verdict.outcome !== 'free').map((c) => componentResult(c, options.failOn)),
          ...report.diagnostics.map((d) => diagnosticResult(d, componentOf)),
        ],
        properties: { headline: report.answer.headline, status: report.answer.status, summary: report.summary, decidingFacts: report.decidingFacts.map((fact) => fact.summary), knowledgeBase: report.tool.knowledgeBase, ...(report.project.config ? { config: report.project.config } : {}) },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
