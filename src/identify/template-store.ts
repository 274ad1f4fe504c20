// The SPDX templates compiled at build time (scripts/build-texts.js) into the word programs the
// matcher runs, stored in one file (dist/identify/templates.bin): a header naming where each
// program lies, then each program as raw-deflated JSON. A scan reads the bytes once and revives a
// program when a licence is first a candidate; compiling them from the XML-derived nodes (patterns
// expanded, text normalised) cost more than matching the texts that needed them.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Template, TemplateNode } from './templates.js';

/** A stored node: a word as itself, a gap as `{ g: max, a: allow set }`, `{ o: body }`, `{ c: branches }`. */
type StoredNode = string | { g: number; a: number } | { o: StoredNode[] } | { c: StoredNode[][] };

/** A stored program: nodes, allow sets (gaps share them), required words, leading nodes, title words. */
interface StoredTemplate {
  n: StoredNode[];
  s: string[][];
  r: number;
  l: number;
  t: string[];
}

interface StoreHeader {
  attribution: string;
  source: string;
  /** Per SPDX id: the byte range of its program after the header. */
  programs: Record<string, [number, number]>;
}

/** The programs of `templates` in one buffer: a 4-byte header length, the header, the programs. */
export function packTemplates(attribution: string, source: string, templates: readonly Template[]): Buffer {
  const blobs: Buffer[] = [];
  const programs: Record<string, [number, number]> = {};
  let offset = 0;
  for (const template of templates) {
    const blob = deflateRawSync(JSON.stringify(store(template)));
    programs[template.id] = [offset, offset + blob.length];
    offset += blob.length;
    blobs.push(blob);
  }
  const header = Buffer.from(JSON.stringify({ attribution, source, programs } satisfies StoreHeader), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  return Buffer.concat([length, header, ...blobs]);
}

/** The stored programs, read from the bytes of a packed file. */
export interface TemplateStore {
  attribution: string;
  /** The program of SPDX id `id`, revived; undefined when SPDX has no template for it. */
  program(id: string): Template | undefined;
}

/** Opens a buffer written by {@link packTemplates}. */
export function openTemplates(bytes: Buffer): TemplateStore {
  const length = bytes.readUInt32LE(0);
  const header = JSON.parse(bytes.toString('utf8', 4, 4 + length)) as StoreHeader;
  const base = 4 + length;
  return {
    attribution: header.attribution,
    program(id) {
      const range = Object.hasOwn(header.programs, id) ? header.programs[id] : undefined;
      if (!range) return undefined;
      return revive(id, JSON.parse(inflateRawSync(bytes.subarray(base + range[0], base + range[1])).toString('utf8')) as StoredTemplate);
    },
  };
}

function store(template: Template): StoredTemplate {
  const sets = new Map<ReadonlySet<string>, number>();
  const node = (item: TemplateNode): StoredNode => {
    switch (item.kind) {
      case 'word':
        return item.word;
      case 'gap': {
        let at = sets.get(item.allow);
        if (at === undefined) sets.set(item.allow, (at = sets.size));
        return { g: item.max, a: at };
      }
      case 'optional':
        return { o: item.body.map(node) };
      case 'choice':
        return { c: item.branches.map((branch) => branch.map(node)) };
      default: {
        const never: never = item;
        return never;
      }
    }
  };
  const nodes = template.nodes.map(node);
  return { n: nodes, s: [...sets.keys()].map((set) => [...set]), r: template.required, l: template.lead.length, t: [...template.title] };
}

function revive(id: string, stored: StoredTemplate): Template {
  const sets = stored.s.map((words) => new Set(words));
  const node = (item: StoredNode): TemplateNode => {
    if (typeof item === 'string') return { kind: 'word', word: item };
    if ('g' in item) return { kind: 'gap', max: item.g, allow: sets[item.a]! };
    if ('o' in item) return { kind: 'optional', body: item.o.map(node) };
    return { kind: 'choice', branches: item.c.map((branch) => branch.map(node)) };
  };
  const nodes = stored.n.map(node);
  return { id, nodes, body: nodes.slice(stored.l), lead: nodes.slice(0, stored.l), required: stored.r, title: new Set(stored.t) };
}
