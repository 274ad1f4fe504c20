// Declared versus actual: combines a component's evidence into the one expression copyfair
// evaluates. Where a licence file says more than the declaration, both apply (AND), so the
// stricter claim decides; a licence text nobody can identify keeps the verdict unknown.
import { formatExpression, parseExpression, type ExpressionNode } from '../evaluate/parse.js';
import type { Evidence } from '../types.js';
import { unversionedFamilies, unversionedFamily } from '../evaluate/unversioned.js';
import { isPointer, UNLICENSED_ID } from './declared.js';
import { expressionIds, withoutLaterMark } from './expression.js';

/** The expression to evaluate, and what must stay unknown whatever it says. */
export interface Decision {
  /** The combined expression, or null when there is nothing to evaluate. */
  expression: string | null;
  /** Reasons a person must look (unidentified files, undeclared licence …). */
  unknown: string[];
  /**
   * Licence files whose licences the declaration does not mention: both apply, unless `how` is
   * `branch`: the file's text is a variant of a declared licence and replaces it.
   */
  mismatches: { file: string; declared: string; found: string; how?: 'branch' }[];
}

/** Licence ids in an expression, without `-only`/`-or-later`/`+`, so GPL-3.0+ and GPL-3.0-only agree. */
export function licenceIds(expression: string): Set<string> {
  return new Set(expressionIds(expression).map(withoutLaterMark));
}

const wrap = (expression: string) => (/\s/.test(expression) ? `(${expression})` : expression);

type FileEvidence = Extract<Evidence, { kind: 'licence-file' }>;

/**
 * Decides the expression from the evidence. A clarification wins outright. Otherwise the
 * declaration stands, and each identified licence file is read against it:
 * - a file whose licences the declaration already names changes nothing;
 * - a file that offers a choice among which the declaration is one branch (abbrev: declared ISC,
 *   file "ISC OR MIT") is the fuller statement of the same grant: the file's choice is used;
 * - a file whose text makes one declared licence precise replaces it: a variant (rc's LICENSE.BSD
 *   is BSD-2-Clause-Views, one branch of "BSD-2-Clause OR MIT OR Apache-2.0") or the version of a
 *   family declared without one (url-template: "BSD", LICENSE is BSD-3-Clause);
 * - any other file is ANDed, so the stricter claim decides, and reported as a mismatch.
 * A declaration that only points at the files ("SEE LICENSE IN …", "see LICENSE.md") lets the
 * files decide. An unidentified licence file, a declaration nobody can read, "UNLICENSED" beside
 * a file that grants a licence, or no evidence at all leave a reason for unknown.
 */
