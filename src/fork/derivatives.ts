// Which licences a derived work may carry: the question `copyfair fork` asks of a fork's licence,
// answered from licences/derivatives/derived-works.yaml (one cited entry per share-alike licence)
// and the knowledge base's families (permissive and public-domain licences allow any licence).
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import { parseExpression, type ExpressionNode } from '../evaluate/parse.js';
import type { KnowledgeBase } from '../kb/index.js';

/** What one licence lets its derived works carry. */
export interface DerivativeRule {
  /** Licences the derived work may be under; empty: no adapted version may be shared. */
  mayCarry: string[];
  /** The upstream's own files stay under these; the fork's new files may add others. */
  fileLevel: boolean;
  clause: string;
}

export type DerivativeTable = ReadonlyMap<string, DerivativeRule>;

/** The verdict on one upstream expression → fork expression pair. */
export interface DerivativeCheck {
  outcome: 'allowed' | 'not-allowed' | 'unknown';
  /** One sentence per finding, with the clause. */
  reasons: string[];
}

const TABLE_FILE = new URL('../../licences/derivatives/derived-works.yaml', import.meta.url);
let cached: DerivativeTable | undefined;

/** The bundled table; an Error naming the file, line and column when it is malformed. */
export function loadDerivativeTable(): DerivativeTable {
  cached ??= readDerivativeTable(readFileSync(TABLE_FILE, 'utf8'), 'licences/derivatives/derived-works.yaml');
  return cached;
}

/** Reads a table from YAML text, checking its shape; `file` names it in errors. */
export function readDerivativeTable(text: string, file: string): DerivativeTable {
  const counter = new LineCounter();
  const document = parseDocument(text, { lineCounter: counter, uniqueKeys: false });
  const at = (offset: number | undefined) => {
    const { line, col } = counter.linePos(offset ?? 0);
    return `${file}:${line}:${col}`;
  };
  if (document.errors.length > 0) throw new Error(`${at(document.errors[0]!.pos[0])}: ${document.errors[0]!.message}`);
  const data = document.toJS() as { licences?: Record<string, { 'may-carry'?: unknown; 'file-level'?: unknown; clause?: unknown }> };
  const table = new Map<string, DerivativeRule>();
  for (const [id, entry] of Object.entries(data?.licences ?? {})) {
    const node = document.getIn(['licences', id], true) as { range?: [number, number] } | undefined;
    const carry = entry?.['may-carry'];
    if (!Array.isArray(carry) || carry.some((item) => typeof item !== 'string') || typeof entry?.clause !== 'string') {
      throw new Error(`${at(node?.range?.[0])}: ${id} needs may-carry (a list of licence ids) and clause (the text that says so)`);
    }
    table.set(id, { mayCarry: carry as string[], fileLevel: entry['file-level'] === true, clause: entry.clause });
  }
  return table;
}

/** Every way to satisfy an expression, as sets of licence ids (OR of ANDs); null when too many. */
export function choices(tree: ExpressionNode, limit = 256): string[][] | null {
  switch (tree.kind) {
    case 'licence':
      return [[tree.orLater ? orLater(tree.id) : tree.id]];
    case 'or': {
      const all: string[][] = [];
      for (const child of tree.children) {
        const branch = choices(child, limit);
        if (!branch) return null;
        all.push(...branch);
        if (all.length > limit) return null;
      }
      return all;
    }
    case 'and': {
      let all: string[][] = [[]];
      for (const child of tree.children) {
        const branch = choices(child, limit);
        if (!branch) return null;
        const next: string[][] = [];
        for (const left of all) for (const right of branch) next.push([...left, ...right]);
        if (next.length > limit) return null;
        all = next;
      }
      return all;
    }
  }
}

/** `GPL-2.0+` is GPL-2.0-or-later; other ids with `+` keep it. */
function orLater(id: string): string {
  return /-only$/.test(id) ? id.replace(/-only$/, '-or-later') : /^(A|L)?GPL-\d\.\d$/.test(id) ? `${id}-or-later` : `${id}+`;
}

/**
 * May a work derived from `upstream` be under `fork`? Allowed when some choice the upstream offers
 * is honoured by every choice the fork offers; a licence copyfair has no rule for leaves it open.
 */
export function checkDerivative(upstream: string | null, fork: string | null, kb: KnowledgeBase, table: DerivativeTable = loadDerivativeTable()): DerivativeCheck {
  if (upstream === null) return { outcome: 'unknown', reasons: ['the upstream states no licence at the fork point: without one, nobody may make a derived work (all rights reserved)'] };
  const up = parseExpression(upstream, kb);
  if (!up.ok) return { outcome: 'unknown', reasons: [`the upstream's licence "${upstream}" is not an expression copyfair can read`] };
  const upChoices = choices(up.tree);
  if (!upChoices) return { outcome: 'unknown', reasons: [`the upstream's licence "${upstream}" offers too many choices to check`] };
  let forkChoices: string[][] = [[]];
  if (fork !== null) {
    const parsed = parseExpression(fork, kb);
    if (!parsed.ok) return { outcome: 'unknown', reasons: [`the fork's licence "${fork}" is not an expression copyfair can read`] };
    const all = choices(parsed.tree);
    if (!all) return { outcome: 'unknown', reasons: [`the fork's licence "${fork}" offers too many choices to check`] };
    forkChoices = all;
  }
  let best: DerivativeCheck | undefined;
  for (const choice of upChoices) {
    const result = checkChoice(choice, forkChoices, fork, kb, table);
    if (result.outcome === 'allowed') return result;
    if (!best || (best.outcome === 'not-allowed' && result.outcome === 'unknown')) best = result;
  }
  return best!;
}

function checkChoice(upstream: string[], forkChoices: string[][], fork: string | null, kb: KnowledgeBase, table: DerivativeTable): DerivativeCheck {
  const reasons: string[] = [];
  let outcome: DerivativeCheck['outcome'] = 'allowed';
  for (const licence of upstream) {
    const rule = table.get(licence);
    const family = kb.get(licence)?.family;
    if (!rule && (family === 'permissive' || family === 'public-domain')) {
      reasons.push(`${licence} lets a derived work carry any licence, as long as its notices are kept`);
      continue;
    }
    if (!rule) {
      if (outcome === 'allowed') outcome = 'unknown';
      reasons.push(`copyfair has no rule for what a work derived from ${licence} may be licensed under: a person must read it`);
      continue;
    }
    if (rule.mayCarry.length === 0) {
      outcome = 'not-allowed';
      reasons.push(`${licence} lets no adapted version be shared (${rule.clause})`);
      continue;
    }
    const failing = forkChoices.find((choice) => !choice.some((id) => rule.mayCarry.includes(id)));
    if (failing) {
      outcome = 'not-allowed';
      const offered = fork === null ? 'states no licence' : forkChoices.length > 1 ? `offers ${failing.join(' AND ') || 'nothing'}` : `is under ${fork}`;
      const keep = rule.fileLevel ? `the upstream's ${licence} files must stay under ${rule.mayCarry.join(', ')}` : `a work derived from ${licence} may only carry ${rule.mayCarry.join(', ')}`;
      reasons.push(`the fork ${offered}, but ${keep} (${rule.clause})`);
    } else {
      reasons.push(`${licence} allows ${fork} (${rule.clause})`);
    }
  }
  return { outcome, reasons };
}
