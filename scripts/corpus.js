#!/usr/bin/env node
// `npm run corpus`: measures identification on real packages (issue 8). Not part of `npm test`:
// it needs the installed real tree, the network for `npm ci`/`npm pack`/the two tools on first use,
// and optionally the pinned reference data in ../shared.
//
//   1. scans fixtures/real-tree (installing it with `npm ci --ignore-scripts` when absent) and lists
//      every package left `unknown`, with why;
//   2. cross-checks every package's expression against license-checker 25 and licensee 12 on the same
//      tree (installed into .bench/ with `npm install --prefix .bench license-checker@25 licensee@12`),
//      grouping the disagreements by class;
//   3. measures the labelled corpus (scripts/corpus/labels.tsv: real licence files, notices and README
//      License sections, each labelled by reading it): right, precision, recall and the dangerous count
//      (a permissive answer where the truth is not permissive) per class and per form;
//   4. when ../shared exists: ScanCode's licence rule texts and the 4,357-file ScanCode data-driven
//      corpus, exact-set and relaxed (same verdict for a business that distributes) scores.
//
//   npm run corpus                      # everything
//   npm run corpus -- --only labels     # one part: tree | tools | labels | scancode
//   npm run corpus -- --verbose         # every wrong answer, not only the first ones
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { jsonLines, sharedDir } from './shared-data.js';

const root = new URL('..', import.meta.url).pathname;
const tree = join(root, 'fixtures/real-tree');
const bench = join(root, '.bench');
// The pinned reference data (scripts/shared-data.js).
const sharedData = sharedDir;
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const verbose = args.includes('--verbose');
const part = (name) => only === undefined || only === name;

if (!existsSync(join(root, 'dist/scan/index.js'))) {
  console.error('corpus: dist/ is missing; run `npm run build` first');
  process.exit(2);
}
const { scan } = await import('../dist/scan/index.js');
const { identifyLicenceText, decodeLicenceText } = await import('../dist/identify/index.js');
const { evaluate, parseExpression } = await import('../dist/evaluate/index.js');
const { loadKnowledgeBase } = await import('../dist/kb/index.js');
const { readDeclared } = await import('../dist/identify/declared.js');
const kb = loadKnowledgeBase();

const business = { entity: 'for-profit', uses: ['distribute'] };
const pct = (n, d) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)}%`);

// ── helpers ──────────────────────────────────────────────────────────────────────────────────

/** An expression with AND/OR children sorted, so `MIT AND ISC` equals `ISC AND MIT`. */
function canonical(expression) {
  if (expression === null || expression === undefined) return null;
  const parsed = parseExpression(expression, kb);
  if (!parsed.ok) return expression;
  const walk = (node) => {
    if (node.kind === 'licence') return `${node.id}${node.orLater ? '+' : ''}${node.exception ? ` WITH ${node.exception}` : ''}`;
    const parts = [...new Set(node.children.map(walk))].sort();
    return parts.length === 1 ? parts[0] : `(${parts.join(node.kind === 'and' ? ' AND ' : ' OR ')})`;
  };
  return walk(parsed.tree);
}

/** Licence ids in an expression. */
const ids = (expression) => new Set((expression ?? '').replace(/[()]/g, ' ').split(/\s+/).filter((t) => t && !/^(AND|OR|WITH)$/.test(t)));

/** True when every licence in the expression is of a permissive or public-domain family. */
function permissive(expression) {
  const all = [...ids(expression)];
  return all.length > 0 && all.every((id) => ['permissive', 'public-domain'].includes(kb.get(id.replace(/\+$/, ''))?.family ?? ''));
}

function outcome(expression) {
  return expression ? evaluate(expression, business, { kb }).outcome : 'unknown';
}

// ── 1. the real tree ─────────────────────────────────────────────────────────────────────────

async function realTree() {
  if (!existsSync(join(tree, 'node_modules'))) {
    console.log('installing fixtures/real-tree (npm ci --ignore-scripts) …');
    execFileSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: tree, stdio: 'inherit' });
  }
  const started = Date.now();
  const report = await scan(tree, { profile: { entity: 'for-profit' }, toolVersion: 'corpus' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`\n## 1. fixtures/real-tree: ${report.summary.total} components in ${seconds} s`);
  console.log(Object.entries(report.summary).filter(([k]) => k !== 'total').map(([k, v]) => `${k} ${v}`).join(', '));
  const unknown = report.components.filter((c) => c.verdict.outcome === 'unknown');
  console.log(`\nunknown (${unknown.length}):`);
  for (const c of unknown) {
    const why = c.verdict.because.filter((b) => b.outcome === 'unknown').map((b) => b.because);
    console.log(`- ${c.name}@${c.version} (${c.expression ?? 'no expression'}): ${why.join('; ')}`);
  }
  await lockfileOnly(report);
  return report;
}

