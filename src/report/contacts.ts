// To whom: for a component that asks something of the user (payback, share-alike), who to go
// to, best first, each labelled with where it came from: the licensor named in the licence text
// (BUSL's Licensor, the copyright holders), addresses the licence text gives, the licence's own
// route, the package's funding, author, maintainers, homepage and repository. Pure: the scan reads
// the files and passes them in (src/scan/contacts.ts); the `payback` plan reads the result from
// each component's `owedTo`. The one place that works out "to whom".

import type { Contact, Contacts, ContactSource } from '../types.js';
import { licencesOwnLine } from '../util/copyright.js';

/** What the contacts are read from. */
export interface ContactInput {
  /** The people and places the package's manifest names (collected with the component), and that manifest's path. */
  people?: { file: string; contacts: Contacts };
  /** Licence files: path and text. */
  licenceTexts?: { file: string; text: string }[];
  /** The component's expression: copyright lines of those licences' own texts name no holder. */
  expression?: string | null;
  /** BUSL-style Licensor parameters found in licence texts: file and value. */
  licensors?: { file: string; name: string }[];
  /** Pay routes of the licence or of a terms file: which licence, url, contact. */
  routes?: { licence: string; url?: string; contact?: string }[];
  /** Funding links (already collected), and the manifest they were read from. */
  funding?: string[];
  manifestFile?: string;
}

/** An http(s) URL, or undefined: `javascript:` and the like never reach a report. */
export function httpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  let text = value.trim();
  const ssh = /^git@([\w.-]+):(.+?)(?:\.git)?$/.exec(text);
  if (ssh) text = `https://${ssh[1]}/${ssh[2]}`;
  const shorthand = /^(?:(github|gitlab|bitbucket):)?([\w.-]+\/[\w.-]+)$/.exec(text);
  if (shorthand && !text.includes(':/')) text = `https://${shorthand[1] === 'gitlab' ? 'gitlab.com' : shorthand[1] === 'bitbucket' ? 'bitbucket.org' : 'github.com'}/${shorthand[2]}`;
  text = text.replace(/^git\+/, '').replace(/^git:\/\//, 'https://').replace(/^ssh:\/\/git@/, 'https://').replace(/\.git$/, '');
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href.replace(/\/$/, '') : undefined;
  } catch {
    return undefined;
  }
}

/** A whole e-mail address, loosely: something, "@", something, no spaces or angle brackets. */
const EMAIL_ADDRESS = /^[^\s@<>]+@[^\s@<>]+$/;

/** "Jane Doe <jane@example.org> (https://jane.example)" or `{ name, email, url }`. */
function person(value: unknown): { name?: string; email?: string; url?: string } | undefined {
  if (typeof value === 'string') {
    const match = /^\s*([^<(]*?)\s*(?:<([^>]*)>)?\s*(?:\(([^)]*)\))?\s*$/.exec(value);
    if (!match) return { name: value.trim() || undefined };
    return clean({ name: match[1], email: match[2], url: match[3] });
  }
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return clean({ name: record.name, email: record.email, url: record.url ?? record.web });
  }
  return undefined;
}

function clean(raw: { name?: unknown; email?: unknown; url?: unknown }): { name?: string; email?: string; url?: string } | undefined {
  const name = typeof raw.name === 'string' && raw.name.trim() ? raw.name.trim() : undefined;
  const email = typeof raw.email === 'string' && EMAIL_ADDRESS.test(raw.email.trim()) ? raw.email.trim() : undefined;
  const url = httpUrl(raw.url);
  return name || email || url ? { ...(name ? { name } : {}), ...(email ? { email } : {}), ...(url ? { url } : {}) } : undefined;
}

/** Organisations whose copyright lines belong to a licence's own text, not to the work. */
const LICENCE_STEWARDS = /^(?:Free Software Foundation|Creative Commons|Mozilla Foundation|Open Source Initiative|MariaDB Corporation|Software in the Public Interest)\b/i;

/**
 * Copyright lines of a licence text: "Copyright (c) 2024 Jane Doe <jane@example.org>". A line that
 * belongs to the text of a licence in `expression` (the FSF's line atop the GPL) names no holder.
 */
export function copyrightHolders(text: string, expression: string | null = null): { name?: string; email?: string; url?: string }[] {
  const found: { name?: string; email?: string; url?: string }[] = [];
  for (const line of text.split('\n').slice(0, 200)) {
    if (!/^\s*(?:copyright\b|\(c\)|©)/i.test(line) || isListItemC(line)) continue;
    const rest = line
      .replace(/copyright|\(c\)|©/gi, ' ')
      .replace(/all rights reserved\.?/i, ' ')
      .replace(/^[\s\d,–.:-]*(?:present)?[\s,.:]*/i, '')
      .replace(/^by\s+/i, '')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[.,]$/, '');
    // Template placeholders, sentences of the licence, and the stewards who own licence texts
    // themselves (the FSF's "Copyright (C) 2007 Free Software Foundation" atop the GPL) are not holders.
    if (!rest || rest.length > 120 || /[[\]{}]|notice|holder|license|licence|owner|the above|this |permission/i.test(rest)) continue;
    if (LICENCE_STEWARDS.test(rest) || licencesOwnLine(line.trim(), expression)) continue;
    const holder = person(rest);
    if (holder) found.push(holder);
    if (found.length >= 5) break;
  }
  return found;
}

/**
 * A licence's own list item "(c)", not a copyright sign: Apache-2.0's "(c) You must retain, in the
 * Source form of any Derivative Works", MPL-2.0's "(c) under Patent Claims infringed by Covered
 * Software". No year, and a word of terms; "(c) The Regents of the University of California" is a
 * holder.
 */
