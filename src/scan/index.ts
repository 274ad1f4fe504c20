// The scan: discover → collect → identify → evaluate → report, for one project folder. Reads
// files and nothing else: no network, no package code run, nothing written into the tree.
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { diagnostic } from '../diagnostics.js';
import { diskFs, type Entry, type ReadOnlyFs } from '../ecosystems/fs.js';
import { ECOSYSTEMS } from '../ecosystems/index.js';
import { mountFs, type Mount } from '../ecosystems/mount.js';
import { sbom } from '../ecosystems/sbom/index.js';
import { isLicencePath, isNoticeText, isPartPath, isThirdPartyText } from '../ecosystems/npm/licence-files.js';
import type { Locations, Platform, Source } from '../ecosystems/types.js';
import { evaluate, unknownVerdict, type Parameters } from '../evaluate/index.js';
import { combineAnd } from '../evaluate/combine.js';
import { decide } from '../identify/evidence.js';
import { identificationConfidence, invalidExpressionText, nearestCandidates } from '../identify/confidence.js';
import { isReadme } from '../identify/readme.js';
import { isSidecarLicence } from '../identify/third-party.js';
import type { LicenceMatch } from '../identify/types.js';
import { compareText } from '../util/compare.js';
import { loadKnowledgeBase, withCustomTerms, type KnowledgeBase } from '../kb/index.js';
import { SPDX_EXCEPTION_IDS } from '../kb/spdx.js';
import { buildReport } from '../report/build.js';
import type { Component, ComponentResult, Diagnostic, Evidence, Location, Outcome, PaymentRequest, Profile, Report, Use, Verdict } from '../types.js';
import type { ScanHooks } from './hooks.js';
import { decidingFacts, type Replayable } from './deciding.js';
import { readContacts } from './contacts.js';
import { MAX_LICENCE_BYTES, readLicence, readNotice, type Identified, type IdentifiedStore, type LicenceRead } from './licence-read.js';
import type { IdentificationCache } from './identification-cache.js';
import type { ReadingCache } from './reading-cache.js';
import type { ScanReplay } from './replay.js';
import { append, smallest } from '../util/arrays.js';

export type { ScanHooks } from './hooks.js';

/** The ecosystems copyfair reads (src/ecosystems/index.ts). */
export { ECOSYSTEMS };

/**
 * Folders outside the project and machine facts, passed in from the CLI edge (tests set them): the
 * fields of the ecosystems' `Locations`, holding real folders here. The scan mounts each folder
 * under a label (`$CARGO_HOME` …) and hands the ecosystems the labels (`withEnvironment`).
 */
export type Environment = Locations;

export interface ScanOptions {
  profile: Profile;
  /** How dev-only dependencies are used (default: internal only). */
  devUses?: Use[];
  workspace?: string;
  hooks?: ScanHooks;
  toolVersion: string;
  /** Outcomes that fail the run: the answer is decided against them (default: payback, forbidden, unknown). */
  failOn?: Outcome[];
  /** The platform a lockfile-only scan is for (packages excluded by os/cpu/libc are left out). */
  platform?: Platform;
  /** Another file access than the disk (tests). */
  fs?: ReadOnlyFs;
  /** Only these ecosystems (ids of ECOSYSTEMS); all by default. */
  ecosystems?: string[];
  /** Caches and environments outside the project. */
  environment?: Environment;
  /** Read this SBOM (relative to the root) instead of the project's own files. */
  sbom?: string;
  /** Called as components are evaluated, for progress on long scans. */
  onProgress?(done: number, total: number): void;
  /**
   * Identifications kept between scans (src/scan/identification-cache.ts): read before a text is
   * identified, given what this scan identified. The caller writes it (`save`) when it chooses.
   */
  identificationCache?: IdentificationCache;
  /**
   * What earlier scans of this project read out of its metadata files (src/scan/reading-cache.ts),
   * by the SHA-256 of each text. The caller writes it (`save`) when it chooses.
   */
  readingCache?: ReadingCache;
  /**
   * Scans kept whole (src/scan/replay.ts): when every read the last scan with the same inputs made
   * gives the same now, its report is the answer, on another date too when each comparison of its
   * date comes out the same there. `hooks` is plain data that decides what the hooks do (the policy
   * they were made from): without it, a scan given hooks is neither answered from nor kept. Hooks
   * that compare the date must say so (`dateCompared`, src/util/date-reads.ts), as the policy's do.
   */
  replay?: { kept: ScanReplay; hooks?: unknown };
}


