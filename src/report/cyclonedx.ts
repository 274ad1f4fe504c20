// CycloneDX 1.6 JSON: every component with purl, version, scope and its licence as an SPDX
// expression, the dependency graph, and copyfair's findings as `copyfair:` properties (the
// profile and knowledge base in metadata.properties). No timestamp, no serial number: the same
// report gives the same bytes. Built as data and serialised with JSON.stringify, so any text a
// dependency controls is escaped by construction.
import type { Report, Scope } from '../types.js';
import type { ReporterOptions } from './index.js';
import { dependencyEdges, documentProperties, findings } from './sbom-common.js';

const CDX_SCOPE: Record<Scope, 'required' | 'optional' | 'excluded'> = { prod: 'required', optional: 'optional', peer: 'optional', dev: 'excluded' };

/** The project's bom-ref. */
const PROJECT_REF = 'copyfair:project';

export function cyclonedx(report: Report, _options: ReporterOptions): string {
  const refs = bomRefs(report);
  const edges = dependencyEdges(report);
  const refOf = (index: number) => (index === -1 ? PROJECT_REF : refs[index]!);
  const bom = {
    $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json',
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    version: 1,
    metadata: {
      tools: { components: [{ type: 'application', name: 'copyfair', version: report.tool.version }] },
      component: { type: 'application', 'bom-ref': PROJECT_REF, name: report.project.name, ...(report.project.version ? { version: report.project.version } : {}) },
      properties: documentProperties(report),
    },
    components: report.components.map((component, index) => ({
      type: 'library',
      'bom-ref': refs[index],
      name: component.name,
      ...(component.version ? { version: component.version } : {}),
      scope: CDX_SCOPE[component.scope],
      ...(component.expression ? { licenses: [{ expression: component.expression, acknowledgement: 'concluded' }] } : {}),
      purl: component.purl,
      properties: findings(component),
    })),
    dependencies: [...edges.entries()]
      .sort(([a], [b]) => a - b)
      .map(([from, to]) => ({ ref: refOf(from), ...(to.size > 0 ? { dependsOn: [...to].sort((a, b) => a - b).map(refOf) } : {}) })),
  };
  return `${JSON.stringify(bom, null, 2)}\n`;
}

/** A unique bom-ref per component: its purl, numbered when two components share one. */
function bomRefs(report: Report): string[] {
  const seen = new Map<string, number>();
  return report.components.map((component) => {
    const count = seen.get(component.purl) ?? 0;
    seen.set(component.purl, count + 1);
    return count === 0 ? component.purl : `${component.purl}#${count + 1}`;
  });
}
