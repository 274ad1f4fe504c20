// Notices instead of texts (issue 8): each notice form a real package ships in place of a licence
// text, read through identifyText as scan and identify do; and the safety rules — a notice never
// hides a restriction, disagreeing rules decide nothing, an invalid SPDX line is never guessed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { identifyNotices, identifyReadmeSection, identifyText, README_CONFIDENCE } from '../../src/identify/index.js';
import { identifyLicenceText } from '../../src/identify/identify-file.js';
import { indexRules, loadNoticeIndex, type NoticeRule } from '../../src/identify/notice-rules.js';
import { normalise } from '../../src/identify/normalise.js';
import { textOf } from './scenarios.js';

const text = (name: string) => readFileSync(new URL(`../../fixtures/notices/texts/${name}`, import.meta.url), 'utf8');

describe('notice forms → an expression', () => {
  it.each([
    ['apache-notice.txt', 'Apache-2.0'],
    ['gpl-2.0-or-later-notice.txt', 'GPL-2.0-or-later'],
    ['gpl-2.0-only-notice.txt', 'GPL-2.0-only'],
    ['lgpl-3.0-or-later-notice.txt', 'LGPL-3.0-or-later'],
    ['agpl-3.0-only-reference.txt', 'AGPL-3.0-only'],
    ['mpl-header.txt', 'MPL-2.0'],
    ['mit-released.txt', 'MIT'],
    ['isc-terms.txt', 'ISC'],
    ['spdx-identifier.txt', 'MIT OR Apache-2.0'],
  ])('%s → %s', (name, expression) => {
    const result = identifyText(text(name));
    expect(result.expression).toBe(expression);
    expect(result.matches.every((match) => match.via !== undefined && match.confidence === 1)).toBe(true);
  });

  it('"any later version" widens the version the notice names; no later-version grant stays -only', () => {
    expect(identifyText('Licensed under the GNU General Public License v3.0 or later.').expression).toBe('GPL-3.0-or-later');
    expect(identifyText('Licensed under the GNU General Public License version 3.').expression).toBe('GPL-3.0-only');
    expect(identifyText('This library is licensed under the GNU GPL v2 only.').expression).toBe('GPL-2.0-only');
  });

  it("libgfortran's notice: the GPL grant, its warranty paragraph and the GCC exception's paragraph are one licence with its exception", () => {
    const notice = [
      'Libgfortran is free software; you can redistribute it and/or modify',
      'it under the terms of the GNU General Public License as published by',
      'the Free Software Foundation; either version 3, or (at your option)',
      'any later version.',
      '',
      'Libgfortran is distributed in the hope that it will be useful,',
      'but WITHOUT ANY WARRANTY; without even the implied warranty of',
      'MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the',
      'GNU General Public License for more details.',
      '',
      'Under Section 7 of GPL version 3, you are granted additional',
      'permissions described in the GCC Runtime Library Exception, version',
      '3.1, as published by the Free Software Foundation.',
      '',
      'You should have received a copy of the GNU General Public License and',
      'a copy of the GCC Runtime Library Exception along with this program;',
      'see the files COPYING3 and COPYING.RUNTIME respectively.  If not, see',
      '<http://www.gnu.org/licenses/>.',
    ].join('\n');
    expect(identifyText(notice).expression).toBe('GPL-3.0-or-later WITH GCC-exception-3.1');
    // Without the exception's paragraph, the grant alone; the warranty paragraph alone grants no version.
    expect(identifyText(notice.replace(/Under Section 7[\s\S]*$/, '')).expression).toBe('GPL-3.0-or-later');
    expect(identifyText(notice.split('\n\n')[1]!).expression).toBe('GPL-1.0-or-later');
    // The exception's notice first, the grant after: not one amended grant, both apply.
    const [grant, warranty, exception, copy] = notice.split('\n\n');
    expect(identifyText([exception, copy, grant, warranty].join('\n\n')).expression).toMatch(/ AND /);
  });

  it("Rust's README notice: either licence at your option, its links and its contribution clause (oxiri, security-framework-sys)", () => {
    const oxiri = [
      'This project is licensed under either of',
      '',
      ' * Apache License, Version 2.0, ([LICENSE-APACHE](LICENSE-APACHE) or',
      '   `<http://www.apache.org/licenses/LICENSE-2.0>`)',
      ' * MIT license ([LICENSE-MIT](LICENSE-MIT) or',
      '   `<http://opensource.org/licenses/MIT>`)',
      '   ',
      'at your option.',
      '',
      '',
      '### Contribution',
      '',
      'Unless you explicitly state otherwise, any contribution intentionally submitted for inclusion in OxIRI by you, as defined in the Apache-2.0 license, shall be dual licensed as above, without any additional terms or conditions.',
    ].join('\n');
    // Was "Apache-2.0 AND MIT" without the clause, unknown with it ("unless", "shall", "conditions").
    expect(identifyText(oxiri).expression).toBe('Apache-2.0 OR MIT');
    // The clause names no licence: "as defined in the Apache-2.0 license" no longer adds "AND Apache-2.0".
    expect(identifyText(`Licensed under the MIT license.\n\n${oxiri.split('\n').at(-1)}`).expression).toBe('MIT');
    // A term written into the clause, "and" between the licences, or no choice offered: no OR.
    expect(identifyText(oxiri.replace('without any additional terms or conditions.', 'but may not be used commercially.')).expression).toBeNull();
    expect(identifyText(oxiri.replace('`<http://www.apache.org/licenses/LICENSE-2.0>`)', '`<http://www.apache.org/licenses/LICENSE-2.0>`) and')).expression).toBe('Apache-2.0 AND MIT');
    expect(identifyText(oxiri.replace('This project is licensed under either of', 'This project is licensed under').replace('at your option.', '')).expression).toBe('Apache-2.0 AND MIT');
  });

  it('"dual licensed under A and B": the two of a dual licence, joined by "and"; a restriction or another licence beside them still counts', () => {
    const dual = 'This project is dual licensed under the Apache License, Version 2.0 and\nMIT license.';
    expect(identifyText(dual).expression).toBe('Apache-2.0 OR MIT');
    // Without "dual", "and" joins licences that all apply.
    expect(identifyText(dual.replace('dual licensed', 'licensed')).expression).toBe('Apache-2.0 AND MIT');
    expect(identifyText('This software is dual licensed under the MIT license and the GPL.').expression).toBeNull();
    // Who keeps the copyright in contributions says nothing of the licence; a term beside it does.
    const anes = `${dual}\n\nCopyrights in the ANES project are retained by their contributors. No\ncopyright assignment is required to contribute to the ANES project.`;
    expect(identifyText(anes).expression).toBe('Apache-2.0 OR MIT');
    expect(identifyText(`${anes} You may not sell it.`).expression).toBeNull();
  });

  it("rpc-websockets' LICENSE (under @solana/web3.js): the LGPLv3 notice, and a Pro edition's commercial licence offered beside it", () => {
    const rpc = [
      'Copyright (c) Elpheria j.d.o.o.', '',
      'rpc-websockets is an Open Source project licensed under the terms of', 'the LGPLv3 license. Please see <https://www.gnu.org/licenses/lgpl-3.0.html>', 'for license text.', '',
      'rpc-websockets Pro has a commercial-friendly license allowing private forks', 'and modifications of rpc-websockets.', 'Please see https://www.elpheria.com/products/rpc-websockets-pro.html', 'or email us at info@elpheria.com for more detail.', '',
    ].join('\n');
    const read = identifyText(rpc);
    expect(read.expression).toBe('LGPL-3.0-only OR LicenseRef-scancode-commercial-license');
    expect(read.matches.map((match) => [match.id, match.start, match.end])).toEqual([['LGPL-3.0-only', 3, 5], ['LicenseRef-scancode-commercial-license', 7, 10]]);
    // The offer beside a permissive notice is no dual licence: unknown, for a person to read.
    expect(identifyText(rpc.replace('the LGPLv3 license. Please see <https://www.gnu.org/licenses/lgpl-3.0.html>', 'the MIT license. Please see <https://opensource.org/licenses/MIT>')).expression).toBeNull();
    // Something else beside the offer that restricts keeps it unknown.
    expect(identifyText(rpc.replace('for more detail.', 'for more detail. Commercial use of the free edition is prohibited.')).expression).toBeNull();
    // Without the offer: the LGPL notice alone.
    expect(identifyText(rpc.slice(0, rpc.indexOf('rpc-websockets Pro'))).expression).toBe('LGPL-3.0-only');
  });

  it("telnet-client's LICENSE: the same LGPLv3 notice, and \"the purchase of a commercial-friendly license\" offered beside it", () => {
    const telnet = [
      'Copyright (c) Mario Kozjak, kozjakm1@gmail.com', '',
      'node-telnet-client is an Open Source project licensed under the terms of', 'the LGPLv3 license. Please see <https://www.gnu.org/licenses/lgpl-3.0.html>', 'for license text.', '',
      'For more info on the purchase of a commercial-friendly license allowing private forks', 'and modifications of node-telnet-client, please contact me at kozjakm1@gmail.com.', '',
    ].join('\n');
    expect(identifyText(telnet).expression).toBe('LGPL-3.0-only OR LicenseRef-scancode-commercial-license');
    // A restriction beside the offer, or the offer beside a permissive notice: unknown.
    expect(identifyText(telnet.replace('please contact me', 'not for use by banks; please contact me')).expression).toBeNull();
    expect(identifyText(telnet.replace('the LGPLv3 license. Please see <https://www.gnu.org/licenses/lgpl-3.0.html>', 'the MIT license. Please see <https://opensource.org/licenses/MIT>')).expression).toBeNull();
  });

  it("vis.js's LICENSE.md: \"dual-licensed under [Apache-2.0](…) and [MIT](…)\", a choice, and the SPDX line quoted as code restating it", () => {
    // vis-timeline, vis-network, vis-data, vis-util 2017–2025 ship it, with the two texts beside it.
    const vis = [
      '# License', '', 'Copyright (c) 2014-2017 Almende B.V. and contributors', 'Copyright (c) 2017-2019 vis.js contributors', '',
      'This work is dual-licensed under [Apache-2.0](./LICENSE.Apache-2.0.txt) and [MIT](./LICENSE.MIT.txt).', 'You can choose between one of them if you use this work.', '',
      '`SPDX-License-Identifier: Apache-2.0 OR MIT`', '',
    ].join('\n');
    const read = identifyText(vis);
    expect(read.expression).toBe('Apache-2.0 OR MIT');
    expect(read.matches.map((match) => match.id)).toEqual(['Apache-2.0', 'MIT', 'Apache-2.0 OR MIT']);
    // The SPDX line alone, quoted as code or as a string: its closing backtick or quote is no part of it.
    expect(identifyText('`SPDX-License-Identifier: MIT`').expression).toBe('MIT');
    expect(identifyText('"SPDX-License-Identifier: Apache-2.0 OR MIT",').expression).toBe('Apache-2.0 OR MIT');
    // Without the SPDX line: the choice the words offer.
    expect(identifyText(vis.replace('`SPDX-License-Identifier: Apache-2.0 OR MIT`', '')).expression).toBe('Apache-2.0 OR MIT');
    // Without words that offer a choice, the two apply and the SPDX line's OR is one more licence.
    const both = vis.replace('dual-licensed', 'licensed').replace('You can choose between one of them if you use this work.', '');
    expect(identifyText(both).expression).toBe('Apache-2.0 AND MIT AND (Apache-2.0 OR MIT)');
    // An SPDX line offering a licence the words do not name restates nothing: all apply.
    const three = identifyText(vis.replace('Apache-2.0 OR MIT`', 'Apache-2.0 OR MIT OR GPL-3.0-only`')).expression;
    expect(three === null || three.includes(' AND ')).toBe(true);
    // A restriction beside the choice still counts.
    expect(identifyText(`${vis}\nNot for use in weapons systems.`).expression).toBeNull();
  });

  it("md5's LICENSE.md: \"dual licensed under … the Apache License, Version 2.0, and the MIT License\", where to get them, then both notices", () => {
    const md5 = [
      '# License', '', 'The project is dual licensed under the terms of the Apache License, Version 2.0,', 'and the MIT License. You may obtain copies of the two licenses at', '',
      '* https://www.apache.org/licenses/LICENSE-2.0 and', '* https://opensource.org/licenses/MIT, respectively.', '', 'The following two notices apply to every file of the project.', '',
      '## The Apache License', '', '```', 'Copyright 2015–2019 The md5 Developers', '',
      'Licensed under the Apache License, Version 2.0 (the “License”); you may not use', 'this file except in compliance with the License. You may obtain a copy of the', 'License at', '', '    http://www.apache.org/licenses/LICENSE-2.0', '',
      'Unless required by applicable law or agreed to in writing, software distributed', 'under the License is distributed on an “AS IS” BASIS, WITHOUT WARRANTIES OR', 'CONDITIONS OF ANY KIND, either express or implied. See the License for the', 'specific language governing permissions and limitations under the License.', '```', '',
      '## The MIT License', '', '```', 'Copyright 2015–2019 The md5 Developers', '', textOf('MIT'), '```',
    ].join('\n');
    expect(identifyText(md5).expression).toBe('Apache-2.0 OR MIT');
    expect(identifyText(md5.replace('apply to every file of the project.', 'apply to every file of the project, for non-profit use.')).expression).toBeNull();
  });

  it('amqplib: "A copy may be found in the file LICENSE-MIT in this directory, or downloaded from …" says where the text is; a term beside it still counts', () => {
    const amqplib = 'amqplib copyright (c) 2013, 2014\n                      Michael Bridgen <mikeb@squaremobius.net>\n\nThis package, "amqplib", is licensed under the MIT License. A copy may\nbe found in the file LICENSE-MIT in this directory, or downloaded from\nhttp://opensource.org/licenses/MIT.\n';
    expect(identifyText(amqplib).expression).toBe('MIT');
    expect(identifyText(amqplib.replace('http://opensource.org/licenses/MIT.', 'http://opensource.org/licenses/MIT. It may not be used by banks.')).expression).toBeNull();
    expect(identifyText(amqplib.replace('A copy may\nbe found in the file LICENSE-MIT in this directory, or downloaded from', 'Copies may be sold by Acme only, or downloaded from')).expression).toBeNull();
  });

  it('DOMPurify: "under the terms of either: a) the Apache License Version 2.0, or b) the Mozilla Public License Version 2.0" is a choice of the two', () => {
    const dompurify = 'DOMPurify\nCopyright 2015 Mario Heiderich\n\nDOMPurify is free software; you can redistribute it and/or modify it under the\nterms of either:\n\na) the Apache License Version 2.0, or\nb) the Mozilla Public License Version 2.0\n';
    expect(identifyText(dompurify).expression).toBe('Apache-2.0 OR MPL-2.0');
    expect(identifyText('Foo is free software; you can redistribute it and/or modify it under the terms of either the Apache License Version 2.0, or the Mozilla Public License Version 2.0\n').expression).toBe('Apache-2.0 OR MPL-2.0');
    // "and" between them offers no choice; a term beside them still counts; a third licence
    // after them (Perl's "either: a) the GPL, or b) the Artistic License" among others) applies.
    expect(identifyText(dompurify.replace('Version 2.0, or\n', 'Version 2.0, and\n')).expression).not.toContain(' OR ');
    expect(identifyText(dompurify.replace('Public License Version 2.0\n', 'Public License Version 2.0, for non-commercial use only\n')).expression).not.toBe('Apache-2.0 OR MPL-2.0');
    expect(identifyText(`${dompurify}\nThe parser in src/parser is licensed under the GNU General Public License version 3.\n`).expression).not.toContain(' OR MPL-2.0');
  });

  it('"under the terms of EITHER the GNU General Public License version 2 or the BSD license below", above a BSD text: the notice or the text', () => {
    const bsd = `Copyright (c) 2010 Jane Doe\n\n${textOf('BSD-2-Clause')}`;
    const either = 'This program is free software; you can redistribute it and/or modify it under the terms of EITHER the GNU General Public License version 2 or the BSD license below.';
    expect(identifyText(`${either}\n\n${bsd}`).expression).toBe('GPL-2.0-only OR BSD-2-Clause');
    expect(identifyText(`${bsd}\n\n${either.replace('below', 'above')}`).expression).toBe('BSD-2-Clause OR GPL-2.0-only');
    // Without "either … or the license below" it is no choice; a term beside it still
    // counts; with two texts, which is "the license below" is a person's to read.
    expect(identifyText(`${either.replace('EITHER ', '').replace(' or the BSD license below', '')}\n\n${bsd}`).expression ?? '').not.toContain(' OR ');
    expect(identifyText(`${either.replace('below.', 'below, for non-commercial use only.')}\n\n${bsd}`).expression).toBeNull();
    expect(identifyText(`${either}\n\n${bsd}\n\n${textOf('MIT')}`).expression).not.toBe('GPL-2.0-only OR BSD-2-Clause OR MIT');
  });

  it("CC0's notice by one author (\"the author has dedicated\", NumPy's splitmix64) is CC0's notice; a term beside it still counts", () => {
    const splitmix = '# SPLITMIX64\n\nWritten in 2015 by Sebastiano Vigna (vigna@acm.org)\n\nTo the extent possible under law, the author has dedicated all copyright\nand related and neighboring rights to this software to the public domain\nworldwide. This software is distributed without any warranty.\n\nSee <http://creativecommons.org/publicdomain/zero/1.0/>.';
    const read = identifyText(splitmix);
    expect(read.expression).toBe('CC0-1.0');
    expect(read.matches.map((match) => [match.start, match.end])).toEqual([[5, 7]]);
    expect(identifyText(splitmix.replace('without any warranty.', 'without any warranty, and may not be used by banks.')).expression).toBeNull();
    // "Written by" names an author; "written permission" is still a term.
    expect(identifyText(splitmix.replace('Written in 2015 by Sebastiano Vigna', 'Use needs written permission from Sebastiano Vigna')).expression).toBeNull();
  });

  it('web3.js: the LGPL notice with the program\'s name in its last sentence ("along with web3.js. If not, see …")', () => {
    const web3 = 'This file is part of web3.js.\n\nweb3.js is free software: you can redistribute it and/or modify\nit under the terms of the GNU Lesser General Public License as published by\nthe Free Software Foundation, either version 3 of the License, or\n(at your option) any later version.\n\nweb3.js is distributed in the hope that it will be useful,\nbut WITHOUT ANY WARRANTY; without even the implied warranty of\nMERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the\nGNU Lesser General Public License for more details.\n\nYou should have received a copy of the GNU Lesser General Public License\nalong with web3.js.  If not, see <http://www.gnu.org/licenses/>.\n';
    expect(identifyText(web3).expression).toBe('LGPL-3.0-or-later');
    expect(identifyText(web3.replace('along with web3.js.  If not', 'along with web3.js, but not for banks. If not')).expression).toBeNull();
  });

  it('video.js: the Apache notice, then a trademark notice, which says whose the name is and counts towards no limit; a term in it still counts', () => {
    const videojs = readFileSync('fixtures/identify/videojs-trademark.txt', 'utf8');
    expect(identifyText(videojs).expression).toBe('Apache-2.0');
    expect(identifyText(videojs.replace('Steering Committee.', 'Steering Committee. It may not be used by banks.')).expression).toBeNull();
    // The same words without the heading are a description too long to pass for a notice's.
    expect(identifyText(videojs.replace('Trademark Notice:\n', '')).expression).toBeNull();
  });

  it("Apache's header adapted to \"this library\" (cluster-key-slot) is the header; another object of \"may not use\" is not", () => {
    const header = (object: string) => `Copyright (c) 2018 Mike Diarmid\n\nLicensed under the Apache License, Version 2.0 (the "License");\nyou may not use ${object} except in compliance with the License.\nYou may obtain a copy of the License at\n\n    http://www.apache.org/licenses/LICENSE-2.0\n\nUnless required by applicable law or agreed to in writing, software\ndistributed under the License is distributed on an "AS IS" BASIS,\nWITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.\nSee the License for the specific language governing permissions and\nlimitations under the License.\n`;
    expect(identifyText(header('this library')).expression).toBe('Apache-2.0');
    expect(identifyText(header('this library for military purposes or')).expression).toBeNull();
  });

  it('a short tag alone is the licence; a bare SPDX id too', () => {
    expect(identifyText('License: MIT\n').expression).toBe('MIT');
    expect(identifyText('BSD-3-Clause\n').expression).toBe('BSD-3-Clause');
  });

  it('says how the licence was named and by which rule', () => {
    const [match] = identifyText(text('apache-notice.txt')).matches;
    expect(match).toMatchObject({ id: 'Apache-2.0', via: 'notice', start: 3, end: 13 });
    expect(match!.rule).toMatch(/^apache-2\.0_/);
    expect(identifyText(text('spdx-identifier.txt')).matches[0]).toMatchObject({ via: 'identifier', start: 2, end: 2 });
  });

  it('a tag or reference holding the only notice of its licence whole states that licence; beside a notice of its own it is a mention', () => {
    // Each was unknown, no licence named: the longer hit, made a mention of the notice it holds,
    // was the one kept (Font Awesome 5's "Code:" line; .NET's and zypper's headers).
    expect(identifyText('# Code: MIT License (https://opensource.org/licenses/MIT)\nCopyright (c) 2024 Acme\n').expression).toBe('MIT');
    expect(identifyText('// Copyright (c) .NET Foundation. All rights reserved.\n// Licensed under the Apache License, Version 2.0. See License.txt in the project root for license information.\n').expression).toBe('Apache-2.0');
    expect(identifyText('About: License\n  This file is licensed under the GPLv2+, like the rest of Zypper.\n').expression).toBe('GPL-2.0-or-later');
    // The Debian pointer below a GPL notice names the licence the notice states: a mention.
    const debian = `${text('gpl-2.0-or-later-notice.txt')}\nOn Debian systems, the complete text of the GNU General Public License can be found in /usr/share/common-licenses/GPL-2.\n`;
    expect(identifyText(debian).expression).toBe('GPL-2.0-or-later');
  });

  it('the Apache notice broken by a Markdown link is still the notice (its own words)', () => {
    const broken = text('apache-notice.txt').replace('You may obtain a copy of the License at\n\n    http://www.apache.org/licenses/LICENSE-2.0', 'You may obtain a copy of the License\n[here](http://www.apache.org/licenses/LICENSE-2.0).');
    expect(identifyText(broken).expression).toBe('Apache-2.0');
  });
});

