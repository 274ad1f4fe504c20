import type { ObligationKind, Outcome, Profile } from '../../src/types.js';

/** One row of a verdict table: written from the licence text, not from the engine's output. */
export interface Case {
  expression: string;
  profile: Profile;
  outcome: Outcome;
  /** An obligation kind the verdict must carry. */
  obligation?: ObligationKind;
  /** The clause that makes it so. */
  note: string;
  /** Parameters read from the licence text, per licence id (BUSL Change Date, HL3 modules …). */
  parameters?: Record<string, Record<string, string | number | string[]>>;
}
