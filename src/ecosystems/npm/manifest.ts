// Reads package.json: the fields copyfair needs, with the line of the licence declaration and,
// for projects, of each dependency entry, so findings can point at the manifest (SARIF, terminal).
import type { Contacts, Person } from '../../types.js';
import { dependencyLineIn, dependencyLinesOf, licenceLineOf } from './manifest-lines.js';
import { lineBreaks } from '../../util/lines.js';

/** The parts of package.json copyfair reads. */
export interface Manifest {
  name?: string;
  version?: string;
  private?: boolean;
  /** The `license` field as written (string or legacy object). */
  license?: unknown;
  /** The legacy `licenses` array. */
  licenses?: unknown;
  /** A `licence` field (the spelling npm does not read), when present. */
  licence?: unknown;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  optionalDependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  bundleDependencies: string[];
  workspaces: string[];
  funding: string[];
  /** Author, maintainers, homepage and repository. */
  contacts: Contacts;
  /** 1-based line of the `license`/`licenses` key, when present. */
  licenceLine?: number;
  /**
   * 1-based line of each dependency key, by `section:name`: found when the manifest was parsed
   * with `dependencyLines` (projects); otherwise a finding that needs one locates it on demand
   * (`locateDependencyLines`), as few ever do.
   */
  dependencyLines?: Record<string, number>;
  /**
   * A project's dependency sections (and `workspaces`) that copyfair could not read in full (an
   * array, a string, a version that is no string): found when parsed with `dependencyLines`, each
   * reported at its line.
   */
  dependencyProblems?: { field: string; problem: string; line?: number }[];
}

/** package.json could not be read as JSON: where and why. */
export class ManifestError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'ManifestError';
  }
}

/** The string values of an object: the parsed object itself when they all are (nearly always). */
function record(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  for (const key in value) {
    if (typeof (value as Record<string, unknown>)[key] !== 'string') {
      return Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
    }
  }
  return value as Record<string, string>;
}

function fundingUrls(value: unknown): string[] {
  const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return items
    // (Only a string url: String() of an object with its own "toString" key throws, and a funding
    // entry `{"url": {"toString": ""}}` made the whole tree unreadable.)
    .map((item) => (typeof item === 'string' ? item : item && typeof item === 'object' && 'url' in item && typeof item.url === 'string' ? item.url : ''))
    .map((url) => webAddress(url) ?? '')
    .filter((url) => url !== '');
}

/** Author, maintainers, homepage and repository, each only when it is well formed. */
export function contactsOf(value: Record<string, unknown>): Contacts {
  const contacts: Contacts = {};
  const author = person(value.author);
  if (author) contacts.author = author;
  const maintainers = (Array.isArray(value.maintainers) ? value.maintainers : []).map(person).filter((item): item is Person => item !== undefined);
  if (maintainers.length > 0) contacts.maintainers = maintainers;
  const homepage = typeof value.homepage === 'string' ? webAddress(value.homepage) : undefined;
  if (homepage) contacts.homepage = homepage;
  const repository = repositoryUrl(value.repository);
  if (repository) contacts.repository = repository;
  return contacts;
}

/** npm's person: "Name <email> (url)" or { name, email, url }. */
function person(value: unknown): Person | undefined {
  let found: Person = {};
  if (typeof value === 'string') {
    const parsed = personString(value);
    if (!parsed) return undefined;
    found = parsed;
  } else if (value && typeof value === 'object') {
    const item = value as Record<string, unknown>;
    found = { name: typeof item.name === 'string' ? item.name : undefined, email: typeof item.email === 'string' ? item.email : undefined, url: typeof item.url === 'string' ? item.url : undefined };
  }
  const cleaned: Person = {};
  if (found.name?.trim()) cleaned.name = found.name.trim();
  if (found.email && /^[^\s@]+@[^\s@]+$/.test(found.email.trim())) cleaned.email = found.email.trim();
  const url = found.url ? webAddress(found.url) : undefined;
  if (url) cleaned.url = url;
  return Object.keys(cleaned).length > 0 ? cleaned : undefined;
}

