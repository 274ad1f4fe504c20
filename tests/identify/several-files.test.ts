// Several licence files, several licences (issue 8): files that are the branches of a declared
// choice, a file that offers a choice the declaration is one branch of, vendored licences that all
// apply, pointers, UNLICENSED, and README sections as weaker evidence.
import { beforeAll, describe, expect, it } from 'vitest';
import { decide } from '../../src/identify/evidence.js';
import { isLicenceText } from '../../src/ecosystems/npm/licence-files.js';
import { licenceSection } from '../../src/identify/readme.js';
import type { Evidence } from '../../src/types.js';

const declared = (value: string, expression: string | null = value): Evidence => ({ kind: 'declared', value, expression, location: { file: 'package.json' } });
const file = (name: string, expression: string | null, extra: Partial<Extract<Evidence, { kind: 'licence-file' }>> = {}): Evidence => ({
  kind: 'licence-file',
  expression,
  confidence: 1,
  location: { file: name },
  sha256: 'x',
  ...extra,
});

describe('files that are the branches of a declared choice', () => {
  it('rc: LICENSE.BSD, LICENSE.MIT, LICENSE.APACHE2 for "BSD-2-Clause OR MIT OR Apache-2.0" stay a choice', () => {
    const decision = decide([
      declared('(BSD-2-Clause OR MIT OR Apache-2.0)', 'BSD-2-Clause OR MIT OR Apache-2.0'),
      file('LICENSE.APACHE2', 'Apache-2.0'),
      file('LICENSE.BSD', 'BSD-2-Clause-Views'),
      file('LICENSE.MIT', 'MIT'),
    ]);
    expect(decision.expression).toBe('BSD-2-Clause-Views OR MIT OR Apache-2.0');
    expect(decision.unknown).toEqual([]);
    expect(decision.mismatches).toEqual([{ file: 'LICENSE.BSD', declared: 'BSD-2-Clause OR MIT OR Apache-2.0', found: 'BSD-2-Clause-Views', how: 'branch' }]);
  });

  it('a file that is no variant of any branch is still ANDed: the stricter claim wins', () => {
    expect(decide([declared('MIT OR Apache-2.0'), file('LICENSE.GPL', 'GPL-3.0-only')])).toMatchObject({
      expression: '(MIT OR Apache-2.0) AND GPL-3.0-only',
      mismatches: [{ found: 'GPL-3.0-only' }],
    });
  });

  it('an unidentified branch file keeps the package unknown', () => {
    expect(decide([declared('MIT OR Apache-2.0'), file('LICENSE.MIT', 'MIT'), file('LICENSE.APACHE2', null)]).unknown).toHaveLength(1);
  });
});

describe('a later version of a licence declared "or later"', () => {
  it('mailsplit: "MIT OR EUPL-1.1+" with LICENSE.MIT and the EUPL-1.2 text is as declared, no mismatch', () => {
    expect(decide([declared('(MIT OR EUPL-1.1+)'), file('LICENSE.MIT', 'MIT'), file('LICENSE.EUPL-1.2', 'EUPL-1.2')])).toEqual({ expression: '(MIT OR EUPL-1.1+)', unknown: [], mismatches: [] });
    expect(decide([declared('GPL-2.0-or-later'), file('COPYING', 'GPL-3.0-only')])).toEqual({ expression: 'GPL-2.0-or-later', unknown: [], mismatches: [] });
  });

  it('is no later version where the declaration grants none, or of another family: both apply', () => {
    for (const [value, found] of [
      ['EUPL-1.1', 'EUPL-1.2'],
      ['GPL-2.0-only', 'GPL-3.0-only'],
      ['EUPL-1.2+', 'EUPL-1.1'],
      ['LGPL-2.1-or-later', 'GPL-3.0-only'],
      ['BSD-2-Clause+', 'BSD-3-Clause'],
      ['MIT OR GPL-2.0+', 'AGPL-3.0-only'],
    ]) {
      expect(decide([declared(value!), file('LICENSE', found!)]).mismatches).toHaveLength(1);
    }
  });
});

