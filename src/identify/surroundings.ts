// Words around a known licence text: the rule that tells what may be left beside a match from
// what must keep the file unknown (docs/identification.md, "Words around a known text").
//
// 1. A stretch that RESTRICTS is never dropped: "may not", "must not", "prohibited", "non-commercial",
//    "commercial use requires", fees and royalties, field-of-use bans ("not for military use"),
//    "only for", "personal use", "without written permission". Checked first, after removing the
//    few stock phrases of known notices that use the same words ("you may not use this file
//    except in compliance with the License").
// 2. A stretch is BENIGN when, once the phrases that only describe, point or add a permissive
//    grant are removed ("except as documented below", "except where noted", "files … with a
//    different licence", "have their own licences", "waived via CC0", "END OF TERMS AND
//    CONDITIONS", "covered by the above licence"), no condition or restriction word is left.
// 3. Anything else is UNCLEAR and keeps the file unknown: failing closed.
//
// A dual-licensing offer beside a copyleft text ("offered under a commercial licence and under the
// AGPL") is neither: it is a choice, and the expression becomes `<copyleft> OR` a commercial licence.
import { TERM_WORDS } from './insertions.js';
import { negations } from './negations.js';
import { EXCEPTING_PAIRS, EXCLUDING_WORDS, NARROWING_WORDS } from './excluding-words.js';
import { FOREIGN_TERM_WORDS, inOtherLanguage, inOtherScript } from './other-languages.js';
import { withoutCourtesies } from './requests.js';

/** How a stretch of words outside every match reads. */
export type Surrounding = 'benign' | 'restricts' | 'unclear';

const TERM_WORD_SET = new Set(TERM_WORDS);

/** Words naming the work, or joining it to what follows, which a service's name never holds ({@link withoutServiceTerms}). */
const SERVICE_NOT_WORK = 'this|package|packages|software|library|libraries|code|module|modules|project|program|programs|work|sdk|application|app|tool|and|or';
/** A website, registry or service, in a few words that name no work: "the npm public registry". */
const SERVICE = `(?:(?!(?:${SERVICE_NOT_WORK})\\b)[a-z0-9]+ ){0,4}?(?:registry|website|web site|site|service)`;
/** A web address, normalised to words, up to its top-level domain: "https registry npmjs org". */
const ADDRESS = '(?:https?|www)(?: [a-z0-9]+){0,3}? (?:com|org|net|io|dev|app|co|info)';
/** The services named before "operated by", at most four joined by "and", ending where it stands. */
const SERVICES_BEFORE = new RegExp(`(?:^| )((?:the )?${SERVICE} at ${ADDRESS}(?: and (?:the )?${SERVICE} at ${ADDRESS}){0,3})$`);
/** A word for the work, or "and" / "or", among the four words before the services. */
const JOINED_BEFORE = new RegExp(`(?:^| )(?:${SERVICE_NOT_WORK})(?: [a-z0-9]+){0,3}$`);
/** After "operated by": the operator, and the terms its use is put under, published at an address. */
const TERMS_AFTER = new RegExp(`(?:[a-z0-9]+ ){1,4}?use (?:is )?governed by (?:the |its |their )?terms(?: of (?:use|service))? (?:published|posted) (?:on|at) ${ADDRESS}(?= |$)`, 'y');
/** How many words before "operated by" the services may take (four of them, each a dozen words at most). */
const SERVICES_REACH = 400;

/**
 * `text` with each website or registry its operator puts under its own terms of use, named beside
 * the licence, taken out (npm's LICENSE: "The npm public registry at https://registry.npmjs.org
 * and the npm website at https://www.npmjs.com / Operated by npm, Inc. / Use governed by terms
 * published on https://www.npmjs.com"): the terms of a service, not of the package's code. Only a
 * service named by its address and "operated by", with no word for the work, and no "and" or "or"
 * joining something else to it, among the words naming it or the four before them ("This package
 * and the Acme website at …" is still read as terms). Read from each "operated by" with expressions
 * of bounded reach, so a text of many such phrases costs time in proportion to its length.
 */
function withoutServiceTerms(text: string): string {
  let out = '';
  let from = 0;
  for (let at = text.indexOf(' operated by ', from); at !== -1; at = text.indexOf(' operated by ', Math.max(at + 1, from))) {
    TERMS_AFTER.lastIndex = at + ' operated by '.length;
    const terms = TERMS_AFTER.exec(text);
    if (terms === null) continue;
    const windowStart = Math.max(from, at - SERVICES_REACH);
    const before = text.slice(windowStart, at);
    const services = SERVICES_BEFORE.exec(before);
    if (services === null) continue;
    const start = windowStart + before.length - services[1]!.length;
    if (JOINED_BEFORE.test(text.slice(Math.max(0, start - 60), start).trimEnd())) continue;
    out += `${text.slice(from, start)} | `;
    from = TERMS_AFTER.lastIndex;
  }
  return from === 0 ? text : out + text.slice(from);
}

