// A licence file written as HTML: through2 2.0's LICENSE.html is its Markdown licence rendered into a
// page with normalize.css inline, whose selectors and properties ("article aside details figcaption
// …") were read as terms beside the MIT text; the package was unknown. sax's LICENSE-W3C.html is
// a plain page. Style sheets and scripts are dropped, tags are spaces, lines are kept.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { identifyLicenceText } from '../../src/identify/identify-file.js';

const through2 = readFileSync(new URL('../../fixtures/identify/through2-LICENSE.html', import.meta.url), 'utf8');
const mit = ((await import('spdx-license-list/full.js')).default as Record<string, { licenseText: string }>).MIT!.licenseText;
const page = (body: string) => `<!DOCTYPE html>\n<html>\n<head>\n<style>\nbody { font-family: sans-serif; }\narticle, aside { display: block; }\n</style>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;

describe('an HTML licence file', () => {
  it('reads the text a page shows (through2 2.0.3: MIT, on the file’s own lines)', () => {
    const found = identifyLicenceText('LICENSE.html', through2);
    expect(found.expression).toBe('MIT');
    expect(found.matches[0]!.start).toBeGreaterThan(300);
  });

  it('reads paragraphs, entities and all', () => {
    const body = `<h1>The MIT License (MIT)</h1>\n<p>${mit.replace('<year>', '2020').replace('<copyright holders>', 'Acme &amp; Co').split('\n\n').join('</p>\n<p>')}</p>`;
    expect(identifyLicenceText('LICENSE.html', page(body)).expression).toBe('MIT');
  });

  it('keeps a term in the page, or in a comment', () => {
    const body = `<p>${mit.replace('<year>', '2020').replace('<copyright holders>', 'Acme')}</p>`;
    expect(identifyLicenceText('LICENSE.html', page(`${body}\n<p>You may not use this software for commercial purposes.</p>`)).expression).toBeNull();
    expect(identifyLicenceText('LICENSE.html', page(`${body}\n<!-- You may not use this software for commercial purposes. -->`)).expression).toBeNull();
  });

  it('reads a page of unclosed style elements in one pass (a hostile file under the size limit)', () => {
    const started = performance.now();
    expect(identifyLicenceText('LICENSE.html', '<style>'.repeat(140_000)).expression).toBeNull();
    expect(performance.now() - started).toBeLessThan(4000);
  });

  it('decodes numeric entities, decimal and hexadecimal', () => {
    const body = `<p>${mit.replace('<year>', '2020').replace('<copyright holders>', 'Acme').replace(/"/g, '&#x22;').replace(/'/g, '&#39;')}</p>`;
    expect(identifyLicenceText('LICENSE.html', page(body)).expression).toBe('MIT');
  });

  it('is read as HTML only by its name', () => {
    expect(identifyLicenceText('LICENSE', through2).expression).toBeNull();
  });
});
