// go.mod and vendor/modules.txt: the main module, its requirements (direct or `// indirect`),
// replacements and exclusions. A line that cannot be read is a problem with its position; the
// rest of the file is still read.
import { compareText } from '../../util/compare.js';

/** One `require` line. */
export interface GoRequire {
  path: string;
  version: string;
  indirect: boolean;
  line: number;
}

/** One `replace` line: `old [v] => new v` (a module) or `old [v] => ../dir` (a folder). */
export interface GoReplace {
  path: string;
  version?: string;
  newPath: string;
  newVersion?: string;
  line: number;
}

export interface GoMod {
  module?: string;
  /** The `go` directive: from 1.17 on, go.mod lists every module of the build. */
  go?: string;
  requires: GoRequire[];
  replaces: GoReplace[];
  excludes: { path: string; version: string; line: number }[];
}

export interface GoProblem {
  message: string;
  line: number;
  column: number;
}

const DIRECTIVES = new Set(['module', 'go', 'toolchain', 'godebug', 'require', 'replace', 'exclude', 'retract', 'tool', 'ignore']);

/** Reads go.mod, collecting a problem for every line it cannot read. */
export function parseGoMod(source: string): { mod: GoMod; problems: GoProblem[] } {
  const mod: GoMod = { requires: [], replaces: [], excludes: [] };
  const problems: GoProblem[] = [];
  let block: string | undefined;
  source.split('\n').forEach((raw, index) => {
    const line = index + 1;
    const comment = raw.indexOf('//');
    const body = (comment === -1 ? raw : raw.slice(0, comment)).trim();
    const note = comment === -1 ? '' : raw.slice(comment + 2).trim();
    if (body === '') return;
    const column = raw.length - raw.trimStart().length + 1;
    if (block !== undefined) {
      if (body === ')') {
        block = undefined;
        return;
      }
      entry(block, tokens(body), note, line, column);
      return;
    }
    const words = tokens(body);
    const directive = words[0]!;
    if (!DIRECTIVES.has(directive)) {
      problems.push({ message: `unknown directive "${directive}"`, line, column });
      return;
    }
    if (words[1] === '(' && words.length === 2) {
      block = directive;
      return;
    }
    entry(directive, words.slice(1), note, line, column);
  });
  if (block !== undefined) problems.push({ message: `the ${block} ( … ) block is not closed`, line: source.split('\n').length, column: 1 });
  return { mod, problems };

  function entry(directive: string, words: string[], note: string, line: number, column: number): void {
    switch (directive) {
      case 'module':
        if (words.length !== 1) return void problems.push({ message: 'module needs one module path', line, column });
        mod.module = words[0];
        return;
      case 'require':
        if (words.length !== 2 || !/^v\d/.test(words[1]!)) return void problems.push({ message: `require needs a module path and a version (vX.Y.Z), not "${words.join(' ')}"`, line, column });
        mod.requires.push({ path: words[0]!, version: words[1]!, indirect: /^indirect\b/.test(note), line });
        return;
      case 'exclude':
        if (words.length !== 2) return void problems.push({ message: 'exclude needs a module path and a version', line, column });
        mod.excludes.push({ path: words[0]!, version: words[1]!, line });
        return;
      case 'replace': {
        const arrow = words.indexOf('=>');
        const left = words.slice(0, arrow);
        const right = words.slice(arrow + 1);
        if (arrow === -1 || left.length < 1 || left.length > 2 || right.length < 1 || right.length > 2) return void problems.push({ message: 'replace needs "old [version] => new [version]"', line, column });
        mod.replaces.push({ path: left[0]!, ...(left[1] ? { version: left[1] } : {}), newPath: right[0]!, ...(right[1] ? { newVersion: right[1] } : {}), line });
        return;
      }
      case 'go':
        mod.go = words[0];
        return;
      default:
        return; // toolchain, retract, tool…: nothing licence-related
    }
  }
}

/** Words of a line, with Go's quoted strings unquoted. */
function tokens(body: string): string[] {
  return (body.match(/"(?:[^"\\]|\\.)*"|`[^`]*`|\S+/g) ?? []).map((word) => (/^["`]/.test(word) ? word.slice(1, -1) : word));
}

/** go.sum's modules whose source was downloaded (`path version h1:`, not only `/go.mod`), newest version of each. */
export function parseGoSum(source: string): Map<string, { version: string; line: number }> {
  const modules = new Map<string, { version: string; line: number }>();
  source.split('\n').forEach((raw, index) => {
    const [path, version] = raw.trim().split(/\s+/);
    if (!path || !version || version.endsWith('/go.mod')) return;
    const known = modules.get(path);
    if (!known || compareSemver(version, known.version) > 0) modules.set(path, { version, line: index + 1 });
  });
  return modules;
}

/** Orders `vX.Y.Z[-pre][+meta]` versions by their numbers (pre-releases below releases). */
function compareSemver(a: string, b: string): number {
  const parts = (v: string) => /^v(\d+)\.(\d+)\.(\d+)(-[^+]*)?/.exec(v) ?? [];
  const x = parts(a);
  const y = parts(b);
  for (let i = 1; i <= 3; i++) if (Number(x[i] ?? 0) !== Number(y[i] ?? 0)) return Number(x[i] ?? 0) - Number(y[i] ?? 0);
  if (x[4] && !y[4]) return -1;
  if (!x[4] && y[4]) return 1;
  return compareText(x[4] ?? '', y[4] ?? '');
}

/** True when the `go` directive is before 1.17, whose go.mod files list only part of the build. */
export function beforeGo117(go: string | undefined): boolean {
  const [major, minor] = (go ?? '1.0').split('.').map(Number);
  return (major ?? 1) === 1 && (minor ?? 0) < 17;
}

/** vendor/modules.txt: the vendored modules, `path version` (after replacement: the new one). */
export function parseModulesTxt(source: string): { modules: { path: string; version: string; line: number; replacedBy?: string }[]; problems: GoProblem[] } {
  const modules: { path: string; version: string; line: number; replacedBy?: string }[] = [];
  const problems: GoProblem[] = [];
  source.split('\n').forEach((raw, index) => {
    if (!raw.startsWith('# ')) return;
    const words = raw.slice(2).trim().split(/\s+/);
    const arrow = words.indexOf('=>');
    if (arrow === -1 && words.length === 2) modules.push({ path: words[0]!, version: words[1]!, line: index + 1 });
    else if (arrow > 0) modules.push({ path: words[0]!, version: words[arrow + 2] ?? words[1] ?? '', replacedBy: words[arrow + 1], line: index + 1 });
    else problems.push({ message: `expected "# module version", found "${raw.trim()}"`, line: index + 1, column: 1 });
  });
  return { modules, problems };
}

/** Go's case escaping of module paths and versions in the module cache: `!` before a lowercase letter for each capital. */
export function escapeModulePath(path: string): string {
  return path.replace(/[A-Z]/g, (letter) => `!${letter.toLowerCase()}`);
}
