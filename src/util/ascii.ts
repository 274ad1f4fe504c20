// The CLI bundle's text made ASCII (scripts/bundle.js): every character outside ASCII written as its
// \uXXXX escape. esbuild escapes strings and identifiers itself, but leaves regular-expression
// literals (`/[’'`]/g`, the Cyrillic and Han words of identify/normalise.ts) and comments as they
// are, so the bundle held ~50 lines outside ASCII: V8 then held its 1.6 MB text two bytes a
// character, and Node decoded it from UTF-8 on every start. An ASCII text read as Latin-1 is the
// same text, one byte a character, read without decoding (bin/copyfair.js).
//
// An escape means the same character in a string, a template's cooked text, a regular expression
// (with or without the u flag: under u a surrogate pair's two escapes are one code point) and an
// identifier, and nothing in a comment. An identity escape before the character (`\’` in a pattern
// without the u flag: the character itself) becomes the escape alone; an escaped backslash before
// it (`\\’`) stays. Only a template literal's raw text would differ: scripts/bundle.js refuses a
// bundle whose template literals hold a character outside ASCII.

/** The first line of a bundle written in ASCII throughout; bin/copyfair.js holds the same text. */
export const ASCII_MARK = '// copyfair bundle: ASCII only\n';

/** `text` with every UTF-16 code unit above 0x7f written as `\uXXXX`. */
export function escapeNonAscii(text: string): string {
  let out = '';
  let last = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code < 0x80) continue;
    let backslashes = 0;
    while (at - backslashes - 1 >= 0 && text.charCodeAt(at - backslashes - 1) === 92) backslashes++;
    out += `${text.slice(last, backslashes % 2 === 1 ? at - 1 : at)}\\u${code.toString(16).padStart(4, '0')}`;
    last = at + 1;
  }
  return out + text.slice(last);
}
