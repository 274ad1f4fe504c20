// Where package.json declares its licence and each dependency: the lines findings point at. The
// licence line is in every report, so it is found for every manifest, by a scan that stops at the
// key; dependency lines are found for projects (their findings point at them) and, for any other
// package, only when a finding needs one, by reading its manifest again.
import { lineBreaks } from '../../util/lines.js';

/** The 1-based line of the top-level `license` or `licenses` key, or undefined. */
export function licenceLineOf(text: string): number | undefined {
  let depth = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const char = text.charCodeAt(i);
    if (char === 34) {
      const end = stringEnd(text, i);
      if (end === -1) return undefined;
      // "license" and "licenses" are 7 and 8 characters long: anything longer is another key.
      if (depth === 1 && end - i <= 9 && (text.startsWith('license"', i + 1) || text.startsWith('licenses"', i + 1)) && text.charCodeAt(afterSpace(text, end + 1)) === 58) {
        return 1 + lineBreaks(text, 0, i);
      }
      i = end;
    } else if (char === 123 || char === 91) depth++; // { [
    else if (char === 125 || char === 93) depth--; // } ]
  }
  return undefined;
}

/** The 1-based line of each dependency key, by `section:name`, top-level sections only. */
export function dependencyLinesOf(text: string): Record<string, number> {
  const found: Record<string, number> = {};
  let depth = 0;
  let line = 1;
  let section: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (char === 10) line++;
    else if (char === 123 || char === 91) depth++;
    else if (char === 125 || char === 93) {
      depth--;
      if (depth < 2) section = undefined;
    } else if (char === 34) {
      const end = stringEnd(text, i);
      if (end === -1) break;
      if ((depth === 1 || (depth === 2 && section)) && text.charCodeAt(afterSpace(text, end + 1)) === 58) {
        const key = text.slice(i + 1, end);
        if (depth === 1) section = DEPENDENCY_SECTIONS.has(key) ? key : undefined;
        else found[`${section}:${key}`] ??= line;
      }
      i = end;
    }
  }
  return found;
}

const DEPENDENCY_SECTIONS = new Set(['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies']);

/** The line of a dependency in whichever section lists it (the strongest first), from {@link dependencyLinesOf}. */
export function dependencyLineIn(lines: Record<string, number>, name: string): number | undefined {
  for (const section of ['dependencies', 'optionalDependencies', 'peerDependencies', 'devDependencies']) {
    const line = lines[`${section}:${name}`];
    if (line !== undefined) return line;
  }
  return undefined;
}

/**
 * The index of the quote that closes the string opening at `start`, or -1. Found natively
 * (indexOf) rather than character by character: most of a manifest is inside strings. A JSON
 * string holds no raw line break, so skipping it never skips a line.
 */
function stringEnd(text: string, start: number): number {
  let end = text.indexOf('"', start + 1);
  while (end !== -1) {
    let backslashes = 0;
    while (text.charCodeAt(end - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) return end;
    end = text.indexOf('"', end + 1);
  }
  return -1;
}

/** The first index at or after `from` that is not JSON white space. */
function afterSpace(text: string, from: number): number {
  let at = from;
  for (let char = text.charCodeAt(at); char === 32 || char === 9 || char === 13 || char === 10; char = text.charCodeAt(++at));
  return at;
}
