// A reader for the plain TOML that tools write (Cargo.lock, `cargo vendor`'s Cargo.toml, most
// pyproject.toml and .cargo/config.toml files): `[table]` and `[[array.of.tables]]` headers, and
// `key = value` lines whose values are strings (over several lines too; escapes of one
// character), small decimal integers, booleans, arrays and one-line inline tables of these. It gives the very value smol-toml gives (objects
// without a prototype), or undefined at the first thing it does not fully understand — anything
// else, and every error — so that smol-toml reads that document instead and says where it is
// wrong. A differential property test (tests/ecosystems/toml-plain.test.ts) holds the two equal.
//
// smol-toml, loaded and warmed up, takes ~25 ms for a Cargo.lock of 1,000 packages and ~10 µs for
// each small Cargo.toml; this reader a few milliseconds for both, and a plain document never
// loads smol-toml at all.

type Table = Record<string, unknown>;

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const HASH = 35;
const QUOTE = 34;
const APOSTROPHE = 39;
const BACKSLASH = 92;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const COMMA = 44;
const DOT = 46;
const EQUALS = 61;

/** The one-character escapes of a basic string; any other (`\\u…`, a line-ending backslash) is smol-toml's. */
const ESCAPES: Record<number, string> = { 98: '\b', 116: '\t', 110: '\n', 102: '\f', 114: '\r', 34: '"', 92: '\\' };

// Runs of characters with nothing to decide in them, skipped by the regular-expression engine
// rather than one by one (sticky: each matches from lastIndex, possibly nothing).
const COMMENT_TEXT = /[^\x00-\x08\x0a-\x1f\x7f]*/y;
const BASIC_TEXT = /[^"\\\x00-\x08\x0a-\x1f\x7f]*/y;
const LITERAL_TEXT = /[^'\\\x00-\x08\x0a-\x1f\x7f]*/y;
const BARE_KEY = /[A-Za-z0-9_-]*/y;
/** `key = "text"` and its line end: a bare key, a basic string without escapes, nothing after it. */
const SIMPLE_LINE = /([A-Za-z0-9_-]+)[ \t]*=[ \t]*"([^"\\\x00-\x08\x0a-\x1f\x7f]*)"[ \t]*(?:\n|\r\n|(?![\s\S]))/y;

/** Nested arrays and inline tables deeper than this are left to smol-toml. */
const MAX_DEPTH = 32;

/** Thrown (and caught below) at anything the reader leaves to smol-toml. */
const UNSURE = new Error('not plain TOML');

/** Where a run of `run`'s characters from `from` ends. */
function skipRun(run: RegExp, s: string, from: number): number {
  run.lastIndex = from;
  return run.test(s) ? run.lastIndex : from;
}

/** The document as smol-toml reads it, or undefined when it is not plain enough to be sure. */
export function readPlainToml(source: string): Table | undefined {
  try {
    return new Reader(source).document();
  } catch (error) {
    if (error === UNSURE) return undefined;
    throw error;
  }
}

class Reader {
  private p = 0;
  /** Tables made by a header (defined, or made on the way to one): a later header may go through them. */
  private readonly headed = new Set<Table>();
  /** Tables made on the way to a header and not yet defined by their own header. */
  private readonly implicit = new Set<Table>();
  /** Arrays made by `[[…]]` headers. */
  private readonly arrays = new Set<unknown[]>();

  constructor(private readonly s: string) {}

  document(): Table {
    const s = this.s;
    const root: Table = Object.create(null);
    let current = root;
    this.headed.add(root);
    if (s.charCodeAt(0) === 0xfeff) throw UNSURE;
    for (;;) {
      this.skipBlankLines();
      if (this.p >= s.length) return root;
      const c = s.charCodeAt(this.p);
      if (c === OPEN_BRACKET) current = this.header(root);
      else {
        // Most lines are `key = "text"`: matched whole by one expression, so that little
        // JavaScript runs per line (and V8 finds the reader no hotter than it is worth compiling).
        SIMPLE_LINE.lastIndex = this.p;
        const simple = SIMPLE_LINE.exec(s);
        if (simple !== null) {
          const key = simple[1]!;
          if (key === '__proto__' || key in current) throw UNSURE;
          current[key] = simple[2]!;
          this.p = SIMPLE_LINE.lastIndex;
          continue;
        }
        this.keyValue(current);
      }
      this.endOfLine();
    }
  }

  /** Spaces, tabs, comments and line ends between statements. */
  private skipBlankLines(): void {
    const s = this.s;
    while (this.p < s.length) {
      const c = s.charCodeAt(this.p);
      if (c === SPACE || c === TAB || c === LF) this.p++;
      else if (c === CR) {
        if (s.charCodeAt(this.p + 1) !== LF) throw UNSURE;
        this.p += 2;
      } else if (c === HASH) this.comment();
      else return;
    }
  }

