// The Python ecosystem: the project's declarations (pyproject.toml, requirements*.txt), an
// installed environment (.venv, venv, --python-env, $VIRTUAL_ENV) read from each distribution's
// metadata and licence files, and, without one, a lockfile's names and versions. Nothing is run:
// no pip, no interpreter; environment markers are evaluated by copyfair for this platform.
import { basename } from 'node:path';
import { diagnostic } from '../../diagnostics.js';
import type { Component, Diagnostic, Location, Scope } from '../../types.js';
import { MAX_MANIFEST_BYTES, readProjectText } from '../folder.js';
import type { ReadOnlyFs } from '../fs.js';
import { reach } from '../reach.js';
import type { Collected, CollectOptions, Ecosystem, Source } from '../types.js';
import { loadTextIdentifier } from '../../identify/text-identifier.js';
import { declaredEvidence, holdsLicenceText } from './declared.js';
import { readEnvironment, type Distribution, type Environment } from './environment.js';
import { parseLockfile, PYTHON_LOCKFILES, type LockedPackage, type PythonLockfile } from './lockfiles.js';
import { normaliseName } from './metadata.js';
import { readProject, type PythonProject } from './project.js';
import { evaluateMarker, markerEnvironment, parseRequirement, pinnedVersion, type MarkerEnvironment } from './requirement.js';
import { append } from '../../util/arrays.js';

/** Folders in the project that hold its environment, in order of preference. */
const ENVIRONMENTS = ['.venv', 'venv'];

/** The Python ecosystem. */
export const python: Ecosystem = {
  id: 'python',
  async detect(fs, locations) {
    const sources: Source[] = [];
    const names = (await fs.list('.').catch(() => [])).filter((e) => e.kind === 'file' || e.kind === 'symlink').map((e) => e.name);
    if (names.includes('pyproject.toml')) sources.push({ kind: 'manifest', file: 'pyproject.toml' });
    // setup.cfg often holds only tool settings (flake8…): it counts when it describes a package.
    if (names.includes('setup.cfg') && /^[ \t]*\[(metadata|options)\]/m.test(await fs.readText('setup.cfg', MAX_MANIFEST_BYTES).catch(() => ''))) sources.push({ kind: 'manifest', file: 'setup.cfg' });
    if (names.includes('Pipfile')) sources.push({ kind: 'manifest', file: 'Pipfile' });
    for (const name of names.filter((n) => /^requirements.*\.txt$/i.test(n)).sort()) sources.push({ kind: 'manifest', file: name });
    for (const file of PYTHON_LOCKFILES) if (names.includes(file)) sources.push({ kind: 'lockfile', file });
    const environment = locations?.pythonEnv ?? (await projectEnvironment(fs)) ?? (sources.length > 0 ? locations?.virtualEnv : undefined);
    if (environment !== undefined) sources.push({ kind: 'environment', file: environment });
    return sources;
  },
  collect,
};

async function projectEnvironment(fs: ReadOnlyFs): Promise<string | undefined> {
  for (const folder of ENVIRONMENTS) if ((await fs.exists(`${folder}/pyvenv.cfg`)) || (await fs.isDirectory(`${folder}/lib`)) || (await fs.isDirectory(`${folder}/Lib`))) return folder;
  return undefined;
}

/** One package of the graph: installed, locked, or only required. */
interface Node {
  name: string;
  version: string;
  edges: { to: string; kind: Scope }[];
  dist?: Distribution;
  locked?: LockedPackage;
  /** Extras requested of it anywhere in the graph. */
  extras: Set<string>;
}

const ROOT = '\u0000project';

