// A README's "License" section: the licence evidence of a package that ships no licence file
// ("## License\n\nMIT © Jane", "Released under the MIT licence."). Weaker than a licence file: it
// is read only when there is none, and the report says where the answer came from.

/** README file names: README, README.md, readme.markdown, README.txt … */
const README_NAME = /^readme(\.(md|markdown|txt|rst|adoc))?$/i;

/**
 * Headings that open the section: License, Licence, Licensing, Copyright and License …, and a
 * licence heading that names the licence after it: "License (MIT)" (jest-pnp-resolver), "License:
 * MIT", "License - ISC". The section is read whole either way; the name in the heading is a title.
 */
const HEADING = /^(?:copyright\s+(?:and|&)\s+)?(?:licen[cs]e|licen[cs]ing|copying)(?:\s+(?:and|&)\s+copyright)?(?:\s+information)?(?:\s*\(([^()\n]{1,40})\)|\s*[:\u2013\u2014-]\s*([^\s:][^:\n]{0,39}))?\s*:?$/i;

/**
 * A subsection on contributing ("## Contributing" below "# License"): how contributions are
 * licensed (inbound), not the work's licence. It ends the licence section, as a heading of its
 * level would: @segment/ajv-human-errors' "All third party contributors acknowledge that any
 * contributions they provide will be made under the same open source license" read as terms below
 * its MIT text.
 */
const CONTRIBUTING = /^(?:contributing|contributions?|how to contribute)$/i;

/** True for a README file name. */
export function isReadme(name: string): boolean {
  return README_NAME.test(name);
}

/** The section's text and its first line (1-based), or null when the README has none. */
export function licenceSection(text: string): { text: string; line: number } | null {
  const lines = text.split(/\r\n|\r|\n/);
  for (let at = 0; at < lines.length; at++) {
    const level = headingLevel(lines, at);
    const heading = level === 0 ? null : HEADING.exec(headingText(lines[at]!));
    if (!heading) continue;
    // The licence a heading names ("License (MIT)") opens the section, on the heading's line.
    const named = (heading[1] ?? heading[2])?.trim();
    const start = at + (lines[at + 1] !== undefined && /^(=+|-+)\s*$/.test(lines[at + 1]!) && !lines[at]!.startsWith('#') ? 2 : 1);
    let first = start;
    while (first < lines.length && lines[first]!.trim() === '') first++;
    let end = start;
    while (end < lines.length) {
      const next = headingLevel(lines, end);
      if (next !== 0 && (next <= level || CONTRIBUTING.test(headingText(lines[end]!)))) break;
      end++;
    }
    // Markdown's link definitions ("[tests]: https://…") are the page's plumbing, not the
    // section's words, nor is the line an editor or an employer adds to every page
    // (PAGE_BOILERPLATE), and Tidelift's promotion of its paid support is no term of the licence;
    // entities are the characters they stand for. Blanked, not removed, so the lines of the
    // section keep their numbers.
    const lead = named ? [named, ...lines.slice(at + 1, start).map(() => '')] : [];
    const body = [
      ...lead,
      ...lines.slice(start, end).map((line) => (/^\s{0,3}\[[^\]]+\]:\s*\S+/.test(line) || isSupportPromotion(line) || isPageBoilerplate(line) ? '' : decodeEntities(line))),
    ]
      .join('\n')
      .trim();
    if (body !== '') return { text: body, line: named ? at + 1 : first + 1 };
  }
  return null;
}

/**
 * The two sentences Tidelift gives maintainers to advertise its paid support, as sindresorhus's
 * READMEs end their License section (type-fest 2 ships no licence file, so its README is read):
 * "Get professional support for this package with a Tidelift subscription" as a link to
 * tidelift.com, and "Tidelift helps make open source sustainable for maintainers while giving
 * companies assurances about security, maintenance, and licensing for their dependencies." Each
 * is matched whole on its line, HTML tags around it allowed: a line with any other words is read.
 */
