// The result of `copyfair diff`: what a change (BASE → HEAD) adds to what is owed, schema-versioned
// like the scan's Report and deterministic in the same way.
import type { Diagnostic, Obligation, Outcome, Profile, Reason, Report, Scope } from '../types.js';

/** How a side of the comparison was read. */
export type SideKind = 'folder' | 'lockfile' | 'sbom' | 'git';

export interface DiffSide {
  /** As given on the command line (`origin/main`, `bom.json`, `.`). */
  label: string;
  kind: SideKind;
  project: Report['project'];
  summary: Report['summary'];
  diagnostics: Diagnostic[];
}

/** One component on one side. */
export interface ComponentState {
  version: string;
  expression: string | null;
  outcome: Outcome;
  scope: Scope;
}

/** What differs for one package name between the sides. */
export interface Change {
  kind: 'added' | 'removed' | 'changed';
  ecosystem: string;
  name: string;
  before?: ComponentState;
  after?: ComponentState;
  /** For `changed`: what changed. */
  what: ('version' | 'licence' | 'outcome' | 'scope')[];
  /** True when HEAD asks something (not `free`) that BASE did not ask for this package. */
  introduces: boolean;
  /** Obligations HEAD has that BASE had not (owed kinds only: not notices). */
  newObligations: Obligation[];
  /** HEAD's rules that decided (for removed: BASE's). */
  because: Reason[];
  /** Shortest path that brings it in (HEAD's; for removed, BASE's). */
  path: string[];
  /** Where to pay back, for payback outcomes. */
  payTo: string[];
}

/** A component that asked something before the change and still does: not the change's doing. */
export interface Existing {
  name: string;
  version: string;
  expression: string | null;
  outcome: Outcome;
  path: string[];
}

export interface DiffReport {
  schemaVersion: 1;
  tool: Report['tool'];
  profile: Profile;
  base: DiffSide;
  head: DiffSide;
  /** True when the change introduces nothing that asks something of the user. */
  ok: boolean;
  headline: string;
  /** Sorted by kind (added, changed, removed), then name. */
  changes: Change[];
  existing: Existing[];
  summary: { added: number; removed: number; changed: number; unchanged: number; introduced: Record<Outcome, number> };
}
