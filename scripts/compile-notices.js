// Compiles the notices, references and tags that real projects write instead of a licence text
// into licences/notices/rules.json, the committed data src/identify/notices.ts matches against.
// Sources (pinned reference data, read only here, never at run time):
//   - ScanCode's detection rules and licence database (CC-BY-4.0): `is_license_notice`,
//     `is_license_reference` and `is_license_tag` rules, their ScanCode expressions mapped to SPDX;
//   - the SPDX License List's `<standardLicenseHeader>`s (CC-BY-3.0), paragraph by paragraph.
// Run `node scripts/compile-notices.js [shared-data-dir]` (default: $COPYFAIR_SHARED_DATA or
// the pinned data's folder, ../shared/data) after updating the pinned data, and after any change to
// normalising (src/identify/normalise.ts), whose words the rules are: `npm run build` and `npm test`
// use the output. `--check` writes nothing and exits 1 when the committed files are not what this
// run compiles (the corpus script runs it).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseExpression } from '../dist/evaluate/parse.js';
import { normalise } from '../dist/identify/normalise.js';
import { PLAIN_WORDS } from '../dist/identify/notices.js';
import { anchorsOf } from '../dist/identify/notice-rules.js';
import { familyIds, jsonLines, scanCodeRefs, sharedDir } from './shared-data.js';

const check = process.argv.includes('--check');
const dataDir = process.argv.slice(2).find((arg) => arg !== '--check') ?? process.env.COPYFAIR_SHARED_DATA ?? join(sharedDir, 'data');
const rulesFile = join(dataDir, 'scancode-licensedb/rules.jsonl.gz');
const licencesFile = join(dataDir, 'scancode-licensedb/licenses.jsonl.gz');
const spdxTar = join(dataDir, 'spdx-license-list-xml-e4c1f27.tar.gz');
for (const file of [rulesFile, licencesFile, spdxTar]) {
  if (!existsSync(file)) {
    process.stderr.write(`compile-notices: ${file} not found; pass the shared data folder as the first argument\n`);
    process.exit(2);
  }
}

/** Longest notice kept: longer ones are licence texts in all but name, matched by similarity. */
const MAX_NOTICE_WORDS = 120;
/** A short reference or tag must be one ScanCode trusts fully: "MIT" alone is relevance 100. */
const MIN_RELEVANCE = 90;

const licences = new Map(jsonLines(licencesFile).map((licence) => [licence.key, licence]));

/** A ScanCode expression (`gpl-2.0-plus WITH classpath-exception-2.0 OR mit`) → SPDX, or null. */
function toSpdx(expression) {
  const out = [];
  for (const token of expression.replace(/([()])/g, ' $1 ').split(/\s+/).filter(Boolean)) {
    const upper = token.toUpperCase();
    if (token === '(' || token === ')') out.push(token);
    else if (upper === 'AND' || upper === 'OR' || upper === 'WITH') out.push(upper);
    else {
      const licence = licences.get(token);
      if (!licence?.spdx_license_key) return null;
      out.push(licence.spdx_license_key);
    }
  }
  const parsed = parseExpression(out.join(' ').replace(/\( /g, '(').replace(/ \)/g, ')'));
  return parsed.ok ? parsed.expression : null;
}

const KIND_OF = [
  ['is_license_notice', 'notice'],
  ['is_license_reference', 'reference'],
  ['is_license_tag', 'tag'],
];

// Notices longer than MAX_NOTICE_WORDS that packages ship whole as their licence file, with no
// licence text in them for similarity to find: Font Awesome 5's LICENSE.txt (fontawesome-free,
// fontawesome-svg-core and the icon packages of 5.x, some millions of downloads a month), which
// says which of its three licences applies to which files and names each by a short reference.
const LONG_KEPT = new Set(['mit_and_ofl-1.1_and_cc-by-4.0_3', 'cc-by-4.0_and_ofl-1.1_and_mit_3']);
// ScanCode rules whose licence key contradicts their own words, each with the key the words name.
const EXPRESSION_FIXES = new Map([
  // "SIL OFL 1.1 License (https://scripts.sil.org/OFL)" filed under ofl-1.0.
  ['ofl-1.0_6', 'ofl-1.1'],
]);

