// Config problems as a person reads them: `file:line:col: message`, the offending line, and a row
// of carets under the whole value (or key) at fault, so a misspelt word is marked end to end.
import type { Node } from 'yaml';
import { isNode, visit } from '../util/lazy.js';
import { excerptAround, listProblems, type LocatedDocument, type SourceProblem } from '../kb/validate.js';

/** One located config problem; `length` is how many characters of the line the carets cover. */
export interface ConfigProblem extends SourceProblem {
  length?: number;
}

/**
 * Gives each problem the width of the innermost YAML node that starts at its position, cut at the
 * end of the line (a key, a scalar, or the first line of a mapping).
 */
export function withSpans(doc: LocatedDocument, problems: SourceProblem[]): ConfigProblem[] {
  const starts = new Map<number, number>();
  visit(doc.document, (_, node) => {
    if (!isNode(node)) return;
    const range = (node as Node).range;
    if (!range) return;
    const [start, , end] = range;
    const known = starts.get(start);
    // The innermost node starting here is the shortest one (a key rather than its whole mapping).
    if (known === undefined || end - start < known) starts.set(start, Math.max(1, end - start));
  });
  return problems.map((problem) => {
    const lineStart = doc.lineCounter.lineStarts[problem.line - 1];
    if (lineStart === undefined || problem.excerpt === undefined) return problem;
    const offset = lineStart + problem.column - 1;
    const rest = problem.excerpt.length - (problem.column - 1);
    const span = starts.get(offset) ?? 1;
    return { ...problem, length: Math.max(1, Math.min(span, rest)) };
  });
}

/** Trailing spaces and comments are not part of a value's span. */
function trimSpan(excerpt: string, column: number, length: number): number {
  const text = excerpt.slice(column - 1, column - 1 + length).replace(/\s+(#.*)?$/, '');
  return Math.max(1, text.length);
}

/** The problems, each as `file:line:col: message`, then the source line (around the column, when long) and carets under the value. */
export function formatConfigProblems(problems: ConfigProblem[]): string {
  return listProblems(problems, (problem) => {
    const head = `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;
    if (problem.excerpt === undefined) return head;
    const { text, column } = excerptAround(problem.excerpt, problem.column);
    const width = Math.min(trimSpan(problem.excerpt, problem.column, problem.length ?? 1), Math.max(1, text.length - column + 1));
    return `${head}\n  ${text}\n  ${' '.repeat(Math.max(0, column - 1))}${'^'.repeat(width)}`;
  });
}