/** Scans the project at `root` and reports what the profile owes for each dependency. */
export async function scan(root: string, options: ScanOptions): Promise<Report> {
  const { fs: files, locations } = withEnvironment(options.fs ?? diskFs(root), options.environment ?? {});
  const inputs = replayInputs(files.root, options);
  const date = options.profile.date;
  if (inputs !== undefined) {
    const kept = await options.replay!.kept.answer(inputs, date, files, options.platform);
    if (kept) {
      // Their answers are this project's still: the files must not go as unused after a month of kept scans.
      options.identificationCache?.touch?.();
      options.readingCache?.touch?.();
      return kept;
    }
  }
  const recording = inputs === undefined ? undefined : options.replay!.kept.record(inputs, date, files, options.platform);
  const fs = recording?.fs ?? files;
  const platform = recording ? recording.platform : options.platform;
  const custom = withCustomTerms(loadKnowledgeBase(), options.hooks?.customTerms ?? []);
  const kb = options.hooks?.knowledgeBase ? options.hooks.knowledgeBase(custom) : custom;
  const diagnostics: Diagnostic[] = [];
  const sources: Source[] = [];
  const components: Component[] = [];
  let projectName = '';
  let projectVersion: string | undefined;
  for (const ecosystem of options.sbom ? [sbom(options.sbom)] : ECOSYSTEMS) {
    if (!options.sbom && options.ecosystems && !options.ecosystems.includes(ecosystem.id)) continue;
    const found = await ecosystem.detect(fs, locations);
    if (found.length === 0) continue;
    const collected = await ecosystem.collect(fs, found, { workspace: options.workspace, kb, locations, ...(platform ? { platform } : {}), ...(options.identificationCache ? { kept: options.identificationCache } : {}), ...(options.readingCache ? { readings: options.readingCache } : {}) });
    // An SBOM's components name their own ecosystems; its file belongs to none.
    sources.push(...(options.sbom ? collected.sources : collected.sources.map((source) => ({ ...source, ecosystem: ecosystem.id }))));
    append(components, collected.components);
    append(diagnostics, collected.diagnostics);
    const project = collected.projects[0];
    if (project && projectName === '') {
      projectName = project.name;
      projectVersion = project.version;
    }
  }
  if (sources.length === 0 && !diagnostics.some((d) => d.code === 'no-sources')) {
    const what = options.sbom ? `no SBOM ${options.sbom}` : 'no package.json, pyproject.toml, requirements.txt, Cargo.toml, go.mod, lockfile or installed packages';
    diagnostics.push(diagnostic('no-sources', `${root} has nothing copyfair can scan${!options.sbom && options.ecosystems ? ` for ${options.ecosystems.join(', ')}` : ''}: ${what}`, { location: { file: options.sbom ?? '.' } }));
  }
  const kept = components.filter((component) => !options.hooks?.ignore?.(component));
  const results: ComponentResult[] = [];
  const identified: IdentifiedStore = { scan: new Map(), ...(options.identificationCache ? { kept: options.identificationCache } : {}) };
  const caches: Caches = {
    readLicence: (file) => readLicence(fs, file, identified),
    readNotice: (file) => readNotice(fs, file, identified),
    verdicts: new Map(),
    devProfile: { ...options.profile, uses: options.devUses ?? ['internal'] },
  };
  const replayable: Replayable[] = [];
  for (const component of kept) {
    results.push(await evaluateComponent(fs, component, kb, options, diagnostics, caches, replayable));
    options.onProgress?.(results.length, kept.length);
  }
  diagnostics.push(...(options.hooks?.finish?.() ?? []));
  const report = buildReport({
    failOn: options.failOn,
    toolVersion: options.toolVersion,
    knowledgeBase: kb.version,
    profile: options.profile,
    project: { name: projectName || 'project', ...(projectVersion ? { version: projectVersion } : {}), sources, ...(options.workspace ? { workspace: options.workspace } : {}) },
    components: results,
    diagnostics,
    decidingFacts: decidingFacts(replayable, options.profile),
  });
  recording?.keep(report);
  return report;
}

/**
 * What decides a scan's report besides what it reads and its date, for a kept scan's key: undefined
 * when there is nothing to keep scans in, or hooks no plain data describes. The date is apart: a
 * scan reads the same on every date where its comparisons of the date come out the same
 * (src/scan/replay.ts).
 */
function replayInputs(root: string, options: ScanOptions): unknown {
  if (!options.replay || (options.hooks && options.replay.hooks === undefined)) return undefined;
  const { profile, devUses, failOn, workspace, ecosystems, environment, sbom, toolVersion, platform } = options;
  const { date: _date, ...undated } = profile;
  return { root, profile: undated, dated: profile.date !== undefined, devUses, failOn, workspace, ecosystems, environment, sbom, toolVersion, platform: platform && { os: platform.os, cpu: platform.cpu }, hooks: options.replay.hooks };
}

/**
 * The files a scan of `root` reads: the project's, and the caches and environments outside it
 * under the labels its report names them by (`$GOMODCACHE/…`, `$CARGO_HOME/…`). For what reads a
 * report's files after the scan (the notices file copies their licence texts).
 */
export function scannedFiles(root: string, environment: Environment = {}): ReadOnlyFs {
  return withEnvironment(diskFs(root), environment).fs;
}

/** The project's files, with the caches and environments outside it mounted under labels. */
function withEnvironment(project: ReadOnlyFs, environment: Environment): { fs: ReadOnlyFs; locations: Locations } {
  const mounts: Mount[] = [];
  const locations: Locations = { platform: environment.platform, arch: environment.arch };
  const place = (label: string, path: string | undefined): string | undefined => {
    if (!path) return undefined;
    const inside = relative(project.root, resolve(project.root, path));
    if (inside === '') return '.';
    if (!inside.startsWith('..') && !isAbsolute(inside)) return inside.split(sep).join('/');
    mounts.push({ label, fs: diskFs(path) });
    return label;
  };
  locations.cargoHome = place('$CARGO_HOME', environment.cargoHome);
  locations.goModCache = place('$GOMODCACHE', environment.goModCache);
  locations.pythonEnv = place('<python-env>', environment.pythonEnv);
  locations.virtualEnv = place('$VIRTUAL_ENV', environment.virtualEnv);
  return { fs: mountFs(project, mounts), locations };
}

