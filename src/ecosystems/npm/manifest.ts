// Reads package.json: the fields copyfair needs, with the line of the licence declaration and of
// each dependency entry, so findings can point at the manifest (SARIF, terminal).

/** The parts of package.json copyfair reads. */
export interface Manifest {
  name?: string;
  version?: string;
  private?: boolean;
  /** The `license` field as written (string or legacy object). */
  license?: unknown;
  /** The legacy `licenses` array. */
  licenses?: unknown;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  optionalDependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  bundleDependencies: string[];
  workspaces: string[];
  funding: string[];
  /** 1-based line of the `license`/`licenses` key, when present. */
  licenceLine?: number;
  /** 1-based line of each dependency key, by section then name. */
  dependencyLines: Record<string, number>;
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

function record(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
}

function fundingUrls(value: unknown): string[] {
  const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return items
    .map((item) => (typeof item === 'string' ? item : item && typeof item === 'object' && 'url' in item ? String(item.url) : ''))
    .filter((url) => url !== '');
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

/**
 * Lines of the `license` key and of each dependency entry: a small scan of the JSON text that
 * tracks nesting and strings, so it works whatever the formatting. One pass over character codes,
 * looking at a string only where a key can matter (a scan reads thousands of manifests). Computed
 * here rather than on first use: keeping each manifest's text for later cost more memory
 * (~1-2 KiB per package) than the pass costs time.
 */
function lines(text: string): { licence?: number; dependencies: Record<string, number> } {
  const found: { licence?: number; dependencies: Record<string, number> } = { dependencies: {} };
  let depth = 0;
  let line = 1;
  let section: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (char === 10) line++;
    else if (char === 123 || char === 91) depth++; // { [
    else if (char === 125 || char === 93) {
      depth--;
      if (depth < 2) section = undefined;
    } else if (char === 34) {
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) !== 34) j += text.charCodeAt(j) === 92 ? 2 : 1;
      if (depth === 1 || (depth === 2 && section)) {
        let k = j + 1;
        while (k < text.length && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9 || text.charCodeAt(k) === 13 || text.charCodeAt(k) === 10)) k++;
        if (text.charCodeAt(k) === 58) {
          const key = text.slice(i + 1, j);
          if (depth === 1) {
            if ((key === 'license' || key === 'licenses') && found.licence === undefined) {
              found.licence = line;
            }
            section = DEPENDENCY_SECTIONS.has(key) ? key : undefined;
          } else {
            found.dependencies[`${section}:${key}`] ??= line;
          }
        }
      }
      i = j;
    }
  }
  return found;
}

const DEPENDENCY_SECTIONS = new Set(['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies']);

/** Parses package.json text; throws ManifestError with the position of a syntax error. */
export function parseManifest(text: string): Manifest {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>;
  } catch (error) {
    const { line, column } = errorPosition(text, error as Error);
    throw new ManifestError(`is not valid JSON: ${(error as Error).message}`, line, column);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new ManifestError('is not a JSON object');
  const at = lines(text);
  const bundled = value.bundleDependencies ?? value.bundledDependencies;
  return {
    name: typeof value.name === 'string' ? value.name : undefined,
    version: typeof value.version === 'string' ? value.version : undefined,
    private: value.private === true,
    license: value.license,
    licenses: value.licenses,
    dependencies: record(value.dependencies),
    devDependencies: record(value.devDependencies),
    optionalDependencies: record(value.optionalDependencies),
    peerDependencies: record(value.peerDependencies),
    bundleDependencies: Array.isArray(bundled) ? bundled.filter((v): v is string => typeof v === 'string') : bundled === true ? Object.keys(record(value.dependencies)) : [],
    workspaces: workspacePatterns(value.workspaces),
    funding: fundingUrls(value.funding),
    licenceLine: at.licence,
    dependencyLines: at.dependencies,
  };
}

/** The line of a dependency entry in a manifest, in whichever section it is. */
export function dependencyLine(manifest: Manifest, name: string): number | undefined {
  for (const section of ['dependencies', 'optionalDependencies', 'peerDependencies', 'devDependencies']) {
    const line = manifest.dependencyLines[`${section}:${name}`];
    if (line !== undefined) return line;
  }
  return undefined;
}
