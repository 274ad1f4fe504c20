// Statements beside licence texts that say which part of a project is under which of them, known
// word for word. The Model Context Protocol's SDK packages (@modelcontextprotocol/core, /server,
// 2.x) open their LICENSE with
//
//   The MCP project is undergoing a licensing transition from the MIT License to the Apache
//   License, Version 2.0 ("Apache-2.0"). All new code and specification contributions to the
//   project are licensed under Apache-2.0. Documentation contributions (excluding specifications)
//   are licensed under CC-BY-4.0. […] Contributions made by authors who originally licensed their
//   work under the MIT License and who have not yet granted explicit permission to relicense remain
//   licensed under the MIT License. No rights beyond those granted by the applicable original
//   license are conveyed for such contributions.
//
// then the Apache-2.0 and MIT texts, and a CC-BY-4.0 paragraph for the documentation. Every part is
// under one of the licences the file grants, so all of them apply (AND, the reading that grants no
// more); but "not yet granted explicit permission", "excluding" and "no rights beyond" read as terms
// to a reader weighing words, and the packages were unknown. As translations.ts does, a statement
// is recognised only word for word (the normalised words of the whole run beside the texts, kept
// as a SHA-256), and only where every licence it names is one the file's texts or notices grant.
import { hash } from 'node:crypto';

/** A known statement: the licences it names, its normalised words' SHA-256 and count, and where it was read. */
interface Statement extends KnownWords {
  ids: readonly string[];
  source: string;
}

const STATEMENTS: readonly Statement[] = [
  { ids: ['Apache-2.0', 'MIT', 'CC-BY-4.0'], words: 106, sha256: 'e14e36813ed0ca73a6269d6deeb6445ec6075cb732c4d261f0d0dab0a311e43e', source: "@modelcontextprotocol/core 2.4.0's LICENSE, lines 1–5" },
  { ids: ['CC-BY-4.0'], words: 37, sha256: '00db215b485bde81a21893a62ad29b62aefea05fbc0d0c0f67b7f07744c8a46b', source: "@modelcontextprotocol/core 2.4.0's LICENSE, lines 212–216" },
];

/** An entry of a table of texts known word for word: its normalised words' count and SHA-256. */
export interface KnownWords {
  words: number;
  sha256: string;
}

/**
 * The entry of `table` whose words `words` are, among those `accept` takes; undefined when none is.
 * The words are hashed only when an entry of their count is acceptable (most runs are of no such
 * length). Shared by the known statements and sections here and the translations (translations.ts).
 */
export function knownWords<T extends KnownWords>(table: readonly T[], words: readonly string[], accept: (entry: T) => boolean = () => true): T | undefined {
  const candidates = table.filter((entry) => entry.words === words.length && accept(entry));
  if (candidates.length === 0) return undefined;
  const digest = hash('sha256', words.join(' '), 'hex');
  return candidates.find((entry) => entry.sha256 === digest);
}

/** The known statement `words` are, when every licence it names is among `granted`; undefined otherwise. */
export function knownStatement(words: readonly string[], granted: readonly string[]): Statement | undefined {
  return knownWords(STATEMENTS, words, (statement) => statement.ids.every((id) => granted.includes(id)));
}

/**
 * A README's whole licence section known word for word, and the licence it states. spdx-exceptions
 * 2.5.0 (under spdx-expression-parse, in most npm trees) ships no licence file and declares
 * CC-BY-3.0; its "Copyright and Licensing" section gives SPDX's trademark notice, quotes the SPDX
 * specification's licence ("Licensed under the Creative Commons Attribution License 3.0 Unported.
 * All other rights are expressly reserved."), and says the package was made by copying the
 * exceptions' identifiers out of it, citing Baker v. Selden and Feist: CC-BY-3.0, as declared.
 * Read as terms word by word, it kept the package unknown in every such tree.
 */
interface KnownText extends KnownWords {
  /** The licence the text states. */
  expression: string;
  /** Where it was read, and what settles it. */
  source: string;
  /**
   * A phrase of the file as shipped, for a file another reader would take first (a bundle's
   * headings, a dual offer): where a text holds it, the file is looked up before those readers
   * (identify-file.ts).
   */
  marker?: string;
}

