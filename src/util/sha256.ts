// The SHA-256 of what a scan read, worked out once. A scan kept whole (src/scan/replay.ts) traces
// every read with its hash, and the scan hashes the same values right after: a licence file's
// bytes (their identification is kept under it), a metadata file's text (its reading is). Each
// Buffer's hash is remembered as long as the Buffer lives, by the Buffer: what a read gave is never
// written to (UTF-16 big-endian text is swapped in a copy, src/identify/decode.ts); a text's hash,
// for the last few texts.
import { hash } from 'node:crypto';

const ofBytes = new WeakMap<Uint8Array, string>();
/** The last texts hashed, with their hashes: a metadata file is read, then its reading looked up. */
const texts: string[] = [];
const textHashes: string[] = [];
const TEXTS = 4;

/** The SHA-256 of `value` (its UTF-8 bytes for a string), in hex. */
export function sha256Hex(value: string | Uint8Array): string {
  if (typeof value !== 'string') {
    let known = ofBytes.get(value);
    if (known === undefined) ofBytes.set(value, (known = hash('sha256', value, 'hex')));
    return known;
  }
  for (let at = 0; at < texts.length; at++) if (texts[at] === value) return textHashes[at]!;
  const digest = hash('sha256', value, 'hex');
  if (texts.length === TEXTS) {
    texts.shift();
    textHashes.shift();
  }
  texts.push(value);
  textHashes.push(digest);
  return digest;
}
