// The vocabulary shared by every stage of the pipeline (DESIGN.md §2): who uses a work and how
// (Profile), what a licence demands (Terms), what a component is (Component), and what copyfair
// concludes (Verdict, Report). Plain data only: no functions, no classes, so values cross stage
// boundaries, the programmatic API and JSON output unchanged.

/** Verdict outcomes, ordered best to worst. The order is used to combine verdicts. */
export const OUTCOMES = ['free', 'share-alike', 'payback', 'forbidden', 'unknown'] as const;
/** What using a work means for this user: see the README's table of outcomes. */
export type Outcome = (typeof OUTCOMES)[number];

/** Legal form of the user of a work. */
export const ENTITIES = [
  'for-profit',
  'worker-cooperative',
  'nonprofit',
  'education',
  'public-sector',
  'individual',
] as const;
export type Entity = (typeof ENTITIES)[number];

/** Ways of using a work that licences attach obligations to. */
export const USES = ['internal', 'distribute', 'network', 'modify'] as const;
export type Use = (typeof USES)[number];

/**
 * Sectors that ethical licences ban: the closed vocabulary of `--field` and `profile.fields`. A
 * misspelt field would silently loosen a ban, so anything else is a usage error; a test keeps
 * every field the knowledge base names in this list.
 */
export const KNOWN_FIELDS = [
  'military',
  'law-enforcement',
  'fossil-fuels',
  'surveillance',
  'prisons',
  'immigration-enforcement',
  'weapons',
  'gambling',
  'tobacco',
  'animal-agriculture',
  'mining',
  'media-manipulation',
  'social-scoring',
  'nuclear-energy',
] as const;

/**
 * Who uses the work and how. Every fact is optional: a fact the profile does not state is assumed
 * the strict way by the engine, which lists what it assumed in the verdict.
 */
export interface Profile {
  /** Legal form. Unstated: `for-profit`. */
  entity?: Entity;
  /** Ways the work is used. Unstated: all four. */
  uses?: Use[];
  /** The user distributes all surplus among its worker-owners (PPL, CNPL, CoopCycle). */
  surplusToWorkers?: boolean;
  /** Every owner is a worker with equal equity or an equal vote (ACSL). */
  equalVote?: boolean;
  /** Individuals working for the user (employees and contractors, affiliates included). */
  employees?: number;
  /** Revenue in the last tax year, in US dollars of that year. */
  revenueUsd?: number;
  /** Number of users of the work inside the user's organisation (Fair Source). */
  users?: number;
  /** Sectors the user works in. Unstated: none (see the README on field-of-use bans). */
  fields?: string[];
  /** The product competes with, hosts or sells the dependency's own functionality. */
  competes?: boolean;
  /** The date to evaluate at, `YYYY-MM-DD` (change dates, trials, conversions). */
  date?: string;
}

/** Where a shared-alike release reaches, narrowest first. */
export const SHARE_SCOPES = ['file', 'library', 'work', 'all-software', 'service-stack'] as const;
export type ShareScope = (typeof SHARE_SCOPES)[number];

/** What sets off a share-alike obligation. */
export const SHARE_TRIGGERS = ['distribute', 'network', 'any-use'] as const;
export type ShareTrigger = (typeof SHARE_TRIGGERS)[number];

/** How to pay back: whatever the licence or its licensor tells us. */
export interface PayRoute {
  /** Where to buy or ask for a licence. */
  url?: string;
  /** Whom to ask (e-mail, name). */
  contact?: string;
  /** A published price, verbatim. */
  price?: string;
  /** The terms of payment in words (e.g. "fair, reasonable and non-discriminatory"). */
  note?: string;
}

interface ObligationBase {
  /** The licence section the obligation comes from, e.g. `§4(c)`. */
  section: string;
  /** The obligation in plain words, for this licence. */
  summary?: string;
  /** The licence (or exception) the obligation comes from. Set by the engine. */
  licence?: string;
}

/** Typed obligations (DESIGN §2): never free text alone. */
export type Obligation =
  | (ObligationBase & { kind: 'notice' })
  | (ObligationBase & { kind: 'attribution' })
  | (ObligationBase & { kind: 'state-changes' })
  | (ObligationBase & { kind: 'source-offer' })
  | (ObligationBase & { kind: 'share-alike'; scope: ShareScope; trigger: ShareTrigger })
  | (ObligationBase & { kind: 'pay'; route: PayRoute })
  | (ObligationBase & { kind: 'contribute'; withinDays: number })
  /** License your own patent claims the work needs to everyone, under the same licence (the AOM patent licence's give-back). */
  | (ObligationBase & { kind: 'patent-grant' })
  | (ObligationBase & { kind: 'conduct'; clauses: string[] })
  | (ObligationBase & {
      kind: 'time-limit';
      trialDays?: number;
      changeDate?: string;
      changeLicence?: string;
    });
