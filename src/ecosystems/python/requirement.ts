// PEP 508 requirements (`name[extra] >=1.0 ; python_version < "3.10"`) and the evaluation of their
// environment markers for one environment. A marker that cannot be decided here (a variable
// copyfair does not know for this environment) evaluates to undefined: the caller counts the
// dependency, the safe reading, and says so.
import { normaliseName } from './metadata.js';

/** One requirement. */
export interface Requirement {
  /** PEP 503 normalised name. */
  name: string;
  extras: string[];
  /** The version specifier as written (`>=1.0,<2`), or the URL after `@`. */
  specifier: string;
  marker?: string;
}

/** Reads a requirement, or undefined when the text is not one. */
export function parseRequirement(text: string): Requirement | undefined {
  const match = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[([^\]]*)\])?\s*([^;]*?)\s*(?:;\s*(.*))?$/.exec(text);
  if (!match) return undefined;
  // The common requirement (`name>=1.0`, no parentheses, extras or marker) without the steps
  // that would not change it.
  const written = match[3]!;
  const specifier = written.charCodeAt(0) === 40 ? written.replace(/^\((.*)\)$/, '$1').trim() : written.trim();
  if (specifier !== '' && !/^(@|[<>=!~])/.test(specifier)) return undefined;
  const marker = match[4]?.trim();
  return {
    name: normaliseName(match[1]!),
    extras: match[2] === undefined ? [] : match[2].split(',').map((extra) => normaliseName(extra.trim())).filter(Boolean),
    specifier,
    ...(marker ? { marker } : {}),
  };
}

/** The pinned version of `==1.2.3` (or `===1.2.3`), if the specifier pins one. */
export function pinnedVersion(specifier: string): string | undefined {
  return /^===?\s*([^\s,;*]+)$/.exec(specifier.trim())?.[1];
}

/** Values of marker variables for one environment; a variable not set is unknown. */
export type MarkerEnvironment = Partial<Record<string, string>>;

/** The marker environment for a Python version and a platform (Node's names). */
export function markerEnvironment(pythonVersion: string | undefined, platform: string | undefined, arch: string | undefined, implementation?: string): MarkerEnvironment {
  const environment: MarkerEnvironment = {};
  if (pythonVersion) {
    environment.python_full_version = pythonVersion;
    environment.python_version = pythonVersion.split('.').slice(0, 2).join('.');
  }
  const system = platform === undefined ? undefined : ({ linux: ['linux', 'Linux', 'posix'], darwin: ['darwin', 'Darwin', 'posix'], win32: ['win32', 'Windows', 'nt'], freebsd: ['freebsd', 'FreeBSD', 'posix'] } as Record<string, string[]>)[platform];
  if (system) [environment.sys_platform, environment.platform_system, environment.os_name] = system;
  const machine = arch === undefined ? undefined : ({ x64: platform === 'win32' ? 'AMD64' : 'x86_64', arm64: platform === 'linux' ? 'aarch64' : 'arm64', ia32: 'i686' } as Record<string, string>)[arch];
  if (machine) environment.platform_machine = machine;
  if (implementation) {
    environment.implementation_name = implementation.toLowerCase();
    environment.platform_python_implementation = { cpython: 'CPython', pypy: 'PyPy' }[implementation.toLowerCase()] ?? implementation;
  }
  return environment;
}

type Token = { kind: 'var'; name: string } | { kind: 'str'; value: string } | { kind: 'op'; value: string } | { kind: 'paren'; value: '(' | ')' } | { kind: 'bool'; value: 'and' | 'or' };

const VARIABLES = /^(python_version|python_full_version|os_name|sys_platform|platform_release|platform_system|platform_version|platform_machine|platform_python_implementation|implementation_name|implementation_version|extra|os\.name|sys\.platform|platform\.version|platform\.machine|platform\.python_implementation|python_implementation|dependency_groups|extras)\b/;