describe("a project's parts, each with its licence", () => {
  it('a line labelling a part with a licence id alone ("Code: MIT" above "Docs: CC-BY-4.0") declares that part\'s licence; both apply', () => {
    expect(identifyText('Code: MIT\nDocs: CC-BY-4.0\n').expression).toBe('MIT AND CC-BY-4.0');
    expect(identifyText('Source code - MIT\nArtwork - CC-BY-SA-4.0\n').expression).toBe('MIT AND CC-BY-SA-4.0');
    expect(identifyText('Code: ISC\nDocumentation: CC-BY-NC-4.0\n').expression).toBe('ISC AND CC-BY-NC-4.0');
    // The name must end the line the label begins: a short name in running text is none.
    expect(identifyText('Docs: CC-BY-4.0\nThe code MIT students wrote is here.\n').expression ?? '').not.toContain('MIT');
    expect(identifyText('Docs: CC-BY-4.0\nThanks to our code MIT\n').expression ?? '').not.toContain('MIT');
  });

  it("@react-native-firebase's LICENSE: Apache-2.0 for the code, CC-BY-3.0 for the documentation, each with where to get it", () => {
    const firebase = readFileSync('fixtures/identify/react-native-firebase-LICENSE', 'utf8');
    const read = identifyText(firebase);
    expect(read.expression).toBe('Apache-2.0 AND CC-BY-3.0');
    expect(read.unexplained).toBeUndefined();
    // A term beside the parts' statements still counts.
    expect(identifyText(firebase.replace('as above.', 'as above, for non-commercial use only.')).expression).not.toBe('Apache-2.0 AND CC-BY-3.0');
    expect(identifyText(firebase.replace('as above.', 'as above, except for banks.')).expression).toBeNull();
    expect(identifyText(firebase.replace('provided for this project', 'provided for this project only to customers')).expression).toBeNull();
    // A catalogue of more than three licences is still one, disclaimers aside.
    expect(identifyText(`${firebase}\nThe parser is GPL-3.0, the CLI is MPL-2.0.\n`).expression).toBeNull();
  });

  it('a choice stated once, then each alternative\'s own notice (RabbitMQ\'s dual Apache-2.0 and MPL-1.1 headers): the choice, not all of them', () => {
    const mpl11 = 'The contents of this file are subject to the Mozilla Public License\nVersion 1.1 (the "License"); you may not use this file except in\ncompliance with the License. You may obtain a copy of the License at\nhttp://www.mozilla.org/MPL/\n\nSoftware distributed under the License is distributed on an "AS IS"\nbasis, WITHOUT WARRANTY OF ANY KIND, either express or implied. See the\nLicense for the specific language governing rights and limitations\nunder the License.\n';
    const dual = (second: string) => `This source code is dual-licensed under the Apache License, version\n2.0, and the Mozilla Public License, version 1.1.\n\nThe APL v2.0:\n\n${text('apache-notice.txt')}\nThe MPL v1.1:\n\n${second}`;
    expect(identifyText(dual(mpl11)).expression).toBe('Apache-2.0 OR MPL-1.1');
    // A notice of another version than the choice names applies beside it.
    expect(identifyText(dual(text('mpl-header.txt'))).expression).toBe('(Apache-2.0 OR MPL-1.1) AND Apache-2.0 AND MPL-2.0');
    // The choice after the notices, a notice itself (Mozilla's "Alternatively, the contents of this
    // file may be used under …" after its MPL header): the choice too.
    expect(identifyText(`${text('apache-notice.txt')}\n${mpl11}\nThis source code is dual-licensed under the Apache License, version\n2.0, and the Mozilla Public License, version 1.1.\n`).expression).toBe('Apache-2.0 OR MPL-1.1');
    const triLicence = `${mpl11}\nAlternatively, the contents of this file may be used under the terms of the\nGNU General Public License Version 2 or later (the "GPL"), in which case\nthe provisions of the GPL are applicable instead of those above.\nIf you wish to allow use of your version of this file only under the terms\nof the GPL and not to allow others to use your version of this file\nunder the MPL, indicate your decision by deleting the provisions above and\nreplace them with the notice and other provisions required by the GPL.\nIf you do not delete the provisions above, a recipient may use your version\nof this file under either the MPL or the GPL.\n`;
    expect(identifyText(triLicence).expression).toBe('MPL-1.1 OR GPL-2.0-or-later');
  });

  it("react-scroll's README: \"Explore this to understand terms and conditions of the license\" points at the text; a term beside it still counts", () => {
    const scroll = '- React Scroll is licensed under the MIT License. Explore this to understand terms and conditions of the license- https://opensource.org/licenses/MIT\n';
    expect(identifyText(scroll).expression).toBe('MIT');
    expect(identifyText(scroll.replace('Explore this', 'Not for commercial use. Explore this')).expression).not.toBe('MIT');
  });

  it("TinyMCE 7's license.md: the title \"Software License Agreement\" names the document; the GPL notice below it is the licence", () => {
    const tinymce = '# Software License Agreement\n\n**TinyMCE** – [<https://github.com/tinymce/tinymce>](https://github.com/tinymce/tinymce)\nCopyright (c) 2024, Ephox Corporation DBA Tiny Technologies, Inc.\n\nLicensed under the terms of [GNU General Public License Version 2 or later](http://www.gnu.org/licenses/gpl.html).\n';
    expect(identifyText(tinymce).expression).toBe('GPL-2.0-or-later');
    // Only as the first line's title: the words anywhere else, or a term beside them, are read.
    expect(identifyText(tinymce.replace('# Software License Agreement\n\n', '')).expression).toBe('GPL-2.0-or-later');
    expect(identifyText(`Intro.\n\n${tinymce}`).expression).toBeNull();
    expect(identifyText(tinymce.replace('Inc.\n', 'Inc.\nFor internal use only.\n')).expression).toBeNull();
  });

  it("DOMPurify's offer with the Apache header below it: the reference opening the offer is a branch, not a mention of the header", () => {
    const offer = 'DOMPurify is free software; you can redistribute it and/or modify it under the\nterms of either:\n\na) the Apache License Version 2.0, or\nb) the Mozilla Public License Version 2.0\n\n';
    expect(identifyText(offer + text('apache-notice.txt')).expression).toBe('Apache-2.0 OR MPL-2.0');
  });
});