const selected = [];
const skipped = { long: 0, unmapped: 0, weak: 0, empty: 0, plain: 0 };
for (const rule of jsonLines(rulesFile)) {
  const kind = KIND_OF.find(([flag]) => rule[flag])?.[1];
  if (!kind || !rule.license_expression || rule.is_deprecated) continue;
  // Required phrases ({{…}}) are kept as plain words: the matcher asks for the whole rule.
  const text = rule.text.replace(/\{\{|\}\}/g, '');
  const words = normalise(text).words;
  if (words.length === 0) {
    skipped.empty++;
    continue;
  }
  // A rule that normalises to plain words only ("* See <http://…>" → "see") names nothing.
  if (words.every((word) => PLAIN_WORDS.has(word) || /^\d+$/.test(word))) {
    skipped.plain++;
    continue;
  }
  if (words.length > MAX_NOTICE_WORDS && !LONG_KEPT.has(rule.id)) {
    skipped.long++;
    continue;
  }
  if ((rule.relevance ?? 100) < MIN_RELEVANCE) {
    skipped.weak++;
    continue;
  }
  const expression = toSpdx(EXPRESSION_FIXES.get(rule.id) ?? rule.license_expression);
  if (!expression) {
    skipped.unmapped++;
    continue;
  }
  selected.push([rule.id, expression, kind, text]);
}

for (const id of [...LONG_KEPT, ...EXPRESSION_FIXES.keys()]) {
  if (!selected.some(([ruleId]) => ruleId === id)) throw new Error(`compile-notices: rule ${id} is no longer selected`);
}

// ScanCode takes a product's name out of its rules ("You may use the project under …", "free to
// use  under that license"). A package that writes the name in is read by the rule with the name
// put back, where its real text was checked to be the rule's word for word otherwise.
const NAMED = [
  // node-forge's LICENSE (npm, Digital Bazaar): its choice of the BSD licence or the GPL.
  { rule: 'bsd-new_or_gpl-2.0_48', name: 'node-forge', replace: [['use the project under', 'use the Forge project under'], ['free to use  under', 'free to use Forge under']] },
];
for (const { rule: id, name, replace } of NAMED) {
  const found = selected.find(([ruleId]) => ruleId === id);
  if (!found) throw new Error(`compile-notices: rule ${id} is no longer selected`);
  let text = found[3];
  for (const [from, to] of replace) {
    if (!text.includes(from)) throw new Error(`compile-notices: rule ${id} no longer says "${from}"`);
    text = text.replace(from, to);
  }
  selected.push([`${id}+${name}`, found[1], found[2], text]);
}

// SPDX standard headers, one paragraph at a time: a paragraph holding replaceable text other than
// the copyright line is left out (the matcher asks for whole rules), optional text is dropped.
const headers = [];
const spdxDir = mkdtempSync(join(tmpdir(), 'copyfair-spdx-'));
execFileSync('tar', ['xzf', spdxTar, '-C', spdxDir, 'src']);
for (const name of readdirSync(join(spdxDir, 'src')).filter((file) => file.endsWith('.xml')).sort()) {
  const xml = readFileSync(join(spdxDir, 'src', name), 'utf8');
  const id = /licenseId="([^"]+)"/.exec(xml)?.[1];
  const header = /<standardLicenseHeader>([\s\S]*?)<\/standardLicenseHeader>/.exec(xml)?.[1];
  if (!id || !header || /isDeprecated="true"/.test(xml)) continue;
  const expression = parseExpression(id);
  if (!expression.ok) continue;
  const paragraphs = header
    .replace(/<optional>[\s\S]*?<\/optional>/g, ' ')
    .split(/<\/?p>|\n\s*\n/)
    .map((part) => part.replace(/^\s*Copyright[\s\S]*?<\/alt>/, ' '))
    .filter((part) => !/<alt\b/.test(part))
    .map((part) => unescape(part.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim())
    .filter((part) => normalise(part).words.length >= 8);
  paragraphs.forEach((paragraph, index) => headers.push([`spdx-header:${id}:${index + 1}`, expression.expression, 'header', paragraph]));
}

rmSync(spdxDir, { recursive: true, force: true });

