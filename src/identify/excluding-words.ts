// Words by which a text leaves someone out of a grant ("Governments excluded.", "Excluding ICE and
// its contractors.", "Amazon Web Services is excluded from this grant."), boycotts and sanctions.
// Each read as benign words beside a permissive text, which then read as that licence, free. One
// list for every reader that weighs words beside a licence: surroundings.ts (they restrict),
// normalise.ts (they end a copyright statement; angle text and HTML comments holding them are
// read), notices.ts (leftover words beside a notice) and templates.ts (no replaceable text takes
// them).

export const EXCLUDING_WORDS: readonly string[] = ['exclude', 'excluded', 'excludes', 'excluding', 'excepting', 'ban', 'bans', 'banned', 'boycott', 'boycotts', 'sanctioned'];
