// A distribution's licence claims, in the order of preference of the metadata standards: PEP 639
// `License-Expression`; then `License` (a name, or the whole licence text, which is identified);
// then `Classifier: License :: …` trove classifiers mapped to SPDX.
import { hash } from 'node:crypto';
import { diagnostic } from '../../diagnostics.js';
import { readStringOnce, type DeclaredLicence } from '../../identify/declared.js';
import { identificationConfidence, nearestCandidates } from '../../identify/confidence.js';
import { identifyText, type KeptIdentifications } from '../../identify/text-identifier.js';
import { loadKnowledgeBase, type KnowledgeBase } from '../../kb/index.js';
import { withoutUndefined } from '../../util/plain-data.js';
import type { ReadingCache } from '../types.js';
import { licenceIds } from '../../identify/evidence.js';
import { unversionedFamily } from '../../evaluate/unversioned.js';
import type { Diagnostic, Evidence, Location } from '../../types.js';
import { readClassifiers } from './classifiers.js';
import type { Distribution } from './environment.js';
import { header, type HeaderValue } from './metadata.js';
import { normalise } from '../../identify/normalise.js';
import { judgeSurrounding } from '../../identify/surroundings.js';
import { statesTerms } from '../../identify/notice-terms.js';

/** A License value longer than this, or over several lines, is a licence text, not a name. */
const NAME_LENGTH = 120;

/** A License value that is a licence text, not a name. */
function isText(value: string): boolean {
  return value.includes('\n') || value.length > NAME_LENGTH;
}

/** Whether reading this distribution's claims may identify a licence text (its License field holds one). */
export function holdsLicenceText(dist: Distribution): boolean {
  const value = dist.headers ? header(dist.headers, 'license')?.value.trim() : undefined;
  return value !== undefined && isText(value);
}

/**
 * A declared name's reading; from `readings` when a scan of this project kept it and `kb` is the
 * built knowledge base (one with a policy's custom terms may read a name otherwise). Python's
 * names are free text ("BSD 3-Clause License", "ASL 2"): reading them loads and runs spdx-correct,
 * which a repeat scan then does not.
 */
function readName(value: string, kb: KnowledgeBase, readings: ReadingCache | undefined): DeclaredLicence {
  if (!readings || kb !== loadKnowledgeBase()) return readStringOnce(value, kb);
  return readings.read('python-declared-name', value, (name) => withoutUndefined({ ...readStringOnce(name, kb) }));
}

/**
 * Evidence from the metadata headers; licence files are the scan's to identify. A License field
 * holding a whole licence text is identified here, its answer read from and kept in `kept`.
 */
