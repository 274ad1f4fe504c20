// Compiles the known licence texts into the corpus: the SPDX texts from the `spdx-license-list`
// package (never copied into the repository) and copyfair's own reference texts in
// licences/texts/. Runs at build time (scripts/build-texts.js) and, from source, on first use.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { exactKeys } from './exact.js';
import { TERM_WORDS } from './insertions.js';
import { normalise, type Normalised } from './normalise.js';
import { shinglesAt, sortedSet, toBase64 } from './shingles.js';
import { templateFileText } from './templates.js';

const require = createRequire(import.meta.url);

/** The JSON form of the corpus (dist/identify/corpus.json). */
export interface CorpusFile {
  version: 1;
  entries: {
    id: string;
    alsoIds: string[];
    kind: 'licence' | 'exception';
    words: number;
    shingles: string;
    /** The words of TERM_WORDS the text uses (see insertions.ts). */
    terms: string[];
  }[];
  exact: Record<string, number>;
  index: { keys: string; starts: string; entries: string };
}

/** A known text before compilation. */
export interface SourceText {
  id: string;
  kind: 'licence' | 'exception';
  text: string;
}

// SPDX publishes exception texts only inside these deprecated "GPL with exception" entries; the
// exception is what follows the "insert GPL … text here" line.
const EXCEPTION_CARRIERS: ReadonlyMap<string, string> = new Map(Object.entries({
  'GPL-2.0-with-GCC-exception': 'GCC-exception-2.0',
  'GPL-2.0-with-autoconf-exception': 'Autoconf-exception-2.0',
  'GPL-2.0-with-bison-exception': 'Bison-exception-2.2',
  'GPL-2.0-with-classpath-exception': 'Classpath-exception-2.0',
  'GPL-2.0-with-font-exception': 'Font-exception-2.0',
  'GPL-3.0-with-GCC-exception': 'GCC-exception-3.1',
  'GPL-3.0-with-autoconf-exception': 'Autoconf-exception-3.0',
}));

/** The deprecated "GPL with exception" entry whose text carries exception `id`, if any. */
export function exceptionCarrier(id: string): string | undefined {
  for (const [carrier, exception] of EXCEPTION_CARRIERS) if (exception === id) return carrier;
  return undefined;
}

/**
 * The SPDX texts: current licence ids, the exceptions the package ships text for, and every other
 * current exception rendered from its SPDX template (LLVM-exception, Linux-syscall-note, …), so a
 * file quoting one finds it as a candidate.
 */
export function spdxSources(): SourceText[] {
  const full = require('spdx-license-list/full') as Record<string, { licenseText: string }>;
  const current = new Set(require('spdx-license-ids') as string[]);
  const sources: SourceText[] = [];
  for (const [id, entry] of Object.entries(full)) {
    if (current.has(id)) sources.push({ id, kind: 'licence', text: entry.licenseText });
    const exception = EXCEPTION_CARRIERS.get(id);
    if (exception) {
      const text = entry.licenseText.replace(/^\s*insert GPL[^\n]*\n/i, '');
      sources.push({ id: exception, kind: 'exception', text });
    }
  }
  const carried = new Set(EXCEPTION_CARRIERS.values());
  for (const id of require('spdx-exceptions') as string[]) {
    const text = carried.has(id) ? undefined : templateFileText(id);
    if (text) sources.push({ id, kind: 'exception', text });
  }
  return sources;
}

/** copyfair's reference texts: `licences/texts/<id>.txt`. */
export function referenceSources(directory: URL): SourceText[] {
  return readdirSync(directory)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({
      id: name.slice(0, -'.txt'.length),
      kind: 'licence' as const,
      text: readFileSync(new URL(name, directory), 'utf8'),
    }));
}

/**
 * Licence texts with the customary parts their SPDX text lacks (CPython's Python licence with its
 * history), compiled by scripts/compile-variants.js into licences/identify/variants.json: each is
 * one more entry of its id. Data: ScanCode LicenseDB, © nexB Inc. and others, CC-BY-4.0.
 */
