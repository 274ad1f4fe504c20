// Renders one verdict for a person (`copyfair check`): the outcome, why, what is owed with the
// clause each comes from, the OR branch chosen, and what was assumed.
import type { ChalkInstance } from 'chalk';
import type { Outcome, Profile, Verdict } from '../types.js';
import { describeOwed, describeProfile, describeReason, outcomeMeaning } from './describe.js';
import { wrap } from './wrap.js';

export interface TextOptions {
  /** A chalk instance (level 0 for no colour). */
  chalk: ChalkInstance;
  width: number;
}

/** Colours for outcomes, shared by the text formats. */
export function paintOutcome(chalk: ChalkInstance, outcome: Outcome): string {
  const paint = { free: chalk.green, 'share-alike': chalk.cyan, payback: chalk.yellow, forbidden: chalk.red, unknown: chalk.magenta }[outcome];
  return paint.bold(outcome);
}

/** The verdict as text. */
export function renderVerdict(verdict: Verdict, profile: Profile, options: TextOptions): string {
  const { chalk, width } = options;
  const out: string[] = [];
  const heading = (title: string) => out.push('', chalk.bold(title));
  out.push(wrap(`${verdict.expression} for ${describeProfile(profile)}`, width));
  const headline = wrap(`${verdict.outcome}: ${outcomeMeaning(verdict)}`, width, 4, 2);
  out.push('', headline.replace(verdict.outcome, paintOutcome(chalk, verdict.outcome)));
  heading('Why');
  for (const reason of verdict.because) {
    out.push(wrap(describeReason(reason), width, 4, 2));
  }
  if (verdict.obligations.length > 0) {
    heading('What you owe');
    for (const obligation of verdict.obligations) {
      out.push(wrap(describeOwed(obligation), width, 4, 2));
    }
  }
  if (verdict.chosen.length > 0) {
    heading('Choice');
    for (const choice of verdict.chosen) {
      const others = choice.alternatives.map((a) => `${a.expression} (${a.outcome})`).join(', ');
      out.push(wrap(`chose ${choice.chosen}; the alternatives were ${others}`, width, 4, 2));
    }
  }
  if (verdict.assumed.length > 0) {
    heading('Assumed');
    for (const assumption of verdict.assumed) {
      out.push(wrap(`${assumption.fact} = ${assumption.value}: ${assumption.note}`, width, 4, 2));
    }
  }
  if (verdict.notes.length > 0) {
    heading('Notes');
    for (const note of verdict.notes) out.push(wrap(note, width, 4, 2));
  }
  return `${out.join('\n')}\n`;
}