// Stock phrases of known notices that use restricting words without adding a restriction.
const STOCK = [
  // (The Apache header, "this file" or, above a whole project's text, "this work" (posthog-js).)
  /\byou may not use this (?:file|work|software|project|library|package|code) except in compliance with the licen[cs]e\b/g,
  /\bunless required by applicable law or agreed to in writing\b/g,
  /\bwithout warranties or conditions of any kind\b/g,
  // Ownership, not permission: "Some modules may not be the copyright of the Dojo Foundation".
  /\b(?:may|might) not be (?:the )?(?:copyright|property|work) of\b/g,
  // Jupyter's and IPython's "shared copyright model" (IPython, traitlets, jupyter_client, nbformat,
  // kiwisolver, the @jupyterlab packages): "the IPython source code, in its entirety is not the
  // copyright of any single person or institution".
  /\b(?:is|are) not the (?:copyright|property) of any single (?:person|individual|author|contributor)(?: or (?:institution|entity|organi[sz]ation|company))?\b/g,
  // Warranties and liability left out are a disclaimer, not a restriction on who may use the work.
  /\b(?:warranty|warranties|liability|damages|conditions) (?:is|are) (?:hereby )?excluded\b/g,
  /\bexclud(?:e|es|ed|ing) (?:all )?(?:implied )?(?:warranty|warranties|liability|damages)\b/g,
  // Others' trademarks, used only to name them (Font Awesome's "Brand Icons": "Please do not use
  // brand logos for any purpose except to represent the company, product, or service to which
  // they refer"): what trademark law already says of marks the licence never granted.
  /\b(?:please )?do not use (?:the |these |any |such )?(?:brand |company |product )?(?:logos|trademarks|marks|brand icons)(?: \w+){0,2}? for any purpose (?:except|other than) to (?:represent|refer to|identify|name) the (?:company|companies|brand|brands|owner|owners|holder|holders)(?:(?: or)? (?:products?|services?|projects?|organi[sz]ations?))* (?:to which they (?:refer|belong)|they (?:represent|name|belong to))\b/g,
];

