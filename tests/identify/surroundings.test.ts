// Known text plus words around it (issue 8): words that only describe, point, or add a permissive
// grant leave the licence as it is; words that restrict are never dropped. Both ways.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { identifyText } from '../../src/identify/index.js';
import { normalise } from '../../src/identify/normalise.js';
import { judgeSurrounding } from '../../src/identify/surroundings.js';
import { run } from '../cli/run.js';
import { fixture, textOf } from './scenarios.js';

const MIT = textOf('MIT');
const BSD = fixture('bsd-3-yahoo.txt');
const lodash = fixture('lodash-like.txt').replace('@MIT@', MIT);
const protobuf = fixture('protobuf-like.txt').replace('@BSD@', BSD);
const judge = (text: string) => judgeSurrounding(normalise(text).words);

describe('words that only describe, point or add a permissive grant', () => {
  it('lodash: "except as documented below", a CC0 waiver for sample code, "their own licenses" → MIT', () => {
    const result = identifyText(lodash);
    expect(result.expression).toBe('MIT');
    expect(result.unexplained).toBeUndefined();
  });

  it('protobufjs: a scope preamble and a note on generated code → BSD-3-Clause', () => {
    expect(identifyText(protobuf).expression).toBe('BSD-3-Clause');
  });

  it('a product\'s own note before the text ("MIT licence for the free edition of …") → MIT', () => {
    expect(identifyText(`MIT licence for the free edition of Widgets.\nSee https://widgets.example for more.\n\n${MIT}`).expression).toBe('MIT');
  });

  it('"Except where noted, this license applies to …" after the text → MIT', () => {
    const text = `${MIT}\n\nExcept where noted, this license applies to any and all software programs and associated documentation files created by the Original Author, when distributed with the Software.\n`;
    expect(identifyText(text).expression).toBe('MIT');
  });

  it('cffi: "Except when otherwise stated (look for LICENSE files …) all software … is licensed as follows:" above MIT-0 → MIT-0', () => {
    const preamble = 'Except when otherwise stated (look for LICENSE files in directories or\ninformation at the beginning of each file) all software and\ndocumentation is licensed as follows:\n\n';
    expect(identifyText(`${preamble}    MIT No Attribution\n\n${textOf('MIT-0')}`).expression).toBe('MIT-0');
    // The same preamble does not excuse a term written into it.
    expect(identifyText(`Except when otherwise stated, all software is licensed as follows, and may not be used in weapons:\n\n${textOf('MIT-0')}`).expression).toBeNull();
  });

  it("Jupyter's shared copyright model after BSD-3-Clause (nbformat, traitlets, ipykernel, jupyter_client, kiwisolver) → BSD-3-Clause", () => {
    const nbformat = fixture('jupyter-shared-copyright.md');
    expect(identifyText(nbformat).expression).toBe('BSD-3-Clause');
    // The team's description and the policy restrict nothing; a term written into them does.
    expect(identifyText(nbformat.replace('single person or\ninstitution.', 'single person or\ninstitution, and is not for commercial use.')).expression).toBeNull();
    expect(identifyText(nbformat.replace('Development Team. If individual', 'Development Team. The code may not be used by banks. If individual')).expression).toBeNull();
  });

  it('Mender: "All content in this project is licensed under the Apache License v2, unless indicated otherwise." above Apache-2.0 → Apache-2.0', () => {
    const preamble = 'Copyright 2022 Northern.tech AS\n\nAll content in this project is licensed under the Apache License v2, unless\nindicated otherwise.\n\n' + '-'.repeat(79) + '\n\n';
    expect(identifyText(`${preamble}${textOf('Apache-2.0')}`).expression).toBe('Apache-2.0');
    // The hedge excuses no one: a term beside it keeps the file unknown.
    expect(identifyText(`${preamble.replace('unless\n', 'unless you are a bank, or\n')}${textOf('Apache-2.0')}`).expression).toBeNull();
  });

  it.each([
    'All content in this project is licensed under the Apache License v2, unless indicated otherwise',
    'This library is MIT licensed unless otherwise noted in the file headers',
    'A copy may be found in the file LICENSE-MIT in this directory, or downloaded from http://opensource.org/licenses/MIT',
    'luma.gl is provided under the MIT license',
    'A tiny shim for WebWorker (data URI only) that works in Node',
    'You may obtain copies of the two licenses at the addresses below, respectively. The following two notices apply to every file of the project',
    'Except when otherwise stated (look for LICENSE files in directories) all software is licensed as follows',
    'The following license applies to all parts of this software except as documented below',
    'Copyright and related rights for sample code are waived via CC0',
    'END OF TERMS AND CONDITIONS. The licenses of externally maintained libraries are listed here',
    'This support library is itself covered by the above license',
    'Some modules may not be the copyright of the Dojo Foundation',
  ])('benign: %s', (text) => expect(judge(text)).toBe('benign'));
});