export function declaredEvidence(dist: Distribution, kb: KnowledgeBase, diagnostics: Diagnostic[], kept?: KeptIdentifications, readings?: ReadingCache): Evidence[] {
  const headers = dist.headers;
  if (!headers) return [];
  const id = `${dist.name}@${dist.version}`;
  const at = (line: number) => ({ file: dist.metadataFile, line });
  const expression = header(headers, 'license-expression');
  if (expression?.value) {
    const read = readName(expression.value, kb, readings);
    if (read.kind === 'unknown') diagnostics.push(diagnostic('licence-declared-unknown', `${id} declares License-Expression "${expression.value}": ${read.note}`, { location: at(expression.line), component: id }));
    // A License field beside it that copyfair cannot read as a licence and whose words are not
    // benign ("License-Expression: MIT" with "License: Commercial, see https://…": read as MIT,
    // free, in the seventeenth session) is a question for a person, superseded or not.
    const licence = header(headers, 'license');
    const beside = licence?.value.trim() ?? '';
    if (licence && beside !== '' && !isText(beside) && readName(beside, kb, readings).expression === null && judgeSurrounding(normalise(beside).words) !== 'benign') {
      diagnostics.push(diagnostic('licence-declared-unknown', `${id} declares License-Expression "${expression.value}" and, beside it, License "${beside}", which is no licence copyfair can read and may set terms of its own: a person must read them`, { location: at(licence.line), component: id }));
      return [{ kind: 'declared', value: `${expression.value}; License: ${beside}`, expression: null, location: at(licence.line) }];
    }
    return [{ kind: 'declared', value: expression.value, expression: read.expression, location: at(expression.line) }];
  }
  // The licence classifiers, read once for every use below.
  const classifiers = licenceClassifiers(dist);
  // Without License-Expression (which supersedes them, PEP 639), a classifier that restricts use
  // ("Free for non-commercial use", "Other/Proprietary License") decides: unknown, whatever the
  // License field or the licence files say, until a person reads the terms.
  const restricting = classifiers.values.filter((c) => classifiers.read.restricting.includes(c.value.trim()));
  if (restricting.length > 0) {
    const line = restricting[0]!.line;
    const value = restricting.map((c) => c.value).join('; ');
    diagnostics.push(diagnostic('licence-declared-unknown', `${id} is classified "${value}": it restricts who may use it or how, whatever its licence files say; a person must read its terms`, { location: at(line), component: id }));
    return [{ kind: 'declared', value, expression: null, location: at(line) }];
  }
  const licence = header(headers, 'license');
  const value = licence?.value.trim() ?? '';
  if (licence && value !== '' && !/^(unknown|none|n\/a)$/i.test(value)) {
    if (isText(value)) return [licenceText(dist, value, licence.line, id, diagnostics, kept)];
    const read = readName(value, kb, readings);
    if (read.expression !== null && read.kind !== 'unlicensed') return [withClassifiers(classifiers, value, read.expression, at(licence.line), id, diagnostics)];
    if (read.kind === 'unlicensed') return [{ kind: 'declared', value, expression: read.expression, location: at(licence.line) }];
    // A name that restricts or binds the user ("MIT (free for non-commercial use)": read as MIT,
    // free, from the licence file, in the seventeenth session) decides, whatever the files say.
    if (statesTerms(value)) {
      diagnostics.push(diagnostic('licence-declared-unknown', `${id} declares License "${value}", which restricts who may use it or how, whatever its licence files say: a person must read its terms`, { location: at(licence.line), component: id }));
      return [{ kind: 'declared', value, expression: null, location: at(licence.line) }];
    }
    // A name copyfair cannot read ("BSD", "Dual License"): the classifiers or the files say more.
    if (!fromClassifiers(classifiers, dist, kb) && dist.licenceFiles.length === 0) {
      diagnostics.push(diagnostic('licence-declared-unknown', `${id} declares License "${value}": ${read.note}`, { location: at(licence.line), component: id }));
      return [{ kind: 'declared', value, expression: null, location: at(licence.line) }];
    }
  }
  const classified = fromClassifiers(classifiers, dist, kb);
  return classified ? [classified] : [];
}

/** A distribution's licence classifiers (`Classifier: License :: …`) with their lines, and what they say. */
interface LicenceClassifiers {
  values: HeaderValue[];
  read: ReturnType<typeof readClassifiers>;
}

function licenceClassifiers(dist: Distribution): LicenceClassifiers {
  const values = (dist.headers?.get('classifier') ?? []).filter((c) => /^License\s*::/.test(c.value));
  return { values, read: readClassifiers(values.map((c) => c.value)) };
}

/**
 * Ids that name one licence as a field and a classifier write it: "License: PSF" reads as
 * Python-2.0 (the PSF agreement heads that stack), the classifier "Python Software Foundation
 * License" as PSF-2.0 (defusedxml, matplotlib). The classifier restates the field; it adds no licence.
 */
const SAME_LICENCE: ReadonlyMap<string, string> = new Map([
  ['PSF-2.0', 'Python-2.0'],
  ['Python-2.0.1', 'Python-2.0'],
]);

/**
 * The License field's licence, and any licence the classifiers name that it does not (by id,
 * "-only" and "-or-later" aside): "License: MIT" classified "GPLv3" is read as both (AND), the
 * safe reading, with a warning; classifiers that only restate the field (or cannot say an OR)
 * add nothing.
 */