export type ObligationKind = Obligation['kind'];
export const OBLIGATION_KINDS = Object.keys({
  notice: true,
  attribution: true,
  'state-changes': true,
  'source-offer': true,
  'share-alike': true,
  pay: true,
  contribute: true,
  'patent-grant': true,
  conduct: true,
  'time-limit': true,
} satisfies Record<ObligationKind, true>) as ObligationKind[];

/** A reference from a rule value to a parameter of the terms, e.g. BUSL's Change Date. */
export interface ParamRef {
  param: string;
}

/**
 * A rule's condition: every stated key must hold (AND). A rule's `when` may also be a list of
 * conditions, any of which holds (OR). An empty condition always holds.
 */
export interface Condition {
  /** The user's entity is one of these. */
  entity?: Entity[];
  /** The user's entity is none of these. */
  entityNot?: Entity[];
  /** The user uses the work in at least one of these ways. */
  uses?: Use[];
  /** The user uses the work in none of these ways. */
  usesNone?: Use[];
  /** The user uses the work in every one of these ways (AGPL §13: modified and networked). */
  usesAll?: Use[];
  surplusToWorkers?: boolean;
  equalVote?: boolean;
  employeesBelow?: number | ParamRef;
  employeesAtLeast?: number | ParamRef;
  revenueBelow?: number | ParamRef;
  revenueAtLeast?: number | ParamRef;
  usersBelow?: number | ParamRef;
  usersAtLeast?: number | ParamRef;
  /** The user works in at least one of these fields. */
  fields?: string[];
  competes?: boolean;
  /** The evaluation date is before this date (or the parameter holding one). */
  dateBefore?: string | ParamRef;
  /** The evaluation date is on or after this date (or the parameter holding one). */
  dateOnOrAfter?: string | ParamRef;
  /** A list parameter (e.g. Hippocratic 3.0 modules) contains at least one of these values. */
  paramIncludes?: Record<string, string[]>;
  /** These parameters have a value (true) or have none (false). */
  paramSet?: Record<string, boolean>;
}

/** One `when → outcome` pair; the first rule whose condition holds decides. */
export interface Rule {
  when: Condition | Condition[];
  outcome: Outcome;
  /** Obligations added by this rule (on top of the terms' base obligations). */
  obligations?: Obligation[];
  /** The clause of the licence this rule comes from, e.g. `§4(c)`. */
  section: string;
  /** Why, in plain words, citing the licence's own phrasing where short. */
  because: string;
  /** For `free`, `share-alike`: the verdict switches to `change` licence from this parameter/date. */
  becomes?: { licence: string; on: string | ParamRef };
}

/** Licence families: the coarse classes used for entries reviewed at family level. */
export const FAMILIES = [
  'public-domain',
  'permissive',
  'weak-copyleft',
  'strong-copyleft',
  'network-copyleft',
  'copyfarleft',
  'ethical',
  'non-commercial',
  'size-limited',
  'source-available',
  'contribute-back',
  'proprietary',
  'exception',
  'unknown',
] as const;
export type Family = (typeof FAMILIES)[number];

/** A declared parameter of parameterised terms (BUSL Change Date, Hippocratic 3.0 modules, …). */
export interface ParameterSpec {
  type: 'date' | 'string' | 'number' | 'list' | 'expression';
  description: string;
  default?: string | number | string[];
}

/** The effect an exception (`WITH`) has on the licence it is attached to. */
export interface ExceptionEffect {
  /** Share-alike obligations reach no further than this. */
  shareAlikeScope?: ShareScope;
  /** Obligation kinds the exception removes. */
  drop?: ObligationKind[];
  /** What the exception does, in plain words. */
  note: string;
}

/** Data used to recognise the licence in text (see src/identify). */
export interface IdentificationData {
  /** Path of the reference text, relative to the knowledge base directory. */
  text?: string;
  /** Short phrases only this licence has, used to tell near twins apart. */
  phrases?: string[];
  /** Phrases whose presence rules this licence out. */
  absent?: string[];
}

