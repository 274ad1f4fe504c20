// Licence names as people write them in manifests ("Apache 2", "GPLv3", "BSD", "Creative Commons
// Attribution-ShareAlike License", a URL to a licence), read to one SPDX id or one unversioned
// family. spdx-correct (npm's own corrector) is consulted last, and only where its answer cannot
// drop or invent a term: see `corrected`.
import { createRequire } from 'node:module';
import { familyNamed } from '../evaluate/unversioned.js';
import { SPDX_LICENCE_IDS } from '../kb/spdx.js';

const require = createRequire(import.meta.url);
// Both loaded on the first name that is not an SPDX expression (spdx-correct builds its tables as it
// loads, ~15 ms): a tree whose packages all declare SPDX ids never needs them.
type SpdxCorrect = (value: string, options?: { upgrade?: boolean }) => string | null;
let correctModule: SpdxCorrect | undefined;
/** spdx-correct's answer; it throws on some names (a lone "+"), which are then not read (null). */
const spdxCorrect: SpdxCorrect = (value, options) => {
  const correct = (correctModule ??= require('spdx-correct') as SpdxCorrect);
  try {
    return correct(value, options);
  } catch {
    return null;
  }
};

const licenceIds = new Map(SPDX_LICENCE_IDS.map((id) => [id.toLowerCase(), id]));
let listModule: Record<string, { name: string }> | undefined;
let fullNamesMap: Map<string, string> | undefined;
/** The SPDX licence list: each id with its full name. */
const spdxList = (): Record<string, { name: string }> => (listModule ??= require('spdx-license-list') as Record<string, { name: string }>);
/** SPDX licence names, lower-cased, to their ids ("mit license" → MIT). */
const fullNames = (): Map<string, string> => (fullNamesMap ??= new Map(Object.entries(spdxList()).map(([id, entry]) => [entry.name.toLowerCase(), id])));

let nameWordsSet: Set<string> | undefined;
/**
 * Whether `word` (normalised: lower case, American spelling) is a word of some SPDX licence's name
 * or id ("boost", "software", "community", "bsd"): a name made only of such words may be a known
 * licence's however it is written; a word outside them ("acme", "lodash") names one copyfair does
 * not know.
 */
export function isLicenceNameWord(word: string): boolean {
  if (!nameWordsSet) {
    nameWordsSet = new Set();
    // Split, not normalised: names are plain ASCII words and numbers (normalising 700 names cold
    // took ~40 ms of a first scan).
    for (const [id, entry] of Object.entries(spdxList())) for (const part of `${entry.name} ${id}`.toLowerCase().split(/[^a-z0-9]+/)) if (part !== '') nameWordsSet.add(part);
  }
  return nameWordsSet.has(word);
}

/** Words that make a name a description rather than a licence: "BSD-style", "MIT-like", "BSD*". */
const HEDGE = /(^|[\s-])(style|like)\b|\*|\?|\bbased\b|similar|derived|modified|custom|compatible|variant/i;

/** Abbreviations that stand for more than one licence: "BSL" is Boost's and Business Source's. */
const AMBIGUOUS = /^(bsl|bsl-?1|gfdl|fdl|cddl|ofl|osl|npl|apl|pl|gnu)$/i;

/** Words that add nothing to a licence name. */
const FILLER = new Set(['the', 'license', 'licence', 'licensed', 'version', 'v', 'ver', 'software', 'dual', 'gnu', 'style']);

/** GNU licences, whose versions are granted "only" or "or later". */
const GNU = /^(A|L)?GPL-|^GFDL-/;

