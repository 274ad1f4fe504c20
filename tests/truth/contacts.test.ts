// To whom (issue 9): for every payback or share-alike package, who to go to, best first, each
// labelled with where it came from; only http(s) addresses.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { contactsFor, copyrightHolders, httpUrl, licenceTextAddresses } from '../../src/report/contacts.js';
import type { Report } from '../../src/types.js';
import { buslFile } from '../identify/scenarios.js';
import { run } from '../cli/run.js';

const dir = mkdtempSync(join(tmpdir(), 'copyfair-truth-contacts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(() => {
  const pkg = (name: string, manifest: object, licence?: string) => {
    mkdirSync(join(dir, 'node_modules', name), { recursive: true });
    writeFileSync(join(dir, 'node_modules', name, 'package.json'), JSON.stringify({ name, version: '1.0.0', ...manifest }));
    if (licence) writeFileSync(join(dir, 'node_modules', name, 'LICENSE'), licence);
  };
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { 'ppl-lib': '1.0.0', engine: '1.0.0' } }));
  pkg('ppl-lib', {
    license: 'PPL',
    author: 'Ada Worker <ada@coop.example> (https://ada.example)',
    maintainers: [{ name: 'Bo', email: 'bo@coop.example' }],
    homepage: 'javascript:alert(1)',
    repository: { type: 'git', url: 'git+https://github.com/coop/ppl-lib.git' },
    funding: { url: 'https://opencollective.com/ppl-lib' },
  });
  pkg('engine', { license: 'BUSL-1.1', homepage: 'https://acme.example' }, buslFile());
});

describe('through the CLI', () => {
  it('a PPL package gets its funding, author, maintainer and repository, labelled, in order', async () => {
    const report = JSON.parse((await run(['scan', dir, '--format', 'json', '--date', '2026-11-24'])).stdout) as Report;
    const item = report.answer.owed.flatMap((group) => group.items).find((i) => i.component === 'ppl-lib')!;
    expect(item.contacts).toEqual([
      { source: 'funding', from: 'node_modules/ppl-lib/package.json', url: 'https://opencollective.com/ppl-lib' },
      { source: 'author', from: 'node_modules/ppl-lib/package.json', name: 'Ada Worker', email: 'ada@coop.example', url: 'https://ada.example' },
      { source: 'maintainer', from: 'node_modules/ppl-lib/package.json', name: 'Bo', email: 'bo@coop.example' },
      { source: 'repository', from: 'node_modules/ppl-lib/package.json', url: 'https://github.com/coop/ppl-lib' },
    ]);
  });

  it('a BUSL package names the Licensor from its Parameters first', async () => {
    const text = (await run(['scan', dir, '--date', '2026-11-24'])).stdout;
    expect(text).toContain('    pay back to:\n      licensor (node_modules/engine/LICENSE): Acme Data Systems, Inc.\n');
    expect(text).toContain('      homepage (node_modules/engine/package.json): https://acme.example\n');
    expect(text).not.toContain('javascript:');
  });

  it('Markdown fills the "to whom" cell instead of "—"', async () => {
    const markdown = (await run(['scan', dir, '--format', 'markdown', '--date', '2026-11-24'])).stdout;
    const row = markdown.split('\n').find((line) => line.startsWith('| <code>ppl-lib@1.0.0</code>'))!;
    expect(row).toMatch(/\| funding \(node_modules\/ppl-lib\/package\.json\): https:\/\/opencollective\.com\/ppl-lib<br>author .*ada@coop\.example.* \|$/);
  });
});

