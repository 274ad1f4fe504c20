// "Hippocratic" without a version: 2.1 bans no sector, 3.0 with modules (BDS, MIL, …) bans whole
// ones. The bare name was an alias of 2.1 and read as free whatever the package's licence was; it
// is a family now, like "BSD", which the licence file settles.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/scan/index.js';

const require = createRequire(import.meta.url);
const hl21 = (require('spdx-license-list/full') as Record<string, { licenseText: string }>)['Hippocratic-2.1']!.licenseText;

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'copyfair-hippocratic-'));
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { bare: '1', 'with-text': '1' } }));
  for (const name of ['bare', 'with-text']) {
    mkdirSync(join(root, 'node_modules', name), { recursive: true });
    writeFileSync(join(root, 'node_modules', name, 'package.json'), JSON.stringify({ name, version: '1.0.0', license: 'Hippocratic' }));
  }
  writeFileSync(join(root, 'node_modules/with-text/LICENSE'), hl21);
  return root;
}

describe('"Hippocratic" declared without a version', () => {
  it('is unknown alone, naming what each version would give; its 2.1 text settles it', async () => {
    const report = await scan(project(), { profile: { entity: 'for-profit', date: '2026-01-01' }, toolVersion: 'test' });
    const bare = report.components.find((c) => c.name === 'bare')!;
    expect(bare.expression).toBe('LicenseRef-copyfair-family-Hippocratic');
    expect(bare.verdict.outcome).toBe('unknown');
    expect(JSON.stringify(bare.verdict.because)).toContain('Hippocratic-2.1 free');
    expect(JSON.stringify(bare.verdict.because)).toContain('LicenseRef-scancode-Hippocratic-3.0');
    const settled = report.components.find((c) => c.name === 'with-text')!;
    expect(settled).toMatchObject({ expression: 'Hippocratic-2.1', verdict: { outcome: 'free' } });
  });
});
