// A licence file may end by telling users about one of the package's dependencies: Sentry's
// packages (11.x) put a "Third-Party Dependency Notice" under their MIT text, "This package has the
// Sentry CLI … as a direct or transitive dependency. The Sentry CLI is not part of this package and
// is not covered by the MIT License above. It is licensed under the Functional Source License …".
// That is a statement about another component, which a scan reads as a component of its own (the
// `sentry` package, with its own licence file): not a term of this package. Read as terms, it made
// every such package unknown.
import { judgeSurrounding } from './surroundings.js';

/** "… is not part of this package": the notice speaks of something outside the package. */
const NOT_PART = /\b(?:is|are) not (?:a )?part of this (?:package|project|repository|library|module|crate|distribution)\b/g;
/** "… is not covered by the MIT License above". */
const NOT_COVERED = /\b(?:is|are) not covered by\b/g;
const DEPENDENCY = /\bdependenc(?:y|ies)\b/;

/**
 * True for normalised words that tell of a dependency outside the package under other terms: they
 * say something is a dependency, is not part of the package and is not covered by its licence, and
 * with those two statements taken out, nothing in them restricts or sets a condition
 * (surroundings.ts). A notice that also says "you may not use this package commercially" is read.
 */
export function isDependencyNotice(words: readonly string[]): boolean {
  const text = words.join(' ');
  if (!DEPENDENCY.test(text) || !text.match(NOT_PART) || !text.match(NOT_COVERED)) return false;
  const rest = text.replace(NOT_PART, ' ').replace(NOT_COVERED, ' ').split(' ').filter((word) => word !== '');
  return judgeSurrounding(rest) === 'benign';
}
