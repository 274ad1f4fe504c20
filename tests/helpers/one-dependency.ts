// A project of one installed npm dependency holding the files a test gives it: what the tests of a
// package's licence, notice, EULA and PATENTS files scan.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The project's folder (in the run's temporary folder): `app` depending on `dependency`, which ships `files`. */
export function oneDependency(prefix: string, dependency: { name: string; license: string }, files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const folder = join(root, 'node_modules', dependency.name);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { [dependency.name]: '^1.0.0' } }));
  writeFileSync(join(folder, 'package.json'), JSON.stringify({ name: dependency.name, version: '1.0.0', license: dependency.license }));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return root;
}
