// The evaluate stage (pure, no I/O): an SPDX expression × the knowledge base × a profile → a
// Verdict that says what the user may do, what they owe, why, and what was assumed.
import { loadKnowledgeBase, type KnowledgeBase } from '../kb/index.js';
import { SPDX_EXCEPTION_IDS } from '../kb/spdx.js';
import type { Outcome, Profile, Terms, Verdict } from '../types.js';
import { OUTCOMES, SHARE_SCOPES } from '../types.js';
import { combineAnd, combineOr } from './combine.js';
import { formatAll, parseExpression, postOrder, type ExpressionNode } from './parse.js';
import { rank, ruleVerdict, strictDecision } from './terms.js';
import { unversionedFamily, type UnversionedFamily } from './unversioned.js';
import { resolveDate, type ParamValue } from './world.js';

export { parseExpression, formatExpression, type ExpressionNode, type ParseResult } from './parse.js';
export type { ParamValue } from './world.js';

/** Parameters of templated terms found in the licence text, keyed by licence id. */
export type Parameters = Record<string, Record<string, ParamValue>>;

export interface EvaluateOptions {
  kb?: KnowledgeBase;
  parameters?: Parameters;
}

/** How deep `becomes` (a change date turning a licence into another) may chain. */
const MAX_CHANGE_DEPTH = 3;

/** The worse of two outcomes. */
export function worstOutcome(a: Outcome, b: Outcome): Outcome {
  return rank(a) >= rank(b) ? a : b;
}

/** The better of two outcomes. */
export function bestOutcome(a: Outcome, b: Outcome): Outcome {
  return rank(a) <= rank(b) ? a : b;
}

/** True when `outcome` is `limit` or worse. */
export function atLeast(outcome: Outcome, limit: Outcome): boolean {
  return OUTCOMES.indexOf(outcome) >= OUTCOMES.indexOf(limit);
}

/**
 * Evaluates `expression` for `profile`. Never throws for bad input: an expression that does not
 * parse, or names a licence copyfair has no terms for, is `unknown` with the reason.
 */
export function evaluate(expression: string, profile: Profile, options: EvaluateOptions = {}): Verdict {
  const kb = options.kb ?? loadKnowledgeBase();
  const parsed = parseExpression(expression, kb);
  if (!parsed.ok) {
    return unknownVerdict(expression, `"${expression}" is not a valid SPDX expression: ${parsed.message}`);
  }
  return evaluateNode(parsed.tree, profile, { kb, parameters: options.parameters ?? {}, depth: 0 });
}

/** Evaluates a parsed expression. */
export function evaluateTree(tree: ExpressionNode, profile: Profile, options: EvaluateOptions = {}): Verdict {
  return evaluateNode(tree, profile, { kb: options.kb ?? loadKnowledgeBase(), parameters: options.parameters ?? {}, depth: 0 });
}

interface Context {
  kb: KnowledgeBase;
  parameters: Parameters;
  depth: number;
}

/** Evaluates every node bottom-up, without recursion: an expression may nest thousands deep. */
function evaluateNode(root: ExpressionNode, profile: Profile, context: Context): Verdict {
  const texts = formatAll(root);
  const verdicts = new Map<ExpressionNode, Verdict>();
  // A rider (the Commons Clause) narrows the licence beside it: one that stands alone, or as an OR
  // branch ("MIT/Commons-Clause" read the old way), has no licence to narrow and is never a licence
  // of its own, so neither it nor the choice it is offered in can be read.
  const riderOf = (node: ExpressionNode) => (node.kind === 'licence' && context.kb.get(node.id)?.rider ? node.id : undefined);
  for (const node of postOrder(root)) {
    const expression = texts.get(node)!;
    const alone = node === root ? riderOf(node) : undefined;
    const offered = node.kind === 'or' ? node.children.map(riderOf).find((id) => id !== undefined) : undefined;
    const rider = alone ?? offered;
    if (rider) {
      const where = alone ? 'alone' : 'as an alternative (OR)';
      verdicts.set(node, unknownVerdict(expression, `${rider} narrows another licence and is never a licence alone; here it stands ${where}, so what it narrows is not known (written beside that licence, "MIT AND ${rider}", it is read)`));
    } else if (node.kind === 'licence') verdicts.set(node, evaluateLicence(node, expression, profile, context));
    else {
      const children = node.children.map((child) => verdicts.get(child)!);
      verdicts.set(node, node.kind === 'and' ? combineAnd(expression, children) : combineOr(expression, children));
    }
  }
  return verdicts.get(root)!;
}

