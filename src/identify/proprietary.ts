// Proprietary and commercial terms: texts that are not an open licence but say plainly what they
// are. Each class maps to a knowledge-base entry (licences/) whose rules give the verdict:
//   - a paid licence is required (EULAs with a price, "commercial use requires a licence") →
//     LicenseRef-scancode-commercial-license, payback, with the licensing URL or e-mail from the text;
//   - free below a size, paid above ("free for individuals and companies with fewer than 10
//     employees") → LicenseRef-copyfair-size-limited, with the limit read from the text;
//   - source shown for reference only ("you may view the code but not use it") →
//     LicenseRef-copyfair-reference-source, forbidden;
//   - all rights reserved and no licence granted → LicenseRef-copyfair-all-rights-reserved, forbidden.
// Only clear statements count; anything else is left to a person (unknown). Never a free answer.
import type { Identification, ParameterValue } from './types.js';

/** The ids this module reports (all in the knowledge base). */
export const PROPRIETARY_IDS = {
  commercial: 'LicenseRef-scancode-commercial-license',
  sizeLimited: 'LicenseRef-copyfair-size-limited',
  referenceSource: 'LicenseRef-copyfair-reference-source',
  allRightsReserved: 'LicenseRef-copyfair-all-rights-reserved',
} as const;

// An open grant: a text that grants rights like these is a licence with extra words, which the
// matcher and a person judge, not a proprietary notice.
const OPEN_GRANT =
  /\bpermission is hereby granted\b|\bredistribution and use in source and binary\b|\bpermission to use,? copy,? modify\b|\bis free software\b|\byou (?:can|may) redistribute (?:it|this)\b|\blicensed under the (?:mit|apache|bsd|isc|gnu|mozilla)\b|\bspdx-license-identifier\b/;

const REFERENCE_ONLY =
  /\bfor reference (?:purposes )?only\b|\breference source licen[cs]e\b|\bsolely for (?:the purposes? of )?(?:viewing|reference|review(?:ing)?)\b|\bview[- ]only\b|\bmay (?:view|read|inspect|review) (?:the |this )?(?:source )?code\b[^.]{0,120}\b(?:but|however)\b[^.]{0,80}\bnot\b/;

const NO_GRANT =
  /\bno licen[cs]e (?:is|has been|shall be)? ?(?:granted|given|implied)\b|\bnot licensed (?:to|for) (?:use|you)\b|\bno (?:right|rights|permission) (?:is|are) granted\b|\b(?:may|must|shall) not be (?:used|copied|reproduced|distributed|modified|disclosed)\b|\bwithout (?:the )?(?:express |prior )?(?:written )?(?:permission|consent)\b|\bunauthori[sz]ed (?:copying|use|reproduction|distribution)\b[^.]{0,60}\b(?:prohibited|forbidden)\b|\bproprietary and confidential\b|\bstrictly prohibited\b/;
const RESERVED = /\ball rights reserved\b|\bproprietary and confidential\b/;

// Payment: a licence must be bought, or commercial use needs a licence of its own.
const PAID =
  /\byou must (?:purchase|buy|obtain|acquire) (?:a|an)(?: valid| commercial| paid| separate)? licen[cs]e\b|\brequires? (?:a |the purchase of a |purchasing a )?(?:commercial|paid|valid) licen[cs]e\b|\b(?:commercial|paid) licen[cs]e (?:is )?(?:required|needed|must be (?:purchased|obtained|bought))\b|\bpurchase (?:a|an) (?:commercial |developer |valid )?licen[cs]e\b|\b(?:pay|paid) (?:the |a |an |any )?(?:applicable )?licen[cs]e fees?\b|\bcommercial use (?:requires|is subject to|needs)\b|\bfor commercial use,? (?:you must|please) (?:purchase|buy|obtain|contact)\b/;

// "free for individuals / personal use / small companies" and the limit above which one pays.
const FREE_SMALL = /\bfree (?:of charge )?for (?:personal|individuals?|individual use|non-?commercial|small (?:businesses|companies|teams|organi[sz]ations)|students|hobby)/;
const ABOVE = /\b(?:more than|over|above|exceeding|greater than|in excess of)\s+(\d[\d,]*)\s+(?:employees|people|staff|persons|full[- ]time)/;
const BELOW = /\b(?:fewer than|less than|under|up to|at most|no more than)\s+(\d[\d,]*)\s+(?:employees|people|staff|persons|full[- ]time)/;

