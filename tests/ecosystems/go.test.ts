// The Go ecosystem: go.mod, vendor/modules.txt and the module cache with its case escaping.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeModulePath, parseGoMod, parseModulesTxt } from '../../src/ecosystems/go/go-mod.js';
import { scan } from '../../src/scan/index.js';

const cache = resolve('fixtures/go/gomodcache');
const scanGo = (root: string, goModCache: string | null = cache) => scan(root, { profile: { date: '2026-01-01' }, toolVersion: 'test', environment: goModCache ? { goModCache } : {} });
const byName = (components: { name: string }[]) => Object.fromEntries(components.map((c) => [c.name, c])) as Record<string, any>;

describe('go.mod', () => {
  it('reads require blocks and lines, // indirect, replace and exclude', () => {
    const { mod, problems } = parseGoMod('module example.org/app\n\ngo 1.22\n\nrequire (\n\tgithub.com/a/b v1.0.0\n\tgithub.com/c/d v0.2.0 // indirect\n)\nrequire "github.com/e/f" v2.0.0+incompatible\nreplace github.com/a/b v1.0.0 => github.com/fork/b v1.0.1\nreplace github.com/c/d => ../d\nexclude github.com/a/b v0.9.0\nretract v0.1.0\n');
    expect(problems).toEqual([]);
    expect(mod.module).toBe('example.org/app');
    expect(mod.requires).toEqual([
      { path: 'github.com/a/b', version: 'v1.0.0', indirect: false, line: 6 },
      { path: 'github.com/c/d', version: 'v0.2.0', indirect: true, line: 7 },
      { path: 'github.com/e/f', version: 'v2.0.0+incompatible', indirect: false, line: 9 },
    ]);
    expect(mod.replaces).toEqual([
      { path: 'github.com/a/b', version: 'v1.0.0', newPath: 'github.com/fork/b', newVersion: 'v1.0.1', line: 10 },
      { path: 'github.com/c/d', newPath: '../d', line: 11 },
    ]);
    expect(mod.excludes).toEqual([{ path: 'github.com/a/b', version: 'v0.9.0', line: 12 }]);
  });

  it('names every line it cannot read, with its position, and reads the rest', () => {
    const { mod, problems } = parseGoMod('module x\n\n  requir github.com/a/b v1.0.0\nrequire github.com/c/d\nrequire github.com/e/f v1.0.0\nrequire (\n');
    expect(problems.map((p) => [p.line, p.column])).toEqual([[3, 3], [4, 1], [7, 1]]);
    expect(mod.requires.map((r) => r.path)).toEqual(['github.com/e/f']);
  });

  it('escapes capitals in module paths as the module cache does', () => {
    expect(escapeModulePath('github.com/BurntSushi/toml')).toBe('github.com/!burnt!sushi/toml');
    expect(escapeModulePath('github.com/Azure/azure-sdk-for-go')).toBe('github.com/!azure/azure-sdk-for-go');
  });

  it('reads vendor/modules.txt, replacements included', () => {
    expect(parseModulesTxt('# github.com/a/b v1.0.0\n## explicit\ngithub.com/a/b\n# github.com/c/d v0.2.0 => github.com/fork/d v0.2.1\n').modules).toEqual([
      { path: 'github.com/a/b', version: 'v1.0.0', line: 1 },
      { path: 'github.com/c/d', version: 'v0.2.1', replacedBy: 'github.com/fork/d', line: 4 },
    ]);
  });
});

