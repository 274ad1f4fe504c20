// `copyfair payback`: the plan. What must be settled before use (payback), grouped by licensor so
// one conversation settles several packages; what to give back in kind (share-alike); and, with a
// budget, a voluntary contribution split across the maintainers who ask for funding.
import type { Paid } from '../policy/config.js';
import type { ComponentResult, Obligation, Profile, Report } from '../types.js';
import { licensorOf, type Contact, type Licensor } from './contacts.js';
import { platformOf, recipientKey } from './recipients.js';
import { formatAmount, splitBudget } from './split.js';
import { pushTo } from '../util/arrays.js';
import { meansEvidenceMissing } from '../report/answer.js';

/** How a payback can be settled, from the licence's own words. */
export type RouteKind = 'buy' | 'pay-fee' | 'negotiate' | 'wait';

export interface Route {
  kind: RouteKind;
  /** What the licence says about it (price, terms), verbatim where it says something. */
  detail?: string;
  /** For `wait`: the day the terms change, and to what. */
  until?: string;
  then?: string;
}

export interface SettleItem {
  component: string;
  version: string;
  expression: string | null;
  /** The clauses that ask for the payback, e.g. "PPL §4(d)". */
  clauses: string[];
  routes: Route[];
  path: string[];
}

/** One licensor and everything settled with them. */
export interface SettleGroup {
  licensor: string;
  licensorFrom: Licensor['from'];
  contacts: Contact[];
  items: SettleItem[];
  /** A `paid:` entry of the project that settles this group (or some of its packages). */
  settled?: { reference: string; expires?: string; packages: string[]; note?: string };
  /** A `paid:` entry that matched but has expired. */
  expired?: { reference: string; expires: string };
}

export interface GiveBackItem {
  component: string;
  version: string;
  expression: string | null;
  /** "the library", "the whole work", … and when: "when you distribute it". */
  what: string[];
  clauses: string[];
  contacts: Contact[];
}

/** A payment a licence asks for and says is not required: nothing owed, the user's choice. */
export interface AskedItem {
  component: string;
  version: string;
  expression: string | null;
  /** The file and lines that ask, and their words. */
  file: string;
  lines: string;
  words: string;
  /** Where to pay, if one chooses to: the licensor, the copyright holders, the funding links. */
  contacts: Contact[];
}

/**
 * A component the plan cannot settle: one copyfair could not judge (`unknown`: a person must read
 * its licence, which may ask to be paid back) or one its licence bars for this profile
 * (`forbidden`: no payment settles it). Listed so that a plan with nothing to settle is never read
 * as "nothing is owed" while some dependencies were not judged.
 */
export interface NotPlannedItem {
  component: string;
  version: string;
  expression: string | null;
  outcome: 'unknown' | 'forbidden';
  /** Why, as the verdict says it (its first reason of that outcome). */
  because: string;
}

export interface Recipient {
  url: string;
  platform: string;
  /** Integer cents. */
  amount: number;
  weight: number;
  packages: string[];
}

export interface Contribution {
  /** Integer cents. */
  budget: number;
  currency: string;
  period: 'month' | 'year';
  weights: Weights;
  recipients: Recipient[];
  /** Packages that ask for no funding: they get nothing from this split. */
  unfunded: number;
}

export interface Weights {
  /** A package the project depends on directly. */
  direct: number;
  /** A package reached only through others. */
  transitive: number;
  /** Multiplies the weight of a dev-only package. */
  dev: number;
}

export const DEFAULT_WEIGHTS: Weights = { direct: 3, transitive: 1, dev: 1 };

