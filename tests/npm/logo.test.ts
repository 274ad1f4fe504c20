// A licence for the project's logo beside the code's licence text (beside.ts `aboutLogo`, scan/index.ts
// `logoEvidence`): glob 7's LICENSE (fixtures/identify/glob-7-LICENSE, as glob 7.2.3 ships it, some
// hundred million downloads a month) is the ISC text, then "Glob's logo created by Tanya Brassie
// <http://tanyabrassie.com/>, licensed under a Creative Commons Attribution-ShareAlike 4.0
// International License". The package ships no logo.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { identifyText } from '../../src/identify/index.js';
import { scan } from '../../src/scan/index.js';
import type { Profile } from '../../src/types.js';
import { run } from '../cli/run.js';

const profile: Profile = { entity: 'for-profit', date: '2026-01-01' };
const licence = readFileSync(new URL('../../fixtures/identify/glob-7-LICENSE', import.meta.url), 'utf8');
const statement = "Glob's logo created by Tanya Brassie <http://tanyabrassie.com/>, licensed";

describe("a licence file's licence for the logo", () => {
  it("is the logo's, not the code's: recorded with its lines, out of the expression", () => {
    expect(licence).toContain(statement);
    const read = identifyText(licence);
    expect(read.expression).toBe('ISC');
    expect(read.logo).toEqual({ expression: 'CC-BY-SA-4.0', start: 20, end: 21 });
  });

  it('only where one sentence says so: a licence after a sentence about the logo is the work\'s', () => {
    const isc = licence.slice(0, licence.indexOf('## Glob Logo'));
    // A wrong free, in the first cut of the logo rule: the GPL dropped as the logo's.
    for (const after of ['The Acme logo is a registered trademark of Acme Corp. Licensed under the GNU General Public License v3.0.', 'Acme logo: Jane Doe. Released under the GNU General Public License v3.0.']) {
      const read = identifyText(`${isc}\n${after}\n`);
      expect(read.expression, after).toBe('ISC AND GPL-3.0-only');
      expect(read.logo, after).toBeUndefined();
    }
    expect(identifyText(`${isc}\nThe logo is licensed under the GNU General Public License v3.0.\n`).logo).toMatchObject({ expression: 'GPL-3.0-only' });
  });

  it('`identify` says so', async () => {
    const out = (await run(['identify', new URL('../../fixtures/identify/glob-7-LICENSE', import.meta.url).pathname])).stdout;
    expect(out).toContain(": ISC\n");
    expect(out).toContain("lines 20–21 put the project's logo under CC-BY-SA-4.0, not its code: a scan reads that licence for a logo the package holds, and for nothing else");
  });

  it('the same words granting the code, or the code with its logo, are the code\'s licence', () => {
    // "This library is licensed under a Creative Commons Attribution-ShareAlike 4.0 International
    // License https://…" below the ISC text read as ISC alone, free: the notice, overlapped by a
    // longer reference of the same licence, was made a mention of itself (notices.ts).
    for (const subject of ['This library is licensed', 'This library and its logo, created by Tanya Brassie, are licensed']) {
      const read = identifyText(licence.replace(statement, subject));
      expect(read.expression, subject).toBe('ISC AND CC-BY-SA-4.0');
      expect(read.logo, subject).toBeUndefined();
    }
    expect(identifyText('This library is licensed under a Creative Commons Attribution-ShareAlike 4.0 International License\nhttps://creativecommons.org/licenses/by-sa/4.0/\n').expression).toBe('CC-BY-SA-4.0');
  });
});

