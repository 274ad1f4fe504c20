// Renders knowledge-base entries for a person: `copyfair explain` (one licence in plain words)
// and `copyfair licences` (the table).
import type { ChalkInstance } from 'chalk';
import type { Condition, Terms } from '../types.js';
import { describeOwed } from './describe.js';
import { paintOutcome } from './verdict-text.js';
import { wrap } from './wrap.js';

/** One licence's terms in plain words. */
export function renderTerms(terms: Terms, options: { chalk: ChalkInstance; width: number }): string {
  const { chalk, width } = options;
  const out: string[] = [];
  const section = (title: string, text: string) => out.push('', chalk.bold(title), wrap(text, width, 2, 2));
  out.push(chalk.bold(`${terms.name} (${terms.id})`));
  out.push(`${terms.kind === 'exception' ? 'exception' : 'family'}: ${terms.family}; ${terms.curated ? 'rules written from the licence text' : 'judged at family level, not reviewed one by one'}`);
  if (terms.aliases.length > 0) out.push(wrap(`also written: ${terms.aliases.join(', ')}`, width));
  section('Who may use it commercially', terms.summary.commercial);
  section('What triggers the obligations', terms.summary.triggers);
  section('What is owed', terms.summary.owed);
  if (terms.effect) section('Effect as an exception', terms.effect.note);
  if (terms.obligations.length > 0) {
    out.push('', chalk.bold('Always'));
    for (const obligation of terms.obligations) out.push(wrap(describeOwed(obligation, false), width, 4, 2));
  }
  if (terms.rules.length > 0) {
    out.push('', chalk.bold('Rules, the first that applies decides'));
    terms.rules.forEach((rule, index) => {
      const when = (Array.isArray(rule.when) ? rule.when : [rule.when]).map(describeCondition).join(', or ');
      out.push(wrap(`${index + 1}. ${when} → ${paintOutcome(chalk, rule.outcome)} (${rule.section})`, width, 5, 2));
      out.push(wrap(rule.because, width, 5, 5));
    });
  }
  if (terms.parameters) {
    out.push('', chalk.bold('Parameters, read from each project’s licence text'));
    for (const [name, spec] of Object.entries(terms.parameters)) out.push(wrap(`${name}: ${spec.description}`, width, 4, 2));
  }
  if (terms.payback) section('Where to pay back', [terms.payback.note, terms.payback.url, terms.payback.contact, terms.payback.price].filter(Boolean).join('; '));
  for (const note of terms.notes ?? []) section('Note', note);
  section('Text', `${terms.source.url}${terms.source.sections ? ` (${terms.source.sections})` : ''}`);
  return `${out.join('\n')}\n`;
}

/** A rule condition in words. */
export function describeCondition(condition: Condition): string {
  const parts: string[] = [];
  const c = condition;
  const ref = (value: unknown) => (typeof value === 'object' && value !== null && 'param' in value ? `the ${(value as { param: string }).param}` : String(value));
  if (c.entity) parts.push(`you are ${c.entity.join(' or ')}`);
  if (c.entityNot) parts.push(`you are not ${c.entityNot.join(' or ')}`);
  if (c.uses) parts.push(`you use it ${c.uses.join(' or ')}`);
  if (c.usesNone) parts.push(`you do not use it ${c.usesNone.join(' or ')}`);
  if (c.usesAll) parts.push(`you use it ${c.usesAll.join(' and ')}`);
  if (c.surplusToWorkers !== undefined) parts.push(c.surplusToWorkers ? 'all surplus goes to the worker-owners' : 'not all surplus goes to the worker-owners');
  if (c.equalVote !== undefined) parts.push(c.equalVote ? 'owners are workers with an equal vote' : 'owners are not all workers with an equal vote');
  if (c.competes !== undefined) parts.push(c.competes ? 'your product competes with, hosts or sells it' : 'your product does not compete with it');
  if (c.employeesBelow !== undefined) parts.push(`fewer than ${ref(c.employeesBelow)} people`);
  if (c.employeesAtLeast !== undefined) parts.push(`${ref(c.employeesAtLeast)} or more people`);
  if (c.revenueBelow !== undefined) parts.push(`revenue under US$${ref(c.revenueBelow)}`);
  if (c.revenueAtLeast !== undefined) parts.push(`revenue of US$${ref(c.revenueAtLeast)} or more`);
  if (c.usersBelow !== undefined) parts.push(`fewer than ${ref(c.usersBelow)} users`);
  if (c.usersAtLeast !== undefined) parts.push(`${ref(c.usersAtLeast)} or more users`);
  if (c.fields) parts.push(`you work in ${c.fields.join(' or ')}`);
  if (c.dateBefore !== undefined) parts.push(`before ${ref(c.dateBefore)}`);
  if (c.dateOnOrAfter !== undefined) parts.push(`on or after ${ref(c.dateOnOrAfter)}`);
  for (const [name, values] of Object.entries(c.paramIncludes ?? {})) parts.push(`the ${name} include ${values.join(' or ')}`);
  for (const [name, set] of Object.entries(c.paramSet ?? {})) parts.push(`the ${name} is ${set ? '' : 'not '}given`);
  return parts.length > 0 ? `if ${parts.join(' and ')}` : 'otherwise';
}

/** The knowledge base as a table: id, family, name (names are not cut: ids are long). */
export function renderTermsTable(entries: Terms[]): string {
  const idWidth = Math.max(2, ...entries.map((t) => t.id.length));
  const familyWidth = Math.max(6, ...entries.map((t) => t.family.length));
  const lines = [`${'id'.padEnd(idWidth)}  ${'family'.padEnd(familyWidth)}  name`];
  for (const terms of entries) lines.push(`${terms.id.padEnd(idWidth)}  ${terms.family.padEnd(familyWidth)}  ${terms.name}`);
  return `${lines.join('\n')}\n`;
}
