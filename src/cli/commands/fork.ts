// `copyfair fork --upstream REF [PATH]`: does this fork keep the terms of what it forked?
import { Option, type Command } from 'commander';
import { existsSync, statSync } from 'node:fs';
import { auditFork } from '../../fork/audit.js';
import { GitRepo } from '../../git/repo.js';
import { loadKnowledgeBase } from '../../kb/index.js';
import { FORK_FORMATS, renderFork, type ForkFormat } from '../../report/fork.js';
import { isIsoDate } from '../../util/date.js';
import type { CommandContext } from '../context.js';
import { EXIT_POLICY, UsageError } from '../errors.js';
import { writeFileAtomic } from '../io.js';
import { today } from '../profile-options.js';
import { widthFor } from '../terminal.js';
import { withGit } from './history.js';

interface ForkFlags {
  upstream: string;
  upstreamRevision: string;
  head: string;
  format: ForkFormat;
  output?: string;
  date?: string;
}

export function register(program: Command, context: CommandContext): void {
  program
    .command('fork')
    .description('does this fork keep the terms of what it forked? licence, notices, and commits taken after a relicensing')
    .argument('[path]', "the fork's repository", '.')
    .requiredOption('--upstream <ref>', 'the upstream: a revision of this repository (upstream/main, after git fetch) or the path of another clone')
    .option('--upstream-revision <rev>', 'with --upstream PATH: the revision of that clone to compare with', 'HEAD')
    .option('--head <rev>', "the fork's revision to check", 'HEAD')
    .addOption(new Option('--format <format>', 'output format').choices(FORK_FORMATS).default('text'))
    .option('--output <file>', 'write to this file instead of the terminal')
    .option('--date <YYYY-MM-DD>', 'the day to judge BUSL Change Dates against (default: today)')
    .action(async (path: string, flags: ForkFlags) => {
      if (flags.date !== undefined && !isIsoDate(flags.date)) throw new UsageError(`--date: "${flags.date}" is not a day written YYYY-MM-DD.`);
      const report = withGit(() => {
        let repo = GitRepo.open(path);
        let upstream = flags.upstream;
        if (existsSync(flags.upstream) && statSync(flags.upstream).isDirectory()) {
          // Another clone: read its objects alongside this repository's, writing nothing into either.
          const other = GitRepo.open(flags.upstream);
          upstream = other.resolve(flags.upstreamRevision);
          repo = repo.withObjectsOf(other);
        }
        try {
          return auditFork(repo, { upstream, upstreamName: flags.upstream, head: flags.head, kb: loadKnowledgeBase(), today: flags.date ?? today() });
        } catch (error) {
          if (error instanceof Error && /share no history/.test(error.message)) throw new UsageError(error.message);
          throw error;
        }
      });
      const body = renderFork(report, flags.format, flags.output ? 80 : widthFor(context.io));
      if (flags.output) {
        await writeFileAtomic(flags.output, body);
        context.io.stderr(`${report.answer.headline}\n`);
      } else context.io.stdout(body);
      if (!report.answer.ok) context.exit(EXIT_POLICY);
    });
}