// Phrases that only describe the text's scope, point elsewhere, or add a permissive grant.
const BENIGN = [
  /\bexcept (?:as (?:otherwise )?(?:documented|noted|stated|described|indicated|specified|marked)|(?:where|when) (?:otherwise )?(?:noted|stated|indicated|marked))(?: (?:below|above|otherwise))?\b/g,
  // Mender's LICENSE: "All content in this project is licensed under the Apache License v2, unless
  // indicated otherwise." (The files that say otherwise are read where the scan reads them.)
  /\bunless (?:otherwise )?(?:documented|noted|stated|described|indicated|specified|marked|mentioned)(?: (?:below|above|otherwise|in (?:the|each|a) (?:files?|file headers?|source files?|headers?)))?\b/g,
  /\bexcept (?:for )?(?:those |the |any )?(?:files|parts|portions|directories|code)\b[\w ]{0,120}?\b(?:a different|another|other|their own|separate|different) licen[cs]es?(?: files?)?\b/g,
  /\b(?:have|has|carry|carries|under|with) (?:their|its) own licen[cs]es?\b/g,
  // Which portions each copyright line covers (polygon-clipping: "Copyright (c) 2018 Mike Fogel -
  // covers everything not specially attributed to others below." and "… covers all portions
  // originally part of github:w8r/martinez, from which this project was forked on …"): whose code
  // is whose, under the one licence below them.
  /\bnot (?:specially |specifically |otherwise |explicitly )?attributed to others(?: below| above)?\b/g,
  /\bfrom which this (?:project|library|package|code|repository) (?:was|is) (?:forked|derived)\b/g,
  /\btheir terms may differ from the terms above\b/g,
  // New Relic's third-party notices (newrelic, @newrelic/native-metrics and the rest): "The New Relic
  // Node Agent uses source code from third party libraries which carry their own copyright notices
  // and license terms. These notices are provided below. In the event that a required notice is
  // missing or incorrect, please notify us by e-mailing … For any licenses that require the
  // disclosure of source code, the source code can be found at https://github.com/…".
  /\buses source code from third party libraries which carry their own copyright notices and licen[cs]e terms\b/g,
  /\bthese notices are provided below\b/g,
  /\bin the event that a required notice is missing or incorrect please notify us\b/g,
  /\bfor any licen[cs]es that require the disclosure of source code the source code can be found at\b/g,
  /\b(?:are|is) (?:hereby )?waived\b/g,
  /\bend of terms and conditions\b/g,
  /\b(?:is|are) (?:itself |themselves )?covered by the (?:above|same|following) licen[cs]es?\b/g,
  /\bis not standalone\b/g,
  // Pointers to where the licences' texts are, and to which files a notice covers (md5's and
  // onig_sys's LICENSE.md: "You may obtain copies of the two licenses at … The following two
  // notices apply to every file of the project.").
  /\byou may obtain (?:a copy|copies) of (?:the|this|these|both|the two|each of the) licen[cs]es?(?: at)?\b/g,
  // amqplib's LICENSE: "A copy may be found in the file LICENSE-MIT in this directory, or
  // downloaded from http://opensource.org/licenses/MIT."
  /\ba copy (?:of (?:the|this|which) licen[cs]e )?(?:may|can) be (?:found|obtained|read|downloaded)(?: (?:in|at|from))?\b/g,
  /\bor downloaded from\b/g,
  /\bthe following (?:two |three )?notices? appl(?:y|ies) to (?:every|each|all) files? of (?:the|this) (?:project|crate|library|package)\b/g,
  // The Open MPI licence's own placeholder lines, kept in LAPACK's copies.
  /\badditional copyrights may follow\b/g,
  // NumPy's and SciPy's wheels, above the texts their bundled libraries' licences name.
  /\b(?:that )?(?:they are|it is) listed (?:below|above|here) does not (?:necessarily )?imply (?:that )?(?:the|its|their) (?:conditions|terms) apply\b/g,
  /\bsubject to the (?:above|same) (?:terms|licen[cs]e)\b/g,
  // A title naming the licence below ("luma.gl is provided under the MIT license", the @luma.gl
  // packages): "provided" here is no proviso. Which licence it names is read by the notice rules.
  /\b(?:is|are) provided under the (?:terms of the )?\w+(?: \w+){0,3}? licen[cs]es?\b/g,
  // The same title as the grant of the text that follows it (shelljs 0.8's LICENSE: "You may use
  // this project under the terms of the New BSD license as follows:" above a BSD-3-Clause text):
  // only with "as follows" or "below", so it names the text below and no other terms.
  /\byou (?:may|can) use (?:this|the) (?:project|software|library|package|code|module|program|work)(?: \w+){0,2}? under the terms of the \w+(?: \w+){0,3}? licen[cs]es? (?:as follows|below)\b/g,
  // Node.js's way of listing what a package bundles (Node's own LICENSE, and the ws addons
  // bufferutil and utf-8-validate): "utf-8-validate is licensed for use as follows: """MIT"""
  // This license applies to all parts of utf-8-validate that are not externally maintained
  // libraries. The externally maintained is_utf8 library used by utf-8-validate, located at
  // deps/is_utf8, is licensed as follows: """MIT"""". Each listed text is read and ANDed; these
  // sentences only say which code each covers.
  // Node's own: "The Node.js license applies to all parts of Node.js that are not externally
  // maintained libraries", "This license applies to parts of Node.js originating from the
  // https://github.com/joyent/node repository" (oracledb's THIRD_PARTY_LICENSES.txt quotes them).
  /\b(?:(?:this|the) )?(?:\w+ ){0,3}?licen[cs]e applies to (?:all )?(?:the )?parts of(?: \w+){1,8}? (?:that are not externally maintained (?:libraries|library|code|dependencies)|originating from the(?: \w+){1,12}? repository)\b/g,
  /\b(?:the )?externally maintained(?: \w+){0,6}? (?:libraries|library|code|dependencies) used by(?: \w+){1,8}?(?: located at(?: \w+){1,12}?)? (?:is|are) licen[cs]ed as follows\b/g,
  /\b(?:the )?externally maintained (?:libraries|code|dependencies) used by(?: \w+){1,8}? are\b/g,
  /\blocated at(?: \w+){1,12}? (?:is|are) licen[cs]ed as follows\b/g,
  // Provenance, not permission: "Portions of ICU4X may have been adapted from ICU4C".
  /\b(?:may|might) have been (?:adapted|derived|taken|copied|ported|translated|modified|based)\b/g,
  // Others' trademarks named as theirs, endorsing no one (Font Awesome's "All brand icons are
  // trademarks of their respective owners. The use of these trademarks does not indicate
  // endorsement of the trademark holder by Font Awesome, nor vice versa.").
  /\b(?:all )?(?:brand |company |product |other )?(?:icons|logos|names|marks|trademarks)(?: \w+){0,3}? (?:are|remain) (?:the )?(?:registered )?(?:trademarks|property)(?: or registered trademarks)? of their (?:respective )?(?:owners|holders)\b/g,
  /\b(?:the )?use of (?:these|the|any|such) (?:trademarks|logos|marks|names) does not (?:indicate|imply) (?:any )?endorsement(?: of the (?:trademark )?(?:holders?|owners?) by(?: \w+){1,4}?(?: nor vice versa| or vice versa)?)?\b/g,
  // The licences' own attribution condition, said to be theirs, and a plea to keep the credit the
  // files carry (Font Awesome: "Attribution is required by MIT, SIL OFL, and CC BY licenses.
  // Downloaded Font Awesome Free files already contain embedded comments with sufficient
  // attribution, so you shouldn't need to do anything additional … we ask that you do not actively
  // work to remove them"): the licences found already require it; they are read for it.
  /\battribution is required by (?:the )?(?:(?:mit|bsd|isc|apache|sil|ofl|cc|by|creative|commons|and|or|all|these|both|three|two|\d+) ){1,10}licen[cs]es\b(?! (?:and|or|as well|plus|together|also|with)\b)/g,
  /\b(?:you|users?) (?:shouldnt|should not|dont|do not|wont|will not|wouldnt|would not) (?:need|have) to do (?:anything|any thing)(?: (?:additional|else|more|further))?\b/g,
  /\b(?:we )?(?:ask|request) that you (?:do not|dont) (?:actively )?(?:work to )?remove (?:them|the attribution(?: comments)?|attribution comments|the credits?)(?: from (?:the )?(?:files|code|source))?\b/g,
];