describe('a README "License" section', () => {
  it('is read with lower confidence, and says it came from a README', () => {
    const result = identifyNotices(text('readme-mit.md'), { readme: true })!;
    expect(result.expression).toBe('MIT');
    expect(result.source).toBe('readme');
    expect(result.matches[0]!.confidence).toBe(README_CONFIDENCE);
    expect(README_CONFIDENCE).toBeLessThan(1);
  });

  it('identifyReadmeSection: a notice, or plainly proprietary terms, marked as from a README', () => {
    expect(identifyReadmeSection('[MIT](LICENSE) © Jane Doe')).toMatchObject({ expression: 'MIT', source: 'readme' });
    const paid = identifyReadmeSection('This is commercial software: you must purchase a license at https://example.com/buy.')!;
    expect(paid).toMatchObject({ expression: 'LicenseRef-scancode-commercial-license', source: 'readme' });
    expect(paid.matches[0]).toMatchObject({ confidence: README_CONFIDENCE, parameters: { licensingUrl: 'https://example.com/buy' } });
    // ScanCode's rule reads "for non-commercial use" as proprietary terms: ANDed on, never MIT alone.
    expect(identifyReadmeSection('MIT for non-commercial use; write to us for anything else.')?.expression).toBe('MIT AND LicenseRef-scancode-proprietary-license');
  });

  it('a section that names no licence is not a notice', () => {
    expect(identifyNotices('Do whatever you like with it, but tell me about it.', { readme: true })).toBeUndefined();
  });
});