  /** A comment up to (not including) its line end; a control character in it is smol-toml's to report. */
  private comment(): void {
    const s = this.s;
    for (this.p = skipRun(COMMENT_TEXT, s, this.p + 1); this.p < s.length; this.p++) {
      const c = s.charCodeAt(this.p);
      if (c === LF || (c === CR && s.charCodeAt(this.p + 1) === LF)) return;
      if ((c < 32 && c !== TAB) || c === 127) throw UNSURE;
    }
  }

  private skipSpaces(): void {
    const s = this.s;
    while (this.p < s.length) {
      const c = s.charCodeAt(this.p);
      if (c !== SPACE && c !== TAB) return;
      this.p++;
    }
  }

  /** After a statement: spaces, an optional comment, then a line end or the end. */
  private endOfLine(): void {
    this.skipSpaces();
    const s = this.s;
    if (this.p >= s.length) return;
    let c = s.charCodeAt(this.p);
    if (c === HASH) {
      this.comment();
      if (this.p >= s.length) return;
      c = s.charCodeAt(this.p);
    }
    if (c === LF) this.p++;
    else if (c === CR && s.charCodeAt(this.p + 1) === LF) this.p += 2;
    else throw UNSURE;
  }

  /** A key: bare, or quoted without escapes; never `__proto__`, never empty. */
  private key(): string {
    const s = this.s;
    const start = this.p;
    const c = s.charCodeAt(start);
    let key: string;
    if (c === QUOTE || c === APOSTROPHE) key = this.string(false);
    else {
      this.p = skipRun(BARE_KEY, s, start);
      key = s.slice(start, this.p);
    }
    if (key === '' || key === '__proto__') throw UNSURE;
    return key;
  }

  /** `[a.b]` or `[[a.b]]`, no spaces inside: the table the following lines fill. */
  private header(root: Table): Table {
    const s = this.s;
    const array = s.charCodeAt(this.p + 1) === OPEN_BRACKET;
    this.p += array ? 2 : 1;
    const keys = [this.key()];
    while (s.charCodeAt(this.p) === DOT) {
      this.p++;
      keys.push(this.key());
    }
    if (s.charCodeAt(this.p) !== CLOSE_BRACKET || (array && s.charCodeAt(this.p + 1) !== CLOSE_BRACKET)) throw UNSURE;
    this.p += array ? 2 : 1;
    let table = root;
    for (let index = 0; index < keys.length - 1; index++) {
      const key = keys[index]!;
      const next = table[key];
      if (next === undefined) {
        const made: Table = Object.create(null);
        table[key] = made;
        this.headed.add(made);
        this.implicit.add(made);
        table = made;
      } else if (Array.isArray(next) && this.arrays.has(next)) table = next[next.length - 1] as Table;
      else if (this.headed.has(next as Table)) table = next as Table;
      else throw UNSURE;
    }
    const last = keys[keys.length - 1]!;
    const existing = table[last];
    if (array) {
      const element: Table = Object.create(null);
      this.headed.add(element);
      if (existing === undefined) {
        const made = [element];
        this.arrays.add(made);
        table[last] = made;
      } else if (Array.isArray(existing) && this.arrays.has(existing)) existing.push(element);
      else throw UNSURE;
      return element;
    }
    if (existing === undefined) {
      const made: Table = Object.create(null);
      this.headed.add(made);
      table[last] = made;
      return made;
    }
    if (!this.implicit.has(existing as Table)) throw UNSURE;
    this.implicit.delete(existing as Table);
    return existing as Table;
  }

  /** `key = value` into `table`; a key already there is smol-toml's to report. */
  private keyValue(table: Table): void {
    const key = this.key();
    this.skipSpaces();
    if (this.s.charCodeAt(this.p) !== EQUALS) throw UNSURE;
    this.p++;
    this.skipSpaces();
    if (key in table) throw UNSURE;
    table[key] = this.value(0);
  }

  private value(depth: number): unknown {
    const s = this.s;
    const c = s.charCodeAt(this.p);
    if (c === QUOTE || c === APOSTROPHE) return this.string(true);
    if (c === OPEN_BRACKET) return this.array(depth + 1);
    if (c === OPEN_BRACE) return this.inlineTable(depth + 1);
    if (c === 116 && s.startsWith('true', this.p)) {
      this.p += 4;
      this.endOfValue();
      return true;
    }
    if (c === 102 && s.startsWith('false', this.p)) {
      this.p += 5;
      this.endOfValue();
      return false;
    }
    // Unsigned decimal integers of up to 15 digits, no leading zero or underscore; smol-toml
    // reads anything that looks like a date or a time by the shape of its first characters.
    if (c >= 48 && c <= 57) {
      if (s.charCodeAt(this.p + 2) === 58 || (s.charCodeAt(this.p + 4) === 45 && s.charCodeAt(this.p + 7) === 45)) throw UNSURE;
      const start = this.p;
      while (this.p < s.length && s.charCodeAt(this.p) >= 48 && s.charCodeAt(this.p) <= 57) this.p++;
      const length = this.p - start;
      if (length > 15 || (length > 1 && c === 48)) throw UNSURE;
      this.endOfValue();
      return Number(s.slice(start, this.p));
    }
    throw UNSURE;
  }