function isListItemC(line: string): boolean {
  return /^\s*\(c\)\s/i.test(line) && !/\b(?:1[89]|20)\d\d\b/.test(line) && /\b(?:you|your|must|shall|may|under|infring\w*|grant\w*|distribut\w*|retain\w*|provided|if|unless)\b/i.test(line);
}

/** The holder a copyright line names: "Copyright (c) 2019-2024 Acme, Inc. All rights reserved." → "Acme, Inc". */
export function holderName(line: string): string | undefined {
  return copyrightHolders(line)[0]?.name;
}

// (No square brackets: a Markdown link's text holds the address too, "[https://x](https://x)".)
const URL_PATTERN = /https?:\/\/[^\s<>()"'`[\]]+[^\s<>()"'`.,;:!?[\]]/g;
const EMAIL_DOMAIN = /^[\w-]+(?:\.[\w-]+)+/;

/** `[\w.+-]` by character code: the characters of an address's local part. */
const isLocalChar = (code: number) => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 46 || code === 43 || code === 45;

/**
 * E-mail addresses in a text, as the global /[\w.+-]+@[\w-]+(\.[\w-]+)+/g would find them, from
 * each "@" outwards: that regular expression tries every position of a 35 KB licence text (30 ms
 * for a hundred GPL packages), where an address needs an "@".
 */
function emailsIn(text: string): string[] {
  const found: string[] = [];
  let end = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > end && isLocalChar(text.charCodeAt(start - 1))) start--;
    if (start === at) continue;
    const domain = EMAIL_DOMAIN.exec(text.slice(at + 1, at + 256));
    if (!domain) continue;
    end = at + 1 + domain[0].length;
    found.push(text.slice(start, end));
    at = end - 1;
  }
  return found;
}

/** Addresses of licence stewards, which standard texts cite: never the licensor's. */
const STEWARD_ADDRESSES = /(creativecommons\.org|gnu\.org|fsf\.org|apache\.org|opensource\.org|mozilla\.org|spdx\.org|mariadb\.com|peerproduction\.net|polyformproject\.org|firstdonoharm\.dev|ethicalsource\.dev|anticapitalist\.software|coopcycle\.org\/license|prosperitylicense\.com|paritylicense\.com|blueoakcouncil\.org|fsl\.software|elastic\.co\/licensing\/elastic-license)/i;

/** http(s) and e-mail addresses a licence text gives that the standard texts do not, in order. */
export function licenceTextAddresses(text: string): { email?: string; url?: string }[] {
  const found: { email?: string; url?: string }[] = [];
  const seen = new Set<string>();
  for (const address of [...Array.from(text.matchAll(URL_PATTERN), (match) => match[0]), ...emailsIn(text)]) {
    if (seen.has(address) || STEWARD_ADDRESSES.test(address)) continue;
    seen.add(address);
    if (EMAIL_ADDRESS.test(address)) found.push({ email: address });
    else {
      const url = httpUrl(address);
      if (url) found.push({ url });
    }
  }
  return found;
}

/** Who to go to, best first, each with where it came from; duplicates (same address) dropped. */
export function contactsFor(input: ContactInput): Contact[] {
  const out: Contact[] = [];
  for (const { file, name } of input.licensors ?? []) if (name.trim()) out.push({ source: 'licensor', from: file, name: name.trim() });
  for (const { file, text } of input.licenceTexts ?? []) for (const holder of copyrightHolders(text, input.expression ?? null)) out.push({ source: 'copyright-holder', from: file, ...holder });
  for (const { file, text } of input.licenceTexts ?? []) for (const address of licenceTextAddresses(text)) out.push({ source: 'licence-text', from: file, ...address });
  for (const route of input.routes ?? []) {
    const url = httpUrl(route.url);
    const contact = route.contact?.trim();
    const email = contact && EMAIL_ADDRESS.test(contact) ? contact : undefined;
    if (url || contact) out.push({ source: 'licence-route', from: route.licence, ...(email ? { email } : contact ? { name: contact } : {}), ...(url ? { url } : {}) });
  }
  for (const link of input.funding ?? []) {
    const url = httpUrl(link);
    if (url) out.push({ source: 'funding', from: input.manifestFile ?? input.people?.file ?? 'package.json', url });
  }
  if (input.people) {
    const { file, contacts } = input.people;
    const author = contacts.author && clean(contacts.author);
    if (author) out.push({ source: 'author', from: file, ...author });
    for (const maintainer of (contacts.maintainers ?? []).slice(0, 10)) {
      const who = clean(maintainer);
      if (who) out.push({ source: 'maintainer', from: file, ...who });
    }
    const homepage = httpUrl(contacts.homepage);
    if (homepage) out.push({ source: 'homepage', from: file, url: homepage });
    const repository = httpUrl(contacts.repository);
    if (repository) out.push({ source: 'repository', from: file, url: repository });
  }
  const seen = new Set<string>();
  return out.filter((contact) => {
    const key = contact.email ?? contact.url ?? `${contact.source}:${contact.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Words for a source, for people. */
export const CONTACT_LABELS: Record<ContactSource, string> = {
  licensor: 'licensor',
  'copyright-holder': 'copyright holder',
  'licence-text': 'licence text',
  'licence-route': 'licence route',
  funding: 'funding',
  author: 'author',
  maintainer: 'maintainer',
  homepage: 'homepage',
  repository: 'repository',
};

/** One contact in one line: "licensor (node_modules/x/LICENSE): Acme <a@acme.example> https://…". */
export function describeContact(contact: Contact): string {
  const who = [contact.name, contact.email && `<${contact.email}>`, contact.url].filter(Boolean).join(' ');
  return `${CONTACT_LABELS[contact.source]} (${contact.from}): ${who}`;
}