describe('a notice never hides a restriction', () => {
  it('a notice inside restrictive words is not free', () => {
    const result = identifyText(text('mit-inside-restrictive.txt'));
    expect(result.expression).not.toBe('MIT');
    expect(identifyText('Released under the MIT license, for non-commercial use only.').expression).toBeNull();
    const result2 = identifyText('Released under the MIT license. You may not use it to train models.');
    expect(result2.expression).toBeNull();
    expect(result2.unexplained?.[0]?.words).toBe('you may not use it to train models');
  });

  it("certifi: the MPL header in a licence block, the package's description outside it → MPL-2.0", () => {
    const certifi = text('certifi-licence.txt');
    expect(identifyText(certifi).expression).toBe('MPL-2.0');
    // Outside the block, a restriction or another licence named still counts.
    // (Commercial terms read as such: payback, never the MPL alone.)
    expect(identifyText(`${certifi}\nCommercial use of these certificates requires a paid licence.\n`).expression).toBe('LicenseRef-scancode-commercial-license');
    expect(identifyText(`${certifi}\nThese certificates may not be used by banks.\n`).expression).toBeNull();
    expect(identifyText(certifi.replace('Just configure', 'The bundle itself is under the GNU GPL. Just configure')).expression).toBeNull();
    // A block that does not hold the notice marks nothing: the description counts as before.
    const moved = certifi.replace('***** BEGIN LICENSE BLOCK *****', '').replace('***** END LICENSE BLOCK *****', '');
    expect(identifyText(`***** BEGIN LICENSE BLOCK *****\nNone here.\n***** END LICENSE BLOCK *****\n${moved}`).expression).toBeNull();
    expect(identifyText(moved).expression).toBeNull();
  });

  it('a short reference inside a larger unexplained text does not make it that licence', () => {
    const result = identifyText(text('mit-reference-in-terms.txt'));
    expect(result.expression).toBeNull();
    const long = `MIT\n\n${'The licensee shall report each deployment to the vendor within thirty days of installation and renewal. '.repeat(2)}`;
    expect(identifyText(long).expression).toBeNull();
  });

  it('a short name in running text or code names no licence', () => {
    expect(identifyText('/* Current version of ISC DHCP Distribution. */\n\n#define DHCP_VERSION "V3.0pl2"\n').expression).toBeNull();
    expect(identifyText('SHELL_CMD_ARG_REGISTER(mpl, &mpl_cmds, " ", cmd_mpl, 1, 1);\n').expression).toBeNull();
  });

  it("a notice beside which another, non-permissive licence is named is not the notice's licence alone", () => {
    // n8n's README ("fair-code licensed under Apache 2.0 with Commons Clause") read as Apache-2.0 (free).
    for (const notice of [
      'n8n is fair-code licensed under Apache 2.0 with Commons Clause.',
      'MIT with Commons Clause',
      'MIT (with the Commons Clause)',
      'Apache 2.0 + Common Clause',
      'Licensed under MIT with the Peer Production License',
      'Released under the ISC license and the CC BY-NC 4.0 license',
    ]) {
      const result = identifyText(notice);
      expect({ notice, expression: result.expression }).not.toMatchObject({ expression: expect.stringMatching(/^(MIT|Apache-2\.0|ISC)$/) });
    }
    expect(identifyText('MIT with Commons Clause').expression).toBeNull();
    expect(identifyText('MIT with Commons Clause').unexplained?.[0]?.words).toContain('commons clause');
    expect(identifyReadmeSection('MIT with Commons Clause')?.expression ?? null).toBeNull();
  });

  it('beside a known text too: a rider joined to the licence\'s name is not dropped, a mere mention stays one', () => {
    const mit = (JSON.parse(readFileSync(new URL('../../node_modules/spdx-license-list/licenses/MIT.json', import.meta.url), 'utf8')) as { licenseText: string }).licenseText;
    expect(identifyText(`${mit}\n\nNote: MIT with Commons Clause\n`).expression).toBeNull();
    expect(identifyText(`${mit}\n\nMIT License with the Commons Clause\n`).expression).toBeNull();
    expect(identifyText(`${mit}\n\nThis library works well with GPL projects.\n`).expression).toBe('MIT');
  });

  it("a notice's own licence family, or the licence its notice names, beside it stays that licence", () => {
    expect(identifyText('Licensed under the MIT license').expression).toBe('MIT');
    expect(identifyText('Released under the MIT license with the Commons Clause').expression).toBe('MIT AND LicenseRef-scancode-commons-clause');
    expect(identifyText('This library is licensed under the GNU Lesser General Public License, version 2.1.').expression).toMatch(/^LGPL-2\.1/);
  });

  it('a list of many licences is a catalogue, not a notice', () => {
    expect(identifyText('["MIT", "ISC", "Apache-2.0", "GPL-3.0-only", "BSD-3-Clause"]\n').expression).toBeNull();
  });

  it('plain words around a notice (names, pointers, badges) do not', () => {
    expect(identifyText('Copyright (c) 2021 Jane Doe\n\nReleased under the MIT license. See LICENSE file in the project root for details.\n').expression).toBe('MIT');
  });

  it('rules that cross each other and disagree decide nothing', () => {
    const rules: NoticeRule[] = [
      { words: 'licensed under alpha beta', length: 4, expression: 'MIT', kind: 'notice', source: 'a' },
      { words: 'beta gamma terms', length: 3, expression: 'GPL-3.0-only', kind: 'notice', source: 'b' },
    ];
    const result = identifyNotices('licensed under alpha beta gamma terms', { index: indexRules(rules) })!;
    expect(result.expression).toBeNull();
  });

  it('boilerplate (rules whose words name several licences) explains words but names nothing', () => {
    const rules: NoticeRule[] = [{ words: 'see the license for details', length: 5, expression: null, kind: 'notice', source: 'b' }];
    const result = identifyNotices('see the license for details', { index: indexRules(rules) })!;
    expect(result.expression).toBeNull();
    expect(result.matches).toEqual([]);
  });
});

