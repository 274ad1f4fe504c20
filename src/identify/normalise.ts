// Turns a licence text into the word sequence that matching compares, following the SPDX matching
// guidelines (spdx.github.io/spdx-spec/v2.3/license-matching-guidelines-and-templates): case,
// white space, punctuation, quotes and dashes, bullets and numbering, copyright lines, http/https
// and varietal spellings do not change which licence a text is. Each word keeps its line number so
// a match can say where in the file it is.

/** A normalised text: words and, for each word, its 1-based line in the original text. */
export interface Normalised {
  words: string[];
  lines: number[];
}

/** Options for {@link normalise}. */
export interface NormaliseOptions {
  /**
   * The text is a reference template: also drop replaceable text (`[name of copyright owner]`,
   * `{Licensor Name}`, `$name`), which never appears verbatim in a real file.
   */
  template?: boolean;
}

// SPDX guideline 8 (equivalent words), British or alternative form → the form we compare on. A
// Map, not an object: a text's words are looked up in it, and "constructor" is a word too.
const VARIETAL: ReadonlyMap<string, string> = new Map(Object.entries({
  acknowledgement: 'acknowledgment',
  analogue: 'analog',
  analyse: 'analyze',
  artefact: 'artifact',
  authorisation: 'authorization',
  authorised: 'authorized',
  calibre: 'caliber',
  cancelled: 'canceled',
  capitalisations: 'capitalizations',
  catalogue: 'catalog',
  categorise: 'categorize',
  centre: 'center',
  emphasised: 'emphasized',
  favour: 'favor',
  favourite: 'favorite',
  fulfil: 'fulfill',
  fulfilment: 'fulfillment',
  initialise: 'initialize',
  judgement: 'judgment',
  labelling: 'labeling',
  labour: 'labor',
  licence: 'license',
  licences: 'licenses',
  licenced: 'licensed',
  licencee: 'licensee',
  licencees: 'licensees',
  licencing: 'licensing',
  licencor: 'licensor',
  licencors: 'licensors',
  maximise: 'maximize',
  modelled: 'modeled',
  modelling: 'modeling',
  offence: 'offense',
  optimise: 'optimize',
  organisation: 'organization',
  organisations: 'organizations',
  organise: 'organize',
  practise: 'practice',
  programme: 'program',
  realise: 'realize',
  recognise: 'recognize',
  signalling: 'signaling',
  utilisation: 'utilization',
  whilst: 'while',
  wilful: 'willful',
  https: 'http',
}));

// A copyright statement: "Copyright (c) 2020 …", "Copyright 2020 …", "© …", "(c) 2020 …",
// "Copyright <year> …", "All rights reserved". Guideline 10: copyright notices are not part of
// the licence. The second word is required so that a wrapped line of licence text that merely
// starts with "COPYRIGHT HOLDERS BE LIABLE" is kept.
const COPYRIGHT_LINE =
  /^[\s>*#_-]*(?:copyright\s*(?:\(c\)|©|&copy;|\d|<|\[|\{|\$|year|notice\s*:|\(c\)|by\b|owner\s*:)|©|\(c\)\s*\d|all rights reserved)/i;

// Bullets and list numbering at the start of a line (guideline 7): "1.", "1.2.", "(a)", "iv)",
// "*", "-", "•", Markdown headings and quotes.
const LIST_MARKER =
  /^\s*(?:(?:[-*•·>#+]+|\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-z]|[ivxlc]{1,6})[.)]|\((?:\d{1,3}|[a-z]|[ivxlc]{1,6})\)|§\s*\d+)\s+)+/i;

// Replaceable text in reference templates (guideline 3): bracketed placeholders.
const TEMPLATE_PLACEHOLDER = /\[[^\][\n]{1,60}\]|\{[^{}\n]{1,60}\}|\$[a-z]+\b/gi;
// Angle-bracket text is either a placeholder (`<copyright holders>`) or a Markdown autolink;
// neither decides the licence, so it is dropped from both sides.
const ANGLE_TEXT = /<[^<>\n]{1,80}>/g;

const NON_WORD = /[^\p{L}\p{N}]+/u;

/** Normalises `text` into comparable words with their line numbers. */
export function normalise(text: string, options: NormaliseOptions = {}): Normalised {
  const words: string[] = [];
  const lines: number[] = [];
  const rawLines = text.split(/\r\n|\r|\n/);
  for (let index = 0; index < rawLines.length; index++) {
    const line = rawLines[index] ?? '';
    for (const word of options.template ? wordsOfLine(line, true) : rememberedWordsOfLine(line)) {
      const last = words.length - 1;
      if (last >= 0 && JOINABLE_PREFIXES.has(words[last] ?? '')) words[last] += word;
      else {
        words.push(word);
        lines.push(index + 1);
      }
    }
  }
  return { words, lines };
}

/** The words of one line, before words split by a line break are joined again. */
function wordsOfLine(raw: string, template: boolean): string[] {
  let line = raw;
  if (COPYRIGHT_LINE.test(line)) {
    line = afterCopyrightStatement(line);
    if (line === '') return [];
  }
  line = line.replace(LIST_MARKER, ' ').replace(ANGLE_TEXT, ' ');
  if (template) line = line.replace(TEMPLATE_PLACEHOLDER, ' ');
  // Apostrophes inside words ("licensor's", "don’t") must not split a word on one side only.
  line = line.toLowerCase().replace(/[’'`]/g, '');
  const words: string[] = [];
  for (const token of line.split(NON_WORD)) {
    if (token !== '') words.push(VARIETAL.get(token) ?? token);
  }
  return words;
}

/**
 * Lines remembered with their words. A tree's licence files share most of their lines (hundreds of
 * MIT texts differ in one copyright line), so a line is read once; copyright lines, which differ
 * every time, are not kept. Bounded: about half a kilobyte a line.
 */
const LINE_LIMIT = 8192;
const rememberedLines = new Map<string, readonly string[]>();

function rememberedWordsOfLine(line: string): readonly string[] {
  const known = rememberedLines.get(line);
  if (known) return known;
  // A copy: `line` is a slice of the whole file, which the memo must not keep alive.
  const own = (' ' + line).slice(1);
  const words = wordsOfLine(own, false);
  if (!COPYRIGHT_LINE.test(own)) {
    if (rememberedLines.size >= LINE_LIMIT) rememberedLines.clear();
    rememberedLines.set(own, words);
  }
  return words;
}

// A copyright statement is a line of its own in most texts, but a re-wrapped paragraph can glue
// licence text to it ("Copyright 2001 by X. Any use of the code is permitted …"). The statement
// ends at its first sentence end or "All rights reserved", and is at most ten words long; the
// same rule on both sides keeps a reference and its re-wrapped copy alike.
const STATEMENT_WORDS = 10;

function afterCopyrightStatement(line: string): string {
  const words = [...line.matchAll(/[\p{L}\p{N}]+/gu)];
  const limit = words[STATEMENT_WORDS]?.index ?? line.length;
  // "All rights reserved" ends a statement wherever it is; a full stop only before the limit and
  // before a capital ("Foo Inc. and others" goes on).
  const reserved = /all rights reserved\.?/i.exec(line);
  if (reserved) return line.slice(reserved.index + reserved[0].length);
  const sentence = /\.\s+(?=[A-Z])/.exec(line);
  if (sentence && sentence.index < limit) return line.slice(sentence.index + sentence[0].length);
  return line.slice(limit);
}

// "sub-license", "sub license" and "non-commercial" are spelt with and without the break.
const JOINABLE_PREFIXES = new Set(['sub', 'non', 'co']);