describe('a file offering a choice', () => {
  it('abbrev: declared ISC, file "ISC OR MIT at your option" → ISC OR MIT, not ISC AND (ISC OR MIT)', () => {
    expect(decide([declared('ISC'), file('LICENSE', 'ISC OR MIT')])).toEqual({ expression: 'ISC OR MIT', unknown: [], mismatches: [] });
  });

  it('a choice the declaration is not a branch of is ANDed', () => {
    expect(decide([declared('ISC'), file('LICENSE', 'MIT OR PPL')]).expression).toBe('ISC AND (MIT OR PPL)');
  });
});

describe('vendored licences in one file all apply', () => {
  it('postject: declared MIT, file MIT AND Apache-2.0', () => {
    expect(decide([declared('MIT'), file('LICENSE', 'MIT AND Apache-2.0')])).toMatchObject({ expression: 'MIT AND Apache-2.0', mismatches: [{ found: 'MIT AND Apache-2.0' }] });
    expect(decide([declared('MIT'), file('LICENSE', 'MIT AND Apache-2.0')]).mismatches[0]).not.toHaveProperty('how');
  });

  it('declared MIT, file PPL: both apply, with the mismatch reported', () => {
    expect(decide([declared('MIT'), file('LICENSE', 'PPL')])).toMatchObject({ expression: 'MIT AND PPL', mismatches: [{ found: 'PPL' }] });
  });
});

describe('pointers: the files decide', () => {
  it.each(['SEE LICENSE IN LICENSE.md', 'see LICENSE.md', 'MIT-style'])('"%s" with an MIT file is MIT', (value) => {
    expect(decide([declared(value, null), file('LICENSE.md', 'MIT')])).toEqual({ expression: 'MIT', unknown: [], mismatches: [] });
  });

  it('a pointer with no file is unknown, and says why', () => {
    expect(decide([declared('See LICENSE file', null)]).unknown).toEqual([expect.stringContaining('points at a licence file, and the package ships none')]);
  });

  it('a declaration nobody can read stays unknown whatever the files say', () => {
    expect(decide([declared('Foo Licence', null), file('LICENSE', 'MIT')]).unknown).toEqual([expect.stringContaining('"Foo Licence" is not one copyfair can read')]);
  });
});

describe('UNLICENSED', () => {
  const unlicensed = declared('UNLICENSED', 'LicenseRef-copyfair-unlicensed');

  it('with no licence text: no licence granted', () => {
    expect(decide([unlicensed])).toEqual({ expression: 'LicenseRef-copyfair-unlicensed', unknown: [], mismatches: [] });
  });

  it('beside a file that grants a licence: a person must check which holds', () => {
    const decision = decide([unlicensed, file('LICENSE', 'MIT')]);
    expect(decision.expression).toBe('LicenseRef-copyfair-unlicensed AND MIT');
    expect(decision.unknown).toEqual([expect.stringContaining('declares "UNLICENSED" (no licence granted) but LICENSE grants MIT')]);
  });

  it('a clarification settles it', () => {
    expect(decide([unlicensed, { kind: 'clarification', expression: 'MIT', location: { file: 'copyfair.yaml', line: 4 } }]).expression).toBe('MIT');
  });
});