describe('SPDX-License-Identifier lines', () => {
  it('parse the expression; an invalid one is unknown and names the line, never a guess', () => {
    const result = identifyText(text('spdx-identifier-invalid.txt'));
    expect(result.expression).toBeNull();
    expect(result.invalid).toEqual([{ line: 1, value: 'MIT OR Frobnicate-License-9', message: expect.stringContaining('Frobnicate-License-9') }]);
  });

  it('several lines all apply', () => {
    expect(identifyText('// SPDX-License-Identifier: MIT\n// SPDX-License-Identifier: Apache-2.0\n').expression).toBe('MIT AND Apache-2.0');
  });
});

describe('the compiled rules', () => {
  const index = loadNoticeIndex();

  it('are stored normalised as identification normalises today (re-run scripts/compile-notices.js otherwise)', () => {
    // Every seventh, and every rule with characters beyond ASCII: the sample alone missed the five
    // in Chinese and Japanese, stored as words from before normalising split such text into one
    // word a character, so they never matched.
    const rules = Array.from({ length: index.size }, (_, at) => index.rule(at)).filter((rule, at) => at % 7 === 0 || /[^\x00-\x7f]/.test(rule.words));
    const drifted = rules.filter((rule) => normalise(rule.words).words.join(' ') !== rule.words);
    expect(drifted.map((rule) => rule.source)).toEqual([]);
  });

  it('read notices in Chinese as they read any other', () => {
    expect(identifyText('这个软件的免费使用是在MIT许可条款授予的\n').expression).toBe('MIT');
    expect(identifyText('License: 以上内容采用 CC BY-NC-SA 3.0 (http://creativecommons.org/licenses/by-nc-sa/3.0/deed.zh) 进行许可，转载请注明出处，版权归本人及所有贡献者所有\n').expression).toBe('CC-BY-NC-SA-3.0');
  });

  it('carry their sources’ attribution', () => {
    const file = JSON.parse(readFileSync(new URL('../../licences/notices/rules.json', import.meta.url), 'utf8')) as { attribution: string[] };
    expect(file.attribution.join('\n')).toContain('ScanCode LicenseDB, © nexB Inc. and others (AboutCode), CC-BY-4.0');
    expect(file.attribution.join('\n')).toContain('SPDX License List, © Linux Foundation and its contributors, CC-BY-3.0');
  });

  it('are read a rule at a time as they were written: the first of equal texts is the exact one', () => {
    const rules: NoticeRule[] = [
      { words: 'released under the zebra license', length: 5, expression: 'MIT', kind: 'notice', source: 'z1' },
      { words: 'licence für alle', length: 3, expression: null, kind: 'reference', source: 'ü' },
      { words: 'released under the zebra license', length: 5, expression: 'ISC', kind: 'tag', source: 'z2' },
      { words: 'apache 2', length: 2, expression: 'Apache-2.0', kind: 'header', source: 'a' },
    ];
    const index = indexRules(rules);
    expect(Array.from({ length: index.size }, (_, at) => index.rule(at))).toEqual(rules);
    expect(index.exact('released under the zebra license')).toBe(0);
    expect(index.exact('licence für alle')).toBe(1);
    expect(index.exact('released under the zebra')).toBeUndefined();
    expect([...index.anchored('released')]).toEqual([0, 2]); // every word of theirs is as rare: the first is the anchor
    expect([...index.anchored('unknown')]).toEqual([]);
    expect(index.stating('ISC')).toEqual([2]);
  });

  it('hold thousands of notices, each filed under a word it contains', () => {
    expect(index.size).toBeGreaterThan(20_000);
    for (const anchor of index.anchorWords.slice(0, 500)) {
      for (const at of index.anchored(anchor)) expect(index.rule(at).words.split(' ')).toContain(anchor);
    }
  });
});

