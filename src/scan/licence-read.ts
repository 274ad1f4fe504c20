// Reading one licence file for the identify stage: its bytes, hash and identification, as data,
// so the same step runs in the scan's thread or in an identification worker (identifier.ts).
import { createHash } from 'node:crypto';
import type { ReadOnlyFs } from '../ecosystems/fs.js';
import { decodeLicenceText, identifyLicenceText, looksBinary } from '../identify/index.js';
import { isReadme } from '../identify/readme.js';

/** Licence files larger than this are not identified (a licence is rarely over 100 KB). */
export const MAX_LICENCE_BYTES = 1024 * 1024;

export type Identified = ReturnType<typeof identifyLicenceText>;

/** What reading a licence file gave. */
export type LicenceRead =
  | { kind: 'unreadable'; message: string }
  | { kind: 'binary'; sha256: string }
  | { kind: 'empty'; sha256: string }
  | { kind: 'text'; sha256: string; found: Identified };

/**
 * Reads and identifies one file. Identifications are kept by the file's SHA-256 (many packages
 * ship the very same file); a README's by its own key, as only its License section is read. The
 * answer depends on the key alone, so any thread may hold the cache.
 */
export async function readLicence(fs: ReadOnlyFs, file: string, identified: Map<string, Identified>): Promise<LicenceRead> {
  let bytes: Buffer;
  try {
    bytes = await fs.readBytes(file, MAX_LICENCE_BYTES);
  } catch (error) {
    return { kind: 'unreadable', message: (error as Error).message };
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (looksBinary(bytes)) return { kind: 'binary', sha256 };
  const text = decodeLicenceText(bytes);
  if (text.trim() === '') return { kind: 'empty', sha256 };
  const key = isReadme(file.split('/').pop()!) ? `readme:${sha256}` : sha256;
  let found = identified.get(key);
  if (!found) identified.set(key, (found = identifyLicenceText(file, text)));
  return { kind: 'text', sha256, found };
}
