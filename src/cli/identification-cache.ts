// The CLI edge of the identifications kept between scans: where they live (the user's cache
// folder, never the scanned tree), which build made them, and the ways to turn them off.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { openIdentificationCache, type IdentificationCache } from '../scan/identification-cache.js';
import { openReadingCache, type ReadingCache } from '../scan/reading-cache.js';
import { openScanReplay, type ScanReplay } from '../scan/replay.js';
import { homeOf } from './environment.js';
import { onCi } from '../util/ci.js';

/** Packages whose data the identification reads: another version of one may give other answers. */
const DATA_PACKAGES = ['spdx-license-list', 'spdx-license-ids', 'spdx-exceptions', 'spdx-correct', 'spdx-expression-parse'];

/**
 * The cache for a scan of `root`, or undefined when there is none: `--no-cache`,
 * `COPYFAIR_NO_CACHE=1`, a build without a fingerprint (running from the sources), or a cache
 * folder inside the scanned tree (a scan writes nothing there).
 */
export function identificationCacheFor(root: string, variables: NodeJS.ProcessEnv, wanted = true, fingerprint = buildFingerprint()): IdentificationCache | undefined {
  const folder = cacheFolderFor(root, variables, wanted, fingerprint);
  return folder && openIdentificationCache(folder.dir, folder.fingerprint);
}

/**
 * What earlier scans of `root` read out of its metadata files (src/scan/reading-cache.ts), or
 * undefined when there is no cache, on the same conditions as identificationCacheFor.
 */
export function readingCacheFor(root: string, variables: NodeJS.ProcessEnv, wanted = true, fingerprint = buildFingerprint()): ReadingCache | undefined {
  const folder = cacheFolderFor(root, variables, wanted, fingerprint);
  return folder && openReadingCache(folder.dir, folder.fingerprint, root);
}

/**
 * The scans of `root` kept whole (src/scan/replay.ts), or undefined when there is no cache, on the
 * same conditions as identificationCacheFor. On a CI runner a kept scan is not written again for
 * its files' new stamps: the runner installs the packages afresh before each scan.
 */
export function scanReplayFor(root: string, variables: NodeJS.ProcessEnv, wanted = true, fingerprint = buildFingerprint()): ScanReplay | undefined {
  const folder = cacheFolderFor(root, variables, wanted, fingerprint);
  return folder && openScanReplay(folder.dir, folder.fingerprint, root, { refresh: !onCi(variables) });
}

function cacheFolderFor(root: string, variables: NodeJS.ProcessEnv, wanted: boolean, fingerprint: string | null): { dir: string; fingerprint: string } | undefined {
  if (!wanted || isSet(variables.COPYFAIR_NO_CACHE)) return undefined;
  if (!fingerprint) return undefined;
  const dir = cacheDir(variables);
  if (!dir) return undefined;
  const inside = relative(resolve(root), dir);
  if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))) return undefined;
  return { dir, fingerprint };
}

/**
 * `$COPYFAIR_CACHE_DIR`, else the platform's cache folder: `$XDG_CACHE_HOME/copyfair` or
 * `~/.cache/copyfair`, `~/Library/Caches/copyfair` on macOS, `%LOCALAPPDATA%\copyfair\Cache` on Windows.
 */
export function cacheDir(variables: NodeJS.ProcessEnv): string | undefined {
  if (variables.COPYFAIR_CACHE_DIR) return resolve(variables.COPYFAIR_CACHE_DIR);
  if (variables.XDG_CACHE_HOME && isAbsolute(variables.XDG_CACHE_HOME)) return join(variables.XDG_CACHE_HOME, 'copyfair');
  let home: string;
  try {
    home = homeOf(variables);
  } catch {
    return undefined;
  }
  if (!home) return undefined;
  if (process.platform === 'darwin') return join(home, 'Library', 'Caches', 'copyfair');
  if (process.platform === 'win32') return join(variables.LOCALAPPDATA || join(home, 'AppData', 'Local'), 'copyfair', 'Cache');
  return join(home, '.cache', 'copyfair');
}

let fingerprint: string | null | undefined;

/**
 * This build's id (dist/build-id.json, written by `npm run build`) with the data packages' versions
 * and the Unicode tables of this Node (normalisation reads letters and case by them); null without one.
 */
export function buildFingerprint(): string | null {
  if (fingerprint !== undefined) return fingerprint;
  try {
    const { id } = JSON.parse(readFileSync(new URL('../build-id.json', import.meta.url), 'utf8')) as { id?: unknown };
    if (typeof id !== 'string' || id === '') return (fingerprint = null);
    const require = createRequire(import.meta.url);
    const hash = createHash('sha256').update(id).update(`\0node ${process.versions.node} icu ${process.versions.icu ?? ''} unicode ${process.versions.unicode ?? ''}`);
    for (const name of DATA_PACKAGES) {
      const { version } = JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version?: unknown };
      hash.update(`\0${name}@${String(version)}`);
    }
    return (fingerprint = hash.digest('hex'));
  } catch {
    return (fingerprint = null);
  }
}

function isSet(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}