describe('a README License section, read when no licence file ships', () => {
  it('agrees or adds, like a file', () => {
    expect(decide([declared('MIT'), file('README.md', 'MIT', { readme: true })])).toEqual({ expression: 'MIT', unknown: [], mismatches: [] });
    expect(decide([file('README.md', 'ISC', { readme: true })]).expression).toBe('ISC');
  });

  it('a section that names no licence is no evidence; one with terms of its own keeps it unknown', () => {
    expect(decide([declared('MIT'), file('README.md', null, { readme: true })])).toEqual({ expression: 'MIT', unknown: [], mismatches: [] });
    expect(decide([declared('MIT'), file('README.md', null, { readme: true, restrictive: true })]).unknown).toHaveLength(1);
    expect(decide([file('README.md', null, { readme: true })]).unknown).toEqual(['no licence is declared and no licence file was found']);
  });

  it('finds the section under ATX and setext headings, up to the next heading of its level', () => {
    expect(licenceSection('# x\n\n## Usage\n\nfoo\n\n## License\n\nMIT © Jane\n\n### Notes\n\nmore\n\n## Next\n\nbar')).toEqual({ text: 'MIT © Jane\n\n### Notes\n\nmore', line: 9 });
    expect(licenceSection('x\n=\n\nLicence\n-------\n\nISC\n')).toEqual({ text: 'ISC', line: 7 });
    expect(licenceSection('# Copyright and License\n\nBSD')).toEqual({ text: 'BSD', line: 3 });
    expect(licenceSection('# x\n\nno section here, license mentioned in passing')).toBeNull();
  });

  it('opens at a heading that names the licence, the name on the heading\'s line (imurmurhash, jest-pnp-resolver)', () => {
    expect(licenceSection('x\n\n## License (MIT)\n\n© Jane\n')).toEqual({ text: 'MIT\n\n© Jane', line: 3 });
    expect(licenceSection('x\n\nLicense (MIT)\n-------------\nCopyright (c) 2013 Gary Court\n')).toEqual({ text: 'MIT\n\nCopyright (c) 2013 Gary Court', line: 3 });
    expect(licenceSection('x\n\n## License: ISC\n\nSee the file.\n')).toEqual({ text: 'ISC\n\nSee the file.', line: 3 });
    expect(licenceSection('x\n\n## License – Apache-2.0\n\n© Acme\n')?.text).toBe('Apache-2.0\n\n© Acme');
    // Not a licence heading: the words after "License" must be a short name.
    expect(licenceSection('x\n\n## Licensing: see below for the long story about everything\n\ntext\n')).toBeNull();
    expect(licenceSection('x\n\n## MIT License\n\ntext\n')).toBeNull();
  });

  // type-fest 2.19.0 ships no licence file; its README's License section ends with Tidelift's
  // promotion of paid support, whose "subscription" and "companies" read as terms: it was unknown.
  const typeFest = [
    '## License',
    '',
    'SPDX-License-Identifier: (MIT OR CC0-1.0)',
    '',
    '---',
    '',
    '<div align="center">',
    '\t<b>',
    '\t\t<a href="https://tidelift.com/subscription/pkg/npm-type-fest?utm_source=npm-type-fest&utm_medium=referral&utm_campaign=readme">Get professional support for this package with a Tidelift subscription</a>',
    '\t</b>',
    '\t<br>',
    '\t<sub>',
    '\t\tTidelift helps make open source sustainable for maintainers while giving companies<br>assurances about security, maintenance, and licensing for their dependencies.',
    '\t</sub>',
    '</div>',
  ].join('\n');

  it("leaves out Tidelift's promotion of its support, line by line, and nothing else", async () => {
    const { identifyLicenceText } = await import('../../src/identify/identify-file.js');
    const section = licenceSection(typeFest)!;
    expect(section.text).not.toContain('Tidelift');
    expect(section.text.split('\n')).toHaveLength(typeFest.split('\n').length - 2);
    expect(identifyLicenceText('readme.md', typeFest).expression).toBe('MIT OR CC0-1.0');
    // A line that says more than the promotion is read: here, a term of its own.
    const term = typeFest.replace('for their dependencies.', 'for their dependencies. Companies need a Tidelift subscription to use this package.');
    expect(licenceSection(term)!.text).toContain('Tidelift');
    expect(identifyLicenceText('readme.md', term).expression).toBeNull();
  }, 120_000);
});

describe('what is a licence text', () => {
  it.each(['LICENSE', 'LICENSE.md', 'LICENCE.txt', 'LICENSE-MIT', 'LICENSE.APACHE2', 'COPYING', 'UNLICENSE', 'license.html', 'LICENSE.pl', 'EULA.md', 'eula.txt', 'EULA.pdf', 'TERMS-OF-USE.md', 'terms_of_service.txt', 'End-User-License-Agreement.md', 'TERMS_AND_CONDITIONS'])('%s is', (name) => {
    expect(isLicenceText(name)).toBe(true);
  });
  it.each(['LICENSE-3rdparty.csv', 'license.js', 'licenses.json', 'LICENSE.yml', 'license.svg', 'NOTICE', 'README.md', 'license_test.go', 'license.rs', 'License.java', 'licence.c', 'LICENSE.h', 'TERMS.md', 'eula.js', 'terms-of-use.json'])('%s is not', (name) => {
    expect(isLicenceText(name)).toBe(false);
  });
});

