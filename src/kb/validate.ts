// Validates knowledge-base YAML against the JSON Schema and reports every problem with its file,
// line and column, so an author can fix them all at once (cargo-deny style).
import type { Ajv as AjvClass, ErrorObject, ValidateFunction } from 'ajv';
import { createRequire } from 'node:module';
import type { Document, LineCounter, Node } from 'yaml';
import { isMap, isScalar, isSeq, lineCounter as newLineCounter, parseDocument } from '../util/lazy.js';
import { suggest } from '../util/suggest.js';

const require = createRequire(import.meta.url);

/** One problem in a YAML file, located. */
export interface SourceProblem {
  file: string;
  line: number;
  column: number;
  message: string;
  /** The source line, for a caret display. */
  excerpt?: string;
}

/** A parsed YAML file with positions, so later checks can locate what they find. */
export interface LocatedDocument {
  file: string;
  text: string;
  document: Document;
  lineCounter: LineCounter;
}

let validators: { licence: ValidateFunction; family: ValidateFunction } | undefined;

function schemaValidators(): { licence: ValidateFunction; family: ValidateFunction } {
  if (!validators) {
    // Loaded on first use: a run that reads the precompiled knowledge base never needs ajv.
    const { Ajv } = require('ajv') as { Ajv: typeof AjvClass };
    const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
    const licence = require('../../schemas/licence.schema.json') as object;
    const family = require('../../schemas/family.schema.json') as object;
    ajv.addSchema(licence, 'licence.schema.json');
    ajv.addSchema(family, 'family.schema.json');
    validators = { licence: ajv.getSchema('licence.schema.json')!, family: ajv.getSchema('family.schema.json')! };
  }
  return validators;
}

/** Parses YAML text; syntax errors come back as located problems. */
export function parseYaml(file: string, text: string): { doc: LocatedDocument; problems: SourceProblem[] } {
  const lineCounter = newLineCounter();
  // The yaml package's own duplicate-key check compares every key with every other (quadratic:
  // 33 s for 830 KB); duplicates are found below in one pass instead.
  const document = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, prettyErrors: false, uniqueKeys: false, logLevel: 'error' });
  const doc = { file, text, document, lineCounter };
  // One mistake often gives the parser many errors (hundreds for a line of 3,000 "{", each with
  // the whole line quoted): each message once a line, at most MAX_SYNTAX_ERRORS of them.
  const problems: SourceProblem[] = [];
  const seen = new Set<string>();
  let more = 0;
  for (const error of document.errors) {
    const problem = locate(doc, error.pos[0], `YAML syntax error: ${syntaxMessage(error.message)}`);
    const key = `${problem.line}\u0000${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (problems.length < MAX_SYNTAX_ERRORS) problems.push(problem);
    else more++;
  }
  if (more > 0) problems[problems.length - 1]!.message += ` (and ${more} more syntax error${more === 1 ? '' : 's'} below; fix these first)`;
  if (problems.length === 0) problems.push(...duplicateKeys(doc));
  return { doc, problems };
}

/** The most YAML syntax errors reported for one file. */
const MAX_SYNTAX_ERRORS = 10;

/** The parser's message as a person can act on it: its first line, and no word of a JavaScript stack. */
function syntaxMessage(message: string): string {
  const first = message.split('\n')[0]!;
  return /maximum call stack size exceeded/i.test(first) ? 'brackets or indentation nested too deeply to read' : first;
}

/** Keys given twice in one mapping, found in one pass over the document (no recursion). */
function duplicateKeys(doc: LocatedDocument): SourceProblem[] {
  const problems: SourceProblem[] = [];
  const pending: unknown[] = [doc.document.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (isScalar(pair.key) && seen.has(key)) problems.push(locate(doc, pair.key.range?.[0] ?? 0, `YAML syntax error: map keys must be unique; "${String(key).slice(0, 80)}" is given twice`));
        seen.add(key);
        pending.push(pair.value);
      }
    } else if (isSeq(node)) {
      pending.push(...node.items);
    }
  }
  return problems;
}

/** Where an offset in the text is, as a problem with that message. */
export function locate(doc: LocatedDocument, offset: number, message: string): SourceProblem {
  const { line, col } = doc.lineCounter.linePos(offset);
  return { file: doc.file, line, column: col, message, excerpt: doc.text.split('\n')[line - 1] };
}

/** The YAML node at a JSON pointer-like path (`/rules/0/outcome`), or the nearest parent. */
export function nodeAt(doc: LocatedDocument, path: (string | number)[]): Node | undefined {
  for (let length = path.length; length >= 0; length--) {
    const node = doc.document.getIn(path.slice(0, length), true) as Node | undefined;
    if (node && typeof node === 'object' && 'range' in node && node.range) return node;
  }
  return doc.document.contents ?? undefined;
}

/** Locates a problem at a path in the document. */
export function locateAt(doc: LocatedDocument, path: (string | number)[], message: string, atKey = false): SourceProblem {
  let offset = nodeAt(doc, path)?.range?.[0] ?? 0;
  if (atKey && path.length > 0) {
    const parent = doc.document.getIn(path.slice(0, -1), true);
    if (isMap(parent)) {
      const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === path[path.length - 1]);
      if (pair && isScalar(pair.key) && pair.key.range) offset = pair.key.range[0];
    }
  }
  return locate(doc, offset, message);
}

/** Validates a document against the licence or family schema. */
export function validateSchema(doc: LocatedDocument, kind: 'licence' | 'family'): SourceProblem[] {
  const validate = schemaValidators()[kind];
  if (validate(doc.document.toJS())) return [];
  return simplify(validate.errors ?? []).map((error) => describe(doc, error));
}

/**
 * Validates the value at `path` in a document (a custom licence inside a project's config or a
 * dependency's terms file) against the licence schema, locating problems in the document.
 */
export function validateTermsAt(doc: LocatedDocument, path: (string | number)[]): SourceProblem[] {
  const node = doc.document.getIn(path, true) as { toJSON?: () => unknown } | undefined;
  const value = node && typeof node === 'object' && 'toJSON' in node && node.toJSON ? node.toJSON() : doc.document.getIn(path);
  const validate = schemaValidators().licence;
  if (validate(value)) return [];
  return simplify(validate.errors ?? []).map((error) => {
    const relative = toPath(error);
    const where = `${path.join('.')}${relative.length ? `.${relative.join('.')}` : ''}`;
    const located = `\`${where}\``;
    const message = explain(error).replace(/^(`[^`]*`|the entry)/, located).replace(/ in (`[^`]*`|the entry)/, ` in ${located}`);
    if (error.keyword === 'additionalProperties') {
      const key = (error.params as { additionalProperty: string }).additionalProperty;
      return locateAt(doc, [...path, ...relative, key], message, true);
    }
    return locateAt(doc, [...path, ...relative], message);
  });
}

