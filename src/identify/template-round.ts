// The template path of a matching round: before (and instead of) similarity, the few best-ranked
// known texts are matched against their SPDX templates. A template match is exact in the sense of
// the SPDX Matching Guidelines (the holder's name in BSD's clause 3, GPL with or without its
// appendix), so it scores 1 and needs no alignment.
import type { Corpus } from './corpus.js';
import type { Normalised } from './normalise.js';
import type { Located, Query } from './similarity.js';
import { matchTemplate, matchTemplateAll, type TemplateSpan } from './template-match.js';
import { templateOf, type Template } from './templates.js';
import { has, SHINGLE_SIZE } from './shingles.js';

/** Ranked candidates tried against their templates each round. */
const TEMPLATE_CANDIDATES = 3;
/** Share of its shingles a known text needs in the file before its template is tried. */
const MIN_TEMPLATE_CONTAINMENT = 0.5;
/**
 * A known text that the file holds this much of, and that is clearly longer than the template
 * match, may quote the matched licence (FSL quotes MIT, SSH-OpenSSH quotes SSH-short): the round
 * is then left to similarity, which prefers the covering text.
 */
const COVERING_CONTAINMENT = 0.5;

/** A template match as a located stretch, with the twin whose template matched as well, if any. */
export interface TemplateFound extends Located {
  undecided?: Located;
}

/** The SPDX template for a corpus entry: its own id's, or that of an id sharing its text. */
export function templateForEntry(corpus: Corpus, entry: number): Template | undefined {
  const known = corpus.entries[entry];
  if (!known) return undefined;
  for (const id of [known.id, ...known.alsoIds]) {
    const template = templateOf(id);
    if (template) return template;
  }
  return undefined;
}

/**
 * The best template match among the round's top candidates (`ranked`, best first), with every
 * other place the same template matches, in file order; empty when none matches or a longer known
 * text may enclose the match.
 */
export function templateRound(text: Normalised, covered: Uint8Array, corpus: Corpus, ranked: readonly number[], query: Query): TemplateFound[] {
  const matches: { entry: number; spans: TemplateSpan[]; from: number; to: number; required: number }[] = [];
  for (const entry of ranked.slice(0, TEMPLATE_CANDIDATES)) {
    if ((query.containment?.get(entry) ?? 0) < MIN_TEMPLATE_CONTAINMENT) continue;
    const template = templateForEntry(corpus, entry);
    if (!template) continue;
    const spans = matchTemplateAll(template, text.words, covered, text.lines);
    if (spans.length === 0) continue;
    const longest = spans.reduce((a, b) => (b.to - b.from > a.to - a.from ? b : a));
    matches.push({ entry, spans, ...longest, required: template.required });
  }
  if (matches.length === 0) return [];
  // The longest match, then the template that asks most of the text (the more specific licence).
  matches.sort((a, b) => b.to - b.from - (a.to - a.from) || b.required - a.required || a.entry - b.entry);
  const best = matches[0]!;
  const span = best.to - best.from + 1;
  const bestId = corpus.entries[best.entry]!.id;
  for (const entry of ranked) {
    const other = corpus.entries[entry]!;
    if (other.id === bestId) continue;
    // (Where the template matches more than once, the longer text must enclose the match itself:
    // its containment over the whole file adds up what it shares with each copy.)
    if ((query.containment?.get(entry) ?? 0) >= COVERING_CONTAINMENT && other.words > span * 1.2 + 10 && (best.spans.length === 1 || enclosedBy(query, other.shingles, other.words, best, best.spans))) return [];
  }
  const twin = matches.find(
    (other) => corpus.entries[other.entry]!.id !== bestId && other.from === best.from && other.to === best.to && other.required === best.required,
  );
  return best.spans.map((found) => {
    const located: TemplateFound = { entry: best.entry, from: found.from, to: found.to, dice: 1 };
    if (twin && found.from === best.from) located.undecided = { entry: twin.entry, from: twin.from, to: twin.to, dice: 1 };
    return located;
  });
}

/**
 * Whether a longer known text may enclose a template match that the file holds more than once:
 * besides what the match itself shares with it, the words it could reach beyond the match (its
 * extra length, on either side) hold at least half of its own extra shingles, as FSL around MIT
 * would. Counted over the whole file instead, an HPND text, whose disclaimer is ISC's, was held
 * half by a notices file of ISC and MIT sections (@aws-cdk/core 1.x's NOTICE): the ISC template
 * was refused, and similarity aligned one stretch across the seam of two adjacent ISC copies and
 * read it as changed, unknown. (A single match keeps the whole-file rule: a title beside one
 * copy is then judged by the similarity path, as it always was.)
 */
function enclosedBy(query: Query, shingles: Uint32Array, words: number, { from, to }: TemplateSpan, copies: readonly TemplateSpan[]): boolean {
  if (shingles.length === 0) return false;
  const reach = words - (to - from + 1);
  const outside = new Set<number>();
  const last = query.shingles.length - 1;
  // (Not the template's other copies: an adjacent copy holds what the longer text shares with this one.)
  const inCopy = (at: number) => copies.some((copy) => at >= copy.from - SHINGLE_SIZE + 1 && at <= copy.to);
  for (const [start, end] of [[Math.max(0, from - reach), from - 1], [to - SHINGLE_SIZE + 2, Math.min(last, to + reach)]] as const) {
    for (let at = start; at <= end; at++) {
      const shingle = query.shingles[at]!;
      if (query.masked[at] === 0 && !inCopy(at) && has(shingles, shingle)) outside.add(shingle);
    }
  }
  return outside.size >= COVERING_CONTAINMENT * (reach / words) * shingles.length;
}

/** Contenders (besides the pick) whose templates are tried when the pick's own does not match. */
const UPGRADE_CONTENDERS = 4;
/** How far below the pick's score a contender may be and still have its template tried. */
const UPGRADE_WINDOW = 0.1;
/** Share of the pick's stretch a contender's template match must span. */
const CONTENDER_SHARE = 0.8;

/**
 * The similarity pick upgraded to a template match over the same stretch: the pick's own template,
 * else that of a close contender (a near twin the text is in fact an exact copy of); otherwise
 * the pick unchanged.
 */
export function upgradeByTemplate(pick: Located, located: readonly Located[], text: Normalised, covered: Uint8Array, corpus: Corpus): Located {
  if (pick.dice >= 1) return pick;
  const contenders = [pick, ...located.filter((other) => other !== pick && other.dice >= pick.dice - UPGRADE_WINDOW).slice(0, UPGRADE_CONTENDERS)];
  const tried = new Set<string>();
  for (const candidate of contenders) {
    const template = templateForEntry(corpus, candidate.entry);
    if (!template || tried.has(template.id)) continue;
    tried.add(template.id);
    const span = matchTemplate(template, text.words, covered, text.lines);
    // The template must sit in the stretch similarity found, not in some other part of the file.
    if (!span || span.to < pick.from || span.from > pick.to) continue;
    // Another licence's template must hold most of the stretch: a licence quoted inside the one
    // similarity found (SSLeay inside OpenSSL) is not an upgrade.
    if (candidate !== pick && span.to - span.from + 1 < CONTENDER_SHARE * (pick.to - pick.from + 1)) continue;
    return { entry: candidate.entry, from: span.from, to: span.to, dice: 1 };
  }
  return pick;
}
