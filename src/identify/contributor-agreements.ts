// Contributor agreements found in a licence file: marked's LICENSE.md opens with "If you contribute
// code to this project, you are implicitly allowing your code to be distributed under the MIT
// license" (ScanCode's notice rule generic-cla_and_mit_2: `generic-cla AND mit`). Such terms bind
// those who contribute code to the project, not those who use it: they grant users nothing and ask
// nothing of them. Beside a licence for users they are left out of the file's expression; a file
// that holds nothing else keeps them, and is unknown (copyfair knows no licence for users there).
import { formatExpression, parseExpression, type ExpressionNode } from '../evaluate/parse.js';

const SCANCODE_PREFIX = 'LicenseRef-scancode-';

/**
 * ScanCode LicenseDB's licences of category "CLA" (contributor licence agreements, the DCO), by
 * their LicenseRef ids (the pinned data in shared/data, scancode-toolkit bc787214ed21).
 */
export const CONTRIBUTOR_AGREEMENTS: ReadonlySet<string> = new Set(
  [
    'canonical-ha-cla-any-e-v1.2',
    'canonical-ha-cla-any-i-v1.2',
    'cncf-corporate-cla-1.0',
    'cncf-individual-cla-1.0',
    'dco-1.1',
    'generic-cla',
    'google-cla',
    'google-corporate-cla',
    'ipca',
    'jetty-ccla-1.1',
    'ms-cla',
    'newton-king-cla',
    'olf-ccla-1.0',
    'owf-cla-1.0-copyright-patent',
    'owf-cla-1.0-copyright',
    'sh-cla-1.1',
    'square-cla',
    'w3c-community-cla',
  ].map((key) => `${SCANCODE_PREFIX}${key}`),
);

/**
 * `expression` without the contributor agreements ANDed beside a licence for users:
 * `MIT AND (LicenseRef-scancode-generic-cla AND MIT)` → `MIT`. Unchanged when it names none, when
 * nothing else is left (the agreement alone), or when one is offered as a choice.
 */
export function withoutContributorAgreements(expression: string): string {
  if (!expression.includes(SCANCODE_PREFIX) || ![...CONTRIBUTOR_AGREEMENTS].some((id) => expression.includes(id))) return expression;
  const parsed = parseExpression(expression);
  if (!parsed.ok) return expression;
  const kept = prune(parsed.tree);
  if (kept === undefined) return expression;
  if (kept.kind !== 'and') return formatExpression(kept);
  // What the agreement was ANDed with is often named again beside it (marked: "… under the MIT license").
  const seen = new Set<string>();
  const children = flatten(kept).filter((child) => {
    const text = formatExpression(child);
    return !seen.has(text) && Boolean(seen.add(text));
  });
  return formatExpression(children.length === 1 ? children[0]! : { kind: 'and', children });
}

/** The conjuncts of nested ANDs, in order. */
function flatten(node: ExpressionNode): ExpressionNode[] {
  return node.kind === 'and' ? node.children.flatMap(flatten) : [node];
}

/** The node without agreements in AND nodes; undefined when the node is an agreement, or an AND of only agreements. */
function prune(node: ExpressionNode): ExpressionNode | undefined {
  if (node.kind === 'licence') return CONTRIBUTOR_AGREEMENTS.has(node.id) ? undefined : node;
  if (node.kind === 'or') return node; // a choice that offers an agreement is read as written
  const children = node.children.map(prune).filter((child): child is ExpressionNode => child !== undefined);
  if (children.length === 0) return undefined;
  return children.length === 1 ? children[0] : { kind: 'and', children };
}
