// Identifications kept between scans, in the user's cache folder (never in the scanned tree). A
// licence text's identification depends on its bytes, on whether it is a README, and on copyfair's
// own code and data alone; so an answer worked out once on a machine is kept under the SHA-256 of
// the file and the fingerprint of the build that worked it out, and a scan that meets the same file
// again (the next run of the same project, another project with the same MIT file) reads the
// answer instead of identifying the text again. A build with other code or data has another
// fingerprint, hence another file: an answer is never read by a build that did not make it.
//
// One file per fingerprint: a header (the keys, where each answer lies, and the run that last used
// it) and the answers, each serialised on its own, so a scan deserialises only the answers it asks
// for. What a scan adds is written when it ends, into a new file renamed over the old one (two scans
// at once lose at most one's additions, never corrupt the file). A missing, unreadable or damaged
// file is an empty cache: the scan identifies the texts, as it would without one.
import { readFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import type { KeptIdentifications } from '../identify/text-identifier.js';
import type { Identified } from './licence-read.js';
import { cacheFile, markUsed, removeUnused, writeAtomically } from './cache-files.js';

/**
 * What a scan asks of the cache; `scan` works the same without one. Keys: a licence file's SHA-256
 * (`readme:` before it for a README's License section; src/scan/licence-read.ts), and `text:` with
 * the SHA-256 of a licence text read out of metadata (src/identify/text-identifier.ts).
 */
export interface IdentificationCache extends KeptIdentifications {
  /** The answer kept for this key, if any. */
  get(key: string): Identified | undefined;
  /** Keeps an answer worked out in this scan. */
  set(key: string, found: Identified): void;
  /** Writes what this scan added, if anything; never throws (a cache that cannot be written is only slower). */
  save(): void;
  /** Marks the file used without reading it: a scan a kept scan answered still needs its answers kept. */
  touch?(): void;
}

/** Answers kept per fingerprint: a project holds a few hundred distinct licence texts. */
export const MAX_ENTRIES = 16384;
const MAGIC = Buffer.from('copyfair identifications 1\n');
const PREFIX = 'identifications-';
const SUFFIX = '.bin';

interface Header {
  fingerprint: string;
  /** Incremented by each write; an answer's generation is the last write whose scan used it. */
  generation: number;
  keys: string[];
  lengths: number[];
  generations: number[];
}

interface Entry {
  start: number;
  length: number;
  generation: number;
}

/** The cache of answers made by the build `fingerprint`, kept in `dir`. Nothing is read before the first `get`. */
export function openIdentificationCache(dir: string, fingerprint: string, limit = MAX_ENTRIES): IdentificationCache {
  const file = cacheFile(dir, PREFIX, fingerprint, [], SUFFIX);
  let loaded: { buffer: Buffer; header: Header; entries: Map<string, Entry> } | undefined;
  const added = new Map<string, { found: Identified; bytes: Buffer }>();
  const used = new Set<string>();
  const load = () => (loaded ??= readCacheFile(file, fingerprint));
  let touched = false;
  return {
    get(key) {
      // Kept by this process already: a diff's second scan reads what its first identified.
      const fresh = added.get(key);
      if (fresh) return fresh.found;
      const { buffer, entries } = load();
      const entry = entries.get(key);
      if (!entry) return undefined;
      const found = readAnswer(buffer.subarray(entry.start, entry.start + entry.length));
      if (found) used.add(key);
      else entries.delete(key);
      if (found && !touched) {
        // A file that answers is in use: its time is what keeps other builds from removing it as stale.
        touched = true;
        markUsed(file);
      }
      return found;
    },
    set(key, found) {
      try {
        added.set(key, { found, bytes: serialize(found) });
        used.add(key);
      } catch {
        // Not plain data: not kept (every answer is plain data; this is a guard, not a path).
      }
    },
    touch() {
      if (!touched) markUsed(file);
      touched = true;
    },
    save() {
      if (added.size === 0) return;
      try {
        writeCacheFile(dir, file, fingerprint, load(), added, used, limit);
      } catch {
        // A read-only or full disk: the next scan identifies again.
      }
    },
  };
}

function readCacheFile(file: string, fingerprint: string): { buffer: Buffer; header: Header; entries: Map<string, Entry> } {
  const empty = { buffer: Buffer.alloc(0), header: { fingerprint, generation: 0, keys: [], lengths: [], generations: [] }, entries: new Map<string, Entry>() };
  let buffer: Buffer;
  try {
    buffer = readFileSync(file);
  } catch {
    return empty;
  }
  try {
    if (buffer.length < MAGIC.length + 4 || !buffer.subarray(0, MAGIC.length).equals(MAGIC)) return empty;
    const headerLength = buffer.readUInt32LE(MAGIC.length);
    const headerStart = MAGIC.length + 4;
    const header = JSON.parse(buffer.toString('utf8', headerStart, headerStart + headerLength)) as Header;
    if (!isHeader(header) || header.fingerprint !== fingerprint) return empty;
    const entries = new Map<string, Entry>();
    let start = headerStart + headerLength;
    for (let index = 0; index < header.keys.length; index++) {
      const length = header.lengths[index]!;
      if (start + length > buffer.length) return empty;
      entries.set(header.keys[index]!, { start, length, generation: header.generations[index]! });
      start += length;
    }
    return { buffer, header, entries };
  } catch {
    return empty;
  }
}

function isHeader(value: unknown): value is Header {
  if (!value || typeof value !== 'object') return false;
  const header = value as Partial<Header>;
  const count = header.keys?.length;
  return (
    typeof header.fingerprint === 'string' &&
    Number.isSafeInteger(header.generation) &&
    Array.isArray(header.keys) &&
    Array.isArray(header.lengths) &&
    Array.isArray(header.generations) &&
    header.lengths.length === count &&
    header.generations.length === count &&
    header.keys.every((key) => typeof key === 'string') &&
    header.lengths.every((length) => Number.isSafeInteger(length) && length > 0) &&
    header.generations.every((generation) => Number.isSafeInteger(generation))
  );
}

/** One kept answer, or undefined when it does not read back as an identification. */
function readAnswer(bytes: Buffer): Identified | undefined {
  try {
    const found = deserialize(bytes) as Identified;
    if (!found || typeof found !== 'object' || !('expression' in found)) return undefined;
    if (found.expression !== null && typeof found.expression !== 'string') return undefined;
    if (!Array.isArray(found.matches) || !Array.isArray(found.candidates)) return undefined;
    return found;
  } catch {
    return undefined;
  }
}

function writeCacheFile(dir: string, file: string, fingerprint: string, old: { buffer: Buffer; header: Header; entries: Map<string, Entry> }, added: Map<string, { bytes: Buffer }>, used: Set<string>, limit: number): void {
  const generation = old.header.generation + 1;
  const rows: { key: string; bytes: Buffer; generation: number }[] = [];
  for (const [key, entry] of old.entries) {
    if (added.has(key)) continue;
    rows.push({ key, bytes: old.buffer.subarray(entry.start, entry.start + entry.length), generation: used.has(key) ? generation : entry.generation });
  }
  for (const [key, { bytes }] of added) rows.push({ key, bytes, generation });
  // Over the limit, the answers no recent scan used go first (a stable sort keeps the file's order otherwise).
  if (rows.length > limit) rows.sort((a, b) => b.generation - a.generation).splice(limit);
  const header: Header = { fingerprint, generation, keys: rows.map((row) => row.key), lengths: rows.map((row) => row.bytes.length), generations: rows.map((row) => row.generation) };
  const headerBytes = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(headerBytes.length);
  writeAtomically(dir, file, Buffer.concat([MAGIC, length, headerBytes, ...rows.map((row) => row.bytes)]));
  // Other builds' cache files (and temporary files of interrupted writes) no scan has read from or written for a month.
  removeUnused(dir, file, PREFIX);
}