async function collect(fs: ReadOnlyFs, sources: Source[], options: CollectOptions): Promise<Collected> {
  const diagnostics: Diagnostic[] = [];
  const project = await readProject(fs, sources.filter((s) => s.kind === 'manifest').map((s) => s.file), diagnostics);
  const envSource = sources.find((s) => s.kind === 'environment');
  const environment = envSource ? await readEnvironment(fs, envSource.file, diagnostics) : undefined;
  // A License field may hold a whole licence text, identified as the metadata is read: the engine
  // is loaded only then (a repeat scan whose licence files the cache holds never loads it).
  if (environment && [...environment.distributions.values()].some(holdsLicenceText)) await loadTextIdentifier();
  // uv, poetry and `pip install -e .` install the project itself: it is no dependency of its own.
  if (environment && project.name) environment.distributions.delete(normaliseName(project.name));
  const installed = environment !== undefined && environment.distributions.size > 0;
  const lockSource = sources.find((s) => s.kind === 'lockfile');
  const used = sources.filter((s) => s.kind === 'manifest' || (s.kind === 'environment' && installed) || (!installed && s === lockSource));
  const lockText = !installed && lockSource ? await readProjectText(fs, lockSource.file, diagnostics) : undefined;
  const lock = lockSource && lockText !== undefined ? readLock(lockSource.file as PythonLockfile, lockText, diagnostics) : undefined;
  const nodes = new Map<string, Node>();
  const root: Node = { name: project.name ?? basename(fs.root), version: project.version ?? '', edges: [], extras: new Set() };
  nodes.set(ROOT, root);
  const unevaluated = new Set<string>();
  const markers = markerEnvironment(environment?.pythonVersion, options.locations?.platform, options.locations?.arch, environment?.implementation);
  if (installed) resolveInstalled(environment, project, root, nodes, markers, unevaluated, diagnostics);
  else resolveUninstalled(project, lock, root, nodes, diagnostics);
  if (environment && !installed) diagnostics.push(diagnostic('python-file-invalid', `${environment.folder} holds no installed distributions (no *.dist-info or *.egg-info in a site-packages folder)`, { location: { file: environment.folder } }));
  if (!installed && nodes.size > 1) {
    // (A lockfile that could not be read has its own error: the packages came from the requirements.)
    const read = lockSource && lock ? `${lockSource.file}, which names packages but records no licences` : `the requirements, which name packages but hold no licences${lockSource ? ` (${lockSource.file} could not be read: its error is above)` : ''}`;
    diagnostics.push(diagnostic('python-not-installed', `no Python environment (.venv, venv, --python-env): copyfair read ${read}`, { location: { file: lockSource?.file ?? project.requirements[0]?.location.file ?? 'pyproject.toml' } }));
  }
  if (unevaluated.size > 0) {
    const list = [...unevaluated].sort();
    diagnostics.push(diagnostic('python-marker-unevaluated', `${list.length} environment marker(s) could not be evaluated${environment?.pythonVersion ? '' : ' (the Python version is unknown)'}; their dependencies are counted: ${list.slice(0, 3).join('; ')}${list.length > 3 ? '; …' : ''}`, { location: { file: environment?.folder ?? 'pyproject.toml' } }));
  }
  const reached = reach({ nodes, roots: [ROOT] });
  const install = installCommand(lockSource?.file, project);
  // The project's requirements looked up in a map (they were searched once per package), and each
  // component made by a small function of its own.
  const direct = new Map<string, Location>();
  for (const requirement of project.requirements) if (!direct.has(requirement.name)) direct.set(requirement.name, requirement.location);
  const components: Component[] = [];
  for (const [key, { scope, paths }] of [...reached].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const node = nodes.get(key)!;
    if (node.locked?.local) continue; // a workspace member or local folder: the project's own code
    components.push(component(node, scope, paths, direct.get(key), lockSource, install, options, diagnostics));
  }
  const projects = nodes.size > 1 || project.name ? [{ name: root.name, ...(project.version ? { version: project.version } : {}), directory: '' }] : [];
  return { projects, components, sources: used, diagnostics };
}

/** One package of the graph as a component: installed (its claims read), else not read. */
function component(node: Node, scope: Scope, paths: string[][], direct: Location | undefined, lockSource: Source | undefined, install: string, options: CollectOptions, diagnostics: Diagnostic[]): Component {
  const location: Location = direct ?? (node.locked && lockSource ? { file: lockSource.file, line: node.locked.line } : node.dist ? { file: node.dist.metadataFile } : { file: '.' });
  const { name, version, dist } = node;
  // Object literals, not a shared base spread into each: an installed environment makes one per
  // distribution, and a spread in code that runs cold cost ~6 µs each.
  if (!dist) return { ecosystem: 'python', name, version, purl: purl(name, version), scope, paths, location, evidence: [], licenceFiles: [], funding: [], notRead: `${name}@${version} is not installed: install it (${install}) to read its licence` };
  return { ecosystem: 'python', name, version, purl: purl(name, version), scope, paths, location, directory: dist.directory, evidence: declaredEvidence(dist, options.kb, diagnostics, options.kept, options.readings), licenceFiles: dist.licenceFiles, funding: funding(dist) };
}

