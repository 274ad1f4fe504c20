// A tree declares a handful of distinct licence values over hundreds of packages (`MIT`,
// `MIT OR Apache-2.0`, one trove classifier's id): each is read through the alias table once per
// knowledge base, as npm does for package.json's `license` (npm/index.ts, declaredOnce).
import { readString, type DeclaredLicence } from '../identify/declared.js';
import type { KnowledgeBase } from '../kb/index.js';

const readByKb = new WeakMap<KnowledgeBase, Map<string, DeclaredLicence>>();

/** {@link readString}, once per distinct value and knowledge base; the result is shared, never to be changed. */
export function readStringOnce(value: string, kb: KnowledgeBase): DeclaredLicence {
  let cache = readByKb.get(kb);
  if (!cache) readByKb.set(kb, (cache = new Map()));
  let read = cache.get(value);
  if (!read) cache.set(value, (read = readString(value, kb)));
  return read;
}
