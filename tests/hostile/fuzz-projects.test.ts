// Whole scans of damaged projects, every ecosystem: one file of a fixture project (a manifest, a
// lockfile, a METADATA, a vendored Cargo.toml, go.mod, vendor/modules.txt, a licence file) damaged
// in memory, then scanned. A scan never throws: a broken file is a diagnostic naming it, and the
// rest is scanned. (A broken root Cargo.toml beside its Cargo.lock ended scans with an internal
// error until this was run.) A fixed seed in `npm test`; `npm run fuzz` runs many more (FUZZ_RUNS,
// FUZZ_SEED, as in tests/hostile/fuzz.test.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { memoryFs } from '../../src/diff/memory-fs.js';
import { parseExpression } from '../../src/evaluate/parse.js';
import { loadKnowledgeBase } from '../../src/kb/index.js';
import { scan } from '../../src/scan/index.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const kb = loadKnowledgeBase();

const PROJECTS = ['python/venv-app', 'python/poetry-lock', 'python/requirements', 'python/uv-lock-only', 'python/maturin-wheel', 'cargo/vendored-workspace', 'go/vendored', 'go/broken-mod', 'mixed/service-with-frontend', 'demo-app'];

/** Every file of a fixture project, by its path inside it. */
function filesOf(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.set(relative(root, path), readFileSync(path));
    }
  };
  walk(root);
  return files;
}

const projects = PROJECTS.map((name) => ({ name, files: filesOf(join('fixtures', name)) }));
const INSERTS = ['', '"', "'", '=', '[', ']', '{', '}', '(', ')', ':', ';', '\n', '\r\n', '\t', '\u0000', '\u0001', '\uFEFF', '#', '@', '\\', '"""', '[[package]]\n', '[workspace]\n', 'version = ', 'require (\n', 'replace ', ' => ', '// indirect', 'License: ', 'License-Expression: MIT OR', 'Classifier: License :: ', 'Requires-Dist: x ; extra == "', '-r ', 'license = ', 'license-file = "../../x"', ' OR ', ' AND (', 'é', '\uD800', '__proto__', '{"toString": "", "valueOf": ""}', 'x'.repeat(300), '['.repeat(500)];

/** The files that say what the project is and holds, as opposed to licence texts: damaged half the time. */
const PROJECT_FILE = /(?:^|\/)(?:Cargo\.toml|Cargo\.lock|go\.mod|go\.sum|modules\.txt|METADATA|PKG-INFO|pyvenv\.cfg|pyproject\.toml|poetry\.lock|uv\.lock|Pipfile\.lock|pdm\.lock|requirements[^/]*\.txt|package\.json|package-lock\.json|yarn\.lock|pnpm-lock\.yaml)$/;

/**
 * Which file of which project is damaged, and how: a slice replaced, or the file cut short (small,
 * so that a counterexample prints as a few fields).
 */
const damage = fc
  .tuple(fc.nat({ max: projects.length - 1 }), fc.boolean(), fc.nat(), fc.nat(), fc.nat({ max: 60 }), fc.constantFrom(...INSERTS), fc.boolean())
  .map(([project, manifest, which, at, length, insert, cut]) => {
    const { name, files } = projects[project]!;
    const all = [...files.keys()].sort();
    const described = all.filter((path) => PROJECT_FILE.test(path));
    const paths = manifest && described.length > 0 ? described : all;
    const path = paths[which % paths.length]!;
    const start = at % (files.get(path)!.length + 1);
    return { name, path, start, ...(cut ? { cut } : { length, insert }) };
  });

/** The project's files with that damage done. */
function damaged({ name, path, start, length = 0, insert = '', cut }: { name: string; path: string; start: number; length?: number; insert?: string; cut?: boolean }): Map<string, Buffer> {
  const files = projects.find((project) => project.name === name)!.files;
  const text = files.get(path)!.toString('latin1');
  const broken = cut ? text.slice(0, start) : text.slice(0, start) + insert + text.slice(start + length);
  return new Map([...files, [path, Buffer.from(broken, 'latin1')]]);
}

beforeAll(async () => {
  // The first scan loads the identification data: not part of any run's time.
  await scan('fixtures/demo-app', { profile: { date: '2026-01-01' }, toolVersion: 'test', fs: memoryFs('fixtures/demo-app', projects.at(-1)!.files) });
}, 120_000);

it('an empty root Cargo.toml beside its Cargo.lock (the counterexample that found the crash)', async () => {
  const root = 'fixtures/cargo/vendored-workspace';
  const report = await scan(root, { profile: { date: '2026-01-01' }, toolVersion: 'test', fs: memoryFs(root, damaged({ name: 'cargo/vendored-workspace', path: 'Cargo.toml', start: 0, cut: true })) });
  expect(report.components.map((c) => c.name)).toContain('itoa');
});

it('a scan of a project with any one file damaged never throws; its diagnostics name files, its expressions parse', async () => {
  await fc.assert(
    fc.asyncProperty(damage, async (how) => {
      const root = `fixtures/${how.name}`;
      const report = await scan(root, { profile: { date: '2026-01-01' }, toolVersion: 'test', fs: memoryFs(root, damaged(how)) });
      for (const d of report.diagnostics) if (d.location) expect(d.location.file).not.toBe('');
      for (const component of report.components) if (component.expression) expect(parseExpression(component.expression, kb).ok, component.expression).toBe(true);
    }),
    { seed: SEED, numRuns: RUNS },
  );
}, 120_000);
