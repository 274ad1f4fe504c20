// The Go ecosystem: go.mod (with replace and `// indirect`), and each module's files from vendor/
// (`go mod vendor`) or the module cache. Go modules declare no licence: the LICENSE or COPYING
// files at the module's root decide, identified like any other. Nothing is run: no go command.
import { diagnostic } from '../../diagnostics.js';
import type { Component, Diagnostic, Location, Scope } from '../../types.js';
import { folderLicenceFiles, MAX_MANIFEST_BYTES, readProjectText } from '../folder.js';
import { isLicencePath, isPartPath } from '../npm/licence-files.js';
import { FileError, type ReadOnlyFs } from '../fs.js';
import { reach } from '../reach.js';
import type { Collected, CollectOptions, Ecosystem, Source } from '../types.js';
import { beforeGo117, escapeModulePath, parseGoMod, parseGoSum, parseModulesTxt, type GoMod, type GoRequire } from './go-mod.js';
import { append } from '../../util/arrays.js';

/** The Go ecosystem. */
export const go: Ecosystem = {
  id: 'go',
  async detect(fs) {
    const sources: Source[] = [];
    if (await fs.exists('go.mod')) sources.push({ kind: 'manifest', file: 'go.mod' });
    if (await fs.exists('go.sum')) sources.push({ kind: 'lockfile', file: 'go.sum' });
    if (await fs.exists('vendor/modules.txt')) sources.push({ kind: 'vendor', file: 'vendor/modules.txt' });
    return sources;
  },
  collect,
};

/** A required module and where its files are. */
interface Module {
  require: GoRequire;
  /** The folder holding its files (vendor/…, the cache, a local replacement), when known. */
  directory?: string;
  /** What it was replaced by, for the report. */
  replacedBy?: string;
  /** Where it is brought in, when not by a go.mod line. */
  location?: Location;
  edges: { to: string; kind: Scope }[];
  name: string;
}

async function collect(fs: ReadOnlyFs, sources: Source[], options: CollectOptions): Promise<Collected> {
  const diagnostics: Diagnostic[] = [];
  if (!sources.some((s) => s.file === 'go.mod')) {
    diagnostics.push(diagnostic('go-file-invalid', 'go.sum without go.mod: copyfair reads the requirements from go.mod', { location: { file: 'go.sum' } }));
    return { projects: [], components: [], sources, diagnostics };
  }
  const goMod = await readProjectText(fs, 'go.mod', diagnostics);
  if (goMod === undefined) return { projects: [], components: [], sources, diagnostics };
  const { mod, problems } = parseGoMod(goMod);
  for (const problem of problems) diagnostics.push(diagnostic('go-file-invalid', `go.mod line ${problem.line}: ${problem.message}`, { location: { file: 'go.mod', line: problem.line, column: problem.column } }));
  const project = mod.module ?? 'main module';
  const vendored = sources.some((s) => s.file === 'vendor/modules.txt') ? await readVendored(fs, diagnostics) : undefined;
  const modules = new Map<string, Module>();
  for (const require of mod.requires) {
    if (mod.excludes.some((e) => e.path === require.path && e.version === require.version)) continue;
    modules.set(require.path, { require, name: require.path, edges: [], ...(await locate(fs, mod, require, vendored, options.locations?.goModCache)) });
  }
  if (beforeGo117(mod.go) && sources.some((s) => s.file === 'go.sum')) await addFromGoSum(fs, mod, modules, vendored, options.locations?.goModCache, diagnostics);
  await linkModules(fs, modules, diagnostics);
  const nodes = new Map<string, { name: string; edges: { to: string; kind: Scope }[] }>(modules);
  const root = { name: project, edges: mod.requires.filter((r) => !r.indirect && modules.has(r.path)).map((r) => ({ to: r.path, kind: 'prod' as Scope })) };
  nodes.set('\u0000root', root);
  let reached = reach({ nodes, roots: ['\u0000root'] });
  // An indirect requirement no module's go.mod explains (their go.mod files are not at hand) is
  // still part of the build: it is brought in by the main module, as go.mod says.
  const unexplained = [...modules.keys()].filter((path) => !reached.has(path));
  if (unexplained.length > 0) {
    append(root.edges, unexplained.map((to) => ({ to, kind: 'prod' as Scope })));
    reached = reach({ nodes, roots: ['\u0000root'] });
  }
  const components: Component[] = [];
  const missing: string[] = [];
  for (const [path, module] of [...modules].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const { paths } = reached.get(path)!;
    const id = `${path}@${module.require.version}`;
    const files = module.directory ? await folderLicenceFiles(fs, module.directory, diagnostics, id) : [];
    const exists = module.directory !== undefined && (await fs.isDirectory(module.directory));
    if (!exists) missing.push(`${path}@${module.require.version}`);
    const location: Location = module.location ?? { file: 'go.mod', line: module.require.line };
    // A licence of code the module keeps from others (vendor/, third_party/, third-party notices) is not the module's own.
    const licences = files.filter((file) => isLicencePath(file) && !isPartPath(file, module.directory));
    // Go modules declare no licence: without a licence file at the root there is nothing to read.
    const noLicence = exists && licences.length === 0 ? `${id} has no LICENSE or COPYING file at its root (${module.directory}), and Go modules declare no licence: a person must find out its licence` : undefined;
    if (noLicence) diagnostics.push(diagnostic('licence-missing', noLicence, { location, component: id }));
    components.push({
      ecosystem: 'go',
      name: path,
      version: module.require.version,
      purl: purl(path, module.require.version),
      scope: 'prod',
      paths,
      ...(exists ? { directory: module.directory } : {}),
      location,
      evidence: [],
      licenceFiles: exists ? files.filter((file) => !/\/(AUTHORS|CONTRIBUTORS)$/i.test(file)) : [],
      funding: [],
      ...(exists ? {} : { notRead: `${id}${module.replacedBy ? ` (replaced by ${module.replacedBy})` : ''} is neither vendored nor in the module cache: run \`go mod download\` or \`go mod vendor\` to read its licence` }),
      ...(noLicence ? { notRead: noLicence } : {}),
    });
  }
  const cache = options.locations?.goModCache;
  const fromCache = cache !== undefined && components.some((c) => c.directory?.startsWith(`${cache}/`));
  if (missing.length > 0) {
    const where = vendored ? 'not in vendor/' : options.locations?.goModCache ? `in neither vendor/ nor ${options.locations.goModCache}` : 'in neither vendor/ nor the module cache (GOMODCACHE is not set)';
    diagnostics.push(diagnostic('go-not-downloaded', `${missing.length} module(s) are ${where}: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}`, { location: { file: 'go.mod' } }));
  }
  return { projects: [{ name: project, directory: '' }], components, sources: fromCache ? [...sources, { kind: 'module-cache', file: cache }] : sources, diagnostics };
}

