// Declared licences as people write them in manifests → one SPDX expression: SPDX as written,
// then copyfair's own alias table and name reader, then spdx-correct where it cannot drop a
// restriction ("MIT + Commons Clause" keeps the Commons Clause, "BSL" is not Boost). A pointer
// ("SEE LICENSE IN …", "see LICENSE.md") lets the licence files decide. What cannot be read is null.
import { inOtherScript } from './other-languages.js';
import { parseExpression } from '../evaluate/parse.js';
import type { KnowledgeBase } from '../kb/index.js';
import { MAX_NAME_LENGTH, readName } from './declared-names.js';

/** The id copyfair writes for npm's "UNLICENSED": no licence granted (not the Unlicense). */
export const UNLICENSED_ID = 'LicenseRef-copyfair-unlicensed';

/** What a declared licence value means. */
export interface DeclaredLicence {
  /** The value as written, as text. */
  value: string;
  /** The SPDX expression it stands for, or null when copyfair cannot tell. */
  expression: string | null;
  /** Why the expression is null, or how the value was read when not plain SPDX. */
  note?: string;
  kind: 'spdx' | 'alias' | 'unlicensed' | 'see-file' | 'pointer' | 'legacy-array' | 'unknown' | 'none';
  /** For `SEE LICENSE IN <file>` and "see LICENSE.md": the file, relative to the package. */
  file?: string;
}

/** Words that join licence names: the ones offering a choice, and the ones adding terms. */
const OR_WORDS = /\s+or\s+|\s*\/\s*|\s*\|\s*/i;
const AND_WORDS = /\s*\+\s*|\s+and\s+|\s*&\s*|\s*,\s*|\s+with\s+/i;

/**
 * Reads a `license` value (string, legacy object) or a legacy `licenses` array, and a `licence`
 * value (the spelling npm does not read, which some manifests use) when one is given.
 */
export function readDeclared(license: unknown, licenses: unknown, kb: KnowledgeBase, licence?: unknown): DeclaredLicence {
  const read = readLicenseFields(license, licenses, kb);
  return present(licence) ? besideBritishSpelling(read, readString(textOf(licence), kb), kb) : read;
}

function readLicenseFields(license: unknown, licenses: unknown, kb: KnowledgeBase): DeclaredLicence {
  const legacy = Array.isArray(licenses) && licenses.length > 0 ? readLegacyArray(licenses, kb) : undefined;
  if (present(license)) {
    const own = readString(textOf(license), kb);
    return legacy ? besideLegacyArray(own, legacy, kb) : own;
  }
  return legacy ?? { value: '', expression: null, kind: 'none', note: 'no licence declared' };
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : (legacyName(value) ?? JSON.stringify(value));
}

/**
 * A `licence` field (the spelling npm does not read): alone, it is the declaration; beside a
 * `license` that says the same, nothing; beside one that says another licence, both apply (AND),
 * and one copyfair cannot read leaves the declaration unknown. `"license": "MIT", "licence":
 * "Commercial"` was read as MIT alone, free.
 */
function besideBritishSpelling(read: DeclaredLicence, british: DeclaredLicence, kb: KnowledgeBase): DeclaredLicence {
  if (read.kind === 'none') return { ...british, note: british.note ?? 'declared under "licence", which npm does not read; copyfair reads it' };
  if (british.expression === read.expression) return read;
  const value = `${read.value}; licence: ${british.value}`;
  if (read.expression === null || british.expression === null) {
    return { value, expression: null, kind: 'unknown', note: `"license" says ${read.value}, and "licence" beside it says ${british.value}${british.expression === null ? ', which is no licence copyfair can read' : ''}: a person must read which holds` };
  }
  const parsed = parseExpression(`(${read.expression}) AND (${british.expression})`, kb);
  return parsed.ok
    ? { value, expression: parsed.expression, kind: read.kind, note: `"license" (${read.value}) and "licence" beside it (${british.value}) name other licences: both read, as AND (all apply)` }
    : { value, expression: null, kind: 'unknown', note: `"license" and "licence" name licences copyfair cannot combine` };
}

