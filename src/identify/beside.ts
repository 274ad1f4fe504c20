// Notices beside a known licence text. "This program is free software; you can redistribute it
// and/or modify it under the terms of the GNU General Public License …" above a BSD text, or
// "Licensed under the Apache License 2.0" below an MIT text, is a second licence, not words around
// the first: the file is both (or either, when it offers the choice). Notices are looked for where
// they stand, in each stretch of the file outside every match and whole within it (the notice rules
// of notices.ts), and one only counts when it grants: it says the work is licensed, released or
// available under the licence, or declares it (`License: GPL`). A licence merely named ("see the
// GNU General Public License for more details", "derived from the OpenLDAP Public License", a
// title) grants nothing.
import { expressionIds, offersChoice } from './expression.js';
import type { Normalised } from './normalise.js';
import { familyOf, statedLicences } from './notices.js';
import type { LicenceMatch } from './types.js';

/** A licence a notice beside the known texts grants. */
export interface NoticeBeside {
  match: LicenceMatch;
  /** First and last word position of the notice in the file. */
  from: number;
  to: number;
  /** The notice's own sentence offers the choice between it and the licences found. */
  choice: boolean;
}

// Words without which a stretch holds no notice (checked before the rules are loaded).
const LICENCE_WORDS = new Set(['license', 'licensed', 'licenses', 'gpl', 'lgpl', 'agpl', 'gnu', 'mpl', 'copyleft']);
// What notice rules name that is no licence: a disclaimer takes nothing from the user.
const NOT_LICENCES = new Set(['LicenseRef-scancode-warranty-disclaimer']);
/** A stretch shorter than this is a title or a name, not a notice. */
const MIN_NOTICE_WORDS = 6;
/** How far from a notice the words offering a choice may be and still be its sentence's. */
const CHOICE_REACH = 8;

/** A licence named, without being granted, in a stretch outside the matches: its position and family. */
export interface MentionBeside {
  from: number;
  to: number;
  family: string;
}

/**
 * The licences granted by notices in the stretches of `normalised` outside every match (`covered`),
 * other than those of the licences matched (`matchedIds`), in file order; and the other licences
 * those stretches only name.
 */
export function noticesBeside(
  normalised: Normalised,
  covered: Uint8Array,
  matchedIds: readonly string[],
): { notices: NoticeBeside[]; mentions: MentionBeside[] } {
  const matchedFamilies = new Set(matchedIds.flatMap(expressionIds).map(familyOf));
  // The file's own words offering a choice between the licences in it ("dual licensed", "at your
  // option", "alternatively"), as between known texts (expression.ts).
  const fileOffersChoice = offersChoice(normalised.words.filter((_, position) => !covered[position]).join(' '));
  const found: NoticeBeside[] = [];
  const mentions: MentionBeside[] = [];
  for (const [from, to] of uncoveredRuns(covered)) {
    const words = normalised.words.slice(from, to + 1);
    if (words.length < MIN_NOTICE_WORDS || !words.some((word) => LICENCE_WORDS.has(word))) continue;
    const run = { words, lines: normalised.lines.slice(from, to + 1) };
    for (const stated of statedLicences(run)) {
      if (NOT_LICENCES.has(stated.expression)) continue;
      const families = expressionIds(stated.expression).map(familyOf);
      if (families.every((family) => matchedFamilies.has(family))) continue;
      if (!grants(words, stated.from, stated.to)) {
        for (const family of families) if (!matchedFamilies.has(family)) mentions.push({ from: from + stated.from, to: from + stated.to, family });
        continue;
      }
      // A notice that names the licences found as well states the whole file's terms: it applies
      // beside them (AND), whatever choice it offers inside itself.
      const whole = families.some((family) => matchedFamilies.has(family));
      const near = words.slice(Math.max(0, stated.from - CHOICE_REACH), stated.to + CHOICE_REACH + 1).join(' ');
      const start = run.lines[stated.from] ?? 1;
      const end = run.lines[stated.to] ?? start;
      found.push({
        match: { id: stated.expression, confidence: 1, start, end, via: stated.via, rule: stated.source },
        from: from + stated.from,
        to: from + stated.to,
        choice: !whole && (offersChoice(near) || fileOffersChoice),
      });
    }
  }
  return { notices: found, mentions };
}

// Words by which a statement grants a licence rather than names one: "licensed under", "available
// under and governed by", "released under the terms of", "you can redistribute it", `License: X`.
const GRANTING = new Set(['licensed', 'licenced', 'under', 'governed', 'released', 'distributed', 'redistribute', 'terms', 'dual']);
/** Words before a notice that may say how it applies ("This library is licensed under the …"). */
const LEAD_REACH = 4;

/**
 * Whether the notice at `from..to` of `words` grants: it (or the few words before it) says the work
 * is licensed, released or available under the licence, or it declares one (`License: GPL`,
 * `MODULE_LICENSE("GPL")`). "See the GNU General Public License for more details", "derived from the
 * OpenLDAP Public License" or a title name the licence and grant nothing.
 */
function grants(words: readonly string[], from: number, to: number): boolean {
  if (words[from] === 'license' || (words[from] === 'module' && words[from + 1] === 'license')) return true;
  for (let at = Math.max(0, from - LEAD_REACH); at <= to; at++) if (GRANTING.has(words[at]!)) return true;
  return false;
}


/** First and last position of each run of uncovered words. */
function uncoveredRuns(covered: Uint8Array): [number, number][] {
  const runs: [number, number][] = [];
  let start = -1;
  for (let position = 0; position <= covered.length; position++) {
    const open = position < covered.length && !covered[position];
    if (open && start < 0) start = position;
    if (!open && start >= 0) {
      runs.push([start, position - 1]);
      start = -1;
    }
  }
  return runs;
}
