// Combines the licences found in one file into one SPDX expression. The file's own words decide:
// an offered choice ("dual licensed", "at your option") is OR; a rider such as the Commons Clause
// is always AND; an exception attaches to the licence before it with WITH; otherwise AND, the
// reading that never grants more than the file does.
import { formatExpression, parseExpression } from '../evaluate/parse.js';
import type { LicenceMatch } from './types.js';

/** The licence and exception ids an expression names, in order: `(A OR B) AND C WITH D` → A, B, C, D. */
export function expressionIds(expression: string): string[] {
  return expression.split(/[\s()]+/).filter((token) => token !== '' && !/^(?:AND|OR|WITH)$/i.test(token));
}

/** An id without its later-versions mark, so GPL-3.0+, GPL-3.0-only and GPL-3.0-or-later agree. */
export function withoutLaterMark(id: string): string {
  return id.replace(/\+$/, '').replace(/-(only|or-later)$/, '');
}

/** Texts that add conditions to whatever licence they accompany. */
const RIDERS = new Set(['LicenseRef-scancode-commons-clause']);

// Words that offer a choice between licences ("[WTFPL](…) or [CC0](…), whichever you prefer":
// stream-length). "at your option any later version" is a GPL notice and is taken out before this test.
const CHOICE =
  /\b(?:dual(?:ly)? licensed|duallicensed|dual license|multi licensed|triple licensed|at your option|at your choice|your choice of|you may choose|choose either|choose between|licensed under either|either license|alternatively|whichever you (?:prefer|choose|like))\b/;

/** Whether the file's own words offer a choice between licences. */
export function offersChoice(words: string): boolean {
  return CHOICE.test(words.replace(/\bat your option any later version\b/g, ''));
}

/**
 * The expression for `matches` (in file order). `outside` is the file's normalised words outside
 * every match; `isException` tells `WITH` exceptions from licences. The caller passes only
 * confident matches.
 */
export function combine(
  matches: readonly LicenceMatch[],
  outside: string,
  isException: (id: string) => boolean,
): string | null {
  const terms: string[] = [];
  const riders: string[] = [];
  let orphanException = false;
  for (const match of matches) {
    if (RIDERS.has(match.id)) pushOnce(riders, match.id);
    else if (isException(match.id)) {
      const base = terms.length - 1;
      if (base < 0 || terms[base]!.includes(' WITH ')) orphanException = true;
      else terms[base] = `${terms[base]} WITH ${match.id}`;
    } else pushOnce(terms, match.id);
  }
  // An exception with no licence to attach to cannot be expressed: say unknown, not less.
  if (orphanException) return null;
  // A rider on its own (a COMMONS-CLAUSE file beside the LICENSE) is still what this file says.
  if (terms.length === 0) return riders.length > 0 ? riders.join(' AND ') : null;
  const choice = terms.length > 1 && offersChoice(outside);
  const main = terms.join(choice ? ' OR ' : ' AND ');
  if (riders.length === 0) return main;
  return [terms.length > 1 ? `(${main})` : main, ...riders].join(' AND ');
}

function pushOnce(list: string[], id: string): void {
  if (!list.includes(id)) list.push(id);
}

/** The parts ANDed, each licence or choice once (as written), undefined when there are none or they do not parse. */
export function conjunction(parts: readonly string[]): string | undefined {
  if (parts.length === 0) return undefined;
  const combined = parseExpression([...new Set(parts)].map((part) => (/\s/.test(part) ? `(${part})` : part)).join(' AND '));
  if (!combined.ok) return undefined;
  if (combined.tree.kind !== 'and') return formatExpression(combined.tree);
  const seen = new Set<string>();
  const children = combined.tree.children.filter((child) => !seen.has(formatExpression(child)) && Boolean(seen.add(formatExpression(child))));
  return formatExpression(children.length === 1 ? children[0]! : { kind: 'and', children });
}
