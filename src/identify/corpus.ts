// The known licence texts in the form matching needs: one entry per distinct text, its shingle set,
// the keys of the exact path, and an inverted index from shingle to entries. Built by
// `scripts/build-texts.js` into dist/identify/corpus.bin (a small JSON header, then the shingle
// arrays as bytes, which load as views without decoding); loaded lazily on first identification,
// so commands that never read a licence text (`--version`, `check`) never pay for it.
import { existsSync, readFileSync } from 'node:fs';
import { compileCorpus, type CorpusFile } from './compile-corpus.js';
import { FAMILY_WORDS } from './family-words.js';
import { referenceWordsAmong } from './reference-words.js';
import { fromBase64Uint16, fromBase64Uint32 } from './shingles.js';

/** One distinct known text. */
export interface CorpusEntry {
  /** The id reported for this text (SPDX id, exception id or LicenseRef-…). */
  id: string;
  /** Other ids whose text is the same once normalised (e.g. GPL-2.0-or-later for GPL-2.0-only). */
  alsoIds: string[];
  kind: 'licence' | 'exception';
  /** Number of normalised words. */
  words: number;
  /** Distinct shingles, sorted. */
  shingles: Uint32Array;
  /** The condition and restriction words the text itself uses (insertions.ts). */
  terms: string[];
  /**
   * Which of FAMILY_WORDS its reference words hold (reference-words.ts), null when they cannot be
   * told; stored by the build for strayGrant, absent when running from source.
   */
  familyWords?: string[] | null;
}

/** Posting lists: the entries holding each shingle. */
export interface ShingleIndex {
  /** Distinct shingles, sorted. */
  keys: Uint32Array;
  /** `entries[starts[k] .. starts[k + 1]]` hold `keys[k]`. */
  starts: Uint32Array;
  entries: Uint16Array;
}

/** The compiled corpus, ready to match against. */
export interface Corpus {
  entries: CorpusEntry[];
  /** Exact-path key (see exact.ts) → entry index. */
  exact: Map<string, number>;
  index: ShingleIndex;
  /** Entry index by id, including `alsoIds`. */
  byId: Map<string, number>;
}

let cached: Corpus | undefined;

/**
 * The corpus, loaded on first use: the precompiled `corpus.bin` next to this module when it
 * exists (the built package), otherwise compiled from `spdx-license-list` and `licences/texts/`
 * (running from source, as the tests do).
 */
export function loadCorpus(): Corpus {
  if (cached) return cached;
  const built = new URL('./corpus.bin', import.meta.url);
  cached = existsSync(built) ? openCorpus(readFileSync(built)) : fromFile(compileCorpus(new URL('../../licences/texts/', import.meta.url)));
  return cached;
}

/** Decodes the JSON form of the corpus. */
export function fromFile(file: CorpusFile): Corpus {
  const entries = file.entries.map((entry) => ({ ...entry, shingles: fromBase64Uint32(entry.shingles) }));
  const index = { keys: fromBase64Uint32(file.index.keys), starts: fromBase64Uint32(file.index.starts), entries: fromBase64Uint16(file.index.entries) };
  return assemble(entries, file.exact, index);
}

function assemble(entries: CorpusEntry[], exact: Record<string, number>, index: ShingleIndex): Corpus {
  const byId = new Map<string, number>();
  entries.forEach((entry, at) => {
    // A text and its copy without end text share an id; the full text is the one to name.
    for (const id of [entry.id, ...entry.alsoIds]) if (!byId.has(id)) byId.set(id, at);
  });
  return { entries, exact: new Map(Object.entries(exact)), index, byId };
}

/** Where an array lies in the bytes after the header: byte offset and number of elements. */
type Span = [number, number];

/** The header of corpus.bin: the JSON form with each array replaced by its span. */
interface CorpusHeader {
  version: 1;
  entries: (Omit<CorpusFile['entries'][number], 'shingles'> & { shingles: Span; familyWords: string[] | null })[];
  exact: Record<string, number>;
  index: { keys: Span; starts: Span; entries: Span };
}

/** The JSON form packed for loading without decoding: a 4-byte header length, the header, the arrays (4-byte aligned). */
export function packCorpus(file: CorpusFile): Buffer {
  const arrays: Buffer[] = [];
  let offset = 0;
  const place = (values: Uint32Array | Uint16Array): Span => {
    const bytes = Buffer.from(values.buffer, values.byteOffset, values.byteLength);
    const span: Span = [offset, values.length];
    const padding = (4 - (bytes.length % 4)) % 4;
    arrays.push(bytes, Buffer.alloc(padding));
    offset += bytes.length + padding;
    return span;
  };
  const header: CorpusHeader = {
    version: 1,
    entries: file.entries.map((entry) => {
      const shingles = fromBase64Uint32(entry.shingles);
      return { ...entry, shingles: place(shingles), familyWords: referenceWordsAmong({ ...entry, shingles }, FAMILY_WORDS) };
    }),
    exact: file.exact,
    index: { keys: place(fromBase64Uint32(file.index.keys)), starts: place(fromBase64Uint32(file.index.starts)), entries: place(fromBase64Uint16(file.index.entries)) },
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const start = Buffer.alloc(4);
  // The arrays start at a multiple of 4, so they can be viewed in place.
  const padded = Buffer.concat([json, Buffer.alloc((4 - ((4 + json.length) % 4)) % 4, ' ')]);
  start.writeUInt32LE(padded.length);
  return Buffer.concat([start, padded, ...arrays]);
}

/** Opens a buffer written by {@link packCorpus}; the shingle arrays are views of it. */
export function openCorpus(bytes: Buffer): Corpus {
  // Views need 4-byte alignment; a buffer of a whole file is its own allocation, but copy if not.
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : Buffer.from(new Uint8Array(bytes));
  const length = aligned.readUInt32LE(0);
  const header = JSON.parse(aligned.toString('utf8', 4, 4 + length)) as CorpusHeader;
  const base = aligned.byteOffset + 4 + length;
  const u32 = ([offset, count]: Span) => new Uint32Array(aligned.buffer, base + offset, count);
  const u16 = ([offset, count]: Span) => new Uint16Array(aligned.buffer, base + offset, count);
  const entries = header.entries.map((entry) => ({ ...entry, shingles: u32(entry.shingles) }));
  return assemble(entries, header.exact, { keys: u32(header.index.keys), starts: u32(header.index.starts), entries: u16(header.index.entries) });
}