/** Long names to the short forms the table and SPDX ids use, in order. */
const PHRASES: [RegExp, string][] = [
  [/\bgnu\b/g, ' '],
  [/\b(gnu\s+)?affero\s+general\s+public\b/g, ' agpl '],
  [/\b(lesser|library)\s+general\s+public\b/g, ' lgpl '],
  [/\bgeneral\s+public\b/g, ' gpl '],
  [/\bmozilla\s+public\b/g, ' mpl '],
  [/\beclipse\s+public\b/g, ' epl '],
  [/\beuropean\s+union\s+public\b/g, ' eupl '],
  [/\bacademic\s+free\b/g, ' afl '],
  [/\bapache\s+software\b/g, ' apache '],
  [/\bcreative\s+commons\b/g, ' cc '],
  [/\battribution\b/g, ' by '],
  [/\bshare\s*-?\s*alike\b/g, ' sa '],
  [/\bnon\s*-?\s*commercial\b/g, ' nc '],
  [/\bno\s*-?\s*deriv(ative)?s?\b/g, ' nd '],
  [/\b(the|license|licence|version|international|unported|generic|public)\b/g, ' '],
  [/\bv(?=\d)/g, ' '],
  [/([a-z])v(?=\d)/g, '$1 '],
  [/([a-z])(\d)/g, '$1 $2'],
];

/**
 * Names people give licences that are neither the SPDX name nor id, by their words once
 * {@link PHRASES} has made them short (joined by `-`). Each names one text: the OSI calls
 * BSD-3-Clause the "New BSD" or "Modified BSD" licence and BSD-2-Clause the "Simplified BSD"
 * licence; IJG and FTL are the Independent JPEG Group's and the FreeType Project's own licences,
 * HPND-sell-variant fontconfig's.
 * "FreeBSD" alone is the OSI's other name of BSD-2-Clause ("FreeBSD License", an alias of the
 * knowledge base's BSD-2-Clause entry): JSV declares it, and was unknown. (FreeBSD's own copyright
 * file adds the views sentence, BSD-2-Clause-Views; both are free, and a licence file decides.)
 */
const OTHER_NAMES = new Map<string, string>([
  ['new-bsd', 'BSD-3-Clause'],
  ['modified-bsd', 'BSD-3-Clause'],
  ['revised-bsd', 'BSD-3-Clause'],
  ['simplified-bsd', 'BSD-2-Clause'],
  ['freebsd', 'BSD-2-Clause'],
  ['ijg', 'IJG'],
  ['independent-jpeg-group', 'IJG'],
  ['freetype', 'FTL'],
  ['freetype-project', 'FTL'],
  // fontconfig's COPYING: its authors' notice is the HPND "sell" variant (Debian's copyright file
  // for libfontconfig1 2.14 quotes it whole; the few files under MIT or in the public domain are as
  // free); sharp-libvips' README names it "fontconfig Licence".
  ['fontconfig', 'HPND-sell-variant'],
  // Boost's is one licence, in one version since 2003 ("BSL" alone is also Business Source's, and
  // stays ambiguous): pygccxml declares "Boost", others "Boost Software License".
  ['boost', 'BSL-1.0'],
  ['boost-software', 'BSL-1.0'],
  ['boost-1.0', 'BSL-1.0'],
  ['boost-software-version-1.0', 'BSL-1.0'],
  // Open Data Commons' licences, each in one version (1.0) since 2008–2009: "ODC-BY" (the
  // OpenSubtitles word list @zxcvbn-ts/language-en bundles), "ODbL", "Open Database License".
  ['odc-by', 'ODC-By-1.0'],
  ['open-data-commons-attribution', 'ODC-By-1.0'],
  ['open-data-commons-open-database', 'ODbL-1.0'],
  ['odbl', 'ODbL-1.0'],
  ['odc-odbl', 'ODbL-1.0'],
  ['open-database', 'ODbL-1.0'],
  ['odc-pddl', 'PDDL-1.0'],
]);

/** Longer declared values are not read as a licence name (the longest SPDX name has 89 characters). */
export const MAX_NAME_LENGTH = 512;

export type NameReading = { id: string; how: 'name' | 'family' | 'url' | 'corrected' };

/**
 * Reads one licence name. Returns an SPDX id, an unversioned family
 * (`LicenseRef-copyfair-family-…`), or null when the name is not one copyfair can vouch for.
 */