describe('copyfair identify on notices', () => {
  it('names how each licence was found, and the invalid SPDX line with what to do', async () => {
    const { run } = await import('../cli/run.js');
    const path = (name: string) => new URL(`../../fixtures/notices/texts/${name}`, import.meta.url).pathname;
    const result = await run(['identify', path('apache-notice.txt'), path('spdx-identifier.txt'), path('spdx-identifier-invalid.txt')]);
    expect(result.stdout).toContain(`${path('apache-notice.txt')}: Apache-2.0\n  Apache-2.0  100%  lines 3–13  (notice apache-2.0_`);
    expect(result.stdout).toContain(`${path('spdx-identifier.txt')}: MIT OR Apache-2.0\n  MIT OR Apache-2.0  100%  lines 2–2  (SPDX-License-Identifier line)`);
    expect(result.stdout).toContain('line 1: SPDX-License-Identifier "MIT OR Frobnicate-License-9" is not a valid expression');
    expect(result.code).toBe(1);
  });
});

// Fresh real trees, ranks 5,300–6,700 of npm (twenty-first session): notices whose words were read
// across two sentences, a choice said as "whichever you prefer", and a line that is an address.
describe('names across sentences, choices, addresses', () => {
  it('reads no name in words that only meet across a blank line or a line break (multiformats)', () => {
    const multiformats = 'This project is dual licensed under MIT and Apache-2.0.\n\nMIT: https://www.opensource.org/licenses/mit\nApache-2.0: https://www.apache.org/licenses/license-2.0\n';
    expect(identifyText(multiformats).expression).toBe('MIT OR Apache-2.0');
    // The tag "Apache-2.0/MIT" written as one, and a long reference over paragraphs, are still read.
    expect(identifyText('License: Apache-2.0/MIT\n').expression).toBe('Apache-2.0 OR MIT');
    expect(identifyText('Released under LGPL License.\n\nLicense: http://tinymce.moxiecode.com/license\n').expression).toBe('LGPL-2.1-only');
  });

  it('reads "whichever you prefer" as a choice (stream-length, stb)', () => {
    expect(identifyText('[WTFPL](http://www.wtfpl.net/txt/copying/) or [CC0](https://creativecommons.org/publicdomain/zero/1.0/), whichever you prefer.\n').expression).toBe('WTFPL OR CC0-1.0');
  });

  it('takes a line that is an address alone, beside a name, for where something is (lighthouse’s third-party MIT)', () => {
    expect(identifyText('MIT\n\nhttps://github.com/remorses/esbuild-plugins/blob/d757c3bf5dff37a754d254168d4a3d88611e8175/package.json#L37\n').expression).toBe('MIT');
  });

  it('still reads an address whose words name a licence or terms', () => {
    expect(identifyText('MIT\n\nhttps://creativecommons.org/licenses/by-nc/4.0/\n').expression).toBe('MIT AND CC-BY-NC-4.0');
    expect(identifyText('MIT\n\nhttps://github.com/acme/tool/blob/main/COMMERCIAL-LICENSE-TERMS.md\n').expression).toBeNull();
    expect(identifyText('MIT\n\nhttps://acme.example/enterprise/subscription/required/for/companies\n').expression).toBeNull();
  });
});

