// The words by which a file may name a non-permissive licence family (beside.ts, `familyOfName`):
// strayGrant reads a family only at these, and the build stores, for each known text, which of
// them its reference words hold (corpus.ts), so strayGrant need not read those words at run time.

/** The words `familyOfName` reads a family from: every `case` of its switch. */
export const FAMILY_WORDS: ReadonlySet<string> = new Set([
  'gpl', 'gplv2', 'gplv3', 'lgpl', 'lgplv2', 'lgplv3', 'agpl', 'agplv3', 'gnu', 'mpl', 'mozilla', 'eupl', 'cddl', 'epl',
  'eclipse', 'sspl', 'busl', 'ppl', 'peer', 'polyform', 'proprietary', 'business', 'elastic', 'server', 'functional',
  'commons', 'prosperity', 'parity', 'hippocratic', 'anti', 'osl', 'nc', 'noncommercial', 'nd', 'sa',
]);
