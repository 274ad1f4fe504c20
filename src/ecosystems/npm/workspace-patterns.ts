// Checks `workspaces` patterns before they reach the glob library: a pattern names folders inside
// the project, and expands to a bounded number of them (a brace pattern can name millions).

/** More folders than this from one pattern is a mistake or an attack, not a monorepo. */
export const MAX_WORKSPACE_FOLDERS = 10_000;
/** Longer patterns are refused before any work is done on them. */
const MAX_PATTERN_LENGTH = 1_000;

/** Why a pattern is refused, or undefined when it may be used. */
export function workspacePatternProblem(pattern: string): string | undefined {
  const trimmed = pattern.trim();
  if (trimmed === '' || trimmed === '!') return 'is empty';
  if (trimmed.length > MAX_PATTERN_LENGTH) return `is over ${MAX_PATTERN_LENGTH} characters long`;
  const body = trimmed.replace(/^!/, '');
  if (body.startsWith('/') || body.startsWith('\\') || /^[a-zA-Z]:/.test(body) || body.startsWith('~')) return 'is absolute; workspaces are folders inside the project';
  if (body.split(/[/\\]/).some((segment) => segment === '..' || /^\{?\.\.[,}]|,\.\.[,}]/.test(segment))) return 'climbs out of the project with ".."';
  if (braceExpansions(body) > MAX_WORKSPACE_FOLDERS) return `expands to over ${MAX_WORKSPACE_FOLDERS.toLocaleString('en')} patterns`;
  return undefined;
}

/** How many patterns brace expansion makes of `pattern` (`{a,b}{1..3}` → 6), without expanding. */
export function braceExpansions(pattern: string): number {
  const frames: { start: number; sum: number; current: number }[] = [];
  let current = 1;
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index];
    if (char === '\\') {
      index++;
    } else if (char === '{') {
      frames.push({ start: index, sum: 0, current });
      current = 1;
    } else if (char === ',' && frames.length > 0) {
      frames[frames.length - 1]!.sum += current;
      current = 1;
    } else if (char === '}' && frames.length > 0) {
      const frame = frames.pop()!;
      const range = rangeSize(pattern.slice(frame.start + 1, index));
      const total = range ?? frame.sum + current;
      current = Math.min(frame.current * total, Number.MAX_SAFE_INTEGER);
    }
  }
  // Unclosed braces are literal text: their alternatives multiply nothing.
  return frames.length > 0 ? Math.max(current, frames[0]!.current) : current;
}

/** `1..100000` → 100000, `a..z` → 26, `1..10..2` → 5; undefined when not a range. */
function rangeSize(content: string): number | undefined {
  const match = /^(-?\d+|[a-zA-Z])\.\.(-?\d+|[a-zA-Z])(?:\.\.(-?\d+))?$/.exec(content);
  if (!match) return undefined;
  const value = (text: string) => (/^-?\d+$/.test(text) ? Number(text) : text.charCodeAt(0));
  const span = Math.abs(value(match[2]!) - value(match[1]!)) + 1;
  const step = Math.max(1, Math.abs(Number(match[3] ?? 1)));
  return Math.ceil(span / step);
}