/** The deprecated `licenses` array, every entry applying (AND). */
function readLegacyArray(licenses: readonly unknown[], kb: KnowledgeBase): DeclaredLicence {
  const parts = licenses.map((item) => readString(typeof item === 'string' ? item : (legacyName(item) ?? ''), kb));
  const value = parts.map((part) => part.value).join(', ');
  if (parts.some((part) => part.expression === null)) {
    return { value, expression: null, kind: 'legacy-array', note: `the legacy licenses array holds a licence copyfair cannot read (${parts.find((p) => p.expression === null)!.value || 'empty'})` };
  }
  const expression = parts.length === 1 ? parts[0]!.expression : parts.map((part) => `(${part.expression})`).join(' AND ');
  const parsed = parseExpression(expression!, kb);
  return { value, expression: parsed.ok ? parsed.expression : null, kind: 'legacy-array', note: 'the deprecated `licenses` array, read as AND (all apply)' };
}

/**
 * `license` read beside a `licenses` array in the same manifest. Most say the same twice ("MIT" and
 * `[{ "type": "MIT", "url": … }]`: buffer-crc32, passport); one that names another licence
 * (`"license": "MIT", "licenses": [{ "type": "Commercial" }]`) was read as MIT alone, free. Both
 * apply now (AND), and what copyfair cannot read in the array keeps the declaration unknown.
 */
function besideLegacyArray(own: DeclaredLicence, legacy: DeclaredLicence, kb: KnowledgeBase): DeclaredLicence {
  if (own.expression === null || (own.kind !== 'spdx' && own.kind !== 'alias') || legacy.expression === own.expression) return own;
  const value = `${own.value}; licenses: ${legacy.value}`;
  if (legacy.expression === null) {
    return { value, expression: null, kind: 'legacy-array', note: `\`license\` says ${own.value}, but the deprecated \`licenses\` array beside it holds a licence copyfair cannot read (${legacy.note?.replace(/^.*\(|\)$/g, '') ?? legacy.value})` };
  }
  const parsed = parseExpression(`(${own.expression}) AND (${legacy.expression})`, kb);
  return { value, expression: parsed.ok ? parsed.expression : null, kind: 'legacy-array', note: `\`license\` (${own.value}) and the deprecated \`licenses\` array beside it (${legacy.value}) name other licences: both read, as AND (all apply)` };
}

/**
 * The licence a legacy object names: `{ "type": "MIT", "url": … }`, as npm documented it, or `{
 * "name": "MIT", "url": … }`, as some wrote it (nodemailer-mailgun-transport); undefined otherwise.
 */
function legacyName(value: unknown): string | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const object = value as { type?: unknown; name?: unknown };
  if (typeof object.type === 'string') return object.type;
  if (object.type === undefined && typeof object.name === 'string') return object.name;
  return undefined;
}

/** `SEE LICENSE IN <file>`, npm's way to say the licence is a file in the package. */
const SEE_FILE = /^SEE\s+LICEN[CS]E\s+IN\s+(.+)$/i;
/** "see LICENSE.md", "See LICENSE file", "LICENSE", "Custom: https://…/LICENSE": the file decides. */
const POINTER = /^(?:(?:please\s+)?(?:see|read|refer\s+to|check)\s+(?:the\s+)?(?:(?:licen[cs]e|copying)\s+(?:in|at|file)\s*:?\s*)?)?(?:\.\/)?((?:licen[cs]e|copying)(?:[-._][\w.-]*)?)(?:\s+file)?\.?$/i;
const CUSTOM = /^(?:custom|other|see\s+(?:the\s+)?(?:licen[cs]e|readme))\b|^https?:\/\/\S+\/(?:licen[cs]e|copying)[^/]*$/i;
/**
 * A name followed by a pointer at the licence file: "MIT (see LICENSE)", "MIT; see LICENSE file",
 * "Apache-2.0, see LICENSE.txt". Only a file named like a licence, which every reader collects and
 * identifies anyway, and nothing after it but "for details": "MIT (see TERMS.md)" and "MIT (see
 * LICENSE for restrictions)" are not read.
 */
const TRAILING_POINTER = /[;,(]\s*(?:please\s+)?see\s+(?:the\s+)?((?:licen[cs]e|copying)(?:[-._][\w.-]*)?)(?:\s+file)?(?:\s+for\s+details)?\s*\)?\.?\s*$/i;

/**
 * A name, then in brackets the address of a licence file: "MIT (http://mootools.net/license.txt)"
 * (slick). Only an address whose last part is named like a licence file; any other ("MIT
 * (https://acme.com/terms)") may point at more terms, and the value is not read.
 */
const TRAILING_ADDRESS = /\s*\(\s*(https?:\/\/[^\s()]{1,300}\/(?:licen[cs]e|copying)(?:[-._][\w-]{1,20}){0,2})\s*\)\s*$/i;