  /** A bare value must end at a space, a tab, a line end, a comment, a comma or a closing bracket. */
  private endOfValue(): void {
    if (this.p >= this.s.length) return;
    const c = this.s.charCodeAt(this.p);
    if (c !== SPACE && c !== TAB && c !== LF && c !== CR && c !== HASH && c !== COMMA && c !== CLOSE_BRACKET && c !== CLOSE_BRACE) throw UNSURE;
  }

  /**
   * A string, basic or literal, without control characters; a basic one's escapes only of one
   * character (`\\n`, `\\"`…, not `\\u`); over several lines only as a value.
   */
  private string(multiline: boolean): string {
    const s = this.s;
    const quote = s.charCodeAt(this.p);
    const triple = s.charCodeAt(this.p + 1) === quote && s.charCodeAt(this.p + 2) === quote;
    if (triple && !multiline) throw UNSURE;
    this.p += triple ? 3 : 1;
    // In a multi-line string, a line end right after the opening quotes is left out.
    if (triple && s.charCodeAt(this.p) === LF) this.p++;
    else if (triple && s.charCodeAt(this.p) === CR && s.charCodeAt(this.p + 1) === LF) this.p += 2;
    let value = '';
    let start = this.p;
    // Ordinary characters skipped at once (no quote, backslash, control character or DEL).
    for (this.p = skipRun(quote === QUOTE ? BASIC_TEXT : LITERAL_TEXT, s, this.p); this.p < s.length; this.p++) {
      const c = s.charCodeAt(this.p);
      if (c === quote && (!triple || (s.charCodeAt(this.p + 1) === quote && s.charCodeAt(this.p + 2) === quote))) {
        // Up to two quotes before the closing three belong to the text.
        let end = this.p;
        if (triple && s.charCodeAt(end + 3) === quote) end++;
        if (triple && s.charCodeAt(end + 3) === quote) end++;
        this.p = end + (triple ? 3 : 1);
        return value + s.slice(start, end);
      }
      if (c === BACKSLASH) {
        if (quote !== QUOTE) throw UNSURE;
        const escaped = ESCAPES[s.charCodeAt(this.p + 1)];
        if (escaped === undefined) throw UNSURE;
        value += s.slice(start, this.p) + escaped;
        start = ++this.p + 1;
      } else if (c === CR && triple) {
        if (s.charCodeAt(this.p + 1) !== LF) throw UNSURE;
        this.p++;
      } else if ((c < 32 && c !== TAB && !(c === LF && triple)) || c === 127) throw UNSURE;
    }
    throw UNSURE;
  }

  /** `[v, v, …]` over any number of lines, comments between values, a trailing comma allowed. */
  private array(depth: number): unknown[] {
    if (depth > MAX_DEPTH) throw UNSURE;
    const s = this.s;
    const values: unknown[] = [];
    this.p++;
    for (;;) {
      this.skipBlankLines();
      if (s.charCodeAt(this.p) === CLOSE_BRACKET) {
        this.p++;
        return values;
      }
      values.push(this.value(depth));
      this.skipBlankLines();
      const c = s.charCodeAt(this.p);
      if (c === CLOSE_BRACKET) {
        this.p++;
        return values;
      }
      if (c !== COMMA) throw UNSURE;
      this.p++;
    }
  }

  /** `{ k = v, k = v }` on one line, undotted keys, no trailing comma. */
  private inlineTable(depth: number): Table {
    if (depth > MAX_DEPTH) throw UNSURE;
    const s = this.s;
    const table: Table = Object.create(null);
    this.p++;
    this.skipSpaces();
    if (s.charCodeAt(this.p) === CLOSE_BRACE) {
      this.p++;
      return table;
    }
    for (;;) {
      const key = this.key();
      this.skipSpaces();
      if (s.charCodeAt(this.p) !== EQUALS || key in table) throw UNSURE;
      this.p++;
      this.skipSpaces();
      table[key] = this.value(depth);
      this.skipSpaces();
      const c = s.charCodeAt(this.p);
      this.p++;
      if (c === CLOSE_BRACE) return table;
      if (c !== COMMA) throw UNSURE;
      this.skipSpaces();
    }
  }
}