function withClassifiers(classifiers: LicenceClassifiers, value: string, expression: string, location: Location, id: string, diagnostics: Diagnostic[]): Evidence {
  const stem = (licenceId: string) => {
    const base = licenceId.replace(/-(?:only|or-later)$|\+$/, '');
    return SAME_LICENCE.get(base) ?? base;
  };
  // A family named without its version ("License: Apache Software License", "LGPL") and classified
  // with one version of it alone (Apache-2.0, LGPL-2.0-or-later): the classifier says which
  // version, and that is the licence (bleach, regex, chardet); no mismatch.
  const family = unversionedFamily(expression.trim());
  if (family) {
    const versions = new Set(family.versions.map(stem));
    const classified = classifiers.read.ids;
    if (classified.length === 1 && versions.has(stem(classified[0]!))) return { kind: 'declared', value, expression: classified[0]!, location };
  }
  const named = new Set([...licenceIds(expression)].map(stem));
  const extra = classifiers.read.ids.filter((classified) => !named.has(stem(classified)));
  if (extra.length === 0) return { kind: 'declared', value, expression, location };
  const both = [expression, ...extra].map((part) => (/\s(?:OR|AND|WITH)\s/.test(part) ? `(${part})` : part)).join(' AND ');
  diagnostics.push(diagnostic('licence-mismatch', `${id} declares License "${value}" but is also classified ${extra.join(', ')}: copyfair applies both (${both})`, { location, component: id }));
  return { kind: 'declared', value, expression: both, location };
}

/**
 * The licence classifiers as one declaration; several are read as AND (all apply), the safe
 * reading. A classifier that names no single licence leaves it to the licence files; without any,
 * a family without its version ("BSD License") is read as that family, and one that names no
 * family ("OSI Approved", "Public Domain") leaves the package unknown.
 */
function fromClassifiers({ values, read }: LicenceClassifiers, dist: Distribution, kb: KnowledgeBase): Evidence | undefined {
  if (values.length === 0) return undefined;
  const { ids, vague, families } = read;
  const location = { file: dist.metadataFile, line: values[0]!.line };
  const value = values.map((c) => c.value).join('; ');
  const named = ids.length > 0 ? readStringOnce(ids.join(' AND '), kb).expression : null;
  if (vague.length > 0 && dist.licenceFiles.length > 0) return ids.length > 0 ? { kind: 'declared', value, expression: named, location } : undefined;
  if (vague.length > 0 && families.every((family) => family !== undefined) && (ids.length === 0 || named !== null)) {
    const parts = [...new Set([...(named ? [named.includes(' ') ? `(${named})` : named] : []), ...(families as string[])])];
    return { kind: 'declared', value, expression: parts.join(' AND '), location };
  }
  if (vague.length > 0) return { kind: 'declared', value, expression: null, location };
  return { kind: 'declared', value, expression: named, location };
}

/** A License field holding the whole licence text: identified like a licence file. */
function licenceText(dist: Distribution, text: string, line: number, id: string, diagnostics: Diagnostic[], kept: KeptIdentifications | undefined): Evidence {
  const sha256 = hash('sha256', text, 'hex');
  // A bundle's licence file pasted whole (SciPy's License field is its LICENSE.txt: its own BSD
  // text, then the libraries its wheel bundles, section by section) is read as the file is.
  const found = identifyText(text, kept && { store: kept, sha256 }, { asFile: true });
  const confidence = identificationConfidence(found);
  if (found.expression === null) {
    const near = nearestCandidates(found);
    diagnostics.push(diagnostic('licence-file-unidentified', `the License field of ${dist.metadataFile} holds a licence text that could not be identified${near ? ` (nearest: ${near})` : ''}`, { location: { file: dist.metadataFile, line }, component: id }));
  }
  return { kind: 'licence-file', expression: found.expression, confidence: Math.round(confidence * 1000) / 1000, location: { file: dist.metadataFile, line }, sha256 };
}
