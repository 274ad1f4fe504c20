// A reader for the block YAML that package managers write (pnpm-lock.yaml; yarn.lock from yarn 2
// on): mappings and sequences one entry a line, indented by spaces; keys and values that are plain
// scalars on one line, quoted strings on one line (no escapes), and one-line flow mappings and
// sequences of these ("resolution: {integrity: sha512-…}", "os: [darwin]"); blank and comment
// lines. It gives the very value the yaml package gives (plain objects and arrays, the core
// schema's null, booleans and small integers), or undefined at the first thing it does not fully
// understand — anything else, and every error — so that the yaml package reads that document
// instead and says where it is wrong. A differential property test
// (tests/ecosystems/yaml-plain.test.ts) holds the two equal.
//
// The yaml package, loaded cold as a scan loads it, took ~1.1 s for the real tree's
// pnpm-lock.yaml (438 KB, 1,374 packages) and ~90 ms to load; this reader a few tens of
// milliseconds, and a plain lockfile never loads the yaml package at all.

/** Thrown (and caught below) at anything the reader leaves to the yaml package. */
const UNSURE = new Error('not plain YAML');

/** Characters whose reading the yaml package decides (tabs, other control characters, NEL, line and paragraph separators, byte-order marks, carriage returns). */
const UNSAFE = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;

/** Blocks nested deeper than this are left to the yaml package. */
const MAX_DEPTH = 64;

// The core schema's scalars (YAML 1.2, the yaml package's default): null, booleans, and every form
// of number; a plain scalar that is none of them is a string.
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const TRUE = /^(?:[Tt]rue|TRUE)$/;
const FALSE = /^(?:[Ff]alse|FALSE)$/;
/** A decimal integer small enough to read the same whichever way it is parsed. */
const SMALL_INTEGER = /^[0-9]{1,15}$/;
const NUMBER = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;

