// CycloneDX JSON 1.4–1.6 → entries and edges: components (nested too), their `licenses` (id,
// name, expression, text) and license evidence (texts), purl, scope, and `dependencies`.
import type { KeptIdentifications } from '../../identify/text-identifier.js';
import { diagnostic } from '../../diagnostics.js';
import type { KnowledgeBase } from '../../kb/index.js';
import type { Diagnostic, Evidence, Scope } from '../../types.js';
import { SCOPES } from '../../types.js';
import { attachment, claim, text, unresolved, type ClaimContext } from './licences.js';
import { ecosystemOf, isRecord, pointer, type SbomEntry, type SbomGraph } from './model.js';
import { pushTo } from '../../util/arrays.js';
import { shownValue } from '../../util/plain-data.js';

const READ_VERSIONS = ['1.4', '1.5', '1.6'];

const SCOPE_OF: Record<string, Scope> = { required: 'prod', optional: 'optional', excluded: 'dev' };

export function readCycloneDx(file: string, bom: Record<string, unknown>, kb: KnowledgeBase, diagnostics: Diagnostic[], kept?: KeptIdentifications): SbomGraph {
  const version = shownValue(bom.specVersion);
  if (!READ_VERSIONS.includes(version)) {
    diagnostics.push(diagnostic('sbom-entry-invalid', `${file} is CycloneDX ${version || '(no specVersion)'}; copyfair reads 1.4–1.6 and reads this one as 1.6`, { location: { file, pointer: '/specVersion' } }));
  }
  const graph: SbomGraph = { roots: [], entries: [], edges: [] };
  const metadata = isRecord(bom.metadata) ? bom.metadata : {};
  if (isRecord(metadata.component) && typeof metadata.component.name === 'string') {
    const root = metadata.component;
    const ref = typeof root['bom-ref'] === 'string' ? root['bom-ref'] : undefined;
    graph.project = { ...(ref ? { ref } : {}), name: fullName(root), ...(typeof root.version === 'string' && root.version ? { version: root.version } : {}) };
    if (ref) graph.roots.push(ref);
  }
  if (bom.components !== undefined && !Array.isArray(bom.components)) {
    diagnostics.push(diagnostic('sbom-entry-skipped', `${file}: components is not a list`, { location: { file, pointer: '/components' } }));
  } else {
    readComponents(file, bom.components ?? [], '/components', undefined, graph, kb, diagnostics, kept);
  }
  readDependencies(file, bom.dependencies, graph, diagnostics);
  return graph;
}

/** Components nested deeper than this are not read (no real SBOM nests so deep; a hostile one might). */
const MAX_DEPTH = 64;

function readComponents(file: string, list: unknown[], at: string, parent: string | undefined, graph: SbomGraph, kb: KnowledgeBase, diagnostics: Diagnostic[], kept: KeptIdentifications | undefined, depth = 0): void {
  if (depth > MAX_DEPTH) {
    diagnostics.push(diagnostic('sbom-entry-skipped', `${file}: components nest more than ${MAX_DEPTH} deep at ${at}; the deeper ones are not read`, { location: { file, pointer: at } }));
    return;
  }
  list.forEach((raw, index) => {
    const here = `${at}/${index}`;
    if (!isRecord(raw) || typeof raw.name !== 'string' || raw.name === '') {
      diagnostics.push(diagnostic('sbom-entry-skipped', `${file}: the component at ${here} has no name; it is skipped`, { location: { file, pointer: here } }));
      return;
    }
    const entry = readComponent(file, raw, here, kb, diagnostics, kept);
    graph.entries.push(entry);
    if (parent) graph.edges.push({ from: parent, to: entry.ref, scope: 'prod' });
    if (Array.isArray(raw.components)) readComponents(file, raw.components, `${here}/components`, entry.ref, graph, kb, diagnostics, kept, depth + 1);
  });
}

function readComponent(file: string, raw: Record<string, unknown>, at: string, kb: KnowledgeBase, diagnostics: Diagnostic[], kept: KeptIdentifications | undefined): SbomEntry {
  const purl = typeof raw.purl === 'string' ? raw.purl : undefined;
  const name = fullName(raw, ecosystemOf(purl));
  const version = typeof raw.version === 'string' ? raw.version : '';
  const context: ClaimContext = { file, kb, diagnostics, component: `${name}@${version}`, ...(kept ? { kept } : {}) };
  const properties = readProperties(raw.properties);
  const declared = properties.get('copyfair:scope')?.[0];
  const scope: Scope | undefined = declared && (SCOPES as readonly string[]).includes(declared)
    ? (declared as Scope)
    : typeof raw.scope === 'string' && SCOPE_OF[raw.scope]
      ? SCOPE_OF[raw.scope]
      : properties.get('cdx:npm:package:development')?.[0] === 'true'
        ? 'dev'
        : undefined;
  return {
    ref: typeof raw['bom-ref'] === 'string' ? raw['bom-ref'] : `${at}`,
    name,
    version,
    ...(purl ? { purl } : {}),
    pointer: at,
    ...(scope ? { scope } : {}),
    evidence: [...readLicences(raw, at, context), ...readUnresolved(raw.properties, at, context)],
  };
}

function readUnresolved(value: unknown, at: string, context: ClaimContext): Evidence[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, index) => (isRecord(item) && item.name === 'copyfair:unresolved' && typeof item.value === 'string' ? [unresolved(item.value, `${at}/properties/${index}/value`, context)] : []));
}

