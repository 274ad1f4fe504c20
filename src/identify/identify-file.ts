// Identification of a file on disk: reads it safely (no binaries, no huge files) and records its
// hash, so a clarification pinned to the hash re-opens when the file changes (DESIGN §4).
import { hash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { identifyKnownFile, identifyText } from './identify.js';
import { withDirectionOverrides } from './direction-overrides.js';
import { identifyReadmeSection } from './named.js';
import { loadKnowledgeBase } from '../kb/index.js';
import { identifyBundle } from './bundle.js';
import { identifyLicenceTable } from './licence-table.js';
import { identifyMicrosoftNotices } from './microsoft-notices.js';
import { identifySubcomponents } from './subcomponents.js';
import { identifyDualOffer } from './dual-offer.js';
import { identifyLicenceList } from './licence-list.js';
import { identifyRepositoryMap } from './repository-map.js';
import { identifyNamedOpenCore, identifyOpenCore } from './open-core.js';
import { readStringOnce } from './declared.js';
import { decodeEntities, isReadme, licenceSection } from './readme.js';
import { isThirdPartyNotices, sidecarFolders } from './third-party.js';
import { informationalIn, opensAsMicrosoftNotices, sourceOfferPreambleOnly, withoutMicrosoftPreamble, withoutSourceOfferPreamble } from './microsoft-notices.js';
import { judgeSurrounding } from './surroundings.js';
import { isPermissiveId } from './family-words.js';
import { licencePointers } from './pointers.js';
import { normalise } from './normalise.js';
import { knownSection } from './known-statements.js';
import { README_CONFIDENCE } from './notices.js';
import type { Identification } from './types.js';
import { decodeLicenceText, looksBinary } from './decode.js';

export { decodeLicenceText, looksBinary };

/** Licence files are small; anything larger is not one, and reading it would only cost time. */
export const MAX_LICENCE_FILE_BYTES = 1024 * 1024;

/** An identified file: the identification, the path as given, and the SHA-256 of its bytes. */
export type FileIdentification = Identification & { file: string; sha256: string };

/** Why a file could not be identified. */
export type IdentifyFileProblem = 'missing' | 'not-a-file' | 'unreadable' | 'binary' | 'too-large';

/** A file that cannot be identified, with a message that names it and says why. */
export class IdentifyFileError extends Error {
  constructor(
    readonly file: string,
    readonly problem: IdentifyFileProblem,
    message: string,
  ) {
    super(message);
    this.name = 'IdentifyFileError';
  }
}

/**
 * Reads and identifies the licence text at `path`. Rejects with an {@link IdentifyFileError} when
 * the file is missing, not a regular file, unreadable, binary or over {@link MAX_LICENCE_FILE_BYTES}.
 */
export async function identifyFile(path: string): Promise<FileIdentification> {
  const bytes = await readLicenceFile(path);
  return { file: path, sha256: hash('sha256', bytes, 'hex'), ...identifyLicenceText(path, decodeLicenceText(bytes)) };
}

/**
 * What `scan` and `identify` both call for a file's text, so the same file gets the same answer
 * in both: a README's "License" section (lines counted in the README), any other file whole.
 */
export function identifyLicenceText(path: string, text: string): Identification & { section?: number } {
  const name = path.split(/[\\/]/).pop() ?? '';
  if (/\.html?$/i.test(name)) return readAround(identifyFileText(name, htmlAsText(text)), text, 0);
  if (!isReadme(name)) return readAround(identifyFileText(name, text), text, 0);
  const section = licenceSection(text);
  if (!section) return { expression: null, matches: [], candidates: [] };
  return readAround(identifyReadmeLicence({ ...section, text: withoutLinkTargets(section.text) }), section.text, section.line - 1);
}

/**
 * What every file's answer is read against in the text as written (`shift`: the lines above it, a
 * README's section starting below line 1): terms by a web address, a direction override, pointers
 * to other licence files.
 */
function readAround<T extends Identification>(found: T, written: string, shift: number): T {
  return withPointers(withDirectionOverrides(withTermsAddresses(found, written, shift), written, shift), written);
}

/**
 * A web address whose path names terms, prices or a shop ("https://acme.example/terms",
 * ".../pricing", ".../legal/eula"), beside a licence: terms by reference, which a scan cannot read
 * (it reads nothing from the network). "MIT" above "See https://acme.example/terms" read as MIT,
 * free, as did an MIT text above a pricing page's address. The licence stewards' own addresses
 * (Eclipse's and the W3C's licences live under /legal/) name licences, and are read as such.
 */
const ADDRESS = /\bhttps?:\/\/([a-z0-9.-]{1,253})(\/[^\s<>()"'`\]]{0,500})/gi;
const TERMS_PATH = /(?:^|[/_.\-?#=&])(?:terms|tos|eula|legal|pricing|prices?|commercial|enterprise|subscriptions?|subscribe|buy|purchase|store|shop|sales|polic(?:y|ies)|conditions|agreement)(?=$|[/_.\-?#=&])/i;
const LICENCE_STEWARDS = /(?:^|\.)(?:opensource\.org|spdx\.org|isc\.org|zlib\.net|postgresql\.org|sqlite\.org|php\.net|ruby-lang\.org|openldap\.org|apache\.org|gnu\.org|fsf\.org|creativecommons\.org|mozilla\.org|eclipse\.org|w3\.org|wtfpl\.net|unlicense\.org|choosealicense\.com|boost\.org|unicode\.org|python\.org|json\.org|perl\.org|opendatacommons\.org|openssl\.org)$/i;

function allPermissive(expression: string): boolean {
  return expression.split(/\s+|[()]/).every((part) => part === '' || part === 'AND' || part === 'OR' || isPermissiveId(part));
}

/**
 * The identification, unknown when a line outside the licence texts it matched holds an address of
 * terms ({@link TERMS_PATH}); `shift` is what the text's lines add to the identification's (a
 * README's section starts below line 1).
 */
function withTermsAddresses<T extends Identification>(found: T, text: string, shift: number): T {
  // An open-core file's other terms are those of the folders it names (the scan looks for them).
  if (found.expression === null || found.scopedFolders || found.scopedNames || !allPermissive(found.expression) || !text.includes('://') || !/terms|tos|eula|legal|pric|commercial|enterprise|subscri|buy|purchase|store|shop|sales|polic|conditions|agreement/i.test(text)) return found;
  const texts = found.matches.filter((match) => match.via === undefined);
  const stretches: { start: number; end: number; words: string }[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, at) => {
    if (!line.includes('://')) return;
    const number = at + 1 + shift;
    if (texts.some((match) => number >= match.start && number <= match.end)) return;
    for (const [address, host, path] of line.matchAll(ADDRESS)) {
      if (LICENCE_STEWARDS.test(host!) || !TERMS_PATH.test(path!.replace(/\/+$/, ''))) continue;
      stretches.push({ start: number, end: number, words: `terms at ${address}, which a scan does not read` });
    }
  });
  if (stretches.length === 0) return found;
  return { ...found, expression: null, unexplained: [...(found.unexplained ?? []), ...stretches] };
}

/**
 * A licence file written as HTML (through2 2.0's LICENSE.html, a Markdown file rendered with its
 * page's stylesheet; sax's LICENSE-W3C.html) as its text: style sheets and scripts dropped, tags
 * made spaces, the common entities decoded, every line kept where it was. Comments are kept and
 * read (a browser hides them, but a term written there is still written). The stylesheet's words
 * were read as terms.
 */
function htmlAsText(html: string): string {
  const blank = (found: string) => found.replace(/[^\r\n]/g, ' ');
  const codePoint = (found: string, code: number) => (code > 0 && code < 0x110000 ? String.fromCodePoint(code) : found);
  return withoutElements(html, ['style', 'script'], blank)
    .replace(/<!--|-->/g, blank)
    .replace(/<[^<>]{0,2000}>/g, blank)
    .replace(/&#(\d{1,7});/g, (found, code: string) => codePoint(found, Number(code)))
    .replace(/&#x([0-9a-f]{1,6});/gi, (found, code: string) => codePoint(found, Number.parseInt(code, 16)))
    .split(/(\r?\n)/)
    .map((part) => (part.includes('\n') ? part : decodeEntities(part).replace(/&nbsp;/g, ' ')))
    .join('');
}

/**
 * The text with each element of these names, from its opening tag to its closing one, blanked; an
 * element left open is left as it is. One pass, searching forward only (a page of a thousand
 * unclosed `<style>` tags costs no more than one).
 */
function withoutElements(html: string, names: readonly string[], blank: (found: string) => string): string {
  const lower = html.toLowerCase();
  let out = '';
  let from = 0;
  for (;;) {
    let open = -1;
    let name = '';
    for (const candidate of names) {
      const at = lower.indexOf(`<${candidate}`, from);
      if (at !== -1 && (open === -1 || at < open)) [open, name] = [at, candidate];
    }
    if (open === -1) break;
    const close = lower.indexOf(`</${name}`, open);
    const end = close === -1 ? -1 : lower.indexOf('>', close);
    if (end === -1) break;
    out += html.slice(from, open) + blank(html.slice(open, end + 1));
    from = end + 1;
  }
  return out + html.slice(from);
}

/**
 * A README section's Markdown links and images as their text alone: "[MIT](https://github.com/…/license)
 * © [Titus Wormer](http://wooorm.com)" (franc) reads "MIT © Titus Wormer", and a badge
 * "[![FOSSA Status](https://app.fossa.com/…)](https://app.fossa.com/…)" its alt text. An address
 * is where a word points, not a word of the licence (the pointers are read from the section as it
 * is). Lines are kept.
 */
function withoutLinkTargets(text: string): string {
  // Twice: a badge is an image inside a link.
  const markdown = text.replace(MARKDOWN_LINK, linkText).replace(MARKDOWN_LINK, linkText);
  return markdown.includes('<') ? markdown.replace(HTML_ANCHOR, '').replace(HTML_IMAGE, (image) => ALT.exec(image)?.[1] ?? '') : markdown;
}

// The same written in HTML, as READMEs write badges (@middy/core's FOSSA badge, `<a href="…"><img
// src="…" alt="FOSSA Status" style="…"></a>`): a link's tags go, an image is its alt text. (No "<"
// inside a tag: each is read to the next "<" at most.)
const HTML_ANCHOR = /<a\s[^<>]*>|<\/a\s*>/gi;
const HTML_IMAGE = /<img\s[^<>]*>/gi;
const ALT = /\balt\s*=\s*"([^"<>]{0,300})"/i;

/** A Markdown link or image, its text or alt text and its address captured: `[text](address "title")`, `![alt](image)`. */
const MARKDOWN_LINK = /!?\[([^\]\n]{0,300})\]\(([^)\s]{0,1000})(?:\s+"[^"\n]{0,300}")?\)/g;

/**
 * The address of a licence's own page (its deed or text where its steward publishes it): it names
 * the licence, and is kept beside the link's text ("[CC0](https://creativecommons.org/publicdomain/
 * zero/1.0/)" is CC0-1.0; stream-length's README; "[MIT](…/by-nc/4.0/)" is read as the address says).
 */
const LICENCE_ADDRESS = /^https?:\/\/(?:www\.)?(?:creativecommons\.org\/(?:licenses|publicdomain)\/|opensource\.org\/licenses?\/|spdx\.org\/licenses\/|apache\.org\/licenses\/|gnu\.org\/licenses\/|wtfpl\.net\/|unlicense\.org\b|mozilla\.org\/(?:en-US\/)?MPL\/)/i;

function linkText(link: string, text: string, address: string): string {
  return !link.startsWith('!') && LICENCE_ADDRESS.test(address) ? `${text} (${address})` : text;
}

/** An identification with the licence files of code in the package's folders that `read` (the text, or a README's section) points to. */
function withPointers<T extends Identification>(found: T, read: string): T {
  const pointers = licencePointers(read);
  return pointers ? { ...found, pointers } : found;
}

/** A licence file's text other than a README's, read whole. */
function identifyFileText(name: string, original: string): Identification {
  // A notices file that is Microsoft's preamble alone lists no component: it adds nothing. Above
  // components, the preamble is no term of theirs (its LGPL sentence grants no LGPL): blanked.
  // A NOTICE file that opens as Microsoft's notices is one too (TypeScript 7's NOTICE.txt); a
  // LICENSE with the same words is read as a licence file.
  const notices = isThirdPartyNotices(name) || (/^notice(?:[-._]|$)/i.test(name) && opensAsMicrosoftNotices(original));
  const none = notices ? sourceOfferPreambleOnly(original) : undefined;
  if (none) return { expression: null, matches: [], candidates: [], listsNone: none };
  const text = notices ? withoutSourceOfferPreamble(original) : original;
  const read = identifyKnownFile(text) ?? identifyOpenCore(text, identifyText) ?? identifyNamedOpenCore(text, identifyText) ?? identifyMicrosoftNotices(text, identifyText, readLicenceLine) ?? identifySubcomponents(text, identifyText, readLicenceLine) ?? identifyDualOffer(text, readLicenceLine) ?? identifyLicenceList(text, readLicenceLine) ?? identifyRepositoryMap(text, readLicenceLine) ?? identifyBundle(text, identifyText, readLicenceLine) ?? identifyText(text);
  if (!notices) return read;
  // A notices file that is a table of the bundled libraries and their licences, as sharp-libvips'
  // README holds it (wasm-vips' THIRD-PARTY-NOTICES.md: the same table), when nothing else reads it.
  const table = read.expression === null ? identifyLicenceTable(text, readLicenceLine) : undefined;
  const found = table?.expression ? table : read;
  const informational = informationalPreamble(text, found);
  if (informational) return { ...found, informational };
  const sidecars = found.expression === null && found.matches.length === 0 ? sidecarPointer(text) : undefined;
  if (!sidecars) return found;
  const { unexplained: _told, ...pointer } = found;
  return { ...pointer, candidates: [], sidecars };
}

/** A README's "License" section, with its lines counted in the README. */
function identifyReadmeLicence(section: { text: string; line: number }): Identification & { section: number } {
  const shift = section.line - 1;
  // A section known word for word (known-statements.ts).
  const normalised = normalise(section.text);
  const known = knownSection(normalised.words);
  if (known) {
    const end = shift + (normalised.lines[normalised.lines.length - 1] ?? 1);
    return { expression: known.expression, matches: [{ id: known.expression, confidence: README_CONFIDENCE, start: section.line, end, via: 'notice', rule: `copyfair:known-section (${known.source})` }], candidates: [], source: 'readme', section: section.line };
  }
  // A table of bundled libraries and their licences (prebuilt binaries: sharp-libvips).
  const table = identifyLicenceTable(section.text, readLicenceLine);
  if (table) return { ...shifted(table, shift), source: 'readme', section: section.line };
  // A list of licences and whether they are a choice (rustls's crates: "hyper-rustls is distributed
  // under the following three licenses: …, at your option").
  const list = identifyLicenceList(section.text, readLicenceLine);
  if (list?.expression) return { ...shifted(list, shift), source: 'readme', section: section.line };
  // A whole licence text pasted into the README is read as such; otherwise the section is read as
  // a README notice ("Released under the MIT licence"), with the README's lower confidence.
  const whole = identifyText(section.text);
  const fullText = whole.expression !== null && whole.matches.some((match) => !match.via);
  const readme = fullText ? undefined : identifyReadmeSection(section.text);
  const found = readme?.expression ? readme : whole;
  return { ...shifted(found, shift), section: section.line };
}

/**
 * The folders a third-party notices file that names no licence says hold its sidecar licence files
 * (third-party.ts), when nothing else in it restricts or sets a condition (Microsoft's sentence
 * reserving the rights it does not grant is not such a term); else undefined.
 */
function sidecarPointer(text: string): string[] | undefined {
  const folders = sidecarFolders(text);
  if (!folders) return undefined;
  const words = normalise(withoutMicrosoftPreamble(text)).words;
  return words.length === 0 || judgeSurrounding(words) === 'benign' ? folders : undefined;
}

/**
 * The informational statement of a third-party notices file (third-party.ts), when its opening
 * makes it: the lines above the first licence text found. Only there does it speak for the whole
 * file; monaco-editor's notices quote TypeScript's, statement and all, as one section, which the
 * Microsoft-notices reader reads with the same test (`informationalIn`).
 */
function informationalPreamble(text: string, found: Identification): string | undefined {
  const first = found.matches.reduce((line, match) => Math.min(line, match.start), Number.POSITIVE_INFINITY);
  const opening = Number.isFinite(first) ? text.split(/\r\n|\r|\n/, first - 1).join('\n') : text;
  return informationalIn(opening);
}

/** An identification of a README section with its lines counted in the README. */
function shifted(found: Identification, shift: number): Identification {
  return {
    ...found,
    matches: found.matches.map((match) => ({ ...match, start: match.start + shift, end: match.end + shift })),
    ...(found.unexplained ? { unexplained: found.unexplained.map((stretch) => ({ ...stretch, start: stretch.start + shift, end: stretch.end + shift })) } : {}),
    ...(found.request ? { request: { ...found.request, start: found.request.start + shift, end: found.request.end + shift } } : {}),
  };
}

/** A bundle's `License:` line, read like a manifest's declared licence. */
function readLicenceLine(value: string): string | null {
  const found = readStringOnce(value, loadKnowledgeBase());
  return found.kind === 'spdx' || found.kind === 'alias' ? found.expression : null;
}


async function readLicenceFile(path: string): Promise<Buffer> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new IdentifyFileError(path, 'not-a-file', `${path} is not a file`);
    size = info.size;
  } catch (error) {
    if (error instanceof IdentifyFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new IdentifyFileError(path, 'missing', `${path}: no such file`);
    throw new IdentifyFileError(path, 'unreadable', `${path} cannot be read (${code ?? String(error)})`);
  }
  if (size > MAX_LICENCE_FILE_BYTES) {
    throw new IdentifyFileError(path, 'too-large', `${path} is ${size} bytes; a licence file is at most ${MAX_LICENCE_FILE_BYTES} bytes`);
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new IdentifyFileError(path, 'unreadable', `${path} cannot be read (${code ?? String(error)})`);
  }
  // A NUL byte in the first 8 KiB is how git and grep tell binary files; UTF-16 texts have them
  // too, but announce themselves with a byte-order mark.
  if (looksBinary(bytes)) {
    throw new IdentifyFileError(path, 'binary', `${path} looks binary, not a licence text`);
  }
  return bytes;
}
