// Word n-grams ("shingles") hashed to 32-bit numbers, and the set operations on sorted arrays of
// them that similarity matching needs. Sorted typed arrays, not Sets: the corpus holds about a
// million shingles and loads from base64 without building a hash table per licence.

/** Words per shingle. Three keeps common phrases distinctive without making small edits costly. */
export const SHINGLE_SIZE = 3;

/** FNV-1a over the words of one shingle. Collisions are rare enough not to move a score. */
function hashShingle(words: readonly string[], from: number): number {
  let hash = 0x811c9dc5;
  for (let index = from; index < from + SHINGLE_SIZE; index++) {
    const word = words[index] ?? '';
    for (let char = 0; char < word.length; char++) {
      hash ^= word.charCodeAt(char);
      hash = Math.imul(hash, 0x01000193);
    }
    hash ^= 0x20;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The shingle of SHINGLE_SIZE words given apart. */
export function shingleOf(words: readonly string[]): number {
  return hashShingle(words, 0);
}

/** The shingle starting at each word position (one fewer than SHINGLE_SIZE - 1 at the end). */
export function shinglesAt(words: readonly string[]): Uint32Array {
  const count = Math.max(0, words.length - SHINGLE_SIZE + 1);
  const out = new Uint32Array(count);
  for (let index = 0; index < count; index++) out[index] = hashShingle(words, index);
  return out;
}

/** The distinct values of `values`, sorted. */
export function sortedSet(values: Uint32Array): Uint32Array {
  const sorted = Uint32Array.from(values).sort();
  let size = 0;
  for (let index = 0; index < sorted.length; index++) {
    if (index === 0 || sorted[index] !== sorted[index - 1]) sorted[size++] = sorted[index] ?? 0;
  }
  return sorted.slice(0, size);
}

/** Whether the sorted set `set` holds `value`. */
export function has(set: Uint32Array, value: number): boolean {
  let low = 0;
  let high = set.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const probe = set[middle] ?? 0;
    if (probe === value) return true;
    if (probe < value) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/** Size of the intersection of two sorted sets. */
export function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let count = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      count++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return count;
}

/** The members of sorted set `a` that are not in sorted set `b`. */
export function difference(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out: number[] = [];
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    while (j < b.length && (b[j] ?? 0) < x) j++;
    if (b[j] !== x) out.push(x);
  }
  return Uint32Array.from(out);
}

/** Encodes a typed array for the JSON corpus. */
export function toBase64(values: Uint32Array | Uint16Array): string {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64');
}

/** Decodes {@link toBase64} output; copies so the array is aligned whatever the Buffer pool did. */
export function fromBase64Uint32(text: string): Uint32Array {
  const bytes = Buffer.from(text, 'base64');
  const out = new Uint32Array(bytes.byteLength / 4);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

/** Decodes a Uint16Array written by {@link toBase64}. */
export function fromBase64Uint16(text: string): Uint16Array {
  const bytes = Buffer.from(text, 'base64');
  const out = new Uint16Array(bytes.byteLength / 2);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}
