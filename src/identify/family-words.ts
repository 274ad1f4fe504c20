// The words by which a file may name a non-permissive licence family (`familyOfName`), read beside a
// known text (beside.ts, strayGrant) and beside a notice (notices.ts):
// strayGrant reads a family only at these, and the build stores, for each known text, which of
// them its reference words hold (corpus.ts), so strayGrant need not read those words at run time.

/**
 * Words that name a family only with the words beside them ("Llama 3 Community License", "Redis
 * Source Available License", "Open Software License"), and are common words or names otherwise:
 * a copyright line holding one is still a holder's name ({@link HOLDER_NOT_WORDS}).
 */
const CONTEXT_WORDS = ['llama', 'openrail', 'creativeml', 'rail', 'gemma', 'redis', 'rsal', 'rsalv2', 'confluent', 'timescale', 'sustainable', 'fair', 'fcl', 'reciprocal', 'open'];

/** Words that are a family's name or part of it, and no holder's name. */
const NAME_FAMILY_WORDS = [
  'gpl', 'gplv2', 'gplv3', 'lgpl', 'lgplv2', 'lgplv3', 'agpl', 'agplv3', 'gnu', 'mpl', 'mozilla', 'eupl', 'cddl', 'epl',
  'eclipse', 'sspl', 'busl', 'ppl', 'peer', 'polyform', 'proprietary', 'business', 'elastic', 'server', 'functional',
  'commons', 'common', 'prosperity', 'parity', 'hippocratic', 'anti', 'osl', 'nc', 'noncommercial', 'nd', 'sa', 'odbl',
  'gfdl', 'sleepycat', 'qpl', 'elv2', 'cpal', 'fsl', 'bsl', 'copyleft',
];
/** The words `familyOfName` reads a family from: every `case` of its switch. */
export const FAMILY_WORDS: ReadonlySet<string> = new Set([...NAME_FAMILY_WORDS, ...CONTEXT_WORDS]);

/** Family words no holder's name holds: a "Copyright <Name>" line with one is no statement (normalise.ts). */
export const HOLDER_NOT_WORDS: ReadonlySet<string> = new Set(NAME_FAMILY_WORDS);

/**
 * Permissive licences, whose answer would be free: only beside them can an address of terms turn a
 * verdict (identify-file.ts; beside a commercial licence it is where to buy it, beside a copyleft
 * one the answer is not free already), and naming one beside a file's licences changes no answer
 * (notices.ts {@link namesOtherLicence}).
 */
const PERMISSIVE_ID = /^(?:MIT(?:-[\w.]+)?|ISC|0BSD|BSD-[1234]-Clause(?:-[\w-]+)?|Apache-[12]\.\d|Unlicense|CC0-1\.0|WTFPL|Zlib|BlueOak-1\.0\.0|BSL-1\.0|Python-2\.0|PSF-2\.0|X11|CC-BY-[1-4]\.0|PostgreSQL|NCSA|curl|Artistic-2\.0|Ruby|ICU|HPND(?:-[\w-]+)?|libpng-2\.0)$/;

/** Whether `id` (without a later-versions mark) is a permissive licence ({@link PERMISSIVE_ID}). */
export function isPermissiveId(id: string): boolean {
  return PERMISSIVE_ID.test(id);
}

/** A licence family without version and later-version marks: `LGPL-2.1-or-later` → `LGPL`. */
export function familyOf(expression: string): string {
  return expression.replace(/\+|-(?:only|or-later)\b/g, '').replace(/-\d+(?:\.\d+)*\b/g, '');
}

/**
 * The non-permissive licence family a word at `at` names, if any: the copyleft, source-available,
 * non-commercial and proprietary families whose grant beside a permissive text changes the verdict.
 * strayGrant asks this of every word of a file, and nearly every word is none of them: one set
 * lookup answers those, where the switch compares the word with each case in turn.
 */
export function familyNamedAt(words: readonly string[], at: number): string | undefined {
  return FAMILY_WORDS.has(words[at]!) ? familyOfName(words, at) : undefined;
}