/**
 * "SEE LICENSE IN FEEL-FREE.md" as one part of a combination (rgbcolor's "MIT OR SEE LICENSE IN
 * FEEL-FREE.md"): a licence of the package's own, which no knowledge base defines, named by its
 * file. Alone the file decides (kind `see-file`); beside other licences it is one of them: unknown
 * in an AND, and an alternative a user need not take in an OR.
 */
function seeFileRef(part: string): string | undefined {
  const file = SEE_FILE.exec(part.trim())?.[1]?.trim().replace(/^\.\//, '');
  const ref = file?.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '');
  return ref ? `LicenseRef-${ref}` : undefined;
}

/** True when a declared value only points at the package's licence files. */
export function isPointer(value: string): boolean {
  const text = value.trim();
  // A likeness ("MIT-style", "BSD*") or a guess ("MIT?"): what the files say decides.
  return SEE_FILE.test(text) || POINTER.test(text) || CUSTOM.test(text) || /\b(style|like)\b|\*$|\?/i.test(text);
}

/**
 * A likeness in brackets after a licence's name, as a README's table of bundled libraries writes
 * it: "libtiff License (BSD-like)", "freetype Licence (BSD-like)". The name says which licence; the
 * brackets only say what it resembles, so the name is read, and only when it names one licence
 * (not a family, and not itself a likeness): "Acme Licence (BSD-like)" stays unread.
 */
const DESCRIBED = /\s*\(\s*((?:bsd|mit|isc|x11|apache)[\s-]+(?:like|style))\s*\)\s*$/i;
/** The ids of unversioned families ("BSD" without its clauses): a reading that names no one text. */
const FAMILY_PREFIX = 'LicenseRef-copyfair-family-';

const readByKb = new WeakMap<KnowledgeBase, Map<string, DeclaredLicence>>();

/**
 * {@link readString}, once per distinct value and knowledge base; the result is shared, never to be
 * changed. A tree declares a handful of distinct values over hundreds of packages (`MIT`, one trove
 * classifier's id), and a bundle's `License:` lines repeat a handful hundreds of times.
 */
export function readStringOnce(value: string, kb: KnowledgeBase): DeclaredLicence {
  let cache = readByKb.get(kb);
  if (!cache) readByKb.set(kb, (cache = new Map()));
  let read = cache.get(value);
  if (!read) cache.set(value, (read = readString(value, kb)));
  return read;
}

