// A monorepo's licence file, copied into each package it publishes, that says which of its
// packages are under which licence (Liveblocks', in @liveblocks/client, core, react …):
//
//   This repository contains software under two licenses:
//
//   1. Most of the code in this repository is licensed under the
//      Apache License 2.0 — see licenses/LICENSE-APACHE-2.0 for the
//      full license text.
//
//   2. The following components are licensed under the
//      GNU Affero General Public License v3.0 or later (AGPL-3.0-or-later)
//      — see licenses/LICENSE-AGPL-3.0 for the full license text:
//
//      - packages/liveblocks-server (published as @liveblocks/server)
//      - tools/liveblocks-cli (published as liveblocks)
//
//   Each package's own LICENSE or package.json specifies its applicable license.
//
// The file reads as the licence of most of the code, with the packages it names under the other
// (`exceptPackages`); the scan applies the one that names the package it reads. Both licences are
// read as declared names (each must read); a component listed without "(published as …)" names no
// package and leaves the file unknown, as does any other word that restricts.
import { normalise } from './normalise.js';
import { COPYRIGHT_LINE } from './open-core.js';
import { judgeSurrounding } from './surroundings.js';
import type { Identification, LicenceMatch } from './types.js';

/** Words the opening holds, found without trying its anchor at every line first (a tenth of the cost). */
const REPOSITORY_WORDS = /\brepository\s+contains\s+software\s/i;
const OPENING = /^[ \t]*this\s+repository\s+contains\s+software\s+under\s+two\s+licen[cs]es:?[ \t]*$/im;
const MOST = /\bmost\s+of\s+the\s+code\s+in\s+this\s+repository\s+is\s+licen[cs]ed\s+under\s+the\s+([^—–\n]{2,80}?)\s*[—–-]+\s*see\s+[\w./-]{1,120}\s+for\s+the\s+full\s+licen[cs]e\s+text\.?/i;
const FOLLOWING = /\bthe\s+following\s+components\s+are\s+licen[cs]ed\s+under\s+the\s+([^—–]{2,120}?)\s*[—–-]+\s*see\s+[\w./-]{1,120}\s+for\s+the\s+full\s+licen[cs]e\s+text:?/i;
const COMPONENT = /^[ \t]*[-*][ \t]+[\w./@-]{1,120}[ \t]+\(published\s+as\s+([\w.@/-]{1,120})\)[ \t]*$/gim;
const DEFERS = /\beach\s+package['’]s\s+own\s+licen[cs]e\s+or\s+package\.json\s+specifies\s+its\s+applicable\s+licen[cs]e\.?/gi;

/** Reads such a file; undefined when the text is not one this reader can read whole. */
export function identifyRepositoryMap(text: string, readLicence: (value: string) => string | null): Identification | undefined {
  if (!REPOSITORY_WORDS.test(text) || !OPENING.test(text)) return undefined;
  const most = MOST.exec(text);
  const following = FOLLOWING.exec(text);
  if (!most || !following) return undefined;
  const main = readLicence(plainName(most[1]!));
  const other = readLicence(plainName(following[1]!));
  if (main === null || other === null) return undefined;
  const packages = [...text.matchAll(COMPONENT)].map((match) => match[1]!);
  // Every list item one such component: an item naming no package could be any of them.
  const items = text.match(/^[ \t]*[-*][ \t]+\S/gm)?.length ?? 0;
  if (packages.length === 0 || items !== packages.length) return undefined;
  // Every other word: the opening, the numbering, copyright lines; nothing that restricts.
  let rest = text.replace(OPENING, ' ').replace(MOST, ' ').replace(FOLLOWING, ' ').replace(COMPONENT, ' ').replace(DEFERS, ' ').replace(COPYRIGHT_LINE, ' ').replace(/^[ \t]*\d{1,2}\.[ \t]*/gm, ' ');
  rest = rest.trim();
  const words = normalise(rest).words;
  if (words.length > 0 && judgeSurrounding(words) !== 'benign') return undefined;
  const lineOf = (index: number) => text.slice(0, index).split(/\r\n|\r|\n/).length;
  const matches: LicenceMatch[] = [
    { id: main, confidence: 1, start: lineOf(most.index), end: lineOf(most.index + most[0].length), via: 'reference', rule: 'most of the repository' },
    { id: other, confidence: 1, start: lineOf(following.index), end: lineOf(following.index + following[0].length), via: 'reference', rule: 'the components listed' },
  ];
  return { expression: main, matches, candidates: [], exceptPackages: Object.fromEntries(packages.map((name) => [name, other])) };
}

/** A licence's name as the file writes it: "GNU Affero General Public License v3.0 or later (AGPL-3.0-or-later)", on one line. */
function plainName(name: string): string {
  return name.replace(/\s+/g, ' ').trim();
}