// "MIT" above "See https://acme.example/terms", and an MIT text above a pricing page's address, read
// as MIT, free: terms by reference that a scan cannot read (it reads nothing from the network).
describe('an address of terms beside a permissive licence', () => {
  const read = (text: string) => identifyLicenceText('LICENSE', text);
  const mit = `Copyright (c) 2024 Acme\n\n${textOf('MIT')}`;

  it.each(['See https://acme.example/terms', 'https://acme.example/terms-of-service', 'https://acme.example/legal/index.html', 'https://acme.example/pricing'])('"%s" makes the file unknown, naming the address', (line) => {
    for (const text of [`MIT\n\n${line}\n`, `${mit}\n\n${line}\n`]) {
      const found = read(text);
      expect(found.expression).toBeNull();
      expect(found.unexplained?.some((stretch) => stretch.words.includes('https://acme.example/'))).toBe(true);
    }
    expect(identifyLicenceText('README.md', `# x\n\n## License\n\nMIT. [Terms](https://acme.example/terms)\n`).expression).toBeNull();
  });

  it('is read as before when it names no terms, or is a licence steward’s, or the licence is not permissive', () => {
    expect(read('MIT\n\nhttps://github.com/acme/tool\n').expression).toBe('MIT');
    expect(read(`${mit}\n\nDocs: https://acme.example/docs/getting-started\n`).expression).toBe('MIT');
    expect(read('Licensed under the EPL: https://www.eclipse.org/legal/epl-2.0/\n').expression).toBe('EPL-2.0');
    // ScanCode's isc_68: the ISC's own page about its licence sits under a support policy.
    expect(read('Licensed under the ISC License, (the "License");\nyou may not use this file except in compliance with the License.\nYou may obtain a copy of the License at\n\n    https://www.isc.org/downloads/software-support-policy/isc-license/\n').expression).toBe('ISC');
    expect(read('This library is dual licensed under the GPL-2.0 or a commercial licence: https://acme.example/pricing\n').expression).not.toBe('MIT');
  });
});

