// Words by which a text leaves someone out of a grant ("Governments excluded.", "Excluding ICE and
// its contractors.", "Amazon Web Services is excluded from this grant."), boycotts and sanctions.
// Each read as benign words beside a permissive text, which then read as that licence, free. One
// list for every reader that weighs words beside a licence: surroundings.ts (they restrict),
// normalise.ts (they end a copyright statement; angle text and HTML comments holding them are
// read), notices.ts (leftover words beside a notice) and templates.ts (no replaceable text takes
// them).

export const EXCLUDING_WORDS: readonly string[] = ['exclude', 'excluded', 'excludes', 'excluding', 'excepting', 'ban', 'bans', 'banned', 'boycott', 'boycotts', 'sanctioned'];

/**
 * The two-word openings that make an exception of someone ("Apart from Amazon.", "Other than
 * Amazon.", "Save for Oracle."): a few words opening with one are no title or name
 * (surroundings.ts), and no replaceable text in a template takes one (templates.ts).
 */
export const EXCEPTING_PAIRS: readonly (readonly [string, string])[] = [
  ['apart', 'from'],
  ['aside', 'from'],
  ['other', 'than'],
  ['save', 'for'],
];

/**
 * Words that narrow who a grant is for, or where, when written into it or just before it: "to any
 * natural person", "to any student", "to any individual obtaining a copy", "to deal in the Software
 * personally", "Academic redistribution and use", "are permitted within Acme", "to any member of
 * Acme" (each read as the licence, free). Read by the rule for changes inside a match
 * (deviations.ts) and for a title beside it (surroundings.ts), not in every stretch of words:
 * "thanks to the members of the community" restricts no one.
 */
export const NARROWING_WORDS: readonly string[] = [
  'natural', 'individual', 'individuals', 'individually', 'student', 'students', 'personally', 'privately',
  'academic', 'educational', 'nonprofit', 'employee', 'employees', 'member', 'members', 'customer', 'customers',
  'subscriber', 'subscribers', 'partner', 'partners', 'within',
];

/**
 * Words by which a clause gives the grant to some, which no holder's or project's name holds: "who
 * grants these rights to students", "to holders of an Acme subscription", "are given". Replaceable
 * text in a template never takes them (templates.ts), and a match's changed words holding them
 * change the grant (deviations.ts) unless the licence uses them itself.
 */
export const GRANTING_CLAUSE_WORDS: readonly string[] = [
  'who', 'whom', 'whose', 'grants', 'granted', 'given', 'permits', 'allowed',
  'customer', 'customers', 'subscriber', 'subscribers', 'subscription', 'subscriptions',
];
