// Parses SPDX expressions: canonicalises ids (case-insensitive, deprecated ids mapped to their
// current form, `+` kept as "or later"), reports errors at their position with did-you-mean, and
// builds the tree itself, without recursion (see buildTree).
import type { KnowledgeBase } from '../kb/index.js';
import { DEPRECATED_REPLACEMENTS, SPDX_DEPRECATED_IDS, SPDX_EXCEPTION_IDS, SPDX_LICENCE_IDS, orLaterForm } from '../kb/spdx.js';
import { suggest } from '../util/suggest.js';

/** A parsed expression. `or` and `and` nodes are flattened: `A OR B OR C` is one node. */
export type ExpressionNode =
  | { kind: 'licence'; id: string; orLater: boolean; exception?: string }
  | { kind: 'and' | 'or'; children: ExpressionNode[] };

export type ParseResult =
  | { ok: true; expression: string; tree: ExpressionNode }
  | { ok: false; message: string; position: number; suggestions: string[] };

interface Token {
  text: string;
  position: number;
}

const OPERATORS = new Set(['AND', 'OR', 'WITH']);

const licenceIndex = new Map<string, string>();
for (const id of [...SPDX_LICENCE_IDS, ...SPDX_DEPRECATED_IDS]) licenceIndex.set(id.toLowerCase(), id);
const exceptionIndex = new Map(SPDX_EXCEPTION_IDS.map((id) => [id.toLowerCase(), id]));

/**
 * Parses `text` as an SPDX expression. Ids are matched case-insensitively against SPDX and the
 * knowledge base's LicenseRef ids; aliases are not accepted here (declared strings go through
 * src/identify/declared.ts), so a typo is an error, never a guess.
 */
export function parseExpression(text: string, kb?: KnowledgeBase): ParseResult {
  const tokens = tokenise(text);
  if (tokens.length === 0) return failure('the expression is empty', 0, NONE);
  const canonical: string[] = [];
  let expectOperand = true;
  let depth = 0;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    const upper = token.text.toUpperCase();
    const previous = tokens[index - 1];
    if (token.text === '(') {
      if (!expectOperand) return failure(`expected AND, OR or WITH before "("`, token.position, NONE);
      depth++;
      canonical.push('(');
    } else if (token.text === ')') {
      if (expectOperand) return failure(`expected a licence before ")"`, token.position, NONE);
      if (depth === 0) return failure('this ")" closes nothing', token.position, NONE);
      depth--;
      canonical.push(')');
    } else if (OPERATORS.has(upper)) {
      if (expectOperand) return failure(`expected a licence before ${upper}`, token.position, NONE);
      canonical.push(upper);
      expectOperand = true;
      continue;
    } else {
      if (!expectOperand) {
        return failure(`expected AND, OR or WITH between "${previous?.text}" and "${token.text}"`, token.position, NONE);
      }
      const afterWith = previous !== undefined && previous.text.toUpperCase() === 'WITH';
      const resolved = afterWith ? canonicalException(token.text, kb) : canonicalLicence(token.text, kb);
      if (typeof resolved !== 'string') return failure(resolved.message, token.position, resolved.suggestions);
      canonical.push(resolved);
      expectOperand = false;
      continue;
    }
    expectOperand = token.text === '(';
  }
  const last = tokens[tokens.length - 1]!;
  if (expectOperand) {
    return failure(`the expression ends after "${last.text}"; expected a licence`, text.length, NONE);
  }
  if (depth > 0) return failure(`${depth} "(" not closed`, text.length, NONE);
  return build(canonical.join(' ').replace(/\( /g, '(').replace(/ \)/g, ')'));
}

function build(canonical: string): ParseResult {
  try {
    const tree = buildTree(tokenise(canonical).map((token) => token.text));
    return { ok: true, expression: formatExpression(tree), tree };
  } catch (error) {
    // The checks above make this unreachable; keep the words if it happens.
    return failure(`not a valid SPDX expression: ${(error as Error).message}`, 0, NONE);
  }
}

/**
 * The tree of checked, canonical tokens, built with two stacks instead of recursion: 10,000 ORs
 * or 4,000 nested parentheses are as easy as two (spdx-expression-parse, a recursive descent
 * parser, overflows the stack on them; the fuzz tests check both agree wherever it does not).
 * AND binds tighter than OR; `A OR (B OR C)` flattens to one OR of three.
 */
