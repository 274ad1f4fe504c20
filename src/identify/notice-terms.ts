// A NOTICE or COPYRIGHT file is kept as evidence, not identified: Apache's NOTICE files credit
// authors and, by the licence's own words (§4(d)), do not modify it. But a package's NOTICE or
// COPYRIGHT file may state terms ("This software may not be used for commercial purposes without a
// license from Acme"), and beside an MIT LICENSE such a package read as MIT, free (sixteenth
// session). A notice file whose words restrict or bind the user is identified as a licence file is,
// so its terms keep the package unknown and the file is named.
import { normalise } from './normalise.js';
import { setsTerms } from './surroundings.js';

/** Whether the text of a notice file states terms: words that restrict, or that bind the user beyond a licence. */
export function statesTerms(text: string): boolean {
  return setsTerms(normalise(text).words);
}