function unescape(text) {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

// A bare SPDX id ("MIT", "BSD-3-Clause", "Apache-2.0") is a reference of its own, as ScanCode
// generates at run time. Ids that are plain English words ("Fair", "Glide", "Vim") are left out:
// a README saying "a fair licence" names no licence. Those without a digit or hyphen are kept only
// when they are the names people write.
const BARE_NAMES = new Set(['MIT', 'ISC', 'Unlicense', 'WTFPL', 'Zlib', 'X11', 'Beerware', 'PostgreSQL', 'CC0-1.0']);
const require = createRequire(import.meta.url);
for (const id of require('spdx-license-ids')) {
  if (!/[-\d]/.test(id) && !BARE_NAMES.has(id)) continue;
  const parsed = parseExpression(id);
  if (parsed.ok) selected.push([`spdx-id:${id}`, parsed.expression, 'reference', id]);
}
// Names people write for a licence that are no SPDX id, where the licence has one version only:
// "CC0" (a README's "## License" section of the one word "CC0" named no licence); the Open Data
// Commons licences as their makers abbreviate them (@zxcvbn-ts/language-en's third-party file:
// "License: ODC-BY"); the Peer Production License and the Blue Oak Model License by name, which
// the knowledge base knows and no ScanCode rule writes ("License: Peer Production License" in a
// README named no licence).
const NAMES = [
  ['CC0', 'CC0-1.0'],
  ['ODC-BY', 'ODC-By-1.0'],
  ['ODbL', 'ODbL-1.0'],
  ['PDDL', 'PDDL-1.0'],
  ['Peer Production License', 'PPL'],
  ['Blue Oak Model License', 'BlueOak-1.0.0'],
];
for (const [name, id] of NAMES) selected.push([`name:${name}`, id, 'reference', name]);

// One rule per normalised text. Rules that say the same words but name different licences decide
// nothing: they stay as boilerplate (they explain the words, but add no licence), except where the
// words themselves settle it (PREFER).
const byText = new Map();
for (const [id, expression, kind, text] of [...selected, ...headers]) {
  const key = normalise(text).words.join(' ');
  const entry = byText.get(key) ?? { ids: [], expressions: new Set(), kinds: new Set() };
  entry.ids.push(id);
  entry.expressions.add(expression);
  entry.kinds.add(kind);
  byText.set(key, entry);
}
const rules = [];
let boilerplate = 0;
for (const [key, entry] of [...byText].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
  const expression = settle([...entry.expressions].sort());
  if (expression === null) boilerplate++;
  const kind = ['notice', 'header', 'reference', 'tag'].find((k) => entry.kinds.has(k));
  rules.push([key, expression, kind, entry.ids.sort()[0]]);
}

/**
 * The expression several rules with the same words agree on, or null. "GPLv3" names no later-version
 * grant, so where the only disagreement is `-only` against `-or-later` it is `-only` (a notice that
 * grants later versions says so, and has rules of its own). MPL-2.0's header is the first paragraph
 * of the no-copyleft-exception header too; that one adds a paragraph of its own.
 */
function settle(expressions) {
  if (expressions.length === 1) return expressions[0];
  const stems = new Set(expressions.map((expression) => expression.replace(/-(only|or-later)\b/g, '')));
  if (stems.size === 1) return expressions.find((expression) => !/-or-later\b/.test(expression)) ?? null;
  if (expressions.join('|') === 'MPL-2.0|MPL-2.0-no-copyleft-exception') return 'MPL-2.0';
  return null;
}

const out = {
  about:
    'Notices, references and tags for src/identify/notices.ts, compiled by scripts/compile-notices.js. Each rule: [normalised text, SPDX expression or null (boilerplate: explains words, grants nothing), kind, first source rule id, anchor (its rarest word)].',
  attribution: [
    'ScanCode LicenseDB, © nexB Inc. and others (AboutCode), CC-BY-4.0, https://scancode-licensedb.aboutcode.org/ (scancode-toolkit bc787214ed21, src/licensedcode/data/rules)',
    'SPDX License List, © Linux Foundation and its contributors, CC-BY-3.0, https://spdx.org/licenses/ (license-list-XML e4c1f276b8be, standardLicenseHeader)',
  ],
  rules,
};
mkdirSync(new URL('../licences/notices/', import.meta.url), { recursive: true });
const target = new URL('../licences/notices/rules.json', import.meta.url);
// Each rule's rarest word, so loading needs no counting.
anchorsOf(rules.map(([words]) => ({ words }))).forEach((anchor, index) => rules[index].push(anchor));
// One rule a line: small diffs when the data is updated.
const rulesText = `{\n"about": ${JSON.stringify(out.about)},\n"attribution": ${JSON.stringify(out.attribution)},\n"rules": [\n${rules.map((rule) => JSON.stringify(rule)).join(',\n')}\n]}\n`;
// ScanCode's Commercial licences ("third-party proprietary software offered under a direct commercial
// licence between supplier and customer") are payback by that category: a family file of their
// LicenseRef ids, so a notice naming one is not merely unknown. `proprietary-license` (whose text
// says it "may not require payment") and `commercial-license` (curated) are left out.
const commercial = scanCodeRefs(licences.values(), (licence) => licence.category === 'Commercial' && !licence.is_exception && !['commercial-license', 'proprietary-license'].includes(licence.key));
const family = [
  '# ScanCode\'s licences of category Commercial: proprietary software offered under a direct commercial',
  '# licence between supplier and customer. Generated by scripts/compile-notices.js from ScanCode LicenseDB',
  '# (© nexB Inc. and others (AboutCode), CC-BY-4.0, https://scancode-licensedb.aboutcode.org/); do not edit.',
  '# yaml-language-server: $schema=../../schemas/family.schema.json',
  'family: proprietary',
  'curated: false',
  'summary:',
  '  commercial: Nobody without a commercial licence from the supplier.',
  '  triggers: Any use; the licence is a commercial contract.',
  '  owed: A commercial licence bought from the supplier.',
  'source:',
  '  url: https://scancode-licensedb.aboutcode.org/',
  '  sections: ScanCode category "Commercial"',
  'obligations: []',
  'rules:',
  '- when: {}',
  '  outcome: payback',
  '  section: ScanCode category "Commercial"',
  '  because: ScanCode classifies this licence as Commercial, a direct commercial licence between supplier and customer.',
  '  obligations:',
  '  - kind: pay',
  '    section: ScanCode category "Commercial"',
  '    route:',
  '      note: Buy or negotiate a licence from the supplier named in the notes.',
  '    summary: A commercial licence from the supplier.',
  ...familyIds(commercial, (licence) => `ScanCode: ${licence.name}${licence.owner ? `, owner ${licence.owner}` : ''}${licence.homepage_url ? `, ${licence.homepage_url}` : ''}`),
];
const familyFile = new URL('../licences/families/scancode-commercial.yaml', import.meta.url);
const familyText = `${family.join('\n')}\n`;
if (check) {
  // Which committed file differs, and for the rules how many lines: enough to say what to run.
  const stale = [];
  const committed = (file) => (existsSync(file) ? readFileSync(file, 'utf8') : '');
  const rulesNow = committed(target);
  if (rulesNow !== rulesText) {
    const before = new Set(rulesNow.split('\n'));
    const after = new Set(rulesText.split('\n'));
    const gone = [...before].filter((line) => !after.has(line)).length;
    const added = [...after].filter((line) => !before.has(line)).length;
    stale.push(`licences/notices/rules.json (${gone} line(s) would go, ${added} would come)`);
  }
  if (committed(familyFile) !== familyText) stale.push('licences/families/scancode-commercial.yaml');
  if (stale.length > 0) {
    process.stderr.write(`compile-notices: not what the current code and data compile: ${stale.join('; ')}. Run \`npm run build && node scripts/compile-notices.js\`, rebuild, and commit the files.\n`);
    process.exit(1);
  }
  process.stdout.write(`compile-notices: licences/notices/rules.json and licences/families/scancode-commercial.yaml are what the current code and data compile (${rules.length} rules)\n`);
  process.exit(0);
}
writeFileSync(target, rulesText);
writeFileSync(familyFile, familyText);

process.stdout.write(
  `scancode-commercial family: ${commercial.length} ids\n` +
  `notices: ${selected.length} ScanCode rules, ${headers.length} SPDX header paragraphs -> ${rules.length} distinct texts (${boilerplate} boilerplate); skipped ${JSON.stringify(skipped)}\n`,
);