/** One knowledge-base entry (`licences/<id>.yaml`): what a licence demands of whom. */
export interface Terms {
  /** SPDX id or `LicenseRef-…`. */
  id: string;
  name: string;
  /** Names people write in the wild (`CNPLv7+`, `ELv2`, `Commons Clause`). */
  aliases: string[];
  family: Family;
  /** `licence`, or `exception` for a `WITH` exception. */
  kind: 'licence' | 'exception';
  /** True when the rules were written from the licence text; false for family-level entries. */
  curated: boolean;
  /**
   * Terms that narrow another licence and are never a licence alone (the Commons Clause): valid only
   * beside that licence (AND, or after WITH); alone or as an OR branch they leave it unknown.
   */
  rider?: boolean;
  /** The licence in plain words, for `copyfair explain`. */
  summary: { commercial: string; triggers: string; owed: string };
  /** Parameters and their defaults, for templated terms. */
  parameters?: Record<string, ParameterSpec>;
  /** Obligations that hold whenever the work may be used at all. */
  obligations: Obligation[];
  rules: Rule[];
  /** Where a non-exempt user pays back, when the licence or licensor says. */
  payback?: PayRoute;
  /** For exceptions: what attaching it changes. */
  effect?: ExceptionEffect;
  /** Where the text is and where the rules come from. */
  source: { url: string; sections?: string };
  identification?: IdentificationData;
  /** Ids this entry was deprecated in favour of, or newer versions the user may choose. */
  laterVersions?: string[];
  /** Free-form remarks shown by `explain`. */
  notes?: string[];
}

/** One fact the engine assumed because the profile did not state it. */
export interface Assumption {
  fact: keyof Profile | 'parameter';
  /** The value assumed, as text. */
  value: string;
  /** Why, and how to state the fact instead. */
  note: string;
}

/** The rule that decided a leaf of the expression. */
export interface Reason {
  licence: string;
  outcome: Outcome;
  section: string;
  because: string;
}

/** For `A OR B`: which branch was taken, and what the others would have meant. */
export interface Choice {
  chosen: string;
  alternatives: { expression: string; outcome: Outcome }[];
}

/** What copyfair concludes about an expression for a profile. */
export interface Verdict {
  /** The normalised expression evaluated. */
  expression: string;
  outcome: Outcome;
  obligations: Obligation[];
  because: Reason[];
  assumed: Assumption[];
  chosen: Choice[];
  /** Anything else the user should know (later versions, change dates ahead, …). */
  notes: string[];
}

/** Dependency scope, from the dependency graph. */
export const SCOPES = ['prod', 'dev', 'optional', 'peer'] as const;
export type Scope = (typeof SCOPES)[number];

/** A place in a file: 1-based line and column. */
export interface Location {
  file: string;
  line?: number;
  column?: number;
  /** A JSON pointer (RFC 6901) into the file, for places in an SBOM. */
  pointer?: string;
}

/** Where a licence claim came from (DESIGN §2). */
export type Evidence =
  | { kind: 'declared'; value: string; expression: string | null; location: Location }
  | {
      kind: 'licence-file';
      expression: string | null;
      confidence: number;
      location: Location;
      sha256: string;
      /** Read from a README's "License" section (no licence file shipped): weaker evidence. */
      readme?: true;
      /** Unidentified, with words that read like terms of their own (never ignored). */
      restrictive?: true;
      /** Why a person must read it, when identification could say (see `Identification.reason`). */
      reason?: string;
      /**
       * The licence of part of the package: other projects' code it keeps in a folder of its own
       * (`vendor/base64/LICENSE-MIT.txt`). It applies besides the package's own licence (AND), and
       * is never read as that licence.
       */
      part?: true;
      /** What of the package the part is, when it is not other projects' code: "its logo (logo/glob.png)". */
      partOf?: string;
    }
  | { kind: 'terms-file'; expression: string; location: Location }
  | { kind: 'clarification'; expression: string; location: Location }
  | { kind: 'sbom'; expression: string; location: Location };

/** A person as a manifest names them (npm's "Name <email> (url)" or object form). */
export interface Person {
  name?: string;
  email?: string;
  url?: string;
}

/** Who is behind a package, as its manifest says: whom to go to when something is owed. */
export interface Contacts {
  author?: Person;
  maintainers?: Person[];
  homepage?: string;
  repository?: string;
}

/** One package at one version from one ecosystem. */
export interface Component {
  ecosystem: string;
  name: string;
  version: string;
  purl: string;
  scope: Scope;
  /** Every path from the root that brings it in, shortest first; each path lists names. */
  paths: string[][];
  /** Folder of the installed package, relative to the project root, when installed. */
  directory?: string;
  /** Manifest or lockfile place that brings the component in. */
  location?: Location;
  evidence: Evidence[];
  /** Licence, copying and notice files found, relative to the project root. */
  licenceFiles: string[];
  funding: string[];
  /** Author, maintainers, homepage and repository, when the manifest names them. */
  contacts?: Contacts;
  /** A `copyfair-terms.yaml` the component ships, relative to the project root. */
  termsFile?: string;
  /** Terms the component ships for its own `LicenseRef-*` ids (read from `termsFile`). */
  shippedTerms?: Terms[];
  /**
   * Why copyfair has no licence to read for the component (locked but not installed, not vendored,
   * a Go module without a licence file), and what to do: its verdict is unknown for this reason.
   */
  notRead?: string;
}

/** A stable, documented diagnostic code (see docs/diagnostics.md). */
export interface Diagnostic {
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  location?: Location;
  /** What the user can do about it. */
  hint?: string;
  /** The component it concerns, `name@version`. */
  component?: string;
}

