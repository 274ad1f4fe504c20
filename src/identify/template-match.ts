// Matches a normalised text against an SPDX template, as the SPDX Matching Guidelines describe:
// every required word in order, replaceable text in bounded gaps, optional parts present or not.
// The matcher runs the template over the set of positions reachable so far (never backtracking),
// so its cost is bounded by template length × positions whatever the text holds: a hostile text
// cannot make it explode.
import { exceptsInGap, fitsBullet, fitsGap, type Template, type TemplateNode } from './templates.js';

/** Where a template matched: first and last word position, inclusive. */
export interface TemplateSpan {
  from: number;
  to: number;
}

/** Reachable positions → the latest start that reaches each (the shortest match ending there). */
type Frontier = Map<number, number>;

/**
 * The longest stretch of `words` that matches `template`, skipping positions where `blocked` is
 * set (words already matched by another licence); undefined when the template does not match.
 */
export function matchTemplate(template: Template, words: readonly string[], blocked?: Uint8Array, lines?: readonly number[]): TemplateSpan | undefined {
  let best: TemplateSpan | undefined;
  for (const span of matchTemplateAll(template, words, blocked, lines)) if (!best || span.to - span.from > best.to - best.from) best = span;
  return best;
}

/**
 * Every stretch of `words` that matches `template`, in file order and not overlapping (a bundled
 * licence file repeats MIT dozens of times: one pass finds them all). `lines`, each word's line,
 * keeps a title from being claimed from the middle of a line.
 */
export function matchTemplateAll(template: Template, words: readonly string[], blocked?: Uint8Array, lines?: readonly number[]): TemplateSpan[] {
  const first = firstWords(template.body);
  const start: Frontier = new Map();
  for (let position = 0; position < words.length; position++) {
    // A template that opens with a word can only start where that word is.
    if (!blocked?.[position] && (first === undefined || first.has(words[position]!))) start.set(position, position);
  }
  const end = run(template.body, start, words, blocked);
  // The longest end for each start: an optional appendix present in the file is claimed.
  const ends = new Map<number, number>();
  for (const [position, from] of end) if (position > from && position > (ends.get(from) ?? -1)) ends.set(from, position);
  const spans: TemplateSpan[] = [];
  for (const from of [...ends.keys()].sort((a, b) => a - b)) {
    const to = ends.get(from)! - 1;
    const last = spans[spans.length - 1];
    if (last && from <= last.to) {
      if (to - from > last.to - last.from) spans[spans.length - 1] = { from, to };
      continue;
    }
    spans.push({ from, to });
  }
  return spans.map((span, index) => ({ from: claimLead(template, words, span.from, spans[index - 1]?.to ?? -1, blocked, lines), to: span.to }));
}

/**
 * Starts are the latest that reach an end, so what the template lets precede its body (a title,
 * "TERMS AND CONDITIONS FOR USE …") is not claimed by the run: claim it here, word for word, then
 * the title's words, never past `floor` (the previous match).
 */
function claimLead(template: Template, words: readonly string[], start: number, floor: number, blocked?: Uint8Array, lines?: readonly number[]): number {
  let from = start;
  for (let index = template.lead.length - 1; index >= 0; index--) {
    const node = template.lead[index]!;
    if (node.kind !== 'optional' || !node.body.every((inner) => inner.kind === 'word')) continue;
    const literal = node.body.map((inner) => (inner.kind === 'word' ? inner.word : ''));
    const at = from - literal.length;
    if (at > floor && literal.every((word, offset) => words[at + offset] === word && !blocked?.[at + offset])) from = at;
  }
  const titleFrom = from;
  while (from - 1 > floor && titleFrom - from < TITLE_WORDS && !blocked?.[from - 1] && template.title.has(words[from - 1]!)) from--;
  // A title is a line of its own: words claimed from the middle of a line ("License" of
  // "Commercial License" above "MIT License") leave its first words alone, which the surroundings
  // then read as a mere title ("commercial"). That line is left whole, and read as any words are.
  if (lines !== undefined) while (from < titleFrom && from - 1 > floor && lines[from - 1] === lines[from]) from++;
  return from;
}