// A rule that names a licence without a version (ScanCode's "distributed under the Mozilla Public
// License" is MPL-1.0, its bare "GPL" GPL-1.0-or-later) followed by another version in the text:
// "… the Mozilla Public License 2.0" read as MPL-1.0, "released under the GPL version 3" as
// GPL-1.0-or-later. The version stated decides, or the notice is left unknown; never the rule's.
// The refused reading yields to the rules over the same words: "released under the GPL version 3"
// was unknown, the bare GPL's refused hit blocking the rule that reads "GPL version 3" (twenty-sixth
// session).
describe('a version stated right after a notice rule that names none', () => {
  it.each([
    ['This product is distributed under the Mozilla Public License 2.0', 'MPL-2.0'],
    ['This product is distributed under the Mozilla Public License 1.0', 'MPL-1.0'],
    ['This product is distributed under the Mozilla Public License.', 'MPL-1.0'],
    ['This product is distributed under the Mozilla Public License 3.0', null],
    ['released under the GPL version 3', 'GPL-3.0-only'],
    ['This program is released under the GPL version 3 or later.', 'GPL-3.0-or-later'],
    ['This program is released under the GPL version 2, or (at your option) any later version.', 'GPL-2.0-or-later'],
    ['This library is released under the LGPL version 2.1.', 'LGPL-2.1-only'],
    ['This program is released under the GPL version 7.', null],
    ['This program is released under the GPL.', 'GPL-1.0-or-later'],
    // A version after a licence merely named grants nothing, and adds no licence (ScanCode's
    // gpl-2.0-plus_735 read GPL-2.0-or-later AND LGPL-2.0-or-later with a first try at this).
    [
      'This program is free software; you can redistribute it and/or modify it under the terms of the GNU General Public License as published by the Free Software Foundation; either version 2 of the License, or (at your option) any later version.\n\nThis program is distributed in the hope that it will be useful, but WITHOUT ANY WARRANTY; without even the implied warranty of MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE. See the GNU General Public License for more details.\n\nOn Debian system, copy of GNU Lesser General Public License version 2 is also located at `/usr/share/common-licenses/GPL-2\'',
      'GPL-2.0-or-later',
    ],
    ['Licensed under the Apache License, Version 2.0', 'Apache-2.0'],
    ['licensed under the GPL v2', 'GPL-2.0-only'],
  ])('%s → %s', (text, expression) => {
    expect(identifyText(text).expression).toBe(expression);
  });
});

// ibantools 4.5's LICENSE is "MIT OR MPL-2.0" and nothing else: unknown, "or mpl 2 0" unexplained.
// The rules read a bare expression's ids one by one: "MIT AND BSD-3-Clause" read as MIT, and "MIT
// AND LicenseRef-Acme" or "MIT AND Foo-1.0" as MIT, free (twenty-sixth session). A file that is
// one SPDX expression with an operator is now read whole, as a tag is, or refused as one is.
describe('a file that is one SPDX expression', () => {
  it.each([
    ['MIT OR MPL-2.0', 'MIT OR MPL-2.0'],
    ['MIT AND BSD-3-Clause\n', 'MIT AND BSD-3-Clause'],
    ['  (MIT OR Apache-2.0)  ', 'MIT OR Apache-2.0'],
    ['GPL-2.0-only WITH Classpath-exception-2.0', 'GPL-2.0-only WITH Classpath-exception-2.0'],
    ['MIT AND LicenseRef-Acme', 'MIT AND LicenseRef-Acme'],
    // Not an expression: an id no list knows, a reference with no name, a custom licence named in
    // prose. Never the one id the rules read.
    ['MIT AND Foo-1.0', null],
    ['MIT OR Foo-1.0', null],
    ['MIT AND LicenseRef-', null],
    ['MIT and LicenseRef-Acme', null],
    // Prose, read by the rules as before.
    ['MIT or Apache', 'MIT'],
    ['MIT', 'MIT'],
  ])('%j → %s', (text, expression) => {
    expect(identifyText(text).expression).toBe(expression);
  });

  it('is said to be the whole file, and an invalid one is quoted without a tag it does not have', async () => {
    const { run } = await import('../cli/run.js');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'copyfair-expression-'));
    writeFileSync(join(dir, 'good'), 'MIT OR MPL-2.0\n');
    writeFileSync(join(dir, 'bad'), 'MIT AND Foo-1.0\n');
    const result = await run(['identify', join(dir, 'good'), join(dir, 'bad')]);
    expect(result.stdout).toContain(`${join(dir, 'good')}: MIT OR MPL-2.0\n  MIT OR MPL-2.0  100%  lines 1–1  (the whole file is this SPDX expression)`);
    expect(result.stdout).toContain('line 1: "MIT AND Foo-1.0" is not a valid expression (unknown licence id "Foo-1.0")');
  });
});

// Whole files of a licence's name and a few words more (twenty-sixth session): "MIT and Commercial"
// read as MIT, free ("and commercial" is a word pair of MIT's notices, and a restrictive word at
// the run's end was let pass as if the notice went on), and 'ISC AND "Acme License"' as ISC, free
// (a licence no rule reads, joined by AND, taken for a description).
describe('a licence named with another joined to it', () => {
  it.each([
    ['MIT and Commercial', null],
    ['ISC AND "Acme License"', null],
    ['ISC and the Acme License', null],
    ['MIT or the Acme licence', null],
    // Further terms beside the name, in words no list read (each MIT or BSD, free, before).
    ['MIT, plus the Acme Addendum', null],
    ['MIT + Acme Rider', null],
    ['BSD-3-Clause; see ADDENDUM for further terms', null],
    ['License: MIT\nTerms: see terms.html', null],
    ['Released under the MIT license, with an additional clause.', null],
    ['Apache-2.0 with Acme additions', null],
    ['MIT and also the Acme terms', null],
    ['MIT licensed, for hobby projects', null],
    ['MIT licensed, for open source projects', 'MIT'],
    // An exception joined to a notice only adds permissions: the licence without it is the stricter reading.
    ['Licensed under the Cryptographic Autonomy License version 1.0, with Combined Work Exception', 'CAL-1.0'],
    ['MIT License', 'MIT'],
    ['Licensed under the MIT license.', 'MIT'],
    ['This project is licensed under the MIT License', 'MIT'],
    // A run that opens the file with the notice's own restrictive word is still its own.
    ['No copyright is claimed. This code is in the public domain; do with it what you wish.', 'LicenseRef-scancode-public-domain'],
  ])('%j → %s', (text, expression) => {
    expect(identifyText(text).expression).toBe(expression);
  });
});
