// The notice rules in the form a scan reads them: compiled from licences/notices/rules.json at
// build time (scripts/build-texts.js) into a small header and one block of ASCII text, one rule a
// line, which is read as one string (a copy of the bytes, no decoding) and a rule made from its
// line when first asked for. A scan looks at a few thousand of the 24,000 rules; making all of
// them at load (JSON, objects, maps) cost more than the texts it then matched.
import { fromBase64Uint32, toBase64 } from './shingles.js';
import { compareText } from '../util/compare.js';
import { pushTo } from '../util/arrays.js';

/** Where a rule comes from: a notice or header paragraph, a short reference, or a manifest-style tag. */
export type NoticeKind = 'notice' | 'header' | 'reference' | 'tag';

/** One rule: its normalised words, and the expression it states (null: boilerplate that grants nothing). */
export interface NoticeRule {
  words: string;
  length: number;
  expression: string | null;
  kind: NoticeKind;
  /** The source rule (`mit_30`, `spdx-header:Apache-2.0:1`), for the evidence. */
  source: string;
}

/**
 * The rules with their lookups: the exact path and rare-word anchors. Rules are numbered from 0
 * and decoded when first asked for.
 */
export interface NoticeIndex {
  /** Number of rules. */
  size: number;
  /** Rule number `at`. */
  rule(at: number): NoticeRule;
  /** The first rule whose words are `words` exactly, for a text that is a rule and nothing more. */
  exact(words: string): number | undefined;
  /** The rules filed under `word` (their rarest word), in order: a text can hold a rule only if it holds that word. */
  anchored(word: string): Iterable<number>;
  /** Every word some rule is filed under. */
  anchorWords: readonly string[];
  /** The rules stating `expression`, in order. */
  stating(expression: string): readonly number[];
  /** Word pairs of the notices of each expression, built on first use (see {@link noticePairs}). */
  pairs: Map<string, Set<string>>;
}

/** `[words, expression, kind, source, anchor]`, as scripts/compile-notices.js writes them. */
export type RuleRow = [string, string | null, NoticeKind, string, string];

/** The header of a compiled index (dist/identify/notice-index.json); the lines are in the text block. */
export interface NoticeIndexHeader {
  version: 1;
  /** Offset of each rule's line (`words\tsource\n`) in the text block, and the block's end. */
  lineStarts: string;
  /** The lines with characters beyond ASCII, by rule number (empty in the block, which stays ASCII). */
  wide: Record<string, string>;
  /** Rule numbers ordered by their words (then by number): the exact lookup searches it. */
  byWords: string;
  /** The distinct expressions; `expressionOf` holds 1 + a position here, 0 for none. */
  expressions: string[];
  expressionOf: string;
  /** One letter per rule: n(otice), h(eader), r(eference), t(ag). */
  kinds: string;
  /** The words rules are filed under, one a line, and for each the range of `anchorRules` it owns. */
  anchorWords: string;
  anchorStarts: string;
  anchorRules: string;
}

/** A compiled index: the header and the text block. */
export interface CompiledNoticeIndex {
  header: NoticeIndexHeader;
  lines: Buffer;
}

const KIND_LETTERS: Readonly<Record<NoticeKind, string>> = { notice: 'n', header: 'h', reference: 'r', tag: 't' };
const KINDS: Readonly<Record<string, NoticeKind>> = { n: 'notice', h: 'header', r: 'reference', t: 'tag' };

