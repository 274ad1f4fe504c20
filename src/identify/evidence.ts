// Declared versus actual: combines a component's evidence into the one expression copyfair
// evaluates. Where a licence file says more than the declaration, both apply (AND), so the
// stricter claim decides; a licence text nobody can identify keeps the verdict unknown.
import { formatExpression, parseExpression, type ExpressionNode } from '../evaluate/parse.js';
import type { Evidence } from '../types.js';

/** The expression to evaluate, and what must stay unknown whatever it says. */
export interface Decision {
  /** The combined expression, or null when there is nothing to evaluate. */
  expression: string | null;
  /** Reasons a person must look (unidentified files, undeclared licence …). */
  unknown: string[];
  /** Licence files whose licences the declaration does not mention. */
  mismatches: { file: string; declared: string; found: string }[];
}

/** Licence ids in an expression, without `-only`/`-or-later`/`+`, so GPL-3.0+ and GPL-3.0-only agree. */
export function licenceIds(expression: string): Set<string> {
  const ids = expression
    .replace(/[()]/g, ' ')
    .split(/\s+/)
    .filter((token) => token !== '' && !/^(AND|OR|WITH)$/i.test(token));
  return new Set(ids.map((id) => id.replace(/\+$/, '').replace(/-(only|or-later)$/, '')));
}

const wrap = (expression: string) => (/\s/.test(expression) ? `(${expression})` : expression);

/**
 * Decides the expression from the evidence. A clarification wins outright. Otherwise the
 * declaration stands, and every identified licence file whose licences it does not cover is
 * ANDed to it; an unidentified licence file, or no evidence at all, leaves a reason for unknown.
 */
export function decide(evidence: Evidence[]): Decision {
  const clarification = evidence.find((item) => item.kind === 'clarification');
  if (clarification) return { expression: clarification.expression, unknown: [], mismatches: [] };
  const declared = evidence.find((item) => item.kind === 'declared');
  const terms = evidence.filter((item) => item.kind === 'terms-file' || item.kind === 'sbom');
  const files = evidence.filter((item): item is Extract<Evidence, { kind: 'licence-file' }> => item.kind === 'licence-file');
  const parts: string[] = [];
  const unknown: string[] = [];
  const mismatches: Decision['mismatches'] = [];
  if (declared?.expression) parts.push(declared.expression);
  // A declaration copyfair cannot read is conflicting evidence, whatever the files say.
  const pointsToFile = declared !== undefined && /^SEE LICEN[CS]E IN /i.test(declared.value);
  if (declared && declared.expression === null && !pointsToFile) unknown.push(`the declared licence "${declared.value}" is not one copyfair can read`);
  for (const item of terms) if (item.expression) parts.push(item.expression);
  const covered = new Set(parts.flatMap((part) => [...licenceIds(part)]));
  for (const file of files) {
    if (file.expression === null) {
      unknown.push(`the licence file ${file.location.file} could not be identified with confidence; a person must read it`);
      continue;
    }
    const extra = [...licenceIds(file.expression)].filter((id) => !covered.has(id));
    if (extra.length === 0) continue;
    if (declared?.expression) mismatches.push({ file: file.location.file, declared: declared.expression, found: file.expression });
    parts.push(file.expression);
    for (const id of licenceIds(file.expression)) covered.add(id);
  }
  if (parts.length === 0 && unknown.length === 0) {
    unknown.push('no licence is declared and no licence file was found');
  }
  return { expression: conjoin(parts), unknown, mismatches };
}

/** `A` and `A AND B` → `A AND B`: the parts ANDed, each conjunct once. */
function conjoin(parts: string[]): string | null {
  if (parts.length === 0) return null;
  if (parts.length === 1) return parts[0]!;
  const terms: ExpressionNode[] = [];
  const seen = new Set<string>();
  for (const part of parts) {
    const parsed = parseExpression(part);
    if (!parsed.ok) return parts.map(wrap).join(' AND ');
    for (const term of parsed.tree.kind === 'and' ? parsed.tree.children : [parsed.tree]) {
      const key = formatExpression(term);
      if (!seen.has(key)) terms.push(term);
      seen.add(key);
    }
  }
  return formatExpression(terms.length === 1 ? terms[0]! : { kind: 'and', children: terms });
}