export function variantSources(file = new URL('../../licences/identify/variants.json', import.meta.url)): SourceText[] {
  if (!existsSync(file)) return [];
  const { variants } = JSON.parse(readFileSync(file, 'utf8')) as { variants: { id: string; text: string }[] };
  return variants.map(({ id, text }) => ({ id, kind: 'licence' as const, text }));
}

/** Compiles every known text (SPDX, `textsDirectory` and the variants) into the corpus file. */
export function compileCorpus(textsDirectory: URL): CorpusFile {
  const own = referenceSources(textsDirectory);
  const ownIds = new Set(own.map((source) => source.id));
  // A reference text wins over an SPDX text of the same id (Hippocratic-3.0-core is newer than
  // the package's data).
  return compileSources([...own, ...spdxSources().filter((source) => !ownIds.has(source.id)), ...variantSources()]);
}

/** Compiles the given texts; texts that normalise to the same words become one entry. */
export function compileSources(sources: SourceText[]): CorpusFile {
  const groups = new Map<string, { ids: string[]; kind: SourceText['kind']; text: Normalised }>();
  for (const source of sources) {
    const normalised = normalise(source.text, { template: true });
    if (normalised.words.length < 3) continue;
    const legalCode = creativeCommonsLegalCode(source.id, source.text);
    for (const text of [normalised, withoutEndText(normalised), withoutAppendedGpl(normalised), legalCode && normalise(legalCode, { template: true })]) {
      if (!text) continue;
      const joined = text.words.join(' ');
      const group = groups.get(joined);
      if (group) group.ids.push(source.id);
      else groups.set(joined, { ids: [source.id], kind: source.kind, text });
    }
  }
  const file: CorpusFile = { version: 1, entries: [], exact: Object.create(null) as Record<string, number>, index: { keys: '', starts: '', entries: '' } };
  const sets: Uint32Array[] = [];
  for (const group of [...groups.values()].sort((a, b) => compareIds(preferredId(a.ids), preferredId(b.ids)))) {
    const id = preferredId(group.ids);
    const shingles = sortedSet(shinglesAt(group.text.words));
    sets.push(shingles);
    const index = file.entries.length;
    file.entries.push({
      id,
      alsoIds: group.ids.filter((other) => other !== id).sort(compareIds),
      kind: group.kind,
      words: group.text.words.length,
      shingles: toBase64(shingles),
      terms: termWordsOf(group.text.words),
    });
    for (const key of exactKeys(group.text)) file.exact[key] ??= index;
  }
  file.index = buildIndex(sets);
  return file;
}

// The guidelines let a copy omit what follows "END OF TERMS AND CONDITIONS" (Apache's and the GNU
// licences' "How to apply" appendices). Such texts get a second entry without it, so a copy without
// the appendix is not closer to a twin that never had one (Pixar's modified Apache).
const END_OF_TERMS = ['end', 'of', 'terms', 'and', 'conditions'];
const MIN_END_TEXT_WORDS = 30;

function withoutEndText(text: Normalised): Normalised | undefined {
  const { words } = text;
  for (let at = 0; at + END_OF_TERMS.length <= words.length; at++) {
    if (!END_OF_TERMS.every((word, offset) => words[at + offset] === word)) continue;
    const end = at + END_OF_TERMS.length;
    if (words.length - end < MIN_END_TEXT_WORDS) return undefined;
    return { words: words.slice(0, end), lines: text.lines.slice(0, end) };
  }
  return undefined;
}

// SPDX's LGPL-3.0 text carries the GPL-3.0 it builds on (optional in its template); packages ship
// the LGPL part alone, which would hold too little of the whole to be a candidate at all.
const APPENDED_GPL = ['gnu', 'general', 'public', 'license', 'version', '3', '29', 'june', '2007'];

function withoutAppendedGpl(text: Normalised): Normalised | undefined {
  const { words } = text;
  for (let at = 50; at + APPENDED_GPL.length <= words.length; at++) {
    if (APPENDED_GPL.every((word, offset) => words[at + offset] === word)) {
      return { words: words.slice(0, at), lines: text.lines.slice(0, at) };
    }
  }
  return undefined;
}

