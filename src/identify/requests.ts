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
// binds ("must", "shall", "required to", "only if", "unless" …) is no request, and is judged as any
// words beside a licence are (a "payment is not required for personal use, but companies must pay"
// stays a term).

/** "… payment … is not required but is expected / appreciated / welcome / encouraged". */
const NOT_REQUIRED = /\b(?:payment|donation|donations|contribution|contributions|compensation|support|sponsorship|fee)\b(?: \S+){0,12}? (?:is|are) not (?:required|mandatory|compulsory|obligatory)(?: \S+){0,2}? but (?:is |are |it is |would be )?(?:expected|appreciated|welcome|welcomed|encouraged|requested)\b/;
/** Words that bind, anywhere in the paragraph, make it no request. */
const BINDING = /\b(?:must|shall|required to|requires?|obliged|obligat\w*|may not|cannot|prohibit\w*|forbid\w*|only if|provided that|on condition|unless|in exchange|royalt\w*|licen[cs]e fee|invoice\w*|terminat\w*|revok\w*)\b/;

/** A request found among a run's words: its first and last position in the run, and its words. */
export interface Request {
  from: number;
  to: number;
  words: string;
}

/**
 * The paragraph of `words` (normalised words of one stretch, `lines` their line numbers; a blank
 * line between two words ends a paragraph) that asks for a payment it says is not required and
 * binds nothing; undefined when there is none.
 */
export function voluntaryRequest(words: readonly string[], lines: readonly number[]): Request | undefined {
  const joined = words.join(' ');
  if (!joined.includes(' not ')) return undefined;
  const found = NOT_REQUIRED.exec(joined);
  if (!found) return undefined;
  const at = joined.slice(0, found.index).split(' ').length - 1;
  let from = at;
  while (from > 0 && lines[from - 1]! >= lines[from]! - 1) from--;
  let to = at;
  while (to < words.length - 1 && lines[to + 1]! <= lines[to]! + 1) to++;
  const paragraph = words.slice(from, to + 1).join(' ');
  if (BINDING.test(paragraph.replace(found[0], ' '))) return undefined;
  return { from, to, words: paragraph };
}
