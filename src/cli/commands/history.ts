// `copyfair history [PATH]`: the project's own licence over time, read from git's object store.
import { Option, type Command } from 'commander';
import { relative, resolve } from 'node:path';
import { GitError, GitRepo } from '../../git/repo.js';
import { licenceHistory } from '../../history/timeline.js';
import { loadKnowledgeBase } from '../../kb/index.js';
import { HISTORY_FORMATS, renderHistory, type HistoryFormat } from '../../report/history.js';
import { isIsoDate } from '../../util/date.js';
import type { CommandContext } from '../context.js';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../io.js';
import { today } from '../profile-options.js';
import { widthFor } from '../terminal.js';

interface HistoryFlags {
  format: HistoryFormat;
  output?: string;
  revision: string;
  pathFilter?: string;
  date?: string;
}

export function register(program: Command, context: CommandContext): void {
  program
    .command('history')
    .description("the project's own licence over time: periods, who changed it, and what a fork from each period may use")
    .argument('[path]', 'the repository, or a folder in it to follow', '.')
    .addOption(new Option('--format <format>', 'output format').choices(HISTORY_FORMATS).default('text'))
    .option('--output <file>', 'write to this file instead of the terminal')
    .option('--revision <rev>', 'read history up to this revision', 'HEAD')
    .option('--path-filter <folder>', 'follow this folder of the repository (a monorepo package with its own licence)')
    .option('--date <YYYY-MM-DD>', 'the day to judge BUSL Change Dates against (default: today)')
    .action(async (path: string, flags: HistoryFlags) => {
      if (flags.date !== undefined && !isIsoDate(flags.date)) throw new UsageError(`--date: "${flags.date}" is not a day written YYYY-MM-DD.`);
      const report = withGit(() => {
        const repo = GitRepo.open(path);
        const folder = flags.pathFilter ?? relative(repo.root, resolve(path));
        if (folder.startsWith('..')) throw new UsageError(`${path} is outside the repository at ${repo.root}.`);
        return licenceHistory(repo, { revision: flags.revision, path: folder.split('\\').join('/'), kb: loadKnowledgeBase(), today: flags.date ?? today() });
      });
      const body = renderHistory(report, flags.format, flags.output ? 80 : widthFor(context.io));
      if (flags.output) await writeFileAtomic(flags.output, body);
      else context.io.stdout(body);
    });
}

/** Runs git work, turning what git refused into a usage error (exit 2) the user can act on. */
export function withGit<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof GitError) throw new UsageError(error.message);
    throw error;
  }
}