export interface PaybackPlan {
  schemaVersion: 1;
  kind: 'payback';
  project: { name: string; version?: string };
  profile: Profile;
  headline: string;
  /** The components this plan cannot settle (unknown, forbidden), first: they come before any plan. */
  notPlanned: NotPlannedItem[];
  /**
   * What the scan could not read in full (a broken METADATA, a missing package folder: the
   * diagnostics that make a scan "Cannot tell"), by component or file: the plan may miss what they
   * owe. Empty when everything was read.
   */
  readInPart: string[];
  settle: SettleGroup[];
  giveBack: GiveBackItem[];
  /** Payments licences ask for and say are not required (node-forge's): listed under Contribute. */
  asked: AskedItem[];
  contribution?: Contribution;
}

export interface PlanOptions {
  paid?: Paid[];
  /** Today (YYYY-MM-DD), for `paid:` expiry. */
  today: string;
  budget?: { cents: number; currency: string; period: 'month' | 'year'; weights?: Partial<Weights> };
}

const byName = (a: ComponentResult, b: ComponentResult) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.version < b.version ? -1 : a.version > b.version ? 1 : 0);

/** Builds the plan from a scan's report: its components' verdicts and the contacts the scan found (`owedTo`). */
export function buildPlan(report: Report, options: PlanOptions): PaybackPlan {
  const groups = new Map<string, SettleGroup>();
  for (const component of report.components.filter((c) => c.verdict.outcome === 'payback').sort(byName)) {
    const licensor = licensorOf(component);
    const key = licensor.name.toLowerCase();
    let group = groups.get(key);
    if (!group) {
      group = { licensor: licensor.name, licensorFrom: licensor.from, contacts: [], items: [] };
      groups.set(key, group);
    }
    for (const contact of licensor.contacts) if (!group.contacts.some((known) => known.address === contact.address)) group.contacts.push(contact);
    group.items.push({
      component: component.name,
      version: component.version,
      expression: component.expression,
      clauses: clauses(component, ['pay', 'time-limit']),
      routes: routes(component.verdict.obligations),
      path: component.paths[0] ?? [component.name],
    });
  }
  for (const group of groups.values()) applyPaid(group, options.paid ?? [], options.today);
  const giveBack: GiveBackItem[] = [];
  for (const component of report.components.filter((c) => c.verdict.outcome === 'share-alike').sort(byName)) {
    const licensor = licensorOf(component);
    giveBack.push({
      component: component.name,
      version: component.version,
      expression: component.expression,
      what: component.verdict.obligations.flatMap(describeGiveBack),
      clauses: clauses(component, ['share-alike', 'source-offer', 'contribute', 'patent-grant']),
      contacts: licensor.contacts.filter((contact) => contact.source === 'repository' || contact.source === 'homepage'),
    });
  }
  const asked: AskedItem[] = [];
  const seen = new Set<string>();
  for (const component of report.components.filter((c) => c.requests && c.requests.length > 0).sort(byName)) {
    const key = `${component.name}@${component.version}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const contacts = licensorOf(component).contacts;
    for (const request of component.requests!) {
      asked.push({ component: component.name, version: component.version, expression: component.expression, file: request.file, lines: request.start === request.end ? `line ${request.start}` : `lines ${request.start}–${request.end}`, words: request.words, contacts });
    }
  }
  const notPlanned: NotPlannedItem[] = [];
  for (const component of report.components.filter((c) => c.verdict.outcome === 'unknown' || c.verdict.outcome === 'forbidden').sort(byName)) {
    const outcome = component.verdict.outcome as NotPlannedItem['outcome'];
    const because = component.verdict.because.find((reason) => reason.outcome === outcome)?.because ?? component.verdict.because[0]?.because ?? '';
    notPlanned.push({ component: component.name, version: component.version, expression: component.expression, outcome, because });
  }
  const readInPart = [...new Set(report.diagnostics.filter(meansEvidenceMissing).map((d) => d.component ?? d.location?.file ?? d.code))].sort();
  const settle = [...groups.values()].sort((a, b) => (a.licensor.toLowerCase() < b.licensor.toLowerCase() ? -1 : 1));
  const contribution = options.budget ? contribute(report, options.budget) : undefined;
  return {
    schemaVersion: 1,
    kind: 'payback',
    project: { name: report.project.name, ...(report.project.version ? { version: report.project.version } : {}) },
    profile: report.profile,
    headline: headline(notPlanned, readInPart, settle, giveBack, asked, contribution),
    notPlanned,
    readInPart,
    settle,
    giveBack,
    asked,
    ...(contribution ? { contribution } : {}),
  };
}

function clauses(component: ComponentResult, kinds: Obligation['kind'][]): string[] {
  const found = component.verdict.obligations.filter((o) => kinds.includes(o.kind)).map(clauseOf);
  return [...new Set(found)];
}

/** "PPL §4(d)"; a section that already names its licence ("LGPL-3.0 §4") is not prefixed again. */
function clauseOf(obligation: Obligation): string {
  const licence = obligation.licence ?? '';
  const base = licence.replace(/-(only|or-later)$/, '');
  return base !== '' && obligation.section.startsWith(base) ? obligation.section : `${licence} ${obligation.section}`.trim();
}

/** The routes a verdict's obligations offer: wait for a change date, buy, pay a fee, negotiate. */
export function routes(obligations: Obligation[]): Route[] {
  const found: Route[] = [];
  for (const obligation of obligations) {
    if (obligation.kind === 'time-limit' && obligation.changeDate) {
      found.push({ kind: 'wait', until: obligation.changeDate, ...(obligation.changeLicence ? { then: obligation.changeLicence } : {}) });
    }
    if (obligation.kind === 'pay') {
      const { price, note } = obligation.route;
      const kind: RouteKind = price ? 'buy' : /\bfee|royalt|per (user|seat|year|month)/i.test(note ?? '') ? 'pay-fee' : 'negotiate';
      const detail = [price, note].filter(Boolean).join('; ');
      found.push({ kind, ...(detail ? { detail } : {}) });
    }
  }
  return found.length > 0 ? found : [{ kind: 'negotiate' }];
}

function describeGiveBack(obligation: Obligation): string[] {
  if (obligation.kind === 'share-alike') {
    const what = { file: 'the files you changed', library: 'the library and your changes to it', work: 'the whole work built with it', 'all-software': 'all software built with it', 'service-stack': 'the whole service stack it runs in' }[obligation.scope];
    const when = { distribute: 'when you distribute it', network: 'when you offer it to others over a network', 'any-use': 'whenever you use it' }[obligation.trigger];
    return [`publish the source of ${what}, under the same licence, ${when}`];
  }
  if (obligation.kind === 'source-offer') return ['offer the source to those who receive it'];
  if (obligation.kind === 'contribute') return [`contribute your changes back within ${obligation.withinDays} days`];
  if (obligation.kind === 'patent-grant') return ['license the patent claims you hold that it needs to everyone, royalty-free, under the same licence (nothing if you hold none)'];
  return [];
}

function applyPaid(group: SettleGroup, paid: Paid[], today: string): void {
  const names = group.items.map((item) => item.component);
  for (const entry of paid) {
    if (entry.licensor.toLowerCase() !== group.licensor.toLowerCase() && !entry.packages.some((name) => names.includes(name))) continue;
    if (entry.expires && entry.expires < today) {
      group.expired = { reference: entry.reference, expires: entry.expires };
      continue;
    }
    const packages = entry.packages.length > 0 ? entry.packages.filter((name) => names.includes(name)) : names;
    group.settled = { reference: entry.reference, ...(entry.expires ? { expires: entry.expires } : {}), packages, ...(entry.note ? { note: entry.note } : {}) };
  }
}

/** The voluntary contribution: each package once, its weight split over its funding addresses. */
export function contribute(report: Report, budget: NonNullable<PlanOptions['budget']>): Contribution {
  const weights: Weights = { ...DEFAULT_WEIGHTS, ...budget.weights };
  const packages = new Map<string, { weight: number; funding: Set<string> }>();
  for (const component of report.components) {
    const direct = component.paths.some((path) => path.length === 2);
    const weight = (direct ? weights.direct : weights.transitive) * (component.scope === 'dev' ? weights.dev : 1);
    const known = packages.get(component.name) ?? { weight: 0, funding: new Set<string>() };
    known.weight = Math.max(known.weight, weight);
    for (const url of component.funding) {
      const key = recipientKey(url);
      if (key) known.funding.add(key);
    }
    packages.set(component.name, known);
  }
  const shares = new Map<string, number>();
  const carried = new Map<string, string[]>();
  let unfunded = 0;
  for (const [name, { weight, funding }] of [...packages].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (funding.size === 0) {
      unfunded++;
      continue;
    }
    for (const url of funding) {
      shares.set(url, (shares.get(url) ?? 0) + weight / funding.size);
      pushTo(carried, url, name);
    }
  }
  const amounts = splitBudget(budget.cents, shares);
  const recipients = [...shares.keys()]
    .map((url) => ({ url, platform: platformOf(url), amount: amounts.get(url) ?? 0, weight: round(shares.get(url)!), packages: carried.get(url)! }))
    .sort((a, b) => b.amount - a.amount || (a.url < b.url ? -1 : 1));
  return { budget: budget.cents, currency: budget.currency, period: budget.period, weights, recipients, unfunded };
}

const round = (value: number) => Math.round(value * 1000) / 1000;

function headline(notPlanned: NotPlannedItem[], readInPart: string[], settle: SettleGroup[], giveBack: GiveBackItem[], asked: AskedItem[], contribution: Contribution | undefined): string {
  const parts: string[] = [];
  // What no plan settles comes first: "Nothing to settle" alone read as nothing owed.
  const unknown = notPlanned.filter((item) => item.outcome === 'unknown').length;
  const forbidden = notPlanned.length - unknown;
  if (forbidden > 0) parts.push(`${forbidden} component${forbidden === 1 ? '' : 's'} your profile may not use (forbidden: no payment settles ${forbidden === 1 ? 'it' : 'them'})`);
  if (unknown > 0) parts.push(`${unknown} component${unknown === 1 ? '' : 's'} copyfair could not judge: a person must read ${unknown === 1 ? 'its licence' : 'their licences'} before this plan is complete`);
  if (readInPart.length > 0) parts.push(`${readInPart.length === 1 ? '1 dependency' : `${readInPart.length} dependencies`} could not be read in full (see the scan's diagnostics): the plan may miss what ${readInPart.length === 1 ? 'it owes' : 'they owe'}`);
  const open = settle.filter((group) => !group.settled);
  const count = settle.reduce((sum, group) => sum + group.items.length, 0);
  if (settle.length === 0) parts.push(notPlanned.length > 0 || readInPart.length > 0 ? 'nothing to settle before use among the rest' : 'Nothing to settle before use');
  else parts.push(`${count} component${count === 1 ? '' : 's'} to settle with ${settle.length} licensor${settle.length === 1 ? '' : 's'} before use${open.length < settle.length ? ` (${settle.length - open.length} settled)` : ''}`);
  if (giveBack.length > 0) parts.push(`${giveBack.length} to give back in kind`);
  const asking = new Set(asked.map((item) => `${item.component}@${item.version}`)).size;
  if (asking > 0) parts.push(`${asking} licence${asking === 1 ? ' asks' : 's ask'} for a payment ${asking === 1 ? 'it does' : 'they do'} not require`);
  if (contribution) {
    const total = contribution.recipients.filter((recipient) => recipient.amount > 0).length;
    parts.push(`a contribution of ${formatMoney(contribution.budget, contribution.currency)} a ${contribution.period} to ${total} recipient${total === 1 ? '' : 's'}`);
  }
  return `${parts.join('; ')}.`;
}

/** "1234.50 EUR". */
export function formatMoney(cents: number, currency: string): string {
  return `${formatAmount(cents)} ${currency}`;
}