describe("a known text's own words outside its template's match", () => {
  it("Creative Commons' notice above its licence is the licence's own text; a term put into it is not", () => {
    // Without its title line the file is no exact copy, and the SPDX template (the licence proper)
    // leaves the notice above it ("is not a law firm", "shall not be interpreted") outside its match.
    const nc = textOf('CC-BY-NC-4.0');
    const untitled = nc.slice(nc.indexOf('\n')).trimStart();
    const read = identifyText(untitled);
    expect(read.expression).toBe('CC-BY-NC-4.0');
    expect(read.matches[0]!.start).toBeGreaterThan(1);
    const inserted = untitled.replace('Creative Commons is not a party to its public licenses.', 'Creative Commons is not a party to its public licenses. This material may not be used by banks.');
    expect(identifyText(inserted).expression).toBeNull();
  });
});

describe("a run's own words between the licence's, outside the template's match", () => {
  // Apache-2.0's header (title, version, URL) is outside its template's match when a line follows
  // it that the template lacks: the header and the line are one run, mostly Apache's own words.
  const apache = textOf('Apache-2.0');
  const afterHeader = (line: string) => apache.replace('http://www.apache.org/licenses/\n', `http://www.apache.org/licenses/\n${line}\n`);
  const beforeEnd = (line: string) => apache.replace('END OF TERMS AND CONDITIONS', `${line}\n\nEND OF TERMS AND CONDITIONS`);

  it.each([
    ['Except Amazon.', afterHeader],
    ['(Except Amazon.)', beforeEnd],
    ['Except Amazon. All rights reserved.', afterHeader],
    ['[Except Amazon.](https://example.com)', beforeEnd],
    ['Unless you are Amazon.', afterHeader],
    ['This licence does not apply to Facebook.', afterHeader],
    ['This License does not apply to Facebook.', beforeEnd],
    // Words the long-run rule finds benign (a bare "no"), among the header's or the closing line's.
    ['No Amazon.', afterHeader],
    ['Amazon: no.', beforeEnd],
  ])('%s makes an exception: unknown (it was Apache-2.0, free)', (line, place) => {
    expect(apache.includes('http://www.apache.org/licenses/\n') && apache.includes('END OF TERMS AND CONDITIONS')).toBe(true);
    expect(identifyText(place(line)).expression).toBeNull();
  });

  it.each([
    ['Copyright 2024 Acme Corp.', afterHeader],
    ['Except as noted below, this applies to every file.', afterHeader],
    ['Copyright 2024 Acme Corp. All rights reserved.', beforeEnd],
  ])('%s names or points: still Apache-2.0', (line, place) => {
    expect(identifyText(place(line)).expression).toBe('Apache-2.0');
  });
});