/** The same project scanned from its lockfile alone must agree wherever both have the evidence. */
async function lockfileOnly(installed) {
  const folder = mkdtempSync(join(tmpdir(), 'copyfair-lock-only-'));
  try {
    for (const file of ['package.json', 'package-lock.json']) copyFileSync(join(tree, file), join(folder, file));
    const locked = await scan(folder, { profile: { entity: 'for-profit' }, toolVersion: 'corpus' });
    const byId = new Map(locked.components.map((c) => [`${c.name}@${c.version}`, c]));
    const counts = { compared: 0, sameDeclared: 0, sameOutcome: 0, filesDecide: 0, missing: 0, lockfileSilent: 0 };
    const differ = [];
    for (const c of installed.components) {
      const other = byId.get(`${c.name}@${c.version}`);
      if (!other) {
        counts.missing++;
        continue;
      }
      counts.compared++;
      const here = c.evidence.find((e) => e.kind === 'declared');
      const there = other.evidence.find((e) => e.kind === 'declared');
      if (here && !there) {
        // npm writes `license` into the lockfile, never the legacy `licenses` array.
        counts.lockfileSilent++;
        continue;
      }
      if ((here?.expression ?? null) === (there?.expression ?? null)) counts.sameDeclared++;
      else differ.push(`${c.name}@${c.version}: installed declares ${here?.value ?? 'nothing'}, the lockfile ${there?.value ?? 'nothing'}`);
      // Where the licence files changed the answer, only the installed scan has the evidence.
      if (c.expression !== (here?.expression ?? null) || c.verdict.outcome === 'unknown') counts.filesDecide++;
      else if (c.verdict.outcome === other.verdict.outcome) counts.sameOutcome++;
      else differ.push(`${c.name}@${c.version}: ${c.verdict.outcome} installed, ${other.verdict.outcome} from the lockfile`);
    }
    console.log(`\nlockfile-only scan of the same project: ${counts.compared} components compared${counts.missing ? ` (${counts.missing} not in the lockfile scan)` : ''}; ${counts.lockfileSilent} have no licence in the lockfile (a legacy \`licenses\` array, which npm does not copy into it); of the rest, the same declared expression for ${counts.sameDeclared}, and the same verdict for ${counts.sameOutcome} of the ${counts.compared - counts.lockfileSilent - counts.filesDecide} whose licence files did not change the answer (${counts.filesDecide} need the installed files)`);
    for (const line of differ) console.log(`  - ${line}`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

// ── 2. license-checker and licensee on the same tree ────────────────────────────────────────

function tools(report) {
  const checkerBin = join(bench, 'node_modules/.bin/license-checker');
  const licenseeBin = join(bench, 'node_modules/.bin/licensee');
  if (!existsSync(checkerBin) || !existsSync(licenseeBin)) {
    console.log('installing license-checker 25 and licensee 12 into .bench/ …');
    execFileSync('npm', ['install', '--prefix', '.bench', 'license-checker@25', 'licensee@12'], { cwd: root, stdio: 'inherit' });
  }
  const checker = JSON.parse(spawnSync(checkerBin, ['--json', '--start', tree], { encoding: 'utf8', maxBuffer: 1 << 28 }).stdout);
  // licensee reads the project in its working folder (through a linked node_modules it loses
  // package names) and exits before a pipe drains, so it runs where node_modules really is and
  // writes to a file. --osi only sets the allow list; its `license` field is what we compare.
  const licensee = new Map();
  const out = join(bench, 'licensee.ndjson');
  const fd = openSync(out, 'w');
  spawnSync(licenseeBin, ['--osi', '--ndjson'], { cwd: dirname(realpathSync(join(tree, 'node_modules'))), stdio: ['ignore', fd, 'ignore'] });
  closeSync(fd);
  for (const line of readFileSync(out, 'utf8').split('\n').filter(Boolean)) {
    const entry = JSON.parse(line);
    licensee.set(`${entry.name}@${entry.version}`, entry.license ?? null);
  }
  const checkerOf = (id) => {
    const value = checker[id]?.licenses;
    return value === undefined ? undefined : Array.isArray(value) ? value.join(' AND ') : String(value);
  };
  console.log(`\n## 2. cross-check with license-checker 25 and licensee 12 (${report.components.length} components)`);
  const classes = new Map();
  const add = (tool, kind, id, ours, theirs) => {
    const key = `${tool}: ${kind}`;
    if (!classes.has(key)) classes.set(key, []);
    classes.get(key).push(`${id} — copyfair ${ours ?? 'unknown'}, ${tool} ${theirs}`);
  };
  let agreeChecker = 0;
  let agreeLicensee = 0;
  for (const c of report.components) {
    const id = `${c.name}@${c.version}`;
    const ours = c.expression;
    const declared = c.evidence.find((e) => e.kind === 'declared');
    const files = c.evidence.filter((e) => e.kind === 'licence-file');
    for (const [tool, theirs] of [['license-checker', checkerOf(id)], ['licensee', licensee.get(id)]]) {
      if (theirs === undefined) {
        add(tool, 'not listed by the tool', id, ours, '—');
        continue;
      }
      const same = ours !== null && canonical(ours) === canonical(String(theirs).replace(/\*$/, ''));
      if (same && c.verdict.outcome === 'unknown') {
        add(tool, 'same expression, but copyfair could not identify a licence file (verdict unknown)', id, ours, theirs);
        continue;
      }
      if (same && !String(theirs).endsWith('*')) {
        if (tool === 'license-checker') agreeChecker++;
        else agreeLicensee++;
        continue;
      }
      const legacy = report.diagnostics.some((d) => d.code === 'licence-legacy-array' && d.component === id);
      add(tool, legacy && theirs === null ? 'the tool does not read the legacy `licenses` array' : disagreement(c, ours, String(theirs), declared, files), id, ours, theirs);
    }
  }
  const n = report.components.length;
  console.log(`same expression: license-checker ${agreeChecker}/${n} (${pct(agreeChecker, n)}), licensee ${agreeLicensee}/${n} (${pct(agreeLicensee, n)})`);
  for (const [key, list] of [...classes.entries()].sort()) {
    console.log(`\n${key}: ${list.length}`);
    for (const line of list.slice(0, verbose ? list.length : 6)) console.log(`  - ${line}`);
    if (!verbose && list.length > 6) console.log(`  - … ${list.length - 6} more (--verbose)`);
  }
}

/** Why copyfair and a tool differ on one package. */
function disagreement(c, ours, theirs, declared, files) {
  if (theirs.endsWith('*')) return "the tool guessed from a file's text (a trailing *)";
  if (ours === null) return 'copyfair unknown';
  if (/^UNLICENSED|UNKNOWN|Custom/i.test(theirs)) return 'the tool has no licence where copyfair read one';
  if (files.some((f) => f.readme && f.expression)) return "copyfair read the README's License section (no licence file)";
  if (files.some((f) => f.expression && declared?.expression && canonical(f.expression) !== canonical(declared.expression))) return 'copyfair read the licence files, which say more than the declaration';
  if (declared && declared.expression !== null && declared.value !== declared.expression) return 'copyfair read a declared string that is not plain SPDX';
  if (ids(ours).size === ids(theirs).size && [...ids(ours)].every((id) => ids(theirs).has(id))) return 'same licences, written differently';
  return 'other';
}

// ── 3. the labelled corpus ───────────────────────────────────────────────────────────────────

function labels() {
  const rows = readFileSync(join(root, 'scripts/corpus/labels.tsv'), 'utf8').split('\n').filter((line) => line && !line.startsWith('#')).map((line) => {
    const [pkg, path, sha256, expected, also, klass, form, reason] = line.split('\t');
    return { pkg, path, sha256, expected, also: also ? also.split('|') : [], klass, form, reason };
  });
  const results = [];
  let missing = 0;
  for (const row of rows) {
    const file = locate(row);
    if (!file) {
      missing++;
      continue;
    }
    const bytes = readFileSync(file);
    const hash = createHash('sha256').update(bytes).digest('hex');
    if (hash !== row.sha256) {
      console.log(`  ! ${row.pkg} ${row.path}: the file changed (sha256 ${hash.slice(0, 12)}…, labelled ${row.sha256.slice(0, 12)}…); skipped`);
      missing++;
      continue;
    }
    const got = row.path.endsWith('package.json') ? declaredExpression(bytes) : identifyLicenceText(file, decodeLicenceText(bytes)).expression;
    results.push({ ...row, got, ...score(row, got) });
  }
  console.log(`\n## 3. labelled corpus: ${results.length} files measured (${rows.length} labelled${missing ? `, ${missing} not found` : ''})`);
  table(results, 'klass', 'class');
  table(results, 'form', 'form');
  for (const r of results.filter((r) => r.dangerous)) console.log(`\nDANGEROUS: ${r.pkg} ${r.path}: the truth is ${r.klass} (${r.expected}), copyfair answered ${r.got}`);
  const wrong = results.filter((r) => !r.right);
  console.log(`\nwrong (${wrong.length}):`);
  for (const r of wrong.slice(0, verbose ? wrong.length : 40)) console.log(`  - ${r.dangerous ? 'DANGEROUS ' : ''}${r.pkg} ${r.path}: expected ${r.expected}, got ${r.got ?? 'unknown'}`);
  if (!verbose && wrong.length > 40) console.log(`  - … ${wrong.length - 40} more (--verbose)`);
}

/** What copyfair reads from a manifest's `license` (or legacy `licenses`) field. */
function declaredExpression(bytes) {
  const manifest = JSON.parse(bytes.toString('utf8'));
  return readDeclared(manifest.license, manifest.licenses, kb).expression;
}

function locate(row) {
  if (!row.path.startsWith('npm-pack:')) {
    const file = join(tree, row.path);
    return existsSync(file) ? file : undefined;
  }
  const at = row.pkg.lastIndexOf('@');
  const [name, version] = [row.pkg.slice(0, at), row.pkg.slice(at + 1)];
  const folder = join(bench, 'packs', `${name.replace('@', '').replace('/', '-')}-${version}`);
  if (!existsSync(folder)) {
    mkdirSync(join(bench, 'packs'), { recursive: true });
    const tarball = execFileSync('npm', ['pack', row.pkg, '--silent'], { cwd: join(bench, 'packs'), encoding: 'utf8' }).trim().split('\n').pop();
    mkdirSync(folder, { recursive: true });
    execFileSync('tar', ['xzf', join(bench, 'packs', tarball), '-C', folder]);
  }
  const file = join(folder, 'package', row.path.slice('npm-pack:'.length));
  return existsSync(file) ? file : undefined;
}

/** Right: the expected expression (or an also-right one), or no expression where none is due. */
function score(row, got) {
  const expected = row.expected === 'UNKNOWN' || row.expected === 'NONE' ? null : row.expected;
  const accepted = [expected, ...row.also].filter((e) => e && e !== 'UNKNOWN').map(canonical);
  const right = got === null ? expected === null || row.also.includes('UNKNOWN') : accepted.includes(canonical(got));
  const dangerous = !right && got !== null && !['permissive', 'public-domain'].includes(row.klass) && permissive(got);
  return { right, dangerous };
}

function table(results, key, title) {
  const groups = new Map();
  for (const r of results) {
    if (!groups.has(r[key])) groups.set(r[key], []);
    groups.get(r[key]).push(r);
  }
  console.log(`\n| ${title} | files | right | precision | recall | unknown | dangerous |`);
  console.log('|---|---|---|---|---|---|---|');
  const line = (name, list) => {
    const answered = list.filter((r) => r.got !== null);
    const positives = list.filter((r) => r.expected !== 'UNKNOWN' && r.expected !== 'NONE');
    const found = positives.filter((r) => r.got !== null && r.right);
    console.log(`| ${name} | ${list.length} | ${list.filter((r) => r.right).length} (${pct(list.filter((r) => r.right).length, list.length)}) | ${pct(answered.filter((r) => r.right).length, answered.length)} | ${pct(found.length, positives.length)} | ${list.filter((r) => r.got === null).length} | ${list.filter((r) => r.dangerous).length} |`);
  };
  for (const [name, list] of [...groups.entries()].sort()) line(name, list);
  line('**all**', results);
}

// ── 4. ScanCode's rules and data-driven corpus ──────────────────────────────────────────────

function scancode() {
  const data = join(sharedData, 'data/scancode-licensedb');
  if (!existsSync(data)) {
    console.log('\n## 4. ScanCode rules and corpus: skipped (no ../shared/data here, nor $COPYFAIR_SHARED: it is pinned reference data, not part of a clone)');
    return;
  }
  // The notice rules are normalised words: compiled with another build's normalising, some no
  // longer match what a scan normalises, and every score below would measure stale data.
  const compiled = spawnSync(process.execPath, [join(root, 'scripts/compile-notices.js'), '--check', join(sharedData, 'data')], { encoding: 'utf8' });
  console.log(`\n## 4. The compiled notice rules\n\n${(compiled.stdout + compiled.stderr).trim()}`);
  if (compiled.status !== 0) process.exitCode = 1;
  const jsonl = (file) => jsonLines(join(data, file));
  const licences = new Map(jsonl('licenses.jsonl.gz').map((l) => [l.id, l]));
  const toSpdx = (expression) => expression.replace(/[A-Za-z0-9_.+-]+/g, (key) => (/^(AND|OR|WITH|and|or|with)$/.test(key) ? key.toUpperCase() : licences.get(key)?.spdx_license_key ?? `LicenseRef-scancode-${key}`));
  const bySpdx = new Map([...licences.values()].filter((l) => l.spdx_license_key).map((l) => [l.spdx_license_key, l]));
  const category = (expression) => expression.replace(/[()]/g, ' ').split(/\s+/).filter((k) => k && !/^(and|or|with)$/i.test(k)).map((k) => (licences.get(k) ?? bySpdx.get(k))?.category ?? 'Unknown');
  const all = jsonl('rules.jsonl.gz');
  const rules = all.filter((rule) => (rule.is_license_text || rule.is_license_notice) && !rule.is_false_positive && rule.text);
  // A deprecated rule is judged by ScanCode's current rule with the same words, when there is one:
  // ScanCode itself no longer gives the deprecated expression for them.
  const words = (text) => text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  const current = new Map(all.filter((rule) => !rule.is_deprecated && rule.text).map((rule) => [words(rule.text), rule.license_expression]));
  // ScanCode's category for each SPDX id, so the corpus's SPDX answers can be judged the same way.
  const categories = new Map();
  for (const l of licences.values()) for (const key of [l.spdx_license_key, ...(l.other_spdx_license_keys ?? [])]) if (key && !categories.has(key)) categories.set(key, l.category);
  scancodeCategories = categories;
  const started = Date.now();
  const results = [];
  for (const rule of rules) {
    const truth = TRUTH_CORRECTIONS[rule.id]?.[0] ?? ((rule.is_deprecated && current.get(words(rule.text))) || rule.license_expression);
    const expected = TRUTH_CORRECTIONS[rule.id]?.[0] ?? toSpdx(truth);
    const cats = category(truth);
    const got = identifyLicenceText('rule.txt', rule.text.replace(/\{\{|\}\}/g, '')).expression;
    results.push({ name: rule.id, kind: rule.is_license_text ? 'text' : 'notice', expected, got, freeTruth: cats.every((c) => c === 'Permissive' || c === 'Public Domain') });
  }
  report4('ScanCode rule texts (is_license_text or is_license_notice)', results, Date.now() - started);
  datadriven(categories);
}

function report4(title, results, ms) {
  const exact = results.filter((r) => r.got !== null && [...ids(r.got)].sort().join() === [...ids(r.expected)].sort().join());
  const answered = results.filter((r) => r.got !== null);
  const relaxed = answered.filter((r) => outcome(r.got) === outcome(r.expected));
  // Dangerous: copyfair's answer is free for a business that distributes, the truth's is not, and
  // the truth is not all permissive. (A permissive branch of a choice, or a licence ScanCode files
  // as "Copyleft Limited" that the knowledge base reads as free, such as Artistic-2.0, is not.)
  const dangerous = answered.filter((r) => !r.freeTruth && outcome(r.got) === 'free' && truthOutcome(r.expected) !== 'free');
  console.log(`\n## 4. ${title}: ${results.length} (${(ms / 1000).toFixed(0)} s)`);
  console.log(`- exact set of licence ids: ${exact.length} (${pct(exact.length, results.length)} of all; ${pct(exact.length, answered.length)} of the ${answered.length} answered)`);
  console.log(`- relaxed, same verdict for a business that distributes: ${relaxed.length} of ${answered.length} answered (${pct(relaxed.length, answered.length)})`);
  console.log(`- no expression (unknown): ${results.length - answered.length} (${pct(results.length - answered.length, results.length)})`);
  console.log(`- dangerous (copyfair's answer free for a business that distributes, the truth's not, and the truth not all permissive): ${dangerous.length}`);
  for (const r of dangerous.slice(0, verbose ? dangerous.length : 15)) console.log(`  - ${r.name ?? ''} expected ${r.expected}, got ${r.got}`);
}

// ── the truth, where ScanCode's expression is not what the text says ─────────────────────────
//
// Each entry replaces ScanCode's expression for one rule (by id) or data-driven file (by its last two
// path parts), with the reason. Only texts whose words were read and say something else belong here.
const TRUTH_CORRECTIONS = {
  'gpl-2.0_or_bsd-new23': ['GPL-2.0-only OR BSD-3-Clause', 'the text offers "a choice of one of two licenses … GPL Version 2 … or the OpenIB.org BSD license below"; ScanCode ANDs the notice and the BSD text it detects separately'],
  'Dual-license/GPL-2.0+_or_MIT.txt': ['GPL-2.0-or-later OR MIT', 'after the GPL notice: "As an alternative, at your option, you may use this file under the following terms" (MIT); ScanCode ANDs its two detections'],
  'lic1/gpl-2.0_or_bsd-new_intel_kernel.c': ['BSD-3-Clause OR GPL-2.0-only', '"This file is provided under a dual BSD/GPLv2 license. When using or redistributing this file, you may do so under either license"'],
  'lic4/disable_warnings.h': ['BSD-3-Clause OR GPL-2.0-only', 'the same Intel dual BSD/GPLv2 header ("you may do so under either license")'],
  'CC/CC-BY-ND-4.0.txt': ['CC-BY-ND-4.0', "the file is SPDX's CC-BY-ND-4.0 text word for word (whole file, score 1); ScanCode's extra free-unknown is Creative Commons' own notice inside that text"],
  'CC/CC-BY-SA-4.0.txt': ['CC-BY-SA-4.0', "the file is SPDX's CC-BY-SA-4.0 text word for word (whole file, score 1); ScanCode's extra free-unknown is Creative Commons' own notice inside that text"],
  'unicode-icu-58_and_unicode_and_mit-old-style-no-advert_and_gpl-3.0-plus_with_autoconf-simple-exception_1': ['ICU', 'a Maven <license> element that names "ICU License" and its URL; ScanCode\'s expression is the content of the file the URL points to'],
  'isc_and_free-unknown': ['ISC', 'deprecated by ScanCode with no replacement; the words grant ISC and say the other files carry their own notices (which are read where they are)'],
  'mit-no-advert-export-control_and_proprietary-license_1': ['HPND-export-US-acknowledgement', 'deprecated; ScanCode\'s note: "This is now the hpnd-export-us-acknowledgement LICENSE"'],
  'gpl-2.0_and_bsd-new_or_gpl-2.0_1': ['GPL-2.0-only OR BSD-3-Clause', 'the kernel\'s GPL header, then "This software is available to you under a choice of one of two licenses. You may choose to be licensed under the terms of the GNU General Public License (GPL) Version 2 … or the OpenIB.org BSD license below": the same author offers the choice'],
  'glc/BSD-2-Clause.t2': ['BSD-2-Clause', '"Unless otherwise specified, files in the Gopher source distribution are subject to the following license:" above BSD-2-Clause: a statement of scope (a file that says otherwise carries its own notice), as "except where noted" is; ScanCode files the hedge as unknown-license-reference'],
  proprietary_99: ['LicenseRef-scancode-confluent-community-1.0', "the text is the Confluent Community License 1.0 (ScanCode's own key confluent-community-1.0; this older rule files it under the generic proprietary-license)"],
};

// ScanCode's category for each id, filled by scancode(): used to judge the truth's verdict.
let scancodeCategories = new Map();
// ScanCode keys that state no terms of use: a warranty disclaimer takes nothing from the user.
const NO_TERMS = new Set(['LicenseRef-scancode-warranty-disclaimer']);

/**
 * The truth's verdict for a business that distributes. A licence the knowledge base does not know,
 * or files as not reviewed (family `unknown`), is judged by ScanCode's own category: Permissive and
 * Public Domain as a permissive licence (bsd-unmodified, other-permissive, unicode, Linux-OpenIB), a
 * warranty disclaimer as no terms; every other one stays unknown. Used for the dangerous count only,
 * so that a truth copyfair merely has not reviewed does not pass for a restrictive one.
 */
function truthOutcome(expression) {
  if (!expression) return 'unknown';
  const judged = expression.replace(/[A-Za-z0-9_.+-]+/g, (id) => {
    if (/^(?:AND|OR|WITH)$/.test(id)) return id;
    const known = kb.get(id.replace(/\+$/, ''));
    if (known && known.family !== 'unknown') return id;
    return NO_TERMS.has(id) || ['Permissive', 'Public Domain'].includes(scancodeCategories.get(id)) ? 'MIT' : id;
  });
  return outcome(judged);
}

function datadriven(categories) {
  const archive = join(sharedData, 'corpora/scancode-datadriven.tar.gz');
  if (!existsSync(archive)) return;
  const folder = join(bench, 'datadriven');
  if (!existsSync(join(folder, 'manifest.tsv'))) {
    mkdirSync(folder, { recursive: true });
    execFileSync('tar', ['xzf', archive, '-C', folder]);
  }
  const rows = readFileSync(join(folder, 'manifest.tsv'), 'utf8').split('\n').slice(1).filter(Boolean).map((line) => line.split('\t'));
  const started = Date.now();
  const results = [];
  for (const [path, expected] of rows) {
    let got = null;
    try {
      const bytes = readFileSync(join(folder, path));
      if (bytes.length <= 1024 * 1024 && !bytes.subarray(0, 8192).includes(0)) got = identifyLicenceText(path, decodeLicenceText(bytes)).expression;
    } catch {
      got = null;
    }
    const truth = TRUTH_CORRECTIONS[path.split('/').slice(-2).join('/')]?.[0] ?? (expected === 'NONE' ? '' : expected);
    const freeTruth = truth !== '' && [...ids(truth)].every((id) => ['Permissive', 'Public Domain'].includes(categories.get(id.replace(/\+$/, '')) ?? ''));
    results.push({ name: path.split('/').slice(-2).join('/'), expected: truth, got, freeTruth });
  }
  report4('ScanCode data-driven corpus (../shared/corpora, 4,357 files)', results, Date.now() - started);
}

// ── run ───────────────────────────────────────────────────────────────────────────────────────

const report = part('tree') || part('tools') ? await realTree() : undefined;
if (part('tools')) tools(report);
if (part('labels')) labels();
if (part('scancode')) scancode();
