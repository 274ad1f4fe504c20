// The accuracy corpus: every known text, and variants of it made the ways real LICENSE files differ
// from the reference (re-wrapped, Markdown, a header, names filled in, a paragraph dropped, two
// licences in one file). Built in memory from the same sources the corpus is compiled from.
import { referenceSources, spdxSources, type SourceText } from '../../src/identify/compile-corpus.js';

/** One text of the accuracy corpus and the expression it should get (null: must be unknown). */
export interface Sample {
  name: string;
  text: string;
  expected: string | null;
}

/** The known texts, keyed by id: copyfair's reference texts and the SPDX texts. */
export function knownTexts(): SourceText[] {
  const own = referenceSources(new URL('../../licences/texts/', import.meta.url));
  const ids = new Set(own.map((source) => source.id));
  return [...own, ...spdxSources().filter((source) => !ids.has(source.id))];
}

/** Paragraphs of a text: blocks separated by blank lines. */
export function paragraphs(text: string): string[] {
  return text.split(/\n\s*\n/).map((block) => block.trim()).filter(Boolean);
}

/** Re-wraps every paragraph to `width` columns. */
export function rewrap(text: string, width = 60): string {
  return paragraphs(text)
    .map((block) => {
      const words = block.split(/\s+/);
      const lines: string[] = [];
      let line = '';
      for (const word of words) {
        if (line && line.length + word.length + 1 > width) {
          lines.push(line);
          line = word;
        } else line = line ? `${line} ${word}` : word;
      }
      if (line) lines.push(line);
      return lines.join('\n');
    })
    .join('\n\n');
}

/** Markdown: the title as a heading, short lines as sub-headings, numbered paragraphs as a list. */
export function markdown(text: string): string {
  return paragraphs(text)
    .map((block, index) => {
      if (index === 0 && block.length < 80) return `# ${block}`;
      if (!block.includes('\n') && block.length < 50 && !/[.;:]$/.test(block)) return `## ${block}`;
      const numbered = /^(\d+)\.\s+/.exec(block);
      if (numbered) return `${numbered[1]}. ${block.slice(numbered[0].length).replace(/\n/g, ' ')}`;
      return block.replace(/"([^"\n]{1,40})"/g, '**“$1”**');
    })
    .join('\n\n');
}

/** A header as projects write one above the licence. */
export function withHeader(text: string): string {
  return `Copyright (c) 2019-2024 Jane Doe <jane@example.org>\nAll rights reserved.\n\n${text}`;
}

/** Template placeholders filled in with a name and a year. */
export function fillNames(text: string): string {
  return text
    .replace(/<year>|\[yyyy\]|\[year\]|\{year\}|\bYEAR\b/g, '2024')
    .replace(/<[^<>\n]{2,40}>|\[[^\][\n]{2,40}\]|\{[^{}\n]{2,40}\}|\$name\b/g, 'Acme Worker Cooperative')
    .replace(/\bAUTHOR\b/g, 'Acme Worker Cooperative');
}

/**
 * The text without one paragraph from its middle (a sloppy copy). `droppable` vetoes paragraphs
 * whose loss would turn the text into a near twin (the ShareAlike clause of a CC licence): such a
 * copy is the twin, and no tool could say otherwise.
 */
export function dropParagraph(text: string, droppable: (paragraph: string) => boolean = () => true): string | undefined {
  const blocks = paragraphs(text);
  if (blocks.length < 8) return undefined;
  const total = text.length;
  // The longest paragraph in the middle third that is under a tenth of the text.
  const middle = blocks
    .map((block, index) => ({ block, index }))
    .filter(({ index }) => index >= blocks.length / 3 && index < (2 * blocks.length) / 3)
    .filter(({ block }) => block.length < total / 10)
    .sort((a, b) => b.block.length - a.block.length)
    .find(({ block }) => droppable(block));
  if (!middle) return undefined;
  return blocks.filter((_, index) => index !== middle.index).join('\n\n');
}

/** Prose that is not a licence; every one must come out unknown. */
export const NOT_LICENCES: Sample[] = [
  {
    name: 'readme',
    expected: null,
    text: `# widget-kit\n\nA small toolkit for drawing widgets in the terminal.\n\n## Install\n\nnpm install widget-kit\n\n## Usage\n\nImport the kit, create a window and add widgets to it. Widgets redraw when their state changes.\nSee the examples folder for a tour of every widget, and the changelog for what is new.\n`,
  },
  {
    name: 'source code',
    expected: null,
    text: `export function add(a, b) {\n  return a + b;\n}\n\n// Multiplies two numbers without overflow checks.\nexport function multiply(a, b) {\n  let result = 0;\n  for (let i = 0; i < b; i++) result = add(result, a);\n  return result;\n}\n`,
  },
  {
    name: 'custom terms',
    expected: null,
    text: `Terms of use\n\nYou may read this software but you may not run it on a Tuesday. Any copy you make must be printed on\nrecycled paper and mailed to the author, who will decide in their sole discretion whether to return it.\nThe author makes no promises about anything, including these terms, which change every full moon.\n`,
  },
];