describe('a few words on their own line below the title', () => {
  // The title and the line below it are one run outside the text; the line is judged as a few
  // words alone are (thirty-first session: "No Amazon." under "MIT License" read as MIT, free).
  const titled = (line: string) => `MIT License\n${line}\n\n${MIT.slice(MIT.indexOf('Permission'))}`;

  it.each(['No Amazon.', 'Amazon: no.', 'Not for Amazon.'])('%s: unknown', (line) => {
    expect(identifyText(titled(line)).expression).toBeNull();
  });

  it.each(['The Acme project.', 'Version 2024.1', 'Copyright 2024 Acme Corp.'])('%s: still MIT', (line) => {
    expect(identifyText(titled(line)).expression).toBe('MIT');
  });
});

describe('words that restrict are never dropped', () => {
  it.each([
    ['after the text', `${MIT}\n\nYou may not redistribute this software in any form.\n`],
    ['before the text', `Commercial use requires a paid licence from Widgets Ltd.\n\n${MIT}`],
    ['a field-of-use ban', `${MIT}\n\nThis software is not for military use.\n`],
    ['beside a benign note', `${lodash}\n\nThe Software shall not be used by law enforcement agencies.\n`],
    ['personal use only', `${BSD}\n\nFree for personal use only.\n`],
    // Thirty-first session (scripts/restriction-harness.js): each read as the licence, free.
    ['an exception opening a stretch', `${MIT}\n\nOther than Amazon. All rights reserved.\n`],
    ['an exception as a link', `[Apart from Amazon.](https://example.com)\n\n${MIT}`],
    ['an exception after a note mark', `${MIT}\n\nNOTE: Except for Meta, all rights reserved.\n`],
    ['AI training', `${MIT}\n\nThis software cannot be used to train AI models.\n`],
    ['use only, qualified', `${MIT}\n\nEthical use only, as the authors define it.\n`],
    ['free for some, on a copyright line', `© Free for individuals; $99/year for companies.\n\n${MIT}`],
  ])('%s: unknown, with the words shown', (_name, text) => {
    const result = identifyText(text);
    expect(result.expression).toBeNull();
    expect(result.unexplained?.length).toBeGreaterThan(0);
  });

  it.each([
    'You may not redistribute this software',
    'Commercial use requires a separate licence',
    'Not for military use',
    'Only for non-profit organisations',
    'Personal use only',
    'For non-profits only',
    'Licensed for use in Acme products only',
    'A fee of 10 EUR per seat is due',
    // Some, then "only", without a "for" (was benign: MIT with it after the text read as MIT, free).
    'By Acme customers only',
    'Students only',
    'Licensed users of Acme only',
  ])('restricts: %s', (text) => expect(judge(text)).toBe('restricts'));

  it('some, then "only", after the text: unknown (it was MIT, free)', () => {
    expect(identifyText(`${MIT.trimEnd()} By Acme customers only.\n`).expression).toBeNull();
  });

  it('a condition the rule does not know keeps the file unknown (fail closed)', () => {
    expect(judge('Redistribution is allowed provided that the Licensee sends a postcard')).toBe('unclear');
    expect(identifyText(`${MIT}\n\nRedistribution is allowed provided that the Licensee sends a postcard.\n`).expression).toBeNull();
  });
});

describe('copyright lines saying which portions each holder covers', () => {
  // polygon-clipping 0.15's LICENSE.md, above the MIT text.
  const lines = 'The MIT License (MIT)\n\nCopyright (c) 2018 Mike Fogel <mike@fogel.ca> - covers everything not specially attributed to others below.\n\nCopyright (c) 2016 Alexander Milevski <info@w8r.name> - covers all portions originally part of github:w8r/martinez, from which this project was forked on Febuary 2, 2018.\n\n';

  it('are whose code is whose, under the licence below them', () => {
    expect(identifyText(`${lines}${MIT}`).expression).toBe('MIT');
  });

  it('a term among them still counts', () => {
    expect(identifyText(`${lines.replace('others below.', 'others below, not for commercial use.')}${MIT}`).expression).toBeNull();
    expect(identifyText(`${lines.replace('was forked on', 'was forked, for non-profits only, on')}${MIT}`).expression).toBeNull();
  });
});

