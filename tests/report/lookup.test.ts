// The reporters find an owed item's or a diagnostic's component through an index built once
// (src/report/lookup.ts), not by searching the component list for each item: the index answers
// exactly as the search did, and no reporter searches the list once per item (a SARIF report of
// 13,444 components and 2,491 diagnostics took 43 s that way, the terminal report 4 s).
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildReport } from '../../src/report/build.js';
import { REPORTERS, type Format } from '../../src/report/index.js';
import { componentOfDiagnostics, componentsByRelease } from '../../src/report/lookup.js';
import type { ComponentResult, Diagnostic, Report } from '../../src/types.js';
import { fixtureReport } from './fixture-report.js';

type Small = Pick<ComponentResult, 'name' | 'version' | 'directory'>;

// Few names, versions and folders, so that the same one comes back often and "first" matters;
// "@" in names and versions, and folders inside folders, so that the keys can be confused.
const NAMES = ['a', 'b', 'a@1', '@s/a', 'b@1@2'];
const VERSIONS = ['1', '2', '1@2', ''];
const FOLDERS = ['node_modules/a', 'node_modules/a/node_modules/b', 'node_modules', '', 'x/y', 'undefined'];
const small = fc.record({ name: fc.constantFrom(...NAMES), version: fc.constantFrom(...VERSIONS), directory: fc.option(fc.constantFrom(...FOLDERS), { nil: undefined }) });
const saidOf = fc.option(fc.oneof(fc.constantFrom(...NAMES), fc.tuple(fc.constantFrom(...NAMES), fc.constantFrom(...VERSIONS)).map(([n, v]) => `${n}@${v}`)), { nil: undefined });
const fileOf = fc.option(fc.oneof(fc.constantFrom(...FOLDERS).map((folder) => `${folder}/package.json`), fc.constantFrom('package.json', '/abs/file', 'node_modules/ab/package.json', 'undefined/x', 'x/y')), { nil: undefined });

describe('the look-ups answer as the search they replace', () => {
  it('the first component of a name and version', () => {
    fc.assert(
      fc.property(fc.array(small, { maxLength: 30 }), fc.constantFrom(...NAMES), fc.constantFrom(...VERSIONS), (components, name, version) => {
        const find = componentsByRelease(components as ComponentResult[]);
        expect(find(name, version)).toBe(components.find((c) => c.name === name && c.version === version));
      }),
      { numRuns: 500 },
    );
  });

  it("the first component a diagnostic names, by name@version or name, or whose folder holds the diagnostic's file", () => {
    fc.assert(
      fc.property(fc.array(small, { maxLength: 30 }), saidOf, fileOf, (components, said, file) => {
        const find = componentOfDiagnostics(components as ComponentResult[]);
        // The search before, but for a component without a folder: it read that folder as "undefined".
        const searched = components.find((c: Small) => `${c.name}@${c.version}` === said || c.name === said || (c.directory !== undefined && (file ?? '').startsWith(`${c.directory}/`)));
        expect(find(said, file)).toBe(searched);
      }),
      { numRuns: 1000 },
    );
  });
});

/** A report of `count` components cycling through the fixture's (a fifth of them owed), and a diagnostic for every fifth. */
function largeReport(count: number): Report {
  const base = fixtureReport();
  const components = Array.from({ length: count }, (_, i) => {
    const model = base.components[i % base.components.length]!;
    return { ...structuredClone(model), name: `pkg-${i}`, directory: `node_modules/pkg-${i}`, ecosystem: i % 7 === 0 ? 'pypi' : 'npm' };
  });
  const diagnostics: Diagnostic[] = Array.from({ length: Math.floor(count / 5) }, (_, i) => ({
    code: 'npm-dependency-missing',
    severity: 'warning',
    message: `pkg-${i * 5} depends on missing-${i}, which is neither installed nor locked`,
    location: { file: `node_modules/pkg-${i * 5}/package.json`, line: 8 },
    component: `missing-${i}`,
  }));
  return buildReport({ toolVersion: '0.0.0-test', knowledgeBase: 'test', profile: base.profile, project: base.project, components, diagnostics });
}

describe('no reporter searches the component list once per item', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it.each(Object.keys(REPORTERS) as Format[])('%s', async (format) => {
    const count = 2_000;
    const report = largeReport(count);
    expect(report.answer.owed.flatMap((group) => group.items).length).toBeGreaterThan(count / 5);
    const reporter = await REPORTERS[format]();
    // Every pass a reporter makes over a list of the report's length (the components, or a copy of
    // them): a few for the whole report, not one for each owed item or diagnostic.
    let passes = 0;
    const counted = <K extends 'find' | 'some' | 'filter' | 'map' | 'forEach' | 'findIndex' | 'every'>(name: K) => {
      const original = Array.prototype[name] as (...args: unknown[]) => unknown;
      vi.spyOn(Array.prototype, name).mockImplementation(function (this: unknown[], ...args: unknown[]) {
        if (this.length === count) passes++;
        return original.apply(this, args);
      } as never);
    };
    for (const name of ['find', 'some', 'filter', 'map', 'forEach', 'findIndex', 'every'] as const) counted(name);
    const out = reporter(report, { color: false, width: 80, failOn: ['payback', 'forbidden', 'unknown'] });
    vi.restoreAllMocks();
    expect(out.length).toBeGreaterThan(0);
    expect(passes).toBeLessThan(20);
  });
});