describe('contactsFor', () => {
  it('puts the licence text first: licensor, then copyright holders, then the licence route', () => {
    const contacts = contactsFor({
      licensors: [{ file: 'LICENSE', name: 'Acme' }],
      licenceTexts: [{ file: 'LICENSE', text: 'Copyright (c) 2019-2024 Jane Doe <jane@example.org>\nCopyright (C) 2007 Free Software Foundation, Inc.\nCopyright (c) <year> <copyright holders>' }],
      routes: [{ licence: 'PPL', url: 'https://coop.example/licensing' }],
    });
    expect(contacts.map((c) => c.source)).toEqual(['licensor', 'copyright-holder', 'licence-route']);
    expect(contacts[1]).toMatchObject({ name: 'Jane Doe', email: 'jane@example.org' });
  });

  it('only http(s) URLs, with git shorthands made into web addresses', () => {
    expect(httpUrl('javascript:alert(1)')).toBeUndefined();
    expect(httpUrl('file:///etc/passwd')).toBeUndefined();
    expect(httpUrl('github:coop/lib')).toBe('https://github.com/coop/lib');
    expect(httpUrl('git@github.com:coop/lib.git')).toBe('https://github.com/coop/lib');
  });

  it('gives the addresses a licence text adds (a licensing page, a sales address), never the stewards\' own', () => {
    const contacts = contactsFor({
      licenceTexts: [{ file: 'LICENSE', text: 'Copyright (c) 2024 Fair Cooperative (licensing: https://fair.example.coop/licensing)\nSee https://creativecommons.org/licenses/by-nc-sa/3.0/ and write to sales@fair.example.coop.' }],
    });
    expect(contacts).toEqual([
      { source: 'copyright-holder', from: 'LICENSE', name: 'Fair Cooperative' },
      { source: 'licence-text', from: 'LICENSE', url: 'https://fair.example.coop/licensing' },
      { source: 'licence-text', from: 'LICENSE', email: 'sales@fair.example.coop' },
    ]);
  });

  it('a copyright line from the standard text of the component\'s own licence names no holder', () => {
    const line = 'Copyright (c) 2000 Jane Standard-Author';
    expect(copyrightHolders(line)).toEqual([{ name: 'Jane Standard-Author' }]);
    // The SPDX text of BSD-4.3TAHOE carries "Copyright (c) 1987 Regents of the University of California. All rights reserved."
    expect(copyrightHolders('Copyright (c) 1987 Regents of the University of California. All rights reserved.', 'BSD-4.3TAHOE')).toEqual([]);
    expect(copyrightHolders('Copyright (c) 1987 Regents of the University of California. All rights reserved.', 'MIT')).toEqual([{ name: 'Regents of the University of California' }]);
  });

  it('reads a licence\'s list item "(c)" as no copyright sign (Apache-2.0\'s and MPL-2.0\'s texts)', async () => {
    const texts = (await import('spdx-license-list/full.js')).default as Record<string, { licenseText: string }>;
    for (const id of ['Apache-2.0', 'MPL-2.0']) expect([id, copyrightHolders(texts[id]!.licenseText)]).toEqual([id, []]);
    expect(copyrightHolders('      (c) You must retain, in the Source form of any Derivative Works')).toEqual([]);
    // A holder after "(c)" is still one, with or without a year.
    expect(copyrightHolders('(c) The Regents of the University of California')).toEqual([{ name: 'The Regents of the University of California' }]);
    expect(copyrightHolders('(c) 2019 You Must Retain Ltd')).toEqual([{ name: 'You Must Retain Ltd' }]);
  });

  it('skips template placeholders and the licence text\'s own copyright', () => {
    expect(copyrightHolders('Copyright (c) <year> <copyright holders>\nCopyright (C) 2007 Free Software Foundation, Inc. <https://fsf.org/>')).toEqual([]);
  });
});

describe('addresses in a licence text', () => {
  it('finds e-mail addresses exactly as the global regular expression would, from each "@" outwards', () => {
    const regex = (text: string) => Array.from(text.matchAll(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g), (match) => match[0]);
    const ours = (text: string) => licenceTextAddresses(text).flatMap((found) => (found.email ? [found.email] : []));
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', '.', '-', '+', '_', '@', ' ', 'x.y', '@@', '\n', 'é', '<', '>', '1'), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(ours(text)).toEqual([...new Set(regex(text))].filter((address) => /^[^\s@<>]+@[^\s@<>]+$/.test(address)));
      }),
      { numRuns: 2000 },
    );
    expect(ours('Write to licensing@fair.example.coop, or sales@x.example.')).toEqual(['licensing@fair.example.coop', 'sales@x.example']);
  });

  it('reads a Markdown link whose text is its address as one address, without the bracket (CKEditor 5 LTS)', () => {
    expect(licenceTextAddresses('For more information, see: [https://ckeditor.com/pricing](https://ckeditor.com/pricing).')).toEqual([{ url: 'https://ckeditor.com/pricing' }]);
    expect(licenceTextAddresses('[Acme](https://acme.example/buy) and <https://acme.example/terms>')).toEqual([{ url: 'https://acme.example/buy' }, { url: 'https://acme.example/terms' }]);
  });
});
