// Reads what `contactsFor` needs for the components that ask something of the user: the people its
// manifest names (collected with it), its licence files and the Licensor parameter found in them. Only a few packages
// per scan, so this costs nothing beside the scan itself.
import type { ReadOnlyFs } from '../ecosystems/fs.js';
import { isLicencePath } from '../ecosystems/npm/licence-files.js';
import type { Parameters } from '../evaluate/index.js';
import { contactsFor } from '../report/contacts.js';
import { owedParts, partOnlyFiles } from '../report/owed-parts.js';
import type { ComponentResult, Contact } from '../types.js';

/** Manifests and licence texts larger than this are not read for contacts. */
const MAX_BYTES = 1024 * 1024;

/** Who to go to for a component whose outcome is payback or share-alike, or whose licence asks for a payment; [] for the rest. */
export async function readContacts(fs: ReadOnlyFs, result: ComponentResult, parameters: Parameters): Promise<Contact[]> {
  // Also for a payment a licence asks for and does not require: whom one would pay, if one chose to.
  if (result.verdict.outcome !== 'payback' && result.verdict.outcome !== 'share-alike' && !result.requests?.length) return [];
  const file = result.directory !== undefined ? `${result.directory}/package.json` : result.location?.file ?? 'package.json';
  const people = result.contacts ? { file, contacts: result.contacts } : undefined;
  const licenceTexts: { file: string; text: string }[] = [];
  // A part's holders (code the package keeps or bundles from another project) are someone to go
  // to only when that part is under a licence that asks what the outcome asks (owed-parts.ts).
  const parts = partOnlyFiles(result.evidence);
  const owed = new Set(owedParts(result.evidence, result.verdict.obligations).map((item) => item.location.file));
  for (const file of result.licenceFiles) {
    if (!isLicencePath(file) || (parts.has(file) && !owed.has(file))) continue;
    try {
      licenceTexts.push({ file, text: await fs.readText(file, MAX_BYTES) });
    } catch {
      // unreadable licence files are reported by the identify stage
    }
  }
  const licenceFile = result.evidence.find((e) => e.kind === 'licence-file')?.location.file ?? licenceTexts[0]?.file ?? 'LICENSE';
  const licensors = Object.values(parameters).flatMap((values) => (typeof values.licensor === 'string' ? [{ file: licenceFile, name: values.licensor }] : []));
  const routes = result.verdict.obligations.flatMap((o) => (o.kind === 'pay' && (o.route.url || o.route.contact) ? [{ licence: o.licence ?? result.expression ?? '', url: o.route.url, contact: o.route.contact }] : []));
  return contactsFor({ people, licenceTexts, expression: result.expression, licensors, routes, funding: result.funding, manifestFile: file });
}
