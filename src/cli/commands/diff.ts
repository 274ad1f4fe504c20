// `copyfair diff BASE [HEAD]`: what does this change add to what we owe? Each side is a folder, a
// lockfile, an SBOM or a git revision (read from git's object store). Exit 1 only for an outcome
// in --fail-on that the change introduces (or any, with --fail-on-existing).
import type { Command } from 'commander';
import { join, resolve } from 'node:path';
import { diff, SideError, type DiffResult } from '../../diff/index.js';
import { mergeProfile, policyHooks } from '../../policy/index.js';
import { DIFF_REPORTERS } from '../../report/diff/index.js';
import { EXTENSIONS, REPORTERS, type Format, type ReporterOptions } from '../../report/index.js';
import type { Outcome, Profile, Report } from '../../types.js';
import { currentPlatform, environmentFromFlags, failOnOf, NO_CACHE_OPTION, PYTHON_ENV_OPTION, readInside, readPolicy } from '../project-scan.js';
import type { CommandContext } from '../context.js';
import { EXIT_OK, EXIT_POLICY, EXIT_USAGE, UsageError } from '../errors.js';
import { writeFileAtomic } from '../io.js';
import { toolVersion } from '../main.js';
import { identificationCacheFor, readingCacheFor } from '../identification-cache.js';
import { addProfileOptions, profileFromFlags, today, type ProfileFlags } from '../profile-options.js';
import { widthFor } from '../terminal.js';
import { componentsByRelease } from '../../report/lookup.js';

interface DiffFlags extends ProfileFlags {
  format: string;
  output?: string;
  outputDir?: string;
  base?: string;
  path?: string;
  config?: string;
  failOnExisting?: boolean;
  /** False with --no-cache, as for scan. */
  cache?: boolean;
  pythonEnv?: string;
}

export function register(program: Command, context: CommandContext): void {
  const command = program
    .command('diff')
    .description('what does a change add to what you owe? compare BASE and HEAD (folders, lockfiles, SBOMs or git revisions)')
    .argument('[base]', 'before the change: a folder, a lockfile, an SBOM, or a git revision (e.g. origin/main)')
    .argument('[head]', 'after the change (default: the project folder, --path)')
    .option('--base <revision>', 'the same as giving BASE (for CI: --base origin/main)')
    .option('--path <dir>', 'the project folder inside the repository, for git revisions and as the default HEAD', '.')
    .option('--format <formats>', `output formats, comma-separated: ${Object.keys(REPORTERS).join(', ')}`, 'text')
    .option('--output <file>', 'write the report to this file (one format) instead of the terminal')
    .option('--output-dir <dir>', 'write one file per format into this folder (diff.<ext>)')
    .option('--config <file>', 'the policy file (default: copyfair.yaml found from --path up to the repository root)')
    .option('--fail-on-existing', 'also fail on outcomes in --fail-on that were there before the change')
    .option(...PYTHON_ENV_OPTION)
    .option(...NO_CACHE_OPTION);
  addProfileOptions(command).action(async (baseArg: string | undefined, headArg: string | undefined, flags: DiffFlags) => {
    const baseSpec = flags.base ?? baseArg;
    const headSpec = flags.base && baseArg !== undefined ? baseArg : headArg;
    if (baseSpec === undefined) throw new UsageError('give BASE: a folder, a lockfile, an SBOM or a git revision (e.g. copyfair diff --base origin/main).');
    if (flags.base && baseArg !== undefined && headArg !== undefined) throw new UsageError('with --base, give at most one more argument (HEAD).');
    const formats = parseFormats(flags.format);
    if (formats.length > 1 && !flags.outputDir) throw new UsageError('several formats need --output-dir DIR (one file per format).');
    if (flags.output && flags.outputDir) throw new UsageError('use either --output FILE or --output-dir DIR, not both.');
    const project = resolve(flags.path ?? '.');
    const policy = readPolicy(project, flags.config);
    const profile: Profile = mergeProfile(policy.profile, profileFromFlags(flags));
    profile.date ??= today();
    const failOn: Outcome[] = failOnOf(flags, policy);
    const identificationCache = identificationCacheFor(project, process.env, flags.cache !== false);
    // One file for both sides: a diff of a branch against its base reads mostly the same texts.
    const readingCache = readingCacheFor(project, process.env, flags.cache !== false);
    // The caches and environments outside the project (the Go module cache, CARGO_HOME, an active
    // virtualenv) and this machine's platform, as `copyfair scan` reads them: without them a Go
    // project's modules were all "no licence found" on the side that needed the module cache.
    const environment = environmentFromFlags(flags);
    let result: DiffResult;
    try {
      result = await diff(baseSpec, headSpec ?? flags.path ?? '.', {
        cwd: process.cwd(),
        path: flags.path,
        profile,
        devUses: policy.devUses,
        hooks: () => policyHooks(policy, { date: profile.date!, readFile: (path) => readInside(project, path, environment) }).hooks,
        toolVersion: toolVersion(),
        platform: currentPlatform(),
        environment,
        identificationCache,
        readingCache,
      });
    } catch (error) {
      if (error instanceof SideError) throw new UsageError(error.message);
      throw error;
    }
    identificationCache?.save();
    readingCache?.save();
    await emit(result, formats, flags, failOn, context);
    context.exit(exitCode(result, failOn, flags.failOnExisting === true));
  });
}

