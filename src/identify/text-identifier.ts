// identifyText for the readers that call it synchronously while they read metadata (a Python
// `License` field holding a whole licence text, an SBOM's attached licence text). The engine is
// loaded by `loadTextIdentifier()` when such a reader starts, so a scan that never runs one (an npm
// tree whose texts the identification cache holds) never loads the engine at all.
import type { Identification } from './types.js';

let engine: typeof import('./identify.js') | undefined;

/** Loads the identification engine; call before a reader that may call {@link identifyText}. */
export async function loadTextIdentifier(): Promise<void> {
  engine ??= await import('./identify.js');
}

/** The identification of a licence text (src/identify/identify.ts), once the engine is loaded. */
export function identifyText(text: string): Identification {
  if (!engine) throw new Error('the identification engine is not loaded: call loadTextIdentifier() before reading');
  return engine.identifyText(text);
}
