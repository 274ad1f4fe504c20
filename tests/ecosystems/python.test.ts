// The Python ecosystem: metadata, markers, lockfiles, and scans of real dist-info folders.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/kb/index.js';
import { parseExpression } from '../../src/evaluate/parse.js';
import { LICENCE_CLASSIFIERS, readClassifiers } from '../../src/ecosystems/python/classifiers.js';
import { parseLockfile } from '../../src/ecosystems/python/lockfiles.js';
import { normaliseName, parseMetadata } from '../../src/ecosystems/python/metadata.js';
import { evaluateMarker, markerEnvironment, parseRequirement } from '../../src/ecosystems/python/requirement.js';
import { isLicenceSubfolderPath } from '../../src/ecosystems/npm/licence-files.js';
import { scan } from '../../src/scan/index.js';

const linux = { platform: 'linux', arch: 'x64' };
const scanPython = (root: string, environment: Record<string, string> = {}) => scan(root, { profile: { date: '2026-01-01' }, toolVersion: 'test', environment: { ...linux, ...environment } });
const byName = (components: { name: string }[]) => Object.fromEntries(components.map((c) => [c.name, c])) as Record<string, any>;

describe('core metadata', () => {
  it('reads repeated headers and folded values, and stops at the body', () => {
    const parsed = parseMetadata('Metadata-Version: 2.1\nName: Foo.Bar\nVersion: 1.0\nLicense: line one\n        line two\nClassifier: A\nClassifier: B\n\nName: not a header');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.headers.get('license')![0]).toEqual({ value: 'line one\nline two', line: 4 });
    expect(parsed.headers.get('classifier')!.map((c) => c.value)).toEqual(['A', 'B']);
    expect(parsed.headers.get('name')).toHaveLength(1);
  });

  it('says where a broken file stops being metadata', () => {
    expect(parseMetadata('not a header\nName: x\nVersion: 1\n')).toMatchObject({ ok: false, line: 1, column: 1 });
    expect(parseMetadata('Name: x\n')).toMatchObject({ ok: false, message: 'has no Version header' });
    expect(parseMetadata('Name: x\nnot a header\n')).toMatchObject({ ok: false, message: 'has no Version header' });
  });

  // passlib 1.7.4's PKG-INFO as Debian installs it (python3-passlib), its first 17 lines: setuptools
  // wrote the multi-line keywords string unfolded, and the licence classifier comes after it.
  const PASSLIB = [
    'Metadata-Version: 2.1',
    'Name: passlib',
    'Version: 1.7.4',
    'Summary: comprehensive password hashing framework supporting over 30 schemes',
    'Home-page: https://passlib.readthedocs.io',
    'Download-URL: https://pypi.python.org/packages/source/p/passlib/passlib-1.7.4.tar.gz',
    'Author: Eli Collins',
    'Author-email: elic@assurancetechnologies.com',
    'License: BSD',
    'Keywords: password secret hash security',
    'crypt md5-crypt',
    'sha256-crypt sha512-crypt pbkdf2 argon2 scrypt bcrypt',
    'apache htpasswd htdigest',
    'totp 2fa',
    'Classifier: Intended Audience :: Developers',
    'Classifier: License :: OSI Approved :: BSD License',
    'Classifier: Natural Language :: English',
    '',
    'Passlib is a password hashing library for Python 2 & 3.',
    '',
  ].join('\n');

  it('reads on past a value setuptools left unfolded (passlib 1.7.4): the lines are the rest of it, the headers below it are read', () => {
    const parsed = parseMetadata(PASSLIB);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.headers.get('keywords')![0]).toEqual({ value: 'password secret hash security\ncrypt md5-crypt\nsha256-crypt sha512-crypt pbkdf2 argon2 scrypt bcrypt\napache htpasswd htdigest\ntotp 2fa', line: 10 });
    expect(parsed.headers.get('classifier')!.map((c) => c.value)).toContain('License :: OSI Approved :: BSD License');
    expect(parsed.headers.get('license')![0]).toEqual({ value: 'BSD', line: 9 });
    expect(parsed.unfolded).toEqual([11, 12, 13, 14].map((line) => ({ line, header: 'Keywords' })));
    // A file whose every line is a header says nothing unfolded.
    expect(parseMetadata('Name: x\nVersion: 1\n')).not.toHaveProperty('unfolded');
    // A hostile file of 200,000 such lines: read in one pass, six of them kept to say where.
    const many = parseMetadata(`Name: x\nVersion: 1\nKeywords: a\n${'b\n'.repeat(200_000)}Classifier: License :: OSI Approved :: MIT License\n`);
    expect(many.ok && many.unfolded).toHaveLength(6);
    expect(many.ok && many.headers.get('classifier')![0]!.line).toBe(200_004);
  });

  it('scans such a package with its headers read, a warning at the first unfolded line, and a restricting classifier below it still restricting', async () => {
    const project = mkdtempSync(join(tmpdir(), 'copyfair-py-unfolded-'));
    const site = join(project, '.venv/lib/python3.11/site-packages');
    mkdirSync(join(site, 'passlib-1.7.4.egg-info'), { recursive: true });
    writeFileSync(join(project, '.venv/pyvenv.cfg'), 'version = 3.11.7\n');
    writeFileSync(join(site, 'passlib-1.7.4.egg-info/PKG-INFO'), PASSLIB);
    // The same mistake in another package, with a classifier below it that restricts use.
    mkdirSync(join(site, 'restricted-1.0.dist-info'));
    writeFileSync(join(site, 'restricted-1.0.dist-info/METADATA'), 'Metadata-Version: 2.1\nName: restricted\nVersion: 1.0\nLicense: MIT\nKeywords: one\ntwo\nClassifier: License :: Free for non-commercial use\n\n');
    const report = await scanPython(project);
    const components = byName(report.components);
    expect(report.diagnostics.filter((d) => d.code === 'python-file-invalid')).toEqual([]);
    const warnings = report.diagnostics.filter((d) => d.code === 'python-metadata-unfolded');
    expect(warnings.map((d) => [d.component, d.location])).toEqual([
      ['passlib@1.7.4', { file: '.venv/lib/python3.11/site-packages/passlib-1.7.4.egg-info/PKG-INFO', line: 11, column: 1 }],
      ['restricted@1.0', { file: '.venv/lib/python3.11/site-packages/restricted-1.0.dist-info/METADATA', line: 6, column: 1 }],
    ]);
    expect(warnings[0]!.message).toContain('lines 11, 12, 13, 14 are not a "Name: value" header');
    expect(warnings[0]!.message).toContain('Keywords header above');
    // passlib's licence is read from its declaration: no longer "declares no licence".
    expect(components.passlib.evidence[0]).toMatchObject({ kind: 'declared', location: { line: 9 } });
    expect(report.diagnostics.filter((d) => d.code === 'licence-missing')).toEqual([]);
    // MIT declared, but the classifier below the unfolded line restricts use: unknown, never free.
    expect(components.restricted.verdict.outcome).toBe('unknown');
  });

  it('normalises names as PEP 503 does', () => {
    expect(normaliseName('Zope.Interface')).toBe('zope-interface');
    expect(normaliseName('typing__extensions')).toBe('typing-extensions');
  });
});

