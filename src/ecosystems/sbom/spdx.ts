// SPDX 2.3 JSON → entries and edges: packages with licenseConcluded / licenseDeclared (NOASSERTION:
// no information; NONE: no licence), LicenseRef- texts from hasExtractedLicensingInfos (identified
// when copyfair does not know the id), purls from externalRefs, and relationships for paths.
import type { KeptIdentifications } from '../../identify/text-identifier.js';
import { diagnostic } from '../../diagnostics.js';
import type { KnowledgeBase } from '../../kb/index.js';
import type { Diagnostic, Evidence, Scope } from '../../types.js';
import { claim, text, unresolved, type ClaimContext } from './licences.js';
import { isRecord, pointer, type SbomEdge, type SbomEntry, type SbomGraph } from './model.js';

/** Relationship types that bring a package in: `A type B` means A brings in B (forward) or B brings in A. */
const FORWARD: Record<string, Scope> = { DEPENDS_ON: 'prod', CONTAINS: 'prod', HAS_PREREQUISITE: 'prod' };
const REVERSE: Record<string, Scope> = {
  DEPENDENCY_OF: 'prod',
  RUNTIME_DEPENDENCY_OF: 'prod',
  CONTAINED_BY: 'prod',
  PREREQUISITE_FOR: 'prod',
  OPTIONAL_DEPENDENCY_OF: 'optional',
  OPTIONAL_COMPONENT_OF: 'optional',
  PROVIDED_DEPENDENCY_OF: 'peer',
  DEV_DEPENDENCY_OF: 'dev',
  BUILD_DEPENDENCY_OF: 'dev',
  TEST_DEPENDENCY_OF: 'dev',
  DEV_TOOL_OF: 'dev',
  BUILD_TOOL_OF: 'dev',
  TEST_TOOL_OF: 'dev',
};

interface Extracted {
  text: string;
  at: string;
}

export function readSpdx(file: string, doc: Record<string, unknown>, kb: KnowledgeBase, diagnostics: Diagnostic[], kept?: KeptIdentifications): SbomGraph {
  if (doc.spdxVersion !== 'SPDX-2.3') {
    diagnostics.push(diagnostic('sbom-entry-invalid', `${file} is ${String(doc.spdxVersion)}; copyfair reads SPDX-2.3 and reads this one as 2.3`, { location: { file, pointer: '/spdxVersion' } }));
  }
  const extracted = new Map<string, Extracted>();
  if (Array.isArray(doc.hasExtractedLicensingInfos)) {
    doc.hasExtractedLicensingInfos.forEach((item, index) => {
      if (isRecord(item) && typeof item.licenseId === 'string' && typeof item.extractedText === 'string') extracted.set(item.licenseId, { text: item.extractedText, at: pointer('hasExtractedLicensingInfos', index, 'extractedText') });
      else diagnostics.push(diagnostic('sbom-entry-invalid', `${file}: the extracted licence at ${pointer('hasExtractedLicensingInfos', index)} has no licenseId or extractedText`, { location: { file, pointer: pointer('hasExtractedLicensingInfos', index) } }));
    });
  }
  const entries: SbomEntry[] = [];
  const packages = Array.isArray(doc.packages) ? doc.packages : [];
  if (doc.packages !== undefined && !Array.isArray(doc.packages)) diagnostics.push(diagnostic('sbom-entry-skipped', `${file}: packages is not a list`, { location: { file, pointer: '/packages' } }));
  packages.forEach((raw, index) => {
    const at = pointer('packages', index);
    if (!isRecord(raw) || typeof raw.name !== 'string' || raw.name === '' || typeof raw.SPDXID !== 'string') {
      diagnostics.push(diagnostic('sbom-entry-skipped', `${file}: the package at ${at} has no name or SPDXID; it is skipped`, { location: { file, pointer: at } }));
      return;
    }
    const version = typeof raw.versionInfo === 'string' ? raw.versionInfo : '';
    const purl = purlOf(raw.externalRefs);
    const context: ClaimContext = { file, kb, diagnostics, component: `${raw.name}@${version}`, ...(kept ? { kept } : {}) };
    entries.push({ ref: raw.SPDXID, name: raw.name, version, ...(purl ? { purl } : {}), pointer: at, ...scopeOf(raw), evidence: [...packageEvidence(raw, at, extracted, context), ...unresolvedOf(raw, at, context)] });
  });
  const others = ['files', 'snippets'].flatMap((key) => (Array.isArray(doc[key]) ? (doc[key] as unknown[]) : [])).flatMap((item) => (isRecord(item) && typeof item.SPDXID === 'string' ? [item.SPDXID] : []));
  const { roots, edges } = readRelationships(file, doc, new Set(entries.map((entry) => entry.ref)), new Set(others), diagnostics);
  const rootEntry = entries.find((entry) => entry.ref === roots[0]);
  const project = rootEntry ? { ref: rootEntry.ref, name: rootEntry.name, ...(rootEntry.version ? { version: rootEntry.version } : {}) } : { name: typeof doc.name === 'string' ? doc.name : 'project' };
  const rootRefs = new Set(roots);
  return { project, roots, entries: entries.filter((entry) => !rootRefs.has(entry.ref)), edges };
}

/** copyfair's own annotation, for an exact round trip of the scope. */
function scopeOf(raw: Record<string, unknown>): { scope?: Scope } {
  if (!Array.isArray(raw.annotations)) return {};
  for (const annotation of raw.annotations) {
    const match = isRecord(annotation) && typeof annotation.comment === 'string' ? /^copyfair:scope=(prod|dev|optional|peer)$/m.exec(annotation.comment) : null;
    if (match) return { scope: match[1] as Scope };
  }
  return {};
}