/**
 * Whether `words` name a non-permissive family ({@link familyNamedAt}) that is not among `families`,
 * at a word `own` does not excuse (the matched licence's own words): another licence named beside
 * a text, in its title or at a match's edge.
 */
export function namesFamilyBesides(words: readonly string[], families: ReadonlySet<string>, own: (word: string) => boolean = () => false): boolean {
  return words.some((word, at) => {
    const family = familyNamedAt(words, at);
    return family !== undefined && !families.has(family) && !own(word);
  });
}

/** {@link familyNamedAt} without the first look in {@link FAMILY_WORDS}. Exported for tests. */
export function familyOfName(words: readonly string[], at: number): string | undefined {
  const word = words[at]!;
  const next = (offset: number) => words[at + offset];
  switch (word) {
    case 'gpl': case 'gplv2': case 'gplv3': return 'GPL';
    case 'lgpl': case 'lgplv2': case 'lgplv3': return 'LGPL';
    case 'agpl': case 'agplv3': return 'AGPL';
    case 'gnu': {
      const after = words.slice(at + 1, at + 4);
      if (after.includes('lesser') || after.includes('library') || after.includes('lgpl')) return 'LGPL';
      // "GNU Free Documentation License": the GFDL, not the GPL.
      if (after.includes('documentation') || after.includes('fdl')) return 'GFDL';
      return after.includes('affero') || after.includes('agpl') ? 'AGPL' : 'GPL';
    }
    case 'mpl': return 'MPL';
    case 'mozilla': return next(1) === 'public' || next(1) === 'license' || next(1) === 'licence' ? 'MPL' : undefined;
    case 'eupl': return 'EUPL';
    case 'cddl': return 'CDDL';
    case 'epl': return 'EPL';
    case 'eclipse': return next(1) === 'public' ? 'EPL' : undefined;
    case 'sspl': return 'SSPL';
    case 'busl': return 'BUSL';
    case 'ppl': return 'PPL';
    case 'peer': return next(1) === 'production' ? 'PPL' : undefined;
    case 'polyform': return 'PolyForm';
    case 'proprietary': return 'proprietary';
    case 'business': return next(1) === 'source' ? 'BUSL' : undefined;
    case 'elastic': return next(1) === 'license' || next(1) === 'licence' ? 'Elastic' : undefined;
    case 'server': return next(1) === 'side' && next(2) === 'public' ? 'SSPL' : undefined;
    case 'functional': return next(1) === 'source' ? 'FSL' : undefined;
    // "Common Clause" is a frequent misspelling of it.
    case 'commons': case 'common': return next(1) === 'clause' ? 'Commons-Clause' : word === 'common' && next(1) === 'public' && next(2) === 'attribution' ? 'CPAL' : undefined;
    case 'prosperity': return 'Prosperity';
    case 'parity': return next(1) === 'public' || next(1) === 'license' || next(1) === 'licence' ? 'Parity' : undefined;
    case 'hippocratic': return 'Hippocratic';
    case 'anti': return next(1) === 'capitalist' ? 'ACSL' : undefined;
    case 'osl': return 'OSL';
    case 'odbl': return 'ODbL';
    // Names without a version that no notice rule reads alone ("Docs: GFDL", "Code: ELv2" beside an
    // MIT text read as MIT, free). "BSL 1.0" is Boost's permissive licence; "BSL" else is as often
    // the Business Source License.
    case 'gfdl': return 'GFDL';
    case 'sleepycat': return 'Sleepycat';
    case 'qpl': return 'QPL';
    case 'elv2': return 'Elastic';
    case 'cpal': return 'CPAL';
    case 'fsl': return 'FSL';
    case 'bsl': return next(1) === '1' && next(2) === '0' ? undefined : 'BUSL';
    // A kind of licence, not one: beside a licence of no such kind, for a person to read.
    case 'copyleft': return 'copyleft';
    // Model, source-available and fair-source licences named in words (CONTEXT_WORDS): "Models:
    // Llama 3 Community License" or "Redis Source Available License" below an MIT text read as MIT.
    case 'llama': return words.slice(at + 1, at + 5).some((word) => LICENCE_NOUNS.has(word) || word === 'community') ? 'Llama' : undefined;
    case 'openrail': case 'creativeml': return 'RAIL';
    case 'rail': return LICENCE_NOUNS.has(next(1) ?? '') || /^[mdas]$/.test(next(1) ?? '') || words[at - 1] === 'bigscience' || words[at - 1] === 'open' ? 'RAIL' : undefined;
    case 'gemma': return next(1) === 'terms' || LICENCE_NOUNS.has(next(1) ?? '') ? 'Gemma' : undefined;
    case 'redis': return next(1) === 'source' && next(2) === 'available' ? 'RSAL' : undefined;
    case 'rsal': case 'rsalv2': return 'RSAL';
    case 'confluent': return next(1) === 'community' ? 'Confluent' : undefined;
    case 'timescale': return LICENCE_NOUNS.has(next(1) ?? '') ? 'Timescale' : undefined;
    case 'sustainable': return next(1) === 'use' && LICENCE_NOUNS.has(next(2) ?? '') ? 'SUL' : undefined;
    case 'fair': return next(1) === 'source' || (next(1) === 'core' && LICENCE_NOUNS.has(next(2) ?? '')) ? 'Fair' : undefined;
    case 'fcl': return 'Fair';
    case 'reciprocal': return 'reciprocal';
    case 'open': return next(1) === 'software' && LICENCE_NOUNS.has(next(2) ?? '') ? 'OSL' : undefined;
    case 'nc': case 'noncommercial': case 'nd': case 'sa': return words[at - 1] === 'by' || words[at - 2] === 'by' ? `CC-${word === 'noncommercial' ? 'nc' : word}` : undefined;
    default: return undefined;
  }
}