/** Validates a plain value (a project's custom licence) and returns messages with JSON paths. */
export function validateTermsValue(value: unknown): { path: (string | number)[]; message: string }[] {
  const validate = schemaValidators().licence;
  if (validate(value)) return [];
  return simplify(validate.errors ?? []).map((error) => ({ path: toPath(error), message: explain(error) }));
}

/** Drops the noise of `oneOf`/`if` branches when a more specific error at the same place exists. */
function simplify(errors: ErrorObject[]): ErrorObject[] {
  const specific = errors.filter((error) => !['oneOf', 'if', 'anyOf'].includes(error.keyword));
  const kept = specific.length > 0 ? specific : errors;
  const seen = new Set<string>();
  return kept.filter((error) => {
    const key = `${error.instancePath}|${error.keyword}|${JSON.stringify(error.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function toPath(error: ErrorObject): (string | number)[] {
  return error.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function describe(doc: LocatedDocument, error: ErrorObject): SourceProblem {
  const path = toPath(error);
  if (error.keyword === 'additionalProperties') {
    const key = (error.params as { additionalProperty: string }).additionalProperty;
    return locateAt(doc, [...path, key], explain(error), true);
  }
  return locateAt(doc, path, explain(error));
}

/** A message a person can act on, with did-you-mean for enums and unknown keys. */
function explain(error: ErrorObject): string {
  const where = error.instancePath === '' ? 'the entry' : `\`${error.instancePath.slice(1).replace(/\//g, '.')}\``;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = (error.params as { additionalProperty: string }).additionalProperty;
      const known = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
      const near = suggest(key, known);
      return `unknown key \`${key}\` in ${where}${near.length ? `; did you mean ${near.map((n) => `\`${n}\``).join(' or ')}?` : '.'} Known keys: ${known.join(', ')}.`;
    }
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map(String);
      const value = String(error.data);
      const near = suggest(value, allowed);
      return `${where} is "${value}", expected one of: ${allowed.join(', ')}${near.length ? `; did you mean "${near[0]}"?` : '.'}`;
    }
    case 'required':
      return `${where} is missing the required key \`${(error.params as { missingProperty: string }).missingProperty}\`.`;
    case 'type':
      return `${where} must be ${(error.params as { type: string }).type}, got ${JSON.stringify(error.data)}.`;
    case 'pattern':
      return `${where} is "${String(error.data)}", which does not match ${(error.params as { pattern: string }).pattern}.`;
    default:
      return `${where} ${error.message ?? 'is invalid'}.`;
  }
}

/** Formats problems as `file:line:col: message` with the source line (around the column, when long) and a caret. */
export function formatProblems(problems: SourceProblem[]): string {
  return listProblems(problems, (problem) => {
    const head = `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;
    if (problem.excerpt === undefined) return head;
    const { text, column } = excerptAround(problem.excerpt, problem.column);
    return `${head}\n  ${text}\n  ${' '.repeat(Math.max(0, column - 1))}^`;
  });
}

/** The most problems listed at once: the rest are counted (a file of thousands of mistakes is fixed from the top). */
export const MAX_LISTED_PROBLEMS = 25;

/** Each problem formatted, at most {@link MAX_LISTED_PROBLEMS}, then how many more there are. */
export function listProblems<T>(problems: T[], format: (problem: T) => string): string {
  const shown = problems.slice(0, MAX_LISTED_PROBLEMS).map(format);
  const more = problems.length - shown.length;
  if (more > 0) shown.push(`… and ${more} more problem${more === 1 ? '' : 's'}: fix these first, then run again`);
  return shown.join('\n');
}

/** How much of a long source line a problem shows: this many characters, around its column. */
const EXCERPT_WIDTH = 160;

/**
 * A source line as a problem quotes it: whole when short, else a window of {@link EXCERPT_WIDTH}
 * characters around `column` with "…" where it is cut, and the column within that window.
 */
export function excerptAround(excerpt: string, column: number): { text: string; column: number } {
  if (excerpt.length <= EXCERPT_WIDTH) return { text: excerpt, column };
  const start = Math.max(0, Math.min(column - 1 - 40, excerpt.length - EXCERPT_WIDTH));
  const end = Math.min(excerpt.length, start + EXCERPT_WIDTH);
  const before = start > 0 ? '…' : '';
  return { text: `${before}${excerpt.slice(start, end)}${end < excerpt.length ? '…' : ''}`, column: column - start + before.length };
}

