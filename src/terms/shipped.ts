// Terms files shipped inside a dependency (DESIGN §4): a copyfarleft author publishes the exact
// terms of their `LicenseRef-*` licence, and where to pay back, once, in `copyfair-terms.yaml`
// at the package root; every copyfair user then honours them.
import type { KnowledgeBase } from '../kb/index.js';
import { createKnowledgeBase } from '../kb/index.js';
import { parseYaml, validateTermsAt, locateAt, type SourceProblem } from '../kb/validate.js';
import type { Terms } from '../types.js';
import { isWebUrl } from '../util/web-url.js';

/** The file name copyfair looks for at a package's root. */
export const TERMS_FILE = 'copyfair-terms.yaml';

/**
 * Parses a terms file: `licences:` holds entries in the knowledge-base schema. Every problem is
 * returned, located; entries with problems are left out.
 */
export function parseTermsFile(file: string, text: string): { terms: Terms[]; problems: SourceProblem[] } {
  const { doc, problems } = parseYaml(file, text);
  if (problems.length > 0) return { terms: [], problems };
  const licences = doc.document.get('licences');
  if (!licences || typeof licences !== 'object' || !('items' in licences)) {
    return { terms: [], problems: [locateAt(doc, [], '`licences` must be a list of licence terms (see licences/README.md)')] };
  }
  const terms: Terms[] = [];
  const count = (licences as { items: unknown[] }).items.length;
  for (let index = 0; index < count; index++) {
    const found = [...validateTermsAt(doc, ['licences', index]), ...addressProblems(doc, index)];
    if (found.length > 0) {
      problems.push(...found);
      continue;
    }
    const value = doc.document.getIn(['licences', index], true) as { toJSON(): Terms };
    const entry = value.toJSON();
    terms.push({ ...entry, aliases: entry.aliases ?? [], obligations: entry.obligations ?? [] });
  }
  return { terms, problems };
}

/** Addresses a stranger's terms file may give: shown to users, so http(s) only, never `javascript:`. */
function addressProblems(doc: ReturnType<typeof parseYaml>['doc'], index: number): SourceProblem[] {
  const problems: SourceProblem[] = [];
  for (const path of [['payback', 'url'], ['source', 'url']]) {
    const value = doc.document.getIn(['licences', index, ...path]);
    if (typeof value === 'string' && !isWebUrl(value)) problems.push(locateAt(doc, ['licences', index, ...path], `\`${path.join('.')}\` must be an http:// or https:// address`));
  }
  const contact = doc.document.getIn(['licences', index, 'payback', 'contact']);
  if (typeof contact === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(contact) && !isWebUrl(contact) && !/^mailto:[^\s]+$/i.test(contact)) {
    problems.push(locateAt(doc, ['licences', index, 'payback', 'contact'], '`payback.contact` must be an e-mail address or an http(s) address'));
  }
  return problems;
}

/**
 * The knowledge base as one dependency sees it. Its own `LicenseRef-*` terms are authoritative;
 * for a licence copyfair already knows, the file may only add a payback route and notes: it can
 * never loosen a known licence's rules.
 */
export function overlayShippedTerms(kb: KnowledgeBase, shipped: Terms[], origin: string): KnowledgeBase {
  if (shipped.length === 0) return kb;
  const byId = new Map(kb.all().map((terms) => [terms.id, terms]));
  for (const entry of shipped) {
    const known = byId.get(entry.id);
    if (!known) {
      if (entry.id.startsWith('LicenseRef-')) {
        byId.set(entry.id, { ...entry, notes: [...(entry.notes ?? []), `terms published by the package in ${origin}`] });
      }
      continue;
    }
    if (!entry.payback) continue;
    byId.set(entry.id, {
      ...known,
      payback: { ...known.payback, ...entry.payback },
      rules: known.rules.map((rule) => ({ ...rule, obligations: rule.obligations?.map((o) => (o.kind === 'pay' ? { ...o, route: { ...o.route, ...entry.payback } } : o)) })),
      notes: [...(known.notes ?? []), `payback route published by the package in ${origin}`],
    });
  }
  return createKnowledgeBase({ version: kb.version, terms: [...byId.values()] });
}
