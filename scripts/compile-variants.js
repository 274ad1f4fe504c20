// Compiles known licence texts "with their customary parts" — the forms a licence is shipped in
// that SPDX's reference text lacks — into licences/identify/variants.json, which the corpus
// (src/identify/compile-corpus.ts) adds beside the SPDX texts as further entries of the same id.
// Today: the Python licence as CPython ships it, with "A. HISTORY OF THE SOFTWARE" and its release
// table above the licence stack (argparse's LICENSE); and MIT with the BSD licences' disclaimer
// (wcwidth.js); and BSD-3-Clause with the author's name alone in its third clause (rw) or with JCraft's
// disclaimer (zip.js); and Xfig granted
// "from the author, directly or indirectly" (NeuQuant, in image-q); and the Unicode licence in
// ICU's form, without the agreement's acceptance paragraph. SPDX's Python-2.0.1 is that stack with the
// CNRI 1.6.1 part (SPDX's Python-2.0 has the older CNRI 1.6b1 part, which no CPython LICENSE
// carries); ScanCode files these texts under its `python` key.
//
// Source (pinned reference data, read only here, never at run time): ScanCode's detection rules
// (CC-BY-4.0). Run `node scripts/compile-variants.js [shared-data-dir]` (default:
// $COPYFAIR_SHARED_DATA or ../shared/data); the output is committed, so a fresh clone builds
// and tests without the shared data.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonLines, sharedDir } from './shared-data.js';

const dataDir = process.argv[2] ?? process.env.COPYFAIR_SHARED_DATA ?? join(sharedDir, 'data');
const rulesFile = join(dataDir, 'scancode-licensedb/rules.jsonl.gz');
if (!existsSync(rulesFile)) {
  process.stderr.write(`compile-variants: ${rulesFile} not found; pass the shared data folder as the first argument\n`);
  process.exit(2);
}

/** Each variant: the ScanCode rule holding the text, the SPDX id its words are, and why. */
const VARIANTS = [
  {
    rule: 'python_70',
    id: 'Python-2.0.1',
    note: 'CPython 2.7.18 LICENSE: history of the software and release table, then the PSF, BeOpen, CNRI (1.6.1) and CWI licences',
  },
  {
    rule: 'mit_1309',
    id: 'MIT',
    note: "MIT's grant and notice condition with the BSD licences' disclaimer (\"THIS SOFTWARE IS PROVIDED ``AS IS'' AND ANY EXPRESS OR IMPLIED WARRANTIES …\"), as wcwidth.js ships it and prettier's THIRD-PARTY-NOTICES.md quotes it; ScanCode files it under `mit`",
  },
  {
    rule: 'mit-xfig_2',
    id: 'Xfig',
    note: 'the Xfig licence granted to "Any party obtaining a copy of these files from the author, directly or indirectly", as Anthony Dekker\'s NeuQuant ships it (image-q\'s LICENSE); ScanCode files it under `mit-xfig`',
  },
  {
    rule: 'bsd-new_20',
    id: 'BSD-3-Clause',
    note: 'BSD-3-Clause with JCraft\'s disclaimer ("IN NO EVENT SHALL JCRAFT, INC. OR ANY CONTRIBUTORS TO THIS SOFTWARE BE LIABLE") and "The names of the authors may not be used to endorse", as JSch, JZlib and zip.js ship it (CesiumJS quotes zip.js\'s); ScanCode files it under `bsd-new`',
  },
  {
    rule: 'bsd-new_986',
    id: 'BSD-3-Clause',
    note: 'BSD-3-Clause whose third clause names the author alone ("The name Michael Bostock may not be used to endorse or promote products derived from this software …"), as rw and the older d3 modules ship it; ScanCode files it under `bsd-new`',
  },
  {
    rule: 'unicode_33',
    id: 'Unicode-DFS-2016',
    note: 'the Unicode licence as ICU 58 and later ships it ("COPYRIGHT AND PERMISSION NOTICE (ICU 58 and later)"): Unicode-DFS-2016\'s copyright, permission and conditions word for word, without the agreement\'s title, its definitions of the Data Files and Software and its "NOTICE TO USER" acceptance paragraph, as ICU, Node\'s ICU data and mapbox-gl-rtl-text ship it; ScanCode files it under `unicode`',
  },
];

const rules = new Map(jsonLines(rulesFile).map((rule) => [rule.id, rule]));
const variants = VARIANTS.map(({ rule, id, note }) => {
  const found = rules.get(rule);
  // A whole licence text, filed by ScanCode as a text or (mit_1309) as a notice.
  if (!(found?.is_license_text || found?.is_license_notice) || typeof found.text !== 'string') throw new Error(`compile-variants: rule ${rule} is not a licence text`);
  return { id, rule, note, text: found.text };
});
const out = {
  about: 'Licence texts with the customary parts SPDX reference texts lack, compiled by scripts/compile-variants.js; each is one more corpus entry of its id. Do not edit by hand.',
  attribution: 'ScanCode LicenseDB, © nexB Inc. and others (AboutCode), CC-BY-4.0, https://scancode-licensedb.aboutcode.org/ (scancode-toolkit commit bc787214ed21, src/licensedcode/data/rules)',
  variants,
};
writeFileSync(new URL('../licences/identify/variants.json', import.meta.url), `${JSON.stringify(out, null, 1)}\n`);
process.stdout.write(`variants: ${variants.length} texts (${variants.map((variant) => `${variant.id} from ${variant.rule}`).join(', ')})\n`);
