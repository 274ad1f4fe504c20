// `copyfair notice [dir]`: the third-party notices file to ship with what you distribute.
import { Option, type Command } from 'commander';
import { buildNotices } from '../../notice/build.js';
import { scannedFiles } from '../../scan/index.js';
import { NOTICE_FORMATS, renderNotices, type NoticeFormat } from '../../report/notice.js';
import type { CommandContext } from '../context.js';
import { EXIT_POLICY } from '../errors.js';
import { writeFileAtomic } from '../io.js';
import { addProfileOptions, type ProfileFlags } from '../profile-options.js';
import { NO_CACHE_OPTION, PYTHON_ENV_OPTION, scanProject } from '../project-scan.js';

interface NoticeFlags extends ProfileFlags {
  format: NoticeFormat;
  output?: string;
  allowMissing?: boolean;
  config?: string;
  /** False with --no-cache. */
  cache?: boolean;
  pythonEnv?: string;
}

export function register(program: Command, context: CommandContext): void {
  const command = program
    .command('notice')
    .description('the third-party notices file to ship: copyright lines, NOTICE files and each licence text once')
    .argument('[dir]', 'the project folder', '.')
    .addOption(new Option('--format <format>', 'output format').choices(NOTICE_FORMATS).default('text'))
    .option('--output <file>', 'write the notices to this file instead of the terminal')
    .option('--allow-missing', 'exit 0 even when a component that asks for a notice ships no licence text')
    .option('--config <file>', 'the policy file (default: copyfair.yaml found from the folder up)')
    .option(...PYTHON_ENV_OPTION)
    .option(...NO_CACHE_OPTION);
  addProfileOptions(command).action(async (dir: string, flags: NoticeFlags) => {
    // The licence files as the scan read them: a Go module's are under $GOMODCACHE, a crate's under
    // $CARGO_HOME, outside the project (read through the project's folder alone, none was found).
    const { root, environment, report, devUses } = await scanProject(dir, flags);
    const document = await buildNotices(report, scannedFiles(root, environment), { devUses });
    const body = renderNotices(document, flags.format);
    if (flags.output) {
      await writeFileAtomic(flags.output, body);
      context.io.stderr(`copyfair: notices for ${document.components.length} components, ${document.texts.length} distinct licence texts, written to ${flags.output}${document.missing.length ? `; ${document.missing.length} without a licence text` : ''}\n`);
    } else context.io.stdout(body);
    if (document.missing.length > 0 && !flags.allowMissing) {
      context.io.stderr(`copyfair: ${document.missing.length} component${document.missing.length === 1 ? '' : 's'} ask${document.missing.length === 1 ? 's' : ''} for a notice but ship${document.missing.length === 1 ? 's' : ''} no licence text: ${names(document.missing.map((item) => item.component))} (see the end of the notices; --allow-missing to accept)\n`);
      context.exit(EXIT_POLICY);
    }
  });
}

/** At most ten names, then how many more. */
function names(all: string[]): string {
  const listed = all.slice(0, 10).map(clipped);
  return all.length <= 10 ? listed.join(', ') : `${listed.join(', ')} and ${all.length - 10} more`;
}

/** The longest name said in one message; a requirements line may name a package of any length (a 279 KB one made a 279 KB message). */
const MAX_NAME_CHARS = 100;

function clipped(name: string): string {
  return name.length <= MAX_NAME_CHARS ? name : `${name.slice(0, MAX_NAME_CHARS - 1)}…`;
}
