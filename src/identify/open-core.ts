// Open-core licences put the code in some folders under other terms, and the rest under an open
// licence. GitLab's template, as Strapi ships it in every @strapi package:
//
//   Portions of the Strapi software are licensed as follows:
//
//   * All software that resides under an "ee/" directory (the “EE Software”), if that directory
//     exists, is licensed under the license defined below.
//
//   Enterprise License
//   … (the enterprise terms) …
//
//   * All software outside of the above-mentioned directories or restrictions above is available
//     under the "MIT Expat" license as set forth below.
//
//   MIT Expat License
//   Permission is hereby granted, free of charge, …
//
// PostHog's says "… is licensed under the license defined in "ee/LICENSE"" and has a bullet for
// third-party components ("licensed under the original license provided by the owner").
//
// The text below the last sentence is the licence of the code outside those folders; the terms for
// the folders are not read here. Whether the package holds such a folder is for the scan to see
// (scan/index.ts): with none, the open licence is the package's; with one, a person must read the
// other terms. Fail closed: any other scoped statement ("All content residing under the "doc/"
// directory …", GitLab's "All client-side JavaScript …"), a bullet this reader does not know, words
// above the first folder's statement that restrict, or an open licence it cannot read, and the
// reader declines (the text is then identified as any other, which leaves it unknown).
import { normalise } from './normalise.js';
import { judgeSurrounding } from './surroundings.js';
import type { Identification } from './types.js';

