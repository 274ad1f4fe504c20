// The project's own declarations: pyproject.toml (PEP 621 `[project]`, PEP 735 dependency groups,
// Poetry's `[tool.poetry]`, uv's and PDM's dev dependencies) and requirements*.txt files (with
// `-r` includes). Each direct requirement carries its scope and the line that declares it.
import type { Diagnostic, Location, Scope } from '../../types.js';
import { diagnostic } from '../../diagnostics.js';
import type { ReadOnlyFs } from '../fs.js';
import { MAX_MANIFEST_BYTES } from '../folder.js';
import { list, table, text, type TomlTable } from '../toml.js';
import { readPipfile, readSetupCfg, readTomlFile } from './declarative.js';
import { normaliseName } from './metadata.js';
import { parseRequirement, type Requirement } from './requirement.js';

/** A direct requirement of the project. */
export interface Declared extends Requirement {
  scope: Scope;
  location: Location;
}

export interface PythonProject {
  name?: string;
  version?: string;
  requirements: Declared[];
}

/** Reads pyproject.toml and the requirements files present. */
export async function readProject(fs: ReadOnlyFs, files: string[], diagnostics: Diagnostic[]): Promise<PythonProject> {
  const project: PythonProject = { requirements: [] };
  if (files.includes('pyproject.toml')) await readPyproject(fs, project, diagnostics);
  if (files.includes('setup.cfg')) await readSetupCfg(fs, project, diagnostics);
  if (files.includes('Pipfile')) await readPipfile(fs, project, diagnostics);
  const seen = new Set<string>();
  // Production files first, so a dev file's `-r requirements.txt` does not make them dev.
  const isDev = (file: string) => /dev|test|lint|doc|ci/i.test(file);
  const requirements = files.filter((f) => /^requirements.*\.txt$/i.test(f)).sort();
  for (const file of [...requirements.filter((f) => !isDev(f)), ...requirements.filter(isDev)]) {
    await readRequirements(fs, file, isDev(file) ? 'dev' : 'prod', project, seen, diagnostics);
  }
  return project;
}

async function readPyproject(fs: ReadOnlyFs, project: PythonProject, diagnostics: Diagnostic[]): Promise<void> {
  const file = 'pyproject.toml';
  const read = await readTomlFile(fs, file, diagnostics);
  if (!read) return;
  const { source, parsed } = read;
  const lines = source.split('\n');
  const lineOf = (needle: string, from = 0) => {
    for (let i = from; i < lines.length; i++) if (lines[i]!.includes(needle)) return i + 1;
    return undefined;
  };
  const add = (spec: string, scope: Scope, keyHint: string) => {
    const requirement = parseRequirement(spec);
    const line = lineOf(JSON.stringify(spec).slice(1, -1)) ?? lineOf(`"${spec}`) ?? lineOf(keyHint);
    if (!requirement) {
      diagnostics.push(diagnostic('python-file-invalid', `${file} has a requirement copyfair cannot read: "${spec}"`, { location: { file, ...(line ? { line } : {}) } }));
      return;
    }
    project.requirements.push({ ...requirement, scope, location: { file, ...(line ? { line } : {}) } });
  };
  const pep621 = table(parsed.value.project);
  const tool = table(parsed.value.tool);
  const poetry = table(tool.poetry);
  project.name = text(pep621.name) ?? text(poetry.name);
  project.version = text(pep621.version) ?? text(poetry.version);
  // A field that is not what the standards say (a string for a list, a number for a requirement)
  // is reported where it is, never skipped: skipped, a project whose only dependency was written
  // wrong read as "declares no dependencies", a plain yes.
  const misread = (key: string, what: string) => {
    const last = key.slice(key.lastIndexOf('.') + 1);
    const line = lineOf(`${last} =`) ?? lineOf(`${last}=`) ?? lineOf(last);
    diagnostics.push(diagnostic('python-file-invalid', `${file}: \`${key}\` ${what}; copyfair cannot read it as requirements`, { location: { file, ...(line ? { line } : {}) } }));
  };
  const describe = (value: unknown) => (Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value === 'object' ? 'a table' : `${typeof value === 'string' ? 'a string' : typeof value} ${JSON.stringify(value).slice(0, 60)}`);
  /** An array of requirement strings (a PEP 735 `{include-group = …}` names a group read on its own). */
  const requirementArray = (value: unknown, key: string, scope: Scope, hint: string) => {
    if (value === undefined) return;
    if (!Array.isArray(value)) return misread(key, `is ${describe(value)}, not an array of requirement strings`);
    for (const spec of value) {
      if (typeof spec === 'string') add(spec, scope, hint);
      else if (!(key.startsWith('dependency-groups.') && typeof table(spec)['include-group'] === 'string')) misread(key, `holds ${describe(spec)}, which is no requirement string`);
    }
  };
  /** A table of such arrays, one per group or extra. */
  const requirementTable = (value: unknown, key: string, scope: Scope, hint: string) => {
    if (value === undefined) return;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return misread(key, `is ${describe(value)}, not a table of requirement arrays`);
    for (const [group, specs] of Object.entries(value)) requirementArray(specs, `${key}.${group}`, scope, hint);
  };
  requirementArray(pep621.dependencies, 'project.dependencies', 'prod', 'dependencies');
  requirementTable(pep621['optional-dependencies'], 'project.optional-dependencies', 'optional', 'optional-dependencies');
  requirementTable(parsed.value['dependency-groups'], 'dependency-groups', 'dev', 'dependency-groups');
  requirementArray(table(tool.uv)['dev-dependencies'], 'tool.uv.dev-dependencies', 'dev', 'dev-dependencies');
  requirementTable(table(tool.pdm)['dev-dependencies'], 'tool.pdm.dev-dependencies', 'dev', 'dev-dependencies');
  const poetryTable = (deps: TomlTable, scope: Scope, header: string) => {
    const start = lineOf(header) ?? 0;
    for (const [name, spec] of Object.entries(deps)) {
      if (name.toLowerCase() === 'python') continue;
      const optional = table(spec).optional === true;
      const line = lineOf(`${name} `, start) ?? lineOf(`${name}=`, start) ?? start;
      const extras = list(table(spec).extras).filter((e): e is string => typeof e === 'string').map(normaliseName);
      project.requirements.push({ name: normaliseName(name), extras, specifier: typeof spec === 'string' ? spec : text(table(spec).version) ?? '', scope: optional && scope === 'prod' ? 'optional' : scope, location: { file, ...(line ? { line } : {}) } });
    }
  };
  const poetryDependencies = (value: unknown, key: string) => {
    if (value !== undefined && (value === null || typeof value !== 'object' || Array.isArray(value))) misread(key, `is ${describe(value)}, not a table of dependencies`);
    return table(value);
  };
  poetryTable(poetryDependencies(poetry.dependencies, 'tool.poetry.dependencies'), 'prod', '[tool.poetry.dependencies]');
  poetryTable(poetryDependencies(poetry['dev-dependencies'], 'tool.poetry.dev-dependencies'), 'dev', '[tool.poetry.dev-dependencies]');
  for (const [group, value] of Object.entries(table(poetry.group))) poetryTable(table(table(value).dependencies), 'dev', `[tool.poetry.group.${group}.dependencies]`);
}