/** Compiles the rows of rules.json (or of rules a test brings) into the form {@link openNoticeIndex} reads. */
export function compileNoticeIndex(rows: readonly RuleRow[]): CompiledNoticeIndex {
  const lines: string[] = [];
  const wide: Record<string, string> = {};
  const lineStarts = new Uint32Array(rows.length + 1);
  let offset = 0;
  rows.forEach(([words, , , source], at) => {
    if (/[\t\n]/.test(words) || /[\t\n]/.test(source)) throw new Error(`notice rule ${source}: tab or line break in its words or source`);
    let line = `${words}\t${source}\n`;
    if (/[^\x00-\x7f]/.test(line)) {
      wide[at] = line.slice(0, -1);
      line = '\n';
    }
    lineStarts[at] = offset;
    offset += line.length;
    lines.push(line);
  });
  lineStarts[rows.length] = offset;
  const byWords = Uint32Array.from(rows.keys()).sort((a, b) => compareText(rows[a]![0], rows[b]![0]) || a - b);
  const expressions = [...new Set(rows.map(([, expression]) => expression).filter((expression): expression is string => expression !== null))];
  const expressionCode = new Map(expressions.map((expression, at) => [expression, at + 1]));
  const expressionOf = new Uint32Array(rows.map(([, expression]) => (expression === null ? 0 : expressionCode.get(expression)!)));
  const filed = new Map<string, number[]>();
  rows.forEach(([, , , , anchor], at) => pushTo(filed, anchor, at));
  const anchorStarts = new Uint32Array(filed.size + 1);
  const anchorRules: number[] = [];
  [...filed.values()].forEach((list, at) => {
    anchorStarts[at] = anchorRules.length;
    anchorRules.push(...list);
  });
  anchorStarts[filed.size] = anchorRules.length;
  return {
    header: {
      version: 1,
      lineStarts: toBase64(lineStarts),
      wide,
      byWords: toBase64(byWords),
      expressions,
      expressionOf: toBase64(expressionOf),
      kinds: rows.map(([, , kind]) => KIND_LETTERS[kind]).join(''),
      anchorWords: [...filed.keys()].join('\n'),
      anchorStarts: toBase64(anchorStarts),
      anchorRules: toBase64(Uint32Array.from(anchorRules)),
    },
    lines: Buffer.from(lines.join(''), 'latin1'),
  };
}

/** The index over a compiled header and text block; rules are decoded when first asked for. */
export function openNoticeIndex({ header, lines }: CompiledNoticeIndex): NoticeIndex {
  const lineStarts = fromBase64Uint32(header.lineStarts);
  const byWords = fromBase64Uint32(header.byWords);
  const expressionOf = fromBase64Uint32(header.expressionOf);
  const anchorStarts = fromBase64Uint32(header.anchorStarts);
  const anchorRules = fromBase64Uint32(header.anchorRules);
  const anchorWords = anchorStarts.length > 1 ? header.anchorWords.split('\n') : [];
  const anchorSlot = new Map(anchorWords.map((word, at) => [word, at]));
  const size = lineStarts.length - 1;
  const decoded: (NoticeRule | undefined)[] = new Array<NoticeRule | undefined>(size);
  const block = lines.toString('latin1');
  const line = (at: number) => header.wide[at] ?? block.slice(lineStarts[at]!, lineStarts[at + 1]! - 1);
  const wordsOf = (at: number) => {
    const text = line(at);
    return text.slice(0, text.indexOf('\t'));
  };
  const rule = (at: number): NoticeRule => {
    const known = decoded[at];
    if (known) return known;
    const text = line(at);
    const tab = text.indexOf('\t');
    const words = text.slice(0, tab);
    const code = expressionOf[at]!;
    const made: NoticeRule = { words, length: countWords(words), expression: code === 0 ? null : header.expressions[code - 1]!, kind: KINDS[header.kinds[at]!]!, source: text.slice(tab + 1) };
    decoded[at] = made;
    return made;
  };
  const stated = new Map<string, number[]>();
  return {
    size,
    rule,
    exact(words) {
      // The first rule (by number) with these words: the lowest entry for them in `byWords`.
      let low = 0;
      let high = byWords.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (compareText(wordsOf(byWords[middle]!), words) < 0) low = middle + 1;
        else high = middle;
      }
      return low < byWords.length && wordsOf(byWords[low]!) === words ? byWords[low] : undefined;
    },
    anchored(word) {
      const slot = anchorSlot.get(word);
      return slot === undefined ? [] : anchorRules.subarray(anchorStarts[slot]!, anchorStarts[slot + 1]!);
    },
    anchorWords,
    stating(expression) {
      let list = stated.get(expression);
      if (list) return list;
      const code = header.expressions.indexOf(expression) + 1;
      list = [];
      if (code > 0) for (let at = 0; at < size; at++) if (expressionOf[at] === code) list.push(at);
      stated.set(expression, list);
      return list;
    },
    pairs: new Map(),
  };
}

function countWords(words: string): number {
  let count = 1;
  for (let at = words.indexOf(' '); at >= 0; at = words.indexOf(' ', at + 1)) count++;
  return count;
}
