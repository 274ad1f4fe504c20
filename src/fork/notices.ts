// Notices a fork must keep: upstream files still in the fork whose copyright lines, SPDX licence
// identifiers or licence headers were removed or changed; licence, NOTICE (Apache-2.0 §4(d)) and
// AUTHORS files removed; licence texts edited.
import { LINK_MODE, linkedPath, type GitRepo, type TreeEntry } from '../git/repo.js';
import { licencesOwnLine, withoutCommentCloser } from '../util/copyright.js';
import { copyrightLines, type EvidenceReader } from '../history/evidence.js';
import type { ForkProblem } from './audit.js';

const NOTICE_FILE = /^(licen[cs]e|copying|notice|unlicen[cs]e|copyright|authors|contributors)([-._ ].*)?$/i;
const LICENCE_TEXT = /^(licen[cs]e|copying|unlicen[cs]e)([-._ ].*)?$/i;
/** Headers sit at the top of a file; this many lines are compared. */
const HEADER_LINES = 60;
const MAX_BYTES = 1024 * 1024;
/** Sentences that open the licence headers of the common licences. */
const HEADER_PHRASES: [RegExp, string][] = [
  [/licensed under the apache license/i, 'Apache-2.0 header'],
  [/licensed to the apache software foundation/i, 'Apache-2.0 header'],
  [/this source code form is subject to the terms of the mozilla public/i, 'MPL-2.0 header'],
  [/is free software[:;,]? you can redistribute it and\/or modify/i, 'GNU licence header'],
  [/permission is hereby granted, free of charge/i, 'MIT permission notice'],
  [/redistribution and use in source and binary forms/i, 'BSD licence notice'],
  [/licensed under the (peer production|coopcycle) licen[cs]e/i, 'copyfarleft licence header'],
  [/use of this source code is governed by/i, 'licence reference'],
];

/** Notice problems between the fork point `base` and the fork's tip. */
export function noticeChanges(repo: GitRepo, base: string, tip: string, reader: EvidenceReader): ForkProblem[] {
  const problems: ForkProblem[] = [];
  const changes = repo.changes(base, tip);
  const before = new Map(repo.tree(base).map((entry) => [entry.path, entry]));
  const after = new Map(repo.tree(tip).map((entry) => [entry.path, entry]));
  const removed = (path: string, why: string) => {
    const name = path.split('/').pop()!;
    problems.push({ kind: 'notice-removed', file: path, message: `${path} ${why}${/^notice/i.test(name) ? ': Apache-2.0 §4(d) and similar terms ask that NOTICE files travel with every copy' : ': the notices of what was forked must be kept'}.` });
  };
  const pairs: { old: string; now: string; path: string; oldPath: string }[] = [];
  for (const change of changes) {
    const name = change.path.split('/').pop()!;
    if (change.status === 'D') {
      if (NOTICE_FILE.test(name)) removed(change.path, 'was removed from the fork');
      continue;
    }
    // A type change ('T'): a file made a link or a submodule, or the other way.
    if (change.status !== 'M' && change.status !== 'R' && change.status !== 'T') continue;
    const oldPath = change.from ?? change.path;
    const old = before.get(oldPath);
    if (!old || old.mode === LINK_MODE) continue;
    const entry = after.get(change.path);
    // A notice file made a submodule (no file of this repository), or a link that leads to no file
    // of the fork's tree, holds none of the upstream's notices; a link to a file of the tree is read
    // as that file.
    const now = entry?.mode === LINK_MODE ? linkTarget(repo, change.path, entry.blob, after) : entry?.blob;
    if (now === undefined) {
      if (NOTICE_FILE.test(name)) removed(change.path, entry ? 'was made a link to no file of the fork' : 'was made a submodule, no file of the fork');
      continue;
    }
    if (old.blob !== now) pairs.push({ old: old.blob, now, path: change.path, oldPath });
  }
  const blobs = repo.readBlobs(pairs.flatMap((pair) => [pair.old, pair.now]));
  for (const pair of pairs) {
    const oldBytes = blobs.get(pair.old);
    const newBytes = blobs.get(pair.now);
    if (!oldBytes || !newBytes || oldBytes.length > MAX_BYTES || newBytes.length > MAX_BYTES) continue;
    if (oldBytes.subarray(0, 8000).includes(0)) continue;
    if (newBytes.subarray(0, 8000).includes(0)) {
      // A text notice file replaced by binary content no longer says anything.
      if (NOTICE_FILE.test(pair.path.split('/').pop()!)) removed(pair.path, 'was replaced by binary content');
      continue;
    }
    const oldText = oldBytes.toString('utf8');
    const newText = newBytes.toString('utf8');
    const name = pair.path.split('/').pop()!;
    if (LICENCE_TEXT.test(name)) {
      problems.push(...licenceTextChanges(pair.path, oldText, newText, pair.path.includes('/'), reader));
      continue;
    }
    problems.push(...headerChanges(pair.path, oldText, newText));
  }
  return problems;
}