describe('a module reading the module cache (fixtures/go/module-cache)', () => {
  it('identifies each module\'s licence files; Go modules declare none', async () => {
    const report = await scanGo('fixtures/go/module-cache');
    expect(report.project.name).toBe('github.com/coop-cloud/ledger-api');
    const c = byName(report.components);
    // A path with capitals, read from its escaped folder; BurntSushi/toml ships COPYING.
    expect(c['github.com/BurntSushi/toml']).toMatchObject({ directory: '$GOMODCACHE/github.com/!burnt!sushi/toml@v1.3.2', expression: 'MIT', purl: 'pkg:golang/github.com/BurntSushi/toml@v1.3.2', ecosystem: 'go', location: { file: 'go.mod', line: 6 } });
    expect(c['github.com/BurntSushi/toml'].evidence.map((e: any) => e.kind)).toEqual(['licence-file']);
    // Two licence files and no declaration: both apply.
    expect(c['github.com/ipfs/go-cid'].expression).toBe('Apache-2.0 AND MIT');
    // An indirect requirement, placed by the go.mod of the module that needs it.
    expect(c['github.com/google/uuid'].paths).toEqual([['github.com/coop-cloud/ledger-api', 'github.com/ipfs/go-cid', 'github.com/google/uuid']]);
    // x/text's LICENSE, and its PATENTS file read beside it: Google's patent grant for Go, which
    // adds a grant and asks nothing (no mismatch with the LICENSE; free).
    expect(c['golang.org/x/text'].expression).toBe('BSD-3-Clause AND LicenseRef-scancode-google-patent-license-golang');
    expect(c['golang.org/x/text'].licenceFiles).toEqual(['$GOMODCACHE/golang.org/x/text@v0.14.0/LICENSE', '$GOMODCACHE/golang.org/x/text@v0.14.0/PATENTS']);
    expect(c['golang.org/x/text'].verdict.outcome).toBe('free');
    expect(report.diagnostics.filter((d: any) => d.component?.startsWith('golang.org/x/text'))).toEqual([]);
  });

  it('a module without a licence file is unknown, and one not downloaded says how to get it', async () => {
    const report = await scanGo('fixtures/go/module-cache');
    const c = byName(report.components);
    expect(c['example.com/legacy/flags']).toMatchObject({ directory: 'third_party/flags', verdict: { outcome: 'unknown' } });
    expect(c['example.com/legacy/flags'].verdict.because[0].because).toBe('example.com/legacy/flags@v0.0.0-20190101000000-abcdef123456 has no LICENSE or COPYING file at its root (third_party/flags), and Go modules declare no licence: a person must find out its licence');
    expect(c['github.com/stretchr/testify'].verdict.because[0].because).toContain('`go mod download`');
    expect(report.diagnostics.map((d) => d.code).sort()).toEqual(['go-not-downloaded', 'licence-missing']);
  });

  it('without a module cache every module is unknown and the diagnostic says GOMODCACHE is not set', async () => {
    const report = await scanGo('fixtures/go/module-cache', null);
    expect(report.summary).toMatchObject({ unknown: 6, total: 6 });
    expect(report.diagnostics.find((d) => d.code === 'go-not-downloaded')!.message).toContain('GOMODCACHE is not set');
  });
});

describe('vendored and broken modules', () => {
  it('reads vendor/<module path> when vendored, without any cache', async () => {
    const report = await scanGo('fixtures/go/vendored', join(tmpdir(), 'copyfair-no-cache'));
    expect(report.components.map((c) => `${c.name} ${c.expression} ${c.directory}`)).toEqual(['github.com/google/uuid BSD-3-Clause vendor/github.com/google/uuid', 'golang.org/x/text BSD-3-Clause AND LicenseRef-scancode-google-patent-license-golang vendor/golang.org/x/text']);
    expect(report.project.sources.map((s) => s.file)).toEqual(['go.mod', 'vendor/modules.txt']);
  });

  it('a broken go.mod: a diagnostic per bad line, the rest scanned', async () => {
    const report = await scanGo('fixtures/go/broken-mod');
    expect(report.diagnostics.filter((d) => d.code === 'go-file-invalid').map((d) => d.location)).toEqual([{ file: 'go.mod', line: 5, column: 1 }, { file: 'go.mod', line: 7, column: 1 }]);
    expect(report.components.map((c) => c.name)).toEqual(['golang.org/x/text']);
  });

  it('before Go 1.17, the modules whose source go.sum records are counted too', async () => {
    const root = mkdtempSync(join(tmpdir(), 'copyfair-go-'));
    writeFileSync(join(root, 'go.mod'), 'module example.org/old\n\ngo 1.14\n\nrequire github.com/ipfs/go-cid v0.4.1\n');
    writeFileSync(join(root, 'go.sum'), 'github.com/google/uuid v1.5.0 h1:a=\ngithub.com/google/uuid v1.6.0 h1:b=\ngithub.com/google/uuid v1.6.0/go.mod h1:c=\ngithub.com/ipfs/go-cid v0.4.1 h1:d=\ngithub.com/pkg/errors v0.9.1/go.mod h1:e=\n');
    const report = await scanGo(root);
    expect(report.components.map((c) => `${c.name}@${c.version} ${c.expression}`)).toEqual(['github.com/google/uuid@v1.6.0 BSD-3-Clause', 'github.com/ipfs/go-cid@v0.4.1 Apache-2.0 AND MIT']);
    expect(byName(report.components)['github.com/google/uuid'].paths).toEqual([['example.org/old', 'github.com/ipfs/go-cid', 'github.com/google/uuid']]);
    expect(report.diagnostics.map((d) => d.code)).toEqual(['go-mod-incomplete']);
    writeFileSync(join(root, 'go.mod'), 'module example.org/old\n\ngo 1.21\n\nrequire github.com/ipfs/go-cid v0.4.1\n');
    expect((await scanGo(root)).components.map((c) => c.name)).toEqual(['github.com/ipfs/go-cid']);
  });

  it('go.sum alone is not enough, and says so', async () => {
    const root = mkdtempSync(join(tmpdir(), 'copyfair-go-'));
    writeFileSync(join(root, 'go.sum'), 'github.com/a/b v1.0.0 h1:x=\n');
    const report = await scanGo(root);
    expect(report.diagnostics.map((d) => d.code)).toEqual(['go-file-invalid']);
  });
});