export function readName(raw: string): NameReading | null {
  // No licence's name is this long (the longest SPDX name has 89 characters); spdx-correct takes
  // time quadratic in its input (a field of 50,000 spaces: 18 s), so a longer value is no name.
  if (raw.length > MAX_NAME_LENGTH) return null;
  const value = raw.trim().replace(/^["'(]+|["')]+$/g, '').trim();
  if (value === '') return null;
  if (/^https?:\/\//i.test(value) || /^(www\.)?[a-z0-9-]+\.(org|com|net)\//i.test(value)) {
    const id = fromUrl(value);
    return id ? { id, how: 'url' } : null;
  }
  // Before the hedges: "Modified BSD License" is a name of BSD-3-Clause, not a BSD modified.
  const other = OTHER_NAMES.get(value.toLowerCase().replace(/\b(the|licen[cs]e)\b/g, ' ').trim().split(/[\s-]+/).join('-'));
  if (other) return { id: other, how: 'name' };
  if (HEDGE.test(value) || AMBIGUOUS.test(value)) return null;
  const byName = fromPhrase(value);
  if (byName) return byName;
  const id = corrected(value);
  return id ? { id, how: 'corrected' } : null;
}

/** "GPLv3", "Apache 2", "GNU Lesser General Public License v2.1 or later", "CC-BY-SA". */
function fromPhrase(value: string): NameReading | null {
  // The SPDX name in British spelling too ("MIT Licence", "zlib Licence"): else spdx-correct, whose
  // tables take ~25 ms to build (ICU's collation, loaded for them), read it.
  const full = fullNames().get(value.toLowerCase().replace(/\blicence\b/g, 'license'));
  if (full) return { id: full, how: 'name' };
  let text = value.toLowerCase();
  const orLater = /\+\s*$|\bor\s+(any\s+)?later\b|-or-later\b/.test(text);
  text = text.replace(/\+\s*$|\bor\s+(any\s+)?later(\s+version)?\b|-or-later\b|\bonly\b|-only\b/g, ' ');
  for (const [pattern, replacement] of PHRASES) text = text.replace(pattern, replacement);
  const words = text.split(/[^a-z0-9.]+/).filter((word) => word !== '' && word !== '.');
  // "BSD 3-Clause License", "3-Clause BSD", "BSD (2-clause)": the clause count is no version, and
  // it is the licence's (spdx-correct made "BSD 4-Clause License" BSD-2-Clause).
  const clauses = bsdClauses(words);
  if (clauses) return { id: `BSD-${clauses}-Clause`, how: 'name' };
  const versionAt = words.findIndex((word) => /^\d+(\.\d+)*$/.test(word));
  const nameWords = versionAt === -1 ? words : words.slice(0, versionAt);
  if (versionAt !== -1 && versionAt !== words.length - 1) return null; // words after the version
  if (nameWords.length === 0 || nameWords.some((word) => /\d|\./.test(word))) return null;
  const name = nameWords.join('-');
  if (versionAt === -1) {
    const family = familyNamed(name);
    return family ? { id: family.id, how: 'family' } : null;
  }
  const version = words[versionAt]!;
  for (const candidate of [version, `${version}.0`]) {
    const id = licenceIds.get(`${name}-${candidate}`);
    if (id) return { id, how: 'name' };
    const gnu = licenceIds.get(`${name}-${candidate}-${orLater ? 'or-later' : 'only'}`);
    if (gnu) return { id: gnu, how: 'name' };
  }
  return null;
}

/** The clause count of a name that is "bsd N clause" or "N clause bsd" and nothing else (N from 2 to 4). */
function bsdClauses(words: string[]): string | undefined {
  if (words.length !== 3) return undefined;
  const [a, b, c] = words;
  if (a === 'bsd' && /^[234]$/.test(b!) && c === 'clause') return b;
  if (/^[234]$/.test(a!) && b === 'clause' && c === 'bsd') return a;
  return undefined;
}

/** opensource.org/licenses/MIT, spdx.org/licenses/Apache-2.0.html, gnu.org/licenses/gpl-3.0 … */
function fromUrl(url: string): string | null {
  const lower = url.toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/[#?].*$/, '').replace(/\/+$/, '');
  if (/^(mit-license\.org|opensource\.org\/licenses\/mit-license(\.php)?)$/.test(lower)) return 'MIT';
  if (/^unlicense\.org$/.test(lower)) return 'Unlicense';
  if (/^apache\.org\/licenses\/license-2\.0(\.(txt|html))?$/.test(lower)) return 'Apache-2.0';
  const gnu = /^gnu\.org\/licenses\/(old-licenses\/)?(a|l)?gpl-(\d\.\d)(\.(html|txt|en\.html))?$/.exec(lower);
  if (gnu) return licenceIds.get(`${gnu[2] ?? ''}gpl-${gnu[3]}-only`) ?? null;
  const cc = /^creativecommons\.org\/(licenses\/(by(-nc)?(-sa|-nd)?)\/(\d\.\d)|publicdomain\/zero\/1\.0)(\/[a-z]+)?(\/legalcode(\.[a-z]+)?)?$/.exec(lower);
  if (cc) return cc[2] ? (licenceIds.get(`cc-${cc[2]}-${cc[5]}`) ?? null) : 'CC0-1.0';
  const page = /^(opensource\.org\/licenses?|spdx\.org\/licenses|choosealicense\.com\/licenses)\/([a-z0-9.+-]+?)(\.(html|php|json|txt))?$/.exec(lower);
  if (page) return licenceIds.get(page[2]!) ?? licenceIds.get(page[2]!.replace(/-license$/, '')) ?? null;
  return null;
}

/**
 * spdx-correct's answer, only where it cannot change the terms. It guesses a version for a bare
 * family ("BSD" → BSD-2-Clause, "GPL" → GPL-3.0-or-later), upgrades GNU versions to "or later"
 * ("GPLv3" → GPL-3.0-or-later), drops riders ("MIT + Commons Clause" → MIT), mistakes names
 * ("BSL" → Boost's BSL-1.0, "EUPL" → UPL-1.0, "UNLICENSED" → Unlicense) and reads hedges as the
 * licence ("BSD-style" → BSD-2-Clause). So its answer is kept only when the value is one name
 * (no joining words, no hedge), the answer's own short name is a word of the value, the value
 * names the version unless the answer is the only version there is, every number of the value is
 * one of the answer's (no version the licence never had), and a GNU answer grants later
 * versions only when the value says "+" or "or later".
 */
function corrected(value: string): string | null {
  if (/[&,/|]|\+(?!\s*$)|\b(and|or|with|plus|but|except)\b/i.test(value)) return null;
  const answer = spdxCorrect(value, { upgrade: false });
  if (!answer || !licenceIds.has(answer.toLowerCase())) return null;
  const words = new Set(value.toLowerCase().replace(/([a-z])(\d)/g, '$1 $2').split(/[^a-z0-9]+/));
  const short = /^[A-Za-z]+/.exec(answer)![0].toLowerCase();
  if (!words.has(short)) return null;
  // Every other word must be one the licence's own name uses or a filler: "MIT non-commercial"
  // is not MIT.
  const own = new Set(`${spdxList()[answer]?.name ?? ''} ${answer}`.toLowerCase().replace(/([a-z])(\d)/g, '$1 $2').split(/[^a-z0-9]+/));
  if ([...words].some((word) => word !== '' && !own.has(word) && !FILLER.has(word) && !/^\d+$/.test(word))) return null;
  // And every number one the licence's id or name has: "Apache-3.0", "BSD-5-Clause", "MIT-2.0" and
  // "Zlib-2" name licences that do not exist, and were read as Apache-2.0, BSD-2-Clause, MIT and
  // Zlib, free, without a word.
  if ([...words].some((word) => /^\d+$/.test(word) && !own.has(word) && !own.has(String(Number(word))))) return null;
  const hasVersion = /\d/.test(value);
  const siblings = SPDX_LICENCE_IDS.filter((id) => /^[A-Za-z]+/.exec(id)?.[0].toLowerCase() === short);
  if (!hasVersion && /\d/.test(answer) && siblings.length > 1) return null; // a guessed version
  if (GNU.test(answer) && answer.endsWith('-or-later') && !/\+\s*$|\bor\s+(any\s+)?later\b/i.test(value)) {
    return answer.replace(/-or-later$/, '-only');
  }
  return answer;
}