/** Reads one declared string. */
export function readString(raw: string, kb: KnowledgeBase): DeclaredLicence {
  const value = raw.trim();
  if (value === '') return { value, expression: null, kind: 'none', note: 'an empty licence field' };
  // Words in another script are words no name table reads (other-languages.ts): "MIT; 禁止商用"
  // (commercial use forbidden) read as MIT, its other words dropped by the name's normalisation.
  if (inOtherScript([value])) return { value, expression: null, kind: 'unknown', note: `"${value}" holds words in a script copyfair cannot read: a person must read it` };
  if (/^UNLICEN[CS]ED$/i.test(value)) {
    return { value, expression: UNLICENSED_ID, kind: 'unlicensed', note: '"UNLICENSED" means no licence is granted (all rights reserved), not the Unlicense' };
  }
  const see = SEE_FILE.exec(value);
  if (see) {
    const file = see[1]!.trim().replace(/^\.\//, '');
    return { value, expression: null, kind: 'see-file', file, note: `the licence is in ${file}: that file decides` };
  }
  const pointer = POINTER.exec(value);
  if (pointer) return { value, expression: null, kind: 'pointer', file: pointer[1]!, note: `"${value}" points at ${pointer[1]}: the licence files decide` };
  const trailing = value.length <= MAX_NAME_LENGTH ? TRAILING_POINTER.exec(value) : null;
  if (trailing && trailing.index > 0) {
    const named = readString(value.slice(0, trailing.index).trim(), kb);
    if (named.expression !== null && (named.kind === 'spdx' || named.kind === 'alias')) {
      return { value, expression: named.expression, kind: 'alias', note: `read "${value}" as ${named.expression}; ${trailing[1]} is read as every licence file is` };
    }
  }
  const address = value.length <= MAX_NAME_LENGTH ? TRAILING_ADDRESS.exec(value) : null;
  if (address && address.index > 0) {
    const named = readString(value.slice(0, address.index).trim(), kb);
    if (named.expression !== null && (named.kind === 'spdx' || named.kind === 'alias') && !named.expression.startsWith(FAMILY_PREFIX)) {
      return { value, expression: named.expression, kind: 'alias', note: `read "${value}" as ${named.expression}; the licence file at ${address[1]} is not read (a scan reads nothing from the network)` };
    }
  }
  const described = value.length <= MAX_NAME_LENGTH ? DESCRIBED.exec(value) : null;
  if (described && described.index > 0) {
    const named = readString(value.slice(0, described.index).trim(), kb);
    if (named.expression !== null && (named.kind === 'spdx' || named.kind === 'alias') && !named.expression.startsWith(FAMILY_PREFIX)) {
      return { value, expression: named.expression, kind: 'alias', note: `read "${value}" as ${named.expression}; "${described[1]}" describes it` };
    }
  }
  const parsed = parseExpression(value, kb);
  if (parsed.ok) return { value, expression: parsed.expression, kind: 'spdx' };
  const bare = value.replace(/^\((.*)\)$/, '$1');
  const whole = kb.resolve(bare);
  if (whole) return { value, expression: whole.id, kind: 'alias', note: `read "${value}" as ${whole.id}` };
  const named = readName(bare);
  if (named) return { value, expression: named.id, kind: 'alias', note: noteFor(value, named) };
  const abbreviated = value.length <= MAX_NAME_LENGTH ? ABBREVIATED.exec(value) : null;
  if (abbreviated) {
    // A name with its abbreviation in brackets ("GNU General Public License (GPL)", igraph's
    // License field; "Mozilla Public License 2.0 (MPL 2.0)"): read when both say the same.
    const name = readString(abbreviated[1]!, kb);
    const short = readString(abbreviated[2]!, kb);
    if (name.expression !== null && name.expression === short.expression && (name.kind === 'spdx' || name.kind === 'alias')) {
      return { value, expression: name.expression, kind: 'alias', note: name.note?.replace(`"${abbreviated[1]}"`, `"${value}"`) ?? `read "${value}" as ${name.expression}` };
    }
  }
  const combined = readCombination(bare, kb);
  if (combined) return { value, expression: combined, kind: 'alias', note: `read "${value}" as ${combined}` };
  if (isPointer(value)) return { value, expression: null, kind: 'pointer', note: `"${value}" only describes or points at a licence: the licence files decide` };
  return { value, expression: null, kind: 'unknown', note: `"${value}" is neither an SPDX expression nor a licence name copyfair knows` };
}

function noteFor(value: string, reading: NonNullable<ReturnType<typeof readName>>): string {
  if (reading.how === 'family') return `"${value}" names a licence family without its version; copyfair evaluates every version (${reading.id})`;
  if (reading.how === 'url') return `read the URL "${value}" as ${reading.id}`;
  return `read "${value}" as ${reading.id}`;
}

/** A licence's name, then a short name in brackets: "GNU General Public License (GPL)". */
const ABBREVIATED = /^([^()]{3,}?)\s*\(([^()]{2,40})\)$/;

/** Declared strings naming more licences than this are not read as a combination (hostile input). */
const MAX_PARTS = 100;

/** "MIT + Commons Clause", "Apache 2.0 with Commons Clause", "MIT/Apache-2.0": every part or nothing. */
function readCombination(value: string, kb: KnowledgeBase): string | null {
  const alternatives = value.replace(/\s+/g, ' ').split(OR_WORDS); // one space per run: the \s* in OR_WORDS then cannot backtrack quadratically
  if (alternatives.length > MAX_PARTS || value.length > MAX_PARTS * 64) return null; // a person must read a string that long
  const branches: string[] = [];
  for (const alternative of alternatives) {
    const parts = alternative.split(AND_WORDS).filter((part) => part.trim() !== '');
    if (parts.length > MAX_PARTS) return null;
    const ids: string[] = [];
    for (const part of parts) {
      const parsed = parseExpression(part.trim(), kb);
      const id = parsed.ok ? parsed.expression : (kb.resolve(part.trim())?.id ?? readName(part)?.id ?? seeFileRef(part));
      if (!id) return null; // one part not understood: the whole is not understood
      ids.push(kb.get(id)?.kind === 'exception' && ids.length > 0 ? `WITH ${id}` : id);
    }
    if (ids.length === 0) return null;
    const joined = ids.reduce((text, id) => (id.startsWith('WITH ') ? `${text} ${id}` : text === '' ? id : `${text} AND ${id}`), '');
    branches.push(ids.length > 1 ? `(${joined})` : joined);
  }
  const parsed = parseExpression(branches.join(' OR '), kb);
  return parsed.ok ? parsed.expression : null;
}