/** Characters a plain scalar may not start with (YAML's indicators); `-`, `?` and `:` only before a space or the end. */
const INDICATORS = new Set([',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);
/** A colon that would end a plain scalar inside a flow collection (before a space, a flow indicator or the end); "https://…" has none. */
const COLON_IN_FLOW = /:(?:[ ,[\]{}]|$)/;
/** Characters that end a plain scalar inside a flow collection. */
const FLOW_INDICATORS = new Set([',', '[', ']', '{', '}']);

type Mapping = Record<string, unknown>;

/** The document as the yaml package reads it, or undefined when it is not plain enough to be sure. */
export function readPlainYaml(text: string): Mapping | undefined {
  if (UNSAFE.test(text)) return undefined;
  try {
    return new Reader(text).document();
  } catch (error) {
    if (error === UNSURE || error instanceof RangeError) return undefined;
    throw error;
  }
}

class Reader {
  private readonly lines: string[];
  /** The next line to read. */
  private at = 0;

  constructor(text: string) {
    this.lines = text.split('\n');
  }

  document(): Mapping {
    const first = this.next();
    // An empty document, or one that is not a mapping at the top, is the yaml package's.
    if (first < 0 || indentOf(this.lines[first]!) !== 0 || isItem(this.lines[first]!, 0)) throw UNSURE;
    const value = this.mapping(0, 0);
    if (this.next() >= 0) throw UNSURE;
    return value;
  }

  /** The index of the next line holding anything but spaces or a comment (skipping the others), or -1. */
  private next(): number {
    const lines = this.lines;
    while (this.at < lines.length) {
      const line = lines[this.at]!;
      const indent = indentOf(line);
      if (indent < line.length && line.charCodeAt(indent) !== 35) return this.at;
      this.at++;
    }
    return -1;
  }

  /** The next line of the block indented by `indent`, read (undefined where the block ends); a line indented deeper is the yaml package's. */
  private lineOf(indent: number, depth: number): string | undefined {
    if (depth > MAX_DEPTH) throw UNSURE;
    const index = this.next();
    if (index < 0) return undefined;
    const line = this.lines[index]!;
    const lineIndent = indentOf(line);
    if (lineIndent < indent) return undefined;
    if (lineIndent > indent) throw UNSURE;
    this.at = index + 1;
    return line;
  }

  private mapping(indent: number, depth: number): Mapping {
    const map: Mapping = {};
    for (let line = this.lineOf(indent, depth); line !== undefined; line = this.lineOf(indent, depth)) {
      // A document marker, or a sequence where a key should be.
      if ((indent === 0 && (line.startsWith('---') || line.startsWith('...'))) || isItem(line, indent)) throw UNSURE;
      let key: string;
      let after: number;
      const first = line[indent];
      if (first === "'" || first === '"') {
        const [quoted, end] = quotedAt(line, indent);
        if (line[end] !== ':') throw UNSURE;
        key = quoted;
        after = end + 1;
      } else {
        // A plain key ends at the first ": " or at a ":" that ends the line.
        let colon = line.indexOf(':', indent);
        while (colon >= 0 && colon + 1 < line.length && line.charCodeAt(colon + 1) !== 32) colon = line.indexOf(':', colon + 1);
        if (colon < 0) throw UNSURE;
        const scalar = plainScalar(trimEnd(line.slice(indent, colon)), false);
        if (typeof scalar !== 'string') throw UNSURE;
        key = scalar;
        after = colon + 1;
      }
      if (key === '__proto__' || (after < line.length && line.charCodeAt(after) !== 32)) throw UNSURE;
      const rest = trim(line.slice(after));
      map[key] = rest === '' || rest.startsWith('#') ? this.nested(indent, depth) : this.inline(rest, indent);
    }
    return map;
  }

  /** The value of a key with nothing after its colon: the block below it, or null. */
  private nested(indent: number, depth: number): unknown {
    const index = this.next();
    if (index < 0) return null;
    const line = this.lines[index]!;
    const child = indentOf(line);
    // (A sequence may sit at its key's own indentation: left to the yaml package.)
    if (child < indent || (child === indent && !isItem(line, child))) return null;
    if (child === indent) throw UNSURE;
    return isItem(line, child) ? this.sequence(child, depth + 1) : this.mapping(child, depth + 1);
  }

  private sequence(indent: number, depth: number): unknown[] {
    const items: unknown[] = [];
    for (let line = this.lineOf(indent, depth); line !== undefined; line = this.lineOf(indent, depth)) {
      if (!isItem(line, indent)) throw UNSURE;
      const rest = trim(line.slice(indent + 1));
      // An item that is a block of its own (or a comment where it should be) is the yaml package's.
      if (rest === '' || rest.startsWith('#')) throw UNSURE;
      items.push(this.inline(rest, indent));
    }
    return items;
  }

  /** A value on the line of its key or item: quoted, a flow collection, or plain; nothing may continue it below. */
  private inline(text: string, indent: number): unknown {
    let value: unknown;
    let end: number;
    const first = text[0];
    if (first === "'" || first === '"') [value, end] = quotedAt(text, 0);
    else if (first === '{' || first === '[') [value, end] = flowAt(text, 0, 0);
    else {
      // (A comment after a plain scalar is the yaml package's to cut.)
      if (text.includes(' #') || text.includes(': ') || text.endsWith(':')) throw UNSURE;
      value = plainScalar(text, false);
      end = text.length;
    }
    const rest = trim(text.slice(end));
    if (rest !== '' && !rest.startsWith('#')) throw UNSURE;
    if (rest !== '' && text.charCodeAt(end) !== 32) throw UNSURE;
    // A line below, indented deeper, would continue the value (or be an error).
    const index = this.next();
    if (index >= 0 && indentOf(this.lines[index]!) > indent) throw UNSURE;
    return value;
  }
}

/** How many spaces begin `line`. */
function indentOf(line: string): number {
  let indent = 0;
  while (indent < line.length && line.charCodeAt(indent) === 32) indent++;
  return indent;
}

/** Whether `line` holds a sequence item ("- ", or a lone "-") at `indent`. */
function isItem(line: string, indent: number): boolean {
  return line.charCodeAt(indent) === 45 && (line.length === indent + 1 || line.charCodeAt(indent + 1) === 32);
}

/** `text` without the spaces at its end (only spaces: YAML's white space, tabs being refused). */
function trimEnd(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 32) end--;
  return end === text.length ? text : text.slice(0, end);
}

function trim(text: string): string {
  const start = indentOf(text);
  return trimEnd(start === 0 ? text : text.slice(start));
}

/** A quoted string starting at `start`, closed on the same line: its value and the index after its closing quote. */
function quotedAt(text: string, start: number): [string, number] {
  const quote = text[start]!;
  if (quote === '"') {
    const end = text.indexOf('"', start + 1);
    // Escapes are the yaml package's to read.
    if (end < 0 || text.slice(start + 1, end).includes('\\')) throw UNSURE;
    return [text.slice(start + 1, end), end + 1];
  }
  let value = '';
  let from = start + 1;
  for (;;) {
    const end = text.indexOf("'", from);
    if (end < 0) throw UNSURE;
    value += text.slice(from, end);
    if (text[end + 1] !== "'") return [value, end + 1];
    value += "'";
    from = end + 2;
  }
}

/** A plain scalar (already trimmed) as the core schema reads it; anything but a string, null, a boolean or a small integer is the yaml package's. */
function plainScalar(text: string, flow: boolean): string | number | boolean | null {
  if (text === '') throw UNSURE;
  const first = text[0]!;
  if (INDICATORS.has(first) || ((first === '-' || first === '?' || first === ':') && (text.length === 1 || text.charCodeAt(1) === 32))) throw UNSURE;
  if (text.includes(' #') || (flow && COLON_IN_FLOW.test(text))) throw UNSURE;
  if (NULL.test(text)) return null;
  if (TRUE.test(text)) return true;
  if (FALSE.test(text)) return false;
  if (SMALL_INTEGER.test(text)) return Number(text);
  if (NUMBER.test(text)) throw UNSURE;
  return text;
}

/** A flow mapping or sequence starting at `start`, closed on the same line: its value and the index after it. */
function flowAt(text: string, start: number, depth: number): [unknown, number] {
  if (depth > MAX_DEPTH) throw UNSURE;
  const mapping = text[start] === '{';
  const close = mapping ? '}' : ']';
  const map: Mapping = {};
  const items: unknown[] = [];
  let at = skipSpaces(text, start + 1);
  if (text[at] === close) return [mapping ? map : items, at + 1];
  for (;;) {
    if (mapping) {
      let key: unknown;
      [key, at] = flowScalarAt(text, at, true);
      if (typeof key !== 'string' || key === '__proto__' || text[at] !== ':' || text.charCodeAt(at + 1) !== 32) throw UNSURE;
      let value: unknown;
      [value, at] = flowValueAt(text, skipSpaces(text, at + 1), depth);
      map[key] = value;
    } else {
      let value: unknown;
      [value, at] = flowValueAt(text, at, depth);
      items.push(value);
    }
    at = skipSpaces(text, at);
    if (text[at] === close) return [mapping ? map : items, at + 1];
    if (text[at] !== ',') throw UNSURE;
    at = skipSpaces(text, at + 1);
    // (A comma before the closing bracket is the yaml package's.)
    if (text[at] === close) throw UNSURE;
  }
}

/** A value inside a flow collection: quoted, a flow collection, or plain. */
function flowValueAt(text: string, start: number, depth: number): [unknown, number] {
  const first = text[start];
  if (first === '{' || first === '[') return flowAt(text, start, depth + 1);
  return flowScalarAt(text, start, false);
}

/** A quoted or plain scalar inside a flow collection; a plain one ends at a flow indicator or at ":" (a key's), spaces after it left out. */
function flowScalarAt(text: string, start: number, key: boolean): [unknown, number] {
  const first = text[start];
  if (first === "'" || first === '"') {
    const [value, end] = quotedAt(text, start);
    return [value, skipSpaces(text, end)];
  }
  let end = start;
  while (end < text.length && !FLOW_INDICATORS.has(text[end]!) && !(key && text[end] === ':' && text.charCodeAt(end + 1) === 32)) end++;
  const raw = text.slice(start, end);
  return [plainScalar(trimEnd(raw), true), start + trimEnd(raw).length];
}

function skipSpaces(text: string, from: number): number {
  let at = from;
  while (at < text.length && text.charCodeAt(at) === 32) at++;
  return at;
}