/**
 * "Name <email> (url)", read by hand: the regular expression it replaces backtracked
 * exponentially on an author of a few hundred spaces before a lone "<" (400 spaces: 10 s).
 */
function personString(value: string): Person | undefined {
  const nameEnd = [value.indexOf('<'), value.indexOf('('), value.length].filter((index) => index !== -1).reduce((a, b) => Math.min(a, b));
  let at = nameEnd;
  const person: Person = { name: value.slice(0, nameEnd).trim() || undefined };
  const skipSpaces = () => {
    while (at < value.length && /\s/.test(value[at]!)) at++;
  };
  if (value[at] === '<') {
    const close = value.indexOf('>', at);
    if (close === -1) return undefined;
    person.email = value.slice(at + 1, close) || undefined;
    at = close + 1;
    skipSpaces();
  }
  if (value[at] === '(') {
    const close = value.indexOf(')', at);
    if (close === -1) return undefined;
    person.url = value.slice(at + 1, close) || undefined;
    at = close + 1;
    skipSpaces();
  }
  return at === value.length ? person : undefined;
}

/** An http(s) address, or nothing: no javascript:, file: or data: addresses from package data. */
export function webAddress(value: string): string | undefined {
  const trimmed = value.trim();
  if (!/^https?:\/\/[^\s/$.?#][^\s]*$/i.test(trimmed)) return undefined;
  return trimmed;
}

/** `repository` as a web address: "github:x/y", "x/y", "git+https://…/y.git", { url }. */
function repositoryUrl(value: unknown): string | undefined {
  const raw = typeof value === 'string' ? value : value && typeof value === 'object' && typeof (value as { url?: unknown }).url === 'string' ? (value as { url: string }).url : undefined;
  if (!raw) return undefined;
  const shorthand = /^(?:(github|gitlab|bitbucket):)?([\w.-]+)\/([\w.-]+)$/.exec(raw.trim());
  if (shorthand) {
    const host = { github: 'github.com', gitlab: 'gitlab.com', bitbucket: 'bitbucket.org' }[shorthand[1] as 'github' | 'gitlab' | 'bitbucket'] ?? 'github.com';
    return `https://${host}/${shorthand[2]}/${shorthand[3]!.replace(/\.git$/, '')}`;
  }
  const url = raw.trim().replace(/^git\+/, '').replace(/^git:\/\//, 'https://').replace(/^ssh:\/\/git@/, 'https://').replace(/^git@([^:]+):/, 'https://$1/').replace(/\.git$/, '');
  return webAddress(url);
}

function workspacePatterns(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  if (value && typeof value === 'object' && 'packages' in value && Array.isArray(value.packages)) {
    return value.packages.filter((v: unknown): v is string => typeof v === 'string');
  }
  return [];
}

/** Where JSON.parse stopped, as line and column, from its message's position. */
function errorPosition(text: string, error: Error): { line?: number; column?: number } {
  const match = /position (\d+)/.exec(error.message);
  if (!match) return {};
  const before = text.slice(0, Number(match[1]));
  const line = before.split('\n').length;
  return { line, column: before.length - before.lastIndexOf('\n') };
}


/** What to locate besides the licence line. */
export interface ManifestOptions {
  /** Find the line of every dependency entry (for a project: its findings point at them). */
  dependencyLines?: boolean;
}

/** Parses package.json text; throws ManifestError with the position of a syntax error. */
export function parseManifest(text: string, options: ManifestOptions = {}): Manifest {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>;
  } catch (error) {
    const { line, column } = errorPosition(text, error as Error);
    throw new ManifestError(`is not valid JSON: ${(error as Error).message}`, line, column);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new ManifestError('is not a JSON object');
  const bundled = value.bundleDependencies ?? value.bundledDependencies;
  return {
    name: typeof value.name === 'string' ? value.name : undefined,
    version: typeof value.version === 'string' ? value.version : undefined,
    private: value.private === true,
    license: value.license,
    licenses: value.licenses,
    ...(value.licence !== undefined ? { licence: value.licence } : {}),
    dependencies: record(value.dependencies),
    devDependencies: record(value.devDependencies),
    optionalDependencies: record(value.optionalDependencies),
    peerDependencies: record(value.peerDependencies),
    bundleDependencies: Array.isArray(bundled) ? bundled.filter((v): v is string => typeof v === 'string') : bundled === true ? Object.keys(record(value.dependencies)) : [],
    workspaces: workspacePatterns(value.workspaces),
    funding: fundingUrls(value.funding),
    contacts: contactsOf(value),
    licenceLine: licenceLineOf(text),
    ...(options.dependencyLines ? { dependencyLines: dependencyLinesOf(text) } : {}),
    ...(options.dependencyLines ? dependencyProblemsOf(value, text) : {}),
  };
}

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];

/**
 * What a project's dependency sections hold that is not "name": "range": read as nothing, a
 * project whose dependencies were written as an array read "declares no dependencies", a plain yes.
 * (An empty array or null holds nothing to lose, as npm reads it.)
 */
function dependencyProblemsOf(value: Record<string, unknown>, text: string): { dependencyProblems?: Manifest['dependencyProblems'] } {
  const problems: NonNullable<Manifest['dependencyProblems']> = [];
  for (const field of DEPENDENCY_FIELDS) {
    const section = value[field];
    if (section === undefined || section === null || (Array.isArray(section) && section.length === 0)) continue;
    let problem: string | undefined;
    if (Array.isArray(section)) problem = `is an array (${section.length} item${section.length === 1 ? '' : 's'}), not an object of names and version ranges`;
    else if (typeof section !== 'object') problem = `is ${typeof section === 'string' ? `a string ${JSON.stringify(section).slice(0, 60)}` : `${typeof section} ${JSON.stringify(section)}`}, not an object of names and version ranges`;
    else {
      const odd = Object.entries(section).filter(([, range]) => typeof range !== 'string');
      if (odd.length > 0) problem = `gives ${odd.slice(0, 3).map(([name, range]) => `"${name}" the version ${JSON.stringify(range)?.slice(0, 40)}`).join(', ')}${odd.length > 3 ? ', …' : ''}, which is no version range`;
    }
    if (problem === undefined) continue;
    problems.push({ field, problem, ...lineOfKey(text, field) });
  }
  // The workspaces say which folders are projects: read as none, their dependencies went uncounted.
  const workspaces = value.workspaces;
  const patterns = workspaces !== null && typeof workspaces === 'object' && !Array.isArray(workspaces) ? (workspaces as { packages?: unknown }).packages : workspaces;
  if (workspaces !== undefined && workspaces !== null && !(Array.isArray(patterns) && patterns.every((pattern) => typeof pattern === 'string'))) {
    const what = Array.isArray(patterns) ? 'holds an entry that is no folder pattern (a string)' : patterns === workspaces ? `is ${typeof workspaces === 'string' ? `a string ${JSON.stringify(workspaces).slice(0, 60)}` : typeof workspaces}` : 'is an object without a `packages` array';
    problems.push({ field: 'workspaces', problem: `${what}, not an array of folder patterns`, ...lineOfKey(text, 'workspaces') });
  }
  return problems.length > 0 ? { dependencyProblems: problems } : {};
}

/** The 1-based line of the first `"key"` in the text, if any. */
function lineOfKey(text: string, key: string): { line?: number } {
  const at = text.indexOf(`"${key}"`);
  return at >= 0 ? { line: 1 + lineBreaks(text, 0, at) } : {};
}

/**
 * An installed package's package.json, as plain JSON data (no undefined field), so that what a
 * scan keeps between runs (src/scan/reading-cache.ts) reads back as it was made. Its
 * devDependencies are left out: they are never installed for it, and nothing reads them.
 */
export function parseInstalledManifest(text: string): Manifest {
  const manifest = parseManifest(text);
  manifest.devDependencies = {};
  for (const key of Object.keys(manifest) as (keyof Manifest)[]) if (manifest[key] === undefined) delete manifest[key];
  return manifest;
}

/** The line of a dependency entry in a manifest, in whichever section it is, when its lines were found. */
export function dependencyLine(manifest: Manifest, name: string): number | undefined {
  return manifest.dependencyLines && dependencyLineIn(manifest.dependencyLines, name);
}
