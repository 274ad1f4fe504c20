// What identification reports about one licence text.

/** A value read from a templated licence (BUSL's Change Date, Hippocratic 3.0's modules …). */
export type ParameterValue = string | number | string[];

/** One known licence (or exception) found in a text. */
export interface LicenceMatch {
  /** SPDX id, exception id, or `LicenseRef-…` (ScanCode's name where ScanCode has one). */
  id: string;
  /**
   * 0..1, the one score copyfair reports: how much of the known text's wording the matched
   * stretch holds (Dice similarity over word triples), 1 when the text equals the known text or
   * matches its SPDX template. A match counts when this is at least the threshold and `doubt` is
   * absent (docs/identification.md, "The score").
   */
  confidence: number;
  /** Why a match that scores well is still not reported as the licence. */
  doubt?: MatchDoubt;
  /** First line of the match in the file, 1-based. */
  start: number;
  /** Last line of the match in the file, 1-based, inclusive. */
  end: number;
  /** Values read from the text's parameters block, header or badge. */
  parameters?: Record<string, ParameterValue>;
  /**
   * How the licence was named when the file holds a notice rather than its text (notices.ts): a
   * notice or SPDX header, a short reference, a tag, an `SPDX-License-Identifier:` line, or
   * proprietary terms stated in plain words (proprietary.ts).
   */
  via?: 'notice' | 'header' | 'reference' | 'tag' | 'identifier' | 'terms';
  /** The notice rule that matched (`mit_30`, `spdx-header:Apache-2.0:1`; ScanCode's rule ids). */
  rule?: string;
}

/**
 * A match's doubt: a near twin the words cannot rule out, words inside the match that the
 * known text lacks and that read like a term of their own ("not for military use"), or the
 * known text's words changed so that it grants less ("permission is hereby NOT granted").
 */
export type MatchDoubt =
  | { kind: 'twin'; rival: string }
  | { kind: 'inserted'; words: string }
  /** The licence's words `known` read `words` here, which alters what it grants (deviations.ts). */
  | { kind: 'changed'; known: string; words: string };

/** Everything identification says about one text. */
export interface Identification {
  /** The combined SPDX expression for the whole text; null when nothing matches well enough. */
  expression: string | null;
  /** Each licence found at or above the threshold, in the order it appears. */
  matches: LicenceMatch[];
  /** The nearest known texts and their scores, best first: shown when the text is unknown. */
  candidates: { id: string; confidence: number }[];
  /**
   * Stretches outside every match that read like terms of their own ("not for military use")
   * and that no matched licence explains. When present, `expression` is null: the file grants
   * something copyfair does not know.
   */
  unexplained?: { start: number; end: number; words: string }[];
  /**
   * `SPDX-License-Identifier:` lines whose expression does not parse: never guessed, so unknown.
   * `bare`: the whole file is such an expression, without the tag.
   */
  invalid?: { line: number; value: string; message: string; bare?: true }[];
  /**
   * Why a person must read the text, when copyfair can say more than "not identified" (a table of
   * bundled licences with rows it cannot read names them).
   */
  reason?: string;
  /** `readme`: the text is a README's licence section, weaker evidence than a licence file. */
  source?: 'readme';
  /**
   * A third-party notices file that says its licences are listed for information only, the
   * package's licensor granting the bundled code under the package's own terms: that statement,
   * as normalised words (third-party.ts). Such a file adds no licence to the package's.
   */
  informational?: string;
  /**
   * A notice beside the licence text about a dependency outside the package, under other terms
   * (dependency-notices.ts: "The Sentry CLI is not part of this package and is not covered by the
   * MIT License above"), as normalised words. It adds nothing to the package's licence: the scan
   * reads that dependency as a component of its own.
   */
  dependencyNotice?: string;
  /**
   * A request for payment beside the licence that the text says is not required (requests.ts:
   * node-forge's "reasonable payment to Digital Bazaar, if you can afford it, is not required but
   * is expected"): the paragraph's normalised words and lines. Nothing is owed; the scan notes it.
   */
  request?: { words: string; start: number; end: number };
  /**
   * A third-party notices file that names no licence but says the bundled code's licences are in
   * a sidecar file beside each bundle, under these folders (relative to the file's own folder):
   * playwright-core's "Each bundled output has a sidecar `<bundle>.js.LICENSE` file next to it".
   * The scan reads those files; the notices file adds nothing itself.
   */
  sidecars?: string[];
  /**
   * A third-party notices file that lists no component: Microsoft's notices preamble alone ("This
   * software incorporates material from third parties. Microsoft makes certain open source code
   * available at …", as vscode-jsonrpc ships it), its first sentence as written. It adds nothing.
   */
  listsNone?: string;
  /**
   * A NOTICE or COPYRIGHT file whose words state no terms (notice-terms.ts): kept as evidence, not
   * read as a licence. Only the scan's reader of such files sets it (src/scan/licence-read.ts).
   */
  statesNoTerms?: true;
  /**
   * The licence files of code in the package's own folders that the text points to, as paths
   * relative to the file's folder (pointers.ts: onig_sys's "see [COPYING](oniguruma/COPYING)").
   * The scan reads each that the package holds as a part.
   */
  pointers?: string[];
  /**
   * An open-core licence (open-core.ts: Strapi's "All software that resides under an "ee/"
   * directory …, if that directory exists, is licensed under the license defined below"): the
   * expression is the licence of the code outside folders of these names, below the file's folder;
   * the code in them is under other terms copyfair does not read. The scan looks for such folders.
   */
  scopedFolders?: string[];
  /**
   * The same for an open-core licence that scopes by name (n8n's: "Source code files that contain
   * ".ee." in their filename or ".ee" in their dirname are NOT licensed under the Sustainable Use
   * License"): the expression is the licence of the code outside files whose names hold one of
   * `files` and folders whose names hold one of `folders`; `terms` are the files beside it that
   * hold those other terms ("LICENSE_EE.md"). The scan looks for such names; where the package
   * holds none, the terms apply to nothing in it.
   */
  scopedNames?: { files: string[]; folders: string[]; terms: string[] };
  /**
   * A monorepo's licence file, copied into each package, that puts the packages it names under
   * another licence than the rest (repository-map.ts: Liveblocks'): package name → that licence.
   * The expression is the rest's; the scan applies the other to a package the file names.
   */
  exceptPackages?: Record<string, string>;
  /**
   * A licence granted beside the texts for the project's logo alone (beside.ts, `aboutLogo`: glob
   * 7's "Glob's logo created by …, licensed under a Creative Commons Attribution-ShareAlike 4.0
   * International License"), with its lines; not in `expression`. The scan reads it as a part
   * where the package holds a file or folder named like a logo or any image, and as applying to
   * nothing else.
   */
  logo?: { expression: string; start: number; end: number };
  /**
   * A bundler's licence file (bundle.ts): the package's own licence, from its text above the
   * bundled sections (null when there is none), and the bundled code's licences ANDed (null when
   * no section names one). `expression` is both ANDed.
   */
  bundle?: { own: string | null; bundled: string | null };
}
