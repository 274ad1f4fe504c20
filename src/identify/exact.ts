// The exact path: most LICENSE files are a known text with a copyright line and perhaps a title, so
// a hash of the normalised words finds them without any similarity work.
import { hash } from 'node:crypto';
import type { Normalised } from './normalise.js';
import { judgeSurrounding, titleOrName } from './surroundings.js';

// A first line this short is a title ("MIT License"), which the guidelines let a copy omit.
const TITLE_MAX_WORDS = 12;

/**
 * The exact-path keys of a normalised text: its whole word sequence, and the sequence without its
 * first line when that line is short enough to be a title. A file and a reference text match
 * exactly when they share a key.
 */
export function exactKeys(text: Normalised): string[] {
  const keys = [key(text.words)];
  const firstLine = text.lines[0];
  if (firstLine === undefined) return keys;
  let titleWords = 0;
  while (text.lines[titleWords] === firstLine) titleWords++;
  // A short first line that restricts or sets a condition ("Commercial use requires a licence")
  // is no title: dropping it would read the file as the bare licence.
  const title = text.words.slice(0, titleWords);
  if (titleWords <= TITLE_MAX_WORDS && titleWords < text.words.length && judgeSurrounding(title) === 'benign' && titleOrName(title)) {
    keys.push(key(text.words.slice(titleWords)));
  }
  return keys;
}

function key(words: readonly string[]): string {
  return hash('sha1', words.join(' '), 'base64').slice(0, 22);
}
