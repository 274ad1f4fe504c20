// Why a licence file is unknown, said with its words: @isaacs/cliui 9 (glob's option parser's
// layout, in nearly every tree soon) opens its LICENSE.md with "Several modules are vendored under
// `./src`, which are used and distributed according to their respective licenses, each provided in
// the same directory as the code." The package ships those modules compiled, without their
// licences: a person must look them up. The report said only "could not be identified with
// confidence"; it now quotes the words no licence explains, and where they are.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/scan/index.js';

const root = mkdtempSync(join(tmpdir(), 'copyfair-reasons-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(join(root, 'node_modules/@isaacs/cliui'), { recursive: true });
writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { '@isaacs/cliui': '^9.0.0' } }));
writeFileSync(join(root, 'node_modules/@isaacs/cliui/package.json'), JSON.stringify({ name: '@isaacs/cliui', version: '9.0.0', license: 'BlueOak-1.0.0' }));
writeFileSync(join(root, 'node_modules/@isaacs/cliui/LICENSE.md'), readFileSync(new URL('../../fixtures/identify/cliui-9-LICENSE.md', import.meta.url)));

describe('an unknown licence file', async () => {
  const report = await scan(root, { profile: { entity: 'for-profit', date: '2026-01-01' }, toolVersion: 'test' });
  const cliui = report.components[0]!;

  it('says which words no licence explains, and where', () => {
    expect(cliui).toMatchObject({ expression: 'BlueOak-1.0.0', verdict: { outcome: 'unknown' } });
    const reason = 'lines 1–5 read like terms no known licence explains ("several modules are vendored under src which are used and distributed according to their respective …")';
    expect(cliui.evidence.find((item) => item.kind === 'licence-file')).toMatchObject({ reason });
    expect(cliui.verdict.because.map((item) => item.because)).toContain(`the licence file node_modules/@isaacs/cliui/LICENSE.md: ${reason}; a person must read it`);
    expect(report.diagnostics.find((item) => item.code === 'licence-file-unidentified')?.message).toBe(`node_modules/@isaacs/cliui/LICENSE.md could not be identified: ${reason} (nearest: BlueOak-1.0.0 100%)`);
  });
});

// The same for the changed words of a known text (@opentelemetry/instrumentation-console 0.3.0's real
// LICENSE: Apache-2.0 whose appendix asks for "an approval from the project maintainers"), and for
// the words of a README's licence section no licence explains: both said only "could not be
// identified with confidence"; `copyfair identify` already named them.
const tree = mkdtempSync(join(tmpdir(), 'copyfair-reasons-'));
afterAll(() => rmSync(tree, { recursive: true, force: true }));
const write = (path: string, text: string) => {
  mkdirSync(join(tree, path, '..'), { recursive: true });
  writeFileSync(join(tree, path), text);
};
const otel = readFileSync(new URL('../../fixtures/identify/opentelemetry-instrumentation-console-LICENSE', import.meta.url), 'utf8');
write('package.json', JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { otel: '^0.3.0', chatty: '^1.0.0' } }));
write('node_modules/otel/package.json', JSON.stringify({ name: 'otel', version: '0.3.0', license: 'Apache-2.0' }));
write('node_modules/chatty/package.json', JSON.stringify({ name: 'chatty', version: '1.0.0', license: 'MIT' }));
write('node_modules/chatty/README.md', '# chatty\n\nTalks.\n\n## License\n\nMIT, except that resellers of hosting services must obtain a separate agreement from Acme.\n');

describe('the reason an unknown licence file gives', async () => {
  write('node_modules/otel/LICENSE', otel);
  const report = await scan(tree, { profile: { entity: 'for-profit', date: '2026-01-01' }, toolVersion: 'test' });
  const because = (name: string) => report.components.find((component) => component.name === name)!.verdict.because.filter((item) => item.outcome === 'unknown').map((item) => item.because);

  it('quotes the words of a known text that read otherwise here', () => {
    const [reason] = because('otel');
    expect(reason).toMatch(/^the licence file node_modules\/otel\/LICENSE: lines \d+–\d+ are Apache-2\.0's text, but where it says "we also recommend that a file or class name .*" this file says "please also get an approval from the project maintainers before using the apache license[^"]*"; a person must read it$/);
  });

  it('quotes the words of a README’s licence section', () => {
    expect(because('chatty')).toEqual(['the licence section of node_modules/chatty/README.md: lines 7–7 read like terms no known licence explains ("except that resellers of hosting services must obtain a separate agreement from acme"); a person must read it']);
  });
});
