// `copyfair scan [dir]`: the main job. Reads a project offline and answers, for the profile, what
// is owed for which dependency, reached how, and where to pay back.
import type { Command } from 'commander';
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { mergeProfile } from '../../policy/index.js';
import { REPORTERS, EXTENSIONS, GROUP_BY, type Format, type GroupBy, type ReporterOptions } from '../../report/index.js';
import { suggest } from '../../util/suggest.js';
import { ECOSYSTEMS } from '../../ecosystems/index.js';
import { scan } from '../../scan/index.js';
import type { Outcome, Profile, Report, Use } from '../../types.js';
import { USES } from '../../types.js';
import { currentPlatform, environmentFromFlags, failOnOf, NO_CACHE_OPTION, policyAndCaches, PYTHON_ENV_OPTION, readPolicy } from '../project-scan.js';
import type { CommandContext } from '../context.js';
import { EXIT_OK, EXIT_POLICY, EXIT_USAGE, UsageError } from '../errors.js';
import { writeFileAtomic } from '../io.js';
import { checkOutputFile, prepareOutputDir } from '../output-paths.js';
import { toolVersion } from '../main.js';
import { addProfileOptions, profileFromFlags, today, type ProfileFlags } from '../profile-options.js';
import { chalkFor, widthFor } from '../terminal.js';
import { terminalSafe } from '../../report/safe-text.js';

interface ScanFlags extends ProfileFlags {
  format: string;
  output?: string;
  outputDir?: string;
  workspace?: string;
  devUse?: string;
  color?: boolean;
  config?: string;
  ecosystem?: string;
  pythonEnv?: string;
  /** The headline and what fails only; progress output honours it too. */
  quiet?: boolean;
  groupBy?: string;
  sbom?: string;
  /** False with --no-cache: every licence text identified afresh, nothing kept. */
  cache?: boolean;
}

/** Scans with more components than this show progress on a terminal. */
const PROGRESS_AFTER = 500;

export function register(program: Command, context: CommandContext): void {
  const command = program
    .command('scan')
    .description('scan a project’s dependencies: may you use them all without paying back, and if not, what do you owe?')
    .argument('[dir]', 'the project folder, or an SBOM file (CycloneDX JSON or SPDX 2.3 JSON)', '.')
    .option('--sbom <file>', 'read this SBOM (CycloneDX JSON 1.4–1.6, SPDX 2.3 JSON) instead of the project’s own files; the policy is still read from [dir]')
    .option('--format <formats>', `output formats, comma-separated: ${Object.keys(REPORTERS).join(', ')}`, 'text')
    .option('--output <file>', 'write the report to this file (one format) instead of the terminal')
    .option('--output-dir <dir>', 'write one file per format into this folder (report.<ext>)')
    .option('--workspace <name>', 'only this workspace (package name or folder)')
    .option('--ecosystem <ids>', `only these ecosystems, comma-separated: ${ECOSYSTEMS.map((e) => e.id).join(', ')} (default: every one found)`)
    .option(...PYTHON_ENV_OPTION)
    .option('--dev-use <uses>', `how dev dependencies are used, comma-separated (default: internal)`)
    .option('--config <file>', 'the policy file (default: copyfair.yaml or .copyfair.yaml found from the folder up to the repository root)')
    .option('--no-color', 'no colour, whatever the terminal says')
    .option('--quiet', 'print only the headline and what fails the run (text), and no progress')
    .option(...NO_CACHE_OPTION)
    .option('--group-by <what>', `add a summary grouped by: ${GROUP_BY.join(', ')} (text, markdown)`);
  addProfileOptions(command).action(async (dir: string, flags: ScanFlags) => {
    const { root, sbom } = scanTarget(dir, flags.sbom);
    if (sbom && flags.workspace) throw new UsageError('--workspace selects a workspace of a project folder; an SBOM has none.');
    const formats = parseFormats(flags.format);
    const groupBy = flags.groupBy === undefined ? undefined : parseGroupBy(flags.groupBy);
    if (formats.length > 1 && !flags.outputDir) throw new UsageError('several formats need --output-dir DIR (one file per format).');
    if (flags.output && flags.outputDir) throw new UsageError('use either --output FILE or --output-dir DIR, not both.');
    if (flags.output) checkOutputFile(flags.output);
    if (flags.outputDir) prepareOutputDir(flags.outputDir);
    const policy = readPolicy(root, flags.config);
    const profile: Profile = mergeProfile(policy.profile, profileFromFlags(flags));
    profile.date ??= today();
    const failOn: Outcome[] = failOnOf(flags, policy);
    const devUses = flags.devUse === undefined ? policy.devUses : parseUses(flags.devUse);
    const ecosystems = flags.ecosystem === undefined ? undefined : parseEcosystems(flags.ecosystem);
    const environment = environmentFromFlags(flags);
    // An SBOM's folder has no readings of its own to keep.
    const { hooks, kept, save } = policyAndCaches(root, policy, profile.date, environment, flags.cache !== false, !sbom);
    const progress = context.io.progress && !flags.quiet ? (done: number, total: number) => total > PROGRESS_AFTER && done % 100 === 0 && context.io.stderr(`\rcopyfair: ${done}/${total} packages`) : undefined;
    const report = await scan(sbom?.root ?? root, { sbom: sbom?.file, profile, devUses, failOn, workspace: flags.workspace, hooks, toolVersion: toolVersion(), platform: currentPlatform(), onProgress: progress || undefined, ...(ecosystems ? { ecosystems } : {}), environment, ...kept });
    save();
    if (policy.file) report.project.config = relative(root, resolve(policy.file)).split(sep).join('/') || policy.file;
    if (progress && report.summary.total > PROGRESS_AFTER) context.io.stderr('\r\x1b[K');
    await emit(report, formats, flags, { failOn, quiet: flags.quiet === true, groupBy }, context);
    context.exit(exitCode(report));
  });
}