export function decide(evidence: Evidence[]): Decision {
  const clarification = evidence.find((item) => item.kind === 'clarification');
  if (clarification) return { expression: clarification.expression, unknown: [], mismatches: [] };
  const declared = evidence.find((item) => item.kind === 'declared');
  const terms = evidence.filter((item) => item.kind === 'terms-file' || item.kind === 'sbom');
  const files = evidence.filter((item): item is FileEvidence => item.kind === 'licence-file');
  const unknown: string[] = [];
  const mismatches: Decision['mismatches'] = [];
  const pointer = declared !== undefined && declared.expression === null && isPointer(declared.value);
  // A declaration copyfair cannot read is conflicting evidence, whatever the files say.
  if (declared && declared.expression === null && !pointer) unknown.push(`the declared licence "${declared.value}" is not one copyfair can read`);
  // Only the package's own files say what its own code is under; a part's licence never does.
  if (pointer && !files.some((file) => !file.part && (file.expression !== null || !file.readme))) {
    unknown.push(`the declared licence "${declared!.value}" points at a licence file, and the package ships none copyfair could read`);
  }
  // The declaration and any terms file or SBOM claim are what the files are read against.
  let base = conjoin([...(declared?.expression ? [declared.expression] : []), ...terms.map((item) => item.expression).filter((e): e is string => e !== null)]);
  const unlicensed = declared?.expression === UNLICENSED_ID;
  const extra: string[] = [];
  const partsFound: string[] = [];
  for (const file of files) {
    if (file.expression === null) {
      // A README section that names no licence is no evidence; one with terms of its own is.
      if (file.reason) unknown.push(`the licence ${file.readme ? 'section of' : 'file'} ${file.location.file}: ${file.reason}; a person must read it`);
      else if (!file.readme || file.restrictive) unknown.push(`the licence ${file.readme ? 'section of' : 'file'} ${file.location.file} could not be identified with confidence; a person must read it`);
      continue;
    }
    if (file.part) {
      // Others' code kept in the package: its licence applies too, and says nothing of the package's own.
      if (!namesOnly(file.expression, [...(base ? [base] : []), ...extra, ...partsFound])) partsFound.push(file.expression);
      continue;
    }
    if (unlicensed) {
      unknown.push(`the package declares "UNLICENSED" (no licence granted) but ${file.location.file} grants ${file.expression}; a person must check which holds`);
      extra.push(file.expression);
      continue;
    }
    if (base === null) {
      extra.push(file.expression);
      continue;
    }
    const read = readAgainst(base, file);
    if (read.kind === 'covered') continue;
    if (read.kind === 'fuller') {
      base = read.expression;
      continue;
    }
    if (read.kind === 'branch') {
      if (!read.quiet) mismatches.push({ file: file.location.file, declared: base, found: file.expression, how: 'branch' });
      base = read.expression;
      continue;
    }
    if (namesOnly(file.expression, [base, ...extra])) continue;
    if (declared?.expression && !patentGrantOnly(file.expression)) mismatches.push({ file: file.location.file, declared: declared.expression, found: file.expression });
    extra.push(file.expression);
  }
  const own = [...(base ? [base] : []), ...extra];
  if (own.length === 0 && unknown.length === 0) {
    unknown.push(partsFound.length > 0 ? 'no licence is declared and no licence file was found for the package\'s own code (only for code it keeps from other projects)' : 'no licence is declared and no licence file was found');
  }
  return { expression: conjoin([...own, ...partsFound]), unknown, mismatches };
}

/**
 * The patent licences that come beside a copyright licence (ScanCode's category "Patent License"
 * that copyfair knows: Google's for Go, WebM and the other projects, Facebook's version 2, the
 * Alliance for Open Media's): a file holding only these (a PATENTS file) grants patents besides the
 * declared licence and says nothing against it, so it is ANDed without a mismatch.
 */
const PATENT_GRANT = /^LicenseRef-scancode-(?:google-patent-license(?:-[a-z]+)?|facebook-patent-rights-2|alliance-open-media-patent-1\.0)$/;

function patentGrantOnly(expression: string): boolean {
  return expression.split(/\s+|[()]/).every((part) => part === '' || part === 'AND' || PATENT_GRANT.test(part));
}

/** True when every licence `expression` names is one that `expressions` name already. */
function namesOnly(expression: string, expressions: readonly string[]): boolean {
  const named = new Set(expressions.flatMap((part) => [...licenceIds(part)]));
  return [...licenceIds(expression)].every((id) => named.has(id));
}

/**
 * `branch`: the file's text replaced one declared licence; `quiet` when the declaration only left out
 * the version, or named the id people commonly write for that text (PRECISE_FORMS): no disagreement.
 */
type Reading = { kind: 'covered' | 'and' } | { kind: 'fuller'; expression: string } | { kind: 'branch'; expression: string; quiet: boolean };

/** Readings by declared and found expression: a tree pairs "MIT" with an MIT file a thousand times. */
const readings = new Map<string, Reading>();

/** How one identified file reads against the declared expression (remembered; callers only read it). */
function readAgainst(declared: string, file: FileEvidence): Reading {
  // Expressions hold no line break, so the pair is told apart.
  const key = `${declared}\n${file.expression!}`;
  let reading = readings.get(key);
  if (!reading) {
    if (readings.size >= 4096) readings.clear();
    readings.set(key, (reading = readExpressions(declared, file.expression!)));
  }
  return reading;
}

