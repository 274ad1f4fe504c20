// SBOMs as a source: a CycloneDX JSON (1.4–1.6) or SPDX 2.3 JSON file someone else's tool wrote
// is read into Components whose evidence points into it (file and JSON pointer). Read only when
// asked for (`scan bom.json`, `scan --sbom FILE`, `diff`): a folder scan never guesses at one.
import { diagnostic } from '../../diagnostics.js';
import type { Diagnostic } from '../../types.js';
import type { ReadOnlyFs } from '../fs.js';
import type { Collected, Ecosystem } from '../types.js';
import { readCycloneDx } from './cyclonedx.js';
import { toComponents } from './graph.js';
import { isRecord, type SbomGraph } from './model.js';
import { readSpdx } from './spdx.js';
import { loadTextIdentifier, type KeptIdentifications } from '../../identify/text-identifier.js';

/** SBOMs larger than this are refused (a large organisation's SBOM is tens of megabytes). */
export const MAX_SBOM_BYTES = 512 * 1024 * 1024;

export type SbomKind = 'cyclonedx' | 'spdx';

/** Which kind of SBOM a parsed JSON document is, if any. */
export function sbomKind(document: unknown): SbomKind | undefined {
  if (!isRecord(document)) return undefined;
  if (document.bomFormat === 'CycloneDX') return 'cyclonedx';
  if (typeof document.spdxVersion === 'string' && document.spdxVersion.startsWith('SPDX-')) return 'spdx';
  return undefined;
}

/** The SBOM ecosystem for one file, relative to the fs root. */
export function sbom(file: string): Ecosystem {
  return {
    id: 'sbom',
    detect: async (fs) => ((await fs.exists(file)) ? [{ kind: 'sbom', file }] : []),
    collect: async (fs, sources, options): Promise<Collected> => {
      await loadTextIdentifier(); // an SBOM may attach licence texts
      const diagnostics: Diagnostic[] = [];
      const graph = await readSbom(fs, sources[0]!.file, options.kb, diagnostics, options.kept);
      const used = [{ kind: 'sbom', file }];
      if (!graph) return { projects: [], components: [], sources: used, diagnostics };
      const project = graph.project ?? { name: 'project' };
      return {
        projects: [{ name: project.name, ...(project.version ? { version: project.version } : {}), directory: '' }],
        components: toComponents(file, graph),
        sources: used,
        diagnostics,
      };
    },
  };
}

async function readSbom(fs: ReadOnlyFs, file: string, kb: Parameters<typeof readSpdx>[2], diagnostics: Diagnostic[], kept: KeptIdentifications | undefined): Promise<SbomGraph | undefined> {
  let text: string;
  try {
    text = await fs.readText(file, MAX_SBOM_BYTES);
  } catch (error) {
    diagnostics.push(diagnostic('sbom-invalid', (error as Error).message, { location: { file } }));
    return undefined;
  }
  let document: unknown;
  try {
    document = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message);
    const at: { line?: number; column?: number } = position ? lineColumn(text, Number(position[1])) : {};
    diagnostics.push(diagnostic('sbom-invalid', `${file}${at.line ? `:${at.line}:${at.column}` : ''} is not valid JSON: ${(error as Error).message.replace(/ in JSON at position \d+.*$/, '')}`, { location: { file, ...at } }));
    return undefined;
  }
  const kind = sbomKind(document);
  if (!kind) {
    diagnostics.push(diagnostic('sbom-invalid', `${file} is JSON but neither CycloneDX (no "bomFormat": "CycloneDX") nor SPDX (no "spdxVersion")`, { location: { file, pointer: '' } }));
    return undefined;
  }
  return kind === 'cyclonedx' ? readCycloneDx(file, document as Record<string, unknown>, kb, diagnostics, kept) : readSpdx(file, document as Record<string, unknown>, kb, diagnostics, kept);
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}
