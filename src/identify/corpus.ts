// The known licence texts in the form matching needs: one entry per distinct text, its shingle set,
// the keys of the exact path, and an inverted index from shingle to entries. Built by
// `scripts/build-texts.js` into dist/identify/corpus.json; loaded lazily on first identification,
// so commands that never read a licence text (`--version`, `check`) never pay for it.
import { existsSync, readFileSync } from 'node:fs';
import { compileCorpus, type CorpusFile } from './compile-corpus.js';
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
 * The corpus, loaded on first use: the precompiled `corpus.json` next to this module when it
 * exists (the built package), otherwise compiled from `spdx-license-list` and `licences/texts/`
 * (running from source, as the tests do).
 */
export function loadCorpus(): Corpus {
  if (cached) return cached;
  const built = new URL('./corpus.json', import.meta.url);
  const file = existsSync(built)
    ? (JSON.parse(readFileSync(built, 'utf8')) as CorpusFile)
    : compileCorpus(new URL('../../licences/texts/', import.meta.url));
  cached = fromFile(file);
  return cached;
}

/** Decodes the JSON form of the corpus. */
export function fromFile(file: CorpusFile): Corpus {
  const entries = file.entries.map((entry) => ({
    id: entry.id,
    alsoIds: entry.alsoIds,
    kind: entry.kind,
    words: entry.words,
    shingles: fromBase64Uint32(entry.shingles),
    terms: entry.terms,
  }));
  const byId = new Map<string, number>();
  entries.forEach((entry, index) => {
    // A text and its copy without end text share an id; the full text is the one to name.
    for (const id of [entry.id, ...entry.alsoIds]) if (!byId.has(id)) byId.set(id, index);
  });
  return {
    entries,
    exact: new Map(Object.entries(file.exact)),
    index: {
      keys: fromBase64Uint32(file.index.keys),
      starts: fromBase64Uint32(file.index.starts),
      entries: fromBase64Uint16(file.index.entries),
    },
    byId,
  };
}