/** Reads a requirements file and the files it includes with `-r`. */
async function readRequirements(fs: ReadOnlyFs, file: string, scope: Scope, project: PythonProject, seen: Set<string>, diagnostics: Diagnostic[]): Promise<void> {
  if (seen.has(file)) return;
  seen.add(file);
  let source: string;
  try {
    source = await fs.readText(file, MAX_MANIFEST_BYTES);
  } catch (error) {
    diagnostics.push(diagnostic('python-file-invalid', (error as Error).message, { location: { file } }));
    return;
  }
  const folder = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
  const lines = source.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const start = index;
    let line = lines[index]!;
    while (line.endsWith('\\') && index + 1 < lines.length) line = line.slice(0, -1) + lines[++index]!;
    line = line.replace(/(^|\s)#.*$/, '').trim();
    if (line === '') continue;
    const include = /^(-r|--requirement)[\s=]+(\S+)$/.exec(line);
    if (include) {
      const target = `${folder}${include[2]!.replace(/^\.\//, '')}`;
      if (target.split('/').includes('..') || target.startsWith('/')) {
        diagnostics.push(diagnostic('python-file-invalid', `${file}:${start + 1}: -r ${include[2]} lies outside the project; copyfair does not follow it`, { location: { file, line: start + 1 } }));
      } else await readRequirements(fs, target, scope, project, seen, diagnostics);
      continue;
    }
    // An editable install from a VCS or a URL is a dependency like any other (it read as none: a
    // requirements file of one `-e git+…#egg=b` line was "Yes, no dependencies"); named by its
    // #egg= fragment, else a person must say what it is. A local path is the project's own code;
    // a VCS scheme without "//" ("git+git@github.com:a/b.git", the scp form) is no path.
    const editable = /^(?:-e|--editable)(?:\s+|=)(\S+)$/.exec(line);
    if (editable && /^(?:[a-z][a-z0-9+.-]*:\/\/|(?:git|hg|svn|bzr)\+)/i.test(editable[1]!)) {
      const url = editable[1]!;
      const egg = /[#&]egg=([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(url)?.[1];
      const requirement = egg === undefined ? undefined : parseRequirement(`${egg} @ ${url.replace(/#.*$/, '')}`);
      if (requirement) project.requirements.push({ ...requirement, scope, location: { file, line: start + 1 } });
      else diagnostics.push(diagnostic('python-file-invalid', `${file}:${start + 1}: the editable requirement "${url.slice(0, 80)}" names no package (#egg=name); copyfair cannot tell what it installs`, { location: { file, line: start + 1, column: 1 } }));
      continue;
    }
    if (line.startsWith('-')) continue; // -c constraints, -e of a local path, --index-url…: no requirement of their own
    const requirement = parseRequirement(line.replace(/(?<!\s)\s+--hash[=\s]\S+/g, ''));
    if (!requirement) {
      diagnostics.push(diagnostic('python-file-invalid', `${file}:${start + 1}: "${line.slice(0, 60)}" is not a requirement copyfair can read`, { location: { file, line: start + 1, column: 1 } }));
      continue;
    }
    project.requirements.push({ ...requirement, scope, location: { file, line: start + 1 } });
  }
}
