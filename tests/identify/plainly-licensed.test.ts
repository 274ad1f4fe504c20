// Issue 8, the last unknowns of the real tree that a careful reader finds plainly licensed: bundle
// licence files (rollup, prettier, Angular's third-party licences), the Python licence with its
// history (argparse), MIT-0 with a leftover "subject to the following conditions" (nodemailer),
// and a README table of bundled libraries (sharp-libvips: a person must still read it, and the
// reason says why). Fixtures are the real files or cut from them; each case also fails closed.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { decide } from '../../src/identify/evidence.js';
import { identifyLicenceText } from '../../src/identify/identify-file.js';
import { identifyText } from '../../src/identify/identify.js';
import type { Evidence } from '../../src/types.js';
import { evaluate } from '../../src/evaluate/index.js';
import { textOf } from './scenarios.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/identify/${name}`, import.meta.url), 'utf8');
const texts = (await import('spdx-license-list/full.js')).default as Record<string, { licenseText: string }>;

// Running from source, the first identification compiles the known texts: not part of a test's time.
beforeAll(() => void identifyText('warm-up'), 120_000);

describe('a bundle licence file, section by section', () => {
  const rollup = fixture('bundled/rollup-like.md');

  it("rollup's LICENSE.md: its own MIT AND every bundled licence; the closing licence texts (LLVM exception, Unicode-3.0 included) are read too", () => {
    // The Unlicense text is there for aho-corasick's "Unlicense OR MIT": it bundles nothing of its
    // own. The LLVM-exception and Unicode-3.0 texts name licences no section of this cut does: they apply.
    expect(identifyLicenceText('LICENSE.md', rollup).expression).toBe(
      'MIT AND ISC AND (Unlicense OR MIT) AND (MIT OR Apache-2.0) AND Apache-2.0 WITH LLVM-exception AND Unicode-3.0',
    );
    const listedOnly = rollup.replace(/## aho-corasick[\s\S]*?---+\n/, '');
    expect(identifyLicenceText('LICENSE.md', listedOnly).expression).toBe('MIT AND ISC AND (MIT OR Apache-2.0) AND Apache-2.0 WITH LLVM-exception AND Unicode-3.0 AND Unlicense');
  });

  it("prettier's THIRD-PARTY-NOTICES.md (a description above the License line) and Angular's third-party licences (Package:/License: between rules)", () => {
    expect(identifyLicenceText('THIRD-PARTY-NOTICES.md', fixture('bundled/prettier-like.md')).expression).toBe('MIT');
    expect(identifyLicenceText('3rdpartylicenses.txt', fixture('bundled/angular-3rdpartylicenses.txt')).expression).toBe('MIT AND 0BSD');
  });

  it("prettier 2's layout: its licence, \"## Licenses of bundled dependencies\", then \"## Bundled dependencies\" as a group title over \"### package\" sections", () => {
    const prettier = fixture('bundled/prettier-like.md');
    const two = `# Prettier license\n\nPrettier is released under the MIT license:\n\n${texts.MIT!.licenseText}\n\n${prettier.replace('# Licenses of bundled dependencies', '## Licenses of bundled dependencies').replace('## @angular/compiler@v22.2.5', '## Bundled dependencies\n\n### @angular/compiler@v22.2.5').replace('## webworker-shim', '### webworker-shim')}`;
    expect(identifyLicenceText('LICENSE', two).expression).toBe('MIT');
    // A bundled package that states no licence (prettier 2.8.8 bundles trim@0.0.1, "By: TJ Holowaychuk" and nothing more) is named in the reason.
    const unstated = two.replace('### webworker-shim@v1.1.4', '### trim@v0.0.1\n\nBy: TJ Holowaychuk\n\n----\n\n### webworker-shim@v1.1.4');
    expect(identifyLicenceText('LICENSE', unstated).reason).toMatch(/section "trim@v0\.0\.1" \(line \d+\) names no licence$/);
  });

  it('a section whose text adds a term, or resembles a licence copyfair cannot name, keeps the file unknown', () => {
    const restricted = rollup.replace('> Copyright (c) 2019 Elan Shanker, Paul Miller (https://paulmillr.com)', '> Copyright (c) 2019 Elan Shanker\n>\n> This code may not be used for military purposes.');
    expect(identifyLicenceText('LICENSE.md', restricted).expression).toBeNull();
    // So does a heading that restricts: it named the package, and was not read past.
    for (const note of ['(not for commercial use)', '(personal use only)', '(governments excluded)']) {
      const headed = identifyLicenceText('LICENSE.md', rollup.replace('## anymatch', `## anymatch ${note}`));
      expect(headed.expression).toBeNull();
      expect(headed.reason).toMatch(/section "anymatch \(.+\)" \(line \d+\) has a heading that reads like terms$/);
    }
    // MIT's grant with a condition of its own in place of the notice condition: a text no known
    // licence is. (wcwidth.js's MIT with a BSD disclaimer, in prettier's notices, was the example
    // here until it became a known variant of MIT: ScanCode's mit_1309.)
    const variant = texts.MIT!.licenseText.replace(/The above copyright notice[^\n]*\n[^\n]*Software\./, 'Every copy of the Software shall carry the name and postal address of each of its users, and a list of the\ncomputers on which it runs shall be sent to the authors once a year.');
    const quoted = variant.split('\n').map((line) => `> ${line}`.trimEnd()).join('\n');
    const unknown = identifyLicenceText('LICENSE.md', rollup.replace('> Copyright 2024 Justin Ridgewell <justin@ridgewell.name>', quoted));
    expect(unknown.expression).toBeNull();
    // The reason says where a person must read.
    expect(unknown.reason).toBe('it lists bundled licences section by section, and section "@jridgewell/sourcemap-codec" (line 19) holds a licence text or notice copyfair cannot vouch for');
  });

  it('names every section a person must read, on the file’s lines, not only the first', () => {
    // Reading the first, finding it fine and pinning the file would leave the second unread.
    const two = rollup
      .replace('> Copyright 2024 Justin Ridgewell <justin@ridgewell.name>', '> Copyright 2024 Justin Ridgewell\n>\n> This code may not be used for military purposes.')
      .replace('> Copyright (c) 2019 Elan Shanker, Paul Miller (https://paulmillr.com)', '> Copyright (c) 2019 Elan Shanker\n>\n> This code may not be used for military purposes.');
    const found = identifyLicenceText('LICENSE.md', two);
    expect(found.expression).toBeNull();
    expect(found.reason).toBe(
      'it lists bundled licences section by section, and section "@jridgewell/sourcemap-codec" (line 19) holds a licence text or notice copyfair cannot vouch for; section "anymatch" (line 41) holds a licence text or notice copyfair cannot vouch for',
    );
    // Each section's unexplained words where the file has them (they were counted from the section's first line).
    const lines = two.split('\n');
    expect(found.unexplained?.length).toBe(2);
    for (const stretch of found.unexplained ?? []) expect(lines[stretch.end - 1]).toContain('military purposes');
  });

  // NumPy's and SciPy's wheels: their own BSD text, "This binary distribution of NumPy also bundles
  // the following software:", Name/Files/License stanzas, then "Full text of license texts referred
  // to above follows" and the texts between rules (cut from numpy 2.4.6's LICENSE.txt; the GPL-3.0
  // text is put back from the SPDX list).
  const numpy = fixture('bundled/numpy-wheel-like.txt').replace('@GPL-3.0@', texts['GPL-3.0-only']!.licenseText);
  const lgpl21 = '    This library is free software; you can redistribute it and/or\n    modify it under the terms of the GNU Lesser General Public\n    License as published by the Free Software Foundation; either\n    version 2.1 of the License, or (at your option) any later version.\n';
  const quadmath = /\n    GCC Quad-Precision Math Library[\s\S]*$/.exec(numpy)![0];

  it("NumPy's wheel: its own BSD AND each stanza's License line; the GCC exception's listed text attaches to nothing of its own", () => {
    // libquadmath's real notice: "Written by …", "This file is part of the libquadmath library.
    // Libquadmath is free software; you can redistribute it and/or modify it" (the GNU notice's
    // opening with the library's name), then the GNU Library General Public License, version 2.1
    // or later, which its License line says: read (it was a section for a person until the
    // eleventh session). A term written into it still stops the whole file, naming the section.
    const real = identifyLicenceText('LICENSE.txt', numpy);
    expect(real.expression).toBe('BSD-3-Clause AND BSD-3-Clause-Open-MPI AND GPL-3.0-or-later WITH GCC-exception-3.1 AND LGPL-2.1-or-later AND LGPL-2.0-or-later');
    const restricted = identifyLicenceText('LICENSE.txt', numpy.replace('This file is part of the libquadmath library.', 'This file is part of the libquadmath library. It may not be used by banks.'));
    expect(restricted.expression).toBeNull();
    expect(restricted.reason).toBe('it lists bundled licences section by section, and section "libquadmath" (line 475) holds a licence text or notice copyfair cannot vouch for');
    const plain = numpy.replace(quadmath, `\n${lgpl21}`);
    expect(identifyLicenceText('LICENSE.txt', plain).expression).toBe('BSD-3-Clause AND BSD-3-Clause-Open-MPI AND GPL-3.0-or-later WITH GCC-exception-3.1 AND LGPL-2.1-or-later');
    // SciPy's wording: "can also bundle the following software\n(depending on the build):".
    const scipy = plain.replace('This binary distribution of NumPy also bundles the following software:', 'This binary distribution of SciPy can also bundle the following software\n(depending on the build):');
    expect(identifyLicenceText('LICENSE.txt', scipy).expression).toBe('BSD-3-Clause AND BSD-3-Clause-Open-MPI AND GPL-3.0-or-later WITH GCC-exception-3.1 AND LGPL-2.1-or-later');
  });

  it("NumPy's wheel fails closed: an exception text no stanza attaches, a stanza's term, a term in the closing list's preamble", () => {
    const plain = numpy.replace(quadmath, `\n${lgpl21}`);
    const unattached = plain
      .replace('License: GPL-3.0-or-later WITH GCC-exception-3.1', 'License: GPL-3.0-or-later')
      .replace(/  Under Section 7[\s\S]*?<http:\/\/www\.gnu\.org\/licenses\/>\.\n/, '');
    expect(identifyLicenceText('LICENSE.txt', unattached).expression).toBeNull();
    expect(identifyLicenceText('LICENSE.txt', unattached).reason).toMatch(/section "GCC RUNTIME LIBRARY EXCEPTION" \(line \d+\) holds a licence text or notice copyfair cannot vouch for$/);
    expect(identifyLicenceText('LICENSE.txt', plain.replace('Description: bundled as a dynamically linked library', 'Description: bundled as a dynamically linked library\n  This library may not be used for military purposes.')).expression).toBeNull();
    expect(identifyLicenceText('LICENSE.txt', plain.replace('present binary release):', 'present binary release), and commercial users must pay a fee:')).expression).toBeNull();
  });

  // Next.js's native packages (@next/safe-image-optimization-linux-x64-gnu, from a Rust build):
  // a rule of "=", the crates' names ("half 2.7.1 (url)", several for a text they share),
  // "License: X", a rule of "-", the text; MPL-2.0's own titles underlined with "=" and "-".
  // Read whole, the file held too many texts for one pass (72); cut from the real file.
  const ruled = fixture('bundled/ruled-stanzas.txt');

  it("ruled stanzas (Next.js's native packages): each stanza's License line AND its text, MPL-2.0's underlined titles inside its text", () => {
    const read = identifyLicenceText('THIRD-PARTY-NOTICES.txt', ruled);
    expect(read.expression).toBe('MIT AND 0BSD AND MPL-2.0 AND Unicode-3.0');
    expect(read.bundle).toEqual({ own: null, bundled: 'MIT AND 0BSD AND MPL-2.0 AND Unicode-3.0' });
    expect(read.matches.map((match) => [match.id, match.start])).toEqual([['MIT', 13], ['0BSD', 44], ['MIT', 75], ['MPL-2.0', 105], ['Unicode-3.0', 485]]);
  });

  it('ruled stanzas fail closed: a term in a stanza, a License line copyfair cannot read, a rule that opens no stanza', () => {
    expect(identifyLicenceText('THIRD-PARTY-NOTICES.txt', ruled.replace('Copyright (c) The Rust Project Contributors', 'Copyright (c) The Rust Project Contributors\n\nThis software may not be used by banks.')).reason).toBe(
      'it lists bundled licences section by section, and section "Rust standard library (https://github.com/rust-lang/rust)" (line 7) holds a licence text or notice copyfair cannot vouch for',
    );
    expect(identifyLicenceText('THIRD-PARTY-NOTICES.txt', ruled.replace('License: 0BSD', 'License: Acme Community Licence')).expression).toBeNull();
    // A rule after a blank line with no "License:" header below it is not this format: the file is read whole.
    expect(identifyLicenceText('THIRD-PARTY-NOTICES.txt', ruled.replace('below.\n', `below.\n\n${'='.repeat(80)}\nA note of ours.\n`)).bundle).toBeUndefined();
  });

  // AWS's THIRD-PARTY-LICENSES.txt for Rust compiled to WebAssembly (@aws/cloudformation-validate,
  // which aws-cdk-lib bundles: every CDK project): stanzas between rules of "*", each the crate's
  // name, "1.1.4 <https://…>" and its text, no License lines; antlr4rust's adds an MIT text after a
  // rule of "="; the MPL's boxed disclaimer is drawn with "*". Cut from the real file (3 of 109).
  const starred = fixture('bundled/aws-third-party-licences.txt');

  it('stanzas between rules of "*" (AWS\'s): each stanza read from its text, the MPL\'s box inside its text', () => {
    const read = identifyLicenceText('THIRD-PARTY-LICENSES.txt', starred);
    expect(read.expression).toBe('MIT AND BSD-3-Clause AND MPL-2.0');
    expect(read.bundle).toEqual({ own: null, bundled: 'MIT AND BSD-3-Clause AND MPL-2.0' });
    expect(read.matches.map((match) => [match.id, match.start])).toEqual([['MIT', 3], ['BSD-3-Clause', 30], ['MIT', 64], ['MPL-2.0', 88]]);
  });

  it('stanzas between rules of "*" fail closed: a term in a stanza, a text copyfair cannot name, a file that does not open with a stanza', () => {
    const term = identifyLicenceText('THIRD-PARTY-LICENSES.txt', starred.replace('Copyright (c) 2015 Andrew Gallant', 'Copyright (c) 2015 Andrew Gallant\n\nThis crate may not be used in weapons.'));
    expect(term.expression).toBeNull();
    expect(term.reason).toBe('it lists bundled licences section by section, and section "aho-corasick 1.1.4" (line 1) holds a licence text or notice copyfair cannot vouch for');
    expect(identifyLicenceText('THIRD-PARTY-LICENSES.txt', starred.replace(/Permission is hereby granted, free of charge, to any person obtaining a copy\nof this software/, 'Permission is granted to Acme Corp only to use a copy\nof this software')).expression).toBeNull();
    // Another opening: not this layout, and the file is read whole (too many texts, unknown).
    expect(identifyLicenceText('THIRD-PARTY-LICENSES.txt', `Our notes on these crates.\n\n${starred}`).bundle).toBeUndefined();
  });

  // CesiumJS's LICENSE.md: its Apache-2.0 text, then "# Third-Party Code" and a "### name" section
  // for each library, its address and its quoted licence text, no "License:" lines (cut from the
  // real file: Sean O'Neil's and zip.js's BSD-3-Clause, the latter with JCraft's disclaimer,
  // Autolinker's and tween.js's MIT, then JSHint's, which keeps JSLint's "Good, not Evil").
  const cesium = fixture('bundled/cesium-third-party.md');
  const cesiumReadable = cesium.slice(0, cesium.indexOf('### JSHint'));

  it('CesiumJS: "# Third-Party Code", sections named by their headings and read from their quoted texts', () => {
    const read = identifyLicenceText('LICENSE.md', `${textOf('MIT')}\n\n${cesiumReadable}`);
    expect(read.expression).toBe('MIT AND BSD-3-Clause');
    expect(read.bundle).toEqual({ own: 'MIT', bundled: 'BSD-3-Clause AND MIT' });
  });

  it("CesiumJS: JSHint's section (JSLint's \"Good, not Evil\") keeps the file unknown, and the reason names it", () => {
    const read = identifyLicenceText('LICENSE.md', `${textOf('MIT')}\n\n${cesium}`);
    expect(read.expression).toBeNull();
    expect(read.reason).toMatch(/^it lists bundled licences section by section, and section "JSHint" \(line \d+\) holds a licence text or notice copyfair cannot vouch for$/);
  });

  it('the exception text quoted without its heading is still found; removed, the heading alone does not vouch for the text', () => {
    const llvm = /## Apache-2.0 WITH LLVM-exception\n\n([\s\S]*?)\n---/.exec(rollup)![1]!.replace(/^> ?/gm, '');
    expect(identifyText(llvm).expression).toBe('Apache-2.0 WITH LLVM-exception');
    expect(identifyText(`${llvm}\n\nThis exception does not apply to commercial users.`).expression).toBeNull();
  });

  it('words between sections or in a description that restrict, and a package section naming no licence, keep it unknown', () => {
    expect(identifyLicenceText('LICENSE.md', rollup.replace('# Bundled Rust dependencies', '# Bundled Rust dependencies\nThe code below may not be used commercially.')).expression).toBeNull();
    const prettier = fixture('bundled/prettier-like.md');
    expect(identifyLicenceText('NOTICES.md', prettier.replace('> Angular - the compiler library', '> Angular - not for military use')).expression).toBeNull();
    expect(identifyLicenceText('LICENSE.md', rollup.replace('## utf_types', '## slab\n\n## utf_types')).reason).toMatch(/section "slab" \(line \d+\) names no licence$/);
  });

  it('a dual notice in the plural ("the Licenses") is read; the same notice with a restriction is not', () => {
    const notice = /## utf_types[\s\S]*?(?=\n\n# License texts)/.exec(rollup)![0];
    expect(notice).toContain('compliance with one of the Licenses');
    expect(identifyLicenceText('LICENSE.md', rollup.replace(notice, `${notice}\n> Use by the police is prohibited.`)).expression).toBeNull();
  });
});

describe('known texts with their customary parts', () => {
  it('argparse: the Python licence as CPython ships it, history and all, is SPDX Python-2.0.1', () => {
    const python = fixture('python-with-history.txt');
    expect(identifyText(python)).toMatchObject({ expression: 'Python-2.0.1', matches: [{ id: 'Python-2.0.1', start: 1 }] });
    // A term added to the history is inside the match, and read as one. (A three-word insertion
    // whose neighbours the licence's own words cover, "… may not be used for military purposes",
    // is the insertion rule's known gap, for every long text alike: see the note of issue 8.)
    expect(identifyText(python.replace('Thanks to the many outside volunteers', 'Python may not be used for military purposes or by the police. Thanks to the many outside volunteers')).expression).toBeNull();
  });

  it("Python 2.7's edition (the PSF notice's years wrapped otherwise): the history stays the licence's, not a GPL grant beside the SPDX template's part", () => {
    // The SPDX template matches the terms alone; the known text with the history encloses them, so
    // similarity decides. Before, the history's footnote "… distributing Python under the GPL" was read as a grant.
    const python27 = fixture('python-with-history.txt').replace(/"Copyright \(c\) 2001, 2002[^"]*?All Rights Reserved"/, '"Copyright (c)\n2001, 2002, 2003, 2004, 2005, 2006 Python Software Foundation; All Rights\nReserved"');
    expect(python27).not.toBe(fixture('python-with-history.txt'));
    expect(identifyText(python27).expression).toBe('Python-2.0.1');
  });

  it('a declared Python-2.0 with that file is the file: the same stack, made precise, and no mismatch to warn of', () => {
    const evidence: Evidence[] = [
      { kind: 'declared', value: 'Python-2.0', expression: 'Python-2.0', location: { file: 'package.json' } },
      { kind: 'licence-file', expression: 'Python-2.0.1', confidence: 1, location: { file: 'LICENSE' }, sha256: 'x' },
    ];
    expect(decide(evidence)).toEqual({ expression: 'Python-2.0.1', unknown: [], mismatches: [] });
    // Another licence's file beside the same declaration still disagrees, and says so.
    const other: Evidence[] = [evidence[0]!, { ...(evidence[1] as Evidence & { kind: 'licence-file' }), expression: 'MIT' }];
    expect(decide(other).mismatches).toHaveLength(1);
  });

  it('nodemailer: MIT-0 with "subject to the following conditions" and none after it is MIT-0', () => {
    const nodemailer = fixture('nodemailer-mit-0.txt');
    expect(identifyText(nodemailer).expression).toBe('MIT-0');
    // A condition written after the clause is a term of its own.
    const withCondition = nodemailer.replace('conditions:\n', 'conditions:\n\nThe Software may not be used for military purposes.\n');
    expect(identifyText(withCondition).expression).toBeNull();
    expect(identifyText(nodemailer.replace('conditions:\n', 'conditions:\n\nGive credit where due.\n')).expression).toBeNull();
    // MIT itself, with its condition, is still MIT.
    expect(identifyText(texts.MIT!.licenseText).expression).toBe('MIT');
  });

  // mapbox-gl-rtl-text 0.2.3's LICENSE.md (BSD-2-Clause; its own file): Mapbox's BSD-2-Clause,
  // then "This source code is derived from the International Components for Unicode (ICU) library
  // … ICU C++ code original license as follows:" and ICU's "COPYRIGHT AND PERMISSION NOTICE (ICU 58
  // and later)", which is Unicode-DFS-2016's notice, grant and conditions without the agreement's
  // acceptance paragraph. That form was read as unknown, as was every ICU 58+ LICENSE.
  it('the Unicode licence as ICU 58 and later ships it is Unicode-DFS-2016; with a term added, it is not', () => {
    const rtl = fixture('mapbox-gl-rtl-text-LICENSE.md');
    expect(identifyLicenceText('LICENSE.md', rtl)).toMatchObject({ expression: 'BSD-2-Clause AND Unicode-DFS-2016', matches: [{ id: 'BSD-2-Clause', start: 3 }, { id: 'Unicode-DFS-2016', start: 12 }] });
    const icu = rtl.slice(rtl.indexOf('COPYRIGHT AND PERMISSION NOTICE'));
    expect(identifyText(icu).expression).toBe('Unicode-DFS-2016');
    expect(identifyText(icu.replace('without restriction, including', 'for non-commercial purposes only, including')).expression).toBeNull();
    // The SPDX text, with its acceptance paragraph, is still itself.
    expect(identifyText(texts['Unicode-DFS-2016']!.licenseText).expression).toBe('Unicode-DFS-2016');
  });

  it('Unicode-3.0 with its SPDX tag and a provenance note ("may have been adapted from") is Unicode-3.0', () => {
    const unicode = /## Unicode-3.0 \(2\)\n\n([\s\S]*?)\n---/.exec(fixture('bundled/rollup-like.md'))![1]!.replace(/^> ?/gm, '');
    expect(unicode).toContain('may have been adapted from');
    expect(identifyText(unicode).expression).toBe('Unicode-3.0');
  });
});

describe('a README table of bundled libraries', () => {
  const readme = fixture('bundled/sharp-libvips-README.md');

  it('sharp-libvips: every row reads, the AOM patent licence and fontconfig\'s among them; the package is their AND', () => {
    const found = identifyLicenceText('README.md', readme);
    expect(found.expression).toBe('BSD-2-Clause AND LicenseRef-scancode-alliance-open-media-patent-1.0 AND MPL-2.0 AND MIT AND HPND-sell-variant AND FTL AND LGPL-3.0-only AND Apache-2.0 AND BSD-3-Clause AND Libpng AND libtiff AND Zlib AND IJG');
  });

  // The same table with two rows no licence copyfair knows by those names: a patent licence, and a
  // licence named only by a link and a likeness.
  const unreadable = readme
    .replace('BSD 2-Clause + [Alliance for Open Media Patent License 1.0](https://aomedia.org/license/patent-license/)', 'BSD 2-Clause + [Acme Codec Patent License 1.0](https://acme.example/patents/)')
    .replace('[fontconfig Licence](https://gitlab.freedesktop.org/fontconfig/fontconfig/blob/main/COPYING) (BSD-like)', '[acmefont Licence](https://acme.example/COPYING) (BSD-like)');

  it('rows copyfair cannot read keep it unknown, and the reason names them', () => {
    expect(unreadable).not.toBe(readme);
    const found = identifyLicenceText('README.md', unreadable);
    expect(found.expression).toBeNull();
    expect(found.reason).toBe('its table of bundled libraries names licences copyfair cannot read for 2 of 29: aom ("BSD 2-Clause + Acme Codec Patent License 1.0"), fontconfig ("acmefont Licence (BSD-like)"); the package ships none of their texts');
  });

  it('the reason reaches the verdict', () => {
    const found = identifyLicenceText('README.md', unreadable);
    const evidence: Evidence[] = [
      { kind: 'declared', value: 'LGPL-3.0-or-later', expression: 'LGPL-3.0-or-later', location: { file: 'package.json' } },
      { kind: 'licence-file', expression: null, confidence: 0.9, location: { file: 'README.md' }, sha256: 'x', readme: true, restrictive: true, reason: found.reason! },
    ];
    expect(decide(evidence).unknown).toEqual([`the licence section of README.md: ${found.reason}; a person must read it`]);
  });

  it("a third-party notices file that is the same table (wasm-vips' THIRD-PARTY-NOTICES.md) reads the same; an unreadable row or a condition keeps it unknown", () => {
    const notices = `# Third-party notices\n\n${readme.slice(readme.indexOf('This software contains'))}`;
    const found = identifyLicenceText('THIRD-PARTY-NOTICES.md', notices);
    expect(found.expression).toBe('BSD-2-Clause AND LicenseRef-scancode-alliance-open-media-patent-1.0 AND MPL-2.0 AND MIT AND HPND-sell-variant AND FTL AND LGPL-3.0-only AND Apache-2.0 AND BSD-3-Clause AND Libpng AND libtiff AND Zlib AND IJG');
    expect(identifyLicenceText('THIRD-PARTY-NOTICES.md', notices.replace('[fontconfig Licence]', '[acmefont Licence]')).expression).toBeNull();
    // A condition beside the table: read as the commercial terms it states, or unknown; never the table.
    const paid = identifyLicenceText('THIRD-PARTY-NOTICES.md', notices.replace('Please report any errors', 'Commercial use requires a paid licence. Please report any errors')).expression;
    expect(paid === null || paid.includes('commercial')).toBe(true);
    // Not a notices file by its name: no table is read out of it.
    expect(identifyLicenceText('CHANGES.md', notices).expression).toBeNull();
  });

  it('a table whose every row reads is the AND of its rows; a condition beside it keeps it unknown', () => {
    const readable = readme.replace(/\| aom [^\n]*\n/, '').replace(/\| fontconfig [^\n]*\n/g, '');
    expect(identifyLicenceText('README.md', readable).expression).toBe('MPL-2.0 AND MIT AND FTL AND LGPL-3.0-only AND Apache-2.0 AND BSD-3-Clause AND BSD-2-Clause AND Libpng AND libtiff AND Zlib AND IJG');
    expect(identifyLicenceText('README.md', readable.replace('Please report any errors', 'Commercial use requires a paid licence. Please report any errors')).expression).toBeNull();
  });
});

// rw's LICENSE (as the older d3 modules ship it): BSD-3-Clause whose third clause names the author
// alone, "The name Michael Bostock may not be used to endorse or promote products …". It scored
// 91% against SPDX's text and could not be told from BSD-3-Clause-HP, so rw was unknown on a real
// tree; ScanCode's bsd-new_986 is now a known variant of BSD-3-Clause (scripts/compile-variants.js).
describe("BSD-3-Clause naming the author alone in its third clause", () => {
  const rw = fixture('bsd-3-author-name.txt');

  it('reads as BSD-3-Clause, for its author and for another', () => {
    expect(identifyLicenceText('LICENSE', rw).expression).toBe('BSD-3-Clause');
    expect(identifyLicenceText('LICENSE', rw.replace(/Michael Bostock/g, 'Jane Q. Doe').replace('MICHAEL BOSTOCK', 'JANE Q. DOE')).expression).toBe('BSD-3-Clause');
  });

  it('a changed condition is still no known licence', () => {
    expect(identifyLicenceText('LICENSE', rw.replace('may not be used to endorse', 'may be used to endorse')).expression).toBeNull();
  });
});

// image-q's LICENSE (jimp's quantiser): its MIT text, then Anthony Dekker's NeuQuant under the Xfig
// licence granted to "Any party obtaining a copy of these files from the author, directly or
// indirectly" (ScanCode's mit-xfig_2, now a known variant of Xfig: scripts/compile-variants.js),
// then RgbQuant's "(MIT Licensed)". Xfig, read, is permissive: the copyright notice is the only
// requirement.
describe('the Xfig licence as NeuQuant ships it (image-q)', () => {
  const imageQ = fixture('image-q-neuquant.txt');

  it('reads MIT AND Xfig, free', () => {
    expect(identifyLicenceText('LICENSE', imageQ).expression).toBe('MIT AND Xfig');
    expect(evaluate('MIT AND Xfig', { entity: 'for-profit', uses: ['distribute', 'modify'] }).outcome).toBe('free');
  });

  it('a grant changed, or a term beside it, is still no known licence', () => {
    expect(identifyLicenceText('LICENSE', imageQ.replace('with the only requirement being\nthat this copyright notice remain intact.', 'provided that it is not used\nfor military purposes.')).expression).toBeNull();
    expect(identifyLicenceText('LICENSE', imageQ.replace('for a discussion of\nthe algorithm.', 'for a discussion of\nthe algorithm. Commercial use requires a paid licence.')).expression).toBeNull();
  });
});

// Sentry's packages (11.x) end their MIT text with a "Third-Party Dependency Notice": the Sentry
// CLI, a dependency, "is not part of this package and is not covered by the MIT License above. It
// is licensed under the Functional Source License …" (src/identify/dependency-notices.ts).
describe('a notice of a dependency outside the package', () => {
  const sentry = fixture('dependency-notice.txt');

  it('adds nothing to the licence, and is given as the identification’s dependencyNotice', () => {
    const found = identifyLicenceText('LICENSE', sentry);
    expect(found.expression).toBe('MIT');
    expect(found.dependencyNotice).toMatch(/^third party dependency notice the mit license above applies to the code in this package .* is not part of this package and is not covered by the mit license above it is licensed under the functional source license/);
    // The repository's wording (@sentry/server-utils).
    const repository = sentry.replace('the code in this package', 'the code in this repository').replace('not part of this package', 'not part of this repository');
    expect(identifyLicenceText('LICENSE', repository).expression).toBe('MIT');
  });

  it('is read when it sets a term of its own, or does not say the other code is a dependency outside the package', () => {
    const term = sentry.replace('as a direct or transitive dependency.', 'as a direct or transitive dependency. You may not use this package for commercial purposes.');
    expect(identifyLicenceText('LICENSE', term).expression).toBeNull();
    const inside = sentry.replace('is not part of this package\nand is not covered', 'is part of this package\nand is not covered');
    expect(identifyLicenceText('LICENSE', inside).expression).toBeNull();
    const noDependency = sentry.replace('Third-Party Dependency Notice', 'Third-Party Notice').replace('as a direct or transitive dependency', 'inside it');
    expect(identifyLicenceText('LICENSE', noDependency).expression).toBeNull();
  });
});

// Apache ECharts' LICENSE: the Apache-2.0 text, then "Apache ECharts Subcomponents:", the standard
// paragraph ("… contains subcomponents with separate copyright notices and license terms …") and
// one entry per licence ("BSD 3-Clause (d3.js):", the files, "See `/licenses/LICENSE-d3` …").
describe('an Apache project’s appendix of subcomponents', () => {
  const appendix = fixture('apache-subcomponents.txt');
  const echarts = `${texts['Apache-2.0']!.licenseText}\n\n${appendix}`;

  it('is the project’s licence AND each entry’s, the entries as bundled code', () => {
    const found = identifyLicenceText('LICENSE', echarts);
    expect(found.expression).toBe('Apache-2.0 AND BSD-3-Clause');
    expect(found.bundle).toEqual({ own: 'Apache-2.0', bundled: 'BSD-3-Clause' });
  });

  it('is unknown when an entry names a licence copyfair cannot read, an entry’s words restrict, or no entry is there', () => {
    const unread = identifyLicenceText('LICENSE', echarts.replace('BSD 3-Clause (d3.js):', 'Acme Community Licence (d3.js):'));
    expect(unread.expression).toBeNull();
    expect(unread.reason).toMatch(/^it lists the licences of subcomponents it embeds, and the entry "Acme Community Licence \(d3\.js\):" \(line \d+\) names a licence copyfair cannot read$/);
    // Each entry a person must read is named, not only the first.
    const second = `${echarts.replace('BSD 3-Clause (d3.js):', 'Acme Community Licence (d3.js):')}\nZenith Source Licence (zrender):\nThe following files embed zrender.\n`;
    expect(identifyLicenceText('LICENSE', second).reason).toMatch(/the entry "Acme Community Licence \(d3\.js\):" \(line \d+\) names a licence copyfair cannot read; the entry "Zenith Source Licence \(zrender\):" \(line \d+\) names a licence copyfair cannot read$/);
    const terms = identifyLicenceText('LICENSE', echarts.replace('See `/licenses/LICENSE-d3`', 'These files may not be used for commercial purposes. See `/licenses/LICENSE-d3`'));
    expect(terms.expression).toBeNull();
    expect(terms.reason).toContain('the words of its appendix');
    const none = identifyLicenceText('LICENSE', echarts.replace('BSD 3-Clause (d3.js):', 'BSD 3-Clause, for d3.js:'));
    expect(none.expression).toBeNull();
  });
});

// Node.js's way of listing bundled code, as the ws addons write it: utf-8-validate's LICENSE holds
// its MIT text in triple quotes, "This license applies to all parts of utf-8-validate that are not
// externally maintained libraries.", then "The externally maintained is_utf8 library used by
// utf-8-validate, located at deps/is_utf8, is licensed as follows:" and is_utf8's text. The
// sentences say which code each text covers; each text is read and ANDed (it was unknown).
describe('Node.js-style licence files: "externally maintained libraries … licensed as follows"', () => {
  const file = fixture('utf-8-validate-LICENSE');
  it('reads each quoted text (utf-8-validate: MIT and is_utf8: MIT)', () => {
    expect(identifyLicenceText('LICENSE', file)).toMatchObject({ expression: 'MIT' });
  });
  it('ANDs a listed library under another licence', () => {
    const isUtf8 = file.indexOf('Copyright 2022 The is_utf8 authors');
    const gpl = `${file.slice(0, isUtf8)}${texts['GPL-2.0-only']!.licenseText}\n"""\n`;
    expect(identifyLicenceText('LICENSE', gpl).expression).toBe('MIT AND GPL-2.0-only');
  });
  it('reads Node’s own sentences as oracledb’s THIRD_PARTY_LICENSES.txt quotes them ("The Node.js license applies to …", "… originating from the … repository")', () => {
    expect(identifyLicenceText('THIRD_PARTY_LICENSES.txt', fixture('bundled/oracledb-THIRD_PARTY_LICENSES.txt'))).toMatchObject({ expression: 'MIT' });
  });
  it('still reads a term written beside the sentences', () => {
    const restricted = file.replace('maintained libraries.', 'maintained libraries. This software may not be used for commercial purposes.');
    expect(identifyLicenceText('LICENSE', restricted).expression).toBeNull();
  });
});

// posthog-js's LICENSE (and posthog-node's, @posthog/core's): the Apache header above the whole
// Apache text, with "this work" where the standard header says "this file" ("Licensed under the
// Apache License, Version 2.0 (the "License"); you may not use this work except in compliance with
// the License. You may obtain a copy of the License below, or at: …"). Its "may not" read as a
// restriction; all four were unknown.
describe('the Apache header saying "this work"', () => {
  const header = 'Copyright 2020 Posthog / Hiberly, Inc.\n\nLicensed under the Apache License, Version 2.0 (the "License");\nyou may not use this work except in compliance with the License.\nYou may obtain a copy of the License below, or at:\n\n   http://www.apache.org/licenses/LICENSE-2.0\n\nUnless required by applicable law or agreed to in writing, software\ndistributed under the License is distributed on an "AS IS" BASIS,\nWITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.\nSee the License for the specific language governing permissions and\nlimitations under the License.\n\n';
  it('is the header, above the text it names', () => {
    expect(identifyText(`${header}${texts['Apache-2.0']!.licenseText}`).expression).toBe('Apache-2.0');
  });
  it('does not excuse another "may not"', () => {
    expect(identifyText(`${header.replace('this work except in compliance with the License.', 'this work except in compliance with the License. You may not use this work for commercial purposes.')}${texts['Apache-2.0']!.licenseText}`).expression).toBeNull();
  });
});
