// The ecosystems copyfair reads: a new one is a folder under src/ecosystems and a line here.
import { cargo } from './cargo/index.js';
import { go } from './go/index.js';
import { npm } from './npm/index.js';
import { python } from './python/index.js';
import type { Ecosystem } from './types.js';

/** Every ecosystem, in the order a mixed project's report lists them. */
export const ECOSYSTEMS: Ecosystem[] = [npm, python, cargo, go];