/** The identify and evaluate stages for one component. */
async function evaluateComponent(fs: ReadOnlyFs, component: Component, baseKb: KnowledgeBase, options: ScanOptions, diagnostics: Diagnostic[], caches: Caches, replayable: Replayable[]): Promise<ComponentResult> {
  const id = `${component.name}@${component.version}`;
  const parameters: Parameters = {};
  const evidence: Evidence[] = [...component.evidence];
  // Licence files other files point at (a notices file's sidecars, a licence file's pointers):
  // read as parts, and listed with the component's files.
  const partsRead: string[] = [];
  // Payments a licence file asks for and says are not required (requests.ts): noted, never owed.
  const requests: PaymentRequest[] = [];
  // Open-core licences first: whether the package holds the code they put under other terms
  // decides whether the file that holds those terms (n8n's LICENSE_EE.md) applies to anything.
  // (What this pass reads the loop below reads from here, not from the disk again.)
  const reads = new Map<string, LicenceRead>();
  const scoped = new Map<string, Evidence[]>();
  const termsOfNothing = new Map<string, string>();
  for (const file of component.licenceFiles) {
    if (!isLicencePath(file)) continue;
    const read = await caches.readLicence(file);
    reads.set(file, read);
    if (read.kind !== 'text' || !(read.found.scopedFolders || read.found.scopedNames)) continue;
    const found = await scopedFolderEvidence(fs, file, scopeOf(read.found), read.found.expression, component, diagnostics);
    scoped.set(file, found);
    const base = folderOf(file, '');
    if (found.length === 0) for (const terms of read.found.scopedNames?.terms ?? []) termsOfNothing.set(base === '' ? terms : `${base}/${terms}`, file);
  }
  for (const file of component.licenceFiles) {
    const name = file.split('/').pop()!;
    const licence = isLicencePath(file) || isReadme(name) || isSeeFile(component, file);
    if (!licence && !isNoticeText(name)) continue;
    const governs = termsOfNothing.get(file);
    if (governs) {
      diagnostics.push(diagnostic('licence-scoped-folders', `${file} holds the other terms ${governs} names for code ${id} does not hold: it applies to nothing in ${id}`, { location: { file }, component: id }));
      continue;
    }
    const read = reads.get(file) ?? (licence ? await caches.readLicence(file) : await caches.readNotice(file));
    // A NOTICE or COPYRIGHT file that states no terms (src/identify/notice-terms.ts) is evidence,
    // not a licence file. One that cannot be read states none here: a notice file is no licence
    // file, and an unreadable one was never read.
    if (!licence && (read.kind !== 'text' || read.found.statesNoTerms)) continue;
    // Third-party notices list the licences of code the package bundles: parts, as a vendor
    // folder's are, unless the file says it lists them for information only (third-party.ts).
    // Whatever its name: the identification says so only of a third-party notices file, which a
    // NOTICE file is when it opens as Microsoft's do (TypeScript 7's NOTICE.txt).
    const notices = isThirdPartyText(name);
    if (read.kind === 'text' && read.found.informational) {
      diagnostics.push(diagnostic('licence-notices-informational', `${file} lists the licences of code ${id} bundles for information only ("${read.found.informational}"): ${id}'s own licence is read for that code`, { location: { file }, component: id }));
      continue;
    }
    if (notices && read.kind === 'text' && read.found.listsNone) {
      diagnostics.push(diagnostic('licence-notices-empty', `${file} is a third-party notices file that lists no component ("${read.found.listsNone}" and nothing after it): it adds nothing to ${id}'s licence`, { location: { file }, component: id }));
      continue;
    }
    if (notices && read.kind === 'text' && read.found.sidecars) {
      // The notices file names no licence; the sidecar files beside the bundles it points at do.
      const sidecars = await sidecarEvidence(fs, file, read.sha256, read.found.sidecars, component, caches, diagnostics, parameters);
      partsRead.push(...sidecars.files);
      evidence.push(...sidecars.evidence);
      continue;
    }
    if (read.kind === 'text' && read.found.dependencyNotice) {
      diagnostics.push(diagnostic('licence-dependency-notice', `${file} tells of ${id}'s dependencies, under terms of their own ("${read.found.dependencyNotice}"): copyfair reads each dependency as a component of its own, not in ${id}'s licence`, { location: { file }, component: id }));
    }
    const found = licenceEvidence(notices ? noticesReason(read) : read, file, id, diagnostics, () => declaredExpressions(component));
    if (!found) continue;
    // A monorepo's file that puts this very package under another licence (repository-map.ts).
    const other = read.kind === 'text' ? read.found.exceptPackages?.[component.name] : undefined;
    if (other && read.kind === 'text' && found.evidence.kind === 'licence-file') {
      found.evidence = { ...found.evidence, expression: other };
      diagnostics.push(diagnostic('licence-repository-map', `${file} puts most of its repository under ${read.found.expression} and names ${component.name} among the components under ${other}: ${other} is read for ${id}`, { location: { file }, component: id }));
    }
    if (read.kind === 'text' && read.found.request && found.evidence.expression) requests.push({ file, ...read.found.request });
    if (found.evidence.kind === 'licence-file' && isPartPath(file, component.directory)) found.evidence.part = true;
    evidence.push(...bundleParts(found.evidence, read));
    if (read.kind === 'text' && read.found.logo && found.evidence.kind === 'licence-file' && found.evidence.expression) evidence.push(...(await logoEvidence(fs, file, read.found.logo, read.sha256, found.evidence.expression, component, diagnostics)));
    mergeParameters(parameters, found.parameters);
    evidence.push(...(scoped.get(file) ?? []));
    if (read.kind === 'text' && read.found.pointers) {
      const pointed = await pointedEvidence(fs, file, read.found.pointers, component, [...component.licenceFiles, ...partsRead], caches, diagnostics, parameters);
      partsRead.push(...pointed.files);
      evidence.push(...pointed.evidence);
    }
  }
  const clarified = await options.hooks?.clarify?.(component);
  if (clarified) evidence.push(clarified);
  const kb = await componentKb(fs, component, baseKb, diagnostics);
  const decision = component.notRead && !clarified ? { expression: null, unknown: [component.notRead], mismatches: [] } : decide(evidence);
  for (const mismatch of decision.mismatches) {
    const reading = mismatch.how === 'branch' ? `; copyfair reads the file's text in place of the licence it varies (${decision.expression})` : '';
    diagnostics.push(diagnostic('licence-mismatch', `${id} declares ${mismatch.declared}, but ${mismatch.file} reads as ${mismatch.found}${reading}`, { location: { file: mismatch.file }, component: id }));
  }
  if (!decision.expression && decision.unknown.some((reason) => reason.startsWith('no licence'))) {
    diagnostics.push(diagnostic('licence-missing', `${id} declares no licence and ships no licence file`, { location: component.location, component: id }));
  }
  const profile = component.scope === 'dev' ? caches.devProfile : options.profile;
  let verdict: Verdict = decision.expression
    ? cachedEvaluate(decision.expression, profile, kb, parameters, kb === baseKb ? caches.verdicts : undefined)
    : evidenceUnknown(decision.unknown[0] ?? 'no licence evidence');
  const extra = decision.expression ? decision.unknown : decision.unknown.slice(1);
  if (extra.length > 0) verdict = combineAnd(verdict.expression, [verdict, ...extra.map(evidenceUnknown)]);
  if (component.scope === 'dev') verdict.notes.push(`a dev-only dependency, evaluated as used ${profile.uses!.join(', ')}`);
  for (const request of requests) {
    const said = `${request.file} (lines ${request.start}–${request.end}) asks for a payment it says is not required ("${excerptWords(request.words)}")`;
    verdict.notes.push(`${said}: nothing is owed for it; paying is the user's choice`);
    diagnostics.push(diagnostic('licence-payment-request', `${said}: ${id}'s licence does not require it, so it changes no verdict`, { location: { file: request.file, line: request.start }, component: id }));
  }
  const licenceFiles = partsRead.length === 0 ? component.licenceFiles : [...new Set([...component.licenceFiles, ...partsRead])].sort(compareText);
  const result: ComponentResult = { ...component, licenceFiles, evidence, expression: decision.expression, verdict };
  if (requests.length > 0) result.requests = requests.map(({ file, start, end, words }) => ({ file, start, end, words: excerptWords(words, 400) }));
  const final = options.hooks?.afterEvaluate ? options.hooks.afterEvaluate(result) : result;
  const contacts = await readContacts(fs, final, parameters);
  if (contacts.length > 0) final.owedTo = contacts;
  // The facts that decide: only a verdict the evidence alone does not settle, and no exception overrules.
  const { expression } = decision;
  if (expression && extra.length === 0 && final.verdict.assumed.length > 0 && final.verdict.outcome === verdict.outcome) {
    const cache = kb === baseKb ? caches.verdicts : undefined;
    replayable.push({
      component: id,
      outcome: verdict.outcome,
      assumed: verdict.assumed.map(({ fact, value }) => ({ fact, value })),
      replay: (patch) => cachedEvaluate(expression, { ...profile, ...patch }, kb, parameters, cache).outcome,
    });
  }
  return final;
}