describe('requirements and markers', () => {
  const env = markerEnvironment('3.11.7', 'linux', 'x64', 'CPython');

  it('parses names, extras, specifiers and markers', () => {
    expect(parseRequirement('Requests[Security, socks] (>=2.8.1) ; python_version < "3.10"')).toEqual({ name: 'requests', extras: ['security', 'socks'], specifier: '>=2.8.1', marker: 'python_version < "3.10"' });
    expect(parseRequirement('pip @ https://example.org/pip.whl')).toMatchObject({ name: 'pip', specifier: '@ https://example.org/pip.whl' });
    expect(parseRequirement('not a requirement')).toBeUndefined();
  });

  it('evaluates markers for the environment, versions compared as versions', () => {
    expect(evaluateMarker("python_version < '3.10'", env, [])).toBe(false);
    expect(evaluateMarker("python_version >= '3.9'", env, [])).toBe(true);
    expect(evaluateMarker("python_full_version < '3.11.8' and sys_platform == 'linux'", env, [])).toBe(true);
    expect(evaluateMarker("platform_system == 'Windows'", env, [])).toBe(false);
    expect(evaluateMarker("implementation_name != 'pypy' and platform_machine == 'x86_64'", env, [])).toBe(true);
    expect(evaluateMarker("(platform_python_implementation == 'PyPy') or extra == 'test'", env, ['test'])).toBe(true);
    expect(evaluateMarker('extra == "docs"', env, ['test'])).toBe(false);
  });

  it('leaves undecided what it cannot know, and an undecided OR a true is true', () => {
    const unknownVersion = markerEnvironment(undefined, 'linux', undefined);
    expect(evaluateMarker("python_version < '3.10'", unknownVersion, [])).toBeUndefined();
    expect(evaluateMarker("python_version < '3.10' or sys_platform == 'linux'", unknownVersion, [])).toBe(true);
    expect(evaluateMarker("python_version < '3.10' and sys_platform == 'win32'", unknownVersion, [])).toBe(false);
    expect(evaluateMarker('this is ( not a marker', env, [])).toBeUndefined();
  });
});

