// Plain words for outcomes, obligations and profiles, shared by every human-readable format.
import type { Obligation, Outcome, Profile } from '../types.js';
import { USES } from '../types.js';

/** What an outcome means for the user, in one line. */
export const OUTCOME_MEANING: Record<Outcome, string> = {
  free: 'you may use it; keep the notices',
  'share-alike': 'you may use it, and give back in kind: release source when the licence says',
  payback: 'you may use it only by paying back: obtain or buy a licence, or wait for a change date',
  forbidden: 'you may not use it at all',
  unknown: 'copyfair cannot tell; a person must look',
};

/** The kinds of obligation by which a share-alike outcome gives back code. */
const CODE_GIVE_BACK: ReadonlySet<Obligation['kind']> = new Set(['share-alike', 'source-offer', 'contribute']);

/**
 * What a verdict's outcome means for the user: {@link OUTCOME_MEANING}, except a share-alike that
 * owes no code, only something else in kind (the AOM patent licence's give-back of the licensee's
 * own AV1 patents), which says so rather than "release source".
 */
export function outcomeMeaning(verdict: { outcome: Outcome; obligations: readonly Obligation[] }): string {
  if (verdict.outcome === 'share-alike' && !verdict.obligations.some((obligation) => CODE_GIVE_BACK.has(obligation.kind))) return 'you may use it, and give back in kind what the licence asks (see what you owe)';
  return OUTCOME_MEANING[verdict.outcome];
}

const SCOPE_WORDS = {
  file: 'the files of it you changed',
  library: 'the component itself, with your changes',
  work: 'the whole work you build with it',
  'all-software': 'all software you develop, operate or analyse with it',
  'service-stack': 'the whole service stack you offer it with',
} as const;

const TRIGGER_WORDS = {
  distribute: 'when you distribute it',
  network: 'when you offer it to others over a network',
  'any-use': 'whenever you use it',
} as const;

/** An obligation in plain words (without its clause). */
export function describeObligation(obligation: Obligation): string {
  const summary = obligation.summary ? ` ${obligation.summary}` : '';
  // Simple kinds: the licence's own summary says it better than the generic words.
  switch (obligation.kind) {
    case 'notice':
      return obligation.summary ?? 'keep the licence and copyright notices.';
    case 'attribution':
      return obligation.summary ?? 'credit the authors.';
    case 'state-changes':
      return obligation.summary ?? 'mark the files you changed.';
    case 'source-offer':
      return obligation.summary ?? 'give or offer the source with what you distribute.';
    case 'share-alike':
      return `release ${SCOPE_WORDS[obligation.scope]} under the same terms ${TRIGGER_WORDS[obligation.trigger]}.${summary}`;
    case 'pay':
      return `${describeRoute(obligation.route) || 'obtain a licence from the licensor'}.${summary}`;
    case 'contribute':
      return `publish your own software built with it within ${obligation.withinDays} days.${summary}`;
    case 'patent-grant':
      return `license the patent claims you hold that it needs to everyone, royalty-free, under the same licence.${summary}`;
    case 'conduct':
      return `keep these conditions: ${obligation.clauses.join('; ')}.${summary}`;
    case 'time-limit': {
      const parts: string[] = [];
      if (obligation.trialDays !== undefined) parts.push(`a trial of ${obligation.trialDays} days`);
      if (obligation.changeDate) parts.push(`changes${obligation.changeLicence ? ` to ${obligation.changeLicence}` : ''} on ${obligation.changeDate}`);
      return `time limit: ${parts.join('; ') || 'see the licence'}.${summary}`;
    }
    default: {
      const exhaustive: never = obligation;
      return String(exhaustive);
    }
  }
}

/**
 * Where a reason or an obligation comes from, each part once: "PPL §4(d)", but "LGPL-3.0 §4" for
 * LGPL-3.0-only (the section names the licence already), and nothing for "—".
 */
export function clause(licence: string | undefined, section: string | undefined): string {
  const parts: string[] = [];
  const stem = licence?.replace(/-(only|or-later)$/, '').replace(/\+$/, '');
  if (licence && licence !== '—' && !(stem && section?.startsWith(stem))) parts.push(licence);
  if (section && section !== '—') parts.push(section);
  return parts.join(' ');
}

/** A reason in one line: "PPL §4(d): …", or the reason alone when it has no clause. */
export function describeReason(reason: { licence: string; section: string; because: string }): string {
  const where = clause(reason.licence, reason.section);
  return where ? `${where}: ${reason.because}` : reason.because;
}

/** An obligation in one line with its kind and clause: "share-alike (LGPL-3.0 §4): …". */
export function describeOwed(obligation: Obligation, withLicence = true): string {
  const where = clause(withLicence ? obligation.licence : undefined, obligation.section);
  return `${obligation.kind}${where ? ` (${where})` : ''}: ${describeObligation(obligation)}`;
}

/** A pay route as one line: where, whom, price, terms. */
export function describeRoute(route: { url?: string; contact?: string; price?: string; note?: string }): string {
  return [route.note, route.url, route.contact && `contact ${route.contact}`, route.price && `price ${route.price}`]
    .filter((part): part is string => Boolean(part))
    .map((part) => part.trim().replace(/\.$/, ''))
    .join('; ');
}

/** The profile in one line: "a for-profit using it internal, distribute (date 2026-01-01)". */
export function describeProfile(profile: Profile): string {
  const entity = profile.entity ?? 'for-profit';
  const article = /^[aeiou]/.test(entity) ? 'an' : 'a';
  const uses = (profile.uses ?? [...USES]).join(', ') || 'no use at all';
  const facts: string[] = [];
  if (profile.employees !== undefined) facts.push(`${profile.employees} people`);
  if (profile.revenueUsd !== undefined) facts.push(`US$${profile.revenueUsd.toLocaleString('en-GB')} revenue`);
  // Stated both ways, so both ways are shown; unstated facts are in each verdict's assumptions.
  if (profile.surplusToWorkers !== undefined) facts.push(profile.surplusToWorkers ? 'all surplus to worker-owners' : 'not all surplus to worker-owners');
  if (profile.equalVote !== undefined) facts.push(profile.equalVote ? 'equal vote' : 'no equal vote');
  if (profile.competes !== undefined) facts.push(profile.competes ? 'competing with or selling it' : 'not competing with or selling it');
  if (profile.fields?.length) facts.push(`working in ${profile.fields.join(', ')}`);
  if (profile.date) facts.push(`on ${profile.date}`);
  return `${article} ${entity} using it ${uses}${facts.length ? ` (${facts.join(', ')})` : ''}`;
}