const SUPPORT_PROMOTION = [
  /^(?:\s*<[^>]*>)*\s*(?:<a\s+href="https?:\/\/tidelift\.com\/[^"<>]*">\s*Get professional support for [\w .@/-]{1,80} with a Tidelift subscription\.?\s*<\/a>|\[Get professional support for [\w .@/-]{1,80} with a Tidelift subscription\.?\]\(https?:\/\/tidelift\.com\/[^)\s]*\))\.?(?:\s*<[^>]*>)*\s*$/i,
  /^(?:\s*<[^>]*>)*\s*Tidelift helps make open source sustainable for maintainers while giving companies(?:\s*<br\s*\/?>)?\s*assurances about security, maintenance, and licensing for their dependencies\.?(?:\s*<[^>]*>)*\s*$/i,
];

/** True for a line that is only Tidelift's promotion (see {@link SUPPORT_PROMOTION}). */
function isSupportPromotion(line: string): boolean {
  return /tidelift/i.test(line) && SUPPORT_PROMOTION.some((pattern) => pattern.test(line));
}

/**
 * Lines a README's last section often ends with that are the page's, not the licence's, each
 * matched whole on its line (emphasis, a quote mark and a "Disclaimer:" before it allowed): the
 * footer StackEdit writes ("> Written with [StackEdit](https://stackedit.io/).", cuint's README
 * below "MIT"), and the sentence Google puts on its engineers' projects ("This is not an official
 * Google product.", critters' below "[Apache 2.0](LICENSE)"). A line with any other words is read.
 */
const PAGE_BOILERPLATE = [
  /^[ \t]*(?:>[ \t]*)?[*_]{0,2}Written with \[StackEdit\]\(https?:\/\/stackedit\.io\/?\)\.?[*_]{0,2}[ \t]*$/i,
  /^[ \t]*(?:>[ \t]*)?(?:[*_]{0,2}Disclaimer[*_]{0,2}[ \t]*:(?:[ \t]*[*_]{1,2})?[ \t]*)?[*_]{0,2}This is not an official(?:ly supported)? Google (?:product|project)\.?[*_]{0,2}[ \t]*$/i,
];

function isPageBoilerplate(line: string): boolean {
  return /stackedit|google/i.test(line) && PAGE_BOILERPLATE.some((pattern) => pattern.test(line));
}

/** Markdown heading level of line `at` (ATX `#`, or setext underlines =/-), 0 when not a heading. */
function headingLevel(lines: string[], at: number): number {
  const line = lines[at]!;
  const atx = /^(#{1,6})\s+\S/.exec(line);
  if (atx) return atx[1]!.length;
  const under = lines[at + 1];
  if (line.trim() !== '' && under !== undefined && /^\s*(=+|-+)\s*$/.test(under) && !/^\s*[-*+]\s/.test(line)) return under.includes('=') ? 1 : 2;
  return 0;
}

function headingText(line: string): string {
  return withoutClosingMarks(line.replace(/^#{1,6}\s+/, '')).replace(/[*_`]/g, '').trim();
}

/**
 * An ATX heading's text without its closing `#` marks and the spaces around them ("MIT (1) ##" →
 * "MIT (1)"). Read in code: `\s*#+\s*$` tried every space of a long run to its end, and the
 * bundle reader's `(.*?)\s*#*\s*$` let a run go to three parts ("# a", 20,000 spaces and "b" did
 * not return in a minute and a half).
 */
export function withoutClosingMarks(text: string): string {
  const trimmed = text.trimEnd();
  let end = trimmed.length;
  while (end > 0 && trimmed[end - 1] === '#') end--;
  return end === trimmed.length ? trimmed : trimmed.slice(0, end).trimEnd();
}

/** A line's words without Markdown: each link or image as its text, emphasis and code marks gone. */
export function markdownWords(line: string): string {
  // (No bracket of its kind inside a link's text or address: a line of "[" was read once from each.)
  return line.replace(/!?\[([^[\]]*)\]\([^()]*\)/g, '$1').replace(/[*_`]/g, '');
}

/** The few HTML entities READMEs use in licence sections. */
export function decodeEntities(line: string): string {
  return line.replace(/&(lt|gt|amp|quot|#39|copy);/g, (_, name: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', '#39': "'", copy: '©' })[name]!);
}
