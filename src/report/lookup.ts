// A report's components found by what an owed item or a diagnostic says of them, from indexes
// built once per report: a reporter that searched the component list for each item took time in
// the product of the two (a SARIF report of 13,444 components and 2,491 diagnostics took 43 s,
// the terminal report of the same scan 4 s more than the JSON). Each look-up answers exactly as the
// search it replaces: the first component in the report's order that fits.
import type { Component } from '../types.js';

/** The first component of each name and version (`components.find` by both). */
export function componentsByRelease<C extends Component>(components: readonly C[]): (name: string, version: string) => C | undefined {
  const byName = new Map<string, Map<string, C>>();
  for (const component of components) {
    let versions = byName.get(component.name);
    if (versions === undefined) byName.set(component.name, (versions = new Map()));
    if (!versions.has(component.version)) versions.set(component.version, component);
  }
  return (name, version) => byName.get(name)?.get(version);
}

/** Finds the component of a diagnostic by its `component` and its location's file. */
export type ComponentOf<C extends Component = Component> = (said: string | undefined, file: string | undefined) => C | undefined;

/**
 * The component a diagnostic concerns: the first whose `name@version` or name is the diagnostic's
 * component, or whose folder holds the diagnostic's file. A component without a folder holds no
 * file (the search this replaces read its folder as "undefined").
 */
export function componentOfDiagnostics<C extends Component>(components: readonly C[]): ComponentOf<C> {
  const byRelease = new Map<string, number>();
  const byName = new Map<string, number>();
  const byFolder = new Map<string, number>();
  const first = (map: Map<string, number>, key: string, at: number) => {
    if (!map.has(key)) map.set(key, at);
  };
  components.forEach((component, at) => {
    first(byRelease, `${component.name}@${component.version}`, at);
    first(byName, component.name, at);
    if (component.directory !== undefined) first(byFolder, component.directory, at);
  });
  return (said, file) => {
    let found = Number.POSITIVE_INFINITY;
    const consider = (at: number | undefined) => {
      if (at !== undefined && at < found) found = at;
    };
    if (said !== undefined) {
      consider(byRelease.get(said));
      consider(byName.get(said));
    }
    // Each folder the file is in, from its path: the part before each "/" ("" before a leading one).
    const path = file ?? '';
    for (let slash = path.indexOf('/'); slash !== -1; slash = path.indexOf('/', slash + 1)) consider(byFolder.get(path.slice(0, slash)));
    return Number.isFinite(found) ? components[found] : undefined;
  };
}
