// `copyfair payback [dir]`: the plan — what to settle with whom before use, what to give back in
// kind, and (with --budget) a voluntary contribution split across the maintainers who ask for it.
import { Option, type Command } from 'commander';
import { DEFAULT_WEIGHTS, buildPlan, type Weights } from '../../payback/plan.js';
import { parseAmount } from '../../payback/split.js';
import { PAYBACK_FORMATS, renderPlan, type PaybackFormat } from '../../report/payback.js';
import type { CommandContext } from '../context.js';
import { EXIT_POLICY, UsageError } from '../errors.js';
import { writeFileAtomic } from '../io.js';
import { addProfileOptions, type ProfileFlags } from '../profile-options.js';
import { failOnOf, NO_CACHE_OPTION, PYTHON_ENV_OPTION, scanProject } from '../project-scan.js';
import { widthFor } from '../terminal.js';

interface PaybackFlags extends ProfileFlags {
  format: PaybackFormat;
  output?: string;
  budget?: string;
  currency: string;
  period: 'month' | 'year';
  weights?: string;
  config?: string;
  /** False with --no-cache. */
  cache?: boolean;
  pythonEnv?: string;
}

export function register(program: Command, context: CommandContext): void {
  const command = program
    .command('payback')
    .description('the payback plan: what to settle with whom before use, what to give back in kind, and a contribution split')
    .argument('[dir]', 'the project folder', '.')
    .addOption(new Option('--format <format>', 'output format').choices(PAYBACK_FORMATS).default('text'))
    .option('--output <file>', 'write the plan to this file instead of the terminal')
    .option('--budget <amount>', 'a voluntary contribution to split across the maintainers who ask for funding, e.g. 250 or 99.50')
    .option('--currency <code>', 'the currency of --budget (ISO 4217)', 'USD')
    .addOption(new Option('--period <period>', 'the period of --budget').choices(['month', 'year']).default('month'))
    .option('--weights <weights>', `how packages weigh in the split, e.g. direct=${DEFAULT_WEIGHTS.direct},transitive=${DEFAULT_WEIGHTS.transitive},dev=${DEFAULT_WEIGHTS.dev}`)
    .option('--config <file>', 'the policy file (default: copyfair.yaml found from the folder up)')
    .option(...PYTHON_ENV_OPTION)
    .option(...NO_CACHE_OPTION);
  addProfileOptions(command).action(async (dir: string, flags: PaybackFlags) => {
    const budget = flags.budget === undefined ? undefined : budgetFromFlags(flags);
    const { report, policy, profile } = await scanProject(dir, flags);
    const plan = buildPlan(report, { paid: policy.paid, today: profile.date!, ...(budget ? { budget } : {}) });
    const body = renderPlan(plan, flags.format, flags.output ? 80 : widthFor(context.io));
    if (flags.output) {
      await writeFileAtomic(flags.output, body);
      context.io.stderr(`copyfair: ${plan.headline}\n`);
    } else context.io.stdout(body);
    // A plan that leaves components out is not the whole answer, as a notices file without some
    // licence texts is not: exit 1 when their outcome fails a scan (--fail-on, the policy's, or
    // the default), as the scan's own exit code does. (Components to settle are the plan itself.)
    const failOn = failOnOf(flags, policy);
    // (Something read in part fails as a scan's "Cannot tell" does: when unknown is in --fail-on.)
    if (plan.notPlanned.some((item) => failOn.includes(item.outcome)) || (plan.readInPart.length > 0 && failOn.includes('unknown'))) context.exit(EXIT_POLICY);
  });
}

function budgetFromFlags(flags: PaybackFlags) {
  const cents = parseAmount(flags.budget!);
  if (cents === null) throw new UsageError(`--budget: "${flags.budget}" is not an amount; write it like 250 or 99.50.`);
  if (!/^[A-Z]{3}$/.test(flags.currency)) throw new UsageError(`--currency: "${flags.currency}" is not a currency code such as EUR, USD or GBP.`);
  return { cents, currency: flags.currency, period: flags.period, weights: parseWeights(flags.weights) };
}

/** "direct=3,transitive=1,dev=0.5" → weights; unknown names and bad numbers are usage errors. */
export function parseWeights(text: string | undefined): Partial<Weights> {
  const weights: Partial<Weights> = {};
  if (text === undefined) return weights;
  for (const part of text.split(',').map((item) => item.trim()).filter(Boolean)) {
    const [name, value] = part.split('=').map((item) => item.trim());
    if (!name || !(name in DEFAULT_WEIGHTS)) throw new UsageError(`--weights: "${name ?? part}" is not one of ${Object.keys(DEFAULT_WEIGHTS).join(', ')}.`);
    const number = Number(value);
    if (value === undefined || value === '' || !Number.isFinite(number) || number < 0) throw new UsageError(`--weights: ${name} needs a number ≥ 0, not "${value ?? ''}".`);
    weights[name as keyof Weights] = number;
  }
  return weights;
}