describe('trove classifiers', () => {
  it('one that restricts use ("Free for non-commercial use", "Other/Proprietary License") keeps the package unknown whatever its licence files say; one naming another licence than the License field adds it', async () => {
    const project = mkdtempSync(join(tmpdir(), 'copyfair-py-restrict-'));
    const site = join(project, '.venv/lib/python3.11/site-packages');
    const mit = 'Permission is hereby granted, free of charge, to any person obtaining a copy\nof this software and associated documentation files (the "Software"), to deal\nin the Software without restriction, including without limitation the rights\nto use, copy, modify, merge, publish, distribute, sublicense, and/or sell\ncopies of the Software, and to permit persons to whom the Software is\nfurnished to do so, subject to the following conditions:\n\nThe above copyright notice and this permission notice shall be included in all\ncopies or substantial portions of the Software.\n\nTHE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR\nIMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,\nFITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE\nAUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER\nLIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,\nOUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE\nSOFTWARE.\n';
    const dist = (name: string, headers: string, licenceFile = true) => {
      mkdirSync(join(site, `${name}-1.0.dist-info`), { recursive: true });
      writeFileSync(join(site, `${name}-1.0.dist-info/METADATA`), `Metadata-Version: 2.1\nName: ${name}\nVersion: 1.0\n${headers}\n`);
      if (licenceFile) writeFileSync(join(site, `${name}-1.0.dist-info/LICENSE`), `Copyright (c) 2024 ${name}\n\n${mit}`);
    };
    dist('hobby', 'Classifier: License :: Free for non-commercial use\n');
    dist('mixed', 'License: MIT\nClassifier: License :: OSI Approved :: MIT License\nClassifier: License :: Other/Proprietary License\n');
    dist('plain', 'Classifier: License :: OSI Approved :: MIT License\nClassifier: License :: Public Domain\n');
    // License-Expression supersedes the classifiers (PEP 639).
    dist('modern', 'License-Expression: MIT\nClassifier: License :: Other/Proprietary License\n');
    // A License field and a classifier that names another licence: both apply; one that restates
    // the field, or cannot say its OR, adds nothing.
    dist('conflicted', 'License: MIT\nClassifier: License :: OSI Approved :: GNU General Public License v3 (GPLv3)\n');
    dist('dual', 'License: Apache-2.0 OR MIT\nClassifier: License :: OSI Approved :: Apache Software License\nClassifier: License :: OSI Approved :: MIT License\n', false);
    dist('later', 'License: GPLv3+\nClassifier: License :: OSI Approved :: GNU General Public License v3 (GPLv3)\n', false);
    // A License field that restricts, alone or beside License-Expression (each was MIT, free, from
    // the licence file); one copyfair cannot read and that sets nothing leaves it to the files.
    dist('noncommercial', 'License: MIT (free for non-commercial use)\n');
    dist('commercial', 'License-Expression: MIT\nLicense: Commercial, see https://acme.example/terms\n');
    dist('odd', 'License: Dual License\n');
    writeFileSync(join(project, '.venv/pyvenv.cfg'), 'version_info = 3.11.7\n');
    const report = await scanPython(project);
    const components = byName(report.components);
    expect(components.hobby.verdict.outcome).toBe('unknown');
    expect(components.mixed.verdict.outcome).toBe('unknown');
    expect(components.plain.verdict.outcome).toBe('free');
    expect(components.modern.verdict.outcome).toBe('free');
    const said = report.diagnostics.filter((d) => d.code === 'licence-declared-unknown').map((d) => d.component);
    expect(said.sort()).toEqual(['commercial@1.0', 'hobby@1.0', 'mixed@1.0', 'noncommercial@1.0']);
    expect(components.noncommercial.verdict.outcome).toBe('unknown');
    expect(components.commercial.verdict.outcome).toBe('unknown');
    expect(components.odd).toMatchObject({ expression: 'MIT', verdict: { outcome: 'free' } });
    expect(components.conflicted).toMatchObject({ expression: 'MIT AND GPL-3.0-only', verdict: { outcome: 'share-alike' } });
    expect(report.diagnostics.filter((d) => d.code === 'licence-mismatch').map((d) => d.component)).toEqual(['conflicted@1.0']);
    expect(components.dual).toMatchObject({ expression: 'Apache-2.0 OR MIT', verdict: { outcome: 'free' } });
    expect(components.later.expression).toBe('GPL-3.0-or-later');
    expect(report.diagnostics.find((d) => d.component === 'hobby@1.0')!.location).toMatchObject({ line: 4 });
  });

  it("a License field holding a bundle's licence file (SciPy's: its LICENSE.txt whole) is read section by section, as the file is", async () => {
    const project = mkdtempSync(join(tmpdir(), 'copyfair-py-bundle-'));
    const site = join(project, '.venv/lib/python3.11/site-packages');
    // NumPy's and SciPy's wheel format, whose GPL-3.0 text the fixture leaves out: read whole,
    // no known text explains it; read section by section, every licence is found.
    const gpl = (await import('spdx-license-list/full.js')).default['GPL-3.0-only']!.licenseText as string;
    const bundle = readFileSync('fixtures/identify/bundled/numpy-wheel-like.txt', 'utf8').replace('@GPL-3.0@', gpl);
    mkdirSync(join(site, 'wheel_with_bundle-1.0.dist-info'), { recursive: true });
    const folded = bundle.split('\n').map((line) => `        ${line}`).join('\n');
    writeFileSync(join(site, 'wheel_with_bundle-1.0.dist-info/METADATA'), `Metadata-Version: 2.1\nName: wheel-with-bundle\nVersion: 1.0\nLicense: ${folded.trimStart()}\n\nA description.\n`);
    writeFileSync(join(project, '.venv/pyvenv.cfg'), 'version_info = 3.11.7\n');
    const component = byName((await scanPython(project)).components)['wheel-with-bundle'];
    expect(component).toMatchObject({ expression: 'BSD-3-Clause AND BSD-3-Clause-Open-MPI AND GPL-3.0-or-later WITH GCC-exception-3.1 AND LGPL-2.1-or-later AND LGPL-2.0-or-later', verdict: { outcome: 'share-alike' } });
  });

  it('maps every classifier of the table to an SPDX id the knowledge base knows, or to null', () => {
    const kb = loadKnowledgeBase();
    for (const [classifier, id] of Object.entries(LICENCE_CLASSIFIERS)) {
      if (id === null) continue;
      expect(parseExpression(id, kb).ok, `${classifier} → ${id}`).toBe(true);
    }
  });

  it('knows every licence classifier of the trove list (pypa/trove-classifiers, 2024): an unlisted one left its package unknown', () => {
    const trove = [
      'Aladdin Free Public License (AFPL)',
      'CC0 1.0 Universal (CC0 1.0) Public Domain Dedication',
      'CeCILL-B Free Software License Agreement (CECILL-B)',
      'CeCILL-C Free Software License Agreement (CECILL-C)',
      'DFSG approved',
      'Eiffel Forum License (EFL)',
      'Free For Educational Use',
      'Free For Home Use',
      'Free To Use But Restricted',
      'Free for non-commercial use',
      'Freely Distributable',
      'Freeware',
      'GUST Font License 1.0',
      'GUST Font License 2006-09-30',
      'Netscape Public License (NPL)',
      'Nokia Open Source License (NOKOS)',
      'OSI Approved',
      'OSI Approved :: Academic Free License (AFL)',
      'OSI Approved :: Apache Software License',
      'OSI Approved :: Apple Public Source License',
      'OSI Approved :: Artistic License',
      'OSI Approved :: Attribution Assurance License',
      'OSI Approved :: BSD License',
      'OSI Approved :: Blue Oak Model License (BlueOak-1.0.0)',
      'OSI Approved :: Boost Software License 1.0 (BSL-1.0)',
      'OSI Approved :: CEA CNRS Inria Logiciel Libre License, version 2.1 (CeCILL-2.1)',
      'OSI Approved :: CMU License (MIT-CMU)',
      'OSI Approved :: Common Development and Distribution License 1.0 (CDDL-1.0)',
      'OSI Approved :: Common Public License',
      'OSI Approved :: Eclipse Public License 1.0 (EPL-1.0)',
      'OSI Approved :: Eclipse Public License 2.0 (EPL-2.0)',
      'OSI Approved :: Educational Community License, Version 2.0 (ECL-2.0)',
      'OSI Approved :: Eiffel Forum License',
      'OSI Approved :: European Union Public Licence 1.0 (EUPL 1.0)',
      'OSI Approved :: European Union Public Licence 1.1 (EUPL 1.1)',
      'OSI Approved :: European Union Public Licence 1.2 (EUPL 1.2)',
      'OSI Approved :: GNU Affero General Public License v3',
      'OSI Approved :: GNU Affero General Public License v3 or later (AGPLv3+)',
      'OSI Approved :: GNU Free Documentation License (FDL)',
      'OSI Approved :: GNU General Public License (GPL)',
      'OSI Approved :: GNU General Public License v2 (GPLv2)',
      'OSI Approved :: GNU General Public License v2 or later (GPLv2+)',
      'OSI Approved :: GNU General Public License v3 (GPLv3)',
      'OSI Approved :: GNU General Public License v3 or later (GPLv3+)',
      'OSI Approved :: GNU Lesser General Public License v2 (LGPLv2)',
      'OSI Approved :: GNU Lesser General Public License v2 or later (LGPLv2+)',
      'OSI Approved :: GNU Lesser General Public License v3 (LGPLv3)',
      'OSI Approved :: GNU Lesser General Public License v3 or later (LGPLv3+)',
      'OSI Approved :: GNU Library or Lesser General Public License (LGPL)',
      'OSI Approved :: Historical Permission Notice and Disclaimer (HPND)',
      'OSI Approved :: IBM Public License',
      'OSI Approved :: ISC License (ISCL)',
      'OSI Approved :: Intel Open Source License',
      'OSI Approved :: Jabber Open Source License',
      'OSI Approved :: MIT License',
      'OSI Approved :: MIT No Attribution License (MIT-0)',
      'OSI Approved :: MITRE Collaborative Virtual Workspace License (CVW)',
      'OSI Approved :: MirOS License (MirOS)',
      'OSI Approved :: Motosoto License',
      'OSI Approved :: Mozilla Public License 1.0 (MPL)',
      'OSI Approved :: Mozilla Public License 1.1 (MPL 1.1)',
      'OSI Approved :: Mozilla Public License 2.0 (MPL 2.0)',
      'OSI Approved :: Mulan Permissive Software License v2 (MulanPSL-2.0)',
      'OSI Approved :: NASA Open Source Agreement v1.3 (NASA-1.3)',
      'OSI Approved :: Nethack General Public License',
      'OSI Approved :: Nokia Open Source License',
      'OSI Approved :: Open Group Test Suite License',
      'OSI Approved :: Open Software License 3.0 (OSL-3.0)',
      'OSI Approved :: PostgreSQL License',
      'OSI Approved :: Python License (CNRI Python License)',
      'OSI Approved :: Python Software Foundation License',
      'OSI Approved :: Qt Public License (QPL)',
      'OSI Approved :: Ricoh Source Code Public License',
      'OSI Approved :: SIL Open Font License 1.1 (OFL-1.1)',
      'OSI Approved :: Sleepycat License',
      'OSI Approved :: Sun Industry Standards Source License (SISSL)',
      'OSI Approved :: Sun Public License',
      'OSI Approved :: The Unlicense (Unlicense)',
      'OSI Approved :: Universal Permissive License (UPL)',
      'OSI Approved :: University of Illinois/NCSA Open Source License',
      'OSI Approved :: Vovida Software License 1.0',
      'OSI Approved :: W3C License',
      'OSI Approved :: X.Net License',
      'OSI Approved :: Zero-Clause BSD (0BSD)',
      'OSI Approved :: Zope Public License',
      'OSI Approved :: zlib/libpng License',
      'Other/Proprietary License',
      'Public Domain',
      'Repoze Public License',
    ];
    expect(trove.filter((classifier) => !(classifier in LICENCE_CLASSIFIERS))).toEqual([]);
    // py-postgresql (Debian): four classifiers, Attribution Assurance among them; all apply.
    expect(readClassifiers(['License :: OSI Approved :: MIT License', 'License :: OSI Approved :: Attribution Assurance License', 'License :: OSI Approved :: Zero-Clause BSD (0BSD)']).ids).toEqual(['MIT', 'AAL', '0BSD']);
  });

  it('keeps classifiers that name no single licence apart', () => {
    expect(readClassifiers(['License :: OSI Approved :: MIT License', 'License :: OSI Approved :: BSD License', 'Programming Language :: Python'])).toEqual({ ids: ['MIT'], vague: ['License :: OSI Approved :: BSD License'], restricting: [], families: ['LicenseRef-copyfair-family-BSD'] });
    expect(readClassifiers(['License :: Free for non-commercial use', 'License :: Public Domain'])).toEqual({ ids: [], vague: ['License :: Free for non-commercial use', 'License :: Public Domain'], restricting: ['License :: Free for non-commercial use'], families: [undefined, undefined] });
    // The bare parent beside a specific OSI classifier says nothing more (uritemplate); alone it stays vague.
    expect(readClassifiers(['License :: OSI Approved', 'License :: OSI Approved :: Apache Software License', 'License :: OSI Approved :: BSD License']).vague).not.toContain('License :: OSI Approved');
    expect(readClassifiers(['License :: OSI Approved'])).toEqual({ ids: [], vague: ['License :: OSI Approved'], restricting: [], families: [undefined] });
    expect(readClassifiers(['License :: OSI Approved', 'License :: Public Domain']).vague).toEqual(['License :: OSI Approved', 'License :: Public Domain']);
  });

  it('without a licence file, a classifier naming a family without its version reads as that family; with one, the file decides', async () => {
    const project = mkdtempSync(join(tmpdir(), 'copyfair-py-family-'));
    const site = join(project, '.venv/lib/python3.11/site-packages');
    const dist = (name: string, headers: string, licence?: string) => {
      mkdirSync(join(site, `${name}-1.0.dist-info`), { recursive: true });
      writeFileSync(join(site, `${name}-1.0.dist-info/METADATA`), `Metadata-Version: 2.1\nName: ${name}\nVersion: 1.0\n${headers}\n`);
      if (licence) writeFileSync(join(site, `${name}-1.0.dist-info/LICENSE`), licence);
    };
    // colorama, lz4, ujson as Debian installs them: "BSD License" and no licence file.
    dist('bsd', 'Classifier: License :: OSI Approved :: BSD License\n');
    dist('gpl', 'Classifier: License :: OSI Approved :: GNU General Public License (GPL)\n');
    // packaging: "Apache Software License" and "BSD License" (its OR cannot be said by classifiers).
    dist('two', 'Classifier: License :: OSI Approved :: Apache Software License\nClassifier: License :: OSI Approved :: BSD License\n');
    dist('osi', 'Classifier: License :: OSI Approved\n');
    dist('partly', 'Classifier: License :: OSI Approved :: BSD License\nClassifier: License :: Public Domain\n');
    dist('filed', 'Classifier: License :: OSI Approved :: BSD License\n', 'Copyright (c) 2024 filed\n\nThis software may be used by non-profits only.\n');
    // The Pylons projects as Debian installs them: pyramid and translationstring classified
    // "Repoze Public License", venusian's License field naming it by its address.
    dist('pyramid', 'Classifier: License :: Repoze Public License\n');
    dist('venusian', 'License: BSD-derived (http://www.repoze.org/LICENSE.txt)\nClassifier: License :: Repoze Public License\n');
    writeFileSync(join(project, '.venv/pyvenv.cfg'), 'version_info = 3.11.7\n');
    const components = byName((await scanPython(project)).components);
    expect(components.bsd).toMatchObject({ expression: 'LicenseRef-copyfair-family-BSD', verdict: { outcome: 'free' } });
    expect(components.bsd.verdict.notes[0]).toContain('"BSD" names no version; copyfair assumed any of BSD-2-Clause, BSD-3-Clause, BSD-4-Clause');
    expect(components.gpl).toMatchObject({ expression: 'LicenseRef-copyfair-family-GPL' });
    expect(components.two).toMatchObject({ expression: 'Apache-2.0 AND LicenseRef-copyfair-family-BSD', verdict: { outcome: 'free' } });
    expect(components.osi).toMatchObject({ expression: null, verdict: { outcome: 'unknown' } });
    expect(components.pyramid).toMatchObject({ expression: 'BSD-3-Clause-Modification', verdict: { outcome: 'free' } });
    expect(components.venusian).toMatchObject({ expression: 'BSD-3-Clause-Modification', verdict: { outcome: 'free' } });
    expect(components.venusian.verdict.obligations.map((obligation: { kind: string }) => obligation.kind)).toContain('state-changes');
    expect(components.partly).toMatchObject({ expression: null, verdict: { outcome: 'unknown' } });
    // The licence file decides, and this one restricts: never the family's free.
    expect(components.filed.verdict.outcome).toBe('unknown');
  });
});

