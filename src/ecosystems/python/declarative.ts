// Two more declarations of direct requirements, both plain data (nothing to run): setup.cfg's
// `[options] install_requires` / `extras_require` / `tests_require`, and Pipfile's `[packages]`
// and `[dev-packages]` (TOML).
import { diagnostic } from '../../diagnostics.js';
import type { Diagnostic, Scope } from '../../types.js';
import { readProjectText } from '../folder.js';
import type { ReadOnlyFs } from '../fs.js';
import { parseToml, table, text, type TomlTable } from '../toml.js';
import { normaliseName } from './metadata.js';
import type { PythonProject } from './project.js';
import { parseRequirement } from './requirement.js';

/** setup.cfg: the `[metadata]` name and version and the `[options]` requirements, with lines. */
export async function readSetupCfg(fs: ReadOnlyFs, project: PythonProject, diagnostics: Diagnostic[]): Promise<void> {
  const file = 'setup.cfg';
  const source = await readProjectText(fs, file, diagnostics);
  if (source === undefined) return;
  const lines = source.split(/\r?\n/);
  let section = '';
  let key = '';
  lines.forEach((raw, index) => {
    const line = raw.replace(/(?<!\s)\s+[#;].*$/, '');
    const header = /^\s*\[([^\]]+)\]\s*$/.exec(line);
    if (header) {
      section = header[1]!.trim();
      key = '';
      return;
    }
    if (line.trim() === '' || /^\s*[#;]/.test(raw)) return;
    const entry = /^([A-Za-z0-9_.-]+)\s*[=:]\s*(.*)$/.exec(line);
    let value: string;
    if (entry) {
      key = entry[1]!.toLowerCase();
      value = entry[2]!.trim();
      if (section === 'metadata' && (key === 'name' || key === 'version')) {
        if (key === 'name') project.name ??= value;
        else if (!value.startsWith('attr:') && !value.startsWith('file:')) project.version ??= value;
        return;
      }
    } else if (/^\s/.test(line)) value = line.trim();
    else return;
    const scope: Scope | undefined = section === 'options' && key === 'install_requires' ? 'prod' : section === 'options' && key === 'tests_require' ? 'dev' : section === 'options.extras_require' ? 'optional' : undefined;
    if (!scope || value === '') return;
    const requirement = parseRequirement(value);
    if (!requirement) {
      diagnostics.push(diagnostic('python-file-invalid', `${file} line ${index + 1}: "${value.slice(0, 60)}" is not a requirement copyfair can read`, { location: { file, line: index + 1, column: 1 } }));
      return;
    }
    project.requirements.push({ ...requirement, scope, location: { file, line: index + 1 } });
  });
}

/** A project's TOML file and its text; when it is not TOML, a located diagnostic and nothing. */
export async function readTomlFile(fs: ReadOnlyFs, file: string, diagnostics: Diagnostic[]): Promise<{ source: string; parsed: { value: TomlTable } } | undefined> {
  const source = await readProjectText(fs, file, diagnostics);
  if (source === undefined) return undefined;
  const parsed = parseToml(source);
  if (parsed.ok) return { source, parsed };
  diagnostics.push(diagnostic('python-file-invalid', `${file} ${parsed.problem.message}`, { location: { file, line: parsed.problem.line, column: parsed.problem.column } }));
  return undefined;
}

/** Pipfile: `[packages]` (prod) and `[dev-packages]` (dev). */
export async function readPipfile(fs: ReadOnlyFs, project: PythonProject, diagnostics: Diagnostic[]): Promise<void> {
  const file = 'Pipfile';
  const read = await readTomlFile(fs, file, diagnostics);
  if (!read) return;
  const { source, parsed } = read;
  const lines = source.split('\n');
  for (const [name, scope] of [['packages', 'prod'], ['dev-packages', 'dev']] as const) {
    const start = lines.findIndex((line) => line.trim() === `[${name}]`);
    for (const [key, spec] of Object.entries(table(parsed.value[name]))) {
      const at = lines.findIndex((line, index) => index > start && new RegExp(`^\\s*"?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"?\\s*=`).test(line));
      const extras = Array.isArray(table(spec).extras) ? (table(spec).extras as unknown[]).filter((e): e is string => typeof e === 'string').map(normaliseName) : [];
      const marker = text(table(spec).markers);
      project.requirements.push({ name: normaliseName(key), extras, specifier: typeof spec === 'string' ? (spec === '*' ? '' : spec) : text(table(spec).version) ?? '', ...(marker ? { marker } : {}), scope, location: { file, ...(at >= 0 ? { line: at + 1 } : {}) } });
    }
  }
}
