// The compiled knowledge base as the build writes it: every entry whole, one JSON object a line
// (dist/kb-entries.jsonl), and an index of what finding an entry needs, its id and aliases, with
// where its line lies (dist/kb.json). A command reads a few entries: `check MIT` one, a scan of a
// real tree a few dozen; parsing all 964 of them (860 KB) took ~15 ms of every start on this
// machine (docs/benchmarks.md). An entry is now parsed when first asked for, and is the object it
// was, field for field.
import type { Terms } from '../types.js';
import type { CompiledKnowledgeBase } from './compile.js';

/** One entry in the index: its id, its aliases, and the start and end (in bytes) of its line. */
export type IndexEntry = [id: string, aliases: string[], start: number, end: number];

/** What dist/kb.json holds. */
export interface KnowledgeBaseIndex {
  version: string;
  entries: IndexEntry[];
}

/** The index (JSON) and the entries (JSON lines) of `kb`, in its order. */
export function splitKnowledgeBase(kb: CompiledKnowledgeBase): { index: string; entries: string } {
  const lines: string[] = [];
  const entries: IndexEntry[] = [];
  let offset = 0;
  for (const terms of kb.terms) {
    const line = JSON.stringify(terms);
    const bytes = Buffer.byteLength(line);
    entries.push([terms.id, terms.aliases, offset, offset + bytes]);
    offset += bytes + 1;
    lines.push(line);
  }
  return { index: JSON.stringify({ version: kb.version, entries } satisfies KnowledgeBaseIndex), entries: `${lines.join('\n')}\n` };
}

/**
 * The index read from `index`, and each entry of `entries` parsed when first asked for. `where`
 * names the files in the error a damaged one gives.
 */
export function readSplitKnowledgeBase(index: string, entries: Buffer, where: string): { index: KnowledgeBaseIndex; entry: (at: number) => Terms } {
  const damaged = (what: string) => new Error(`the knowledge base's ${what} (${where}) is damaged: run \`npm run build\` again, or reinstall copyfair`);
  let parsed: KnowledgeBaseIndex;
  try {
    parsed = JSON.parse(index) as KnowledgeBaseIndex;
  } catch {
    throw damaged('index');
  }
  if (!parsed || typeof parsed.version !== 'string' || !Array.isArray(parsed.entries) || parsed.entries.some((entry) => !Array.isArray(entry) || entry.length !== 4 || typeof entry[0] !== 'string' || !Array.isArray(entry[1]) || !(entry[3] <= entries.length))) {
    throw damaged('index');
  }
  const parsedEntries: (Terms | undefined)[] = [];
  const entry = (at: number): Terms => {
    const known = parsedEntries[at];
    if (known) return known;
    const [id, , start, end] = parsed.entries[at]!;
    let terms: Terms;
    try {
      terms = JSON.parse(entries.toString('utf8', start, end)) as Terms;
    } catch {
      throw damaged(`entry ${id}`);
    }
    if (terms?.id !== id) throw damaged(`entry ${id}`);
    parsedEntries[at] = terms;
    return terms;
  };
  return { index: parsed, entry };
}