describe('lockfiles', () => {
  it('reads poetry.lock, pdm.lock and Pipfile.lock', () => {
    const poetry = parseLockfile('poetry.lock', '[[package]]\nname = "Django"\nversion = "5.1.4"\n\n[package.dependencies]\nasgiref = ">=3.8"\n');
    expect(poetry.ok && [...poetry.packages.values()]).toEqual([{ name: 'django', version: '5.1.4', dependencies: ['asgiref'], line: 1 }]);
    const pdm = parseLockfile('pdm.lock', '[metadata]\ngroups = ["default"]\n\n[[package]]\nname = "click"\nversion = "8.1.7"\ndependencies = ["colorama; platform_system == \\"Windows\\""]\n');
    expect(pdm.ok && pdm.packages.get('click')).toEqual({ name: 'click', version: '8.1.7', dependencies: ['colorama'], line: 4 });
    const pipfile = parseLockfile('Pipfile.lock', JSON.stringify({ _meta: {}, default: { Requests: { version: '==2.32.3' } }, develop: { pytest: { version: '==8.3.4' } } }, null, 4));
    expect(pipfile.ok && [...pipfile.packages.values()].map((p) => [p.name, p.version, p.dev ?? false])).toEqual([['requests', '2.32.3', false], ['pytest', '8.3.4', true]]);
  });

  it('points at the line and column of broken TOML and JSON', () => {
    expect(parseLockfile('uv.lock', 'version = 1\n[[package]\nname = "x"\n')).toMatchObject({ ok: false, problem: { line: 2 } });
    expect(parseLockfile('Pipfile.lock', '{\n  "default": {,\n}')).toMatchObject({ ok: false, problem: { line: 2 } });
  });
});

