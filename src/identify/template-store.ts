// The SPDX templates compiled at build time (scripts/build-texts.js) into the word programs the
// matcher runs, stored in one file (dist/identify/templates.bin): a header naming where each
// program lies, then each program as raw-deflated JSON, then each template's nodes as the data
// file holds them (for the printed text, templates.ts `templateText`). A scan reads the header and
// programs once and revives a program when a licence is first a candidate; compiling them from the
// XML-derived nodes (patterns expanded, text normalised) cost more than matching the texts that
// needed them. The nodes are read only when a text is first printed.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { templateFileNodes } from './template-file.js';
import type { Template, TemplateNode } from './templates.js';

/** A stored node: a word as itself, a gap as `{ g: max, a: allow set }` (and `b: 1` for a bullet's), `{ o: body }`, `{ c: branches }`. */
type StoredNode = string | { g: number; a: number; b?: 1 } | { o: StoredNode[] } | { c: StoredNode[][] };

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
  /**
   * The byte range, after the programs, of the templates' nodes as the data file holds them: a
   * 4-byte length, a JSON map of each SPDX id's range after it, then the raw-deflated JSON of each.
   * Absent in older builds.
   */
  nodes?: [number, number];
}

/**
 * The programs of `templates` in one buffer: a 4-byte header length, the header, the programs, then
 * each template's nodes from `nodesOf` (by default the data file's) when it has them all.
 */
export function packTemplates(attribution: string, source: string, templates: readonly Template[], nodesOf: (id: string) => Buffer | undefined = templateFileNodes): Buffer {
  const programs = section(templates.map((template) => [template.id, deflateRawSync(JSON.stringify(store(template)))]));
  // Nodes for every program or for none: a store without them sends templateText to the data file.
  const found = templates.map((template) => nodesOf(template.id));
  const nodes = found.every((blob) => blob !== undefined) ? withHeader(section(templates.map((template, at) => [template.id, found[at]!]))) : undefined;
  const header = { attribution, source, programs: programs.ranges, ...(nodes ? { nodes: [programs.bytes.length, programs.bytes.length + nodes.length] } : {}) } satisfies StoreHeader;
  return Buffer.concat([withHeader({ ranges: header, bytes: programs.bytes }), ...(nodes ? [nodes] : [])]);
}

/** Blobs one after another, with the byte range of each by id. */
function section(blobs: [string, Buffer][]): { ranges: Record<string, [number, number]>; bytes: Buffer } {
  const ranges: Record<string, [number, number]> = {};
  let offset = 0;
  for (const [id, blob] of blobs) {
    ranges[id] = [offset, offset + blob.length];
    offset += blob.length;
  }
  return { ranges, bytes: Buffer.concat(blobs.map(([, blob]) => blob)) };
}

/** `bytes` after a 4-byte length and the JSON of `ranges`. */
function withHeader({ ranges, bytes }: { ranges: object; bytes: Buffer }): Buffer {
  const header = Buffer.from(JSON.stringify(ranges), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  return Buffer.concat([length, header, bytes]);
}

/** The stored programs, read from the bytes of a packed file. */
export interface TemplateStore {
  attribution: string;
  /** The program of SPDX id `id`, revived; undefined when SPDX has no template for it. */
  program(id: string): Template | undefined;
  /** Whether the store holds the templates' nodes (builds before it did not). */
  hasNodes: boolean;
  /** SPDX id `id`'s nodes as the data file holds them (raw-deflated JSON); undefined when SPDX has no template for it. */
  nodes(id: string): Buffer | undefined;
}

/** Opens a buffer written by {@link packTemplates}. */
export function openTemplates(bytes: Buffer): TemplateStore {
  const length = bytes.readUInt32LE(0);
  const header = JSON.parse(bytes.toString('utf8', 4, 4 + length)) as StoreHeader;
  if (!Array.isArray(header.nodes)) delete header.nodes;
  const base = 4 + length;
  return storeOver(header, (start, end) => bytes.subarray(base + start, base + end));
}

/**
 * Opens a file written by {@link packTemplates}, reading its header and programs now and the
 * nodes after them only when one is first asked for: most scans never print a template, and the
 * nodes are half the file.
 */
export function readTemplates(path: URL): TemplateStore {
  const fd = openSync(path, 'r');
  let header: StoreHeader;
  let base: number;
  let programs: Buffer;
  try {
    const length = readRange(fd, 0, 4).readUInt32LE(0);
    header = JSON.parse(readRange(fd, 4, length).toString('utf8')) as StoreHeader;
    base = 4 + length;
    if (!Array.isArray(header.nodes)) delete header.nodes;
    programs = readRange(fd, base, header.nodes?.[0] ?? statSync(path).size - base);
  } finally {
    closeSync(fd);
  }
  return storeOver(header, (start, end) => {
    if (end <= programs.length) return programs.subarray(start, end);
    const again = openSync(path, 'r');
    try {
      return readRange(again, base + start, end - start);
    } finally {
      closeSync(again);
    }
  });
}

/** `length` bytes of an open file from `position`. */
function readRange(fd: number, position: number, length: number): Buffer {
  const bytes = Buffer.allocUnsafe(length);
  for (let done = 0; done < length; ) {
    const read = readSync(fd, bytes, done, length - done, position + done);
    if (read === 0) throw new Error('dist/identify/templates.bin ends early; run npm run build');
    done += read;
  }
  return bytes;
}

/** The store over a header and its bytes, `slice(start, end)` counting from the end of the header. */
function storeOver(header: StoreHeader, slice: (start: number, end: number) => Buffer): TemplateStore {
  // The nodes' own ranges, read with the first node asked for.
  let nodes: { ranges: Record<string, [number, number]>; bytes: Buffer } | undefined;
  const nodesSection = () => {
    if (nodes || !header.nodes) return nodes;
    const bytes = slice(header.nodes[0], header.nodes[1]);
    const length = bytes.readUInt32LE(0);
    return (nodes = { ranges: JSON.parse(bytes.toString('utf8', 4, 4 + length)) as Record<string, [number, number]>, bytes: bytes.subarray(4 + length) });
  };
  return {
    attribution: header.attribution,
    program(id) {
      const range = Object.hasOwn(header.programs, id) ? header.programs[id] : undefined;
      if (!range) return undefined;
      return revive(id, JSON.parse(inflateRawSync(slice(range[0], range[1])).toString('utf8')) as StoredTemplate);
    },
    hasNodes: header.nodes !== undefined,
    nodes(id) {
      const section = nodesSection();
      const range = section && Object.hasOwn(section.ranges, id) ? section.ranges[id] : undefined;
      return range && section!.bytes.subarray(range[0], range[1]);
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
        return item.bullet ? { g: item.max, a: at, b: 1 } : { g: item.max, a: at };
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
    if ('g' in item) return item.b ? { kind: 'gap', max: item.g, allow: sets[item.a]!, bullet: true } : { kind: 'gap', max: item.g, allow: sets[item.a]! };
    if ('o' in item) return { kind: 'optional', body: item.o.map(node) };
    return { kind: 'choice', branches: item.c.map((branch) => branch.map(node)) };
  };
  const nodes = stored.n.map(node);
  return { id, nodes, body: nodes.slice(stored.l), lead: nodes.slice(0, stored.l), required: stored.r, title: new Set(stored.t) };
}