function buildTree(tokens: string[]): ExpressionNode {
  const operands: ExpressionNode[] = [];
  const operators: ('(' | 'and' | 'or')[] = [];
  const rank = { and: 2, or: 1 } as const;
  const reduce = () => {
    const kind = operators.pop() as 'and' | 'or';
    const right = operands.pop()!;
    const left = operands.pop()!;
    const node: ExpressionNode = left.kind === kind ? left : { kind, children: [left] };
    if (right.kind === kind) node.children.push(...right.children);
    else node.children.push(right);
    operands.push(node);
  };
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token === '(') operators.push('(');
    else if (token === ')') {
      while (operators[operators.length - 1] !== '(') reduce();
      operators.pop();
      // A parenthesised group is a fresh operand: it must not absorb what follows by mutation.
      const group = operands.pop()!;
      operands.push(group.kind === 'licence' ? group : { kind: group.kind, children: group.children });
    } else if (token === 'AND' || token === 'OR') {
      const kind = token === 'AND' ? 'and' : 'or';
      for (let top = operators[operators.length - 1]; top !== undefined && top !== '(' && rank[top] >= rank[kind]; top = operators[operators.length - 1]) reduce();
      operators.push(kind);
    } else if (token === 'WITH') {
      const licence = operands[operands.length - 1];
      const exception = tokens[++index];
      if (!licence || licence.kind !== 'licence' || exception === undefined) throw new Error('WITH must follow a licence and precede an exception');
      licence.exception = exception;
    } else {
      const plus = token.endsWith('+') && token.length > 1;
      operands.push({ kind: 'licence', id: plus ? token.slice(0, -1) : token, orLater: plus });
    }
  }
  while (operators.length > 0) reduce();
  if (operands.length !== 1) throw new Error('unbalanced expression');
  return operands[0]!;
}

/** No suggestions. */
const NONE = (): string[] => [];

/**
 * A failed parse. Its suggestions are found when first read: only a person reading the message
 * wants them (check, a policy file), while a scan reads thousands of declared values and licence
 * notices, some not SPDX, and measuring each against every id cost it milliseconds.
 */
function failure(message: string, position: number, suggestions: () => string[]): ParseResult {
  let found: string[] | undefined;
  return {
    ok: false,
    message,
    position,
    get suggestions() {
      return (found ??= suggestions());
    },
  };
}

function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\(|\)|[^\s()]+/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    tokens.push({ text: match[0], position: match.index });
  }
  return tokens;
}

type Resolution = string | { message: string; suggestions: () => string[] };

function canonicalLicence(raw: string, kb: KnowledgeBase | undefined): Resolution {
  // ("LicenseRef-" alone names nothing: the spec's idstring is at least one character.)
  if (/^(DocumentRef-[^:]+:)?LicenseRef-./i.test(raw)) {
    const known = kb?.resolve(raw);
    return known && known.id.toLowerCase() === raw.toLowerCase() ? known.id : raw;
  }
  const plus = raw.endsWith('+');
  const bare = plus ? raw.slice(0, -1) : raw;
  const id = licenceIndex.get(bare.toLowerCase());
  if (id === undefined) {
    const suggestions = () => {
      const found = suggest(bare, [...SPDX_LICENCE_IDS, ...(kb ? kb.all().map((terms) => terms.id) : [])]);
      const alias = kb?.resolve(raw);
      if (alias && !found.includes(alias.id)) found.unshift(alias.id);
      // npm's "UNLICENSED" grants nothing; the Unlicense grants everything: never offer one for the other.
      return /^unlicen[cs]ed$/i.test(bare) ? found.filter((id) => !/^Unlicense/.test(id)) : found;
    };
    return { message: `unknown licence id "${raw}"`, suggestions };
  }
  const replacement = DEPRECATED_REPLACEMENTS[id] ?? id;
  if (!plus) return replacement.includes(' ') ? `(${replacement})` : replacement;
  if (replacement.includes(' ')) return `(${replacement})`;
  return orLaterForm(replacement) ?? `${replacement}+`;
}

function canonicalException(raw: string, kb: KnowledgeBase | undefined): Resolution {
  const id = exceptionIndex.get(raw.toLowerCase());
  if (id !== undefined) return id;
  if (/^LicenseRef-./i.test(raw)) return raw;
  const suggestions = () => suggest(raw, SPDX_EXCEPTION_IDS);
  const known = kb?.resolve(raw);
  const hint =
    known && known.kind === 'licence'
      ? ` (${known.id} is a licence, not an exception: a rider such as the Commons Clause is written "AND ${known.id}")`
      : '';
  return { message: `unknown exception id "${raw}" after WITH${hint}`, suggestions };
}

/** Writes a tree as canonical SPDX text, with parentheses only where needed. */
export function formatExpression(node: ExpressionNode): string {
  return formatAll(node).get(node)!;
}

/**
 * The canonical text of `root` and of every node below it, computed bottom-up without recursion
 * (a tree may be thousands deep). `+` builds V8 ropes, so the texts share their parts.
 */
export function formatAll(root: ExpressionNode): Map<ExpressionNode, string> {
  const texts = new Map<ExpressionNode, string>();
  for (const node of postOrder(root)) {
    if (node.kind === 'licence') {
      texts.set(node, `${node.id}${node.orLater ? '+' : ''}${node.exception ? ` WITH ${node.exception}` : ''}`);
      continue;
    }
    const operator = node.kind === 'and' ? ' AND ' : ' OR ';
    let text = '';
    node.children.forEach((child, index) => {
      const inner = texts.get(child)!;
      text = text + (index === 0 ? '' : operator) + (child.kind !== 'licence' && child.kind !== node.kind ? '(' + inner + ')' : inner);
    });
    texts.set(node, text);
  }
  return texts;
}

/** Every node of the tree, children before their parent, without recursion. */
export function postOrder(root: ExpressionNode): ExpressionNode[] {
  const order: ExpressionNode[] = [];
  const stack: ExpressionNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    order.push(node);
    if (node.kind !== 'licence') for (const child of node.children) stack.push(child);
  }
  return order.reverse();
}