/** A text that reserves all rights or shows source for reference is a notice, not pages of terms. */
const MAX_NO_GRANT_WORDS = 300;
// Words of a grant: a text that grants something is a licence to read, not a bare reservation.
const GRANTS = /\b(?:hereby grants?|grants? (?:you|to you|the licensee)|is granted to (?:any|every)|you (?:may|can) (?!not\b)(?:use|copy|modify|distribute|redistribute|reproduce))\b/;

/** The proprietary or commercial terms `text` states plainly, or undefined. */
export function classifyProprietary(text: string, words = text.split(/\s+/).length): Identification | undefined {
  const flat = text.toLowerCase().replace(/[’‘`]/g, "'").replace(/\s+/g, ' ');
  const open = OPEN_GRANT.test(flat);
  const route = payRoute(text);
  const lines = text.split(/\r\n|\r|\n/).length;
  const one = (id: string, parameters?: Record<string, ParameterValue>): Identification => ({
    expression: id,
    matches: [{ id, confidence: 1, start: 1, end: lines, via: 'terms', rule: `copyfair:${id}`, ...(parameters ? { parameters } : {}) }],
    candidates: [],
  });
  const limit = employeeLimit(flat);
  if (FREE_SMALL.test(flat) && limit !== undefined) return one(PROPRIETARY_IDS.sizeLimited, { freeBelowEmployees: limit, ...route });
  if (PAID.test(flat)) return one(PROPRIETARY_IDS.commercial, route);
  // Grants nothing: a short statement, not a licence text that mentions written permission.
  if (open || words > MAX_NO_GRANT_WORDS || GRANTS.test(flat)) return undefined;
  if (REFERENCE_ONLY.test(flat)) return one(PROPRIETARY_IDS.referenceSource);
  if (RESERVED.test(flat) && NO_GRANT.test(flat)) return one(PROPRIETARY_IDS.allRightsReserved);
  return undefined;
}

/**
 * The head count from which one pays ("free below"): "more than N employees" pay → N + 1;
 * "fewer than N" free → N; "up to N" free → N + 1.
 */
function employeeLimit(flat: string): number | undefined {
  const above = ABOVE.exec(flat);
  if (above) return Number(above[1]!.replace(/,/g, '')) + 1;
  const below = BELOW.exec(flat);
  if (below) {
    const limit = Number(below[1]!.replace(/,/g, ''));
    return /^(?:fewer than|less than|under)/.test(below[0].trim()) ? limit : limit + 1;
  }
  return undefined;
}

// (An address's length is bounded, and an e-mail address starts where a run of its characters
// does: each start scanned to the end of the line, and a 150 KB line of "ab.ab.…" or
// "http://http://…" took over ten seconds.)
const URL = /\bhttps?:\/\/[^\s<>()"'\]]{0,2000}[^\s<>()"'\].,;:!?]/g;
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,255}\.[A-Za-z]{2,63}\b/g;
const LICENSING_WORDS = /licen[cs]|purchas|buy|pric|commercial|store|shop|sales|order|pay/i;

/**
 * Where to buy the licence, as the text says: the URL or e-mail on a line about licensing or
 * buying, else the first one in the text.
 */
function payRoute(text: string): Record<string, string> {
  const route: Record<string, string> = {};
  const lines = text.split(/\r\n|\r|\n/);
  const pick = (pattern: RegExp): string | undefined => {
    let first: string | undefined;
    for (const line of lines) {
      const found = pattern.exec(line);
      pattern.lastIndex = 0;
      if (!found) continue;
      first ??= found[0];
      // The line's words outside its addresses, read once (a line of thousands of addresses).
      if (LICENSING_WORDS.test(line.replace(pattern, ' '))) return found[0];
    }
    return first;
  };
  const url = pick(URL);
  const email = pick(EMAIL);
  if (url) route.licensingUrl = url;
  if (email) route.licensingContact = email;
  return route;
}
