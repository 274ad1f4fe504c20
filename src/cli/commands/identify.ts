// `copyfair identify <file…>`: which licence(s) each file's text is, with confidence and lines.
// Exit codes: 0 every file identified, 1 a file is unknown, 2 bad input (a missing or binary file).
import { Option, type Command } from 'commander';
import { IdentifyFileError, identifyFile, type FileIdentification, type LicenceMatch } from '../../identify/index.js';
import { invalidExpressionText } from '../../identify/confidence.js';
import type { CommandContext } from '../context.js';
import { EXIT_OK, EXIT_POLICY, EXIT_USAGE } from '../errors.js';
import { processIo } from '../io.js';

const FORMATS = Object.keys({ text: true, json: true } satisfies Record<'text' | 'json', true>);

interface IdentifyFlags {
  format: 'text' | 'json';
}

/** The context used when the command is registered without one (programmatic use). */
const standalone: CommandContext = {
  io: processIo,
  exit: (code) => {
    process.exitCode = Math.max(Number(process.exitCode ?? 0), code);
  },
};

/** Adds `identify` to `program`. */
export function register(program: Command, context: CommandContext = standalone): void {
  program
    .command('identify')
    .description('identify the licence(s) in licence files from their text')
    .argument('<file...>', 'licence files (LICENSE, COPYING, …)')
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('text'))
    .action(async (files: string[], flags: IdentifyFlags) => {
      const results: FileIdentification[] = [];
      let failed = false;
      for (const file of files) {
        try {
          results.push(await identifyFile(file));
        } catch (error) {
          if (!(error instanceof IdentifyFileError)) throw error;
          context.io.stderr(`copyfair: ${error.message}\n`);
          failed = true;
        }
      }
      context.io.stdout(flags.format === 'json' ? renderJson(results) : renderText(results));
      const unknown = results.some((result) => result.expression === null);
      context.exit(failed ? EXIT_USAGE : unknown ? EXIT_POLICY : EXIT_OK);
    });
}

/** The JSON output: one object per file, in the order given. */
export function renderJson(results: readonly FileIdentification[]): string {
  const body = results.map((result) => ({
    file: result.file,
    sha256: result.sha256,
    expression: result.expression,
    matches: result.matches.map((match) => ({
      id: match.id,
      confidence: match.confidence,
      start: match.start,
      end: match.end,
      ...(match.parameters ? { parameters: match.parameters } : {}),
      ...(match.via ? { via: match.via, rule: match.rule } : {}),
      ...(match.doubt ? { doubt: match.doubt } : {}),
    })),
    candidates: result.candidates,
    ...(result.unexplained ? { unexplained: result.unexplained } : {}),
    ...(result.invalid ? { invalid: result.invalid } : {}),
    ...(result.informational ? { informational: result.informational } : {}),
    ...(result.reason ? { reason: result.reason } : {}),
    ...(result.dependencyNotice ? { dependencyNotice: result.dependencyNotice } : {}),
    ...(result.scopedFolders ? { scopedFolders: result.scopedFolders } : {}),
    ...(result.scopedNames ? { scopedNames: result.scopedNames } : {}),
    ...(result.exceptPackages ? { exceptPackages: result.exceptPackages } : {}),
    ...(result.logo ? { logo: result.logo } : {}),
    ...(result.listsNone ? { listsNone: result.listsNone } : {}),
    ...(result.request ? { request: result.request } : {}),
  }));
  return `${JSON.stringify(body, null, 2)}\n`;
}

