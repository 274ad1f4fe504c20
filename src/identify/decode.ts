// A licence file's bytes as text: whether it is one at all, and its encoding. Apart from the
// identification engine, so a scan whose answers are all kept (src/scan/identification-cache.ts)
// loads none of it.

/** True when the first 8 KiB hold a NUL byte and no UTF-16 byte-order mark: not a text. */
export function looksBinary(bytes: Buffer): boolean {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  return !utf16 && bytes.subarray(0, 8192).includes(0);
}

/** UTF-8, or UTF-16 when a byte-order mark says so (Windows tools still write LICENSE files so). */
export function decodeLicenceText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    // Big-endian: swap to little-endian, dropping an odd trailing byte.
    const body = Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2)));
    return body.swap16().toString('utf16le');
  }
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}
