// Reading one licence file for the identify stage: its bytes, hash and identification, as data.
import type { ReadOnlyFs } from '../ecosystems/fs.js';
import { decodeLicenceText, looksBinary } from '../identify/decode.js';
import type { identifyLicenceText } from '../identify/identify-file.js';
import { isReadme } from '../identify/readme.js';
import { isThirdPartyNotices } from '../identify/third-party.js';
import type { IdentificationCache } from './identification-cache.js';
import { sha256Hex } from '../util/sha256.js';

/** Licence files larger than this are not identified (a licence is rarely over 100 KB). */
export const MAX_LICENCE_BYTES = 1024 * 1024;

export type Identified = ReturnType<typeof identifyLicenceText>;

/** What reading a licence file gave. */
export type LicenceRead =
  | { kind: 'unreadable'; message: string }
  | { kind: 'binary'; sha256: string }
  | { kind: 'empty'; sha256: string }
  | { kind: 'text'; sha256: string; found: Identified };

/** Where a scan keeps identifications: by key for this scan, and between scans when a cache is given. */
export interface IdentifiedStore {
  scan: Map<string, Identified>;
  kept?: IdentificationCache;
}

/**
 * Reads and identifies one file. Identifications are kept by the file's SHA-256 (many packages
 * ship the very same file); a README's by its own key, as only its License section is read, and a
 * third-party notices file's by its own, as it may be read as informational (third-party.ts). The
 * answer depends on the key alone (and on copyfair's build, which the kept cache is keyed by). The
 * identification engine is loaded on the first text neither holds.
 */
export async function readLicence(fs: ReadOnlyFs, file: string, store: IdentifiedStore): Promise<LicenceRead> {
  const name = file.split('/').pop()!;
  const kind = isReadme(name) ? 'readme:' : isThirdPartyNotices(name) ? 'third-party:' : '';
  return readKept(fs, file, store, kind, async (text) => {
    const { identifyLicenceText } = await import('../identify/identify-file.js');
    return identifyLicenceText(file, text);
  });
}

/**
 * Reads a NOTICE or COPYRIGHT file: identified as a licence file is when its words state terms
 * (notice-terms.ts), else marked `statesNoTerms`, kept as evidence only. Kept by `notice:` and the
 * file's SHA-256 like any identification, so a repeat scan neither judges its words again nor loads
 * the rules that judge them (~20 ms of a repeat scan of the real tree, for one 197-byte NOTICE), and
 * a notice that states terms is read once, not once to judge and once to identify.
 */
export async function readNotice(fs: ReadOnlyFs, file: string, store: IdentifiedStore): Promise<LicenceRead> {
  return readKept(fs, file, store, 'notice:', async (text) => {
    const { statesTerms } = await import('../identify/notice-terms.js');
    if (!statesTerms(text)) return { expression: null, matches: [], candidates: [], statesNoTerms: true };
    const { identifyLicenceText } = await import('../identify/identify-file.js');
    return identifyLicenceText(file, text);
  });
}

/** Reads a file and answers it by `identify`, the answer kept under `kind` and its SHA-256. */
async function readKept(fs: ReadOnlyFs, file: string, store: IdentifiedStore, kind: string, identify: (text: string) => Promise<Identified>): Promise<LicenceRead> {
  let bytes: Buffer;
  try {
    bytes = await fs.readBytes(file, MAX_LICENCE_BYTES);
  } catch (error) {
    return { kind: 'unreadable', message: (error as Error).message };
  }
  const sha256 = sha256Hex(bytes);
  if (looksBinary(bytes)) return { kind: 'binary', sha256 };
  const key = `${kind}${sha256}`;
  let found = store.scan.get(key) ?? store.kept?.get(key);
  if (!found) {
    // Only texts are kept, and an empty one is never kept, so what either holds is a text's.
    const text = decodeLicenceText(bytes);
    if (text.trim() === '') return { kind: 'empty', sha256 };
    found = await identify(text);
    store.kept?.set(key, found);
  }
  store.scan.set(key, found);
  return { kind: 'text', sha256, found };
}