/** The exit code of the answer (src/report/answer.ts decides both): 2 when the project could not be read, 1 when the run fails. */
export function exitCode(report: Report): number {
  if (report.answer.status === 'unreadable') return EXIT_USAGE;
  return report.answer.passes ? EXIT_OK : EXIT_POLICY;
}

/** The folder the policy is read from, and the SBOM to read when the target is one. */
function scanTarget(dir: string, sbomFlag: string | undefined): { root: string; sbom?: { root: string; file: string } } {
  const target = resolve(dir);
  if (!existsSync(target)) throw new UsageError(`${dir} is not a folder (nor an SBOM file); give the project folder or an SBOM file to scan.`);
  const sbomPath = sbomFlag !== undefined ? resolve(sbomFlag) : statSync(target).isDirectory() ? undefined : target;
  if (sbomFlag !== undefined && !statSync(target).isDirectory()) throw new UsageError(`with --sbom, ${dir} must be the project folder (for its copyfair.yaml).`);
  if (sbomPath === undefined) return { root: target };
  if (!existsSync(sbomPath) || !statSync(sbomPath).isFile()) throw new UsageError(`${sbomFlag ?? dir} is not a file; give a CycloneDX or SPDX JSON SBOM.`);
  return { root: sbomFlag !== undefined ? target : dirname(sbomPath), sbom: { root: dirname(sbomPath), file: basename(sbomPath) } };
}

function parseFormats(value: string): Format[] {
  const formats = value.split(',').map((item) => item.trim()).filter(Boolean);
  for (const format of formats) {
    if (!(format in REPORTERS)) throw new UsageError(`--format: "${format}" is not one of ${Object.keys(REPORTERS).join(', ')}.`);
  }
  return [...new Set(formats)] as Format[];
}

function parseEcosystems(value: string): string[] {
  const ids = ECOSYSTEMS.map((ecosystem) => ecosystem.id);
  const chosen = value.split(',').map((item) => item.trim()).filter(Boolean);
  for (const id of chosen) if (!ids.includes(id)) throw new UsageError(`--ecosystem: "${id}" is not one of ${ids.join(', ')}.`);
  if (chosen.length === 0) throw new UsageError(`--ecosystem: name at least one of ${ids.join(', ')}.`);
  return [...new Set(chosen)];
}

function parseGroupBy(value: string): GroupBy {
  const wanted = value.trim();
  if ((GROUP_BY as readonly string[]).includes(wanted)) return wanted as GroupBy;
  const near = suggest(wanted, [...GROUP_BY, 'license']);
  throw new UsageError(`--group-by: "${value}" is not one of ${GROUP_BY.join(', ')}.${near.length ? ` Did you mean "licence"?` : ''}`);
}

function parseUses(value: string): Use[] {
  const uses = value.split(',').map((item) => item.trim()).filter(Boolean);
  for (const use of uses) if (!(USES as readonly string[]).includes(use)) throw new UsageError(`--dev-use: "${use}" is not one of ${USES.join(', ')}.`);
  return uses as Use[];
}

async function emit(report: Report, formats: Format[], flags: ScanFlags, shared: Omit<ReporterOptions, 'color' | 'width'>, context: CommandContext): Promise<void> {
  const toTerminal = !flags.output && !flags.outputDir;
  for (const format of formats) {
    const color = toTerminal && format === 'text' && chalkFor(context.io, flags.color).level > 0;
    const reporter = await REPORTERS[format]();
    const body = reporter(report, { ...shared, color, width: toTerminal ? widthFor(context.io) : 80 });
    if (flags.outputDir) await writeFileAtomic(join(flags.outputDir, `report.${EXTENSIONS[format]}`), body);
    else if (flags.output) await writeFileAtomic(flags.output, body);
    else context.io.stdout(body);
  }
  // A CI log shows why the job failed even when the report went to a file.
  if (!toTerminal) context.io.stderr(`copyfair: ${terminalSafe(report.answer.headline).replace(/\s+/g, ' ')} (report in ${flags.output ?? flags.outputDir})\n`);
}