describe('an installed environment (fixtures/python/venv-app: real dist-info folders)', () => {
  it('reads every claim in order of preference, and the graph through Requires-Dist and markers', async () => {
    const report = await scanPython('fixtures/python/venv-app');
    const c = byName(report.components);
    expect(Object.keys(c).sort()).toEqual(['blinker', 'cffi', 'click', 'colorama', 'cryptography', 'flask', 'idna', 'iniconfig', 'itsdangerous', 'jinja2', 'markupsafe', 'pycparser', 'traitlets', 'werkzeug', 'xmltodict']);
    // PEP 639 License-Expression with OR; the licence files are its branches, not an AND.
    expect(c.cryptography.evidence[0]).toMatchObject({ kind: 'declared', value: 'Apache-2.0 OR BSD-3-Clause' });
    expect(c.cryptography.expression).toBe('Apache-2.0 OR BSD-3-Clause');
    // A classifier-only licence.
    expect(c.blinker.evidence[0]).toMatchObject({ kind: 'declared', value: 'License :: OSI Approved :: MIT License', expression: 'MIT' });
    // "BSD License" names no single licence: the licence file decides.
    expect(c.itsdangerous.evidence.map((e: any) => e.kind)).toEqual(['licence-file']);
    expect(c.itsdangerous.verdict.outcome).toBe('free');
    // The whole licence text in the License field, identified.
    expect(c.traitlets.evidence[0]).toMatchObject({ kind: 'licence-file', expression: 'BSD-3-Clause', location: { file: '.venv/lib/python3.11/site-packages/traitlets-5.15.0.dist-info/METADATA', line: 11 } });
    // egg-info PKG-INFO.
    expect(c.xmltodict).toMatchObject({ expression: 'MIT', purl: 'pkg:pypi/xmltodict@0.13.0' });
    expect(c.flask).toMatchObject({ purl: 'pkg:pypi/flask@3.1.3', ecosystem: 'python', scope: 'prod', location: { file: 'pyproject.toml', line: 7 } });
    expect(c.pycparser.paths).toEqual([['survey-service', 'cryptography', 'cffi', 'pycparser']]);
    expect(c.markupsafe.paths[0]).toEqual(['survey-service', 'flask', 'markupsafe']);
    expect(c.iniconfig.scope).toBe('dev');
    // click needs colorama only on Windows: colorama is here because the project asks for it.
    expect(c.colorama.paths).toEqual([['survey-service', 'colorama']]);
  });

  it('reports a broken METADATA where it breaks, and reads the package\'s licence files all the same', async () => {
    const report = await scanPython('fixtures/python/venv-app');
    const broken = report.diagnostics.find((d) => d.code === 'python-file-invalid')!;
    expect(broken.location).toEqual({ file: '.venv/lib/python3.11/site-packages/colorama-0.4.6.dist-info/METADATA', line: 1, column: 1 });
    expect(byName(report.components).colorama).toMatchObject({ version: '0.4.6', expression: 'BSD-3-Clause' });
  });

  it('evaluates markers for the platform: on Windows click brings colorama too', async () => {
    const report = await scanPython('fixtures/python/venv-app', { platform: 'win32' });
    expect(byName(report.components).colorama.paths).toContainEqual(['survey-service', 'flask', 'click', 'colorama']);
  });

  it('reads an environment outside the project (--python-env, $VIRTUAL_ENV), labelled, never writing to it', async () => {
    const project = mkdtempSync(join(tmpdir(), 'copyfair-py-'));
    writeFileSync(join(project, 'requirements.txt'), 'blinker\n');
    const env = mkdtempSync(join(tmpdir(), 'copyfair-venv-'));
    cpSync('fixtures/python/venv-app/.venv', env, { recursive: true });
    const viaFlag = await scanPython(project, { pythonEnv: env });
    expect(byName(viaFlag.components).blinker.directory).toBe('<python-env>/lib/python3.11/site-packages/blinker-1.9.0.dist-info');
    const viaShell = await scanPython(project, { virtualEnv: env });
    expect(byName(viaShell.components).blinker).toMatchObject({ expression: 'MIT', directory: '$VIRTUAL_ENV/lib/python3.11/site-packages/blinker-1.9.0.dist-info' });
    // The project's own .venv wins over the shell's.
    mkdirSync(join(project, '.venv'));
    writeFileSync(join(project, '.venv', 'pyvenv.cfg'), 'version = 3.12.1\n');
    const own = await scanPython(project, { virtualEnv: env });
    expect(own.diagnostics.map((d) => d.code)).toContain('python-file-invalid');
  });
});

