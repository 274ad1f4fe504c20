import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { loadPolicy } from '../../src/policy/index.js';
import { starterConfig } from '../../src/policy/starter.js';
import { run } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'copyfair-init-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('writes a starter config from the flags that copyfair itself accepts', async () => {
  const result = await run(['init', '--dir', dir, '--as', 'worker-cooperative', '--surplus-to-workers', '--use', 'internal,network']);
  expect(result.code).toBe(0);
  expect(result.stdout).toContain(`wrote ${join(dir, 'copyfair.yaml')}`);
  const text = readFileSync(join(dir, 'copyfair.yaml'), 'utf8');
  expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./node_modules/copyfair/schemas/config.schema.json');
  expect(loadPolicy(dir, { configPath: join(dir, 'copyfair.yaml') }).profile).toEqual({ entity: 'worker-cooperative', uses: ['internal', 'network'], surplusToWorkers: true });
});

it('refuses to overwrite without --force', async () => {
  expect(await run(['init', '--dir', dir])).toMatchObject({ code: 2, stderr: expect.stringContaining('exists; use --force') });
  expect((await run(['init', '--dir', dir, '--force'])).code).toBe(0);
});

it('docs/copyfair.example.yaml is what init writes by default', () => {
  expect(readFileSync('docs/copyfair.example.yaml', 'utf8')).toBe(starterConfig({}));
});
