// `copyfair notice`: the notices file to ship. Fixture fixtures/notice/app: three MIT packages with
// different copyright lines (one with CRLF), an Apache-2.0 package with a NOTICE file, a BSD
// package, an MIT package that ships no licence text, and a dev-only GPL tool.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { diskFs } from '../../src/ecosystems/fs.js';
import { buildNotices } from '../../src/notice/build.js';
import { renderNotices } from '../../src/report/notice.js';
import { scan } from '../../src/scan/index.js';
import { run } from '../cli/run.js';

const require = createRequire(import.meta.url);
const spdx = require('spdx-license-list/full') as Record<string, { licenseText: string }>;
const profile = { entity: 'for-profit' as const, uses: ['distribute' as const], date: '2026-12-03' };
const notices = async (root: string, devUses?: ('internal' | 'distribute')[]) =>
  buildNotices(await scan(root, { profile, toolVersion: 'test' }), diskFs(root), devUses ? { devUses } : {});

describe('the notices of fixtures/notice/app', () => {
  it('prints each licence text once and lists every component’s copyright lines with it', async () => {
    const document = await notices('fixtures/notice/app');
    const mit = document.texts.find((text) => text.licence === 'MIT')!;
    expect(mit.components).toEqual(['mit-a@1.0.0', 'mit-b@2.0.0', 'mit-c@3.0.0']);
    expect(mit.text).not.toMatch(/Copyright \(c\)/);
    expect(mit.text).toMatch(/^Permission is hereby granted/m);
    const byName = Object.fromEntries(document.components.map((component) => [component.name, component]));
    expect(byName['mit-a']!.copyright).toEqual(['Copyright (c) 2020 Alice Example']);
    expect(byName['mit-b']!.copyright).toEqual(['Copyright (c) 2021 Bob Example <bob@example.org>']);
    expect(byName['mit-c']!.copyright).toEqual(['Copyright (c) 2019-2024 Carol Example']);
    expect(new Set(document.components.flatMap((component) => component.texts)).size).toBe(document.texts.length);
  });

  it('carries Apache NOTICE files verbatim (§4(d))', async () => {
    const document = await notices('fixtures/notice/app');
    const apache = document.components.find((component) => component.name === 'apache-lib')!;
    expect(apache.notices).toEqual([{ file: 'NOTICE', text: readFileSync('fixtures/notice/app/node_modules/apache-lib/NOTICE', 'utf8').trimEnd() }]);
    expect(renderNotices(document, 'text')).toContain('NOTICE:\nApache Lib\nCopyright 2018-2024 The Apache Lib Authors\n\nThis product includes software developed at\nExample Foundation (https://example.org/).');
  });

  it('leaves out what you do not ship (a dev-only tool), unless dev dependencies are distributed too', async () => {
    expect((await notices('fixtures/notice/app')).components.map((component) => component.name)).not.toContain('dev-tool');
    expect((await notices('fixtures/notice/app', ['internal', 'distribute'])).components.map((component) => component.name)).toContain('dev-tool');
  });

  it('lists what asks for a notice but ships no licence text', async () => {
    const document = await notices('fixtures/notice/app');
    expect(document.missing).toEqual([{ component: 'no-text@0.1.0', expression: 'MIT', reason: 'it ships no licence text' }]);
    expect(renderNotices(document, 'text')).toMatch(/Not found: these components ask for a notice[^\n]*\n\n- no-text@0\.1\.0 \(MIT\): it ships no licence text\n/);
  });

  it('ships the texts of code a package keeps from other projects, and still lists it when none is its own', async () => {
    const document = await notices('fixtures/npm/reuse');
    const vendored = document.missing.filter((item) => item.component.startsWith('vendor-'));
    expect(vendored).toEqual([
      { component: 'vendor-only-lib@1.0.0', expression: 'MIT', reason: 'it ships no licence text of its own, only those of code it keeps or bundles from other projects' },
      { component: 'vendor-pointer-lib@1.0.0', expression: 'MIT', reason: 'it ships no licence text of its own, only those of code it keeps or bundles from other projects' },
    ]);
    // The part's text is shipped all the same; a package with a text of its own beside its parts is not listed.
    expect(document.components.find((component) => component.name === 'vendor-only-lib')!.texts).toHaveLength(1);
    expect(document.missing.map((item) => item.component)).not.toContain('vendoring-lib@3.1.0');
  });

  it('ships the sidecar licence files a notices file points at (playwright-core’s lib/<bundle>.js.LICENSE)', async () => {
    const document = await notices('fixtures/npm/reuse');
    const sidecar = document.components.find((component) => component.name === 'sidecar-lib')!;
    const texts = sidecar.texts.map((id) => document.texts.find((text) => text.id === id)!.text);
    expect(texts.some((text) => text.includes('%% @hono/node-server@2.1.5 NOTICES AND INFORMATION BEGIN HERE'))).toBe(true);
    expect(texts.some((text) => text.includes('Google hereby grants to you a perpetual, worldwide, non-exclusive, no-charge,'))).toBe(true);
    expect(document.missing.map((item) => item.component)).not.toContain('sidecar-lib@1.0.0');
  });

  it('keeps a licence’s own copyright lines (the FSF’s in the LGPL) in its text, not as the package’s', async () => {
    const document = await notices('fixtures/demo-app');
    const lgpl = document.components.find((component) => component.name === 'lgpl-thing')!;
    expect(lgpl.copyright).toEqual([]);
    expect(document.texts.find((text) => text.id === lgpl.texts[0])!.text).toContain('Copyright (C) 2007 Free Software Foundation, Inc.');
  });

  it('through the CLI: exit 1 with a component missing its text, 0 with --allow-missing; --output writes atomically and says so', async () => {
    const missing = await run(['notice', 'fixtures/notice/app']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('1 component asks for a notice but ships no licence text: no-text@0.1.0');
    expect((await run(['notice', 'fixtures/notice/app', '--allow-missing'])).code).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'copyfair-notice-'));
    try {
      const written = await run(['notice', 'fixtures/notice/app', '--allow-missing', '--format', 'html', '--output', join(dir, 'NOTICES.html')]);
      expect(written.stdout).toBe('');
      expect(written.stderr).toMatch(/notices for 6 components, 3 distinct licence texts, written to .*NOTICES\.html; 1 without a licence text/);
      expect(readFileSync(join(dir, 'NOTICES.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says a component’s name in a message at most 100 characters long, however long the name', async () => {
    // A requirements line may name a package of any length: one of 279 KB made a 279 KB message.
    const dir = mkdtempSync(join(tmpdir(), 'copyfair-notice-long-'));
    try {
      const name = `a${'x'.repeat(5000)}`;
      writeFileSync(join(dir, 'requirements.txt'), `${name}==1.0\n`);
      const result = await run(['notice', dir]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`${name.slice(0, 99)}…`);
      expect(result.stderr.length).toBeLessThan(2000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is the same twice in every format, and JSON is the document', async () => {
    for (const format of ['text', 'markdown', 'html', 'json']) {
      const first = await run(['notice', 'fixtures/notice/app', '--format', format, '--allow-missing']);
      const second = await run(['notice', 'fixtures/notice/app', '--format', format, '--allow-missing']);
      expect(first.stdout).toBe(second.stdout);
    }
    const json = JSON.parse((await run(['notice', 'fixtures/notice/app', '--format', 'json', '--allow-missing'])).stdout);
    expect(json).toEqual(JSON.parse(JSON.stringify(await notices('fixtures/notice/app'))));
  });
});

describe('package data cannot escape its place', () => {
  it('a licence text with a code fence, HTML and ANSI stays a text in Markdown, HTML and text', async () => {
    const root = mkdtempSync(join(tmpdir(), 'copyfair-notice-hostile-'));
    try {
      const hostile = `${spdx.MIT!.licenseText.replace('<year>', '2024').replace('<copyright holders>', 'Evil <script>alert(1)</script> \u001b[31mRed\u001b[0m')}\n\`\`\`\n# not a heading\n`;
      mkdirSync(join(root, 'node_modules/evil'), { recursive: true });
      writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { evil: '1.0.0' } }));
      writeFileSync(join(root, 'node_modules/evil/package.json'), JSON.stringify({ name: 'evil', version: '1.0.0', license: 'MIT' }));
      writeFileSync(join(root, 'node_modules/evil/LICENSE'), hostile);
      const document = await notices(root);
      const html = renderNotices(document, 'html');
      expect(html).not.toContain('<script>');
      expect(html).toContain('&lt;script&gt;');
      const markdown = renderNotices(document, 'markdown');
      expect(markdown).toMatch(/\n````\n[^]*```\n# not a heading\n````\n/);
      expect(markdown).not.toContain('<script>');
      expect(renderNotices(document, 'text')).not.toContain('\u001b');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('a thousand MIT packages', () => {
  it('share one licence text: the file grows by a line or two per package, not by a licence', async () => {
    const root = mkdtempSync(join(tmpdir(), 'copyfair-notice-1k-'));
    try {
      // The report is made by hand (the scan has its own tests): this measures the notices alone.
      const report = await scan('fixtures/notice/app', { profile, toolVersion: 'test' });
      const template = report.components.find((component) => component.name === 'mit-a')!;
      report.components = [];
      for (let i = 0; i < 1000; i++) {
        const name = `pkg-${i}`;
        mkdirSync(join(root, 'node_modules', name), { recursive: true });
        writeFileSync(join(root, 'node_modules', name, 'LICENSE'), spdx.MIT!.licenseText.replace('<year>', String(2000 + (i % 25))).replace('<copyright holders>', `Author ${i}`));
        report.components.push({ ...template, name, purl: `pkg:npm/${name}@1.0.0`, licenceFiles: [`node_modules/${name}/LICENSE`], evidence: [] });
      }
      // Each package looks its text's list up once, not by searching it: the list is a thousand long.
      let searched = 0;
      const includes = Array.prototype.includes;
      vi.spyOn(Array.prototype, 'includes').mockImplementation(function (this: unknown[], ...args: [unknown, number?]) {
        searched += this.length;
        return includes.apply(this, args);
      });
      const document = await buildNotices(report, diskFs(root)).finally(() => vi.restoreAllMocks());
      expect(searched).toBeLessThan(20 * 1000);
      expect(document.components).toHaveLength(1000);
      expect(document.texts).toHaveLength(1);
      expect(new Set(document.components.map((component) => component.copyright[0])).size).toBe(1000);
      expect(renderNotices(document, 'text').length).toBeLessThan(1000 * 200 + 5000);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
