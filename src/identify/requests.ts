// A licence's request for payment that it says is not required. node-forge's LICENSE, above its
// choice of the BSD licence or the GPL:
//
//   If you are a commercial entity and use this set of libraries in your commercial software then
//   reasonable payment to Digital Bazaar, if you can afford it, is not required but is expected
//   and would be appreciated. If this library saves you time, then it's saving you money. The cost
//   of developing the Forge software was on the order of several hundred hours and tens of
//   thousands of dollars. We are attempting to strike a balance between helping the development
//   community while not being taken advantage of by lucrative commercial entities for our efforts.
//
// That is no term: nothing is owed. It is what the authors ask of those who profit, which is what
// copyfair exists to show, so it is reported with the identification (and the scan's verdict
// notes it), not dropped. The whole paragraph is the request. Fail closed: a paragraph that also
// binds ("must", "shall", "required to", "only if", "unless" …) or restricts ("for personal use",
// "non-commercial", "only" …) is no request, and is judged as any words beside a licence are (a
// "payment is not required for personal use, but companies must pay" stays a term, and so does
// "This library is for non-commercial use. A donation is not required but is appreciated.").
//
// The same words the other way round ("A donation and/or attribution are appreciated, but not
// required": stream-length's README, below "WTFPL or CC0") are a request too. Asking only for
// credit ("I would appreciate attribution, but that is not required by the license": railroad-
// diagrams; "it would be courteous to let the author know, but it is not compulsory") asks for no
// payment: a courtesy, which sets no term and is not reported ({@link withoutCourtesies}).

/** What may be asked for money. */
const PAID = String.raw`(?:payment|payments|donation|donations|contribution|contributions|compensation|support|sponsorship|fee)`;
/** What may be asked as a courtesy. */
const CREDIT = String.raw`(?:attribution|credit|credits|acknowledgment|acknowledgments|a link back|link back|a mention)`;
const ASKED = String.raw`(?:an? |any )?(?:${PAID}|${CREDIT})(?: (?:and|or|and or) (?:an? |any )?(?:${PAID}|${CREDIT}))?`;
const NOT_REQUIRED_WORDS = String.raw`not (?:required|mandatory|compulsory|obligatory|necessary)`;

/** "… payment … is not required but is expected / appreciated / welcome / encouraged". */
const NOT_REQUIRED = new RegExp(String.raw`\b${PAID}\b(?: \S+){0,12}? (?:is|are) not (?:required|mandatory|compulsory|obligatory)(?: \S+){0,2}? but (?:is |are |it is |would be )?(?:expected|appreciated|welcome|welcomed|encouraged|requested)\b`);
/**
 * "A donation and/or attribution are appreciated, but not required", "I would appreciate a donation,
 * but it is not required", "it would be courteous to let the author know, but it is not compulsory".
 */
const APPRECIATED = new RegExp(
  String.raw`\b(?:${ASKED} (?:is |are |would be )?(?:always |greatly |much |very much )?(?:appreciated|welcome|welcomed|encouraged)|(?:i|we) (?:would |will |do )?(?:greatly |really )?(?:appreciate|welcome) ${ASKED}|(?:it )?would be (?:courteous|nice|appreciated) to (?:let|tell|inform) (?:the )?(?:author|authors|maintainer|maintainers|us|me)(?: know)?)(?: \S+){0,2}? but (?:it |that |this |they )?(?:is |are )?${NOT_REQUIRED_WORDS}(?: by (?:the|this|its|our) (?:licen[cs]e|terms))?\b`,
  'g',
);
const PAID_WORD = new RegExp(String.raw`\b${PAID}\b`);
/** Words that bind, anywhere in the paragraph, make it no request. */
const BINDING = /\b(?:must|shall|required to|requires?|obliged|obligat\w*|may not|cannot|prohibit\w*|forbid\w*|only|unless|in exchange|royalt\w*|licen[cs]e fee|invoice\w*|terminat\w*|revok\w*|provided that|on condition)\b/;
/** Words that restrict who may use the work, or for what, make it no request either. */
const RESTRICTING = /\b(?:personal|private|non ?commercial\w*|non ?profit\w*|educational|academic|evaluation|internal|not for|not be used|not (?:be )?(?:allowed|permitted)|(?:written|prior|express|explicit) permission|permission (?:of|from))\b/;

