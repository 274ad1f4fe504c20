// The knowledge base at run time: what each licence demands of whom, looked up by id or alias.
// Built copies read the precompiled dist/kb.json; running from source compiles licences/ once.
import { existsSync, readFileSync } from 'node:fs';
import type { Terms } from '../types.js';
import type { CompiledKnowledgeBase } from './compile.js';
import { compareText } from '../util/compare.js';

const built = new URL('../kb.json', import.meta.url);
// Only a run from source (the tests) compiles the YAML; a built copyfair never loads the YAML
// parser or the schema validator for its own knowledge base.
const compiler = existsSync(built) ? undefined : await import('./compile.js');
const validation = compiler ? await import('./validate.js') : undefined;

/** Lookup over a set of terms. */
export interface KnowledgeBase {
  /** Content hash of the entries, reported with every result. */
  version: string;
  /** The entry with exactly this id (SPDX or LicenseRef). */
  get(id: string): Terms | undefined;
  /** The entry for an id (any case) or an alias (any case, spaces and dashes alike). */
  resolve(idOrAlias: string): Terms | undefined;
  /** Every entry, sorted by id. */
  all(): Terms[];
}

let cached: KnowledgeBase | undefined;

/** The bundled knowledge base (cached). Throws when the YAML is invalid, with every problem. */
export function loadKnowledgeBase(): KnowledgeBase {
  if (!cached) cached = createKnowledgeBase(readCompiled());
  return cached;
}

function readCompiled(): CompiledKnowledgeBase {
  if (!compiler || !validation) return JSON.parse(readFileSync(built, 'utf8')) as CompiledKnowledgeBase;
  const { kb, problems } = compiler.compileKnowledgeBase(compiler.defaultKnowledgeBaseDirectory());
  if (problems.length > 0) throw new Error(`the knowledge base is invalid:\n${validation.formatProblems(problems)}`);
  return kb;
}

/** Key for alias lookup: case, spaces, dashes and underscores do not matter. */
export function aliasKey(value: string): string {
  return value.toLowerCase().replace(/[\s_-]+/g, '-').trim();
}

/** Builds lookups over compiled terms. */
export function createKnowledgeBase(compiled: CompiledKnowledgeBase): KnowledgeBase {
  const byId = new Map<string, Terms>();
  const byKey = new Map<string, Terms>();
  for (const terms of compiled.terms) {
    byId.set(terms.id, terms);
    byKey.set(terms.id.toLowerCase(), terms);
  }
  for (const terms of compiled.terms) {
    for (const alias of terms.aliases) {
      const key = aliasKey(alias);
      if (!byKey.has(key)) byKey.set(key, terms);
      if (!byKey.has(alias.toLowerCase())) byKey.set(alias.toLowerCase(), terms);
    }
  }
  const sorted = [...compiled.terms].sort((a, b) => compareText(a.id, b.id));
  return {
    version: compiled.version,
    get: (id) => byId.get(id),
    resolve: (value) => byId.get(value) ?? byKey.get(value.toLowerCase().trim()) ?? byKey.get(aliasKey(value)),
    all: () => sorted,
  };
}

/**
 * The knowledge base with a project's or a dependency's own terms on top. Custom terms may define
 * new `LicenseRef-*` ids; they never replace a built-in entry for a known licence (DESIGN §4).
 */
export function withCustomTerms(kb: KnowledgeBase, terms: Terms[]): KnowledgeBase {
  if (terms.length === 0) return kb;
  const added = terms.filter((entry) => entry.id.startsWith('LicenseRef-') && !kb.get(entry.id));
  const merged = [...kb.all(), ...added];
  return createKnowledgeBase({ version: `${kb.version}+${added.map((entry) => entry.id).join(',')}`, terms: merged });
}
