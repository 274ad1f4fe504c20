// Translations of a licence printed beside its English text. svgo 1.x's LICENSE (under cssnano 4,
// postcss-svgo and @svgr/plugin-svgo 5 in many trees) holds the MIT text, then "Лицензия MIT",
// its own copyright line in Russian and the Russian translation of MIT that Russian projects use:
// the same licence restated, which a reader weighing English words cannot read (other-languages.ts
// makes any run of another script unclear), so svgo was unknown. A translation is recognised only
// word for word: the normalised words of the whole run beside the texts (the normaliser drops the
// copyright line, not a word of the rest) must be a known translation's, kept here as a SHA-256
// so that no translation's text is copied into copyfair, and the licence it translates must be one
// the file's own texts grant. A word changed, added or left out, and the run is judged as before.
import { knownWords, type KnownWords } from './known-statements.js';

/** A known translation of a licence: the licence it translates, its language, and its normalised words' SHA-256 and count. */
interface Translation extends KnownWords {
  id: string;
  language: string;
}

const TRANSLATIONS: readonly Translation[] = [
  // "Лицензия MIT" and the translation, as svgo 1.3.2's LICENSE writes them (lines 28–55).
  { id: 'MIT', language: 'Russian', words: 150, sha256: 'e2cbf8b2287cc99fa77282ae4d3370884846fcf6f12f28a510d3b12e1612c51d' },
  // The translation without its title.
  { id: 'MIT', language: 'Russian', words: 148, sha256: '6ae9cdb159966ccead5be43e00711de0acae184ecc2c197519c19c72155ba0ff' },
];

/**
 * Official texts of a licence in another language, which the licence itself makes equal to its
 * English text: EUPL-1.2 article 13, "All linguistic versions of this Licence, approved by the
 * European Commission, have identical value. Parties can take advantage of the linguistic version
 * of their choice." mailsplit and @zone-eu/mailsplit (nodemailer's mail parser, MIT OR EUPL-1.1+)
 * ship the MIT text and the Estonian EUPL-1.2 as LICENSE.EUPL-1.2: the Estonian file, read as terms
 * no licence explains, made both unknown. Recognised only as a whole file, word for word (its
 * normalised words' SHA-256, as above): a word changed, added or left out, and the file is judged
 * as any text is.
 */
const OFFICIAL_TEXTS: readonly Translation[] = [
  // The Commission's Estonian text, as mailsplit 5.4's LICENSE.EUPL-1.2 gives it (153 lines).
  { id: 'EUPL-1.2', language: 'Estonian', words: 1651, sha256: 'a4bcced6d0ff2eea3f5407465c713980e3adc3f14837ed22a8d8ee1c241c3b3b' },
];

/** The official text of a licence in another language that `words` (a whole file's normalised words) are; undefined when none. */
export function officialTranslation(words: readonly string[]): Translation | undefined {
  return knownWords(OFFICIAL_TEXTS, words);
}

/** The known translation `words` are, of one of the licences `granted`; undefined when they are none. */
export function knownTranslation(words: readonly string[], granted: readonly string[]): Translation | undefined {
  return knownWords(TRANSLATIONS, words, (translation) => granted.includes(translation.id));
}