function readExpressions(declared: string, found: string): Reading {
  const declaredIds = licenceIds(declared);
  const foundIds = licenceIds(found);
  if ([...foundIds].every((id) => declaredIds.has(id))) return { kind: 'covered' };
  // A later version of a licence declared "or later" is one the declaration grants: mailsplit
  // declares "MIT OR EUPL-1.1+" and ships the EUPL-1.2 text, a GPL-2.0-or-later project the GPL-3.0.
  const later = laterVersionsGranted(declared);
  if (later.size > 0 && [...foundIds].every((id) => declaredIds.has(id) || later.has(id))) return { kind: 'covered' };
  const declaredTree = parseExpression(declared);
  const foundTree = parseExpression(found);
  if (!declaredTree.ok || !foundTree.ok) return { kind: 'and' };
  // The file offers a choice and the declaration is one of its branches.
  if (foundTree.tree.kind === 'or' && foundTree.tree.children.some((branch) => sameLicences(branch, declaredTree.tree))) {
    return { kind: 'fuller', expression: foundTree.expression };
  }
  // The file is the text of one licence the declaration names loosely: a variant of it
  // (BSD-2-Clause-Views for BSD-2-Clause, rc's LICENSE.BSD for its declared choice), or the version
  // of a family declared without one (url-template: "BSD", LICENSE is BSD-3-Clause). The file's
  // text replaces that licence, once.
  if (foundTree.tree.kind === 'licence') {
    const text = foundTree.tree;
    let replaced: string | undefined;
    const replace = (node: ExpressionNode): ExpressionNode => {
      if (node.kind !== 'licence') return { kind: node.kind, children: node.children.map(replace) };
      if (replaced || node.exception || !refines(text.id, node.id)) return node;
      replaced = node.id;
      return text;
    };
    const tree = replace(declaredTree.tree);
    if (replaced) return { kind: 'branch', expression: formatExpression(tree), quiet: unversionedFamily(replaced) !== undefined || (PRECISE_FORMS[replaced]?.includes(text.id) ?? false) };
  }
  return { kind: 'and' };
}

/**
 * The versions later than those `declared` names with "+" or "-or-later", without their marks: for
 * "MIT OR EUPL-1.1+", EUPL-1.2. A family's versions in their order (unversioned.ts); BSD's clause
 * counts are variants, not versions.
 */
function laterVersionsGranted(declared: string): Set<string> {
  const later = new Set<string>();
  for (const id of expressionIds(declared)) {
    if (!/(?:\+|-or-later)$/.test(id)) continue;
    const named = withoutLaterMark(id);
    for (const family of unversionedFamilies()) {
      if (family.name === 'BSD') continue;
      const versions = family.versions.map(withoutLaterMark);
      const at = versions.indexOf(named);
      if (at >= 0) for (const version of versions.slice(at + 1)) later.add(version);
    }
  }
  return later;
}

function sameLicences(a: ExpressionNode, b: ExpressionNode): boolean {
  const left = licenceIds(formatExpression(a));
  const right = licenceIds(formatExpression(b));
  return left.size === right.size && [...left].every((id) => right.has(id));
}

/**
 * Ids SPDX gives to the text a declared id is commonly written for: CPython's licence stack, which
 * projects declare as `Python-2.0`, is SPDX's `Python-2.0.1` (the same stack with the CNRI 1.6.1
 * part; SPDX's Python-2.0 text has the 1.6b1 part no shipped LICENSE carries).
 */
const PRECISE_FORMS: Readonly<Record<string, readonly string[]>> = { 'Python-2.0': ['Python-2.0.1'] };

/**
 * True when the file's licence is the declared one made precise: a variant (BSD-2-Clause-Views of
 * BSD-2-Clause: the same id with words added) or a version of a family declared without one.
 */
function refines(found: string, declared: string): boolean {
  if (found.startsWith(`${declared}-`) && !/-(only|or-later)$/.test(found)) return true;
  if (PRECISE_FORMS[declared]?.includes(found)) return true;
  return unversionedFamily(declared)?.versions.includes(found) ?? false;
}

/** `A` and `A AND B` → `A AND B`: the parts ANDed, each conjunct once. */
function conjoin(parts: string[]): string | null {
  if (parts.length === 0) return null;
  if (parts.length === 1) return parts[0]!;
  const terms: ExpressionNode[] = [];
  const seen = new Set<string>();
  for (const part of parts) {
    const parsed = parseExpression(part);
    if (!parsed.ok) return parts.map(wrap).join(' AND ');
    for (const term of parsed.tree.kind === 'and' ? parsed.tree.children : [parsed.tree]) {
      const key = formatExpression(term);
      if (!seen.has(key)) terms.push(term);
      seen.add(key);
    }
  }
  return formatExpression(terms.length === 1 ? terms[0]! : { kind: 'and', children: terms });
}
