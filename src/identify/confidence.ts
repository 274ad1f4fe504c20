// How sure an identification is, what it came near, and what could not be parsed, as the readers of
// licence texts report it (a licence file, a Python License field holding a text, a text attached
// to an SBOM).
import type { Identification } from './types.js';
import { largest, smallest } from '../util/arrays.js';

/** The least confidence of its matches; with none, the best candidate's (0 without one). */
export function identificationConfidence(found: Identification): number {
  return found.matches.length ? smallest(found.matches.map((match) => match.confidence), 0) : largest(found.candidates.map((c) => c.confidence), 0);
}

/** The three nearest candidates, as "MIT 82%, ISC 61%" (empty when there are none). */
export function nearestCandidates(found: Identification): string {
  return found.candidates.slice(0, 3).map((c) => `${c.id} ${(c.confidence * 100).toFixed(0)}%`).join(', ');
}

/**
 * An expression line that does not parse, as `identify` and a scan's diagnostic say it: the
 * `SPDX-License-Identifier` tag named, unless the whole file was the expression without it.
 */
export function invalidExpressionText(problem: NonNullable<Identification['invalid']>[number]): string {
  return `${problem.bare ? '' : 'SPDX-License-Identifier '}"${problem.value}" is not a valid expression (${problem.message})`;
}