// Phrases that restrict use, whatever surrounds them.
const RESTRICTING = [
  /\b(?:may|must|shall|can|will|could|should) not\b/,
  /\b(?:do|does|did) not (?:use|copy|distribute|redistribute|sell|resell|modify|publish|sublicense|share|host)\b/,
  /\bnot (?:for|to be|be|permitted|allowed|authorized|licensed to)\b/,
  /\b(?:prohibit|prohibited|prohibits|forbid|forbidden|forbids|restricted|restricts)\b/,
  /\bno (?:right|rights|licen[cs]e|permission)s? (?:is |are )?(?:granted|given)\b/,
  // Thirty-first session, a wider harness (each read as the licence, free, beside MIT, ISC, BSD,
  // Apache, 0BSD, Unlicense or Zlib): "Cannot be used to train AI models.", "Ethical use only.",
  // "Contact sales@acme.com for commercial licensing.", "Free for individuals; $99/year for
  // companies.", "No AI training.".
  /\b(?:ethical|ethically|non ?violent|peaceful|good|internal|personal|private|evaluation|educational|academic|research|hobby|testing|demo|demonstration|non ?commercial|individual|home|own) use only\b/,
  /\bfree (?:of charge )?for (?:\w+ ){0,2}?(?:individuals?|personal|private|non ?commercial|non ?profits?|nonprofits?|students?|education|educational|academic|open ?source|hobby|hobbyists?|small)\b/,
  /\bcommercial licen[cs]ing\b/,
  /\b(?:ai|machine learning|ml) (?:training|models?)\b|\btrain(?:ing)? (?:\w+ ){0,2}?(?:ai|models?|llms?|neural networks?|machine learning)\b/,
  // Someone left out in two words ("Apart from Amazon."); not "other than", which licences' own
  // prose uses ("the commands you use may be called something other than `show w'", GPL-2.0).
  /\b(?:apart from|aside from|save for) (?!as\b|in\b|on\b|at\b|to\b|by\b|for\b|with\b|that\b|those\b|these\b|this\b|where\b|when\b|if\b)\w+/,
  // A stretch that opens with the exception, "other than" too ("Other than Amazon. All rights
  // reserved.", "[Other than Amazon.](https://…)"): mid-stretch it is prose ("called something
  // other than `show w'").
  /^ (?:(?:note|notice|important|warning|attention|copyright) )?(?:other than|apart from|aside from|save for|except for|excepting) (?!as\b|in\b|on\b|at\b|to\b|by\b|for\b|with\b|that\b|those\b|these\b|this\b|where\b|when\b|if\b|the\b|noted\b|otherwise\b|stated\b|specified\b|provided\b)\w+/,
  // "No use by Amazon.", "No commercial use in weapons." (each read as the licence, free).
  /\bno (?:\w+ )?(?:use|usage|access|distribution|redistribution) (?:by|in|for)\b/,
  // The work said not to be open source beside an open licence ("Not open source." above WTFPL's or
  // PostgreSQL's text): which holds is a question.
  /\bnot (?:an? )?(?:open ?source|free software|oss|foss)\b/,
  // A licence to be bought, whoever must buy it ("Companies must buy a licence." below X11's text,
  // where the X Consortium's place took "Companies").
  /\bmust (?:buy|purchase|pay for|obtain|acquire|get) (?:a |an |the )?(?:\w+ ){0,2}?(?:licen[cs]es?|subscription)\b/,
  // A price: "$99/year for companies", "49 EUR per developer" (below X11's text, the holder's place
  // took "Free for" and left "individuals 99 year for companies", read as X11, free).
  /\b\d+ (?:(?:usd|eur|gbp|dollars?|euros?|pounds?) )?(?:per |a |each )?(?:year|month|seat|developer|user)\b/,
  // Someone the grant leaves out: "This licence does not apply to Facebook." above PostgreSQL's or
  // WTFPL's text (read as the licence, free, in the thirty-second session's wider harness).
  /\b(?:licen[cs]es?|grants?|permissions?|rights?|terms|agreement|it) (?:does|do|shall|will|is|are) not (?:apply|extend|available|valid|granted|given) to\b/,
  /\bnon ?commercial\b/,
  /\bcommercial (?:use|uses|usage|purposes?|users?|entities|products?|licen[cs]es?|distribution|redistribution|deployment)\b/,
  /\b(?:fee|fees|royalty|royalties|payment|purchase|paid|pay)\b/,
  /\b(?:military|weapons?|police|law enforcement|surveillance|evil|harm)\b/,
  /\bonly (?:for|by|in|on|with|to|if|when|under|within)\b/,
  // Who or what for, then "only": "for non-profits only", "for students only", "for use in Acme
  // products only" (not a description: "a shim for WebWorker (data URI only)").
  /\bfor (?:\w+ ){0,3}?(?:use|uses|usage|purposes?|non ?profits?|nonprofits?|charities|charity|students?|individuals?|persons?|people|personal|private|internal|evaluation|testing|education|educational|academic|research|hobby|hobbyists?|customers?|clients?|members?|subscribers?|licensees?|employees?|organi[sz]ations?|companies|company|governments?|institutions?|schools?|universities|products?|projects?)(?: \w+){0,3}? only\b/,
  /\b(?:personal|evaluation|internal|educational|academic|non ?profit|private|non ?production|demonstration) (?:use|uses|purposes?|only)\b/,
  // Twenty-sixth session: "MIT licensed, for hobby projects" (read as MIT, free).
  /\b(?:hobby|hobbyist|personal|private|educational|academic|non ?commercial|non ?profit) (?:projects?|use|uses|purposes?)\b/,
  // Some, then "only", without a "for": "… portions of the Software by Acme customers only" (read
  // as MIT, free, in the eighteenth session).
  /\b(?:customers?|clients?|members?|subscribers?|licensees?|employees?|partners?|students?|teachers?|schools?|universities|non ?profits?|nonprofits?|charities|individuals?|governments?|residents?|citizens?|users? of \w+) only\b/,
  /\brequires? (?:a |an |the )?(?:separate |paid |commercial |written |prior )?(?:licen[cs]e|permission|agreement|subscription|consent)\b/,
  /\bwithout (?:the )?(?:express )?(?:prior )?(?:written )?(?:permission|consent|authori[sz]ation)\b/,
  /\b(?:terminate|terminates|terminated|revoke|revoked|revocable)\b/,
  // Who is left out (excluding-words.ts).
  new RegExp(`\\b(?:${EXCLUDING_WORDS.join('|')})\\b`),
  // Use put under terms published elsewhere ("Use governed by terms published on https://…", "use
  // of this software is subject to the terms of service at …"): beside an open licence's text,
  // which terms hold is a question; those terms may restrict, and copyfair cannot read them.
  /\b(?:use|usage)(?: of(?: \w+){1,6}?)?(?: is)? (?:governed by|subject to) (?:the |our |its |their )?(?:terms|conditions|eula|agreement)(?: (?:and conditions|of use|of service))? (?:published|posted|found|available|located|set out|at|on)\b/,
  // The work called proprietary or confidential beside an open licence: which one holds is a question.
  /\b(?:our|this|its|is|are) proprietary\b|\bproprietary and confidential\b|\bconfidential\b/,
  // Not, only, forbidden, commercial in other languages ("Kommerzielle Nutzung verboten",
  // "Utilisation commerciale interdite"): other-languages.ts.
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${FOREIGN_TERM_WORDS.join('|')})(?![\\p{L}\\p{N}])`, 'u'),
  // Free for some, and so not for the others: "Free for individuals; companies please contact
  // sales", "free for personal and educational use".
  /\bfree (?:of charge )?for (?:\w+ ){0,3}?(?:individuals?|personal|private|non ?profits?|nonprofits?|students?|education|educational|academic|research|hobby|hobbyists?|evaluation|testing|small (?:businesses|companies|teams|organi[sz]ations))\b/,
  /\b(?:companies|businesses|enterprises|corporations|organi[sz]ations|commercial users?) (?:(?:please|must|should|need to|are required to|have to|shall) )?(?:contact|buy|purchase|licen[cs]e|obtain|pay|subscribe)\b/,
  /\bcontact (?:us|me|sales|the authors?) (?:for|about|to (?:buy|purchase|obtain|get)) (?:an? )?(?:commercial|enterprise|business|paid|corporate)\b/,
  // Use put under an acceptable-use or other policy beside an open licence: terms copyfair cannot
  // read. (Not a page footer's "usage policies apply", W3C's, which sax's LICENSE-W3C.html keeps.)
  /\bacceptable use polic(?:y|ies)\b|\b(?:use|usage)(?: of(?: \w+){1,6}?)? (?:is |are )?(?:governed by|subject to)(?: \w+){0,6}? polic(?:y|ies)\b/,
  // A grant for a time (sixteenth session: "This license is valid for 30 days from the date of
  // download", "Permission is hereby granted for a period of one year", each read as MIT).
  /\bvalid (?:for|until|through|till|only)\b|\bfor a (?:limited )?(?:period|term) of\b|\b\d+ (?:days?|weeks?|months?|years?) (?:from|after|of (?:use|evaluation))\b|\btrial (?:period|version|licen[cs]e|use)\b/,
  // A licence needed besides this one ("Companies with annual revenue above USD 1 million need a
  // separate license"), and rights kept back ("Offering the Software as a hosted service to third
  // parties is reserved to Acme").
  /\b(?:need|needs|must obtain|have to obtain|has to obtain)(?: \w+){0,2}? (?:licen[cs]es?|permission|agreement|subscription)\b/,
  // Seventeenth session: "Use in production environments requires an active Acme subscription",
  // "Donations are required for use in production", "Until 1 January 2027, permission is hereby
  // granted" (each read as MIT, free).
  /\brequires? (?:a |an |the )?(?:\w+ ){0,2}?(?:licen[cs]e|subscription|contract|membership|sponsorship|donation|payment)\b/,
  /\b(?:required|mandatory|obligatory) (?:for|before) (?:any |all |each |the )?(?:\w+ )?(?:use|uses|using|usage|deployment|deploying|distribution|redistribution|installation|installing)\b/,
  /\b(?:donations?|sponsorships?|contributions?)(?: \w+){0,3}? (?:is|are) (?:required|mandatory|obligatory|expected)\b/,
  // A licence said to be for some, in a title above its text ("MIT License for Acme partners", "BSD
  // 2-Clause License for research institutions", "MIT License (Acme Partners Edition)": each read
  // as the licence, free, in the seventeenth session).
  /\blicen[cs]e[ds]? (?:\w+ ){0,2}?(?:for|to) (?:the |its |our )?(?:\w+ ){0,2}?(?:partners?|members?|customers?|clients?|subscribers?|employees?|students?|schools?|universities|institutions?|individuals?|non ?profits?|nonprofits?|charities|academics?|researchers?|hobbyists?)\b/,
  /\b(?:partners?|members?|customers?|subscribers?|employees?|students?|academic|educational|non ?profit|nonprofit|research|personal|hobbyist) (?:edition|version|release|licen[cs]e)\b/,
  /\b(?:distributed|available|provided|offered|released|supplied|given) (?:only |exclusively )?to (?:the |its |our )?(?:\w+ ){0,2}?(?:partners?|members?|customers?|clients?|subscribers?|employees?|students?)\b/,
  // Words that give the grant to some, just before it ("Schools are given" above "permission to
  // use …", read as ISC, free): the run ends there, and the match's grant goes on from it.
  // (Not what is granted: Caldera's "the source code files for which this license is granted".)
  /(?<! licen[cs]es?| rights?| permissions?) (?:is|are) (?:hereby )?(?:given|granted|allowed|permitted) $/,
  /\buntil (?:\d{1,2} )?(?:january|february|march|april|may|june|july|august|september|october|november|december)\b|\buntil the (?:end|start) of (?:19|20)\d\d\b|\buntil (?:(?:19|20)\d\d \d{1,2} \d{1,2}|\d{1,2} \d{1,2} (?:19|20)\d\d)\b/,
  /\b(?:is|are|remains?|stays?) (?:\w+ ){0,2}?reserved (?:to|for|by)\b|\b(?:hosted|managed) (?:service|offering)s?\b|\bas a service\b|\bsaas\b/,
  // A grant that ends ("This license expires on 31 December 2025"), leaves out competitors, or
  // depends on the licensee's size ("Companies with annual revenue above USD 1 million …"). Not a
  // word alone: code beside a header has "expiry" and "revenue".
  /\b(?:licen[cs]es?|permissions?|grants?|rights?|agreement|this|it)(?: \w+){0,3}? (?:expires?|expired|lapses?|will expire|shall expire)\b|\bexpir(?:y|ation) (?:date|of (?:this|the) (?:licen[cs]e|grant|permission|agreement))\b/,
  /\bcompetitors?\b|\bcompet(?:e|es|ing) (?:with|against)\b|\bcompetitive (?:products?|services?|offerings?)\b/,
  /\b(?:revenues?|turnover|income|funding|sales)(?: \w+){0,5}? (?:above|over|exceeding|exceeds?|more than|greater than|in excess of|below|under|less than|up to)\b/,
  // Copies that may not be sold: "Redistributions must be free of charge".
  /\b(?:redistributions?|copies|distributions?|it)(?: \w+){0,4}? (?:must|shall|has to|have to) (?:be |remain )?(?:free of charge|gratis|without (?:charge|fee))\b|\bresale\b/,
  // The grantee narrowed by a clause ("… granted … to any person who follows the Acme Code of
  // Conduct and obtaining a copy …", the match beginning after it); not "who obtains a copy".
  /\b(?:granted|permitted|permission)\b(?: \w+){0,12}? (?:any|every|each) (?:natural |legal )?(?:person|persons|individual|entity|one|party|licensee|user)s? (?:who|that|which) (?!obtains?\b|receives?\b|gets?\b|acquires?\b)\w+/,
];

/**
 * Stretches judged, by their words. The same few recur in every tree (a title such as "mit license"
 * above each copy of a licence, a bundle's group headings), and each judgement runs some thirty
 * regular expressions. Only short stretches are kept, and at most this many.
 */
const JUDGED_LIMIT = 2048;
const JUDGED_KEY_CHARS = 240;
const judged = new Map<string, Surrounding>();

/** Reads a stretch of normalised words outside every match by the rule above. */
export function judgeSurrounding(words: readonly string[]): Surrounding {
  const joined = words.join(' ');
  if (joined.length > JUDGED_KEY_CHARS) return judgeWords(joined);
  let known = judged.get(joined);
  if (known === undefined) {
    if (judged.size >= JUDGED_LIMIT) judged.clear();
    judged.set(joined, (known = judgeWords(joined)));
  }
  return known;
}

/** {@link judgeSurrounding} of the words joined by single spaces, not remembered. Exported for tests. */
export function judgeWords(joined: string): Surrounding {
  // A term spelt to slip past the patterns: digits for letters ("n0t f0r c0mmercial use") are read
  // as the letters they stand for, and letters spelt out one by one ("N O T  F O R …", "N.o.t f.o.r
  // …") as the words they spell.
  let text = unLeet(` ${joined} `);
  for (const phrase of STOCK) text = text.replace(phrase, ' | ');
  if (text.includes(' operated by ')) text = withoutServiceTerms(text);
  if (RESTRICTING.some((pattern) => pattern.test(text))) return 'restricts';
  if (speltOutTerm(text)) return 'restricts';
  text = withoutCourtesies(text);
  for (const phrase of BENIGN) text = text.replace(phrase, ' | ');
  if (obligates(text)) return 'unclear';
  // Words in another script are words no list here reads (other-languages.ts): never benign.
  const words = text.split(' ');
  return words.some((word) => TERM_WORD_SET.has(word)) || inOtherScript(words) || inOtherLanguage(words) ? 'unclear' : 'benign';
}

/**
 * Words that bind the user to something beside the licence, which the condition words miss: "By
 * using this software you agree to the Acme Terms of Service", "Attribution required: display
 * 'Powered by Acme' …", "You have to give credit to Acme …", "you are expected to sponsor the
 * project", "Users … have to register", "The author reserves the right to change these license
 * terms", "Your use … constitutes acceptance of the Acme terms" (each read as MIT, free). Unclear:
 * a person must read them. Said of the user: "This code … requires a support library"
 * (protobufjs) and "Contributions will be accepted under the same license" bind no one.
 *
 * And terms put beside the licence by reference, which copyfair cannot read: "Use of this software
 * is subject to the additional terms in ADDITIONAL_TERMS.md", "… also subject to the Acme Terms of
 * Service", "Additional terms apply; see …", "The additional terms in TERMS.md are part of this
 * license", "governed by this license and by the terms in TERMS.md" (each read as MIT, free; the
 * other file is no licence file and was never read). Not the licence's own terms ("subject to the
 * terms of the MIT License", "subject to the following conditions") nor a header's pointer ("use
 * of this source code is governed by a BSD-style license that can be found in the LICENSE file",
 * Sun's "Use is subject to license terms"), nor "Terms of Use" alone: a title above a BSD text, a
 * link in a web page's footer.
 */
const OBLIGATING = [
  /\b(?:you|users?|licensees?|recipients?) (?:must |shall |hereby |thereby )?(?:agree|agrees|accept|accepts|consent|consents)\b/,
  // Sixteenth session: "The Software displays advertising; removing it is a breach of this license",
  // "Please notify the author before using the Software in a product" (each MIT, free).
  /\b(?:breach|breaches|violation|violates?) (?:of )?(?:this|the) (?:licen[cs]e|agreement|terms)\b/,
  /\b(?:notify|inform|tell|contact|email|register with)(?: \w+){0,4}? (?:before|prior to|when|if) (?:using|you use|use|deploying|distributing|shipping|including)\b/,
  /\b(?:subject to|governed by|bound by)(?: (?!(?:following|above|below|same)\b)\w+){0,6}? (?:terms|conditions|eula|agreement)\b(?!(?: and conditions)?(?: (?:of|in|under) (?:the |this |that |these |its |their |said )?(?:(?:\w+ ){0,5}?licen[cs]es?|above|below|following)\b| (?:above|below|set (?:out|forth) (?:above|below|herein))\b))/,
  /\badditional (?:terms|conditions|restrictions|requirements|obligations)\b/,
  // Twenty-sixth session, beside a licence's name in a short file (each read as the licence,
  // free): "see ADDENDUM for further terms", "plus the Acme Addendum", "MIT + Acme Rider", "with an
  // additional clause", "Terms: see terms.html".
  /\b(?:further|extra|supplementary|supplemental) (?:terms|conditions|restrictions|requirements|obligations)\b/,
  /\baddend(?:um|a)\b|\briders?\b/,
  /\b(?:additional|extra|supplementary|supplemental) (?:clauses?|provisions?)\b/,
  /\bterms see\b/,
  /\b(?:are|is|form|forms|constitute|constitutes) (?:an? )?(?:integral )?part of (?:this|the) (?:licen[cs]e|agreement|terms)\b/,
  /\bincorporated (?:herein |in this (?:licen[cs]e|agreement) |into this (?:licen[cs]e|agreement) )?by reference\b/,
  /\b(?:you|users?|licensees?|recipients?|companies|businesses)(?: \w+){0,4}? (?:(?:will|would|shall) )?(?:have|has|need|needs|are required|is required|are expected|is expected|are obliged|is obliged|are obligated|is obligated) to\b/,
  /\bconstitutes? (?:your |the user s |an? )?(?:acceptance|agreement)\b/,
  /\breserves? the right to (?:change|modify|revoke|terminate|update|alter|amend|withdraw)\b/,
  /\battribution (?:is )?required\b|\brequired attribution\b/,
  /\bgive (?:credit|attribution) to\b/,
  // An end-user licence agreement beside or inside an open licence ("subject to the following
  // conditions and to the Acme EULA"): terms copyfair cannot read.
  /\beula\b/,
  // Other terms said to apply to its use ("The Acme Cloud Terms apply to any use of the Work with
  // Acme Cloud", a tenth section put into Apache-2.0: read as Apache-2.0, free).
  /\b(?:terms|conditions|agreement|polic(?:y|ies))(?: of (?:use|service))? (?:also )?(?:apply|applies|govern|governs) to (?:any |all |the |your |each )?(?:use|usage|using|uses)\b/,
];

/** Whether words bind the user beyond a licence ({@link OBLIGATING}): read by the notice reader too. */
export function bindsUser(words: readonly string[]): boolean {
  return obligates(` ${words.join(' ')} `);
}

/**
 * Whether words set terms of their own: they restrict, or they bind the user beyond a licence. What
 * keeps words beside a notice (notices.ts) or a NOTICE file's text (notice-terms.ts) from being read
 * as a description.
 */
export function setsTerms(words: readonly string[]): boolean {
  return judgeSurrounding(words) === 'restricts' || bindsUser(words);
}

/** Sun's and Oracle's line under a copyright statement (CDDL headers): the licence's own terms. */
const LICENCE_TERMS_LINE = /\buse is subject to (?:the )?licen[cs]e terms\b/g;

function obligates(joined: string): boolean {
  const text = joined.replace(LICENCE_TERMS_LINE, ' | ');
  return OBLIGATING.some((pattern) => pattern.test(text));
}

/** Four single letters or more in a row: words spelt out, letter by letter ("N O T  F O R …", "N.o.t f.o.r …"). */
const SPELT_OUT = /(?:^| )((?:\p{L} ){4,})/gu;
/**
 * What spelt-out letters must not hold, joined (their word breaks are lost): the words of a term.
 * Not any run of single letters: code beside a licence header has them ("x 2 erf x exp t t dt").
 */
const SPELT_TERMS = /commercial|prohibit|forbid|notfor|onlyfor|maynot|mustnot|cannot|military|personaluse|nonprofit|royalt|evaluation|subscription|withoutpermission/;

/** Whether letters spelt out one by one say a term. */
function speltOutTerm(text: string): boolean {
  for (const found of text.matchAll(SPELT_OUT)) if (SPELT_TERMS.test(found[1]!.replace(/ /g, ''))) return true;
  return false;
}

/** A word of letters and digits standing for letters: 0 for o, 1 for i, 3 for e, 4 for a, 5 for s, 7 for t. */
const LEET_WORD = /\b(?=[a-z0-9]*[a-z])(?=[a-z0-9]*[013457])[a-z0-9]+\b/g;
const LEET: Readonly<Record<string, string>> = { 0: 'o', 1: 'i', 3: 'e', 4: 'a', 5: 's', 7: 't' };

function unLeet(text: string): string {
  return text.replace(LEET_WORD, (word) => word.replace(/[013457]/g, (digit) => LEET[digit]!));
}

// "offered under a commercial licence and under the AGPL", "dual-licensed under the GPL and a
// commercial licence", "a commercial licence is available from …", "the purchase of a
// commercial-friendly license" (telnet-client), "dual-licensed, either under GPL V3, or a commercial
// license that is available for purchase upon request" (iframe-resizer 5).
const COMMERCIAL_OFFER =
  /\b(?:dual licensed|dual licensing|dual license|offered under|available under|licensed under|available as|alternatively|also available|obtain|purchase|buy)\b[\w ]{0,80}?\b(?:commercial|proprietary|enterprise)(?: friendly)? licen[cs]es?(?: (?:that|which) (?:is|are) available (?:for purchase|to purchase|to buy)(?: (?:up)?on request)?)?\b|\b(?:commercial|proprietary|enterprise) licen[cs]es? (?:is |are )?(?:also )?(?:available|offered)\b|\b(?:pro|premium|enterprise|commercial) (?:edition |version )?(?:has|comes with|is available under) an? (?:commercial|proprietary|enterprise)(?: friendly)? licen[cs]e\b/;
/** Where the offer says to ask: "for commercial licensing", "on commercial licensing". */
const COMMERCIAL_CONTACT = /\b(?:for|on|about) (?:more )?(?:information (?:on|about) )?(?:commercial|enterprise) licen[cs]ing\b/g;
/** Ids of copyleft licences a commercial licence is commonly offered beside. */
const DUAL_LICENSED = /^(?:A?GPL|LGPL|SSPL|EUPL|OSL|MPL|EPL|CDDL)-/;
/** The id a commercial offer becomes (a knowledge-base entry: payback). */
export const COMMERCIAL_LICENCE = 'LicenseRef-scancode-commercial-license';

/**
 * Whether a stretch offers a commercial licence as the alternative to the copyleft licences
 * matched (`ids`), with nothing else restricting in it.
 */
export function offersCommercialChoice(words: readonly string[], ids: readonly string[]): boolean {
  if (!ids.some((id) => DUAL_LICENSED.test(id))) return false;
  const text = ` ${words.join(' ')} `;
  const offer = COMMERCIAL_OFFER.exec(text);
  if (!offer) return false;
  // (Where to ask for it is the offer's too: "For commercial licensing, contact sales@….")
  const rest = (text.slice(0, offer.index) + ' | ' + text.slice(offer.index + offer[0].length)).replace(COMMERCIAL_CONTACT, ' | ');
  return judgeSurrounding(rest.split(' ').filter((word) => word !== '')) !== 'restricts';
}

/** Words that narrow who a grant is for (excluding-words.ts). */
const NARROWING = new Set(NARROWING_WORDS);

/** Words by which a few words make an exception of someone ("Except Amazon.", "Only Acme Corp."). */
const EXCEPTING = new Set(['except', 'excepting', 'unless', 'only', 'solely']);
/** The same in two words ("Apart from Amazon.", "Other than Amazon.", "Save for Oracle."). */
const EXCEPTING_PAIR = new Set(EXCEPTING_PAIRS.map((pair) => pair.join(' ')));

/** Whether an excepting word, or an excepting pair, stands at `at` in `words`. */
function excepts(words: readonly string[], at: number): boolean {
  return EXCEPTING.has(words[at] ?? '') || EXCEPTING_PAIR.has(`${words[at] ?? ''} ${words[at + 1] ?? ''}`);
}

/**
 * Whether words that begin with an excepting word (or pair) make an exception of someone: what
 * follows it is more than a stock phrase ("except as noted below") or benign words. "Except
 * Amazon. All rights reserved." is; "Only the files under src/ are covered." is not.
 */
export function makesException(words: readonly string[]): boolean {
  return excepts(words, 0) && judgeSurrounding(words) !== 'benign';
}

/**
 * Whether a few words beside a known text are a title or a name (the file's first line, a run of
 * fewer than four words): they negate nothing ("No" above "Permission is hereby granted"),
 * restrict nothing ("Non-commercial") and except no one ("Except Amazon.", "Only Acme Corp.").
 */
export function titleOrName(words: readonly string[]): boolean {
  // "MIT No Attribution", "No-notice MIT License": licences' own names, not a negation.
  const named = words.filter((word, at) => !(word === 'no' && (words[at + 1] === 'attribution' || words[at + 1] === 'notice')));
  // Nor are words in another script a title copyfair can read ("禁止商业用途", commercial use forbidden).
  // Nor a few words that narrow who may use it ("Academic" just above "redistribution and use …").
  return negations(named) === 0 && !words.some((word, at) => excepts(words, at) || NARROWING.has(word)) && !inOtherScript(words) && judgeSurrounding(words) !== 'restricts';
}
