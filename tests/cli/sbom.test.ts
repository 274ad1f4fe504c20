// SBOMs through the CLI: `scan bom.json`, `scan DIR --sbom FILE`, the cyclonedx and spdx formats
// (also through --output-dir), and an unreadable SBOM as a usage error.
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { run } from './run.js';

const SBOM = 'fixtures/sbom/cyclonedx-npm/demo-app.cdx.json';

it('scan FILE reads the SBOM and answers as for the project', async () => {
  const result = await run(['scan', SBOM, '--date', '2026-01-01']);
  expect(result.code).toBe(1);
  expect(result.stdout).toMatch(/^ {2}Read: demo-app\.cdx\.json$/m);
  expect(result.stdout).toContain('sneaky-mit 1.2.0 MIT AND LicenseRef-scancode-commons-clause');
});

it('scan DIR --sbom FILE takes the policy from DIR and the components from the SBOM', async () => {
  const result = await run(['scan', 'fixtures/demo-app', '--sbom', 'fixtures/sbom/spdx/data-service.spdx.json', '--format', 'json', '--date', '2026-01-01']);
  const report = JSON.parse(result.stdout) as { project: { name: string }; components: { name: string }[] };
  expect(report.project.name).toBe('data-service');
  expect(report.components.map((c) => c.name)).toContain('coop-geo');
});

it('writes cyclonedx and spdx files with --output-dir', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'copyfair-sbom-out-'));
  const result = await run(['scan', 'fixtures/demo-app', '--format', 'cyclonedx,spdx', '--output-dir', dir, '--date', '2026-01-01']);
  expect(result.code).toBe(1);
  expect(readdirSync(dir).sort()).toEqual(['report.cdx.json', 'report.spdx.json']);
  expect(JSON.parse(readFileSync(join(dir, 'report.cdx.json'), 'utf8'))).toMatchObject({ bomFormat: 'CycloneDX', specVersion: '1.6' });
  expect(JSON.parse(readFileSync(join(dir, 'report.spdx.json'), 'utf8'))).toMatchObject({ spdxVersion: 'SPDX-2.3', creationInfo: { created: '2026-01-01T00:00:00Z' } });
});

it('an SBOM that is not JSON exits 2 and says where', async () => {
  const result = await run(['scan', 'fixtures/sbom/not-json/bom.cdx.json', '--date', '2026-01-01']);
  expect(result.code).toBe(2);
  expect(result.stdout).toContain('bom.cdx.json:5:20 is not valid JSON');
});

it('a broken SBOM is still read, its problems listed with JSON pointers', async () => {
  const result = await run(['scan', 'fixtures/sbom/broken/broken.cdx.json', '--date', '2026-01-01']);
  expect(result.code).toBe(1);
  expect(result.stdout).toContain('sbom-entry-invalid');
  expect(result.stdout).toContain('/components/2/licenses/0');
});

it('--workspace with an SBOM is a usage error', async () => {
  const result = await run(['scan', SBOM, '--workspace', 'web']);
  expect([result.code, result.stderr]).toEqual([2, expect.stringContaining('an SBOM has none')]);
});
