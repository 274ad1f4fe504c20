// What both SBOM readers (CycloneDX, SPDX) produce: entries with their licence evidence and the
// edges between them, before they become Components (see graph.ts).
import type { Evidence, Scope } from '../../types.js';

/** One package the SBOM lists. */
export interface SbomEntry {
  /** The SBOM's own id for it (CycloneDX bom-ref, SPDX SPDXID). */
  ref: string;
  name: string;
  version: string;
  purl?: string;
  /** JSON pointer of the entry in the SBOM. */
  pointer: string;
  /** The scope the SBOM states for the entry itself (CycloneDX `scope`, copyfair's property). */
  scope?: Scope;
  evidence: Evidence[];
}

/** A dependency edge, `from` bringing in `to`, with the scope the edge gives. */
export interface SbomEdge {
  from: string;
  to: string;
  scope: Scope;
}

/** An SBOM read into entries and edges. */
export interface SbomGraph {
  /** The project the SBOM describes (CycloneDX metadata.component, SPDX DESCRIBES). */
  project?: { ref?: string; name: string; version?: string };
  /** Refs the dependency paths start from (the project's). */
  roots: string[];
  entries: SbomEntry[];
  edges: SbomEdge[];
}

/** A JSON pointer (RFC 6901) from its reference tokens. */
export function pointer(...tokens: (string | number)[]): string {
  return tokens.map((token) => `/${String(token).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** Ecosystem of a package URL's type, named as copyfair's ecosystems are. */
const ECOSYSTEM_OF_PURL: Record<string, string> = { npm: 'npm', pypi: 'python', cargo: 'cargo', golang: 'go' };

export function ecosystemOf(purl: string | undefined): string {
  const type = purl ? /^pkg:([a-zA-Z][a-zA-Z0-9.+-]*)\//.exec(purl)?.[1]?.toLowerCase() : undefined;
  if (!type) return 'unknown';
  return ECOSYSTEM_OF_PURL[type] ?? type;
}

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
