// Core metadata (METADATA in a .dist-info, PKG-INFO in an .egg-info): RFC 822 style headers, some
// repeated (Classifier, Requires-Dist, License-File), values folded over indented lines.

/** One header value and the line it starts on. */
export interface HeaderValue {
  value: string;
  line: number;
}

/** Headers by lower-cased name, in order of appearance. */
export type Headers = Map<string, HeaderValue[]>;

/** The headers of a metadata file, or the line where it stops being one. */
export function parseMetadata(source: string): { ok: true; headers: Headers } | { ok: false; message: string; line: number; column: number } {
  const headers: Headers = new Map();
  // Line by line up to the first empty one: the body after it (the long description, often the
  // whole README) is never split.
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  let last: HeaderValue | undefined;
  for (let index = 0, start = 0; start <= text.length; index++) {
    const end = text.indexOf('\n', start);
    const line = end === -1 ? text.slice(start) : text.slice(start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
    start = end === -1 ? text.length + 1 : end + 1;
    if (line === '') break; // the body (the long description) follows
    if (/^[ \t]/.test(line)) {
      if (!last) return { ok: false, message: 'starts with an indented line, not a "Name: value" header', line: index + 1, column: 1 };
      // Continuation: PEP 566 folds with 8 spaces (and "|" in older tools' License fields).
      last.value += `\n${line.replace(/^ {7}\|/, '').replace(/^( {8}|\t)/, '')}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0 || !/^[A-Za-z0-9][A-Za-z0-9-]*$/.test(line.slice(0, colon))) {
      return { ok: false, message: `expected a "Name: value" header, found "${line.slice(0, 40)}"`, line: index + 1, column: 1 };
    }
    last = { value: line.slice(colon + 1).trim(), line: index + 1 };
    const name = line.slice(0, colon).toLowerCase();
    const values = headers.get(name);
    if (values) values.push(last);
    else headers.set(name, [last]);
  }
  for (const required of ['name', 'version']) {
    if (!headers.get(required)?.[0]?.value) return { ok: false, message: `has no ${required === 'name' ? 'Name' : 'Version'} header`, line: 1, column: 1 };
  }
  return { ok: true, headers };
}

/** The first value of a header. */
export function header(headers: Headers, name: string): HeaderValue | undefined {
  return headers.get(name)?.[0];
}

/** PEP 503 normalised name: lower case, runs of `-`, `_` and `.` as one `-`. */
export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}
