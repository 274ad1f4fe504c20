// Whom to go to for a component that asks something: the licensor the licence text names (BUSL's
// Licensor, the copyright holders), addresses in the licence text and in the licence's pay route,
// then the package's funding, author, maintainers, homepage and repository — each labelled with
// where it came from, in that order of preference.
import type { ReadOnlyFs } from '../ecosystems/fs.js';
import { isLicenceText } from '../ecosystems/npm/licence-files.js';
import { identifyText } from '../identify/index.js';
import type { ComponentResult, Person } from '../types.js';
import { copyrightLines, licencesOwnLine } from '../util/copyright.js';

export type ContactSource = 'licence-text' | 'licence-terms' | 'funding' | 'author' | 'maintainer' | 'homepage' | 'repository';

/** One place to go, and where copyfair found it. */
export interface Contact {
  source: ContactSource;
  /** An http(s) address or an e-mail address. */
  address: string;
  /** A name, where one goes with the address. */
  name?: string;
}

/** The licensor of a component and the places to reach it. */
export interface Licensor {
  name: string;
  /** Where the name came from: the BUSL parameters, a copyright line, the author, the package. */
  from: 'licence-parameters' | 'copyright' | 'author' | 'package';
  contacts: Contact[];
}

const MAX_BYTES = 1024 * 1024;
const URL_PATTERN = /https?:\/\/[^\s<>()"'`]+[^\s<>()"'`.,;:!?]/g;
const EMAIL_PATTERN = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;
const EMAIL_ADDRESS = /^[\w.+-]+@[\w-]+(\.[\w-]+)+$/;

/** Finds the licensor and the contacts of a component, reading its licence files through `fs`. */
export async function licensorOf(component: ComponentResult, fs: ReadOnlyFs): Promise<Licensor> {
  const contacts: Contact[] = [];
  const add = (contact: Contact) => {
    if (!contacts.some((known) => known.address === contact.address)) contacts.push(contact);
  };
  let named: Pick<Licensor, 'name' | 'from'> | undefined;
  for (const file of [...component.licenceFiles].sort()) {
    if (!isLicenceText(file.split('/').pop()!)) continue;
    const text = await read(fs, file);
    if (text === undefined) continue;
    const found = identifyText(text);
    const busl = found.matches.find((match) => match.parameters?.licensor)?.parameters?.licensor;
    if (!named && typeof busl === 'string' && busl.trim() !== '') named = { name: busl.trim().replace(/[.\s]+$/, ''), from: 'licence-parameters' };
    const holder = copyrightLines(text).find((line) => !licencesOwnLine(line, component.expression));
    if (!named && holder) {
      const name = holderName(holder);
      if (name) named = { name, from: 'copyright' };
    }
    for (const address of addresses(text)) add({ source: 'licence-text', address });
  }
  for (const obligation of component.verdict.obligations) {
    if (obligation.kind !== 'pay') continue;
    for (const address of [obligation.route.url, obligation.route.contact]) {
      if (address && (/^https?:\/\//.test(address) || EMAIL_ADDRESS.test(address))) add({ source: 'licence-terms', address });
    }
  }
  for (const url of component.funding) add({ source: 'funding', address: url });
  const people = component.contacts;
  if (people?.author) personContact('author', people.author).forEach(add);
  for (const maintainer of people?.maintainers ?? []) personContact('maintainer', maintainer).forEach(add);
  if (people?.homepage) add({ source: 'homepage', address: people.homepage });
  if (people?.repository) add({ source: 'repository', address: people.repository });
  if (!named && people?.author?.name) named = { name: people.author.name, from: 'author' };
  return { ...(named ?? { name: `the authors of ${component.name}`, from: 'package' as const }), contacts };
}

/** "Copyright (c) 2019-2024 Acme, Inc. All rights reserved." → "Acme, Inc." */
export function holderName(line: string): string | undefined {
  const name = line
    .replace(/^(copyright\s*)?(\(c\)|©)?\s*/i, '')
    .replace(/^(copyright\s*)?(\(c\)|©)?\s*/i, '')
    .replace(/^[\d\s,–-]+(present)?\s*/i, '')
    .replace(/\s*all rights reserved\.?\s*$/i, '')
    .replace(/\s*<[^>]*>\s*/g, ' ')
    .replace(/\s*\([^)]*\)\s*/g, ' ')
    .replace(/https?:\/\/\S+/g, '')
    .replace(/[\s.,]+$/, '')
    .trim();
  return name === '' || /^\W+$/.test(name) ? undefined : name;
}

/** http(s) and e-mail addresses a licence text gives that its standard text does not. */
function addresses(text: string): string[] {
  const found: string[] = [];
  for (const match of [...text.matchAll(URL_PATTERN), ...text.matchAll(EMAIL_PATTERN)]) {
    const address = match[0];
    if (found.includes(address) || standardAddress(address)) continue;
    found.push(address);
  }
  return found;
}

/** Addresses of licence stewards, which standard texts cite: never the licensor's. */
const STEWARDS = /(creativecommons\.org|gnu\.org|fsf\.org|apache\.org|opensource\.org|mozilla\.org|spdx\.org|mariadb\.com|peerproduction\.net|polyformproject\.org|firstdonoharm\.dev|ethicalsource\.dev|anticapitalist\.software|coopcycle\.org\/license|prosperitylicense\.com|paritylicense\.com|blueoakcouncil\.org|fsl\.software|elastic\.co\/licensing\/elastic-license)/i;

/** Whether an address is one a standard licence text cites (creativecommons.org in the PPL, fsf.org …). */
function standardAddress(address: string): boolean {
  return STEWARDS.test(address);
}

function personContact(source: 'author' | 'maintainer', person: Person): Contact[] {
  const contacts: Contact[] = [];
  if (person.email) contacts.push({ source, address: person.email, ...(person.name ? { name: person.name } : {}) });
  if (person.url) contacts.push({ source, address: person.url, ...(person.name ? { name: person.name } : {}) });
  return contacts;
}

async function read(fs: ReadOnlyFs, file: string): Promise<string | undefined> {
  try {
    const bytes = await fs.readBytes(file, MAX_BYTES);
    return bytes.subarray(0, 8000).includes(0) ? undefined : bytes.toString('utf8');
  } catch {
    return undefined;
  }
}
