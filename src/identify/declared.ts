// Declared licences as people write them in manifests → one SPDX expression, through copyfair's
// own alias table. Never through a corrector that can drop a restriction: "MIT + Commons Clause"
// must keep the Commons Clause, "BSL" must not become Boost. What cannot be read is null.
import { parseExpression } from '../evaluate/parse.js';
import type { KnowledgeBase } from '../kb/index.js';

/** What a declared licence value means. */
export interface DeclaredLicence {
  /** The value as written, as text. */
  value: string;
  /** The SPDX expression it stands for, or null when copyfair cannot tell. */
  expression: string | null;
  /** Why the expression is null, or how the value was read when not plain SPDX. */
  note?: string;
  kind: 'spdx' | 'alias' | 'unlicensed' | 'see-file' | 'legacy-array' | 'unknown' | 'none';
  /** For `SEE LICENSE IN <file>`: the file, relative to the package. */
  file?: string;
}

/** Words that join licence names: the ones offering a choice, and the ones adding terms. */
const OR_WORDS = /\s+or\s+|\s*\/\s*|\s*\|\s*/i;
const AND_WORDS = /\s*\+\s*|\s+and\s+|\s*&\s*|\s*,\s*|\s+with\s+/i;

/** Reads a `license` value (string, legacy object) or a legacy `licenses` array. */
export function readDeclared(license: unknown, licenses: unknown, kb: KnowledgeBase): DeclaredLicence {
  if (license !== undefined && license !== null && license !== '') {
    const text = typeof license === 'string' ? license : typeof license === 'object' && 'type' in license ? String(license.type) : JSON.stringify(license);
    return readString(text, kb);
  }
  if (Array.isArray(licenses) && licenses.length > 0) {
    const parts = licenses.map((item) => readString(typeof item === 'string' ? item : item && typeof item === 'object' && 'type' in item ? String(item.type) : '', kb));
    const value = parts.map((part) => part.value).join(', ');
    if (parts.some((part) => part.expression === null)) {
      return { value, expression: null, kind: 'legacy-array', note: `the legacy licenses array holds a licence copyfair cannot read (${parts.find((p) => p.expression === null)!.value || 'empty'})` };
    }
    const expression = parts.length === 1 ? parts[0]!.expression : parts.map((part) => `(${part.expression})`).join(' AND ');
    const parsed = parseExpression(expression!, kb);
    return { value, expression: parsed.ok ? parsed.expression : null, kind: 'legacy-array', note: 'the deprecated `licenses` array, read as AND (all apply)' };
  }
  return { value: '', expression: null, kind: 'none', note: 'no licence declared' };
}

/** Reads one declared string. */
export function readString(raw: string, kb: KnowledgeBase): DeclaredLicence {
  const value = raw.trim();
  if (value === '') return { value, expression: null, kind: 'none', note: 'an empty licence field' };
  if (/^UNLICEN[CS]ED$/i.test(value)) {
    return { value, expression: null, kind: 'unlicensed', note: '"UNLICENSED" means all rights reserved: a proprietary package, not the Unlicense' };
  }
  const see = /^SEE LICEN[CS]E IN\s+(.+)$/i.exec(value);
  if (see) return { value, expression: null, kind: 'see-file', file: see[1]!.trim().replace(/^\.\//, ''), note: `the licence is in ${see[1]!.trim()}` };
  const parsed = parseExpression(value, kb);
  if (parsed.ok) return { value, expression: parsed.expression, kind: 'spdx' };
  const whole = kb.resolve(value.replace(/^\((.*)\)$/, '$1'));
  if (whole) return { value, expression: whole.id, kind: 'alias', note: `read "${value}" as ${whole.id}` };
  const combined = readCombination(value.replace(/^\((.*)\)$/, '$1'), kb);
  if (combined) return { value, expression: combined, kind: 'alias', note: `read "${value}" as ${combined}` };
  return { value, expression: null, kind: 'unknown', note: `"${value}" is neither an SPDX expression nor a licence name copyfair knows` };
}

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
      const id = parsed.ok ? parsed.expression : kb.resolve(part.trim())?.id;
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