// Creative Commons' licences as SPDX prints them carry Creative Commons' own words around the legal
// code: the considerations above it ("Creative Commons Corporation … is not a law firm …") and the
// notice below it ("Creative Commons is not a party to its public licenses …"), each saying it
// is no part of the licence. Copies made from the legal code's web page leave both out (cspell's
// English misspellings dictionary, some 5 million downloads a month, ships CC BY-SA 4.0 so), and
// hold too little of SPDX's text to be its match (0.88): such texts get an entry without them.
// The 3.0 and 4.0 licences only: a copy of an older one without them is as close to its
// ShareAlike sibling as to itself (a CC BY 2.0 England and Wales text read as CC-BY-SA-2.0-UK).
const CC_LEGAL_CODE_IDS = /^CC-BY(?:-NC)?(?:-ND|-SA)?-(?:3\.0|4\.0)(?:-[A-Z]+)?$/;
const CC_CONSIDERATIONS = /creative\s+commons\s+corporation/i;
/** Where the legal code begins: 4.0's "By exercising the Licensed Rights", 3.0's "THE WORK (AS DEFINED BELOW) IS PROVIDED". */
const CC_LEGAL_CODE = /by\s+exercising\s+the\s+licensed\s+rights|the\s+work\s+\(as\s+defined\s+below\)\s+is\s+provided/i;
/** Creative Commons' notice below it (3.0's under a heading of its own). */
const CC_NOT_A_PARTY = /(?:creative\s+commons\s+notice\s+)?creative\s+commons\s+is\s+not\s+a\s+party/i;

/**
 * The text of Creative Commons licence `id` without Creative Commons' words around its legal code
 * (its title kept), or undefined when `id` is not a 3.0 or 4.0 licence or the text is not laid out
 * so. The corpus compiler and the reader of the known texts' words (reference-words.ts) both use
 * it, so that a match on such an entry is judged word by word like any other.
 */
export function creativeCommonsLegalCode(id: string, text: string): string | undefined {
  if (!CC_LEGAL_CODE_IDS.test(id)) return undefined;
  const start = text.search(CC_CONSIDERATIONS);
  const code = text.search(CC_LEGAL_CODE);
  if (start === -1 || start > 400 || code <= start) return undefined;
  const rest = text.slice(code);
  const notice = rest.search(CC_NOT_A_PARTY);
  return `${text.slice(0, start)}\n\n${notice === -1 ? rest : rest.slice(0, notice)}`;
}

function termWordsOf(words: readonly string[]): string[] {
  const present = new Set(words);
  return TERM_WORDS.filter((word) => present.has(word));
}

/**
 * Which id to report for a shared text: a `-only` id over its `-or-later` twin (a bare GPL text
 * grants no later versions: the safe reading), then the shorter, then alphabetical.
 */
function preferredId(ids: readonly string[]): string {
  return [...ids].sort((a, b) => rank(a) - rank(b) || a.length - b.length || compareIds(a, b))[0] ?? '';
}

function rank(id: string): number {
  if (id.endsWith('-or-later')) return 2;
  return id.endsWith('-only') ? 0 : 1;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function buildIndex(sets: Uint32Array[]): CorpusFile['index'] {
  // Pack (shingle, entry) pairs into one number so a single numeric sort groups the postings.
  const total = sets.reduce((sum, set) => sum + set.length, 0);
  const packed = new Float64Array(total);
  let at = 0;
  sets.forEach((set, entry) => {
    for (const shingle of set) packed[at++] = shingle * 65536 + entry;
  });
  packed.sort();
  const keys: number[] = [];
  const starts: number[] = [];
  const entries = new Uint16Array(total);
  for (let index = 0; index < total; index++) {
    const value = packed[index] ?? 0;
    const shingle = Math.floor(value / 65536);
    entries[index] = value - shingle * 65536;
    if (keys.length === 0 || keys[keys.length - 1] !== shingle) {
      keys.push(shingle);
      starts.push(index);
    }
  }
  starts.push(total);
  return {
    keys: toBase64(Uint32Array.from(keys)),
    starts: toBase64(Uint32Array.from(starts)),
    entries: toBase64(entries),
  };
}
