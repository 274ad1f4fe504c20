// Strings that try to escape their output: escape sequences, newlines, pipes, backticks, HTML,
// CDATA ends and characters XML forbids, in names, versions, licence strings, terms fields and
// paths. Every format is read back with a parser, not by eye.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { run } from '../cli/run.js';
import { withEnv } from '../helpers/state.js';
import { survived } from './harness.js';
import { EXTENSIONS, REPORTERS } from '../../src/report/index.js';
import { temporaryFolder, writeTree } from './generate.js';

const ESC = '\u001b';
const EVIL = [
  `${ESC}[2J${ESC}]0;pwned\u0007`,
  'line\nbreak\r\nYes: nothing to see',
  'pipe|cell`tick``',
  '<script>alert(1)</script><img src=x onerror=alert(2)>',
  ']]>&amp;\uffff\ufffe\ud800',
  '\u009b31m\u202eevil',
].join(' ');

let dir: string;
let out: string;
const read = (name: string) => readFileSync(join(out, name), 'utf8');

beforeAll(async () => {
  dir = temporaryFolder();
  const names = { plain: 'evil-name', scoped: '@evil/pkg' };
  writeTree(dir, {
    'package.json': JSON.stringify({ name: `app ${EVIL}`, version: '1.0.0', dependencies: { [names.plain]: '1', [names.scoped]: '1', ppl: '1' } }),
    [`node_modules/${names.plain}/package.json`]: JSON.stringify({ name: `${names.plain}`, version: `1.0.0-${EVIL}`, license: `MIT ${EVIL}`, funding: ['javascript:alert(3)', 'https://fund.example/ok'] }),
    [`node_modules/${names.scoped}/package.json`]: JSON.stringify({ name: names.scoped, version: '1.0.0', license: `(MIT OR ${EVIL})` }),
    'node_modules/ppl/package.json': JSON.stringify({ name: 'ppl', version: '1.0.0', license: 'LicenseRef-evil-terms' }),
    'node_modules/ppl/copyfair-terms.yaml': `licences:\n  - id: LicenseRef-evil-terms\n    name: ${JSON.stringify(`Evil ${EVIL}`)}\n`,
  });
  out = temporaryFolder();
  const result = await run(['scan', dir, '--format', Object.keys(REPORTERS).join(','), '--output-dir', out, '--date', '2026-06-01']);
  survived(result, 0);
});

describe('names and strings that try to escape their output', () => {
  it('text: no control character or escape sequence from package data, with colour off', () => {
    const text = read('report.txt');
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(text).not.toContain('pwned\u0007');
    // A newline in a name cannot forge a line of the report.
    expect(text.split('\n').some((line) => line.startsWith('Yes: nothing to see'))).toBe(false);
  });

  it('text: with colour on, only our own colour codes reach the terminal', async () => {
    let stdout = '';
    await withEnv({ FORCE_COLOR: '1' }, () =>
      main(['node', 'copyfair', 'scan', dir, '--date', '2026-06-01'], { stdout: (t) => void (stdout += t), stderr: () => undefined, isTty: true }),
    );
    const withoutColour = stdout.replace(/\u001b\[[0-9;]*m/g, '');
    expect(withoutColour).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  it('Markdown: no raw HTML, no broken row, no code span broken out of', () => {
    const markdown = read('report.md');
    expect(markdown).not.toMatch(/<script|<img|onerror=alert\(2\)>/);
    const allowedTags = /<\/?(code|br|details|summary|sub)>/g;
    expect(markdown.replace(allowedTags, '')).not.toMatch(/<[a-z]/i);
    for (const block of markdown.split('\n\n')) {
      const rows = block.split('\n').filter((line) => line.startsWith('|'));
      if (rows.length === 0) continue;
      const cells = (row: string) => row.replace(/\\\|/g, '').split('|').length;
      for (const row of rows) expect(cells(row), row).toBe(cells(rows[0]!));
    }
    expect(markdown).not.toContain('`tick`');
    expect(markdown).not.toMatch(/javascript:/);
  });

  it('JUnit is well-formed XML, without the characters XML forbids', () => {
    const xml = read('report.junit.xml');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toMatch(/[\uffff\ufffe]|[\u0000-\u0008]/);
  });

  it('every JSON format (SBOMs included) is valid JSON', () => {
    for (const [format, extension] of Object.entries(EXTENSIONS)) if (extension.endsWith('json') || extension === 'sarif') expect(() => JSON.parse(read(`report.${extension}`)), format).not.toThrow();
  });

  it('SARIF and JSON are valid JSON that keep the data', () => {
    const json = JSON.parse(read('report.json'));
    expect(json.components.find((c: { name: string }) => c.name === 'evil-name').version).toContain('<script>');
    expect(JSON.parse(read('report.sarif')).runs).toHaveLength(1);
  });

  it('addresses are shown only when they are http(s)', () => {
    for (const name of ['report.txt', 'report.md', 'report.json', 'report.sarif', 'report.junit.xml']) expect(read(name), name).not.toContain('javascript:alert(3)');
    expect(JSON.parse(read('report.json')).components.find((c: { name: string }) => c.name === 'evil-name').funding).toEqual(['https://fund.example/ok']);
  });
});
