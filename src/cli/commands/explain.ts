// `copyfair explain <id|alias>`: a licence's terms in plain words.
import { Option, type Command } from 'commander';
import { loadKnowledgeBase } from '../../kb/index.js';
import { renderTerms } from '../../report/terms-text.js';
import { suggest } from '../../util/suggest.js';
import type { CommandContext } from '../context.js';
import { UsageError } from '../errors.js';
import { chalkFor, widthFor } from '../terminal.js';

export function register(program: Command, context: CommandContext): void {
  program
    .command('explain')
    .description('a licence in plain words: who may use it commercially, what triggers, what is owed')
    .argument('<licence>', 'an SPDX id, LicenseRef-… id or a common name such as "ELv2" or "Commons Clause"')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--no-color', 'no colour, whatever the terminal says')
    .action((name: string, flags: { format: 'text' | 'json'; color?: boolean }) => {
      const kb = loadKnowledgeBase();
      const terms = kb.resolve(name) ?? kb.resolve(name.replace(/\+$/, ''));
      if (!terms) {
        const near = suggest(name, kb.all().flatMap((t) => [t.id, ...t.aliases]));
        throw new UsageError(`copyfair knows no licence "${name}".${near.length ? ` Did you mean ${near.map((n) => `"${n}"`).join(', ')}?` : ''} See \`copyfair licences\`.`);
      }
      context.io.stdout(
        flags.format === 'json'
          ? `${JSON.stringify(terms, null, 2)}\n`
          : renderTerms(terms, { chalk: chalkFor(context.io, flags.color), width: widthFor(context.io) }),
      );
    });
}
