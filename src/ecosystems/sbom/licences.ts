// Licence claims inside an SBOM → evidence. Ids, names and expressions go through copyfair's own
// reading of declared strings; licence texts go through identification, as a licence file would.
import { hash } from 'node:crypto';
import { diagnostic } from '../../diagnostics.js';
import { identificationConfidence, nearestCandidates } from '../../identify/confidence.js';
import { readString } from '../../identify/declared.js';
import { identifyText, type KeptIdentifications } from '../../identify/text-identifier.js';
import type { KnowledgeBase } from '../../kb/index.js';
import type { Diagnostic, Evidence } from '../../types.js';

/** Texts larger than this are not identified (a licence is rarely over 100 KB). */
const MAX_TEXT_BYTES = 1024 * 1024;

export interface ClaimContext {
  file: string;
  kb: KnowledgeBase;
  diagnostics: Diagnostic[];
  /** `name@version`, for diagnostics. */
  component: string;
  /** Identifications kept between scans, for attached licence texts. */
  kept?: KeptIdentifications;
}

/**
 * A declared string (SPDX id, expression, licence name): `sbom` evidence when copyfair can read
 * it; otherwise `declared` evidence with no expression, which keeps the component unknown.
 */
export function claim(value: string, at: string, context: ClaimContext): Evidence {
  const location = { file: context.file, pointer: at };
  const read = readString(value, context.kb);
  if (read.expression) return { kind: 'sbom', expression: read.expression, location };
  context.diagnostics.push(diagnostic('sbom-licence-unknown', `${context.component}: the SBOM names the licence "${value}" at ${at}, which copyfair cannot read (${read.note ?? 'not SPDX'})`, { location, component: context.component }));
  return { kind: 'declared', value, expression: null, location };
}

/** A licence text (plain or base64): identified like a licence file, located by its pointer. */
export function text(bytes: Buffer, at: string, context: ClaimContext): Evidence {
  const location = { file: context.file, pointer: at };
  const sha256 = hash('sha256', bytes, 'hex');
  if (bytes.length > MAX_TEXT_BYTES || bytes.subarray(0, 8000).includes(0)) {
    context.diagnostics.push(diagnostic('sbom-licence-unknown', `${context.component}: the licence text at ${at} is binary or over ${MAX_TEXT_BYTES} bytes`, { location, component: context.component }));
    return { kind: 'licence-file', expression: null, confidence: 0, location, sha256 };
  }
  const body = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const found = identifyText(body, context.kept && { store: context.kept, sha256: hash('sha256', body, 'hex') });
  const confidence = identificationConfidence(found);
  if (found.expression === null) {
    const near = nearestCandidates(found);
    context.diagnostics.push(diagnostic('sbom-licence-unknown', `${context.component}: the licence text at ${at} could not be identified${near ? ` (nearest: ${near})` : ''}`, { location, component: context.component }));
  }
  return { kind: 'licence-file', expression: found.expression, confidence: Math.round(confidence * 1000) / 1000, location, sha256 };
}

/** Decodes a CycloneDX attachment (`content`, `encoding: base64`); undefined when malformed. */
export function attachment(value: unknown): Buffer | undefined {
  if (typeof value === 'string') return Buffer.from(value, 'utf8');
  if (typeof value !== 'object' || value === null) return undefined;
  const { content, encoding } = value as { content?: unknown; encoding?: unknown };
  if (typeof content !== 'string') return undefined;
  if (encoding === undefined) return Buffer.from(content, 'utf8');
  if (encoding !== 'base64' || !/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(content)) return undefined;
  return Buffer.from(content, 'base64');
}

/**
 * What copyfair itself recorded in an SBOM it wrote (`copyfair:unresolved`): a person must look
 * at this component whatever its licence says. Kept as an unidentified text, so it stays unknown.
 */
export function unresolved(reason: string, at: string, context: ClaimContext): Evidence {
  const location = { file: context.file, pointer: at };
  context.diagnostics.push(diagnostic('sbom-licence-unknown', `${context.component}: the SBOM records that a person must look: ${reason}`, { location, component: context.component }));
  return { kind: 'licence-file', expression: null, confidence: 0, location, sha256: '' };
}
