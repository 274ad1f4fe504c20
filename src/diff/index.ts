// `copyfair diff`: the scan run on two inputs (BASE, HEAD) and the two reports compared: what this
// change adds to what is owed. Runs git (read-only) to read revisions; the scan itself still
// executes nothing.
import type { ScanOptions } from '../scan/index.js';
import { scan } from '../scan/index.js';
import type { Report } from '../types.js';
import { compare } from './compare.js';
import { projectFilesFs, resolveSide, type Side, type SideOptions } from './sides.js';
import type { DiffReport } from './types.js';

export type { Change, DiffReport, DiffSide, Existing } from './types.js';
export { SideError } from './sides.js';

export interface DiffOptions extends SideOptions, Omit<ScanOptions, 'fs' | 'sbom' | 'hooks'> {
  /** Policy hooks for each side's scan (one set each: usage is counted per scan). */
  hooks?: () => ScanOptions['hooks'];
}

export interface DiffResult {
  diff: DiffReport;
  base: Report;
  head: Report;
  /** Set when one side is a revision and the other a folder: the folder was read as its project files only. */
  likeForLike: boolean;
}

export async function diff(baseSpec: string, headSpec: string, options: DiffOptions): Promise<DiffResult> {
  let base = resolveSide(baseSpec, options);
  let head = resolveSide(headSpec, options);
  // A revision has no node_modules: read the folder the same way, or every licence file the
  // installed tree shows would look like a change.
  const likeForLike = (base.kind === 'git' && head.kind === 'folder') || (head.kind === 'git' && base.kind === 'folder');
  if (likeForLike) {
    if (base.kind === 'folder') base = { ...base, fs: projectFilesFs(base.root) };
    if (head.kind === 'folder') head = { ...head, fs: projectFilesFs(head.root) };
  }
  const baseReport = await scanSide(base, options);
  const headReport = await scanSide(head, options);
  return {
    diff: compare({ base: { label: base.label, kind: base.kind, report: baseReport }, head: { label: head.label, kind: head.kind, report: headReport } }),
    base: baseReport,
    head: headReport,
    likeForLike,
  };
}

function scanSide(side: Side, options: DiffOptions): Promise<Report> {
  const { cwd: _cwd, path: _path, hooks, ...scanOptions } = options;
  return scan(side.root, { ...scanOptions, hooks: hooks?.(), ...(side.fs ? { fs: side.fs } : {}), ...(side.sbom ? { sbom: side.sbom } : {}) });
}
