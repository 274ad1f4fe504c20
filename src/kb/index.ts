// The knowledge base at run time: what each licence demands of whom, looked up by id or alias.
// Built copies read the precompiled index dist/kb.json and each entry of dist/kb-entries.jsonl when
// asked for it (split.ts); running from source compiles licences/ once.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Terms } from '../types.js';
import type { CompiledKnowledgeBase } from './compile.js';
import { compareText } from '../util/compare.js';
import { readSplitKnowledgeBase } from './split.js';

const built = new URL('../kb.json', import.meta.url);
/** The entries, one a line, each parsed when first asked for (split.ts). */
const entries = new URL('../kb-entries.jsonl', import.meta.url);
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
  if (!cached) cached = compiler && validation ? createKnowledgeBase(compileFromSource(compiler, validation)) : readBuilt();
  return cached;
}

/** The built knowledge base. */
function readBuilt(): KnowledgeBase {
  return splitKnowledgeBaseOf(readFileSync(built, 'utf8'), readFileSync(entries), `${fileURLToPath(built)}, ${fileURLToPath(entries)}`);
}

/** The knowledge base of an index and its entries as the build writes them: the index read now, each entry when first asked for (split.ts). */
export function splitKnowledgeBaseOf(indexText: string, entryLines: Buffer, where: string): KnowledgeBase {
  const { index, entry } = readSplitKnowledgeBase(indexText, entryLines, where);
  return knowledgeBase(index.version, index.entries.map(([id, aliases]) => ({ id, aliases })), entry);
}

function compileFromSource(from: typeof import('./compile.js'), check: typeof import('./validate.js')): CompiledKnowledgeBase {
  const { kb, problems } = from.compileKnowledgeBase(from.defaultKnowledgeBaseDirectory());
  if (problems.length > 0) throw new Error(`the knowledge base is invalid:\n${check.formatProblems(problems)}`);
  return kb;
}

/** Key for alias lookup: case, spaces, dashes and underscores do not matter. */
export function aliasKey(value: string): string {
  return value.toLowerCase().replace(/[\s_-]+/g, '-').trim();
}

/** Builds lookups over compiled terms. */
export function createKnowledgeBase(compiled: CompiledKnowledgeBase): KnowledgeBase {
  return knowledgeBase(compiled.version, compiled.terms, (at) => compiled.terms[at]!);
}

/**
 * Lookups over entries known by their ids and aliases, each entry got by its position when asked
 * for: an id wins over any alias, then each alias as written (any case) and by its key, the first
 * entry to claim one keeping it.
 */
function knowledgeBase(version: string, names: readonly { id: string; aliases: readonly string[] }[], entry: (at: number) => Terms): KnowledgeBase {
  const byId = new Map<string, number>();
  const byKey = new Map<string, number>();
  names.forEach(({ id }, at) => {
    byId.set(id, at);
    byKey.set(id.toLowerCase(), at);
  });
  names.forEach(({ aliases }, at) => {
    for (const alias of aliases) {
      const key = aliasKey(alias);
      if (!byKey.has(key)) byKey.set(key, at);
      if (!byKey.has(alias.toLowerCase())) byKey.set(alias.toLowerCase(), at);
    }
  });
  const found = (at: number | undefined) => (at === undefined ? undefined : entry(at));
  let sorted: Terms[] | undefined;
  return {
    version,
    get: (id) => found(byId.get(id)),
    resolve: (value) => found(byId.get(value) ?? byKey.get(value.toLowerCase().trim()) ?? byKey.get(aliasKey(value))),
    all: () => (sorted ??= names.map((_, at) => at).sort((a, b) => compareText(names[a]!.id, names[b]!.id)).map(entry)),
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
