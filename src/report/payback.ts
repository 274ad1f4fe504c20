// The payback plan as text, Markdown, JSON or CSV (one row per recipient, for finance tools).
// Pure functions from a PaybackPlan to text.
import type { Contact } from '../payback/contacts.js';
import { formatMoney, type PaybackPlan, type Route } from '../payback/plan.js';
import { formatAmount } from '../payback/split.js';
import { cell, plain } from './history.js';
import { wrap } from './wrap.js';

export const PAYBACK_FORMATS = ['text', 'markdown', 'json', 'csv'] as const;
export type PaybackFormat = (typeof PAYBACK_FORMATS)[number];

export function renderPlan(plan: PaybackPlan, format: PaybackFormat, width = 80): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(plan, null, 2)}\n`;
    case 'csv':
      return planCsv(plan);
    case 'markdown':
      return planMarkdown(plan);
    case 'text':
      return planText(plan, width);
  }
}

const SOURCES: Record<Contact['source'], string> = {
  'licence-text': 'licence text',
  'licence-terms': 'licence terms',
  funding: 'funding',
  author: 'author',
  maintainer: 'maintainer',
  homepage: 'homepage',
  repository: 'repository',
};

export function describeRoute(route: Route): string {
  switch (route.kind) {
    case 'wait':
      return `wait for the change date ${route.until}${route.then ? `, when it becomes ${route.then}` : ''}`;
    case 'buy':
      return `buy a licence${route.detail ? ` (${route.detail})` : ''}`;
    case 'pay-fee':
      return `pay the fee${route.detail ? ` (${route.detail})` : ''}`;
    case 'negotiate':
      return `negotiate a licence with the licensor${route.detail ? ` (${route.detail})` : ''}`;
  }
}

/** " copyfair could judge" when some dependencies are not in the plan: "no dependency asks" would say more than is known. */
const judged = (plan: PaybackPlan) => (plan.notPlanned.some((item) => item.outcome === 'unknown') || plan.readInPart.length > 0 ? ' copyfair could judge' : '');

const contactLine = (contact: Contact) => `${contact.name ? `${contact.name} ` : ''}${contact.address} (${SOURCES[contact.source]})`;

function planText(plan: PaybackPlan, width: number): string {
  const out = [wrap(plain(`Payback plan for ${plan.project.name}${plan.project.version ? ` ${plan.project.version}` : ''}: ${plan.headline}`), width), ''];
  if (plan.notPlanned.length > 0 || plan.readInPart.length > 0) {
    out.push('Not in this plan');
    for (const item of plan.notPlanned) {
      const what = item.outcome === 'unknown' ? 'unknown' : 'forbidden for your profile (no payment settles it)';
      out.push(wrap(plain(`${item.component} ${item.version} (${item.expression ?? 'no licence'}): ${what}: ${item.because}`), width, 5, 3));
    }
    if (plan.readInPart.length > 0) out.push(wrap(plain(`read in part (see copyfair scan's diagnostics): ${plan.readInPart.join(', ')}`), width, 5, 3));
    out.push('');
  }
  out.push('1. Settle before use');
  if (plan.settle.length === 0) out.push(wrap(`Nothing: no dependency${judged(plan)} asks to be paid back for this profile.`, width, 3, 3));
  for (const group of plan.settle) {
    const state = group.settled ? ` — settled: ${group.settled.reference}${group.settled.expires ? ` until ${group.settled.expires}` : ''}` : group.expired ? ` — your licence ${group.expired.reference} expired on ${group.expired.expires}` : '';
    out.push(wrap(plain(`${group.licensor}${state}`), width, 5, 3));
    for (const item of group.items) {
      out.push(wrap(plain(`${item.component} ${item.version} (${item.expression ?? 'no licence'}), ${item.clauses.join(', ')}: ${item.routes.map(describeRoute).join('; or ')}`), width, 7, 5));
    }
    if (group.contacts.length > 0) out.push(wrap(plain(`go to: ${group.contacts.map(contactLine).join('; ')}`), width, 7, 5));
    else out.push('     go to: nobody is named; ask the package’s maintainers');
  }
  out.push('', '2. Give back in kind');
  if (plan.giveBack.length === 0) out.push(wrap(`Nothing: no dependency${judged(plan)} asks for source in return for this profile.`, width, 3, 3));
  for (const item of plan.giveBack) {
    out.push(wrap(plain(`${item.component} ${item.version} (${item.expression ?? 'no licence'}), ${item.clauses.join(', ')}: ${item.what.join('; ')}`), width, 5, 3));
  }
  out.push('', '3. Contribute');
  for (const item of plan.asked) {
    out.push(wrap(plain(`${item.component} ${item.version} (${item.expression ?? 'no licence'}) asks, and does not require: ${item.file} ${item.lines}, "${item.words}"`), width, 5, 3));
    out.push(wrap(plain(`asked, not owed: paying is your choice${item.contacts.length > 0 ? `; go to: ${item.contacts.map(contactLine).join('; ')}` : ''}`), width, 7, 5));
  }
  if (!plan.contribution) out.push('   Pass --budget AMOUNT (with --currency and --period) to split a contribution across the maintainers who ask for funding.');
  else {
    const c = plan.contribution;
    out.push(wrap(`${formatMoney(c.budget, c.currency)} a ${c.period}, split by weight (direct ${c.weights.direct}, transitive ${c.weights.transitive}, dev ×${c.weights.dev}); ${c.unfunded} package${c.unfunded === 1 ? ' asks' : 's ask'} for no funding.`, width, 3, 3));
    for (const recipient of c.recipients) {
      out.push(wrap(plain(`${formatAmount(recipient.amount)} ${c.currency} to ${recipient.url} (${recipient.platform}): ${recipient.packages.join(', ')}`), width, 5, 3));
    }
  }
  return `${out.join('\n')}\n`;
}

