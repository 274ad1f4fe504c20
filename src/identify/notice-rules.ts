// The notices, references and tags that projects write instead of a licence text ("Licensed under
// the Apache License, Version 2.0 …", "Released under the MIT license", "License: ISC"), compiled
// by scripts/compile-notices.js from ScanCode's rules and the SPDX standard headers into
// licences/notices/rules.json. Loaded lazily: only a text with no known licence text in it needs it.
import { existsSync, readFileSync } from 'node:fs';
import { compileNoticeIndex, openNoticeIndex, type NoticeIndex, type NoticeIndexHeader, type NoticeRule, type RuleRow } from './notice-index.js';

export type { NoticeIndex, NoticeKind, NoticeRule } from './notice-index.js';

let cached: NoticeIndex | undefined;

/** Whether the notice rules have been loaded (they must not be for `--version` and `check`). */
export function noticeIndexLoaded(): boolean {
  return cached !== undefined;
}

/**
 * The notice rules, on first use: the index compiled next to this module when it exists (the built
 * package), otherwise compiled from licences/notices/rules.json (running from source, as the tests do).
 */
export function loadNoticeIndex(): NoticeIndex {
  if (cached) return cached;
  const header = new URL('./notice-index.json', import.meta.url);
  const lines = new URL('./notice-index.txt', import.meta.url);
  if (existsSync(header) && existsSync(lines)) {
    cached = openNoticeIndex({ header: JSON.parse(readFileSync(header, 'utf8')) as NoticeIndexHeader, lines: readFileSync(lines) });
  } else {
    const file = new URL('../../licences/notices/rules.json', import.meta.url);
    cached = openNoticeIndex(compileNoticeIndex((JSON.parse(readFileSync(file, 'utf8')) as { rules: RuleRow[] }).rules));
  }
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
export function indexRules(rules: readonly NoticeRule[]): NoticeIndex {
  const anchors = anchorsOf(rules);
  return openNoticeIndex(compileNoticeIndex(rules.map((rule, at): RuleRow => [rule.words, rule.expression, rule.kind, rule.source, anchors[at]!])));
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
  for (const at of index.stating(expression)) {
    const rule = index.rule(at);
    if (rule.kind !== 'notice' && rule.kind !== 'header') continue;
    const words = rule.words.split(' ');
    for (let at = 1; at < words.length; at++) pairs.add(`${words[at - 1]} ${words[at]}`);
    if (++read >= MAX_PAIR_RULES) break;
  }
  index.pairs.set(expression, pairs);
  return pairs;
}
