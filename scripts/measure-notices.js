// Measurement (not part of `npm test`): how reading notices and proprietary terms moves
// identification on ScanCode's labelled data-driven corpus (4,357 real files; ../shared, never
// copied into the repository). The notices/proprietary hook only answers files in which the
// similarity engine found no known text — files the engine alone leaves unknown — so one run gives
// both "before" (engine alone) and "after" (engine + hook). Needs `npm run build` first.
//
//   node scripts/measure-notices.js [corpus.tar.gz] [--list]
//
// Scores, per class of the expected answer (its licences' ScanCode categories):
//   exact     the answer's licence set equals ScanCode's (harsh: ScanCode lists every mention);
//   right     every licence in the answer is in ScanCode's answer (nothing said that is not there);
//   wrong     an answer with a licence ScanCode does not list;
//   dangerous the answer is free for a default (for-profit) user where ScanCode's answer is not
//             wholly permissive or public domain, and the answer is not ScanCode's exactly.
// Caveat: the notice rules come from the same ScanCode release as the corpus, so notices that are
// ScanCode rules verbatim are matched by construction; the number that matters is `dangerous`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate } from '../dist/evaluate/index.js';
import { identifyText } from '../dist/identify/index.js';
import { jsonLines, sharedDir } from './shared-data.js';

const args = process.argv.slice(2);
const list = args.includes('--list');
const tarball = args.find((arg) => !arg.startsWith('--')) ?? join(sharedDir, 'corpora/scancode-datadriven.tar.gz');
const licencesFile = process.env.COPYFAIR_SCANCODE_LICENCES ?? join(sharedDir, 'data/scancode-licensedb/licenses.jsonl.gz');
if (!existsSync(tarball) || !existsSync(licencesFile)) {
  process.stdout.write(`measure-notices: ${existsSync(tarball) ? licencesFile : tarball} not found (the pinned reference data lives outside the repository); nothing measured\n`);
  process.exit(0);
}

const category = new Map();
for (const licence of jsonLines(licencesFile)) {
  for (const id of [licence.spdx_license_key, ...(licence.other_spdx_license_keys ?? [])]) if (id) category.set(id.toLowerCase(), licence.category);
}

const dir = mkdtempSync(join(tmpdir(), 'copyfair-measure-'));
execFileSync('tar', ['xzf', tarball, '-C', dir]);
const rows = readFileSync(join(dir, 'manifest.tsv'), 'utf8').split('\n').slice(1).filter(Boolean).map((line) => line.split('\t'));

const ids = (expression) =>
  new Set(
    expression
      .replace(/[()]/g, ' ')
      .split(/\s+/)
      .filter((token) => token && !/^(AND|OR|WITH)$/i.test(token))
      .map((id) => id.replace(/\+$/, '-or-later').toLowerCase()),
  );
const PERMISSIVE = new Set(['Permissive', 'Public Domain']);
const PROPRIETARY = new Set(['Commercial', 'Proprietary Free', 'Source-available', 'Free Restricted']);
function classOf(expected) {
  if (expected === 'NONE') return 'none';
  const cats = [...ids(expected)].map((id) => category.get(id) ?? 'Unknown');
  if (cats.every((cat) => PERMISSIVE.has(cat))) return 'permissive';
  if (cats.some((cat) => PROPRIETARY.has(cat))) return 'proprietary';
  if (cats.some((cat) => cat === 'Copyleft' || cat === 'Copyleft Limited')) return 'copyleft';
  return 'other';
}

const profile = { entity: 'for-profit' };
const blank = () => ({ files: 0, before: { answered: 0, exact: 0, right: 0, wrong: 0, dangerous: 0 }, after: { answered: 0, exact: 0, right: 0, wrong: 0, dangerous: 0 }, byHook: 0 });
const classes = new Map();
const listed = [];
let crashed = 0;
for (const [path, expected] of rows) {
  const file = join(dir, path);
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    continue;
  }
  if (text.includes('\u0000')) continue;
  const cls = classOf(expected);
  const stats = classes.get(cls) ?? blank();
  classes.set(cls, stats);
  stats.files++;
  let result;
  try {
    result = identifyText(text);
  } catch {
    crashed++;
    continue;
  }
  const byHook = result.matches.some((match) => match.via !== undefined);
  if (byHook) stats.byHook++;
  const truthFree = cls === 'permissive';
  const score = (answer, into) => {
    if (answer === null) return;
    into.answered++;
    const said = ids(answer);
    const truth = expected === 'NONE' ? new Set() : ids(expected);
    const exact = said.size === truth.size && [...said].every((id) => truth.has(id));
    const right = [...said].every((id) => truth.has(id));
    if (exact) into.exact++;
    if (right) into.right++;
    else into.wrong++;
    // The same licences as ScanCode, judged free by the knowledge base, is a knowledge-base
    // question (CC-BY-ND for internal use), not an identification error.
    const free = evaluate(answer, profile).outcome === 'free';
    if (free && !truthFree && !exact) {
      into.dangerous++;
      if (into === stats.after) listed.push(`DANGEROUS${byHook ? ' (notices/terms)' : ''} ${path}\texpected ${expected}\tgot ${answer}`);
    } else if (!right && list && into === stats.after) listed.push(`wrong${byHook ? ' (notices/terms)' : ''} ${path}\texpected ${expected}\tgot ${answer}`);
  };
  // Before: the engine alone says nothing where the hook answered (it answers only then).
  score(byHook ? null : result.expression, stats.before);
  score(result.expression, stats.after);
  if (byHook && list && result.expression !== null) listed.push(`hook ${path}\texpected ${expected}\tgot ${result.expression}`);
}
rmSync(dir, { recursive: true, force: true });

const pct = (part, whole) => (whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)}%`);
const out = ['class | files | answered before → after | right (precision) before → after | recall before → after | exact before → after | dangerous before → after | answered by notices/terms'];
const total = blank();
for (const [cls, stats] of [...classes].sort()) {
  for (const side of ['before', 'after']) for (const key of Object.keys(stats[side])) total[side][key] += stats[side][key];
  total.files += stats.files;
  total.byHook += stats.byHook;
  out.push(row(cls, stats));
}
out.push(row('all', total));
function row(name, s) {
  const positives = name === 'none' ? 0 : s.files;
  return [
    name,
    s.files,
    `${s.before.answered} → ${s.after.answered}`,
    `${s.before.right} (${pct(s.before.right, s.before.answered)}) → ${s.after.right} (${pct(s.after.right, s.after.answered)})`,
    `${pct(s.before.right, positives)} → ${pct(s.after.right, positives)}`,
    `${s.before.exact} → ${s.after.exact}`,
    `${s.before.dangerous} → ${s.after.dangerous}`,
    s.byHook,
  ].join(' | ');
}
process.stdout.write(`${out.join('\n')}\ncrashed: ${crashed}\n`);
if (listed.length > 0) process.stdout.write(`${listed.sort().join('\n')}\n`);
