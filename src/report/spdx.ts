// SPDX 2.3 JSON: every component as a package with its purl, version and concluded licence
// (the expression copyfair decided), DEPENDS_ON / *_DEPENDENCY_OF relationships for the graph, a
// LicenseRef- entry for every custom id, and copyfair's findings as `copyfair:` lines in each
// package's annotation (the profile and knowledge base in the document's). Dated with the
// evaluation date, named by a hash of the content: the same report gives the same bytes.
import { createHash } from 'node:crypto';
import { loadKnowledgeBase } from '../kb/index.js';
import { wellFormed } from '../util/web-url.js';
import type { Report, Scope } from '../types.js';
import type { ReporterOptions } from './index.js';
import { dependencyEdges, documentProperties, findings, type Property } from './sbom-common.js';

/** How a component is brought in, by its scope (the parent DEPENDS_ON it, or it is an X_OF the parent). */
const RELATIONSHIP: Record<Scope, string> = { prod: 'DEPENDS_ON', optional: 'OPTIONAL_DEPENDENCY_OF', peer: 'PROVIDED_DEPENDENCY_OF', dev: 'DEV_DEPENDENCY_OF' };

const PROJECT_ID = 'SPDXRef-Project';

export function spdx(report: Report, _options: ReporterOptions): string {
  const created = `${report.profile.date ?? '1970-01-01'}T00:00:00Z`;
  const annotator = `Tool: copyfair-${report.tool.version}`;
  const ids = spdxIds(report);
  const idOf = (index: number) => (index === -1 ? PROJECT_ID : ids[index]!);
  const annotation = (properties: Property[]) => ({ annotationDate: created, annotationType: 'OTHER', annotator, comment: properties.map((p) => `${p.name}=${p.value}`).join('\n') });
  const relationships: { spdxElementId: string; relationshipType: string; relatedSpdxElement: string }[] = [{ spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: PROJECT_ID }];
  for (const [from, to] of [...dependencyEdges(report).entries()].sort(([a], [b]) => a - b)) {
    for (const index of [...to].sort((a, b) => a - b)) {
      const type = RELATIONSHIP[report.components[index]!.scope];
      relationships.push(type === 'DEPENDS_ON' ? { spdxElementId: idOf(from), relationshipType: type, relatedSpdxElement: idOf(index) } : { spdxElementId: idOf(index), relationshipType: type, relatedSpdxElement: idOf(from) });
    }
  }
  const body = {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: `copyfair scan of ${report.project.name}${report.project.version ? ` ${report.project.version}` : ''}`,
    documentNamespace: '',
    creationInfo: { created, creators: [annotator] },
    comment: report.answer.headline,
    annotations: [annotation(documentProperties(report))],
    packages: [
      { SPDXID: PROJECT_ID, name: report.project.name, ...(report.project.version ? { versionInfo: report.project.version } : {}), downloadLocation: 'NOASSERTION', filesAnalyzed: false, licenseConcluded: 'NOASSERTION', licenseDeclared: 'NOASSERTION' },
      ...report.components.map((component, index) => {
        const declared = component.evidence.find((item) => item.kind === 'declared')?.expression;
        return {
          SPDXID: ids[index],
          name: component.name,
          ...(component.version ? { versionInfo: component.version } : {}),
          downloadLocation: 'NOASSERTION',
          filesAnalyzed: false,
          licenseConcluded: component.expression ?? 'NOASSERTION',
          licenseDeclared: declared ?? 'NOASSERTION',
          externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: component.purl }],
          comment: `copyfair: ${component.verdict.outcome} for this profile`,
          annotations: [annotation(findings(component))],
        };
      }),
    ],
    hasExtractedLicensingInfos: extractedLicences(report),
    relationships,
  };
  const hash = createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 32);
  body.documentNamespace = `https://spdx.org/spdxdocs/copyfair-${encodeURIComponent(wellFormed(report.project.name))}-${hash}`;
  return `${JSON.stringify(body, null, 2)}\n`;
}

/** `SPDXRef-Package-<name>-<version>` with what SPDX ids may not hold as `-`, numbered when two collide. */
function spdxIds(report: Report): string[] {
  const seen = new Set<string>([PROJECT_ID]);
  return report.components.map((component) => {
    const base = `SPDXRef-Package-${`${component.name}-${component.version}`.replace(/[^A-Za-z0-9.-]+/g, '-')}`;
    let id = base;
    for (let n = 2; seen.has(id); n++) id = `${base}-${n}`;
    seen.add(id);
    return id;
  });
}

/** SPDX wants every LicenseRef- an expression uses defined in the document. */
function extractedLicences(report: Report): { licenseId: string; name: string; extractedText: string }[] {
  const kb = loadKnowledgeBase();
  const ids = new Set<string>();
  for (const component of report.components) {
    const declared = component.evidence.find((item) => item.kind === 'declared')?.expression;
    for (const expression of [component.expression, declared]) for (const id of expression?.match(/LicenseRef-[A-Za-z0-9.-]+/g) ?? []) ids.add(id);
  }
  return [...ids].sort().map((licenseId) => {
    const terms = kb.get(licenseId);
    return terms
      ? { licenseId, name: terms.name, extractedText: `The licence copyfair knows as ${licenseId} (${terms.name}); its text: ${terms.source.url}` }
      : { licenseId, name: licenseId, extractedText: `A licence copyfair does not know (${licenseId}); a person must read it.` };
  });
}
