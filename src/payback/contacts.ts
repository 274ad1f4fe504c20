// The licensor of a component and the addresses to reach it, for the payback plan: read from the
// contacts the scan already worked out (`owedTo`, src/report/contacts.ts), never from the licence
// files again. The plan shows addresses (e-mail or http(s)), each with where copyfair found it.
import type { ComponentResult, Contact as OwedContact } from '../types.js';

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

/** Where each source of the scan's contacts goes in the plan: what a licence text says is one source. */
const SOURCES: Record<OwedContact['source'], ContactSource> = {
  licensor: 'licence-text',
  'copyright-holder': 'licence-text',
  'licence-text': 'licence-text',
  'licence-route': 'licence-terms',
  funding: 'funding',
  author: 'author',
  maintainer: 'maintainer',
  homepage: 'homepage',
  repository: 'repository',
};

/** The licensor (the BUSL Licensor, else the copyright holder, else the author) and its addresses, best first. */
export function licensorOf(component: ComponentResult): Licensor {
  const owed = component.owedTo ?? [];
  const named = (source: OwedContact['source']) => owed.find((contact) => contact.source === source && contact.name)?.name;
  const licensor = named('licensor');
  const holder = named('copyright-holder');
  const author = named('author');
  const contacts: Contact[] = [];
  for (const contact of owed) {
    const source = SOURCES[contact.source];
    // A person's name goes with their own addresses; the licensor's and holder's come from the text.
    const name = source === 'author' || source === 'maintainer' ? contact.name : undefined;
    for (const address of [contact.email, contact.url]) {
      if (address && !contacts.some((known) => known.address === address)) contacts.push({ source, address, ...(name ? { name } : {}) });
    }
  }
  if (licensor) return { name: licensor.replace(/[.\s]+$/, ''), from: 'licence-parameters', contacts };
  if (holder) return { name: holder, from: 'copyright', contacts };
  if (author) return { name: author, from: 'author', contacts };
  return { name: `the authors of ${component.name}`, from: 'package', contacts };
}