/** 2 when a side could not be read; 1 for a new outcome in --fail-on (or any, with --fail-on-existing). */
export function exitCode(result: DiffResult, failOn: Outcome[], failOnExisting: boolean): number {
  const unreadable = [result.base, result.head].some((report) => report.diagnostics.some((d) => d.code === 'no-sources' || d.code === 'sbom-invalid'));
  if (unreadable) return EXIT_USAGE;
  const introduced = result.diff.changes.some((change) => change.introduces && failOn.includes(change.after!.outcome));
  const existing = failOnExisting && result.diff.existing.some((item) => failOn.includes(item.outcome));
  return introduced || existing ? EXIT_POLICY : EXIT_OK;
}


function parseFormats(value: string): Format[] {
  const formats = value.split(',').map((item) => item.trim()).filter(Boolean);
  for (const format of formats) if (!(format in REPORTERS)) throw new UsageError(`--format: "${format}" is not one of ${Object.keys(REPORTERS).join(', ')}.`);
  return [...new Set(formats)] as Format[];
}

/**
 * text, json and markdown describe the change; sarif and junit report HEAD's components that the
 * change introduces (what code scanning should flag on the pull request); cyclonedx and spdx are
 * HEAD's whole bill of materials.
 */
async function render(result: DiffResult, format: Format, options: ReporterOptions): Promise<string> {
  if (format === 'text' || format === 'json' || format === 'markdown') return DIFF_REPORTERS[format](result.diff, options);
  const reporter = await REPORTERS[format]();
  return reporter(format === 'cyclonedx' || format === 'spdx' ? result.head : introducedOnly(result), options);
}

function introducedOnly(result: DiffResult): Report {
  const keys = new Set(result.diff.changes.filter((c) => c.introduces).map((c) => `${c.ecosystem}:${c.name}@${c.after!.version}`));
  const components = result.head.components.filter((c) => keys.has(`${c.ecosystem}:${c.name}@${c.version}`));
  const kept = componentsByRelease(components);
  return { ...result.head, components, answer: { ...result.head.answer, headline: result.diff.headline, owed: result.head.answer.owed.map((g) => ({ ...g, items: g.items.filter((i) => kept(i.component, i.version) !== undefined) })).filter((g) => g.items.length > 0) } };
}

async function emit(result: DiffResult, formats: Format[], flags: DiffFlags, failOn: Outcome[], context: CommandContext): Promise<void> {
  const toTerminal = !flags.output && !flags.outputDir;
  for (const format of formats) {
    const body = await render(result, format, { color: false, width: toTerminal ? widthFor(context.io) : 80, failOn });
    if (flags.outputDir) await writeFileAtomic(join(flags.outputDir, `diff.${EXTENSIONS[format]}`), body);
    else if (flags.output) await writeFileAtomic(flags.output, body);
    else context.io.stdout(body);
  }
}
