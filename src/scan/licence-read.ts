// Reading one licence file for the identify stage: its bytes, hash and identification, as data.
import { createHash } from 'node:crypto';
import type { ReadOnlyFs } from '../ecosystems/fs.js';
import { decodeLicenceText, looksBinary } from '../identify/decode.js';
import type { identifyLicenceText } from '../identify/identify-file.js';
import { isReadme } from '../identify/readme.js';
import { isThirdPartyNotices } from '../identify/third-party.js';
import type { IdentificationCache } from './identification-cache.js';

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
  let bytes: Buffer;
  try {
    bytes = await fs.readBytes(file, MAX_LICENCE_BYTES);
  } catch (error) {
    return { kind: 'unreadable', message: (error as Error).message };
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (looksBinary(bytes)) return { kind: 'binary', sha256 };
  const name = file.split('/').pop()!;
  const key = isReadme(name) ? `readme:${sha256}` : isThirdPartyNotices(name) ? `third-party:${sha256}` : sha256;
  let found = store.scan.get(key) ?? store.kept?.get(key);
  if (!found) {
    // Only texts are kept, and an empty one is never kept, so what either holds is a text's.
    const text = decodeLicenceText(bytes);
    if (text.trim() === '') return { kind: 'empty', sha256 };
    const { identifyLicenceText } = await import('../identify/identify-file.js');
    found = identifyLicenceText(file, text);
    store.kept?.set(key, found);
  }
  store.scan.set(key, found);
  return { kind: 'text', sha256, found };
}
