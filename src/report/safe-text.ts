// Package data is written by strangers: names, versions, licence strings and terms fields may
// hold escape sequences meant for a terminal, markup meant for a pull-request page, or characters
// XML forbids. Each format makes them harmless in one place, here.

/**
 * C0 controls but tab and newline, DEL, C1 controls (U+009B is a one-character CSI), and the
 * bidirectional overrides that make text read differently from what it is ("Trojan Source").
 */
const TERMINAL_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every character a terminal would act on removed. */
export function terminalSafe(text: string): string {
  return text.replace(TERMINAL_UNSAFE, '');
}

/** Characters XML 1.0 does not allow at all (controls, U+FFFE, U+FFFF, unpaired surrogates). */
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Text for an XML attribute or element: escaped, and without what XML forbids. */
export function xmlSafe(text: string): string {
  return wellFormed(text).replace(XML_FORBIDDEN, '\ufffd').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/**
 * One Markdown table cell from package data: a single line, no raw HTML, no markup of its own
 * (emphasis, links, code spans, @-mentions), `|` escaped so the row stays a row.
 */
export function markdownSafe(text: string): string {
  // An @-mention (`@types/node` would notify a GitHub user "types") is broken by an entity.
  return markdownCodeText(text).replace(/(^|[^\w&#])@(?=[A-Za-z0-9])/g, '$1&#64;');
}

/** Like {@link markdownSafe}, for inside `<code>`, where GitHub makes no mentions. */
function markdownCodeText(text: string): string {
  return terminalSafe(text)
    .replace(/&/g, '&amp;')
    .replace(/[`*~[\]\\]/g, (char) => `&#${char.charCodeAt(0)};`)
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Package data as inline code in Markdown: `<code>` holding escaped text (a backtick cannot close it). */
export function markdownCode(text: string): string {
  return `<code>${markdownCodeText(text)}</code>`;
}

import { wellFormed } from '../util/web-url.js';

export { isWebUrl } from '../util/web-url.js';

/** Every string in `value`, deeply, made terminal-safe (for the text report, before colour is added). */
export function deepTerminalSafe<T>(value: T): T {
  const stack: unknown[] = [];
  const clean = (item: unknown): unknown => {
    if (typeof item === 'string') return terminalSafe(item);
    if (typeof item !== 'object' || item === null) return item;
    if (stack.includes(item)) return item;
    stack.push(item);
    const out: unknown = Array.isArray(item) ? item.map(clean) : Object.fromEntries(Object.entries(item).map(([key, inner]) => [key, clean(inner)]));
    stack.pop();
    return out;
  };
  return clean(value) as T;
}
