// `copyfair licences`: the knowledge base as a table.
import { Option, type Command } from 'commander';
import { loadKnowledgeBase } from '../../kb/index.js';
import { renderTermsTable } from '../../report/terms-text.js';
import { FAMILIES } from '../../types.js';
import type { CommandContext } from '../context.js';

interface LicencesFlags {
  family?: string;
  all?: boolean;
  format: 'text' | 'json';
}

export function register(program: Command, context: CommandContext): void {
  program
    .command('licences')
    .alias('licenses')
    .description('the knowledge base: every licence copyfair has terms for')
    .addOption(new Option('--family <family>', 'only this family').choices([...FAMILIES]))
    .option('--all', 'include the SPDX ids judged at family level, not only the reviewed ones')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((flags: LicencesFlags) => {
      const kb = loadKnowledgeBase();
      const inFamily = kb.all().filter((terms) => !flags.family || terms.family === flags.family);
      const shown = inFamily.filter((terms) => flags.all || terms.curated);
      if (flags.format === 'json') {
        const rows = shown.map(({ id, name, family, kind, curated, aliases }) => ({ id, name, family, kind, curated, aliases }));
        context.io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      const hidden = inFamily.length - shown.length;
      const footer = `\n${shown.length} shown${hidden > 0 ? `; ${hidden} more judged at family level (--all lists them)` : ''}. Knowledge base ${kb.version}.\n`;
      context.io.stdout(renderTermsTable(shown) + footer);
    });
}
