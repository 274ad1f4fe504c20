// A text with no known licence text in it may still say what it is: a notice or tag naming an open
// licence (notices.ts), or proprietary or commercial terms (proprietary.ts). The one hook
// identify.ts calls when similarity found nothing.
import { normalise, type Normalised } from './normalise.js';
import { identifyNotices, README_CONFIDENCE } from './notices.js';
import { classifyProprietary } from './proprietary.js';
import type { Identification } from './types.js';

/**
 * What a text without a known licence text names, or undefined when it names nothing. A notice that
 * settles the text wins; otherwise plainly proprietary or commercial terms; otherwise the notice's
 * doubtful answer (expression null), so the reasons are reported.
 */
export function identifyNamed(text: string, normalised: Normalised, nearest = 0): Identification | undefined {
  const notice = identifyNotices(text, {}, normalised);
  if (notice?.expression) return notice;
  // A text that resembles a known licence this much is that licence, mangled: its clauses about
  // commercial licences or written permission are the licence's own, so a person reads it.
  if (nearest >= RESEMBLES_KNOWN) return notice;
  return classifyProprietary(text, normalised.words.length) ?? notice;
}

/** The similarity to a known text from which a text is not read as proprietary terms. */
export const RESEMBLES_KNOWN = 0.5;

/**
 * What a README's "License" section names (the package ships no licence file): the same readers,
 * with the answer marked `source: 'readme'` and README confidence, since a README is weaker
 * evidence than a licence file. Undefined when the section names nothing.
 */
export function identifyReadmeSection(text: string): Identification | undefined {
  const normalised = normalise(text);
  const notice = identifyNotices(text, { readme: true }, normalised);
  if (notice?.expression) return notice;
  const terms = classifyProprietary(text, normalised.words.length);
  if (!terms) return notice;
  return { ...terms, source: 'readme', matches: terms.matches.map((match) => ({ ...match, confidence: README_CONFIDENCE })) };
}