/**
 * Work a scan does once: identifications by the SHA-256 of the file (many packages ship the very
 * same file; licence-read.ts, which also asks the identifications kept between scans), verdicts
 * by expression, profile and parameters (most packages share a handful).
 */
interface Caches {
  /** Reads and identifies a licence file. */
  readLicence(file: string): Promise<LicenceRead>;
  /** Reads a NOTICE or COPYRIGHT file: identified when it states terms, else `statesNoTerms`. */
  readNotice(file: string): Promise<LicenceRead>;
  verdicts: Map<string, Verdict>;
  /** The profile dev-only dependencies are evaluated with: one object, so its key is written once. */
  devProfile: Profile;
}

function cachedEvaluate(expression: string, profile: Profile, kb: KnowledgeBase, parameters: Parameters, verdicts: Map<string, Verdict> | undefined): Verdict {
  if (!verdicts) return evaluate(expression, profile, { kb, parameters });
  // JSON text holds no raw line break, so the parts joined by one are told apart.
  const key = `${JSON.stringify([kb.version, expression])}\n${profileKey(profile)}\n${Object.keys(parameters).length === 0 ? '{}' : JSON.stringify(parameters)}`;
  let verdict = verdicts.get(key);
  if (!verdict) {
    verdict = evaluate(expression, profile, { kb, parameters });
    verdicts.set(key, verdict);
  }
  return copyData(verdict);
}

/** A profile as JSON, written once per profile object (a scan evaluates thousands of packages with one or two). */
const profileKeys = new WeakMap<Profile, string>();
function profileKey(profile: Profile): string {
  let key = profileKeys.get(profile);
  if (key === undefined) profileKeys.set(profile, (key = JSON.stringify(profile)));
  return key;
}

/**
 * A copy of plain data (objects, arrays) for each component that shares the strings, which never
 * change: structuredClone copied every reason and obligation text once per package (7 KiB of a
 * scan's memory per package, and its time).
 */
function copyData<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyData) as T;
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  // for…in rather than Object.entries: no array of pairs per object (a verdict is verdicts deep).
  for (const key in value) copy[key] = copyData((value as Record<string, unknown>)[key]);
  return copy as T;
}