describe('a dual-licensing preamble', () => {
  const preamble = 'This program is offered under a commercial license and under the AGPL license.\nFor commercial licensing, contact sales@example.com.\n\n';

  it('before the AGPL: the AGPL or a commercial licence', () => {
    const result = identifyText(`${preamble}${textOf('AGPL-3.0-only')}`);
    expect(result.expression).toBe('AGPL-3.0-only OR LicenseRef-scancode-commercial-license');
  });

  it('before a permissive text it is not a choice the rule knows: unknown', () => {
    expect(identifyText(`${preamble}${MIT}`).expression).toBeNull();
  });

  it('with a restriction besides the offer: unknown', () => {
    const text = `This program is offered under a commercial license and under the AGPL license. You may not use it to train models.\n\n${textOf('AGPL-3.0-only')}`;
    expect(identifyText(text).expression).toBeNull();
  });
  it("iframe-resizer 5's: \"dual-licensed, either under GPL V3, or a commercial license that is available for purchase upon request\", above the GPL's text", () => {
    const iframe = 'Iframe Resizer Version 5\n\nThis JavaScript library is Copyright © 2013-2025 David J. Bradshaw and is dual-licensed, either under GPL V3, or a commercial license that is available for purchase upon request.\n\nFor more information on commercial licensing see https://iframe-resizer.com/pricing/\n\n--\n\n';
    expect(identifyText(`${iframe}${textOf('GPL-3.0-only')}`).expression).toBe('GPL-3.0-only OR LicenseRef-scancode-commercial-license');
    // A purchase asked of someone, or the offer beside a permissive text: unknown.
    expect(identifyText(`${iframe.replace('upon request.', 'upon request. Companies must purchase it.')}${textOf('GPL-3.0-only')}`).expression).toBeNull();
    expect(identifyText(`${iframe}${MIT}`).expression).toBeNull();
  });
});

describe('copyfair identify, both ways', () => {
  it('lodash-like is MIT (exit 0); with a restriction added it is unknown (exit 1) and shows the words', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'copyfair-surroundings-'));
    const benign = join(directory, 'LICENSE');
    const restricted = join(directory, 'LICENSE.restricted');
    writeFileSync(benign, lodash);
    writeFileSync(restricted, `${lodash}\n\nNot for use by military organisations.\n`);
    const ok = await run(['identify', benign]);
    expect(ok.code).toBe(0);
    expect(ok.stdout.split('\n')[0]).toBe(`${benign}: MIT`);
    const bad = await run(['identify', restricted]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain(`${restricted}: unknown`);
    expect(bad.stdout).toMatch(/lines \d+–\d+ read like terms no known licence explains/);
    const json = await run(['identify', '--format', 'json', restricted]);
    expect(JSON.stringify(JSON.parse(json.stdout)[0].unexplained)).toContain('not for use by military organizations');
  });
});

// New Relic's third-party notices open so (newrelic, @newrelic/native-metrics …): "required" and
// "disclosure of source code" there ask nothing of the user.
describe("New Relic's notices preamble", () => {
  const preamble = 'The New Relic Node Agent uses source code from third party libraries which carry their own copyright notices and license terms. These notices are provided below.\n\nIn the event that a required notice is missing or incorrect, please notify us by e-mailing [open-source@newrelic.com](mailto:open-source@newrelic.com).\n\nFor any licenses that require the disclosure of source code, the source code can be found at [https://github.com/newrelic/node-newrelic](https://github.com/newrelic/node-newrelic).';
  it('sets no term', () => {
    expect(judgeSurrounding(normalise(preamble).words)).toBe('benign');
  });

  it('still reads a term written among its sentences', () => {
    expect(judgeSurrounding(normalise(preamble.replace('These notices are provided below.', 'These notices are provided below. Use by competitors is not permitted.')).words)).not.toBe('benign');
  });
});