describe('licence folders as wheels really lay them out (fixtures/python/maturin-wheel)', () => {
  it('reads maturin\'s license_files/ (orjson 3.8), licence files nested at their source path, and says which License-File is missing', async () => {
    const report = await scanPython('fixtures/python/maturin-wheel');
    const components = byName(report.components);
    const site = '.venv/lib/python3.11/site-packages';
    // orjson's two texts are the branches of its declared choice, not an AND.
    expect(components.orjson.licenceFiles).toEqual([`${site}/orjson-3.8.3.dist-info/license_files/LICENSE-APACHE`, `${site}/orjson-3.8.3.dist-info/license_files/LICENSE-MIT`]);
    expect(components.orjson).toMatchObject({ expression: 'Apache-2.0 OR MIT', verdict: { outcome: 'free' } });
    // Five folders down, as numpy keeps its bundled code's licences: declared MIT, but the bundled
    // MPL-2.0 text is read, so it is not free (a walk three folders deep answered free).
    expect(components.vendorlib.licenceFiles).toContain(`${site}/vendorlib-1.0.0.dist-info/licenses/vendorlib/_vendor/src/fastmath/simd/LICENSE.txt`);
    expect(components.vendorlib).toMatchObject({ expression: 'MIT AND MPL-2.0', verdict: { outcome: 'share-alike' } });
    // A licence file below licenses/ is the licence of the code at that path (PEP 639): a part,
    // beside the project's own licenses/LICENSE, not a disagreement with the declaration.
    expect(components.vendorlib.evidence.filter((e: { part?: boolean }) => e.part).map((e: { expression: string }) => e.expression)).toEqual(['MPL-2.0']);
    expect(report.diagnostics.filter((d) => d.code === 'licence-mismatch' && d.component === 'vendorlib@1.0.0')).toEqual([]);
    // REUSE's LICENSES/ below licenses/ holds the project's own (reuselib, below).
    expect(isLicenceSubfolderPath(`${site}/reuselib-2.0.0.dist-info/licenses/LICENSES/MIT.txt`)).toBe(false);
    expect(isLicenceSubfolderPath(`${site}/vendorlib-1.0.0.dist-info/licenses/LICENSE`)).toBe(false);
    const missing = report.diagnostics.filter((d) => d.code === 'python-licence-file-missing');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ severity: 'warning', component: 'ghostlib@0.2.0', location: { file: `${site}/ghostlib-0.2.0.dist-info/METADATA`, line: 6 } });
    expect(missing[0]!.message).toContain('License-File "LICENSE"');
    expect(components.ghostlib).toMatchObject({ expression: 'MIT', licenceFiles: [] });
  });

  it('reads every text its author put in the licence folder, whatever its name (both were free before)', async () => {
    const report = await scanPython('fixtures/python/maturin-wheel');
    const components = byName(report.components);
    const site = '.venv/lib/python3.11/site-packages';
    // A bundled component's licence in THIRD_PARTY_LICENSES, as aws-sam-translator ships it.
    // A third-party notices file: its licences are parts, beside the package's own, not a
    // disagreement with the declaration.
    expect(components.thirdpartylib).toMatchObject({ expression: 'MIT AND MS-RL', verdict: { outcome: 'share-alike' } });
    expect(components.thirdpartylib.evidence.filter((e: { part?: boolean }) => e.part).map((e: { expression: string }) => e.expression)).toEqual(['MS-RL']);
    // A REUSE project's LICENSES/<SPDX id>.txt, kept at that path under licenses/; its NOTICE is a
    // notice (listed for `copyfair notice`), not a licence text to identify.
    expect(components.reuselib.licenceFiles).toEqual([`${site}/reuselib-2.0.0.dist-info/licenses/LICENSES/MIT.txt`, `${site}/reuselib-2.0.0.dist-info/licenses/LICENSES/MS-RL.txt`, `${site}/reuselib-2.0.0.dist-info/licenses/NOTICE`]);
    expect(components.reuselib).toMatchObject({ expression: 'MIT AND MS-RL', verdict: { outcome: 'share-alike' } });
    expect(components.reuselib.evidence.filter((e: { kind: string }) => e.kind === 'licence-file').map((e: { location?: { file: string } }) => e.location?.file.split('/').pop())).toEqual(['MIT.txt', 'MS-RL.txt']);
    const mismatches = report.diagnostics.filter((d) => d.code === 'licence-mismatch').map((d) => d.component);
    expect(mismatches).toContain('reuselib@2.0.0');
    expect(mismatches).not.toContain('thirdpartylib@1.0.0');
  });

  it('does not call an .egg-info\'s License-File missing: it names a file of the source tree, never installed there', async () => {
    const report = await scanPython('fixtures/python/venv-app');
    expect(byName(report.components).xmltodict.directory).toMatch(/xmltodict-0\.13\.0\.egg-info$/);
    expect(report.diagnostics.map((d) => d.code)).not.toContain('python-licence-file-missing');
  });
});

