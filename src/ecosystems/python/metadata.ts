// Core metadata (METADATA in a .dist-info, PKG-INFO in an .egg-info): RFC 822 style headers, some
// repeated (Classifier, Requires-Dist, License-File), values folded over indented lines.

/** One header value and the line it starts on. */
export interface HeaderValue {
  value: string;
  line: number;
}

/** Headers by lower-cased name, in order of appearance. */
export type Headers = Map<string, HeaderValue[]>;

/** A header line from its start: the name before the first colon, and the rest of the line (untrimmed). */
const HEADER_LINE = /([A-Za-z0-9][A-Za-z0-9-]*):([^\n]*)/y;

/** How many unfolded lines a parse reports: the diagnostic names five, and says when there are more. */
const MAX_UNFOLDED_KEPT = 6;

/** A line that is not a header, read as the rest of the header above it (`header` as the file writes its name). */
export interface Unfolded {
  line: number;
  header: string;
}

/**
 * The headers of a metadata file, or the line where it stops being one. `unfolded` lists the first
 * lines (six at most) read as the rest of the header above them though not indented: setuptools before 57 wrote a
 * value holding line breaks (a multi-line `keywords` string, passlib 1.7.4's) without folding it,
 * and the headers below it (Classifier, License-File) are the distribution's all the same.
 * Python's own reader (email.parser) takes such a line for the start of the body and drops what
 * follows; copyfair reads on, since a classifier below it may restrict use.
 */
export function parseMetadata(source: string): { ok: true; headers: Headers; unfolded?: Unfolded[] } | { ok: false; message: string; line: number; column: number } {
  const headers: Headers = new Map();
  let unfolded: Unfolded[] | undefined;
  let lastName = '';
  // Line by line up to the first empty one: the body after it (the long description, often the
  // whole README) is never split. A header line is one sticky expression, matched in place: no
  // slice of the line, no test of its name (the expression is both), one trim. Most of a scan runs
  // this cold (a dozen lines a distribution, read once), where each step of JavaScript counts.
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  let last: HeaderValue | undefined;
  for (let number = 1, start = 0; start <= text.length; number++) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    const first = text.charCodeAt(start);
    if (stop === start || (first === 13 && stop === start + 1 && end !== -1)) break; // an empty line: the body follows
    if (first === 32 || first === 9) {
      if (!last) return { ok: false, message: 'starts with an indented line, not a "Name: value" header', line: number, column: 1 };
      // Continuation: PEP 566 folds with 8 spaces (and "|" in older tools' License fields).
      last.value += `\n${lineAt(text, start, end).replace(/^ {7}\|/, '').replace(/^( {8}|\t)/, '')}`;
    } else {
      HEADER_LINE.lastIndex = start;
      const match = HEADER_LINE.exec(text);
      if (match === null) {
        if (!last) return { ok: false, message: `expected a "Name: value" header, found "${lineAt(text, start, end).slice(0, 40)}"`, line: number, column: 1 };
        last.value += `\n${lineAt(text, start, end).trim()}`;
        // The first few are enough to say where (a hostile file of a million such lines keeps six).
        if ((unfolded ??= []).length < MAX_UNFOLDED_KEPT) unfolded.push({ line: number, header: lastName });
      } else {
        // The value to the line's end; trimming also drops the CR of a CRLF line end.
        last = { value: match[2]!.trim(), line: number };
        const name = match[1]!.toLowerCase();
        lastName = match[1]!;
        const values = headers.get(name);
        if (values) values.push(last);
        else headers.set(name, [last]);
      }
    }
    start = stop + 1;
  }
  for (const required of ['name', 'version']) {
    if (!headers.get(required)?.[0]?.value) return { ok: false, message: `has no ${required === 'name' ? 'Name' : 'Version'} header`, line: 1, column: 1 };
  }
  return unfolded ? { ok: true, headers, unfolded } : { ok: true, headers };
}

/** The line starting at `start` and ending at `end` (a line feed, or -1 for the text's end), without the CR of a CRLF. */
function lineAt(text: string, start: number, end: number): string {
  return end === -1 ? text.slice(start) : text.slice(start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
}

/** The first value of a header. */
export function header(headers: Headers, name: string): HeaderValue | undefined {
  return headers.get(name)?.[0];
}

/** PEP 503 normalised name: lower case, runs of `-`, `_` and `.` as one `-`. */
export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}
