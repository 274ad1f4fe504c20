// The parts of a package (code it keeps or bundles from other projects: a vendor folder's, a
// third-party notices file's, Next.js's dist/compiled) whose licences make what it owes: the one
// MPL-2.0 package Next.js compiles into itself among ninety MIT ones. The report names them, and
// only their holders are someone to go to beside the package's own.
import { expressionIds, withoutLaterMark } from '../identify/expression.js';
import type { Evidence, Obligation } from '../types.js';

type FileEvidence = Extract<Evidence, { kind: 'licence-file' }>;

/** The part evidence under a licence whose obligations are paid or shared alike. */
export function owedParts(evidence: readonly Evidence[], obligations: readonly Obligation[]): FileEvidence[] {
  const asking = new Set(obligations.flatMap((o) => ((o.kind === 'pay' || o.kind === 'share-alike') && o.licence ? [withoutLaterMark(o.licence)] : [])));
  if (asking.size === 0) return [];
  return evidence.filter((item): item is FileEvidence => item.kind === 'licence-file' && item.part === true && item.expression !== null && expressionIds(item.expression).some((id) => asking.has(withoutLaterMark(id))));
}

/** A part in what is owed, as the reports say it. */
export function describeOwedPart(part: FileEvidence): string {
  return `in ${part.partOf ?? 'code it keeps or bundles from another project'}: ${part.expression} (${part.location.file})`;
}

/**
 * The files that hold only parts' licences: a vendor folder's, a third-party notices file. A
 * bundler's LICENSE.md is the package's own file as well (its own licence heads it), so it is not one.
 */
export function partOnlyFiles(evidence: readonly Evidence[]): Set<string> {
  const own = new Set<string>();
  const parts = new Set<string>();
  for (const item of evidence) if (item.kind === 'licence-file') (item.part ? parts : own).add(item.location.file);
  for (const file of own) parts.delete(file);
  return parts;
}