function evaluateLicence(node: Extract<ExpressionNode, { kind: 'licence' }>, expression: string, profile: Profile, context: Context): Verdict {
  const family = unversionedFamily(node.id);
  if (family) return evaluateFamily(family, expression, profile, context);
  const terms = context.kb.get(node.id);
  if (!terms || terms.kind !== 'licence') {
    return unknownVerdict(
      expression,
      node.id.includes('LicenseRef-')
        ? `${node.id} is a custom licence that neither the project's config, the package's own terms file, nor copyfair's knowledge base defines`
        : `copyfair's knowledge base has no terms for ${node.id}`,
    );
  }
  let verdict = evaluateTerms(terms, profile, context);
  if (node.exception) verdict = applyException(verdict, node.exception, expression, profile, context);
  verdict.expression = expression;
  if (node.orLater || terms.id.endsWith('-or-later')) {
    const later = terms.laterVersions?.length ? ` (${terms.laterVersions.join(', ')})` : '';
    verdict.notes.push(`${terms.id}${node.orLater ? '+' : ''} also lets you choose a later version${later}; copyfair evaluated the version named.`);
  }
  return verdict;
}

/**
 * A family named without a version: every version is evaluated. The same outcome for all of them
 * is the verdict, with all their obligations (whichever version it is, those cover it); outcomes
 * that differ leave it unknown, naming each version's outcome.
 */
function evaluateFamily(family: UnversionedFamily, expression: string, profile: Profile, context: Context): Verdict {
  const verdicts = family.versions.map((id) => evaluateNode({ kind: 'licence', id, orLater: false }, profile, context));
  const outcomes = new Set(verdicts.map((verdict) => verdict.outcome));
  const each = family.versions.map((id, index) => `${id} ${verdicts[index]!.outcome}`).join(', ');
  if (outcomes.size > 1 || outcomes.has('unknown')) {
    return unknownVerdict(expression, `"${family.name}" names no version, and its versions differ for this profile (${each}); read the package's licence text or clarify it`);
  }
  const verdict = combineAnd(expression, verdicts);
  verdict.notes.unshift(`"${family.name}" names no version; copyfair assumed any of ${family.versions.join(', ')}: all are ${verdict.outcome} for this profile, and their obligations are combined.`);
  return verdict;
}

function evaluateTerms(terms: Terms, profile: Profile, context: Context): Verdict {
  const params: Record<string, ParamValue | undefined> = {};
  for (const [name, spec] of Object.entries(terms.parameters ?? {})) {
    if (spec.default !== undefined) params[name] = spec.default;
  }
  Object.assign(params, context.parameters[terms.id] ?? {});
  // A rule that changes the licence leads to the new licence's outcome; the strict assumption must
  // compare that, not the rule's own. Memoised: each such rule is evaluated once.
  const changed = new Map<number, Outcome>();
  const effective = (index: number): Outcome => {
    const rule = terms.rules[index]!;
    if (!rule.becomes || context.depth >= MAX_CHANGE_DEPTH) return rule.outcome;
    if (!changed.has(index)) {
      changed.set(index, changedLicence(ruleVerdict(terms, rule, params), rule.becomes, params, profile, context).outcome);
    }
    return changed.get(index)!;
  };
  const decision = strictDecision(terms, profile, params, effective);
  const rule = decision.index === undefined ? undefined : terms.rules[decision.index];
  let verdict = ruleVerdict(terms, rule, params);
  verdict.assumed.push(...decision.assumed);
  if (!terms.curated) {
    verdict.notes.push(
      `${terms.id} is judged at family level (${terms.family}), not from a review of its own text.`,
    );
  }
  if (rule?.becomes && context.depth < MAX_CHANGE_DEPTH) {
    verdict = changedLicence(verdict, rule.becomes, params, profile, context);
  }
  for (const [name, value] of Object.entries(context.parameters[terms.id] ?? {})) {
    if (name === 'additionalUseGrant' && typeof value === 'string' && value.trim() !== '') {
      verdict.notes.push(`${terms.id} Additional Use Grant: ${value.trim()}`);
    }
  }
  return verdict;
}