describe('a file that makes a declared licence precise', () => {
  it('a variant replaces the declared licence outside a choice too (uri-js: BSD-2-Clause, file BSD-2-Clause-Views)', () => {
    expect(decide([declared('BSD-2-Clause'), file('LICENSE', 'BSD-2-Clause-Views')])).toMatchObject({ expression: 'BSD-2-Clause-Views', mismatches: [{ how: 'branch' }] });
  });

  it('the version of a family declared without one (url-template: "BSD", LICENSE is BSD-3-Clause), without a mismatch', () => {
    expect(decide([declared('BSD', 'LicenseRef-copyfair-family-BSD'), file('LICENSE', 'BSD-3-Clause')])).toEqual({ expression: 'BSD-3-Clause', unknown: [], mismatches: [] });
  });

  it('a licence that is no version of the family is still ANDed', () => {
    expect(decide([declared('BSD', 'LicenseRef-copyfair-family-BSD'), file('LICENSE', 'MIT')]).expression).toBe('LicenseRef-copyfair-family-BSD AND MIT');
  });

  it('only one declared licence is replaced, and never one with an exception', () => {
    expect(decide([declared('GPL-2.0-only WITH Classpath-exception-2.0'), file('LICENSE', 'GPL-2.0-only')]).expression).toBe('GPL-2.0-only WITH Classpath-exception-2.0');
  });
});

