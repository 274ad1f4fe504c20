// Licence families named without a version ("BSD", "GPL", "CC-BY-SA" in a manifest). The name
// does not say which version applies, so every version is evaluated: when they all give the same
// outcome for the profile, that is the verdict (with every version's obligations, the strict
// reading); when they disagree, a person must read the package's licence.

/** A family named without its version, written `LicenseRef-copyfair-family-<name>`. */
export interface UnversionedFamily {
  /** The id used in expressions. */
  id: string;
  /** The family as people write it. */
  name: string;
  /** The versions the name may stand for, as SPDX ids (`-only`: the name grants no later version). */
  versions: string[];
}

const PREFIX = 'LicenseRef-copyfair-family-';

const FAMILIES: UnversionedFamily[] = [
  { name: 'BSD', versions: ['BSD-2-Clause', 'BSD-3-Clause', 'BSD-4-Clause'] },
  { name: 'GPL', versions: ['GPL-1.0-only', 'GPL-2.0-only', 'GPL-3.0-only'] },
  { name: 'LGPL', versions: ['LGPL-2.0-only', 'LGPL-2.1-only', 'LGPL-3.0-only'] },
  { name: 'AGPL', versions: ['AGPL-1.0-only', 'AGPL-3.0-only'] },
  { name: 'Apache', versions: ['Apache-1.0', 'Apache-1.1', 'Apache-2.0'] },
  { name: 'MPL', versions: ['MPL-1.0', 'MPL-1.1', 'MPL-2.0'] },
  { name: 'EPL', versions: ['EPL-1.0', 'EPL-2.0'] },
  { name: 'EUPL', versions: ['EUPL-1.0', 'EUPL-1.1', 'EUPL-1.2'] },
  { name: 'Artistic', versions: ['Artistic-1.0', 'Artistic-2.0'] },
  // 3.0's modules (BDS, MIL, …) bar whole sectors: 2.1's answer is no answer for a bare name.
  { name: 'Hippocratic', versions: ['Hippocratic-2.1', 'Hippocratic-3.0-core', 'LicenseRef-scancode-Hippocratic-3.0'] },
  { name: 'AFL', versions: ['AFL-1.1', 'AFL-1.2', 'AFL-2.0', 'AFL-2.1', 'AFL-3.0'] },
  { name: 'CC-BY', versions: ['CC-BY-1.0', 'CC-BY-2.0', 'CC-BY-2.5', 'CC-BY-3.0', 'CC-BY-4.0'] },
  { name: 'CC-BY-SA', versions: ['CC-BY-SA-1.0', 'CC-BY-SA-2.0', 'CC-BY-SA-2.5', 'CC-BY-SA-3.0', 'CC-BY-SA-4.0'] },
  { name: 'CC-BY-NC', versions: ['CC-BY-NC-1.0', 'CC-BY-NC-2.0', 'CC-BY-NC-2.5', 'CC-BY-NC-3.0', 'CC-BY-NC-4.0'] },
  { name: 'CC-BY-NC-SA', versions: ['CC-BY-NC-SA-1.0', 'CC-BY-NC-SA-2.0', 'CC-BY-NC-SA-2.5', 'CC-BY-NC-SA-3.0', 'CC-BY-NC-SA-4.0'] },
  { name: 'CC-BY-ND', versions: ['CC-BY-ND-1.0', 'CC-BY-ND-2.0', 'CC-BY-ND-2.5', 'CC-BY-ND-3.0', 'CC-BY-ND-4.0'] },
  { name: 'CC-BY-NC-ND', versions: ['CC-BY-NC-ND-1.0', 'CC-BY-NC-ND-2.0', 'CC-BY-NC-ND-2.5', 'CC-BY-NC-ND-3.0', 'CC-BY-NC-ND-4.0'] },
].map((family) => ({ ...family, id: `${PREFIX}${family.name}` }));

// A Map, not an object: ids come from manifests and expressions, and any word must be safe as a key.
const byId = new Map(FAMILIES.map((family) => [family.id.toLowerCase(), family]));
const byName = new Map(FAMILIES.map((family) => [family.name.toLowerCase(), family]));

/** The family for an id in an expression (`LicenseRef-copyfair-family-BSD`), if it is one. */
export function unversionedFamily(id: string): UnversionedFamily | undefined {
  return byId.get(id.toLowerCase());
}

/** The family for a name as written ("BSD", "cc-by-sa"), if it is one. */
export function familyNamed(name: string): UnversionedFamily | undefined {
  return byName.get(name.toLowerCase());
}

/** Every family, for documentation and tests. */
export function unversionedFamilies(): readonly UnversionedFamily[] {
  return FAMILIES;
}