describe('without an environment', () => {
  it('a lockfile gives names, versions and the graph; each package is unknown until installed', async () => {
    const report = await scanPython('fixtures/python/uv-lock-only');
    const c = byName(report.components);
    expect(Object.keys(c).sort()).toEqual(['certifi', 'charset-normalizer', 'colorama', 'idna', 'iniconfig', 'packaging', 'pluggy', 'pytest', 'requests', 'urllib3']);
    expect(c.urllib3).toMatchObject({ version: '2.2.3', scope: 'prod', paths: [['survey-export', 'requests', 'urllib3']], location: { file: 'uv.lock', line: 78 }, verdict: { outcome: 'unknown' } });
    expect(c.urllib3.verdict.because[0].because).toBe('urllib3@2.2.3 is not installed: install it (`uv sync`) to read its licence');
    expect(c.pytest.scope).toBe('dev');
    expect(report.diagnostics.map((d) => d.code)).toEqual(['python-not-installed']);
  });

  it('poetry.lock and [tool.poetry] groups', async () => {
    const c = byName((await scanPython('fixtures/python/poetry-lock')).components);
    expect(c.sqlparse).toMatchObject({ scope: 'prod', paths: [['member-portal', 'django', 'sqlparse']] });
    expect(c.pytest).toMatchObject({ scope: 'dev', paths: [['member-portal', 'pytest-django', 'pytest']] });
    expect(c.django.verdict.because[0].because).toContain('`poetry install`');
  });

  it('requirements files: -r includes, pins, hashes, unpinned lines, an editable install from git, and a line that is no requirement', async () => {
    const report = await scanPython('fixtures/python/requirements');
    const c = byName(report.components);
    expect(Object.fromEntries(Object.values(c).map((x: any) => [x.name, `${x.version} ${x.scope}`]))).toEqual({ certifi: '2024.8.30 prod', flask: 'unknown prod', gunicorn: '23.0.0 prod', idna: '3.10 prod', 'internal-tool': 'unknown prod', pytest: '8.3.4 dev' });
    expect(c['internal-tool'].location).toEqual({ file: 'requirements.txt', line: 6 });
    expect(report.diagnostics.find((d) => d.code === 'python-file-invalid')!.location).toEqual({ file: 'requirements-dev.txt', line: 3, column: 1 });
  });

  it('a broken pyproject.toml is a diagnostic at its line and column', async () => {
    const root = mkdtempSync(join(tmpdir(), 'copyfair-py-'));
    writeFileSync(join(root, 'pyproject.toml'), '[project]\nname = "x"\ndependencies = ["a",\n');
    writeFileSync(join(root, 'requirements.txt'), 'idna==3.10\n');
    const report = await scanPython(root);
    expect(report.diagnostics.find((d) => d.code === 'python-file-invalid')!.location).toMatchObject({ file: 'pyproject.toml', line: 4 });
    expect(report.components.map((c) => c.name)).toEqual(['idna']);
  });
});

