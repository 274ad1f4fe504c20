// What the two SBOM formats (CycloneDX, SPDX) share: copyfair's findings for a component as
// name=value pairs in a `copyfair:` namespace, the profile and knowledge base as document
// properties, and the dependency graph recovered from the components' paths.
import type { ComponentResult, Evidence, Report } from '../types.js';
import { describeObligation, describeRoute } from './describe.js';
import { compareText } from '../util/compare.js';

/** The property (CycloneDX) or annotation line (SPDX) for an unknown that lies in the evidence. */
export const UNRESOLVED = 'copyfair:unresolved';
/** The engine's mark for a reason that lies in the evidence, not in a licence (see unknownVerdict). */
const UNRESOLVED_LICENCE = '—';

export interface Property {
  name: string;
  value: string;
}

/** copyfair's findings for one component: outcome, scope, obligations, payback route, assumptions. */
export function findings(component: ComponentResult): Property[] {
  const { verdict } = component;
  const out: Property[] = [
    { name: 'copyfair:outcome', value: verdict.outcome },
    { name: 'copyfair:scope', value: component.scope },
  ];
  if (component.expression) out.push({ name: 'copyfair:expression', value: component.expression });
  for (const reason of verdict.because) out.push({ name: 'copyfair:because', value: `${reason.licence} ${reason.section}: ${reason.because}` });
  for (const obligation of verdict.obligations) out.push({ name: 'copyfair:obligation', value: `${obligation.kind} (${obligation.licence ?? ''} ${obligation.section}): ${describeObligation(obligation)}` });
  for (const obligation of verdict.obligations) if (obligation.kind === 'pay') out.push({ name: 'copyfair:payback', value: describeRoute(obligation.route) });
  for (const link of component.funding) out.push({ name: 'copyfair:payback', value: link });
  for (const assumption of verdict.assumed) out.push({ name: 'copyfair:assumed', value: `${assumption.fact}=${assumption.value}: ${assumption.note}` });
  for (const choice of verdict.chosen) out.push({ name: 'copyfair:chosen', value: `${choice.chosen} (over ${choice.alternatives.map((a) => `${a.expression}: ${a.outcome}`).join(', ')})` });
  for (const note of verdict.notes) out.push({ name: 'copyfair:note', value: note });
  // Why a person must look whatever the licence says (an unidentified licence file…): read back
  // as such, so the SBOM keeps the component unknown.
  for (const reason of verdict.because) if (reason.licence === UNRESOLVED_LICENCE && reason.outcome === 'unknown') out.push({ name: UNRESOLVED, value: reason.because });
  for (const item of component.evidence) out.push({ name: 'copyfair:evidence', value: evidenceText(item) });
  if (component.paths[0]) out.push({ name: 'copyfair:path', value: component.paths[0].join(' > ') });
  return out;
}

function evidenceText(item: Evidence): string {
  const where = `${item.location.file}${item.location.line ? `:${item.location.line}` : ''}${item.location.pointer !== undefined ? `#${item.location.pointer}` : ''}`;
  const expression = item.expression ?? 'unidentified';
  return item.kind === 'licence-file' ? `licence-file ${expression} (confidence ${item.confidence}) ${where}` : `${item.kind} ${expression} ${where}`;
}

/** The profile, knowledge base and answer, for the document's own properties. */
export function documentProperties(report: Report): Property[] {
  const out: Property[] = [];
  for (const [fact, value] of Object.entries(report.profile).sort(([a], [b]) => compareText(a, b))) {
    out.push({ name: `copyfair:profile:${fact}`, value: Array.isArray(value) ? value.join(',') : String(value) });
  }
  out.push({ name: 'copyfair:knowledge-base', value: report.tool.knowledgeBase });
  out.push({ name: 'copyfair:answer', value: report.answer.ok ? 'yes' : 'no' });
  out.push({ name: 'copyfair:headline', value: report.answer.headline });
  return out;
}

/**
 * The dependency edges, by component index (-1 for the project): a component whose path is
 * `… > P > C` is brought in by the component P whose own paths include `… > P`.
 */
export function dependencyEdges(report: Report): Map<number, Set<number>> {
  const byName = new Map<string, number[]>();
  report.components.forEach((component, index) => {
    const list = byName.get(component.name);
    if (list) list.push(index);
    else byName.set(component.name, [index]);
  });
  const pathKeys = report.components.map((component) => new Set(component.paths.map((path) => path.join('\u0000'))));
  const edges = new Map<number, Set<number>>([[-1, new Set()]]);
  report.components.forEach((component, index) => {
    edges.set(index, edges.get(index) ?? new Set());
    const paths = component.paths.length > 0 ? component.paths : [[report.project.name, component.name]];
    for (const path of paths) {
      if (path.length <= 2) {
        edges.get(-1)!.add(index);
        continue;
      }
      const prefix = path.slice(0, -1).join('\u0000');
      const candidates = byName.get(path[path.length - 2]!) ?? [];
      const parents = candidates.filter((candidate) => pathKeys[candidate]!.has(prefix));
      for (const parent of parents.length > 0 ? parents : candidates) {
        if (parent === index) continue;
        edges.set(parent, edges.get(parent) ?? new Set());
        edges.get(parent)!.add(index);
      }
      if (candidates.length === 0) edges.get(-1)!.add(index);
    }
  });
  return edges;
}
