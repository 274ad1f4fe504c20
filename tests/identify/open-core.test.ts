// Open-core licences (src/identify/open-core.ts): GitLab's template, as every @strapi package
// ships it (real file) and as PostHog words it. All of Strapi's packages were unknown; the open
// licence is now read as the licence of the code outside the folders named, which the scan looks
// for (tests/npm/open-core.test.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { identifyLicenceText } from '../../src/identify/identify-file.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/identify/open-core/${name}`, import.meta.url), 'utf8');
const strapi = fixture('strapi-LICENSE');
const posthog = fixture('posthog-style-LICENSE');
const read = (text: string) => identifyLicenceText('LICENSE', text);

describe('an open-core licence', () => {
  it('reads as the open licence below it, with the folders it puts under other terms', () => {
    expect(read(strapi)).toMatchObject({ expression: 'MIT', scopedFolders: ['ee'] });
    // Lines counted in the whole file: the MIT text is below the enterprise terms.
    expect(read(strapi).matches.map((match) => [match.id, match.start, match.end])).toEqual([['MIT', 23, 37]]);
    expect(read(posthog)).toMatchObject({ expression: 'MIT', scopedFolders: ['ee'] });
  });

  it('reads the open licence a text names, whichever it is', () => {
    const apache = readFileSync(new URL('../../node_modules/spdx-license-list/licenses/Apache-2.0.json', import.meta.url), 'utf8');
    const text = JSON.parse(apache).licenseText as string;
    const withApache = `${posthog.slice(0, posthog.indexOf('Permission is hereby granted'))}`.replace('"MIT Expat" license', '"Apache License 2.0"') + text;
    expect(read(withApache)).toMatchObject({ expression: 'Apache-2.0', scopedFolders: ['ee'] });
  });

  it('is not read when another statement sets terms for a folder or for all the code (fail closed)', () => {
    // GitLab's documentation bullet: the doc/ folder is CC BY-SA, which this reader does not weigh.
    const doc = posthog.replace('* All third party', '* All content residing under the "doc/" directory of this repository is licensed under "Creative Commons: CC BY-SA 4.0 license".\n* All third party');
    expect(read(doc).expression).toBeNull();
    // GitLab's client-side JavaScript bullet, and any bullet it does not know.
    const client = posthog.replace('* All third party', '* All client-side JavaScript (when served directly or after being compiled) is licensed under the "Acme" license.\n* All third party');
    expect(read(client).expression).toBeNull();
    const paid = strapi.replace('Portions of the Strapi software', 'Commercial use of this software requires a paid subscription.\n\nPortions of the Strapi software');
    expect(read(paid).expression).toBeNull();
  });

  it('is not read when the open licence is not one copyfair reads whole, or the text says it twice', () => {
    const open = strapi.indexOf('MIT Expat License');
    expect(read(`${strapi.slice(0, open)}Acme Community Licence\n\nYou may use this software for evaluation only.\n`).expression).toBeNull();
    expect(read(`${strapi}\nThis software may not be used by companies with more than ten employees.\n`).expression).toBeNull();
    expect(read(`${posthog}\n* Content outside of the above mentioned directories is available under the "Acme" license as defined below.\n\nAcme terms.\n`).expression).toBeNull();
  });

  it('leaves a text without the statements to the other readers', () => {
    expect(read(strapi.replace(', if that directory exists,', ''))).not.toHaveProperty('scopedFolders');
    expect(read(strapi.replace(', if that directory exists,', '')).expression).toBeNull();
  });
});

// n8n's template, in every n8n package's LICENSE.md (real file): files with ".ee." in their names
// and folders with ".ee" in theirs are under the n8n Enterprise License, the rest under the
// Sustainable Use License below. All of n8n's packages were unknown.
describe('an open-core licence that scopes by name (n8n)', () => {
  const n8n = fixture('n8n-LICENSE.md');
  it('reads as the licence below it, with the names it puts under other terms', () => {
    expect(identifyLicenceText('LICENSE.md', n8n)).toMatchObject({ expression: 'SUL-1.0', scopedNames: { files: ['.ee.'], folders: ['.ee'] } });
    expect(identifyLicenceText('LICENSE.md', n8n).matches.map((match) => [match.id, match.start])).toEqual([['SUL-1.0', 16]]);
  });
  it('declines a statement it does not know, or a term beside them', () => {
    const more = n8n.replace('- All third party components', '- You may not use this software to build a competing product.\n- All third party components');
    expect(identifyLicenceText('LICENSE.md', more).scopedNames).toBeUndefined();
    expect(identifyLicenceText('LICENSE.md', more).expression).toBeNull();
  });
});
