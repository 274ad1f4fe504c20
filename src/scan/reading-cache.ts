// What a scan read out of a project's metadata files, kept between scans of that project in the
// user's cache folder (never in the scanned tree). Reading an installed npm tree means parsing
// every package's package.json (JSON.parse building every field of 1,379 files on a real tree,
// then picking out the dozen copyfair reads); a repeat scan of the same tree reads the same texts.
// So what a reader derived from a text is kept under the SHA-256 of the text, the reader's name and
// the fingerprint of the build that derived it: a text that changed by one byte is read again, and
// another build (other code, other data) never reads what this one kept.
//
// One file per project (by its resolved path) and build, holding what the project's last scan
// used, so its size follows the project's and a scan reads no other project's entries. It is
// written when a scan read a text the file did not hold, or used under three quarters of what it
// held, into a new file renamed over the old one. A missing, unreadable or damaged file is an empty
// cache: every text is read, as without one. The folder holds at most MAX_FILES such files, and none
// no scan has used for a month: scans of throwaway folders (a CI job checking out to a new path
// each time) must not fill a disk.
import { hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ReadingCache } from '../ecosystems/types.js';
import { cacheFile, markUsed, removeUnused, writeAtomically } from './cache-files.js';
import { sha256Hex } from '../util/sha256.js';

export type { ReadingCache };

const FORMAT = 'copyfair readings 3';
const PREFIX = 'readings-';
const SUFFIX = '.json';
/** The most files (projects × builds) the folder keeps: past it, the ones least recently used go. */
export const MAX_FILES = 32;

/**
 * The file: this header as one line of JSON, then the entries as one JSON object. The header holds
 * the entries' SHA-256, so a file damaged in a way that still parses (a disk error, an edit by
 * hand) is an empty cache, never a reading of the wrong shape or of another text.
 */
interface Header {
  format: string;
  fingerprint: string;
  project: string;
  sha256: string;
}

/** The file for `project` (a folder) and the build `fingerprint` in the cache folder `dir`. */
export function readingCacheFile(dir: string, fingerprint: string, project: string): string {
  const where = hash('sha256', resolve(project), 'hex').slice(0, 16);
  return cacheFile(dir, PREFIX, fingerprint, [where], SUFFIX);
}

/** The kept readings of `project` made by the build `fingerprint`, in `dir`. Nothing is read before the first `read`. */
export function openReadingCache(dir: string, fingerprint: string, project: string): ReadingCache {
  const file = readingCacheFile(dir, fingerprint, project);
  const projectPath = resolve(project);
  let kept: Map<string, unknown> | undefined;
  const used = new Map<string, unknown>();
  let missed = 0;
  const load = () => {
    if (kept) return kept;
    kept = readCacheFile(file, fingerprint, projectPath);
    // A file in use: its time is what keeps other projects' writes from removing it.
    if (kept.size > 0) markUsed(file);
    return kept;
  };
  return {
    read<T>(reader: string, text: string, read: (text: string) => T): T {
      const key = `${reader}:${sha256Hex(text)}`;
      // Readers' callers never change what they are given: one value serves every asker.
      const found = used.get(key) ?? load().get(key);
      if (found !== undefined) {
        used.set(key, found);
        return found as T;
      }
      const value = read(text);
      missed++;
      used.set(key, value);
      return value;
    },
    touch() {
      markUsed(file);
    },
    save() {
      const before = kept?.size ?? 0;
      if (missed === 0 && used.size * 4 >= before * 3) return;
      if (used.size === 0) return;
      try {
        writeCacheFile(dir, file, { format: FORMAT, fingerprint, project: projectPath }, Object.fromEntries(used));
      } catch {
        // A read-only or full disk: the next scan reads the texts again.
      }
    },
  };
}

function readCacheFile(file: string, fingerprint: string, project: string): Map<string, unknown> {
  try {
    const text = readFileSync(file, 'utf8');
    const newline = text.indexOf('\n');
    if (newline === -1) return new Map();
    const header = JSON.parse(text.slice(0, newline)) as Partial<Header>;
    if (header.format !== FORMAT || header.fingerprint !== fingerprint || header.project !== project) return new Map();
    const body = text.slice(newline + 1);
    if (hash('sha256', body, 'hex') !== header.sha256) return new Map();
    const entries = JSON.parse(body) as unknown;
    if (!entries || typeof entries !== 'object' || Array.isArray(entries)) return new Map();
    return new Map(Object.entries(entries).filter(([, value]) => value !== null && value !== undefined));
  } catch {
    return new Map();
  }
}

function writeCacheFile(dir: string, file: string, header: Omit<Header, 'sha256'>, entries: Record<string, unknown>): void {
  const body = JSON.stringify(entries);
  writeAtomically(dir, file, `${JSON.stringify({ ...header, sha256: hash('sha256', body, 'hex') })}\n${body}`);
  // Other builds' and projects' files no scan has used for a month, and past MAX_FILES the least recently used.
  removeUnused(dir, file, PREFIX, { maxFiles: MAX_FILES, suffix: SUFFIX });
}