/** The nouns of a licence's name. */
const LICENCE_NOUNS: ReadonlySet<string> = new Set(['license', 'licence', 'licenses', 'licences', 'agreement']);

/** Families named by words of CONTEXT_WORDS, by the ids of their texts. */
const CONTEXT_FAMILIES: readonly [RegExp, string][] = [
  [/llama/i, 'Llama'],
  [/openrail|bigscience-rail|creativeml|(?:^|-)rail(?:-|$)/i, 'RAIL'],
  [/gemma/i, 'Gemma'],
  [/redis-source|rsal/i, 'RSAL'],
  [/confluent/i, 'Confluent'],
  [/timescale/i, 'Timescale'],
  [/sustainable-use/i, 'SUL'],
  [/^Fair$|fair-source|^FCL-/i, 'Fair'],
  [/^(?:MS-RL|RPL-)/, 'reciprocal'],
  [/^NPOSL-/, 'OSL'],
];

/** The families a matched id is of, as `familyNamedAt` names them: CC-BY-NC-SA-4.0 is CC-nc and CC-sa. */
export function familiesOfId(id: string): string[] {
  const context = CONTEXT_FAMILIES.filter(([pattern]) => pattern.test(id)).map(([, family]) => family);
  if (context.length > 0) return [...context, ...ownFamiliesOfId(id)];
  return ownFamiliesOfId(id);
}

function ownFamiliesOfId(id: string): string[] {
  const cc = /^CC-BY((?:-(?:NC|ND|SA))*)/.exec(id);
  if (cc) return ['CC', ...(cc[1]!.match(/NC|ND|SA/g) ?? []).map((part) => `CC-${part.toLowerCase()}`)];
  if (/^PolyForm/.test(id)) return ['PolyForm'];
  if (/commons-clause/i.test(id)) return ['Commons-Clause'];
  if (/prosperity/i.test(id)) return ['Prosperity'];
  if (/hippocratic/i.test(id)) return ['Hippocratic'];
  if (/anti-capitalist/i.test(id)) return ['ACSL'];
  if (/^LicenseRef-.*(?:commercial|proprietary)/i.test(id)) return ['proprietary'];
  return [familyOf(id).replace(/-.*$/, '')];
}
