// A package's third-party notices file: THIRD-PARTY-NOTICES.md (prettier), ThirdPartyNoticeText.txt
// (TypeScript), ThirdPartyNotices.txt, THIRD_PARTY_LICENSES. It lists the code a package bundles
// from other projects and the licences that code is under: parts of the package, like a vendor
// folder's licence files, whose licences apply besides the package's own and say nothing of it.
//
// Some such files say they are there for information only, the package's licensor granting the
// bundled code under the package's own terms (Microsoft's: "Such licenses and notices are provided
// for informational purposes only. Microsoft, not the third party, licenses the Third Party Code to
// you under the terms set forth in the EULA for the Microsoft Product."). Those add no licence.
//
// Names only, and no identification code: the scan reads this before the engine loads.

/**
 * Names of third-party notices files, with any suffix (.md, .txt): THIRD-PARTY-NOTICES.md,
 * ThirdPartyNoticeText.txt, 3rdpartylicenses.txt, and licence files that say they are third
 * parties' (LICENSE-THIRD-PARTY.md, LICENSE.3rdparty). Data files are left to the caller's own test.
 */
const THIRD_PARTY_NAME = /^(?:(?:third[-_ ]?party|3rd[-_ ]?party)[-_ ]?(?:notices?|notice[-_ ]?text|licen[cs]es?|software[-_ ]?notices?)|licen[cs]es?[-._ ]?(?:third[-_ ]?party|3rd[-_ ]?party))(?:[-._].*)?$/i;

/** True for the name of a third-party notices file. */
export function isThirdPartyNotices(name: string): boolean {
  // Asked of every licence file's name: most are told apart by their first letter (t, T, 3, l, L).
  const first = name.charCodeAt(0) | 0x20;
  return (first === 0x74 || first === 0x6c || name.charCodeAt(0) === 0x33) && THIRD_PARTY_NAME.test(name);
}

/**
 * The licensor's statement that it grants the bundled code under the package's own terms, the
 * notices being for information only (normalised words). Both halves must be there: a file that
 * only calls itself informational still lists licences that apply.
 */
const RELICENSED = /\b(?:\w+ )?not the third party licen[cs]es the third party (?:code|material|components?|software) to you under the terms (?:set forth|of|in)\b/;
const FOR_INFORMATION = /\b(?:are |is )?provided for informational purposes only\b/;

/** The words an informational statement cannot be without, in a raw text: only a text that has them is normalised to look for it. */
const MAY_STATE = /\bnot\s+the\s+third[\s-]+party\b/i;

/** Whether `text` (raw) may make an informational statement ({@link informationalStatement}). */
export function mayStateInformational(text: string): boolean {
  return MAY_STATE.test(text);
}

/**
 * When a third-party notices text (its normalised words, joined by spaces) says its licences are
 * listed for information only and the package's licensor grants the bundled code under the
 * package's own terms, the words that say so; else undefined.
 */
export function informationalStatement(words: string): string | undefined {
  const relicensed = RELICENSED.exec(words);
  if (!relicensed || !FOR_INFORMATION.test(words)) return undefined;
  return relicensed[0];
}

/**
 * A notices file that lists no licence itself but says where they are: in a "sidecar" licence file
 * beside each bundle, under a folder it names (playwright-core's ThirdPartyNotices.txt: "This
 * package bundles third-party software inside individual files under `lib/`. Each bundled output
 * has a sidecar `<bundle>.js.LICENSE` file next to it …"). The raw text, not normalised: the folder
 * is read from it.
 */
const SIDECAR = /\bsidecar\b[^.]{0,80}?`?<[\w -]+>(?:\.[\w-]+)*\.licen[cs]e(?:\.\w+)?`?/i;
/** "under `lib/`", "under lib/": a folder in backticks, or with its slash. */
const UNDER_FOLDER = /\bunder\s+(?:`((?:[\w.-]+\/)*[\w.-]+)\/?`|((?:[\w.-]+\/)+))/gi;

/**
 * The folders (relative to the notices file's own) that the text says hold its sidecar licence
 * files, or undefined when it says no such thing or names no folder inside the package.
 */
export function sidecarFolders(text: string): string[] | undefined {
  if (!SIDECAR.test(text)) return undefined;
  const folders = [...text.matchAll(UNDER_FOLDER)].map((found) => (found[1] ?? found[2]!).replace(/\/+$/, '')).filter((folder) => folder !== '' && !folder.startsWith('/') && !folder.split('/').some((segment) => segment === '..' || segment === '.'));
  return folders.length > 0 ? [...new Set(folders)] : undefined;
}

/** A sidecar licence file's name: `utilsBundle.js.LICENSE`, `main.js.LICENSE.txt`, `webp_codec.LICENSE`. */
export function isSidecarLicence(name: string): boolean {
  return /^[^.].*\.licen[cs]e(?:\.(?:txt|md))?$/i.test(name);
}
