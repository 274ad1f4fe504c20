// A third-party notices file that lists no licence but says where they are, in a sidecar licence
// file beside each bundle under a folder it names (playwright-core's ThirdPartyNotices.txt).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { identifyLicenceText } from '../../src/identify/identify-file.js';
import { isSidecarLicence, sidecarFolders } from '../../src/identify/third-party.js';

const playwright = readFileSync(new URL('../../fixtures/npm/reuse/node_modules/sidecar-lib/ThirdPartyNotices.txt', import.meta.url), 'utf8');

describe('a notices file pointing at sidecar licence files', () => {
  it('names the folders, in backticks or with their slash, and nothing after "under" that is no folder', () => {
    expect(sidecarFolders(playwright)).toEqual(['lib']);
    expect(sidecarFolders('Each bundle under dist/esm/ has a sidecar <bundle>.LICENSE.txt file next to it.')).toEqual(['dist/esm']);
    expect(sidecarFolders('Each bundled output has a sidecar `<bundle>.js.LICENSE` file, under which the licences are.')).toBeUndefined();
    expect(sidecarFolders('Bundles live under `../shared/`. Each has a sidecar `<bundle>.js.LICENSE` file.')).toBeUndefined();
    expect(sidecarFolders('This package bundles software under `lib/`; see NOTICE.')).toBeUndefined();
  });

  it('is read as pointing there when nothing else in it restricts, and is read as before otherwise', () => {
    const found = identifyLicenceText('ThirdPartyNotices.txt', playwright);
    expect(found).toMatchObject({ expression: null, sidecars: ['lib'] });
    expect(found.unexplained).toBeUndefined();
    const terms = identifyLicenceText('ThirdPartyNotices.txt', playwright.replace('For example:', 'The bundled software may not be used for commercial purposes. For example:'));
    expect(terms.sidecars).toBeUndefined();
    expect(terms.unexplained).toBeDefined();
    // Only a third-party notices file points so; a LICENSE saying the same is read as a licence file.
    expect(identifyLicenceText('LICENSE', playwright).sidecars).toBeUndefined();
  });

  it('sidecar names: a bundle’s name, then .LICENSE (and .txt or .md)', () => {
    for (const name of ['utilsBundle.js.LICENSE', 'main.js.LICENSE.txt', 'webp_codec.LICENSE', 'index.mjs.license.md']) expect(isSidecarLicence(name)).toBe(true);
    for (const name of ['LICENSE', '.LICENSE', 'LICENSE.txt', 'utilsBundle.js', 'x.LICENSE.json']) expect(isSidecarLicence(name)).toBe(false);
  });
});