/** copyfair's own record that a person must look (`copyfair:unresolved=` lines in an annotation). */
function unresolvedOf(raw: Record<string, unknown>, at: string, context: ClaimContext): Evidence[] {
  if (!Array.isArray(raw.annotations)) return [];
  return raw.annotations.flatMap((annotation, index) => {
    if (!isRecord(annotation) || typeof annotation.comment !== 'string') return [];
    return [...annotation.comment.matchAll(/^copyfair:unresolved=(.*)$/gm)].map((match) => unresolved(match[1]!, `${at}/annotations/${index}/comment`, context));
  });
}

function purlOf(refs: unknown): string | undefined {
  if (!Array.isArray(refs)) return undefined;
  const ref = refs.find((item) => isRecord(item) && item.referenceType === 'purl' && typeof item.referenceLocator === 'string');
  return ref ? String((ref as Record<string, unknown>).referenceLocator) : undefined;
}

/**
 * The concluded licence is the SBOM author's conclusion and stands alone; without one, the
 * declared licence. NOASSERTION says nothing; NONE says there is no licence (all rights reserved),
 * which leaves the component unknown.
 */
function packageEvidence(raw: Record<string, unknown>, at: string, extracted: Map<string, Extracted>, context: ClaimContext): Evidence[] {
  for (const field of ['licenseConcluded', 'licenseDeclared'] as const) {
    const value = raw[field];
    if (value === undefined || value === 'NOASSERTION' || value === '') continue;
    if (value === 'NONE') return [];
    if (typeof value !== 'string') {
      context.diagnostics.push(diagnostic('sbom-entry-invalid', `${context.component}: ${field} at ${at}/${field} is not a string; the component stays unknown`, { location: { file: context.file, pointer: `${at}/${field}` }, component: context.component }));
      return [{ kind: 'declared', value: JSON.stringify(value), expression: null, location: { file: context.file, pointer: `${at}/${field}` } }];
    }
    return expressionEvidence(value, `${at}/${field}`, extracted, context);
  }
  return [];
}

/** An expression whose LicenseRef- ids copyfair does not know are replaced by what their texts are. */
function expressionEvidence(value: string, at: string, extracted: Map<string, Extracted>, context: ClaimContext): Evidence[] {
  const evidence: Evidence[] = [];
  let expression = value;
  for (const ref of new Set(value.match(/LicenseRef-[A-Za-z0-9.-]+/g) ?? [])) {
    if (context.kb.get(ref) || value.includes(`DocumentRef-`)) continue;
    const found = extracted.get(ref);
    if (!found) continue;
    const identified = text(Buffer.from(found.text, 'utf8'), found.at, context);
    evidence.push(identified);
    if (identified.kind === 'licence-file' && identified.expression) expression = expression.replace(new RegExp(`(?<![A-Za-z0-9.-])${ref.replace(/[.]/g, '\\.')}(?![A-Za-z0-9.-])`, 'g'), `(${identified.expression})`);
  }
  const stated = claim(expression, at, context);
  // The identified text is part of the stated expression now: the text evidence stays to explain it.
  return [stated, ...evidence];
}

function readRelationships(file: string, doc: Record<string, unknown>, known: Set<string>, others: Set<string>, diagnostics: Diagnostic[]): { roots: string[]; edges: SbomEdge[] } {
  const roots: string[] = [];
  const edges: SbomEdge[] = [];
  const documentId = typeof doc.SPDXID === 'string' ? doc.SPDXID : 'SPDXRef-DOCUMENT';
  if (Array.isArray(doc.documentDescribes)) for (const id of doc.documentDescribes) if (typeof id === 'string' && known.has(id)) roots.push(id);
  const unknown: string[] = [];
  const relationships = Array.isArray(doc.relationships) ? doc.relationships : [];
  relationships.forEach((item, index) => {
    const at = pointer('relationships', index);
    if (!isRecord(item) || typeof item.spdxElementId !== 'string' || typeof item.relatedSpdxElement !== 'string' || typeof item.relationshipType !== 'string') {
      diagnostics.push(diagnostic('sbom-entry-invalid', `${file}: the relationship at ${at} lacks spdxElementId, relatedSpdxElement or relationshipType`, { location: { file, pointer: at } }));
      return;
    }
    const { spdxElementId: a, relatedSpdxElement: b, relationshipType: type } = item;
    if (type === 'DESCRIBES' && a === documentId) {
      if (known.has(b) && !roots.includes(b)) roots.push(b);
      return;
    }
    if (type === 'DESCRIBED_BY' && b === documentId) {
      if (known.has(a) && !roots.includes(a)) roots.push(a);
      return;
    }
    const forward = FORWARD[type];
    const reverse = REVERSE[type];
    if (!forward && !reverse) return;
    // NOASSERTION and NONE stand for "unknown" and "nothing": no edge, nothing wrong.
    if (b === 'NOASSERTION' || b === 'NONE') return;
    if (!known.has(a) || !known.has(b)) {
      // Files and snippets are not dependencies; only a name found nowhere is a broken reference.
      if (![a, b].some((id) => !known.has(id) && !others.has(id) && !id.includes(':'))) return;
      unknown.push(at);
      return;
    }
    edges.push(forward ? { from: a, to: b, scope: forward } : { from: b, to: a, scope: reverse! });
  });
  if (unknown.length > 0) {
    diagnostics.push(diagnostic('sbom-entry-skipped', `${file}: ${unknown.length} relationship(s) name a package the SBOM does not list: ${unknown.slice(0, 3).join(', ')}${unknown.length > 3 ? ', …' : ''}`, { location: { file, pointer: unknown[0] } }));
  }
  return { roots, edges };
}