describe('the project installed in its own environment', () => {
  it('is not counted as its own dependency (uv sync, poetry install, pip install -e .)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'copyfair-py-'));
    cpSync('fixtures/python/venv-app/.venv', join(root, '.venv'), { recursive: true });
    const own = join(root, '.venv/lib/python3.11/site-packages/survey_service-0.4.0.dist-info');
    mkdirSync(own);
    writeFileSync(join(own, 'METADATA'), 'Metadata-Version: 2.4\nName: survey-service\nVersion: 0.4.0\nRequires-Dist: blinker\n');
    writeFileSync(join(root, 'pyproject.toml'), '[project]\nname = "Survey_Service"\nversion = "0.4.0"\n');
    const report = await scanPython(root);
    expect(report.project.name).toBe('Survey_Service');
    expect(report.components.map((c) => c.name)).not.toContain('survey-service');
    expect(report.components.length).toBeGreaterThan(10);
  });
});

describe('setup.cfg and Pipfile', () => {
  it('read their direct requirements with scopes and lines; a setup.cfg of tool settings only is no project', async () => {
    const root = mkdtempSync(join(tmpdir(), 'copyfair-py-'));
    writeFileSync(join(root, 'setup.cfg'), '[metadata]\nname = legacy-app\nversion = 2.1\n\n[options]\ninstall_requires =\n    requests>=2.0\n    click ; python_version >= "3.8"\ntests_require =\n    pytest\n\n[options.extras_require]\nyaml = PyYAML>=6\n\n[flake8]\nmax-line-length = 100\n');
    writeFileSync(join(root, 'Pipfile'), '[packages]\nflask = "*"\nrich = {version = ">=13", extras = ["jupyter"]}\n\n[dev-packages]\nblack = "==24.1.0"\n');
    const report = await scanPython(root);
    expect(report.project.name).toBe('legacy-app');
    expect(report.components.map((c) => `${c.name} ${c.scope} ${c.location!.file}:${c.location!.line}`)).toEqual([
      'black dev Pipfile:6',
      'click prod setup.cfg:8',
      'flask prod Pipfile:2',
      'pytest dev setup.cfg:10',
      'pyyaml optional setup.cfg:13',
      'requests prod setup.cfg:7',
      'rich prod Pipfile:3',
    ]);
    const tools = mkdtempSync(join(tmpdir(), 'copyfair-py-'));
    writeFileSync(join(tools, 'setup.cfg'), '[flake8]\nmax-line-length = 100\n');
    writeFileSync(join(tools, 'package.json'), '{"name":"web","version":"1.0.0"}');
    expect((await scanPython(tools)).project.sources.map((s) => s.file)).toEqual(['package.json']);
  });
});

describe('uv workspaces', () => {
  it('a member locked as editable is the project\'s own code, its dependencies are not', async () => {
    const root = mkdtempSync(join(tmpdir(), 'copyfair-py-'));
    writeFileSync(join(root, 'pyproject.toml'), '[project]\nname = "app"\nversion = "1.0.0"\ndependencies = ["shared"]\n\n[tool.uv.workspace]\nmembers = ["packages/*"]\n\n[tool.uv.sources]\nshared = { workspace = true }\n');
    writeFileSync(join(root, 'uv.lock'), 'version = 1\n\n[[package]]\nname = "app"\nversion = "1.0.0"\nsource = { virtual = "." }\ndependencies = [{ name = "shared" }]\n\n[[package]]\nname = "shared"\nversion = "0.1.0"\nsource = { editable = "packages/shared" }\ndependencies = [{ name = "idna" }]\n\n[[package]]\nname = "idna"\nversion = "3.10"\nsource = { registry = "https://pypi.org/simple" }\n');
    const report = await scanPython(root);
    expect(report.components.map((c) => `${c.name} ${JSON.stringify(c.paths[0])}`)).toEqual(['idna ["app","shared","idna"]']);
  });
});

describe('a License field naming a family, and a classifier naming its version', () => {
  it('reads the version the classifier gives, without a mismatch; a classifier of another licence is still both, with one', async () => {
    const root = mkdtempSync(join(tmpdir(), 'copyfair-py-family-'));
    const site = join(root, '.venv/lib/python3.11/site-packages');
    const dist = (name: string, licence: string, classifier: string) => {
      mkdirSync(join(site, `${name}-1.0.dist-info`), { recursive: true });
      writeFileSync(join(site, `${name}-1.0.dist-info/METADATA`), `Metadata-Version: 2.1\nName: ${name}\nVersion: 1.0\nLicense: ${licence}\nClassifier: ${classifier}\n`);
    };
    mkdirSync(site, { recursive: true });
    writeFileSync(join(root, '.venv/pyvenv.cfg'), 'home = /usr/bin\nversion = 3.11.2\n');
    // bleach and regex as Debian installs them: no licence file, the family in the field.
    dist('bleachy', 'Apache Software License', 'License :: OSI Approved :: Apache Software License');
    dist('chardety', 'LGPL', 'License :: OSI Approved :: GNU Lesser General Public License v2 or later (LGPLv2+)');
    dist('netaddry', 'BSD License', 'License :: OSI Approved :: MIT License');
    // "PSF" (Python-2.0, the stack the PSF agreement heads) classified "Python Software Foundation License" (PSF-2.0): the same licence.
    dist('defusedxmly', 'PSFL', 'License :: OSI Approved :: Python Software Foundation License');
    const report = await scanPython(root);
    const c = byName(report.components);
    expect(c.bleachy).toMatchObject({ expression: 'Apache-2.0', verdict: { outcome: 'free' } });
    expect(c.chardety.expression).toBe('LGPL-2.0-or-later');
    expect(c.netaddry.expression).toBe('LicenseRef-copyfair-family-BSD AND MIT');
    expect(c.defusedxmly).toMatchObject({ expression: 'Python-2.0', verdict: { outcome: 'free' } });
    expect(report.diagnostics.filter((d) => d.code === 'licence-mismatch').map((d) => d.component)).toEqual(['netaddry@1.0']);
  });
});