function tokenize(marker: string): Token[] | undefined {
  const tokens: Token[] = [];
  let rest = marker.trim();
  while (rest !== '') {
    let match: RegExpExecArray | null;
    if ((match = /^(['"])(.*?)\1/.exec(rest))) tokens.push({ kind: 'str', value: match[2]! });
    else if ((match = /^(===|==|!=|<=|>=|~=|<|>|not\s+in\b|in\b)/.exec(rest))) tokens.push({ kind: 'op', value: match[1]!.replace(/\s+/, ' ') });
    else if ((match = /^(and|or)\b/.exec(rest))) tokens.push({ kind: 'bool', value: match[1] as 'and' | 'or' });
    else if ((match = /^[()]/.exec(rest))) tokens.push({ kind: 'paren', value: match[0] as '(' | ')' });
    else if ((match = VARIABLES.exec(rest))) tokens.push({ kind: 'var', name: match[1]!.replace('.', '_') });
    else return undefined;
    rest = rest.slice(match[0].length).trimStart();
  }
  return tokens;
}

/**
 * Evaluates a marker: true, false, or undefined when it depends on something unknown here.
 * `extras` are the extras requested of the package whose requirement this is.
 */
export function evaluateMarker(marker: string, environment: MarkerEnvironment, extras: string[]): boolean | undefined {
  const tokens = tokenize(marker);
  if (!tokens) return undefined;
  let at = 0;
  const or = (): boolean | undefined => {
    let value = and();
    while (tokens[at]?.kind === 'bool' && (tokens[at] as { value: string }).value === 'or') {
      at++;
      const right = and();
      value = value === true || right === true ? true : value === undefined || right === undefined ? undefined : false;
    }
    return value;
  };
  const and = (): boolean | undefined => {
    let value = atom();
    while (tokens[at]?.kind === 'bool' && (tokens[at] as { value: string }).value === 'and') {
      at++;
      const right = atom();
      value = value === false || right === false ? false : value === undefined || right === undefined ? undefined : true;
    }
    return value;
  };
  const atom = (): boolean | undefined => {
    const token = tokens[at++];
    if (token?.kind === 'paren' && token.value === '(') {
      const value = or();
      at++; // ')'
      return value;
    }
    const op = tokens[at++];
    const right = tokens[at++];
    if (!token || op?.kind !== 'op' || !right) return undefined;
    return compare(token, op.value, right, environment, extras);
  };
  const result = or();
  return at === tokens.length ? result : undefined;
}

function compare(left: Token, op: string, right: Token, environment: MarkerEnvironment, extras: string[]): boolean | undefined {
  if (left.kind === 'var' && left.name === 'extra') {
    if (right.kind !== 'str') return undefined;
    const wanted = extras.includes(normaliseName(right.value));
    return op === '==' ? wanted : op === '!=' ? !wanted : undefined;
  }
  const value = (token: Token) => (token.kind === 'str' ? token.value : token.kind === 'var' ? environment[token.name] : undefined);
  const a = value(left);
  const b = value(right);
  if (a === undefined || b === undefined) return undefined;
  const isVersion = [left, right].some((t) => t.kind === 'var' && /version/.test(t.name));
  switch (op) {
    case 'in':
      return b.includes(a);
    case 'not in':
      return !b.includes(a);
    case '===':
      return a === b;
    default:
      if (!isVersion) return op === '==' ? a === b : op === '!=' ? a !== b : undefined;
      return compareVersions(a, op, b);
  }
}

/** Release-segment comparison (`3.9` < `3.10`), enough for Python and platform versions. */
function compareVersions(a: string, op: string, b: string): boolean | undefined {
  const parse = (v: string) => (/^\d+(\.\d+)*/.exec(v)?.[0] ?? '').split('.').filter(Boolean).map(Number);
  const x = parse(a);
  let y = parse(b);
  if (x.length === 0 || y.length === 0) return undefined;
  if (op === '~=') {
    const prefix = y.slice(0, Math.max(1, y.length - 1));
    return cmp(x, y) >= 0 && cmp(x.slice(0, prefix.length), prefix) === 0;
  }
  if (op === '==' && b.endsWith('.*')) {
    y = parse(b.slice(0, -2));
    return cmp(x.slice(0, y.length), y) === 0;
  }
  const order = cmp(x, y);
  return { '==': order === 0, '!=': order !== 0, '<': order < 0, '<=': order <= 0, '>': order > 0, '>=': order >= 0 }[op];
}

function cmp(x: number[], y: number[]): number {
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
