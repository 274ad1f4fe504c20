// The pinned reference data, for the scripts that compile or measure from it (never needed by a
// build or a test: their output is committed): where it lives, how its gzipped JSON-lines files are
// read, which ScanCode licences a generated family file takes, and how it lists their ids.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * $COPYFAIR_SHARED, or a `shared` folder beside the clone or beside its parent (a worktree lies one
 * level deeper than the main clone), whichever holds data/.
 */
export const sharedDir = [process.env.COPYFAIR_SHARED, join(root, '../shared'), join(root, '../../shared')].find((dir) => dir && existsSync(join(dir, 'data'))) ?? join(root, '../shared');

/** The records of a gzipped JSON-lines file (ScanCode's licenses.jsonl.gz, rules.jsonl.gz). */
export function jsonLines(file) {
  return gunzipSync(readFileSync(file))
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
}

/**
 * The ScanCode licences a generated family file lists: current (not deprecated), with a
 * `LicenseRef-scancode-` id (SPDX's own ids are judged by their own files), kept by `keep`, in id order.
 */
export function scanCodeRefs(licences, keep) {
  return [...licences]
    .filter((licence) => !licence.is_deprecated && licence.spdx_license_key?.startsWith('LicenseRef-scancode-') && keep(licence))
    .sort((a, b) => (a.spdx_license_key < b.spdx_license_key ? -1 : 1));
}

/** A generated family file's `ids:` and `reasons:` for ScanCode licences, each with its reason. */
export function familyIds(licences, reason) {
  return [
    'ids:',
    ...licences.map((licence) => `- ${licence.spdx_license_key}`),
    'reasons:',
    ...licences.map((licence) => `  ${licence.spdx_license_key}: ${JSON.stringify(reason(licence))}`),
  ];
}
