// Line numbers from character offsets, for diagnostics that point into a file read as one string.

/** How many line feeds lie in `text` from `from` (inclusive) to `to` (exclusive). */
export function lineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at !== -1 && at < to; at = text.indexOf('\n', at + 1)) count++;
  return count;
}