/** Where a contact came from, in order of preference (src/report/contacts.ts). */
export const CONTACT_SOURCES = ['licensor', 'copyright-holder', 'licence-text', 'licence-route', 'funding', 'author', 'maintainer', 'homepage', 'repository'] as const;
export type ContactSource = (typeof CONTACT_SOURCES)[number];

/** One way to reach whoever is owed (to pay back, or to give code back to). */
export interface Contact {
  source: ContactSource;
  /** The file it was read from (relative to the project), or the licence id for a route. */
  from: string;
  name?: string;
  email?: string;
  /** An http(s) address only; anything else is dropped. */
  url?: string;
}

/** A component together with the expression copyfair settled on and its verdict. */
export interface ComponentResult extends Component {
  /** The licence expression decided from the evidence (null when none could be decided). */
  expression: string | null;
  verdict: Verdict;
  /**
   * For `payback` and `share-alike`, and for a licence's payment request (`requests`): who to go
   * to, best first (src/report/contacts.ts).
   */
  owedTo?: Contact[];
  /**
   * Payments a licence file asks for and says are not required (node-forge's "reasonable payment …
   * is not required but is expected and would be appreciated"): nothing owed, listed by `copyfair
   * payback` as asked. Each with its file, lines and words (normalised, cut to a quotable length).
   */
  requests?: PaymentRequest[];
}

/** A licence file's request for a payment it says is not required (src/identify/requests.ts). */
export interface PaymentRequest {
  file: string;
  start: number;
  end: number;
  words: string;
}

/** Groups of what is owed, in the order the headline lists them. */
export const OWED_GROUPS = ['give-back-code', 'pay', 'not-permitted', 'unknown'] as const;
export type OwedGroup = (typeof OWED_GROUPS)[number];

/** One thing owed for one component. */
export interface OwedItem {
  component: string;
  version: string;
  expression: string | null;
  outcome: Outcome;
  /** The obligations that make it owed (share-alike, pay, …) with their clauses. */
  obligations: Obligation[];
  because: Reason[];
  /** Shortest dependency path. */
  path: string[];
  /** Where to pay back: the package's funding links and the licensor's route. */
  payTo: string[];
  /** Who to go to, best first, each with where it came from (licensor, copyright holders, funding, author, …). */
  contacts: Contact[];
}

/**
 * What the headline says: `yes` (everything read, nothing in --fail-on), `no` (something in
 * --fail-on, or a config error), `cannot-tell` (evidence missing), `unreadable` (no answer).
 */
export const ANSWER_STATUSES = ['yes', 'no', 'cannot-tell', 'unreadable'] as const;
export type AnswerStatus = (typeof ANSWER_STATUSES)[number];

/** The headline: may this user use all of it without paying back, and if not what is owed. */
export interface Answer {
  /** True only when the status is `yes`. */
  ok: boolean;
  status: AnswerStatus;
  /** False when the run fails (exit 1), or for `unreadable` (exit 2). */
  passes: boolean;
  /** The outcomes that fail the run, as the answer was decided. */
  failOn: Outcome[];
  headline: string;
  owed: { group: OwedGroup; items: OwedItem[] }[];
}

/**
 * A fact copyfair assumed that decides some packages' outcomes: evaluated again with the fact
 * stated the other way, these packages change (src/scan/deciding.ts).
 */
export interface DecidingFact {
  /** The profile fact (`competes`, `employees`, `entity`, …). */
  fact: string;
  /** The flag that states it, e.g. `--no-competes`. */
  flag: string;
  /** What was assumed, in words. */
  assumed: string;
  /** What stating it would say, in words. */
  stated: string;
  /** Each package whose outcome would change, from what to what. */
  changes: { component: string; from: Outcome; to: Outcome }[];
  /** The whole finding in one sentence. */
  summary: string;
}

/** The result of a scan: schema-versioned, deterministic, sorted. */
export interface Report {
  schemaVersion: 1;
  tool: { name: 'copyfair'; version: string; knowledgeBase: string };
  /** The profile as evaluated (defaults filled in, see each verdict's `assumed`). */
  profile: Profile;
  project: {
    name: string;
    version?: string;
    /** The sources read: lockfiles, node_modules, manifests, relative to the scanned folder. */
    sources: { kind: string; file: string; ecosystem?: string }[];
    workspace?: string;
    /** The policy file used (copyfair.yaml, or package.json's `copyfair` key), relative to the scanned folder; absent when none. */
    config?: string;
  };
  answer: Answer;
  summary: Record<Outcome, number> & { total: number };
  components: ComponentResult[];
  diagnostics: Diagnostic[];
  /** The assumed facts that decide some packages' outcomes, most packages first. */
  decidingFacts: DecidingFact[];
}