/** "All software that resides under an "ee/" directory (…), if that directory exists, is licensed under the license defined below / in "ee/LICENSE"". */
const SCOPED = /\ball\s+(?:software|content|code|files)\s+(?:that\s+resides?|residing|which\s+resides?)\s+(?:under|in|within)\s+(?:an?|the|any)\s+["“”'`]([\w.-]{1,40})\/?["“”'`]\s+(?:directory|folder)\b([^.]{0,200}?),?\s+if\s+(?:that|such\s+a|the)\s+(?:directory|folder)\s+exists,?\s+is\s+licen[cs]ed\s+under\s+the\s+licen[cs]e\s+defined\s+(?:below|in\s+["“”'`][\w./-]{1,80}["“”'`])\.?/gi;
/** "All software outside of the above-mentioned directories or restrictions above is available under the "MIT Expat" license as set forth below." */
const OUTSIDE = /\b(?:all\s+)?(?:software|content|code)\s+outside\s+(?:of\s+)?(?:the\s+)?above[\s-]+mentioned\s+directories(?:\s+or\s+restrictions\s+above)?\s+is\s+(?:available|licen[cs]ed)\s+under\s+(?:the\s+)?["“”]([^"“”\n]{1,60})["“”](?:\s+licen[cs]e)?,?\s+as\s+(?:set\s+forth|defined)\s+below\s*[.:]?/gi;
/** "All third party components incorporated into the PostHog Software are licensed under the original license provided by the owner of the applicable component." */
const THIRD_PARTY = /\ball\s+third[\s-]+party\s+components\s+incorporated\s+into\s+(?:the\s+)?(?:[\w.-]+\s+){0,4}?software\s+are\s+licen[cs]ed\s+under\s+the\s+original\s+licen[cs]e\s+provided\s+by\s+the\s+owner\s+of\s+the\s+applicable\s+component\.?/gi;
/** "Portions of the Strapi software are licensed as follows:" */
const INTRO = /\bportions\s+of\s+(?:the\s+|this\s+)?(?:[\w.-]+\s+){0,4}?software\s+are\s+licen[cs]ed\s+as\s+follows\s*:?/gi;
/** A copyright line above the statements. */
export const COPYRIGHT_LINE = /^[ \t]*(?:copyright\b|\(c\)|©)[^\n]*$/gim;
/** A statement about a folder of any kind: each must be one SCOPED reads. */
const FOLDER_STATEMENT = /\b(?:under|in|within)\s+(?:an?|the|any)\s+["“”'`][\w.-]{1,40}\/?["“”'`]\s+(?:directory|folder)\b/gi;
/** A list item's opening. */
const BULLET = /^[ \t]*(?:[*•+-]|\d{1,2}[.)])[ \t]+\S/gm;

/**
 * n8n's template, in every n8n package's LICENSE.md:
 *
 *   Portions of this software are licensed as follows:
 *   - Content of branches other than the main branch (i.e. "master") are not licensed.
 *   - Source code files that contain ".ee." in their filename or ".ee" in their dirname are NOT
 *     licensed under the Sustainable Use License. To use source code files that contain ".ee." in
 *     their filename or ".ee" in their dirname you must hold a valid n8n Enterprise License
 *     specifically allowing you access to such source code files and as defined in "LICENSE_EE.md".
 *   - All third party components incorporated into the n8n Software are licensed under the
 *     original license provided by the owner of the applicable component.
 *   - Content outside of the above mentioned files or restrictions is available under the
 *     "Sustainable Use License" as defined below.
 *
 * The branches are the repository's, not what a package ships. The same rules as above: every
 * other word there must be benign, and the licence below must be read whole and alone.
 */
const NAMED_FILES = /\bsource\s+code\s+files\s+that\s+contain\s+["“”](\.[\w-]{1,20}\.)["“”]\s+in\s+their\s+file\s?name\s+or\s+["“”](\.[\w-]{1,20})["“”]\s+in\s+their\s+dir(?:ectory)?\s?name\s+are\s+not\s+licen[cs]ed\s+under\s+the\s+["“”]?[\w ]{1,60}?["“”]?\.\s*to\s+use\s+source\s+code\s+files\s+that\s+contain\s+["“”]\1["“”]\s+in\s+their\s+file\s?name\s+or\s+["“”]\2["“”]\s+in\s+their\s+dir(?:ectory)?\s?name\s+you\s+must\s+hold\s+a\s+valid\s+[^.]{1,160}?\s+and\s+as\s+defined\s+in\s+["“”]([\w.-]{1,80})["“”]\.?/gi;
const BRANCHES = /\bcontent\s+of\s+branches\s+other\s+than\s+the\s+main\s+branch\s+\(i\.e\.\s+["“”][\w-]{1,20}["“”]\)\s+(?:are|is)\s+not\s+licen[cs]ed\.?/gi;
const OUTSIDE_FILES = /\bcontent\s+outside\s+of\s+the\s+above[\s-]+mentioned\s+files\s+or\s+restrictions\s+is\s+available\s+under\s+the\s+["“”]([^"“”]{1,60})["“”](?:\s+licen[cs]e)?,?\s+as\s+(?:set\s+forth|defined)\s+below\s*[.:]?/gi;

/**
 * Reads n8n's template: the open licence with the names of `scopedNames`; undefined when the text
 * is not one this reader can read whole.
 */
export function identifyNamedOpenCore(text: string, identify: (text: string) => Identification): Identification | undefined {
  if (!/\bin\s+their\s+file\s?name\b/i.test(text) || !/\babove[\s-]+mentioned\s+files\b/i.test(text)) return undefined;
  const split = atOutside(text, OUTSIDE_FILES);
  if (!split) return undefined;
  const { before, end } = split;
  const named = [...before.matchAll(NAMED_FILES)];
  if (named.length === 0) return undefined;
  // Everything above the open licence but the known statements: headings, bullets, the opening
  // sentence, copyright lines; nothing that restricts.
  let rest = before;
  for (const pattern of [NAMED_FILES, BRANCHES, THIRD_PARTY, INTRO, COPYRIGHT_LINE]) rest = rest.replace(pattern, ' ');
  rest = rest.replace(/^[ \t]*#{1,6}[ \t]+licen[cs]e[ \t]*$/gim, ' ').replace(/^[ \t]*[*•+-][ \t]*$/gm, ' ');
  const words = normalise(rest).words;
  if (words.length > 0 && judgeSurrounding(words) !== 'benign') return undefined;
  const open = openBelow(text, end, identify);
  if (!open) return undefined;
  return {
    ...open,
    scopedNames: { files: [...new Set(named.map((match) => match[1]!))], folders: [...new Set(named.map((match) => match[2]!))], terms: [...new Set(named.map((match) => match[3]!))] },
  };
}

/** True when the text may be such a licence (two of its statements are there). */
export function mayBeOpenCore(text: string): boolean {
  return /\bif\s+(?:that|such\s+a|the)\s+(?:directory|folder)\s+exists\b/i.test(text) && /\babove[\s-]+mentioned\s+directories\b/i.test(text);
}

/**
 * Reads an open-core licence: the open licence (identified with `identify`, lines counted in the
 * whole text) with the folder names in `scopedFolders`; undefined when the text is not one this
 * reader can read whole (see the file's comment).
 */
export function identifyOpenCore(text: string, identify: (text: string) => Identification): Identification | undefined {
  if (!mayBeOpenCore(text)) return undefined;
  const split = atOutside(text, OUTSIDE);
  if (!split) return undefined;
  const { before, end, at: outsideAt } = split;
  const scoped = [...before.matchAll(SCOPED)];
  if (scoped.length === 0) return undefined;
  // Every statement about a folder is one of the scoped ones; every list item one of the known
  // statements (an item this reader does not know may set terms for all the code).
  const folderStatements = [...before.matchAll(FOLDER_STATEMENT)].map((match) => match.index!);
  if (folderStatements.some((at) => !scoped.some((match) => at >= match.index! && at < match.index! + match[0].length))) return undefined;
  const known = [...scoped, ...before.matchAll(THIRD_PARTY)].map((match) => [match.index!, match.index! + match[0].length] as const);
  const bullets = [...text.slice(0, end).matchAll(BULLET)].map((match) => match.index! + match[0].length - 1);
  if (bullets.some((at) => at < outsideAt && !known.some(([from, to]) => at >= from - 1 && at < to))) return undefined;
  // Above the first folder's statement: the copyright line and the opening sentence, nothing that restricts.
  const head = before.slice(0, scoped[0]!.index!).replace(INTRO, ' ').replace(COPYRIGHT_LINE, ' ').replace(/^[ \t]*[*•+-][ \t]*$/gm, ' ');
  const headWords = normalise(head).words;
  if (headWords.length > 0 && judgeSurrounding(headWords) !== 'benign') return undefined;
  const open = openBelow(text, end, identify);
  if (!open) return undefined;
  return { ...open, scopedFolders: [...new Set(scoped.map((match) => match[1]!))] };
}

/** The one sentence that gives the rest of the code its licence: the text above it and where it ends; undefined unless there is exactly one. */
function atOutside(text: string, sentence: RegExp): { before: string; at: number; end: number } | undefined {
  const outside = [...text.matchAll(sentence)];
  if (outside.length !== 1) return undefined;
  const at = outside[0]!.index!;
  return { before: text.slice(0, at), at, end: at + outside[0]![0].length };
}

/** Below that sentence: the open licence, whole and alone, its lines counted in the whole text; undefined otherwise. */
function openBelow(text: string, end: number, identify: (text: string) => Identification): Identification | undefined {
  const shift = text.slice(0, end).split(/\r\n|\r|\n/).length - 1;
  const open = identify(text.slice(end));
  if (open.expression === null || open.unexplained?.length || open.invalid?.length) return undefined;
  return { ...open, matches: open.matches.map((match) => ({ ...match, start: match.start + shift, end: match.end + shift })) };
}
