// `copyfair notice`: the third-party notices file to ship. From a scan's report, the components
// whose licences ask for a notice when you distribute them, with the copyright lines of their
// licence files, their NOTICE files verbatim (Apache-2.0 §4(d)), and each distinct licence text
// once, referenced by every component that uses it.
import { createHash } from 'node:crypto';
import type { ReadOnlyFs } from '../ecosystems/fs.js';
import { isLicencePath } from '../ecosystems/npm/licence-files.js';
import { partOnlyFiles } from '../report/owed-parts.js';
import type { ComponentResult, Report, Use } from '../types.js';
import { splitCopyright } from '../util/copyright.js';

/** One licence text, printed once. */
export interface NoticeText {
  /** `T1`, `T2` … in order of first use. */
  id: string;
  /** What identification found in it (the components' expressions, when they agree). */
  licence: string;
  /** The text without copyright lines: each component's lines are listed with the component. */
  text: string;
  /** `name@version` of the components that ship this text. */
  components: string[];
}

/** One component in the notices. */
export interface NoticeComponent {
  name: string;
  version: string;
  purl: string;
  expression: string | null;
  /** Copyright lines found in its licence files, as written, deduplicated. */
  copyright: string[];
  /** Ids of the texts it ships. */
  texts: string[];
  /** NOTICE (and similar) files, verbatim. */
  notices: { file: string; text: string }[];
}

/** A component that asks for a notice but whose licence text could not be found. */
export interface MissingNotice {
  component: string;
  expression: string | null;
  reason: string;
}

export interface NoticeDocument {
  schemaVersion: 1;
  kind: 'notice';
  project: { name: string; version?: string };
  components: NoticeComponent[];
  texts: NoticeText[];
  missing: MissingNotice[];
}

export interface NoticeOptions {
  /** How dev dependencies are used: included only when they are distributed too. */
  devUses?: readonly Use[];
}

const NOTICE_FILE = /^notice([-._].*)?$/i;
/** A licence or notice file over this size is not copied into the notices. */
const MAX_BYTES = 1024 * 1024;

/** Whether a component's notices travel with what you ship. */
export function shipsNotice(component: ComponentResult, options: NoticeOptions): boolean {
  if (component.scope === 'dev' && !(options.devUses ?? ['internal']).includes('distribute')) return false;
  if (component.verdict.outcome === 'unknown') return true; // keep its notices until a person has read it
  return component.verdict.obligations.some((obligation) => obligation.kind === 'notice' || obligation.kind === 'attribution');
}

/** Builds the notices document, reading the components' licence and NOTICE files through `fs`. */
export async function buildNotices(report: Report, fs: ReadOnlyFs, options: NoticeOptions = {}): Promise<NoticeDocument> {
  const texts = new Map<string, NoticeText>();
  // Which components each text lists, for the look-up: a text shared by thousands of packages
  // (MIT) made a search of its list for each of them quadratic (3.2 s at 13,444 components).
  const listing = new Map<NoticeText, Set<string>>();
  const components: NoticeComponent[] = [];
  const missing: MissingNotice[] = [];
  const shipped = report.components.filter((component) => shipsNotice(component, options)).sort(byName);
  for (const component of shipped) {
    const id = `${component.name}@${component.version}`;
    const entry: NoticeComponent = { name: component.name, version: component.version, purl: component.purl, expression: component.expression, copyright: [], texts: [], notices: [] };
    // Texts of code the package keeps or bundles from other projects (part evidence) are shipped
    // too, but are not the package's own licence.
    const parts = partOnlyFiles(component.evidence);
    let own = 0;
    for (const file of [...component.licenceFiles].sort()) {
      const name = file.split('/').pop()!;
      const content = await readText(fs, file);
      if (content === undefined) continue;
      if (NOTICE_FILE.test(name)) {
        entry.notices.push({ file: name, text: content.replace(/\s+$/, '') });
        continue;
      }
      // A sidecar licence file a notices file points at is read as a part (scan/index.ts).
      if (!isLicencePath(file) && !parts.has(file)) continue;
      const split = splitCopyright(content, component.expression);
      for (const line of split.holders) if (!entry.copyright.includes(line)) entry.copyright.push(line);
      const body = split.body.replace(/^\s*\n/, '').replace(/\s+$/, '');
      if (body.trim() === '') continue;
      const key = createHash('sha256').update(body.toLowerCase().replace(/\s+/g, ' ').trim()).digest('hex');
      let text = texts.get(key);
      if (!text) {
        text = { id: `T${texts.size + 1}`, licence: identified(component, file), text: body, components: [] };
        texts.set(key, text);
        listing.set(text, new Set());
      }
      const listed = listing.get(text)!;
      if (!listed.has(id)) {
        listed.add(id);
        text.components.push(id);
      }
      if (!entry.texts.includes(text.id)) entry.texts.push(text.id);
      if (!parts.has(file)) own++;
    }
    if (entry.texts.length === 0) {
      missing.push({ component: id, expression: component.expression, reason: component.licenceFiles.some(isLicencePath) ? 'its licence file could not be read' : 'it ships no licence text' });
    } else if (own === 0 && parts.size > 0) {
      missing.push({ component: id, expression: component.expression, reason: 'it ships no licence text of its own, only those of code it keeps or bundles from other projects' });
    }
    components.push(entry);
  }
  return {
    schemaVersion: 1,
    kind: 'notice',
    project: { name: report.project.name, ...(report.project.version ? { version: report.project.version } : {}) },
    components,
    texts: [...texts.values()],
    missing,
  };
}

/** What identification found in one of the component's files, as the scan recorded it. */
function identified(component: ComponentResult, file: string): string {
  // A bundler's LICENSE.md is two pieces of evidence (the package's own licence, the bundled code's).
  const found = component.evidence.flatMap((item) => (item.kind === 'licence-file' && item.location.file === file ? [item.expression] : []));
  if (found.length === 0 || found.some((expression) => expression === null)) return 'not identified';
  return found.length === 1 ? found[0]! : found.map((expression) => (/\s/.test(expression!) ? `(${expression})` : expression)).join(' AND ');
}

async function readText(fs: ReadOnlyFs, file: string): Promise<string | undefined> {
  try {
    const bytes = await fs.readBytes(file, MAX_BYTES);
    if (bytes.subarray(0, 8000).includes(0)) return undefined;
    return bytes.toString('utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  } catch {
    return undefined;
  }
}

function byName(a: ComponentResult, b: ComponentResult): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : a.version < b.version ? -1 : a.version > b.version ? 1 : 0;
}