/** npm's `@scope/name`, Maven's `group:name`; else `group/name`. */
function fullName(raw: Record<string, unknown>, ecosystem = 'unknown'): string {
  const name = String(raw.name);
  const group = typeof raw.group === 'string' && raw.group !== '' ? raw.group : undefined;
  if (!group) return name;
  return ecosystem === 'maven' ? `${group}:${name}` : `${group}/${name}`;
}

function readProperties(value: unknown): Map<string, string[]> {
  const properties = new Map<string, string[]>();
  if (!Array.isArray(value)) return properties;
  for (const item of value) {
    if (!isRecord(item) || typeof item.name !== 'string' || typeof item.value !== 'string') continue;
    pushTo(properties, item.name, item.value);
  }
  return properties;
}

/**
 * The component's licence evidence. Entries acknowledged as `concluded` (CycloneDX 1.6) are the
 * SBOM author's conclusion and stand alone; otherwise every entry applies (AND, the safe reading
 * of a list) together with every licence text found in `evidence.licenses`.
 */
function readLicences(raw: Record<string, unknown>, at: string, context: ClaimContext): Evidence[] {
  const entries = licenceEntries(raw.licenses, `${at}/licenses`, context);
  const concluded = entries.filter((entry) => entry.concluded);
  if (concluded.length > 0) return concluded.flatMap((entry) => entry.evidence);
  const found = isRecord(raw.evidence) ? licenceEntries(raw.evidence.licenses, `${at}/evidence/licenses`, context, true) : [];
  return [...entries, ...found].flatMap((entry) => entry.evidence);
}

interface LicenceEntry {
  concluded: boolean;
  evidence: Evidence[];
}

function licenceEntries(value: unknown, at: string, context: ClaimContext, foundInFiles = false): LicenceEntry[] {
  if (value === undefined) return [];
  const invalid = (where: string, what: string): LicenceEntry => {
    context.diagnostics.push(diagnostic('sbom-entry-invalid', `${context.component}: ${what} at ${where}; the component stays unknown`, { location: { file: context.file, pointer: where }, component: context.component }));
    return { concluded: false, evidence: [{ kind: 'declared', value: '(malformed SBOM licence entry)', expression: null, location: { file: context.file, pointer: where } }] };
  };
  if (!Array.isArray(value)) return [invalid(at, 'licenses is not a list')];
  return value.map((item, index): LicenceEntry => {
    const here = `${at}/${index}`;
    if (!isRecord(item)) return invalid(here, 'a licence entry is not an object');
    if (typeof item.expression === 'string') return { concluded: item.acknowledgement === 'concluded', evidence: [claim(item.expression, `${here}/expression`, context)] };
    if (!isRecord(item.license)) return invalid(here, 'a licence entry has neither `license` nor `expression`');
    const licence = item.license;
    // CycloneDX 1.6 puts a license's acknowledgement inside it, an expression's beside it.
    const concluded = licence.acknowledgement === 'concluded';
    const evidence: Evidence[] = [];
    const hasText = licence.text !== undefined;
    if (hasText) {
      const bytes = attachment(licence.text);
      if (bytes) evidence.push(text(bytes, `${here}/license/text`, context));
      else return invalid(`${here}/license/text`, 'a licence text is neither a string nor a {content, encoding: base64} attachment');
    }
    if (typeof licence.id === 'string') evidence.push(claim(licence.id, `${here}/license/id`, context));
    else if (typeof licence.name === 'string' && !(foundInFiles || hasText)) evidence.push(claim(licence.name, `${here}/license/name`, context));
    else if (typeof licence.name === 'string' && !hasText) {
      // A name found in files ("file: LICENSE") says where, not what; a readable one still counts.
      const read = claim(licence.name, `${here}/license/name`, { ...context, diagnostics: [] });
      if (read.kind === 'sbom') evidence.push(read);
    } else if (!hasText) return invalid(here, 'a license has neither id, name nor text');
    return { concluded: concluded && evidence.length > 0, evidence };
  });
}

function readDependencies(file: string, value: unknown, graph: SbomGraph, diagnostics: Diagnostic[]): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    diagnostics.push(diagnostic('sbom-entry-invalid', `${file}: dependencies is not a list`, { location: { file, pointer: '/dependencies' } }));
    return;
  }
  const known = new Set([...graph.entries.map((entry) => entry.ref), ...graph.roots]);
  const unknown: string[] = [];
  value.forEach((item, index) => {
    if (!isRecord(item) || typeof item.ref !== 'string') {
      diagnostics.push(diagnostic('sbom-entry-invalid', `${file}: the dependency at ${pointer('dependencies', index)} has no ref`, { location: { file, pointer: pointer('dependencies', index) } }));
      return;
    }
    if (!known.has(item.ref)) unknown.push(pointer('dependencies', index, 'ref'));
    const targets = Array.isArray(item.dependsOn) ? item.dependsOn : [];
    targets.forEach((to, at) => {
      if (typeof to !== 'string' || !known.has(to)) unknown.push(pointer('dependencies', index, 'dependsOn', at));
      else graph.edges.push({ from: item.ref as string, to, scope: 'prod' });
    });
  });
  if (unknown.length > 0) {
    diagnostics.push(diagnostic('sbom-entry-skipped', `${file}: ${unknown.length} dependency reference(s) name no component: ${unknown.slice(0, 3).join(', ')}${unknown.length > 3 ? ', …' : ''}`, { location: { file, pointer: unknown[0] } }));
  }
}