/** A request found among a run's words: its first and last position in the run, and its words. */
export interface Request {
  from: number;
  to: number;
  words: string;
}

/**
 * The paragraph of `words` (normalised words of one stretch, `lines` their line numbers; a blank
 * line between two words ends a paragraph) that asks for a payment it says is not required and
 * binds nothing; undefined when there is none. With `phrase`, the request is the asking words
 * alone (and "a", "we would" … before them), the paragraph's other words left to be judged: where
 * a licence is only named, its name may share the request's line ("WTFPL or CC0, whichever you
 * prefer. A donation … appreciated, but not required"), and the paragraph must not hide it.
 */
export function voluntaryRequest(words: readonly string[], lines: readonly number[], phrase = false): Request | undefined {
  const joined = words.join(' ');
  if (!joined.includes(' not ')) return undefined;
  const found = NOT_REQUIRED.exec(joined) ?? paidAppreciation(joined);
  if (!found) return undefined;
  const at = joined.slice(0, found.index).split(' ').length - 1;
  // The paragraph: nothing else in it may bind or restrict.
  let first = at;
  while (first > 0 && lines[first - 1]! >= lines[first]! - 1) first--;
  let last = at;
  while (last < words.length - 1 && lines[last + 1]! <= lines[last]! + 1) last++;
  const rest = words.slice(first, last + 1).join(' ').replace(found[0], ' ');
  if (BINDING.test(rest) || RESTRICTING.test(rest)) return undefined;
  if (!phrase) return { from: first, to: last, words: words.slice(first, last + 1).join(' ') };
  let from = at;
  while (from > 0 && LEAD.has(words[from - 1]!) && lines[from - 1] === lines[from]) from--;
  const to = at + found[0].split(' ').length - 1;
  return { from, to, words: words.slice(from, to + 1).join(' ') };
}

/** Words that open the asking phrase: "a donation …", "we would appreciate …". */
const LEAD = new Set(['a', 'an', 'any', 'i', 'we', 'would', 'it', 'also']);

/**
 * Whether `joined` has the words every {@link APPRECIATED} match has: a few string searches, where
 * the expression itself, tried on every run of words with a "not" in it, cost a first scan of the
 * real tree ~17 ms.
 */
function mayAppreciate(joined: string): boolean {
  return (
    joined.includes(' but ') &&
    (joined.includes('apprecia') || joined.includes('welcome') || joined.includes('encourage') || joined.includes('courteous') || joined.includes('nice')) &&
    (joined.includes('required') || joined.includes('mandatory') || joined.includes('compulsory') || joined.includes('obligatory') || joined.includes('necessary'))
  );
}

/** The first "… appreciated, but not required" that asks for money. */
function paidAppreciation(joined: string): RegExpExecArray | undefined {
  if (!mayAppreciate(joined)) return undefined;
  APPRECIATED.lastIndex = 0;
  for (let found = APPRECIATED.exec(joined); found; found = APPRECIATED.exec(joined)) if (PAID_WORD.test(found[0])) return found;
  return undefined;
}

/**
 * `joined` (words joined by single spaces) with each request for credit alone that the text says
 * is not required blanked to " | " ("I would appreciate attribution, but that is not required by
 * the license"): a courtesy sets no term. Requests for money are left for {@link voluntaryRequest}.
 */
export function withoutCourtesies(joined: string): string {
  if (!joined.includes(' not ') || !mayAppreciate(joined)) return joined;
  return joined.replace(APPRECIATED, (found) => (PAID_WORD.test(found) ? found : ' | '));
}
