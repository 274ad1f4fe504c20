// One SPDX licence's standard text, from its own file in the spdx-license-list package: a few KB
// each, where the whole list is 5 MB (~80 ms to load). Read by the few steps that need one text.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The standard text of SPDX licence `id`, or undefined when the list has no text for it. */
export function spdxLicenceText(id: string): string | undefined {
  // An id is a file name here: nothing but the characters SPDX ids are made of.
  if (!/^[A-Za-z0-9][A-Za-z0-9.+-]*$/.test(id)) return undefined;
  try {
    const entry = require(`spdx-license-list/licenses/${id}.json`) as { licenseText?: unknown };
    return typeof entry.licenseText === 'string' ? entry.licenseText : undefined;
  } catch {
    return undefined;
  }
}
