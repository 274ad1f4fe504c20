// How the caches kept between scans write their files in the user's cache folder (identifications,
// src/scan/identification-cache.ts; readings, src/scan/reading-cache.ts): a new file renamed over
// the old one, so two scans at once lose at most one's additions and never leave a torn file; and,
// after a write, the files of the same kind no scan has used for a month removed; a file a scan
// reads from is marked used.
import { closeSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The name of a cache file in `dir`: `prefix`, the build's fingerprint (its first 32 characters
 * safe in a file name), then each of `parts` after a dash, then `suffix`.
 */
export function cacheFile(dir: string, prefix: string, fingerprint: string, parts: readonly string[], suffix: string): string {
  return join(dir, `${prefix}${[fingerprint.replace(/[^\w-]/g, '').slice(0, 32), ...parts].join('-')}${suffix}`);
}

/** Files no scan has read from or written for this long are removed when another is written. */
export const STALE_MS = 30 * 24 * 3600 * 1000;

/**
 * Writes `file` in `dir` (made if missing, for this user only) through a temporary file renamed over
 * it; `content` is the file's content, or writes it to the open file itself (a large file written
 * in parts, never held whole in memory).
 */
export function writeAtomically(dir: string, file: string, content: string | Uint8Array | ((descriptor: number) => void)): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.${Date.now().toString(36)}.tmp`;
  try {
    if (typeof content !== 'function') writeFileSync(temporary, content, { mode: 0o600 });
    else {
      const descriptor = openSync(temporary, 'w', 0o600);
      try {
        content(descriptor);
      } finally {
        closeSync(descriptor);
      }
    }
    renameSync(temporary, file);
  } finally {
    rmSync(temporary, { force: true });
  }
}

/**
 * Marks `file` as used by this scan (its time set to now): the time {@link removeUnused} reads, so
 * a file that still answers is never removed as unused. A read-only file stays as it is (it may be
 * removed after a month, and then rebuilt).
 */
export function markUsed(file: string): void {
  try {
    const now = new Date();
    utimesSync(file, now, now);
  } catch {
    // Read-only, or gone: only the clean-up is affected.
  }
}

/**
 * Removes the files of `dir` named `prefix…` other than `keep` (temporary files of interrupted
 * writes included) that no scan has used for {@link STALE_MS}; and, with `maxFiles`, past that
 * many files named `prefix…suffix` (`keep` counted), the least recently used.
 */
export function removeUnused(dir: string, keep: string, prefix: string, limit?: { maxFiles: number; suffix: string }): void {
  const now = Date.now();
  const recent: { path: string; time: number }[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (path === keep || !name.startsWith(prefix)) continue;
    try {
      const time = statSync(path).mtimeMs;
      if (now - time > STALE_MS) rmSync(path, { force: true });
      else if (limit && name.endsWith(limit.suffix)) recent.push({ path, time }); // not a write in progress
    } catch {
      // Gone already, or not ours to remove.
    }
  }
  if (limit) for (const { path } of recent.sort((a, b) => b.time - a.time).slice(limit.maxFiles - 1)) rmSync(path, { force: true });
}