/** A rule whose licence has changed (BUSL change date, FSL conversion): evaluate the new licence. */
function changedLicence(
  verdict: Verdict,
  becomes: { licence: string; on: string | { param: string } },
  params: Record<string, ParamValue | undefined>,
  profile: Profile,
  context: Context,
): Verdict {
  const target = becomes.licence.startsWith('$') ? params[becomes.licence.slice(1)] : becomes.licence;
  const on = resolveDate(becomes.on, params);
  if (typeof target !== 'string' || target.trim() === '') {
    return { ...verdict, notes: [...verdict.notes, `the licence changes${on ? ` on ${on}` : ''}, but copyfair does not know to what; it kept the rule's verdict`] };
  }
  const parsed = parseExpression(target, context.kb);
  if (!parsed.ok) {
    return combineAnd(verdict.expression, [
      verdict,
      unknownVerdict(target, `the licence changes to "${target}", which is not a valid SPDX expression: ${parsed.message}`),
    ]);
  }
  const changed = evaluateNode(parsed.tree, profile, { ...context, depth: context.depth + 1 });
  return {
    ...changed,
    expression: verdict.expression,
    because: [...verdict.because, ...changed.because],
    assumed: [...verdict.assumed, ...changed.assumed],
    notes: [...verdict.notes, `${verdict.expression} became ${parsed.expression}${on ? ` on ${on}` : ''}; copyfair evaluated ${parsed.expression}.`, ...changed.notes],
  };
}

/**
 * Applies a `WITH` exception's effect. An exception on the SPDX list grants permissions beyond the
 * licence's (that is what the list admits), so one copyfair has no effect for keeps the licence's
 * own obligations: the stricter reading. Any other (a `LicenseRef-` after `WITH`) may as well take
 * rights away, as the Commons Clause does: one the knowledge base holds as a licence (a rider) is
 * read beside the licence (AND), and one it does not know leaves the licence unknown.
 */
function applyException(verdict: Verdict, exceptionId: string, expression: string, profile: Profile, context: Context): Verdict {
  const exception = context.kb.get(exceptionId);
  if (exception?.kind === 'licence') {
    const rider = evaluateTerms(exception, profile, context);
    const combined = combineAnd(expression, [verdict, rider]);
    return { ...combined, notes: [...combined.notes, `${exceptionId} is not an exception but terms of their own, which narrow the licence; copyfair read them beside it (AND).`] };
  }
  if (!exception || exception.kind !== 'exception' || !exception.effect) {
    if (!SPDX_EXCEPTION_IDS.includes(exceptionId)) {
      return combineAnd(expression, [
        verdict,
        unknownVerdict(exceptionId, `${exceptionId} is written as an exception, but it is not on the SPDX exceptions list and copyfair does not know it: unlike those, it may take rights away (as the Commons Clause does) as well as grant them`),
      ]);
    }
    return {
      ...verdict,
      notes: [...verdict.notes, `copyfair does not know the exception ${exceptionId}, so it kept the licence's own obligations (the stricter reading).`],
    };
  }
  const effect = exception.effect;
  const cap = effect.shareAlikeScope ? SHARE_SCOPES.indexOf(effect.shareAlikeScope) : SHARE_SCOPES.length;
  const obligations = verdict.obligations
    .filter((obligation) => !effect.drop?.includes(obligation.kind))
    .map((obligation) =>
      obligation.kind === 'share-alike' && SHARE_SCOPES.indexOf(obligation.scope) > cap
        ? { ...obligation, scope: SHARE_SCOPES[cap]!, summary: `${obligation.summary ?? ''} (narrowed by ${exceptionId})`.trim() }
        : obligation,
    );
  return {
    ...verdict,
    obligations,
    because: [...verdict.because, { licence: exceptionId, outcome: verdict.outcome, section: exception.source.sections ?? '—', because: effect.note }],
  };
}

/** A verdict that a person must look, for `because`; `licence` is '—' when no licence is at fault. */
export function unknownVerdict(expression: string, because: string, licence = expression): Verdict {
  return {
    expression,
    outcome: 'unknown',
    obligations: [],
    because: [{ licence, outcome: 'unknown', section: '—', because }],
    assumed: [],
    chosen: [],
    notes: [],
  };
}

