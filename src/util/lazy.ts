// YAML and semver, loaded on first use: a scan without a copyfair.yaml or a version-pinned
// exception never needs them (nor one of a lockfile the plain YAML reader reads), and loading both
// cost ~100 ms of CPU on every run.
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type * as Semver from 'semver';

const require = createRequire(import.meta.url);
let yamlModule: typeof Yaml | undefined;
let semverModule: typeof Semver | undefined;
const yaml = (): typeof Yaml => (yamlModule ??= require('yaml') as typeof Yaml);
const load = (): typeof Semver => (semverModule ??= require('semver') as typeof Semver);

export const isMap = ((node: unknown) => yaml().isMap(node)) as typeof Yaml.isMap;
export const isSeq = ((node: unknown) => yaml().isSeq(node)) as typeof Yaml.isSeq;
export const isScalar = ((node: unknown) => yaml().isScalar(node)) as typeof Yaml.isScalar;
export const isNode = ((node: unknown) => yaml().isNode(node)) as typeof Yaml.isNode;
export const visit = ((node: never, visitor: never) => yaml().visit(node, visitor)) as unknown as typeof Yaml.visit;
export const parseYamlText = ((source: string, options?: never) => yaml().parse(source, options)) as typeof Yaml.parse;
export const parseDocument = ((source: string, options?: never) => yaml().parseDocument(source, options)) as typeof Yaml.parseDocument;
export function lineCounter(): Yaml.LineCounter {
  return new (yaml().LineCounter)();
}

/** The parts of semver copyfair uses. */
export const semver = {
  valid: (version: string) => load().valid(version),
  satisfies: (version: string, range: string, options?: Semver.RangeOptions) => load().satisfies(version, range, options),
  validRange: (range: string) => load().validRange(range),
};