function readLock(file: PythonLockfile, source: string, diagnostics: Diagnostic[]): Map<string, LockedPackage> | undefined {
  const parsed = parseLockfile(file, source);
  if (parsed.ok) return parsed.packages;
  diagnostics.push(diagnostic('python-file-invalid', `${file} ${parsed.problem.message}`, { location: { file, line: parsed.problem.line, column: parsed.problem.column } }));
  return undefined;
}

/** The graph of an installed environment: each distribution's Requires-Dist, markers evaluated. */
function resolveInstalled(environment: Environment, project: PythonProject, root: Node, nodes: Map<string, Node>, markers: MarkerEnvironment, unevaluated: Set<string>, diagnostics: Diagnostic[]): void {
  const node = (dist: Distribution): Node => {
    let found = nodes.get(dist.name);
    if (!found) nodes.set(dist.name, (found = { name: dist.name, version: dist.version, edges: [], dist, extras: new Set() }));
    return found;
  };
  const queue: string[] = [];
  const queued = new Set<string>();
  const require = (from: Node, name: string, extras: string[], kind: Scope, marker: string | undefined, fromExtras: string[], location: Location | undefined) => {
    if (marker !== undefined) {
      const holds = evaluateMarker(marker, markers, fromExtras);
      if (holds === false) return;
      if (holds === undefined && !/\bextra\b/.test(marker.replace(/extra\s*==\s*["'][^"']*["']/g, ''))) unevaluated.add(`${from === root ? 'the project' : from.name}: ${name}; ${marker}`);
    }
    const dist = environment.distributions.get(name);
    if (!dist) {
      if (marker === undefined || evaluateMarker(marker, markers, fromExtras) === true) {
        diagnostics.push(diagnostic('python-dependency-missing', `${from === root ? 'the project' : `${from.name} ${from.version}`} requires ${name}, which is not installed in ${environment.folder}`, { location: location ?? { file: from.dist?.metadataFile ?? environment.folder }, component: name }));
      }
      return;
    }
    const target = node(dist);
    if (!from.edges.some((edge) => edge.to === dist.name)) from.edges.push({ to: dist.name, kind });
    const fresh = extras.filter((extra) => !target.extras.has(extra));
    const first = !queued.has(dist.name);
    queued.add(dist.name);
    for (const extra of fresh) target.extras.add(extra);
    if (first || fresh.length > 0) queue.push(dist.name);
  };
  const declared = project.requirements.length > 0;
  for (const requirement of project.requirements) require(root, requirement.name, requirement.extras, requirement.scope, requirement.marker, [], requirement.location);
  // Breadth first; a package is revisited when a new extra of it is requested.
  const done = new Map<string, number>();
  for (let index = 0; index < queue.length; index++) {
    const name = queue[index]!;
    const current = nodes.get(name)!;
    if (done.get(name) === current.extras.size) continue;
    done.set(name, current.extras.size);
    for (const { value } of current.dist!.headers?.get('requires-dist') ?? []) {
      const requirement = parseRequirement(value);
      if (!requirement) {
        diagnostics.push(diagnostic('python-file-invalid', `${current.dist!.metadataFile}: Requires-Dist "${value}" is not a requirement copyfair can read`, { location: { file: current.dist!.metadataFile }, component: `${current.name}@${current.version}` }));
        continue;
      }
      require(current, requirement.name, requirement.extras, 'prod', requirement.marker, [...current.extras], undefined);
    }
  }
  if (declared) return;
  // Nothing declared: the environment is the project; its top-level distributions are the roots.
  for (const dist of environment.distributions.values()) node(dist);
  const all = [...environment.distributions.values()];
  for (const dist of all) {
    const current = nodes.get(dist.name)!;
    for (const { value } of dist.headers?.get('requires-dist') ?? []) {
      const requirement = parseRequirement(value);
      if (!requirement || !environment.distributions.has(requirement.name) || current.edges.some((e) => e.to === requirement.name)) continue;
      if (requirement.marker !== undefined && evaluateMarker(requirement.marker, markers, []) === false) continue;
      current.edges.push({ to: requirement.name, kind: 'prod' });
    }
  }
  const required = new Set(all.flatMap((dist) => nodes.get(dist.name)!.edges.map((e) => e.to)));
  for (const dist of all) if (!required.has(dist.name)) root.edges.push({ to: dist.name, kind: 'prod' });
  const reached = reach({ nodes, roots: [ROOT] });
  for (const dist of all) if (!reached.has(dist.name)) root.edges.push({ to: dist.name, kind: 'prod' }); // cycles
}

