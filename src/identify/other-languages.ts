// What copyfair's readers, which weigh English words, cannot weigh: words of terms in other
// languages, and words in scripts other than Latin. Beside a licence text, "Kommerzielle Nutzung
// verboten.", "Utilisation commerciale interdite." or "禁止商业用途。" (commercial use forbidden)
// were read as a title or a description, and an MIT text with one of them as MIT, free. So were
// English words spelt with Cyrillic letters that look Latin ("nоt fоr соmmеrсiаl usе"), a trick to
// hide a term from a reader that matches words. Every reader that judges words beside or inside a
// match (surroundings.ts, insertions.ts, notices.ts) counts these as words of a term: the text is
// then unknown, a person must read it, unless the words are a known text's own. So does the reader
// of declared licences (declared.ts): "MIT; 禁止商用" is no name it knows.

/**
 * Words of restrictions and conditions in the languages licence files are most often written in
 * besides English (German, French, Spanish, Portuguese, Italian, Dutch, Polish, the Scandinavian
 * languages, Turkish, Indonesian, Czech): not, only, forbidden, commercial, permission. As
 * normalised words (lower case, accents kept).
 */
export const FOREIGN_TERM_WORDS: readonly string[] = [
  // German
  'nicht', 'nur', 'verboten', 'untersagt', 'kommerziell', 'kommerzielle', 'kommerziellen', 'kommerzieller', 'gewerblich', 'gewerbliche', 'gewerblichen', 'ausschließlich', 'ausschliesslich', 'genehmigung', 'erlaubnis', 'kostenpflichtig', 'lizenzgebühr', 'lizenzgebühren',
  // French
  'interdit', 'interdite', 'interdits', 'interdites', 'uniquement', 'seulement', 'exclusivement', 'commerciale', 'commerciales', 'commerciaux', 'autorisation', 'payant', 'payante',
  // Spanish and Portuguese
  'prohibido', 'prohibida', 'prohibidos', 'prohibidas', 'prohíbe', 'comercial', 'comerciales', 'solamente', 'únicamente', 'autorización', 'permiso', 'proibido', 'proibida', 'proibidos', 'proibidas', 'proíbe', 'apenas', 'somente', 'autorização', 'não',
  // Italian
  'vietato', 'vietata', 'vietati', 'vietate', 'commerciali', 'soltanto', 'esclusivamente', 'autorizzazione',
  // Dutch
  'niet', 'alleen', 'uitsluitend', 'verboden', 'commercieel', 'commerciële', 'commerciele', 'toestemming',
  // Polish and Czech
  'tylko', 'wyłącznie', 'zabronione', 'zabroniony', 'zabroniona', 'komercyjne', 'komercyjny', 'komercyjnego', 'komercyjnych', 'zakázáno', 'zakázané', 'komerční', 'pouze',
  // Swedish, Danish, Norwegian
  'förbjuden', 'förbjudet', 'forbudt', 'endast', 'kommersiell', 'kommersiellt', 'kommerciel', 'kommercielt', 'ikke', 'inte',
  // Turkish, Indonesian and Malay
  'yasak', 'yasaktır', 'ticari', 'sadece', 'yalnızca', 'dilarang', 'komersial', 'hanya',
  // Twentieth session: each of these languages' "commercial use forbidden" below an MIT text read
  // as MIT, free. Romanian, Hungarian, Finnish, Estonian
  'interzis', 'interzisă', 'interzisa', 'comercială', 'comerciala', 'doar', 'numai', 'tilos', 'tiltott', 'kereskedelmi', 'csak', 'engedély', 'engedélye', 'engedélyével', 'kielletty', 'kaupallinen', 'kaupalliseen', 'kaupallista', 'ainoastaan', 'keelatud', 'äriline', 'ärilise', 'äriliseks', 'ainult',
  // Croatian, Serbian, Bosnian, Slovenian, Slovak
  'zabranjena', 'zabranjeno', 'zabranjen', 'komercijalna', 'komercijalno', 'komercijalne', 'dozvola', 'dopuštenje', 'prepovedana', 'prepovedano', 'komercialna', 'komercialno', 'zakázaná', 'komerčné', 'komerčná', 'iba',
  // Lithuanian, Latvian
  'draudžiama', 'draudžiamas', 'uždrausta', 'komercinis', 'komerciniais', 'komerciniam', 'aizliegta', 'aizliegts', 'komerciāla', 'komerciālai', 'komerciāli', 'tikai',
  // Vietnamese, Catalan, Esperanto, Filipino, Swahili
  'không', 'cấm', 'thương', 'chỉ', 'prohibit', 'comercials', 'només', 'malpermesita', 'malpermesite', 'komerca', 'komercaj', 'bawal', 'ipinagbabawal', 'komersyal', 'lamang', 'marufuku', 'kibiashara', 'yamekatazwa', 'imekatazwa', 'hairuhusiwi',
];

/** Anything but ASCII: a word without such a character holds no letter of another script (and normalise.ts folds only a line with one). */
export const NON_ASCII = /[^\x00-\x7f]/;

/**
 * A letter of a script other than Latin: Cyrillic, Greek, Han, Arabic, Hebrew, … and the
 * mathematical letters. Not the halfwidth katakana and Hangul (U+FF61–U+FFDC): in a licence file
 * they are the debris of an encoding misread, a curly quote or apostrophe become "ﾒ" or "ﾫ"
 * ("Contributorﾒs Modifications", in ScanCode's copy of CPAL-1.0).
 */
const OTHER_SCRIPT = /(?=\p{L})(?![\uff61-\uffdc])\P{Script=Latin}/gu;

/**
 * How many letters of another script a text may hold and still be read: one. A lone letter is a
 * symbol ("π", "μ"); a word or a term takes two or more.
 */
const OTHER_SCRIPT_ALLOWED = 1;

/** Whether words hold more letters of scripts other than Latin than {@link OTHER_SCRIPT_ALLOWED}: words no list of copyfair's reads. */
export function inOtherScript(words: readonly string[]): boolean {
  let letters = 0;
  for (const word of words) {
    if (!NON_ASCII.test(word)) continue;
    letters += word.match(OTHER_SCRIPT)?.length ?? 0;
    if (letters > OTHER_SCRIPT_ALLOWED) return true;
  }
  return false;
}

/** A letter of the Latin script beyond ASCII: ä, ş, ő, ư, ð … */
const ACCENTED = /[\u00c0-\u024f\u1e00-\u1eff]/;
/** How many words with such letters a run may hold and still be read: a name or two ("Tim Koschützki, Felix Geisendörfer", retry's LICENSE). */
const ACCENTED_WORDS_ALLOWED = 2;

/**
 * Whether words are likely in a language no list here holds: more than {@link ACCENTED_WORDS_ALLOWED}
 * words with accented Latin letters. "Óheimilt að nota í viðskiptaskyni" (Icelandic), "Ndalohet
 * përdorimi tregtar në çdo mënyrë" (Albanian) below an MIT text, or beside a notice ("Released
 * under the MIT license. Óheimilt …"), read as MIT, free. Read by the readers that weigh words
 * beside a licence (surroundings.ts, notices.ts).
 */
export function inOtherLanguage(words: readonly string[]): boolean {
  let accented = 0;
  for (const word of words) if (ACCENTED.test(word) && ++accented > ACCENTED_WORDS_ALLOWED) return true;
  return false;
}