/**
 * The blob a link of the fork's tree leads to: its target resolved from the link's folder, when it
 * is a file (not a link) of the tree; undefined for a target outside the repository or not in it.
 */
function linkTarget(repo: GitRepo, path: string, blob: string, tree: Map<string, TreeEntry>): string | undefined {
  const target = repo.readBlobs([blob]).get(blob)?.toString('utf8');
  const resolved = target === undefined ? undefined : linkedPath(path, target);
  if (resolved === undefined) return undefined;
  const entry = tree.get(resolved);
  return entry && entry.mode !== LINK_MODE ? entry.blob : undefined;
}

/** Copyright lines removed, and (below the root) a licence text edited or replaced. */
function licenceTextChanges(path: string, oldText: string, newText: string, vendored: boolean, reader: EvidenceReader): ForkProblem[] {
  const problems: ForkProblem[] = [];
  const before = reader.identifyText(oldText);
  const kept = new Set(copyrightLines(newText).map(normalise));
  for (const line of copyrightLines(oldText)) {
    // "Copyright (C) 1989, 1991 Free Software Foundation" belongs to the GPL's text, not the upstream.
    if (!kept.has(normalise(line)) && !licencesOwnLine(line, before)) problems.push({ kind: 'copyright-removed', file: path, message: `${path}: the upstream's copyright line "${line}" was removed.` });
  }
  const body = (text: string) => normalise(text.split(/\r\n|\r|\n/).filter((line) => copyrightLines(line).length === 0).join(' '));
  if (body(oldText) === body(newText)) return problems;
  const now = reader.identifyText(newText);
  // The root licence is the fork's own choice (the licence check judges it); a vendored one is not.
  if (before === now && before !== null) {
    problems.push({ kind: 'licence-text-edited', file: path, line: firstDifference(oldText, newText), message: `${path}: the text of ${before} was edited; a licence's text may not be changed (keep it verbatim, put additions elsewhere).` });
  } else if (vendored) {
    problems.push({ kind: 'licence-text-edited', file: path, line: 1, message: `${path}: the upstream's ${before ?? 'licence'} text was replaced by ${now ?? 'a text copyfair cannot identify'}.` });
  }
  return problems;
}

/** Copyright lines, SPDX identifiers and licence headers at the top of an upstream file, removed or changed. */
function headerChanges(path: string, oldText: string, newText: string): ForkProblem[] {
  const problems: ForkProblem[] = [];
  const oldHead = oldText.split(/\r\n|\r|\n/).slice(0, HEADER_LINES).join('\n');
  const newHead = newText.split(/\r\n|\r|\n/).slice(0, HEADER_LINES).join('\n');
  const keptCopyright = new Set(copyrightLines(newText).map(normalise));
  for (const line of copyrightLines(oldHead)) {
    if (!keptCopyright.has(normalise(line))) problems.push({ kind: 'copyright-removed', file: path, line: 1, message: `${path}: the upstream's copyright line "${line}" was removed.` });
  }
  const oldIds = spdxIdentifiers(oldHead);
  const newIds = spdxIdentifiers(newHead);
  for (const id of oldIds) {
    if (!newIds.includes(id)) {
      problems.push({ kind: 'spdx-identifier-changed', file: path, line: 1, message: `${path}: "SPDX-License-Identifier: ${id}" ${newIds.length > 0 ? `became "${newIds.join(', ')}"` : 'was removed'}; the upstream's files keep their licence.` });
    }
  }
  for (const [phrase, label] of HEADER_PHRASES) {
    if (phrase.test(oldHead) && !phrase.test(newText)) problems.push({ kind: 'licence-header-removed', file: path, line: 1, message: `${path}: the upstream's ${label} was removed.` });
  }
  return problems;
}

/**
 * The values of a text's `SPDX-License-Identifier:` lines, without a comment's closer; a value
 * holding any other `*` is none. (Read by one pattern, `\s*([^\r\n*]+?)\s*(?:\*\/|-->)?\s*$`, a
 * line of 500 spaces before a stray `*` took 15 s: the spaces could go to either side.)
 */
export function spdxIdentifiers(text: string): string[] {
  const ids: string[] = [];
  for (const match of text.matchAll(/SPDX-License-Identifier:([^\r\n]*)/g)) {
    const value = withoutCommentCloser(match[1]!, ['*/', '-->']).trim();
    if (value !== '' && !value.includes('*')) ids.push(value);
  }
  return ids;
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

function firstDifference(a: string, b: string): number {
  const left = a.split(/\r\n|\r|\n/);
  const right = b.split(/\r\n|\r|\n/);
  for (let index = 0; index < Math.max(left.length, right.length); index++) if (left[index] !== right[index]) return index + 1;
  return 1;
}
