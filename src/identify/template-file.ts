// The SPDX templates as scripts/compile-templates.js writes them (licences/identify/spdx-templates.json):
// each licence's nodes as raw-deflated JSON, base64. Read whole on first use, ~2.6 MB: the build
// compiles programs from it, and a run from source (the tests) reads it where a build reads
// dist/identify/templates.bin.
import { existsSync, readFileSync } from 'node:fs';

/** The data file's form. */
export interface TemplateFile {
  attribution: string;
  source: string;
  /** Per SPDX id: the template's nodes as JSON, raw-deflated, base64. */
  templates: Record<string, string>;
}

let file: TemplateFile | null | undefined;

/** The data file, or null when it is missing (a build without templates falls back to similarity). */
export function templateFile(): TemplateFile | null {
  if (file !== undefined) return file;
  const url = new URL('../../licences/identify/spdx-templates.json', import.meta.url);
  file = existsSync(url) ? (JSON.parse(readFileSync(url, 'utf8')) as TemplateFile) : null;
  return file;
}

/** The raw-deflated JSON of SPDX id `id`'s template nodes in the data file; undefined when it has none. */
export function templateFileNodes(id: string): Buffer | undefined {
  const raw = templateFile()?.templates;
  return raw && Object.hasOwn(raw, id) ? Buffer.from(raw[id]!, 'base64') : undefined;
}
