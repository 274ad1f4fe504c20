// Lines of many spaces in the readers of copyright lines and SPDX identifiers (`copyfair notice`,
// `history`, `fork`) and in the line patterns of the bundle, Microsoft notices and README readers
// (every scan): each took time quadratic or worse in the length of a run of spaces, so one hostile
// licence file in a dependency or an upstream could stall the command. What they read is unchanged.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spdxIdentifiers } from '../../src/fork/notices.js';
import { identifyLicenceText } from '../../src/identify/identify-file.js';
import { classifyProprietary } from '../../src/identify/index.js';
import { scan } from '../../src/scan/index.js';
import { copyrightLines } from '../../src/util/copyright.js';

const spaces = ' '.repeat(400_000);
const quickly = <T>(read: () => T): T => {
  const started = performance.now();
  const found = read();
  expect(performance.now() - started).toBeLessThan(2_000);
  return found;
};

describe('copyright lines', () => {
  it('are read without their comment marks', () => {
    expect(copyrightLines('/* Copyright (c) 2020 Acme */\n# Copyright 2021 Zenith\n * (c) 2019 Foo Ltd\nCopyright Acme\n// Copyright 2022 Bar*/')).toEqual([
      'Copyright (c) 2020 Acme',
      'Copyright 2021 Zenith',
      '(c) 2019 Foo Ltd',
      'Copyright 2022 Bar',
    ]);
  });

  it('are read in one pass over a long run of spaces (400,000 took a minute and a half)', () => {
    expect(quickly(() => copyrightLines(`Copyright 2020 a${spaces}b`))).toEqual([`Copyright 2020 a${spaces}b`]);
    expect(quickly(() => copyrightLines(`x${spaces}y\n${spaces}*/`))).toEqual([]);
  });
});

describe('SPDX identifiers at the top of a file', () => {
  it('are each line’s value, without a comment’s closer; a value with another "*" is none', () => {
    expect(spdxIdentifiers('// SPDX-License-Identifier: MIT\n/* SPDX-License-Identifier: Apache-2.0 OR MIT */\n<!-- SPDX-License-Identifier: GPL-3.0-only -->\r\nSPDX-License-Identifier: MIT * foo\nSPDX-License-Identifier:\n')).toEqual([
      'MIT',
      'Apache-2.0 OR MIT',
      'GPL-3.0-only',
    ]);
  });

  it('are read in one pass over a long run of spaces (500 before a stray "*" took 15 s)', () => {
    expect(quickly(() => spdxIdentifiers(`SPDX-License-Identifier:${spaces}*x`))).toEqual([]);
    expect(quickly(() => spdxIdentifiers(`SPDX-License-Identifier: MIT${spaces}*/`))).toEqual(['MIT']);
  });
});

describe('the line patterns of licence files', () => {
  it('read a heading, a "License:" or "Package:" line, a notices heading and a README heading in one pass', () => {
    // (The text index loads on the first text identified: not what is timed.)
    identifyLicenceText('LICENSE', 'MIT License\n');
    const spaced = ' '.repeat(200_000);
    for (const [file, text, expression] of [
      ['LICENSE.md', `MIT License\n\n# Licenses of bundled dependencies\n\n## a${spaced}b\n\nLicense: MIT\n`, 'MIT'],
      ['LICENSE.md', `MIT License\n\n# Licenses of bundled dependencies\n\n## a${'#'.repeat(200_000)}b\n\nLicense: MIT\n`, 'MIT'],
      ['LICENSE.md', `MIT License\n\n# Licenses of bundled dependencies\n\n## a${spaced}(1)\n\nLicense: MIT\n`, 'MIT'],
      ['LICENSE.md', `MIT License\n\n# Licenses of bundled dependencies\n\n## pkg\n\nLicense: a${spaced}b\n`, null],
      ['LICENSE.md', `MIT License\n\n# Third-party licenses\n\nPackage: a${spaced}b\nLicense: MIT\n`, 'MIT'],
      ['ThirdPartyNotices.txt', `%% a${spaced}b NOTICES AND INFORMATION BEGIN HERE\n=========\nMIT\n`, null],
      ['ThirdPartyNotices.txt', `%% a${spaced}b\n=========\nMIT\n`, 'MIT'],
      ['README.md', `# x\n\n## License${spaced}x #\n\nMIT\n`, null],
      // A component's lone "no license text found; declared licenses: …" line, and its END OF line.
      ['ThirdPartyNotices.txt', `%% pkg NOTICES AND INFORMATION BEGIN HERE\n${'='.repeat(41)}\nno license text found; declared licenses: a${spaced}b\n${'='.repeat(41)}\nEND OF pkg NOTICES AND INFORMATION\n`, null],
      ['ThirdPartyNotices.txt', `%% pkg NOTICES AND INFORMATION BEGIN HERE\n${'='.repeat(41)}\nMIT\n${'='.repeat(41)}\nEND OF a${spaced}b NOTICES AND INFORMATION\n`, 'MIT'],
    ] as const) {
      expect(quickly(() => identifyLicenceText(file, text)).expression).toBe(expression);
    }
  });
});