/** Without an environment: the lockfile's graph, or the pinned requirements alone. */
function resolveUninstalled(project: PythonProject, lock: Map<string, LockedPackage> | undefined, root: Node, nodes: Map<string, Node>, diagnostics: Diagnostic[]): void {
  const add = (name: string, version: string, locked?: LockedPackage): void => {
    if (!nodes.has(name)) nodes.set(name, { name, version, edges: [], ...(locked ? { locked } : {}), extras: new Set() });
  };
  if (lock) {
    for (const locked of lock.values()) add(locked.name, locked.version, locked);
    for (const locked of lock.values()) {
      append(nodes.get(locked.name)!.edges, locked.dependencies.filter((dep) => lock.has(dep) && dep !== locked.name).map((to) => ({ to, kind: 'prod' as Scope })));
    }
  }
  const ownName = project.name ? normaliseName(project.name) : undefined;
  if (project.requirements.length > 0) {
    for (const requirement of project.requirements) {
      if (!nodes.has(requirement.name)) {
        if (lock) {
          diagnostics.push(diagnostic('python-dependency-missing', `the project requires ${requirement.name}, which the lockfile does not lock`, { location: requirement.location, component: requirement.name }));
          continue;
        }
        add(requirement.name, pinnedVersion(requirement.specifier) ?? 'unknown');
      }
      if (!root.edges.some((edge) => edge.to === requirement.name)) root.edges.push({ to: requirement.name, kind: requirement.scope });
    }
  } else if (lock) {
    // The lockfile alone: the project's own entry (uv, pdm lock it) names its dependencies.
    const own = ownName ? nodes.get(ownName) : undefined;
    const required = new Set([...lock.values()].flatMap((p) => p.dependencies));
    for (const locked of lock.values()) {
      if (locked.name === ownName) continue;
      if (own ? own.edges.some((e) => e.to === locked.name) : !required.has(locked.name)) root.edges.push({ to: locked.name, kind: locked.dev ? 'dev' : 'prod' });
    }
  }
  if (ownName && nodes.has(ownName) && ownName !== ROOT) {
    // uv and pdm lock the project itself: its edges are the root's, it is no dependency.
    const own = nodes.get(ownName)!;
    for (const edge of own.edges) if (!root.edges.some((e) => e.to === edge.to)) root.edges.push(edge);
    nodes.delete(ownName);
    for (const node of nodes.values()) node.edges = node.edges.filter((e) => e.to !== ownName);
  }
}

/** What the user runs to install, for the message of a package that is not installed. */
function installCommand(lockfile: string | undefined, project: PythonProject): string {
  switch (lockfile) {
    case 'uv.lock':
      return '`uv sync`';
    case 'poetry.lock':
      return '`poetry install`';
    case 'pdm.lock':
      return '`pdm install`';
    case 'Pipfile.lock':
      return '`pipenv install`';
    default: {
      const file = project.requirements.find((r) => r.location.file.startsWith('requirements'))?.location.file;
      return file ? `\`pip install -r ${file}\` into .venv` : '`pip install .` into .venv';
    }
  }
}

/** Project-URL entries labelled as funding or sponsorship. */
function funding(dist: Distribution): string[] {
  const urls = dist.headers?.get('project-url');
  if (!urls) return [];
  return urls
    .map(({ value }) => /^([^,]+),\s*(\S+)$/.exec(value))
    .filter((match): match is RegExpExecArray => match !== null && /fund|sponsor|donat/i.test(match[1]!))
    .map((match) => match[2]!);
}

/** The package URL (purl spec): `pkg:pypi/name@version`, the name normalised (PEP 503). */
export function purl(name: string, version: string): string {
  return `pkg:pypi/${name}@${encodeURIComponent(version)}`;
}