describe('a scan of packages whose licence file licenses a logo', async () => {
  const root = mkdtempSync(join(tmpdir(), 'copyfair-logo-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (path: string, body: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), body);
  };
  const names = ['no-logo', 'with-logo', 'logo-file', 'too-deep', 'an-image'];
  write('package.json', JSON.stringify({ name: 'app', version: '1.0.0', dependencies: Object.fromEntries(names.map((name) => [name, '7.2.3'])) }));
  for (const name of names) {
    write(`node_modules/${name}/package.json`, JSON.stringify({ name, version: '7.2.3', license: 'ISC' }));
    write(`node_modules/${name}/LICENSE`, licence);
    write(`node_modules/${name}/glob.js`, 'module.exports = 1;\n');
  }
  write('node_modules/with-logo/logo/glob.png', 'PNG');
  write('node_modules/logo-file/assets/Logo.svg', '<svg/>');
  // The logo under another name: any image may be it.
  write('node_modules/an-image/brand/acme.png', 'PNG');
  // glob compiled into another package (Next.js's dist/compiled/glob): searched below its own folder.
  write('package.json', JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { ...Object.fromEntries(names.map((name) => [name, '7.2.3'])), 'compiles-glob': '14.0.0' } }));
  write('node_modules/compiles-glob/package.json', JSON.stringify({ name: 'compiles-glob', version: '14.0.0', license: 'MIT' }));
  write('node_modules/compiles-glob/dist/compiled/glob/LICENSE', licence);
  write('node_modules/compiles-glob/dist/compiled/glob/glob.js', 'module.exports = 1;\n');
  write('node_modules/compiles-glob/favicon.png', 'PNG');
  // A word that holds "logo" names no logo.
  write('node_modules/no-logo/lib/logout.js', 'module.exports = 2;\n');
  // Deeper than the search goes: not known to hold none.
  write(`node_modules/too-deep/${Array.from({ length: 26 }, (_, i) => `d${i}`).join('/')}/x.js`, '');
  const report = await scan(root, { profile, toolVersion: 'test' });
  const component = (name: string) => report.components.find((c) => c.name === name)!;

  it('a package that holds no logo is under the code\'s licence alone, and a diagnostic says why', () => {
    expect(component('no-logo').expression).toBe('ISC');
    expect(component('no-logo').verdict.outcome).toBe('free');
    const said = report.diagnostics.find((d) => d.code === 'licence-logo' && d.component === 'no-logo@7.2.3')!;
    expect(said.message).toBe("node_modules/no-logo/LICENSE puts the project's logo under CC-BY-SA-4.0; no-logo@7.2.3 holds no file or folder named like a logo and no image, so that licence applies to nothing in it, and the file's licence for the code, ISC, stands");
    expect(said.location).toEqual({ file: 'node_modules/no-logo/LICENSE', line: 20 });
  });

  it('a package that holds a logo folder or file has it as a part under its licence', () => {
    for (const [name, held] of [['with-logo', 'node_modules/with-logo/logo'], ['logo-file', 'node_modules/logo-file/assets/Logo.svg']] as const) {
      expect(component(name).expression, name).toBe('ISC AND CC-BY-SA-4.0');
      expect(component(name).verdict.outcome, name).toBe('share-alike');
      expect(report.diagnostics.find((d) => d.code === 'licence-logo' && d.component === `${name}@7.2.3`)!.message, name).toContain(`holds ${held}: read as a part under CC-BY-SA-4.0`);
    }
  });

  it("a part's licence file is searched below its own folder, and the message says where", () => {
    expect(component('compiles-glob').expression).toBe('MIT AND ISC');
    expect(component('compiles-glob').verdict.outcome).toBe('free');
    expect(report.diagnostics.find((d) => d.code === 'licence-logo' && d.component === 'compiles-glob@14.0.0')!.message).toBe("node_modules/compiles-glob/dist/compiled/glob/LICENSE puts the project's logo under CC-BY-SA-4.0; compiles-glob@14.0.0 holds no file or folder named like a logo and no image below node_modules/compiles-glob/dist/compiled/glob, so that licence applies to nothing in it, and the file's licence for the code, ISC, stands");
  });

  it('a package that holds an image under another name has it as a part, the image named', () => {
    expect(component('an-image').expression).toBe('ISC AND CC-BY-SA-4.0');
    expect(component('an-image').verdict.outcome).toBe('share-alike');
    expect(report.diagnostics.find((d) => d.code === 'licence-logo' && d.component === 'an-image@7.2.3')!.message).toContain('holds an image, node_modules/an-image/brand/acme.png, which may be the logo: read as a part under CC-BY-SA-4.0');
  });

  it('a package too deep to search is unknown, and says why', () => {
    expect(component('too-deep').verdict.outcome).toBe('unknown');
    expect(component('too-deep').verdict.because.map((b) => b.because).join(' ')).toContain("node_modules/too-deep/LICENSE puts the project's logo under CC-BY-SA-4.0, and copyfair could not search too-deep@7.2.3 for it (its folders go deeper than 24 levels)");
  });

  it('the text report says what is owed for the logo, not for code from another project', async () => {
    const out = (await run(['scan', root, '--date', '2026-01-01'])).stdout.replace(/\s+/g, ' ');
    expect(out).toContain('in its logo (node_modules/with-logo/logo): CC-BY-SA-4.0 (node_modules/with-logo/LICENSE)');
    expect(out).not.toContain('in code it keeps or bundles from another project: CC-BY-SA-4.0 (node_modules/with-logo/LICENSE)');
  });
});
