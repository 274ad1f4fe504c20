// Texts for the scenario tests, made from the known texts (never copied into the repository) and
// the small fixtures under fixtures/identify/.
import { readFileSync } from 'node:fs';
import { knownTexts } from './variants.js';

const texts = new Map(knownTexts().map((source) => [source.id, source.text]));

/** The reference text of `id` (SPDX or licences/texts/). */
export function textOf(id: string): string {
  const text = texts.get(id);
  if (text === undefined) throw new Error(`no reference text for ${id}`);
  return text;
}

/** A fixture under fixtures/identify/. */
export function fixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/identify/${name}`, import.meta.url), 'utf8');
}

/** `text` with its first `from` replaced by `to`; throws when `text` does not hold `from` (a variant must change something). */
export function replacedIn(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`the text does not hold "${from}"`);
  return text.replace(from, to);
}

/** The text without its first `count` lines (a title, a copyright line). */
export function withoutLines(text: string, count: number): string {
  return text.split('\n').slice(count).join('\n');
}

/** A BUSL-1.1 file as projects ship it: header, parameters block, then the terms. */
export function buslFile(): string {
  const terms = textOf('BUSL-1.1').slice(textOf('BUSL-1.1').indexOf('Terms'));
  return `Business Source License 1.1\n\n${fixture('busl-parameters.txt')}\n-----------------------------------------------------------------------------\n\n${terms}`;
}