/**
 * Before Go 1.17 go.mod lists only some modules of the build; go.sum holds a hash of the source
 * of every module that was downloaded to build it. Those are counted too (the safe reading).
 */
async function addFromGoSum(fs: ReadOnlyFs, mod: GoMod, modules: Map<string, Module>, vendored: Map<string, string> | undefined, cache: string | undefined, diagnostics: Diagnostic[]): Promise<void> {
  const added: string[] = [];
  for (const [path, { version, line }] of parseGoSum((await readProjectText(fs, 'go.sum', diagnostics)) ?? '')) {
    if (modules.has(path) || path === mod.module) continue;
    const require: GoRequire = { path, version, indirect: true, line };
    modules.set(path, { require, name: path, edges: [], location: { file: 'go.sum', line }, ...(await locate(fs, mod, require, vendored, cache)) });
    added.push(`${path}@${version}`);
  }
  if (added.length > 0) {
    diagnostics.push(diagnostic('go-mod-incomplete', `go.mod says go ${mod.go ?? '(none)'}: before Go 1.17 it lists only part of the build, so copyfair also counts the ${added.length} module(s) whose source go.sum records: ${added.slice(0, 3).join(', ')}${added.length > 3 ? ', …' : ''}`, { location: { file: 'go.mod' } }));
  }
}

/** vendor/modules.txt's modules by path, with the version vendored. */
async function readVendored(fs: ReadOnlyFs, diagnostics: Diagnostic[]): Promise<Map<string, string>> {
  const { modules, problems } = parseModulesTxt((await readProjectText(fs, 'vendor/modules.txt', diagnostics)) ?? '');
  for (const problem of problems) diagnostics.push(diagnostic('go-file-invalid', `vendor/modules.txt line ${problem.line}: ${problem.message}`, { location: { file: 'vendor/modules.txt', line: problem.line, column: problem.column } }));
  return new Map(modules.map((m) => [m.path, m.version]));
}

/** Where a module's files are: vendor/<path>, a local replacement, or the module cache. */
async function locate(fs: ReadOnlyFs, mod: GoMod, require: GoRequire, vendored: Map<string, string> | undefined, cache: string | undefined): Promise<Pick<Module, 'directory' | 'replacedBy'>> {
  const replace = mod.replaces.find((r) => r.path === require.path && (r.version === undefined || r.version === require.version));
  const replacedBy = replace ? `${replace.newPath}${replace.newVersion ? `@${replace.newVersion}` : ''}` : undefined;
  const label = replacedBy ? { replacedBy } : {};
  if (vendored?.has(require.path)) return { directory: `vendor/${require.path}`, ...label };
  if (replace && !replace.newVersion) {
    // A local folder: read it when it lies inside the scanned project.
    const folder = replace.newPath.replace(/^\.\//, '').replace(/\/$/, '');
    return folder.split('/').includes('..') || folder.startsWith('/') ? label : { directory: folder, ...label };
  }
  if (!cache) return label;
  const path = replace?.newPath ?? require.path;
  const version = replace?.newVersion ?? require.version;
  return { directory: `${cache}/${escapeModulePath(path)}@${escapeModulePath(version)}`, ...label };
}

/** Edges between the required modules, from each module's own go.mod where it is at hand. */
async function linkModules(fs: ReadOnlyFs, modules: Map<string, Module>, diagnostics: Diagnostic[]): Promise<void> {
  for (const module of modules.values()) {
    if (!module.directory || !(await fs.exists(`${module.directory}/go.mod`))) continue;
    let text: string;
    try {
      text = await fs.readText(`${module.directory}/go.mod`, MAX_MANIFEST_BYTES);
    } catch (error) {
      // A module's own go.mod only adds edges between modules go.mod already lists: without it,
      // the module is still scanned, brought in by the main module.
      if (!(error instanceof FileError)) throw error;
      diagnostics.push(diagnostic('go-file-invalid', `${error.message}: the modules it requires are not linked to it`, { location: { file: `${module.directory}/go.mod` }, component: `${module.name}@${module.require.version}` }));
      continue;
    }
    const { mod } = parseGoMod(text);
    for (const require of mod.requires) if (modules.has(require.path) && require.path !== module.name) module.edges.push({ to: require.path, kind: 'prod' });
  }
}

/** The package URL (purl spec): `pkg:golang/github.com/owner/name@version`. */
export function purl(path: string, version: string): string {
  return `pkg:golang/${path.split('/').map(encodeURIComponent).join('/')}@${encodeURIComponent(version)}`;
}
