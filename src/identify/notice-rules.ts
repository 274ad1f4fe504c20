// The notices, references and tags that projects write instead of a licence text ("Licensed under
// the Apache License, Version 2.0 …", "Released under the MIT license", "License: ISC"), compiled
// by scripts/compile-notices.js from ScanCode's rules and the SPDX standard headers into
// licences/notices/rules.json. Loaded lazily: only a text with no known licence text in it needs it.
import { readFileSync } from 'node:fs';

/** Where a rule comes from: a notice or header paragraph, a short reference, or a manifest-style tag. */
export type NoticeKind = 'notice' | 'header' | 'reference' | 'tag';

/** One rule: its normalised words, and the expression it states (null: boilerplate that grants nothing). */
export interface NoticeRule {
  words: string;
  length: number;
  expression: string | null;
  kind: NoticeKind;
  /** The source rule (`mit_30`, `spdx-header:Apache-2.0:1`), for the evidence. */
  source: string;
}

/** The rules with their lookups: the exact path and rare-word anchors. */
export interface NoticeIndex {
  rules: NoticeRule[];
  /** Normalised text → rule, for a text that is a rule and nothing more. */
  exact: Map<string, number>;
  /** Each rule is filed under its rarest word: a text can hold a rule only if it holds that word. */
  anchors: Map<string, number[]>;
  /** Word pairs of the notices of each expression, built on first use (see {@link noticePairs}). */
  pairs: Map<string, Set<string>>;
}

/** `[words, expression, kind, source, anchor]`, as compile-notices.js writes them. */
type RuleRow = [string, string | null, NoticeKind, string, string];

let cached: NoticeIndex | undefined;

/** Whether the notice rules have been loaded (they must not be for `--version` and `check`). */
export function noticeIndexLoaded(): boolean {
  return cached !== undefined;
}

/** The notice rules, loaded and indexed on first use. */
export function loadNoticeIndex(): NoticeIndex {
  if (cached) return cached;
  const file = new URL('../../licences/notices/rules.json', import.meta.url);
  const rows = (JSON.parse(readFileSync(file, 'utf8')) as { rules: RuleRow[] }).rules;
  const rules: NoticeRule[] = [];
  const anchorOf: string[] = [];
  for (const [words, expression, kind, source, anchor] of rows) {
    rules.push({ words, length: countWords(words), expression, kind, source });
    anchorOf.push(anchor);
  }
  cached = indexWith(rules, anchorOf);
  return cached;
}

/** Each rule's rarest word across `rules` (ties: the first), the word it is filed under. */
export function anchorsOf(rules: readonly { words: string }[]): string[] {
  const frequency = new Map<string, number>();
  const split = rules.map((rule) => [...new Set(rule.words.split(' '))]);
  for (const words of split) for (const word of words) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  return split.map((words) => words.reduce((rarest, word) => (frequency.get(word)! < frequency.get(rarest)! ? word : rarest)));
}

/** Indexes `rules` (tests bring their own rules; the compiled ones come with their anchors). */
export function indexRules(rules: NoticeRule[]): NoticeIndex {
  return indexWith(rules, anchorsOf(rules));
}

function indexWith(rules: NoticeRule[], anchorOf: readonly string[]): NoticeIndex {
  const exact = new Map<string, number>();
  const anchors = new Map<string, number[]>();
  rules.forEach((rule, index) => {
    if (!exact.has(rule.words)) exact.set(rule.words, index);
    const anchor = anchorOf[index]!;
    const list = anchors.get(anchor);
    if (list) list.push(index);
    else anchors.set(anchor, [index]);
  });
  return { rules, exact, anchors, pairs: new Map() };
}

function countWords(words: string): number {
  let count = 1;
  for (let at = words.indexOf(' '); at >= 0; at = words.indexOf(' ', at + 1)) count++;
  return count;
}

/** Notices of one licence read at most this many times to learn its words. */
const MAX_PAIR_RULES = 400;

/**
 * The adjacent word pairs of the notices and headers that state `expression`: the licence's own
 * words, so a notice broken by a link ("a copy of the License [here](…)") is still explained.
 */
export function noticePairs(index: NoticeIndex, expression: string): Set<string> {
  let pairs = index.pairs.get(expression);
  if (pairs) return pairs;
  pairs = new Set();
  let read = 0;
  for (const rule of index.rules) {
    if (rule.expression !== expression || (rule.kind !== 'notice' && rule.kind !== 'header')) continue;
    const words = rule.words.split(' ');
    for (let at = 1; at < words.length; at++) pairs.add(`${words[at - 1]} ${words[at]}`);
    if (++read >= MAX_PAIR_RULES) break;
  }
  index.pairs.set(expression, pairs);
  return pairs;
}