// Found by the harness of every pattern (regex-harness.test.ts), each a stall of seconds to minutes
// through the command itself.
describe('long runs through identification', () => {
  it('read a copyright line of an address-like run, a text of "ab." and a line of no-break spaces in one pass', () => {
    identifyLicenceText('LICENSE', 'MIT License\n');
    const mit = 'Permission is hereby granted, free of charge, to any person obtaining a copy of this software.\n';
    // 100 KB of "a." before an "@" in a copyright line took 14 s; 150 KB of "ab." 10 s (the proprietary reader's e-mail address).
    expect(quickly(() => identifyLicenceText('LICENSE', `Copyright (c) ${'a.'.repeat(50_000)}@x\n\n${mit}`)).expression).toBeNull();
    expect(quickly(() => identifyLicenceText('LICENSE', 'ab.'.repeat(50_000))).expression).toBeNull();
    // 80,000 no-break spaces in a `%%` line took 4.7 s.
    const nbsp = '\u00a0'.repeat(80_000);
    expect(quickly(() => identifyLicenceText('ThirdPartyNotices.txt', `%% a${nbsp}b NOTICES AND INFORMATION BEGIN HERE\n=========\nMIT\n`)).expression).toBeNull();
    // An Apache subcomponents appendix with a line of 20,000 tabs took 20 s.
    const apache = readFileSync(new URL('../../node_modules/spdx-license-list/licenses/Apache-2.0.json', import.meta.url), 'utf8');
    const appendix = `${(JSON.parse(apache) as { licenseText: string }).licenseText}\n\nThis project contains subcomponents with separate copyright notices and license terms.\n${'\t'.repeat(20_000)}\n\nMIT (d3.js):\n`;
    quickly(() => identifyLicenceText('LICENSE', appendix));
  });

  it('keep what they read: a declared licence without its closing bracket, an e-mail address to buy from', () => {
    const notices = (line: string) => identifyLicenceText('ThirdPartyNotices.txt', `%% pkg NOTICES AND INFORMATION BEGIN HERE\n${'='.repeat(41)}\n${line}\n${'='.repeat(41)}\nEND OF pkg NOTICES AND INFORMATION\n`);
    expect(notices('(no license text found; declared licenses: MIT)').expression).toBe('MIT');
    expect(notices('no license text found; declared licenses:\u00a0\u00a0ISC ').expression).toBe('ISC');
    // The address on the line about buying, not the first in the text; one beside a long run still found.
    const eula = readFileSync(new URL('../../fixtures/notices/texts/eula-paid.txt', import.meta.url), 'utf8');
    const paid = classifyProprietary(`Write to info@acme.example.com with questions.\n${eula}`)!;
    expect(paid.matches[0]!.parameters).toMatchObject({ licensingContact: 'sales@acme.example.com' });
    expect(quickly(() => classifyProprietary(`${'ab.'.repeat(50_000)}\n${eula}`))!.matches[0]!.parameters).toMatchObject({ licensingContact: 'sales@acme.example.com' });
  });
});

describe("a virtual environment's pyvenv.cfg", () => {
  it('is read in one pass under 63,000 blank lines (0.2 s for a key it lacks at 20,000, 2 s at 63,000), its version still read', async () => {
    const project = mkdtempSync(join(tmpdir(), 'copyfair-pyvenv-'));
    const site = join(project, '.venv/lib/python3.11/site-packages');
    mkdirSync(join(site, 'app-1.0.dist-info'), { recursive: true });
    writeFileSync(join(site, 'app-1.0.dist-info/METADATA'), "Metadata-Version: 2.1\nName: app\nVersion: 1.0\nLicense: MIT\nRequires-Dist: tomli; python_version < '3.11'\n\n");
    writeFileSync(join(project, '.venv/pyvenv.cfg'), `${'\n'.repeat(63_000)}version_info = 3.11.7.final.0\r\n`);
    const started = performance.now();
    const report = await scan(project, { profile: { date: '2026-01-01' }, toolVersion: 'test', environment: { platform: 'linux', arch: 'x64' } });
    expect(performance.now() - started).toBeLessThan(1_000);
    // The marker is evaluated with the version read (3.11.7): tomli is not needed, and no marker is left unevaluated.
    expect(report.diagnostics.map((d) => d.code)).not.toContain('python-marker-unevaluated');
    expect(report.components.map((c) => c.name)).toEqual(['app']);
  });
});

describe("an exception's licence looked up in a long declared expression", () => {
  it('is read in one pass (a 50,000-character LicenseRef id beside the exception took 3 s), and still found', async () => {
    const project = mkdtempSync(join(tmpdir(), 'copyfair-exception-'));
    mkdirSync(join(project, 'node_modules/lib'), { recursive: true });
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { lib: '1.0.0' } }));
    writeFileSync(join(project, 'node_modules/lib/package.json'), JSON.stringify({ name: 'lib', version: '1.0.0', license: `(LicenseRef-${'a'.repeat(200_000)} OR GPL-2.0-only WITH Classpath-exception-2.0)` }));
    // The Classpath exception's own words alone: the licence it amends comes from the declaration.
    const classpath = 'Linking this library statically or dynamically with other modules is making a combined work based on this library. Thus, the terms and conditions of the GNU General Public License cover the whole combination.\n\nAs a special exception, the copyright holders of this library give you permission to link this library with independent modules to produce an executable, regardless of the license terms of these independent modules, and to copy and distribute the resulting executable under terms of your choice, provided that you also meet, for each linked independent module, the terms and conditions of the license of that module. An independent module is a module which is not derived from or based on this library. If you modify this library, you may extend this exception to your version of the library, but you are not obligated to do so. If you do not wish to do so, delete this exception statement from your version.\n';
    writeFileSync(join(project, 'node_modules/lib/LICENSE'), classpath);
    const started = performance.now();
    const report = await scan(project, { profile: { date: '2026-01-01' }, toolVersion: 'test' });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(report.components[0]!.evidence.find((evidence) => evidence.kind === 'licence-file')?.expression).toBe('GPL-2.0-only WITH Classpath-exception-2.0');
  });
});
