// Negations that bear on a grant. "Permission is hereby NOT granted", "with restriction" for
// "without restriction", a lone "No" above a licence: a negation more or less turns a grant around.
// Those of a warranty disclaimer ("WITHOUT WARRANTY", "IN NO EVENT", "NOT LIMITED TO") do not count.

// Words that negate: a difference in their count turns a grant into a refusal or back.
export const NEGATIONS: ReadonlySet<string> = new Set(['no', 'not', 'never', 'none', 'nothing', 'cannot', 'without', 'nobody', 'neither', 'nor', 'non']);

// Words whose negation belongs to the disclaimer ("WITHOUT WARRANTY", "IN NO EVENT … LIABLE",
// "BUT NOT LIMITED TO"): a copy that mangles the disclaimer takes nothing from the user.
const DISCLAIMER = new Set(['warranty', 'warranties', 'liable', 'liability', 'event', 'guarantee', 'guarantees', 'damages', 'limited']);
/** How far after a negation a disclaimer word may be and make it the disclaimer's. */
export const DISCLAIMER_REACH = 4;

/**
 * The negations that bear on the grant: "neither … nor" together is one ("nor" alone is the second
 * half of one outside the difference), and those of the disclaimer do not count.
 */
export function negations(words: readonly string[], following: readonly string[] = []): number {
  const all = [...words, ...following];
  let plain = 0;
  let neither = 0;
  let nor = 0;
  words.forEach((word, at) => {
    if (!NEGATIONS.has(word) || all.slice(at + 1, at + 1 + DISCLAIMER_REACH).some((next) => DISCLAIMER.has(next))) return;
    if (word === 'neither') neither++;
    else if (word === 'nor') nor++;
    else plain++;
  });
  return plain + Math.min(neither, nor);
}