/** The text output: per file, the expression, then each licence with confidence and lines. */
export function renderText(results: readonly FileIdentification[]): string {
  const out: string[] = [];
  for (const result of results) {
    out.push(`${result.file}: ${result.expression ?? 'unknown'}`);
    for (const match of result.matches) {
      const via = match.via ? `  (${match.rule === 'SPDX expression' ? 'the whole file is this SPDX expression' : VIA[match.via]}${match.rule && match.via !== 'identifier' ? ` ${match.rule}` : ''})` : '';
      out.push(`  ${match.id}  ${percent(match.confidence)}  lines ${match.start}–${match.end}${via}${doubtText(match.doubt)}`);
      for (const [name, value] of Object.entries(match.parameters ?? {})) {
        out.push(`    ${name}: ${Array.isArray(value) ? value.join(', ') || '(none)' : value}`);
      }
    }
    for (const problem of result.invalid ?? []) {
      out.push(`  line ${problem.line}: ${invalidExpressionText(problem)}; fix the line or clarify the licence in copyfair.yaml`);
    }
    for (const stretch of result.unexplained ?? []) {
      out.push(`  lines ${stretch.start}–${stretch.end} read like terms no known licence explains: "${excerpt(stretch.words)}"`);
    }
    if (result.informational) {
      out.push(`  third-party notices for information only ("${result.informational}"): a scan reads the package's own licence for the code it bundles`);
    }
    if (result.dependencyNotice) {
      out.push(`  a notice of the package's dependencies, under terms of their own ("${excerpt(result.dependencyNotice)}"): a scan reads each dependency as a component of its own`);
    }
    if (result.request) {
      out.push(`  lines ${result.request.start}–${result.request.end} ask for a payment the text says is not required ("${excerpt(result.request.words)}"): nothing is owed for it`);
    }
    if (result.scopedFolders) {
      out.push(`  an open-core licence: ${result.expression} is the licence of the code outside folders named ${result.scopedFolders.map((folder) => `${folder}/`).join(', ')}; the code in them is under other terms, which a person must read (a scan looks for such folders in the package)`);
    }
    if (result.scopedNames) {
      const { files, folders } = result.scopedNames;
      out.push(`  an open-core licence: ${result.expression} is the licence of the code outside files whose names hold ${files.map((part) => `"${part}"`).join(', ')} and folders whose names hold ${folders.map((part) => `"${part}"`).join(', ')}; the code in them is under other terms, which a person must read (a scan looks for such names in the package)`);
    }
    if (result.exceptPackages) {
      const listed = Object.entries(result.exceptPackages).map(([name, licence]) => `${name} (${licence})`);
      out.push(`  a monorepo's licence map: ${result.expression} for its packages but ${listed.join(', ')}; a scan reads the one that names the package it reads`);
    }
    if (result.logo) {
      out.push(`  lines ${result.logo.start}–${result.logo.end} put the project's logo under ${result.logo.expression}, not its code: a scan reads that licence for a logo the package holds, and for nothing else`);
    }
    if (result.listsNone) {
      out.push(`  a third-party notices file that lists no component ("${result.listsNone}" and nothing after it): a scan adds nothing from it`);
    } else if (result.expression === null && result.reason) {
      out.push(`  ${result.reason}: a person must read it`);
    } else if (result.expression === null) {
      const nearest = result.candidates.slice(0, 3).map((candidate) => `${candidate.id} ${percent(candidate.confidence)}`);
      const known = knownBesideTerms(result);
      out.push(
        known
          ? `  ${known}; the words above, beside ${known.includes(' are ') ? 'them' : 'it'}, keep the file unknown`
          : nearest.length > 0
            ? `  ${result.matches.some((match) => match.doubt) ? 'not reported as a known licence' : 'no licence matches well enough'}; nearest: ${nearest.join(', ')}`
            : '  no known licence text found',
      );
    }
  }
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}

/**
 * What is known of a file left unknown for the words beside its licences, not for the licences:
 * words read like terms, no match is in doubt, and a text matched (or the nearest licence matched
 * whole), or notices name licences. Undefined otherwise. ("No licence matches well enough;
 * nearest: MIT 100%" said the opposite of what happened.)
 */
function knownBesideTerms(result: FileIdentification): string | undefined {
  if ((result.unexplained?.length ?? 0) === 0 || result.matches.some((match) => match.doubt)) return undefined;
  const texts = result.matches.filter((match) => match.via === undefined).length;
  if (texts > 0) return texts > 1 ? 'the licence texts are known' : 'the licence text is known';
  const top = result.candidates[0];
  if (top && top.confidence >= 0.99) return `the licence text is known (${top.id} ${percent(top.confidence)})`;
  const named = new Set(result.matches.filter((match) => match.id !== null).map((match) => match.id)).size;
  return named > 0 ? (named > 1 ? 'the licences named are known' : 'the licence named is known') : undefined;
}

/** How a licence named by a notice was found, in the text output. */
const VIA: Readonly<Record<NonNullable<FileIdentification['matches'][number]['via']>, string>> = {
  notice: 'notice',
  header: 'SPDX standard header',
  reference: 'reference',
  tag: 'tag',
  identifier: 'SPDX-License-Identifier line',
  terms: 'proprietary terms',
};

/** Why a well-scoring match is not the answer, after its line range. */
function doubtText(doubt: LicenceMatch['doubt']): string {
  if (!doubt) return '';
  switch (doubt.kind) {
    case 'twin':
      return `  (not reported: cannot be told from ${doubt.rival})`;
    case 'inserted':
      return `  (not reported: words the licence lacks: "${excerpt(doubt.words)}")`;
    case 'changed':
      if (doubt.known === '') return `  (not reported: words added to the licence: "${excerpt(doubt.words)}")`;
      if (doubt.words === '') return `  (not reported: words of the licence missing: "${excerpt(doubt.known)}")`;
      return `  (not reported: the licence's "${excerpt(doubt.known)}" reads "${excerpt(doubt.words)}" here)`;
    default: {
      const never: never = doubt;
      return never;
    }
  }
}

function excerpt(words: string): string {
  return words.length > 70 ? `${words.slice(0, 70)}…` : words;
}

function percent(confidence: number): string {
  return `${Math.round(confidence * 1000) / 10}%`;
}
