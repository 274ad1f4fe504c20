// Unicode's directional overrides (U+202D LEFT-TO-RIGHT OVERRIDE, U+202E RIGHT-TO-LEFT OVERRIDE)
// show the letters after them, to the next U+202C or the paragraph's end, in an order they are not
// stored in: "\u202Eesu laicremmoc rof toN" shows as "Not for commercial use" wherever the file is
// displayed, and reads to copyfair as four words that are no term. (The "Trojan Source" trick,
// CVE-2021-42574, aimed at licence files.) Normalising takes the controls out, as it takes every
// invisible character out; what a reader sees is then not what copyfair read, so a file holding an
// override is unknown, with the lines named. The other direction controls change no order of
// Latin letters and stay as they were: a stray U+202C after an e-mail address in http2-client's
// LICENSE is harmless, and embeddings and isolates around a name in another script leave that
// script's words, which are never benign (other-languages.ts).
import type { Identification } from './types.js';

const OVERRIDE = /[\u202d\u202e]/;
const PREFIX = 'holds a Unicode direction override';

/**
 * The identification of `text`, unknown when the text holds a direction override; `shift` is what
 * the text's lines add to the file's (a README's section starts below line 1). Calling it again on
 * the same text (a section read through `identifyText`, then the file) gives the same answer.
 */
export function withDirectionOverrides<T extends Identification>(found: T, text: string, shift = 0): T {
  if (!OVERRIDE.test(text)) return found;
  const lines: number[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, at) => {
    if (OVERRIDE.test(line)) lines.push(at + 1 + shift);
  });
  const where = lines.length === 1 ? `line ${lines[0]}` : `lines ${lines.slice(0, 5).join(', ')}${lines.length > 5 ? ', …' : ''}`;
  const reason = `${where} ${PREFIX} (U+202D or U+202E), which shows its letters in another order than they are stored: what a reader sees there is not what copyfair reads`;
  const other = found.reason === undefined || found.reason.includes(PREFIX) ? undefined : found.reason;
  return { ...found, expression: null, reason: other === undefined ? reason : `${reason}; ${other}` };
}