function planMarkdown(plan: PaybackPlan): string {
  const out = [`## copyfair payback: ${cell(plan.headline)}`, ''];
  if (plan.notPlanned.length > 0 || plan.readInPart.length > 0) {
    out.push('### Not in this plan', '');
    if (plan.notPlanned.length > 0) {
      out.push('| package | licence | verdict | why |', '| --- | --- | --- | --- |');
      for (const item of plan.notPlanned) out.push(`| ${cell(`${item.component} ${item.version}`)} | ${cell(item.expression ?? '—')} | ${item.outcome === 'unknown' ? 'unknown: a person must read it' : 'forbidden: no payment settles it'} | ${cell(item.because)} |`);
      out.push('');
    }
    if (plan.readInPart.length > 0) out.push(`Read in part (see \`copyfair scan\`'s diagnostics): ${cell(plan.readInPart.join(', '))}`, '');
  }
  out.push('### 1. Settle before use', '');
  if (plan.settle.length === 0) out.push(`Nothing: no dependency${judged(plan)} asks to be paid back for this profile.`);
  else {
    out.push('| licensor | package | clause | route | go to | settled |', '| --- | --- | --- | --- | --- | --- |');
    for (const group of plan.settle) {
      const settled = group.settled ? cell(`${group.settled.reference}${group.settled.expires ? ` until ${group.settled.expires}` : ''}`) : group.expired ? cell(`expired ${group.expired.expires}`) : '—';
      for (const item of group.items) {
        out.push(`| ${cell(group.licensor)} | ${cell(`${item.component} ${item.version}`)} | ${cell(item.clauses.join(', '))} | ${cell(item.routes.map(describeRoute).join('; or '))} | ${group.contacts.map((c) => cell(contactLine(c))).join('<br>') || '—'} | ${settled} |`);
      }
    }
  }
  out.push('', '### 2. Give back in kind', '');
  if (plan.giveBack.length === 0) out.push(`Nothing: no dependency${judged(plan)} asks for source in return for this profile.`);
  else {
    out.push('| package | licence | clause | what to publish, and when |', '| --- | --- | --- | --- |');
    for (const item of plan.giveBack) out.push(`| ${cell(`${item.component} ${item.version}`)} | ${cell(item.expression ?? '—')} | ${cell(item.clauses.join(', '))} | ${cell(item.what.join('; '))} |`);
  }
  out.push('', '### 3. Contribute', '');
  if (plan.asked.length > 0) {
    out.push('Asked, not owed: these licences ask for a payment they say is not required; paying is your choice.', '');
    out.push('| package | licence | where | what it asks | go to |', '| --- | --- | --- | --- | --- |');
    for (const item of plan.asked) out.push(`| ${cell(`${item.component} ${item.version}`)} | ${cell(item.expression ?? '—')} | ${cell(`${item.file} ${item.lines}`)} | ${cell(item.words)} | ${item.contacts.map((c) => cell(contactLine(c))).join('<br>') || '—'} |`);
    out.push('');
  }
  if (!plan.contribution) out.push('Pass `--budget AMOUNT` to split a contribution across the maintainers who ask for funding.');
  else {
    const c = plan.contribution;
    out.push(`${formatMoney(c.budget, c.currency)} a ${c.period}; weights: direct ${c.weights.direct}, transitive ${c.weights.transitive}, dev ×${c.weights.dev}; ${c.unfunded} package${c.unfunded === 1 ? ' asks' : 's ask'} for no funding.`, '');
    out.push('| recipient | platform | amount | packages |', '| --- | --- | ---: | --- |');
    for (const r of c.recipients) out.push(`| ${cell(r.url)} | ${cell(r.platform)} | ${formatAmount(r.amount)} ${c.currency} | ${cell(r.packages.join(', '))} |`);
  }
  return `${out.join('\n')}\n`;
}

/** A CSV field: quoted when it needs to be, and never read as a formula by a spreadsheet. */
function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function planCsv(plan: PaybackPlan): string {
  const rows = [['recipient', 'url', 'platform', 'amount', 'currency', 'period', 'packages']];
  for (const r of plan.contribution?.recipients ?? []) {
    const name = r.url.replace(/^https:\/\//, '');
    rows.push([name, r.url, r.platform, formatAmount(r.amount), plan.contribution!.currency, plan.contribution!.period, r.packages.join(' ')]);
  }
  return `${rows.map((row) => row.map((value) => field(plain(value))).join(',')).join('\r\n')}\r\n`;
}