function isSeeFile(component: Component, file: string): boolean {
  return component.evidence.some((item) => item.kind === 'declared' && /^SEE LICEN[CS]E IN /i.test(item.value) && file.endsWith(item.value.replace(/^SEE LICEN[CS]E IN\s+/i, '').replace(/^\.\//, '')));
}

/** Unknown for a reason that lies in the evidence, not in a licence. */
const evidenceUnknown = (reason: string): Verdict => unknownVerdict('unknown', reason, '—');

/** Turns one licence file's reading into evidence; unreadable or binary files become diagnostics. */
function licenceEvidence(read: LicenceRead, file: string, id: string, diagnostics: Diagnostic[], declared: () => string[] = () => []): { evidence: Evidence; parameters: Parameters } | undefined {
  // A README stands in for a missing licence file; one that cannot be read is no evidence at all.
  const readme = isReadme(file.split('/').pop()!);
  if (read.kind === 'unreadable') {
    if (readme) return undefined;
    diagnostics.push(diagnostic('licence-file-unreadable', read.message, { location: { file }, component: id }));
    return { evidence: { kind: 'licence-file', expression: null, confidence: 0, location: { file }, sha256: '' }, parameters: {} };
  }
  if (read.kind === 'binary') {
    if (readme) return undefined;
    diagnostics.push(diagnostic('licence-file-unreadable', `${file} is a binary file`, { location: { file }, component: id }));
    return { evidence: { kind: 'licence-file', expression: null, confidence: 0, location: { file }, sha256: read.sha256 }, parameters: {} };
  }
  if (read.kind === 'empty') return undefined; // an empty file says nothing either way
  const { sha256 } = read;
  let { found } = read;
  if (readme) return readmeEvidence(file, sha256, found, id, diagnostics);
  const exception = exceptionClauses(found, declared);
  if (exception.clauses) return { evidence: { kind: 'licence-file', expression: exception.clauses, confidence: 1, location: { file, line: found.matches[0]!.start }, sha256 }, parameters: {} };
  if (exception.unnamed) {
    const expressions = declared();
    found = { ...found, reason: `it is the text of ${exception.unnamed.join(' and ')}, an exception to a licence, and the declared licence${expressions.length > 0 ? ` (${expressions.join('; ')})` : ''} names no such exception: a person must see which licence it goes with` };
  }
  const settled = twinDeclared(found, declared);
  if (settled) {
    const { match, rival, expression } = settled;
    diagnostics.push(diagnostic('licence-twin-declared', `${file}: lines ${match.start}–${match.end} match ${match.id} and ${rival} equally well (the words that tell the two apart are not in the file); ${id} declares ${expression}, one of the two, and is read as it`, { location: { file, line: match.start }, component: id }));
    const { doubt: _settled, ...rest } = match;
    found = { ...found, expression, matches: [{ ...rest, id: expression }] };
  }
  // Words no licence explains are why a person must read the file: the reason quotes them.
  if (found.expression === null && !found.reason && found.unexplained?.length) found = { ...found, reason: unexplainedReason(found.unexplained) };
  // A known text with words changed is why: the reason says which words, as `identify` does.
  const doubted = found.expression === null && !found.reason ? found.matches.find((match) => match.doubt) : undefined;
  if (doubted) found = { ...found, reason: doubtReason(doubted) };
  const parameters: Parameters = {};
  for (const match of found.matches) if (match.parameters) parameters[match.id] = match.parameters;
  const confidence = identificationConfidence(found);
  for (const problem of found.invalid ?? []) {
    diagnostics.push(diagnostic('licence-identifier-invalid', `${file}:${problem.line}: ${invalidExpressionText(problem)}`, { location: { file, line: problem.line }, component: id }));
  }
  if (found.expression === null) {
    const near = nearestCandidates(found);
    diagnostics.push(diagnostic('licence-file-unidentified', `${file} could not be identified${found.reason ? `: ${found.reason}` : ''}${near ? ` (nearest: ${near})` : ''}`, { location: { file }, component: id }));
  }
  const line = found.matches[0]?.start;
  const evidence: Evidence = { kind: 'licence-file', expression: found.expression, confidence: Math.round(confidence * 1000) / 1000, location: { file, ...(line ? { line } : {}) }, sha256 };
  if (found.expression === null && found.reason) evidence.reason = found.reason;
  return { evidence, parameters };
}

/** An unidentified third-party notices file says what it is, where identification gave no reason of its own. */
function noticesReason(read: LicenceRead): LicenceRead {
  if (read.kind !== 'text' || read.found.expression !== null || read.found.reason) return read;
  return { ...read, found: { ...read.found, reason: 'it lists the licences of code the package bundles from other projects, and copyfair cannot read them all' } };
}

/**
 * A bundler's licence file of the package's own (rollup's, vite's LICENSE.md) as two pieces of
 * evidence: the package's own licence, read against the declaration, and the bundled code's, a part
 * (as a vendor folder's licences are). Before, the whole file was read against the declaration and
 * every such package had a licence-mismatch warning ("declares MIT, but LICENSE.md reads as MIT AND
 * ISC AND 0BSD …"), though nothing disagreed. The expression the package gets is the same.
 */
function bundleParts(evidence: Evidence, read: LicenceRead): Evidence[] {
  if (evidence.kind !== 'licence-file' || evidence.part || evidence.expression === null || read.kind !== 'text' || !read.found.bundle) return [evidence];
  const { own, bundled } = read.found.bundle;
  const pieces: Evidence[] = [];
  if (own !== null) pieces.push({ ...evidence, expression: own });
  if (bundled !== null) pieces.push({ ...evidence, expression: bundled, part: true });
  return pieces.length > 0 ? pieces : [evidence];
}

/** Adds a licence file's parameters to those read for the component so far (a later file's values win). */
function mergeParameters(into: Parameters, from: Parameters): void {
  for (const [licence, values] of Object.entries(from)) into[licence] = { ...into[licence], ...values };
}

/**
 * The evidence of the sidecar licence files a third-party notices file points at (under `folders`,
 * relative to its own folder), each a part, their parameters merged into `parameters`; when there
 * are none, evidence that keeps the component unknown and says why. The diagnostic names the files read.
 */
async function sidecarEvidence(fs: ReadOnlyFs, file: string, sha256: string, folders: readonly string[], component: Component, caches: Caches, diagnostics: Diagnostic[], parameters: Parameters): Promise<{ files: string[]; evidence: Evidence[] }> {
  const id = `${component.name}@${component.version}`;
  const files = await sidecarFiles(fs, file, folders);
  const under = folders.map((folder) => `${folder}/`).join(', ');
  diagnostics.push(diagnostic('licence-notices-sidecars', `${file} says the licences of the code ${id} bundles are in a sidecar file beside each bundle, under ${under}: copyfair read ${files.length === 0 ? 'none, for it found none' : files.join(', ')}`, { location: { file }, component: id }));
  const evidence: Evidence[] = [];
  if (files.length === 0) {
    const reason = `it says the licences of the code ${id} bundles are in sidecar files under ${under}, and the package holds none`;
    diagnostics.push(diagnostic('licence-file-unidentified', `${file} could not be identified: ${reason}`, { location: { file }, component: id }));
    evidence.push({ kind: 'licence-file', expression: null, confidence: 0, location: { file }, sha256, part: true, reason });
  }
  for (const sidecar of files) {
    const part = await partEvidence(sidecar, component, caches, diagnostics, parameters);
    if (part) evidence.push(part);
  }
  return { files, evidence };
}

/**
 * A licence file of code the package bundles or keeps, read as a part (its licence applies besides
 * the package's own), its parameters merged into `parameters`; undefined when it says nothing.
 */
async function partEvidence(file: string, component: Component, caches: Caches, diagnostics: Diagnostic[], parameters: Parameters): Promise<Evidence | undefined> {
  const found = licenceEvidence(await caches.readLicence(file), file, `${component.name}@${component.version}`, diagnostics, () => declaredExpressions(component));
  if (!found) return undefined;
  if (found.evidence.kind === 'licence-file') found.evidence.part = true;
  mergeParameters(parameters, found.parameters);
  return found.evidence;
}

/**
 * The evidence of the licence files of code in the package's folders that a licence file points to
 * (pointers.ts), each a part, their parameters merged into `parameters`, with the files read. A
 * pointer out of the package, or to a file already read, is not followed. A pointed file the
 * package does not hold keeps the component unknown when the folder it names is there (that code
 * is in the package and its licence is not); when the folder is not there either, the text
 * describes a repository the package was not built with all of, and nothing follows from it.
 */
async function pointedEvidence(fs: ReadOnlyFs, file: string, pointers: readonly string[], component: Component, read: readonly string[], caches: Caches, diagnostics: Diagnostic[], parameters: Parameters): Promise<{ files: string[]; evidence: Evidence[] }> {
  const id = `${component.name}@${component.version}`;
  const base = folderOf(file, '');
  const root = component.directory ?? '';
  const files: string[] = [];
  const evidence: Evidence[] = [];
  const seen = new Set(read);
  for (const pointer of pointers) {
    const path = base === '' ? pointer : `${base}/${pointer}`;
    if ((root !== '' && !path.startsWith(`${root}/`)) || seen.has(path)) continue;
    seen.add(path);
    const folder = folderOf(path);
    if (!(await fs.exists(path))) {
      if (folder === root || !(await fs.isDirectory(folder).catch(() => false))) continue;
      const reason = `${file} says the licence of the code in ${folder} is in ${pointer}, and the package does not hold that file`;
      evidence.push(unreadPart({ file }, reason, id, diagnostics));
      continue;
    }
    const part = await partEvidence(path, component, caches, diagnostics, parameters);
    files.push(path);
    diagnostics.push(diagnostic('licence-pointer', `${file} points to ${pointer} for the licence of code ${id} keeps in ${folder}: copyfair read it as a part of ${id}`, { location: { file }, component: id }));
    if (part) evidence.push(part);
  }
  return { files, evidence };
}

/**
 * A file whose one match is a permissive licence its near twin, also permissive, matches as well
 * (twins.ts: the words that tell them apart are in neither form), and nothing else in it: when the
 * package declares exactly one of the two, the file is read as that one. shelljs 0.8's LICENSE
 * names its author where BSD-3-Clause says "the copyright holder" and lacks BSD-3-Clause-HP's
 * "patent infringement", so it is either; shelljs declares BSD-3-Clause, and was unknown. Only
 * between permissive twins: where a twin restricts, what the package declares does not settle
 * what its file grants, and the file stays for a person to read. Permissive by the knowledge base's
 * family, not by the id's shape: BSD-3-Clause-No-Military-License is a BSD-3-Clause by its name.
 * Exported for tests.
 */
export function twinDeclared(found: Identified, declared: () => string[]): { match: LicenceMatch; rival: string; expression: string } | undefined {
  if (found.expression !== null || found.matches.length !== 1 || found.unexplained?.length || found.reason || found.invalid?.length) return undefined;
  const match = found.matches[0]!;
  if (match.doubt?.kind !== 'twin' || !grantsFreely(match.id) || !grantsFreely(match.doubt.rival)) return undefined;
  const rival = match.doubt.rival;
  const expression = declared().find((expression) => expression === match.id || expression === rival);
  return expression === undefined ? undefined : { match, rival, expression };
}

/** Whether the knowledge base reads `id` as a permissive or public-domain licence (of any version). */
function grantsFreely(id: string): boolean {
  const family = loadKnowledgeBase().get(id)?.family;
  return family === 'permissive' || family === 'public-domain';
}

/** The first stretch of words no known licence explains, quoted, and how many more there are. */
function unexplainedReason(unexplained: NonNullable<Identified['unexplained']>): string {
  const [first, ...more] = unexplained;
  const others = more.length === 0 ? '' : `, and ${more.length} more stretch${more.length === 1 ? '' : 'es'}`;
  return `lines ${first!.start}–${first!.end} read like terms no known licence explains ("${excerptWords(first!.words, 100)}")${others}`;
}

/** Why a match that scored well is not the answer, in the words of a licence file's reason. */
function doubtReason(match: LicenceMatch): string {
  const doubt = match.doubt!;
  const where = `lines ${match.start}–${match.end}`;
  switch (doubt.kind) {
    case 'twin':
      return `${where} match ${match.id} and ${doubt.rival} equally well, and the words that tell the two apart are not in the file`;
    case 'inserted':
      return `${where} are ${match.id}'s text with words that licence lacks ("${excerptWords(doubt.words, 100)}")`;
    case 'changed':
      if (doubt.known === '') return `${where} are ${match.id}'s text with words added ("${excerptWords(doubt.words, 100)}")`;
      if (doubt.words === '') return `${where} are ${match.id}'s text with words of it missing ("${excerptWords(doubt.known, 100)}")`;
      return `${where} are ${match.id}'s text, but where it says "${excerptWords(doubt.known, 60)}" this file says "${excerptWords(doubt.words, 100)}"`;
    default: {
      const never: never = doubt;
      return never;
    }
  }
}

/** A request's words, cut to a quotable length at a word. */
function excerptWords(words: string, length = 160): string {
  if (words.length <= length) return words;
  return `${words.slice(0, words.lastIndexOf(' ', length))} …`;
}

/** What an open-core licence puts under other terms, as the scan looks for it. */
function scopeOf(found: { scopedFolders?: string[]; scopedNames?: { files: string[]; folders: string[] } }): { described: string; kind: string; holds: (entry: Entry) => boolean } {
  if (found.scopedNames) {
    const { files, folders } = found.scopedNames;
    return {
      described: `files whose names hold ${files.map((part) => `"${part}"`).join(', ')} and folders whose names hold ${folders.map((part) => `"${part}"`).join(', ')}`,
      kind: 'file or folder',
      holds: (entry) => (entry.kind !== 'directory' && files.some((part) => entry.name.includes(part))) || ((entry.kind === 'directory' || entry.kind === 'symlink') && folders.some((part) => entry.name.includes(part))),
    };
  }
  const names = new Set(found.scopedFolders);
  return {
    described: `folders named ${found.scopedFolders!.map((folder) => `${folder}/`).join(', ')}`,
    kind: 'folder',
    holds: (entry) => (entry.kind === 'directory' || entry.kind === 'symlink') && names.has(entry.name),
  };
}

/** How deep, and over how many entries, a package is searched for the folders an open-core licence puts under other terms, or for a logo. */
const SCOPED_DEPTH = 24;
const SCOPED_ENTRIES = 50_000;

/** The folder of a path in the scanned tree, or `none` for a path at its top. */
function folderOf(path: string, none = '.'): string {
  const cut = path.lastIndexOf('/');
  return cut === -1 ? none : path.slice(0, cut);
}

/**
 * A part of the package whose terms a person must read, `reason` saying why: the evidence, and the
 * diagnostic that says the licence file could not be identified whole.
 */
function unreadPart(location: Location, reason: string, id: string, diagnostics: Diagnostic[]): Evidence {
  diagnostics.push(diagnostic('licence-file-unidentified', `${location.file} could not be identified whole: ${reason}`, { location, component: id }));
  return { kind: 'licence-file', expression: null, confidence: 0, location, sha256: '', part: true, reason };
}

/** Why {@link findInPackage} could not search: its own words, or a folder that cannot be listed. */
function searchFailure(error: unknown): string {
  return error instanceof Error && !('problem' in error) ? error.message : 'a folder in it cannot be listed';
}

/**
 * The first entry below `base` (outside nested node_modules) that `holds`, as a path; undefined for
 * none. Throws, saying why, for a package too large or too deep to search, and where a folder cannot
 * be listed: the callers fail closed.
 */
async function findInPackage(fs: ReadOnlyFs, base: string, holds: (entry: Entry) => boolean): Promise<string | undefined> {
  let seen = 0;
  const search = async (folder: string, depth: number): Promise<string | undefined> => {
    const entries = await fs.list(folder);
    for (const entry of entries) {
      if (++seen > SCOPED_ENTRIES) throw new Error(`it holds over ${SCOPED_ENTRIES} entries`);
      const path = folder === '.' ? entry.name : `${folder}/${entry.name}`;
      if (holds(entry)) return path;
    }
    for (const entry of entries) {
      if (entry.kind !== 'directory' || entry.name === 'node_modules') continue;
      if (depth === 0) throw new Error(`its folders go deeper than ${SCOPED_DEPTH} levels`);
      const found = await search(folder === '.' ? entry.name : `${folder}/${entry.name}`, depth - 1);
      if (found) return found;
    }
    return undefined;
  };
  return search(base, SCOPED_DEPTH);
}

/**
 * What a licence granted for the project's logo (Identification.logo: glob 7's "Glob's logo … licensed
 * under a Creative Commons Attribution-ShareAlike 4.0 International License") means for this
 * package: a part under that licence where the package holds a file or folder named like a logo,
 * or any image (the logo may be saved under another name: brand/acme.svg), below the file's folder
 * and not in a nested node_modules; nothing where it holds neither (the file's licence for the
 * code, `own`, stands alone; in a part's file, the part's); an unknown part where it cannot be
 * searched.
 */
async function logoEvidence(fs: ReadOnlyFs, file: string, logo: { expression: string; start: number }, sha256: string, own: string, component: Component, diagnostics: Diagnostic[]): Promise<Evidence[]> {
  const id = `${component.name}@${component.version}`;
  const base = folderOf(file);
  let held: string | undefined;
  try {
    held = await findInPackage(fs, base, (entry) => namedLikeLogo(entry.name) || (entry.kind !== 'directory' && IMAGE.test(entry.name)));
  } catch (error) {
    return [unreadPart({ file, line: logo.start }, `${file} puts the project's logo under ${logo.expression}, and copyfair could not search ${id} for it (${searchFailure(error)})`, id, diagnostics)];
  }
  if (held) {
    const what = namedLikeLogo(held.slice(held.lastIndexOf('/') + 1)) ? held : `an image, ${held}, which may be the logo`;
    diagnostics.push(diagnostic('licence-logo', `${file} puts the project's logo under ${logo.expression}, and ${id} holds ${what}: read as a part under ${logo.expression}`, { location: { file, line: logo.start }, component: id }));
    return [{ kind: 'licence-file', expression: logo.expression, confidence: 1, location: { file, line: logo.start }, sha256, part: true, partOf: `its logo (${held})` }];
  }
  const where = base === component.directory ? '' : ` below ${base}`;
  diagnostics.push(diagnostic('licence-logo', `${file} puts the project's logo under ${logo.expression}; ${id} holds no file or folder named like a logo and no image${where}, so that licence applies to nothing in it, and the file's licence for the code, ${own}, stands`, { location: { file, line: logo.start }, component: id }));
  return [];
}

/** Image files: a logo saved under another name than "logo". */
const IMAGE = /\.(?:png|svg|jpe?g|gif|ico|icns|webp|avif|bmp|tiff?|ai|eps|psd|pdf)$/i;

/**
 * A file or folder name that names a logo: "logo", "logos" or "logotype" as a word of it
 * ("logo.png", "glob-logo.svg", "appLogo.png", "logos/"), not inside another word ("logout.js").
 */
function namedLikeLogo(name: string): boolean {
  return /(?:^|[^a-z])logo(?:s|types?)?(?:[^a-z]|$)/.test(name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase());
}

/**
 * What an open-core licence (open-core.ts) means for this package: the open licence read from the
 * file is the licence of the code outside what `scope` describes (folders of a name, or files and
 * folders whose names hold a part); when the package holds such a
 * folder (below the file's own folder, not in a nested node_modules), its code is under terms
 * copyfair does not read, and an unknown part says so. A package too large to search, or a folder
 * that cannot be listed, counts as holding one (fail closed).
 */
async function scopedFolderEvidence(fs: ReadOnlyFs, file: string, scope: { described: string; kind: string; holds: (entry: Entry) => boolean }, open: string | null, component: Component, diagnostics: Diagnostic[]): Promise<Evidence[]> {
  const id = `${component.name}@${component.version}`;
  const base = folderOf(file);
  const named = scope.described;
  let held: string | undefined;
  try {
    held = await findInPackage(fs, base, scope.holds);
  } catch (error) {
    return [unreadPart({ file }, `${file} puts the code in ${named} under other terms, and copyfair could not search ${id} for them (${searchFailure(error)})`, id, diagnostics)];
  }
  if (held) {
    return [unreadPart({ file }, `${file} puts the code in ${named} under other terms than ${open ?? 'the rest'}, and ${id} holds one (${held}); a person must read those terms`, id, diagnostics)];
  }
  // (An open licence copyfair could not read is reported as the file's own unknown.)
  if (open) diagnostics.push(diagnostic('licence-scoped-folders', `${file} puts the code in ${named} under other terms (an open-core licence); ${id} holds no such ${scope.kind}, so ${open} is its licence`, { location: { file }, component: id }));
  return [];
}

/** How deep, and over how many entries, the folders a notices file names are searched for sidecar licence files. */
const SIDECAR_DEPTH = 6;
const SIDECAR_ENTRIES = 20_000;

/**
 * The sidecar licence files (third-party.ts, `isSidecarLicence`) in the folders a notices file
 * names, relative to its own folder, sorted. A folder that is missing or cannot be listed holds none.
 */
async function sidecarFiles(fs: ReadOnlyFs, notices: string, folders: readonly string[]): Promise<string[]> {
  const base = folderOf(notices);
  const found: string[] = [];
  let seen = 0;
  const walk = async (folder: string, depth: number): Promise<void> => {
    let entries: Entry[];
    try {
      entries = await fs.list(folder);
    } catch {
      return;
    }
    for (const entry of entries) {
      if (++seen > SIDECAR_ENTRIES) return;
      const path = `${folder}/${entry.name}`;
      if (entry.kind === 'file' && isSidecarLicence(entry.name)) found.push(path);
      else if (entry.kind === 'directory' && depth > 0 && !entry.name.startsWith('.') && entry.name !== 'node_modules') await walk(path, depth - 1);
    }
  };
  for (const folder of folders) await walk(base === '.' ? folder : `${base}/${folder}`, SIDECAR_DEPTH);
  return [...new Set(found)].sort(compareText);
}

/** The expressions the component's manifest declares (for reading an exception's text beside them). */
function declaredExpressions(component: Component): string[] {
  return component.evidence.flatMap((item) => (item.kind === 'declared' && item.expression ? [item.expression] : []));
}

let exceptionIds: Set<string> | undefined;
const isException = (id: string) => (exceptionIds ??= new Set(SPDX_EXCEPTION_IDS)).has(id);

/**
 * A file that is only the text of licence exceptions (a REUSE project's
 * LICENSES/LLVM-exception.txt, a LICENSE-EXCEPTION beside LICENSE): identification finds each
 * exception whole and nothing else, and no licence, so no expression. When the declaration says
 * `<licence> WITH <that exception>`, the file is that clause's exception: read as the clause (an
 * SPDX exception only adds permissions; the licence itself is read from its own file). Anything more
 * in the file (a stretch no text explains, a match short of whole) leaves it unidentified; so does
 * an exception the declaration does not name, whose ids are then given (`unnamed`) for the reason.
 */
function exceptionClauses(found: Identified, declaredExpressions: () => string[]): { clauses?: string; unnamed?: string[] } {
  if (found.expression !== null || found.matches.length === 0 || found.unexplained?.length || found.reason || found.invalid?.length) return {};
  if (found.matches.some((match) => match.confidence < 0.99 || !isException(match.id))) return {};
  const declared = declaredExpressions();
  const clauses: string[] = [];
  const unnamed: string[] = [];
  for (const match of found.matches) {
    // (The licence's id starts where a run of id characters does: from every character of a long
    // LicenseRef- id, each start read the run to its end, and a 50,000-character declared id took 3 s.)
    const pattern = new RegExp(`(?<![A-Za-z0-9.+-])[A-Za-z0-9.+-]+ WITH ${match.id.replace(/[.+]/g, '\\$&')}(?![A-Za-z0-9.+-])`);
    const clause = declared.map((expression) => pattern.exec(expression)?.[0]).find((found) => found !== undefined);
    if (clause === undefined) unnamed.push(match.id);
    else if (!clauses.includes(clause)) clauses.push(clause);
  }
  return unnamed.length > 0 ? { unnamed } : { clauses: clauses.join(' AND ') };
}

/**
 * A README's "License" section, read because the package ships no licence file: weaker evidence.
 * A section that names no licence is no evidence; one with terms of its own keeps the package unknown.
 */
function readmeEvidence(file: string, sha256: string, found: Identified, id: string, diagnostics: Diagnostic[]): { evidence: Evidence; parameters: Parameters } | undefined {
  if (found.section === undefined) return undefined;
  const confidence = smallest(found.matches.map((match) => match.confidence), 0);
  const location = { file, line: found.section };
  if (found.expression !== null) {
    diagnostics.push(diagnostic('licence-from-readme', `${id} ships no licence file; copyfair read the License section of ${file} (line ${found.section}) as ${found.expression}`, { location, component: id }));
  }
  const evidence: Evidence = { kind: 'licence-file', expression: found.expression, confidence: Math.round(confidence * 1000) / 1000, location, sha256, readme: true };
  if (found.expression === null && found.reason) {
    evidence.restrictive = true;
    evidence.reason = found.reason;
    diagnostics.push(diagnostic('licence-file-unidentified', `the License section of ${file} (line ${found.section}): ${found.reason}`, { location, component: id }));
  } else if (found.expression === null && found.unexplained?.length) {
    evidence.restrictive = true;
    // The words, quoted, as for a licence file: what a person must read, and where.
    evidence.reason = unexplainedReason(found.unexplained);
    diagnostics.push(diagnostic('licence-file-unidentified', `the License section of ${file} (line ${found.section}): ${evidence.reason}`, { location, component: id }));
  }
  return { evidence, parameters: {} };
}

/** The knowledge base as this component sees it: its own copyfair-terms.yaml on top. */
async function componentKb(fs: ReadOnlyFs, component: Component, kb: KnowledgeBase, diagnostics: Diagnostic[]): Promise<KnowledgeBase> {
  const file = component.termsFile;
  if (!file) return kb;
  // Loaded only when a package ships terms: the YAML parser and validator stay out of most scans.
  const { overlayShippedTerms, parseTermsFile } = await import('../terms/shipped.js');
  const { formatProblems } = await import('../kb/validate.js');
  const { terms, problems } = parseTermsFile(file, await fs.readText(file, MAX_LICENCE_BYTES));
  if (problems.length > 0) {
    diagnostics.push(diagnostic('terms-file-invalid', formatProblems(problems), { location: { file, line: problems[0]!.line, column: problems[0]!.column }, component: `${component.name}@${component.version}` }));
  }
  component.shippedTerms = terms;
  return overlayShippedTerms(kb, terms, file);
}
