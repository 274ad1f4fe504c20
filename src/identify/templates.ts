// The SPDX License List's templates (compiled by scripts/compile-templates.js into
// licences/identify/spdx-templates.json) turned into word programs the template matcher runs:
// literal words, bounded gaps for replaceable text (<alt>), optional parts (<optional>, titles,
// copyright notices) and choices. Loaded on the first text the exact path does not settle, and
// each licence's program compiled only when it is first a candidate.
// Data: SPDX License List, © Linux Foundation and its contributors, CC-BY-3.0.
import { existsSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { normalise } from './normalise.js';
import { EXCEPTING_PAIRS, EXCLUDING_WORDS, GRANTING_CLAUSE_WORDS, NARROWING_WORDS } from './excluding-words.js';
import { TERM_WORDS } from './insertions.js';
import { templateFile, templateFileNodes } from './template-file.js';
import { readTemplates, type TemplateStore } from './template-store.js';

/** One step of a template program. */
export type TemplateNode =
  | { kind: 'word'; word: string }
  /**
   * Up to `max` words of replaceable text; a restricting word only when `allow` has it. A `bullet`
   * gap takes only a list marker's words ("1", "a", "iv").
   */
  | { kind: 'gap'; max: number; allow: ReadonlySet<string>; bullet?: true }
  | { kind: 'optional'; body: TemplateNode[] }
  | { kind: 'choice'; branches: TemplateNode[][] };

/** A compiled template: its program and the number of words it requires. */
export interface Template {
  id: string;
  nodes: TemplateNode[];
  /** Words every match holds (literal words outside optional parts and choices). */
  required: number;
  /**
   * The program without its leading gaps and optional parts: a match starts at its latest
   * possible start, so those never take a word (a title is claimed afterwards, see `title`).
   */
  body: TemplateNode[];
  /** The leading nodes left out of `body`, claimed backwards from a match's start when present. */
  lead: TemplateNode[];
  /** Words the licence's title may hold ("The MIT License (MIT)"), claimed before a match. */
  title: ReadonlySet<string>;
}

/** The raw form in the data file (see scripts/compile-templates.js). */
type RawNode = string | { a: string; t: string } | { o: RawNode[] } | { c: RawNode[] } | { h: RawNode[] } | { b: string };

/**
 * Words that restrict: replaceable text may hold a holder's or a project's name, never one of
 * these unless the template's own words or its pattern have it (BSD's "The name of X may not").
 * A gap that would swallow "not for military use" fails, and the text goes to similarity, where
 * the inserted term keeps it unknown.
 */
const RESTRICTING = new Set([
  ...TERM_WORDS,
  'only', 'solely', 'exclusively', 'no', 'nor', 'without', 'personal', 'evaluation', 'noncommercial',
  'prohibit', 'prohibits', 'forbid', 'forbids', 'pay', 'paid', 'payment', 'license', 'licenses', 'licensed',
  'permission', 'permitted', 'use', 'distribute', 'redistribute', 'modify', 'sublicense', 'warranty',
  ...EXCLUDING_WORDS,
  // A clause, not a name (seventeenth session, each read as the licence): "THE SOFTWARE IS PROVIDED
  // "AS IS" AND ACME, WHO GRANTS THESE RIGHTS TO STUDENTS AND TEACHERS, DISCLAIMS …" (ISC's author),
  // "Copyright (c) 2024 Acme. Teachers and students are given" above "permission to use …".
  ...GRANTING_CLAUSE_WORDS,
  // Another licence's name, not a holder's (eighteenth session: "GPL-3.0" or "AGPL" as the title
  // above an MIT text was its template's, free): the similarity path reads it as words beside.
  'gpl', 'gplv2', 'gplv3', 'lgpl', 'lgplv2', 'lgplv3', 'agpl', 'agplv3', 'sspl', 'busl', 'eupl', 'cddl', 'mpl', 'odbl', 'copyleft', 'proprietary', 'nc', 'nd', 'sa',
  // A sentence, not a name (thirty-second session: "Cannot be offered as a hosted service." above
  // PostgreSQL's "THE UNIVERSITY OF CALIFORNIA SPECIFICALLY DISCLAIMS" was the holder's place's).
  'cannot', 'hosted', 'saas',
]);
/**
 * Words a name put where the licence prints one (an <alt>: "THE COPYRIGHT HOLDERS AND
 * CONTRIBUTORS", ISC's "THE AUTHOR") never holds, unless the printed text or its pattern does: who
 * or where it is for ("THIS SOFTWARE IS PROVIDED BY ACME TO STUDENTS", "… BY ACME FOR ACADEMIC
 * RESEARCH", "… BY ACME IN THE UNITED STATES", "Neither the name of Acme (available to members of
 * the Acme Foundation)": each a BSD template match, free, in the seventeenth session). Not a
 * copyright statement's gap, whose holders may be "a non-profit organization dedicated to …"
 * (ImageMagick's).
 */
const NOT_A_NAME = new Set([...NARROWING_WORDS, 'to', 'in', 'research', 'school', 'schools', 'universities', 'nonprofits']);
/** Words one wildcard of a pattern (`.+`, `.*`, `\S+`) may stand for: names, not sentences. */
const WILDCARD_WORDS = 16;
/** Words a copyright notice left after normalisation, or a title, may hold. */
const NOTICE_WORDS = 30;
/** Patterns with more expansions than this become one bounded gap. */
const MAX_EXPANSIONS = 64;
const WILDCARD = '\u0001';

let store: TemplateStore | null | undefined;
const compiled = new Map<string, Template | null>();

/** The programs the build compiled next to this module, or null (running from source). */
function templateStore(): TemplateStore | null {
  if (store !== undefined) return store;
  const url = new URL('./templates.bin', import.meta.url);
  store = existsSync(url) ? readTemplates(url) : null;
  return store;
}

/** The template of SPDX id `id`, on first use; undefined when SPDX has none. */
export function templateOf(id: string): Template | undefined {
  const known = compiled.get(id);
  if (known !== undefined) return known ?? undefined;
  const precompiled = templateStore();
  const template = precompiled ? (precompiled.program(id) ?? null) : compileRaw(id);
  compiled.set(id, template);
  return template ?? undefined;
}

/** Compiles the template of `id` from the data file; null when SPDX has none. */
function compileRaw(id: string): Template | null {
  const packed = templateFileNodes(id);
  return packed ? compileTemplate(id, JSON.parse(inflateRawSync(packed).toString('utf8')) as RawNode[]) : null;
}

/** Every template of the data file compiled, with the data's attribution (the build stores them). */
export function compileAllTemplates(): { attribution: string; source: string; templates: Template[] } | undefined {
  const data = templateFile();
  if (!data) return undefined;
  const templates = Object.keys(data.templates).map((id) => compileRaw(id)!);
  return { attribution: data.attribution, source: data.source, templates };
}

/** Compiles raw template nodes into a word program. Exported for tests. */
export function compileTemplate(id: string, raw: readonly RawNode[]): Template {
  const nodes = compileNodes(raw);
  const title = new Set(['the', 'license', 'version', 'v', ...normalise(id.replace(/[-.]/g, ' ')).words]);
  for (const node of raw) if (typeof node !== 'string' && 'h' in node) for (const word of normalise(flatText(node.h)).words) title.add(word);
  let lead = 0;
  while (lead < nodes.length && (nodes[lead]!.kind === 'gap' || nodes[lead]!.kind === 'optional')) lead++;
  return { id, nodes, body: nodes.slice(lead), lead: nodes.slice(0, lead), required: requiredWords(nodes), title };
}

// A line of a template that is a copyright statement ("Copyright <years> The Regents of …"): the
// normaliser drops such lines from files, so the template must not require their words.
// "COPYRIGHT HOLDERS BE LIABLE" at a line start is licence text: a statement has a year, a (c),
// a placeholder, or is followed by replaceable text (the segment ends after "Copyright").
const COPYRIGHT_START = /(?:^|\n)[ \t]*(?:copyright\s*(?:\(c\)|©|\d|<|\[|\{|$)|©|\(c\)\s*\d)/i;

function compileNodes(raw: readonly RawNode[]): TemplateNode[] {
  const out: TemplateNode[] = [];
  let inCopyright = false;
  for (const node of raw) {
    if (inCopyright && typeof node !== 'string') continue;
    if (typeof node === 'string') {
      let text = node;
      if (inCopyright) {
        const end = text.indexOf('\n');
        if (end < 0) continue;
        text = text.slice(end);
        inCopyright = false;
      }
      const statement = COPYRIGHT_START.exec(text);
      if (statement) {
        const end = text.indexOf('\n', statement.index + statement[0].length);
        const cut = text[statement.index] === '\n' ? statement.index + 1 : statement.index;
        out.push(...wordsOf(text.slice(0, cut)), { kind: 'gap', max: NOTICE_WORDS, allow: new Set() });
        if (end < 0) inCopyright = true;
        else out.push(...compileNodes([text.slice(end)]));
        continue;
      }
      out.push(...wordsOf(text));
    }
    else if ('a' in node) out.push(alternative(node.a, node.t));
    else if ('o' in node) out.push({ kind: 'optional', body: compileNodes(node.o) });
    else if ('c' in node) out.push({ kind: 'gap', max: NOTICE_WORDS, allow: new Set() });
    else if ('h' in node) out.push({ kind: 'gap', max: NOTICE_WORDS, allow: new Set(normalise(flatText(node.h)).words) });
    // A bullet is "1.", "(a)", "iv)": the normaliser drops it at a line start, not where a
    // re-wrapped file puts it mid-line. Only a marker's words: SPDX lets a bullet be any twenty
    // characters, and "Apart from Amazon." between BSD's conditions was read as a bullet (BSD, free).
    else out.push({ kind: 'gap', max: 3, allow: new Set(), bullet: true });
  }
  return out;
}

function wordsOf(text: string): TemplateNode[] {
  return normalise(text).words.map((word) => ({ kind: 'word', word }));
}

function flatText(raw: readonly RawNode[]): string {
  return raw.map((node) => (typeof node === 'string' ? node : 't' in node ? node.t : '')).join(' ');
}

/**
 * An <alt>: the pattern's expansions as choices of word sequences, each wildcard a bounded gap.
 * A pattern too rich to expand is one gap as long as its printed text allows, plus slack.
 */
function alternative(pattern: string, printed: string): TemplateNode {
  const printedWords = normalise(printed).words;
  const expansions = expand(pattern);
  const allow = new Set(printedWords);
  if (expansions === undefined) {
    return { kind: 'gap', max: Math.min(40, printedWords.length + WILDCARD_WORDS), allow };
  }
  for (const expansion of expansions) for (const word of normalise(expansion.replaceAll(WILDCARD, ' ')).words) allow.add(word);
  const seen = new Set<string>();
  const branches: TemplateNode[][] = [];
  for (const expansion of expansions) {
    const branch: TemplateNode[] = [];
    expansion.split(WILDCARD).forEach((piece, index) => {
      if (index > 0) branch.push({ kind: 'gap', max: WILDCARD_WORDS, allow });
      branch.push(...wordsOf(piece));
    });
    const key = JSON.stringify(branch, (_, value: unknown) => (value instanceof Set ? 0 : value));
    if (!seen.has(key)) {
      seen.add(key);
      branches.push(branch);
    }
  }
  return { kind: 'choice', branches };
}

function requiredWords(nodes: readonly TemplateNode[]): number {
  let count = 0;
  for (const node of nodes) {
    if (node.kind === 'word') count++;
    else if (node.kind === 'choice') count += Math.min(...node.branches.map(requiredWords));
  }
  return count;
}

// A small reader for the patterns SPDX uses in <alt match>: literals, escapes, groups, `|`,
// `?`, character classes; `.`, `\S`, `\w` and anything repeated count as a wildcard. Expands to
// the finite set of strings (wildcards marked), or undefined when there are too many.

type Pattern = string[] | undefined;

function expand(pattern: string): Pattern {
  const reader = { source: pattern, at: 0 };
  try {
    const result = alternation(reader);
    return reader.at === pattern.length ? result : undefined;
  } catch {
    return undefined;
  }
}

interface Reader {
  source: string;
  at: number;
}

function alternation(reader: Reader): Pattern {
  const branches: string[] = [];
  for (;;) {
    const branch = sequence(reader);
    if (!branch) return undefined;
    branches.push(...branch);
    if (branches.length > MAX_EXPANSIONS) return undefined;
    if (reader.source[reader.at] !== '|') return branches;
    reader.at++;
  }
}

function sequence(reader: Reader): Pattern {
  let strings = [''];
  while (reader.at < reader.source.length && reader.source[reader.at] !== '|' && reader.source[reader.at] !== ')') {
    let atom = atomOf(reader);
    if (!atom) return undefined;
    const quantifier = reader.source[reader.at];
    if (quantifier === '?') {
      reader.at++;
      atom = [...atom, ''];
    } else if (quantifier === '*' || quantifier === '+' || quantifier === '{') {
      skipQuantifier(reader);
      // A repeated space is a space; anything else repeated is replaceable text.
      atom = atom.every((value) => value === ' ') ? [' '] : [WILDCARD];
    }
    const next: string[] = [];
    for (const left of strings) for (const right of atom) next.push(left + right);
    if (next.length > MAX_EXPANSIONS) return undefined;
    strings = next;
  }
  return strings;
}

function skipQuantifier(reader: Reader): void {
  if (reader.source[reader.at] === '{') {
    const close = reader.source.indexOf('}', reader.at);
    if (close < 0) throw new Error('unclosed quantifier');
    reader.at = close + 1;
  } else reader.at++;
  if (reader.source[reader.at] === '?') reader.at++;
}

function atomOf(reader: Reader): Pattern {
  const char = reader.source[reader.at++]!;
  if (char === '(') {
    if (reader.source.startsWith('?:', reader.at)) reader.at += 2;
    const inner = alternation(reader);
    if (reader.source[reader.at++] !== ')') throw new Error('unclosed group');
    return inner;
  }
  if (char === '.') return [WILDCARD];
  if (char === '[') return characterClass(reader);
  if (char === '\\') {
    const escaped = reader.source[reader.at++] ?? '';
    if (escaped === 's') return [' '];
    if ('SwWdD'.includes(escaped)) return [WILDCARD];
    return [escaped];
  }
  if (char === '^' || char === '$') return [''];
  return [char];
}

function characterClass(reader: Reader): Pattern {
  const close = reader.source.indexOf(']', reader.at + 1);
  if (close < 0) throw new Error('unclosed class');
  const body = reader.source.slice(reader.at, close);
  reader.at = close + 1;
  if (body.startsWith('^') || body.includes('-') || body.includes('\\')) {
    // White space classes (`[ \t\r\n\f]`) are a space; other ranges are replaceable text.
    return /^(?:\\[strnf]| )+$/.test(body) ? [' '] : [WILDCARD];
  }
  return [...new Set(body)];
}

/** A list marker's words once normalised: "1", "1 2" ("1.2."), "a", "iv". */
const BULLET_WORD = /^(?:\d{1,3}|[a-z]|[ivxlc]{1,6})$/;

/** Whether `word` may stand in a bullet's gap. */
export function fitsBullet(word: string): boolean {
  return BULLET_WORD.test(word);
}

/**
 * The second word of the pairs that make an exception of someone ("Other than Amazon.", "Apart
 * from Amazon."), by their first: no gap takes them, unless its template prints them. A name's
 * place took them: "Neither the name of Yahoo! Inc. other than Amazon nor …" matched BSD-3-Clause
 * exactly (free).
 */
const EXCEPTING_SECOND: ReadonlyMap<string, string> = new Map(EXCEPTING_PAIRS);

/** Whether `words[at]` opens an excepting pair a gap allowing `allow` must not take. */
export function exceptsInGap(words: readonly string[], at: number, allow: ReadonlySet<string>): boolean {
  const second = EXCEPTING_SECOND.get(words[at]!);
  return second !== undefined && words[at + 1] === second && !(allow.has(words[at]!) && allow.has(second));
}

/** Whether `word` may stand in a gap whose template allows `allow`. */
export function fitsGap(word: string, allow: ReadonlySet<string>): boolean {
  // (An <alt>'s gap allows its printed words; a copyright statement's and a bullet's allow none.)
  return (!RESTRICTING.has(word) && !(allow.size > 0 && NOT_A_NAME.has(word))) || allow.has(word);
}

/** The attribution to keep with any output derived from the templates. */
export function templatesAttribution(): string | undefined {
  return templateStore()?.attribution ?? templateFile()?.attribution;
}

/**
 * The text of SPDX id `id` as the licence prints it, rendered from its template (replaceable text
 * as printed, optional parts included); undefined when SPDX has no template. For the exceptions no
 * installed package carries the text of (compile-corpus.ts).
 */
export function templateText(id: string): string | undefined {
  // The build keeps each template's nodes in templates.bin too, so this does not read the whole
  // data file (~2.6 MB of JSON, ~20 ms) for the one exception whose words a match needs.
  const precompiled = templateStore();
  return printedFrom(precompiled?.hasNodes ? precompiled.nodes(id) : templateFileNodes(id));
}

/** {@link templateText} from the data file, never the build's store: what the build compiles from. */
export function templateFileText(id: string): string | undefined {
  return printedFrom(templateFileNodes(id));
}

function printedFrom(deflated: Buffer | undefined): string | undefined {
  if (!deflated) return undefined;
  const nodes = JSON.parse(inflateRawSync(deflated).toString('utf8')) as RawNode[];
  return printed(nodes);
}

function printed(raw: readonly RawNode[]): string {
  return raw
    .map((node) => (typeof node === 'string' ? node : 'a' in node ? node.t : 'b' in node ? `${node.b} ` : printed('o' in node ? node.o : 'c' in node ? node.c : node.h)))
    .join('');
}