describe("a bundler's licence file (rollup's and vite's LICENSE.md)", async () => {
  const { identifyLicenceText } = await import('../../src/identify/identify-file.js');
  // Running from source, the first identification compiles the known texts: not part of a test's time.
  beforeAll(() => void identifyLicenceText('LICENSE', 'warm-up'), 120_000);
  const texts = (await import('spdx-license-list/full.js')).default as Record<string, { licenseText: string }>;
  const quote = (text: string) => text.split('\n').map((line) => `> ${line}`.trimEnd()).join('\n');
  const mit = texts.MIT!.licenseText.replace('<year> <copyright holders>', '2024 Acme');
  const bundle = (blocks: string) =>
    `# Acme core license\nAcme is released under the MIT license:\n\n${mit}\n\n# Licenses of bundled dependencies\nThe published artifact additionally contains code with the following licenses:\nISC, MIT\n\n# Bundled dependencies:\n${blocks}`;
  const block = (name: string, licence: string, quoted: string) => `## ${name}\nLicense: ${licence}\nBy: Someone\nRepository: x\n\n${quote(quoted)}\n\n---------------------------------------\n\n`;

  it('the own licence AND every bundled one, each quoted text checked against its License line', () => {
    const text = bundle(block('tiny', 'MIT', mit) + block('small', 'ISC', 'Copyright (c) 2019 Small Contributors') + '# License texts\n## ISC\n\n' + quote(texts.ISC!.licenseText) + '\n');
    expect(identifyLicenceText('LICENSE.md', text).expression).toBe('MIT AND ISC');
    // License lines are read like declared strings: rollup writes "Apache-2.0/MIT".
    expect(identifyLicenceText('LICENSE.md', bundle(block('dual', 'Apache-2.0/MIT', 'Copyright Dual'))).expression).toBe('MIT AND (Apache-2.0 OR MIT)');
  });

  it('a quoted text that adds terms, or a License line that is not SPDX, leaves it unknown', () => {
    expect(identifyLicenceText('LICENSE.md', bundle(block('evil', 'MIT', `${mit}\n\nThe Software shall not be used for military purposes, and you may not sell it.`))).expression).toBeNull();
    expect(identifyLicenceText('LICENSE.md', bundle(block('odd', 'Custom: see website', 'Copyright Odd')))).toMatchObject({ expression: null });
  });

  it('a description that speaks of neither use nor rights leaves out no one; one that does is judged as terms', () => {
    const described = (description: string) => bundle(`## common-path-prefix@v3.0.0\n\n> ${description}\n\nLicense: ISC\nRepository: x\n\n${quote(texts.ISC!.licenseText)}\n\n---------------------------------------\n\n`);
    expect(identifyLicenceText('LICENSE.md', described('Computes the longest prefix string that is common to each path, excluding the base component')).expression).toBe('MIT AND ISC');
    expect(identifyLicenceText('LICENSE.md', described('A path helper, free for everyone excluding Amazon')).expression).toBeNull();
    expect(identifyLicenceText('LICENSE.md', described('A path helper. Not for commercial use')).expression).toBeNull();
  });

  it('a heading that is a package name and version is a name, whatever its words ("editorconfig-without-wasm@v0.2.1")', () => {
    const named = (heading: string) => bundle(block(heading, 'MIT', mit));
    expect(identifyLicenceText('LICENSE.md', named('editorconfig-without-wasm@v0.2.1')).expression).toBe('MIT');
    expect(identifyLicenceText('LICENSE.md', named('@scope/no-commercial-use@1.2.3')).expression).toBe('MIT');
    // Words beside a name are still read.
    expect(identifyLicenceText('LICENSE.md', named('acorn@8.0.0 (not for commercial use)')).expression).toBeNull();
  });

  it('a "Contributors:" list is names, not words of the licence’s text', () => {
    const listed = bundle(`## tiny@v1.0.0\n\nLicense: MIT\nRepository: x\nContributors:\n - Military Grade Widgets Ltd (https://example.org)\n - Jordan Tucker\n\n${quote(mit)}\n\n---------------------------------------\n\n`);
    expect(identifyLicenceText('LICENSE.md', listed).expression).toBe('MIT');
    // The same words in the text itself are read.
    expect(identifyLicenceText('LICENSE.md', listed.replace('Contributors:\n - Military', '\n> Not for Military')).expression).toBeNull();
  });

  it("a section whose words offer either of two licences, the one's notice below (DOMPurify in CesiumJS's LICENSE.md): their OR, not their AND", () => {
    const apache = 'Licensed under the Apache License, Version 2.0 (the "License");\nyou may not use this file except in compliance with the License.\nYou may obtain a copy of the License at\n\nhttp://www.apache.org/licenses/LICENSE-2.0\n\nUnless required by applicable law or agreed to in writing, software\ndistributed under the License is distributed on an "AS IS" BASIS,\nWITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.\nSee the License for the specific language governing permissions and\nlimitations under the License.\n';
    const offer = 'DOMPurify\nCopyright 2015 Mario Heiderich\n\nDOMPurify is free software; you can redistribute it and/or modify it under the\nterms of either:\n\na) the Apache License Version 2.0, or\nb) the Mozilla Public License Version 2.0\n\n';
    const cesium = (section: string) => `Copyright 2011-2024 CesiumJS Contributors\n\n${apache}\n# Third-Party Code\n\nCesiumJS includes the following third-party code.\n\n### zip.js\n\nhttps://github.com/gildas-lormeau/zip.js\n\n${quote(texts.ISC!.licenseText)}\n\n### DOMPurify\n\nhttps://github.com/cure53/DOMPurify\n\n${quote(section)}\n`;
    expect(identifyLicenceText('LICENSE.md', cesium(offer + apache)).expression).toBe('Apache-2.0 AND ISC AND (Apache-2.0 OR MPL-2.0)');
    // No offer ("terms of both"), or a third licence named: all apply.
    expect(identifyLicenceText('LICENSE.md', cesium(offer.replace('terms of either', 'terms of both') + apache)).expression).not.toContain(' OR ');
    expect(identifyLicenceText('LICENSE.md', cesium(`${offer}${apache}\nThe parser is licensed under the ISC License.\n`)).expression ?? '').not.toContain(' OR ');
  });

  it('a quoted text naming a licence its License line does not is ANDed too', () => {
    expect(identifyLicenceText('LICENSE.md', bundle(block('liar', 'MIT', texts['Apache-2.0']!.licenseText))).expression).toBe('MIT AND Apache-2.0');
  });
});

describe('an SBOM or terms-file claim is read against the files like a declaration', () => {
  it('SBOM "MIT OR PPL" with LICENSE-MIT and LICENSE-PPL stays a choice', () => {
    const sbom: Evidence = { kind: 'sbom', expression: 'MIT OR PPL', location: { file: 'bom.cdx.json' } };
    expect(decide([sbom, file('LICENSE-MIT', 'MIT'), file('LICENSE-PPL', 'PPL')])).toEqual({ expression: 'MIT OR PPL', unknown: [], mismatches: [] });
  });
});
