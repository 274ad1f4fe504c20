// `copyfair check "<expression>"`: the verdict for one SPDX expression and the profile.
import type { Command } from 'commander';
import { Option } from 'commander';
import { evaluate, parseExpression } from '../../evaluate/index.js';
import { loadKnowledgeBase, type KnowledgeBase } from '../../kb/index.js';
import { renderVerdict } from '../../report/verdict-text.js';
import type { Profile } from '../../types.js';
import type { CommandContext } from '../context.js';
import { EXIT_OK, EXIT_POLICY, UsageError } from '../errors.js';
import { DEFAULT_FAIL_ON, addProfileOptions, failOnFromFlags, profileFromFlags, today, type ProfileFlags } from '../profile-options.js';
import { chalkFor, widthFor } from '../terminal.js';

interface CheckFlags extends ProfileFlags {
  format: 'text' | 'json';
  color?: boolean;
}

export function register(program: Command, context: CommandContext): void {
  const command = program
    .command('check')
    .description('the verdict for one SPDX licence expression, for who you are and how you use it')
    .argument('<expression>', 'an SPDX expression, e.g. "MIT OR PPL" or "Apache-2.0 AND LicenseRef-scancode-commons-clause"')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--no-color', 'no colour, whatever the terminal says');
  addProfileOptions(command).action((expression: string, flags: CheckFlags) => {
    const kb = loadKnowledgeBase();
    const canonical = canonicalExpression(expression, kb);
    const profile: Profile = { ...profileFromFlags(flags) };
    profile.date ??= today();
    const verdict = evaluate(canonical.expression, profile, { kb });
    if (canonical.note) verdict.notes.unshift(canonical.note);
    const failOn = failOnFromFlags(flags) ?? DEFAULT_FAIL_ON;
    if (flags.format === 'json') {
      const { outcome, obligations, ...rest } = verdict;
      const body = { outcome, obligations, ...rest, profile, failOn, knowledgeBase: kb.version };
      context.io.stdout(`${JSON.stringify(body, null, 2)}\n`);
    } else {
      context.io.stdout(renderVerdict(verdict, profile, { chalk: chalkFor(context.io, flags.color), width: widthFor(context.io) }));
    }
    context.exit(failOn.includes(verdict.outcome) ? EXIT_POLICY : EXIT_OK);
  });
}

/**
 * The expression to evaluate: the text itself when it parses, or the licence a whole-string alias
 * names ("ELv2", "Commons Clause"). Anything else is a usage error pointing at the problem.
 */
function canonicalExpression(text: string, kb: KnowledgeBase): { expression: string; note?: string } {
  const parsed = parseExpression(text, kb);
  if (parsed.ok) return { expression: parsed.expression };
  const alias = kb.resolve(text.trim());
  if (alias && alias.kind === 'licence') return { expression: alias.id, note: `read "${text.trim()}" as ${alias.id} (${alias.name}).` };
  const caret = `\n  ${text}\n  ${' '.repeat(parsed.position)}^`;
  const hint = parsed.suggestions.length ? `\nDid you mean ${parsed.suggestions.map((s) => `"${s}"`).join(', ')}?` : '';
  throw new UsageError(`"${text}" is not a valid SPDX expression: ${parsed.message}.${caret}${hint}\nSee \`copyfair licences\` for the ids copyfair knows.`);
}