const SECTIONS: readonly KnownText[] = [
  { expression: 'CC-BY-3.0', words: 138, sha256: '7475fe261dc63603fc3048beab75606ff2ab4d301db8de2d4af6b60bfb473206', source: "spdx-exceptions 2.5.0's README, \"Copyright and Licensing\"" },
];

/** The known README licence section `words` (the section's normalised words) are; undefined when none. */
export function knownSection(words: readonly string[]): KnownText | undefined {
  return knownWords(SECTIONS, words);
}

/**
 * A whole licence file known word for word, and the licence it states once what it points at is
 * read. sockjs 0.3.24 (under webpack-dev-server 4 and 5, in most web applications' trees) ships,
 * beside its MIT LICENSE, a COPYING that says "Parts of the code are derived from various open
 * source projects. For code derived from Socket.IO by Guillermo Rauch see
 * https://github.com/LearnBoost/socket.io/tree/0.6.17#readme. All other code is released on MIT
 * license, see LICENSE." The README at that address ends with Socket.IO's licence, "(The MIT
 * License)": the derived code is MIT too. A scan reads nothing from the network, so the file was
 * unknown in every such tree. Only the file as sockjs ships it: a word changed, added or left out,
 * and it is read as any text is.
 */
const FILES: readonly KnownText[] = [
  { expression: 'MIT', words: 42, sha256: '403aef66af80986c0fb61cc5a8bad10e4e996688de40cb92531893d3cfc5350c', source: "sockjs 0.3.24's COPYING; Socket.IO 0.6.17's README gives the MIT License" },
  // HyperFormula 3's LICENSE.txt (Handsoncode): "dual-licensed, giving you the option to use it under
  // either a proprietary license or the GNU General Public License version 3 (GPLv3)", the
  // proprietary licence "purchased from HANDSONCODE or an authorized reseller", the GPLv3 "as
  // published by the Free Software Foundation" (no later version), and a disclaimer. The company's
  // register entry, "the license key you apply" and the disclaimer's "shall" read as terms word by
  // word; the package (package.json: GPL-3.0-only) was unknown.
  { expression: 'GPL-3.0-only OR LicenseRef-scancode-commercial-license', words: 249, sha256: '8f2a5c49c0d3996eaee4c9b512abbb71e857a76b1b3d38d92a901fcb92cd4e2c', source: "HyperFormula 3.5.0's LICENSE.txt: the GPLv3 or Handsoncode's proprietary licence" },
  // JSDoc 4's LICENSE.md: "JSDoc is free software, licensed under the Apache License, Version 2.0
  // … Commercial and non-commercial use are permitted in compliance with the License", Apache's
  // disclaimer quoted, then its third-party software: the MIT text quoted once, and each package
  // "distributed under the MIT license, which is reproduced above" or "under the Apache License
  // 2.0, which is included with this package" (Apache_License_2.0.txt beside it). "Commercial and
  // non-commercial use" read as a non-commercial licence's name; jsdoc (declared Apache-2.0, under
  // many documentation tool chains) was unknown.
  { expression: 'Apache-2.0 AND MIT', words: 541, sha256: 'cee7776ec9411b5daf482aa75851ba45bc77cd026e11d3b4328950e272143d60', source: "JSDoc 4.0.5's LICENSE.md: Apache-2.0, and MIT for the third-party software it lists", marker: 'JSDoc is free software, licensed under the Apache License' },
  // The LICENSE.md W3C and WICG repositories carry (focus-visible 5): "All Reports in this
  // Repository are licensed by Contributors under the W3C Software and Document License.
  // Contributions to Specifications are made under the W3C CLA." The second sentence binds those
  // who contribute, not those who use; "Contributions … are made under" read as terms word by word.
  { expression: 'W3C-20150513', words: 44, sha256: 'f08a559b6736fc9427634d44ae24b21614a30e8a2d5160733f91dee268086323', source: "focus-visible 5.2.1's LICENSE.md, the W3C repositories' licence statement" },
];

/** The known file `words` (a whole text's normalised words) are; undefined when none. */
export function knownFile(words: readonly string[]): KnownText | undefined {
  return knownWords(FILES, words);
}

/** Whether `text` holds the marker of a known file that another reader would take first. */
export function holdsKnownFileMarker(text: string): boolean {
  return FILES.some((file) => file.marker !== undefined && text.includes(file.marker));
}
