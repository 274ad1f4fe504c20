// identifyText for the readers that call it synchronously while they read metadata (a Python
// `License` field holding a whole licence text, an SBOM's attached licence text). The engine is
// loaded by `loadTextIdentifier()` when such a reader starts, so a scan that never runs one (an npm
// tree whose texts the identification cache holds) never loads the engine at all.
import type { Identification } from './types.js';

let engine: typeof import('./identify.js') | undefined;
let fileEngine: typeof import('./identify-file.js') | undefined;

/** Loads the identification engine; call before a reader that may call {@link identifyText}. */
export async function loadTextIdentifier(): Promise<void> {
  engine ??= await import('./identify.js');
  fileEngine ??= await import('./identify-file.js');
}

/**
 * Identifications kept between scans (the scan's identification cache), for texts read out of
 * metadata: kept under `text:` and the SHA-256 of the text, as the answer depends on the text alone.
 */
export interface KeptIdentifications {
  get(key: string): Identification | undefined;
  set(key: string, found: Identification): void;
}

/**
 * The identification of a licence text (src/identify/identify.ts; with `asFile`, as a licence
 * file's text is read, src/identify/identify-file.ts): the one `kept` holds for a text with this
 * SHA-256, else worked out (the engine must be loaded) and kept.
 */
export function identifyText(text: string, kept?: { store: KeptIdentifications; sha256: string }, options: { asFile?: boolean } = {}): Identification {
  const key = kept && `${options.asFile ? 'file' : 'text'}:${kept.sha256}`;
  const known = key ? kept.store.get(key) : undefined;
  if (known) return known;
  if (!engine || !fileEngine) throw new Error('the identification engine is not loaded: call loadTextIdentifier() before reading');
  // As a licence file is read (asFile): the readers of bundles, notices formats and offers first.
  const found = options.asFile ? fileEngine.identifyLicenceText('LICENSE', text) : engine.identifyText(text);
  if (key) kept.store.set(key, found);
  return found;
}
