// The SPDX identifier tables: valid licence and exception ids, and what each deprecated id means
// today (DESIGN §3: deprecated ids map to their current form).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Every current SPDX licence id. */
export const SPDX_LICENCE_IDS: readonly string[] = require('spdx-license-ids') as string[];
/** Deprecated SPDX licence ids. */
export const SPDX_DEPRECATED_IDS: readonly string[] = require('spdx-license-ids/deprecated.json') as string[];
/** Every SPDX exception id. */
export const SPDX_EXCEPTION_IDS: readonly string[] = require('spdx-exceptions') as string[];

/**
 * What a deprecated id says in current SPDX. The GPL family's bare ids meant "only" (SPDX 3.0
 * release notes); the `-with-…-exception` ids became `WITH` expressions.
 */
export const DEPRECATED_REPLACEMENTS: Readonly<Record<string, string>> = {
  'AGPL-1.0': 'AGPL-1.0-only',
  'AGPL-3.0': 'AGPL-3.0-only',
  'BSD-2-Clause-FreeBSD': 'BSD-2-Clause-Views',
  'BSD-2-Clause-NetBSD': 'BSD-2-Clause',
  'GFDL-1.1': 'GFDL-1.1-only',
  'GFDL-1.2': 'GFDL-1.2-only',
  'GFDL-1.3': 'GFDL-1.3-only',
  'GPL-1.0': 'GPL-1.0-only',
  'GPL-2.0': 'GPL-2.0-only',
  'GPL-3.0': 'GPL-3.0-only',
  'GPL-2.0-with-GCC-exception': 'GPL-2.0-only WITH GCC-exception-2.0',
  'GPL-2.0-with-autoconf-exception': 'GPL-2.0-only WITH Autoconf-exception-2.0',
  'GPL-2.0-with-bison-exception': 'GPL-2.0-only WITH Bison-exception-2.2',
  'GPL-2.0-with-classpath-exception': 'GPL-2.0-only WITH Classpath-exception-2.0',
  'GPL-2.0-with-font-exception': 'GPL-2.0-only WITH Font-exception-2.0',
  'GPL-3.0-with-GCC-exception': 'GPL-3.0-only WITH GCC-exception-3.1',
  'GPL-3.0-with-autoconf-exception': 'GPL-3.0-only WITH Autoconf-exception-3.0',
  'LGPL-2.0': 'LGPL-2.0-only',
  'LGPL-2.1': 'LGPL-2.1-only',
  'LGPL-3.0': 'LGPL-3.0-only',
  Nunit: 'zlib-acknowledgement',
  'StandardML-NJ': 'SMLNJ',
  'bzip2-1.0.5': 'bzip2-1.0.6',
  'eCos-2.0': 'GPL-2.0-or-later WITH eCos-exception-2.0',
  wxWindows: 'LGPL-2.0-or-later WITH WxWindows-exception-3.1',
};

/** Ids whose `-only` form has an `-or-later` twin, so `X+` can become `X-or-later`. */
export function orLaterForm(id: string): string | undefined {
  const base = id.endsWith('-only') ? id.slice(0, -'-only'.length) : id;
  const candidate = `${base}-or-later`;
  return SPDX_LICENCE_IDS.includes(candidate) ? candidate : undefined;
}