/** Words a title before a licence text may hold. */
const TITLE_WORDS = 16;

function run(nodes: readonly TemplateNode[], frontier: Frontier, words: readonly string[], blocked?: Uint8Array): Frontier {
  let current = frontier;
  for (let index = 0; index < nodes.length; ) {
    if (current.size === 0) return current;
    const node = nodes[index]!;
    if (node.kind !== 'word') {
      current = step(node, current, words, blocked);
      index++;
      continue;
    }
    // Most of a template is literal words: a run of them is one step, not a frontier per word.
    let end = index + 1;
    while (end < nodes.length && nodes[end]!.kind === 'word') end++;
    current = literal(nodes, index, end, current, words, blocked);
    index = end;
  }
  return current;
}

/** The word nodes `from` to `end` (exclusive) in one step: each position either reads them all or drops out. */
function literal(nodes: readonly TemplateNode[], from: number, end: number, frontier: Frontier, words: readonly string[], blocked?: Uint8Array): Frontier {
  const next: Frontier = new Map();
  const length = end - from;
  positions: for (const [position, start] of frontier) {
    if (position + length > words.length) continue;
    for (let offset = 0; offset < length; offset++) {
      const at = position + offset;
      if (blocked?.[at] || words[at] !== (nodes[from + offset] as { word: string }).word) continue positions;
    }
    reach(next, position + length, start);
  }
  return next;
}

function step(node: TemplateNode, frontier: Frontier, words: readonly string[], blocked?: Uint8Array): Frontier {
  const next: Frontier = new Map();
  switch (node.kind) {
    case 'word':
      for (const [position, from] of frontier) {
        if (position < words.length && !blocked?.[position] && words[position] === node.word) reach(next, position + 1, from);
      }
      return next;
    case 'gap':
      for (const [position, from] of frontier) {
        reach(next, position, from);
        for (let taken = 1; taken <= node.max; taken++) {
          const at = position + taken - 1;
          if (at >= words.length || blocked?.[at] || !(node.bullet ? fitsBullet(words[at]!) : fitsGap(words[at]!, node.allow) && !exceptsInGap(words, at, node.allow))) break;
          reach(next, position + taken, from);
        }
      }
      return next;
    case 'optional': {
      for (const [position, from] of frontier) reach(next, position, from);
      for (const [position, from] of run(node.body, frontier, words, blocked)) reach(next, position, from);
      return next;
    }
    case 'choice':
      for (const branch of node.branches) {
        for (const [position, from] of run(branch, frontier, words, blocked)) reach(next, position, from);
      }
      return next;
    default: {
      const never: never = node;
      return never;
    }
  }
}

function reach(frontier: Frontier, position: number, from: number): void {
  const known = frontier.get(position);
  if (known === undefined || from > known) frontier.set(position, from);
}

/** The words a match can start with, or undefined when it can start with a gap or anything. */
function firstWords(nodes: readonly TemplateNode[]): Set<string> | undefined {
  const out = new Set<string>();
  for (const node of nodes) {
    if (node.kind === 'word') {
      out.add(node.word);
      return out;
    }
    if (node.kind === 'gap') return undefined;
    if (node.kind === 'optional') {
      const inner = firstWords(node.body);
      if (inner === undefined) return undefined;
      for (const word of inner) out.add(word);
      continue;
    }
    for (const branch of node.branches) {
      const inner = firstWords(branch);
      if (inner === undefined || (branch.length === 0)) return undefined;
      for (const word of inner) out.add(word);
    }
    // A branch that may be empty lets the match start after the choice.
    if (node.branches.some((branch) => mayBeEmpty(branch))) continue;
    return out;
  }
  return out.size > 0 ? out : undefined;
}

function mayBeEmpty(nodes: readonly TemplateNode[]): boolean {
  return nodes.every((node) => node.kind !== 'word' && (node.kind !== 'choice' || node.branches.some(mayBeEmpty)));
}
