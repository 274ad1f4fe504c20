// Identification done once per distinct text (issue 11): the remembered answer must be the answer.
// A text is remembered by its normalised words and their lines, and only when nothing after the
// matching read the file's own text, so two files that differ where the words cannot see (a
// copyright line) but that a step reads (a Hippocratic badge) are each worked out.
import { describe, expect, it } from 'vitest';
import { THRESHOLD, identifyText, identifyWith, loadCorpus } from '../../src/identify/index.js';
import { textOf } from './scenarios.js';

/** The same identification without the memo (any option bypasses it). */
const fresh = (text: string) => identifyWith(text, loadCorpus(), { threshold: THRESHOLD });

describe('identification remembered by text', () => {
  it('gives each copy of a licence the answer it would get alone, whatever its copyright line or line ends', () => {
    const mit = textOf('MIT');
    const copies = [
      `MIT License\n\nCopyright (c) 2019 Jane Doe\n\n${mit}`,
      `MIT License\n\nCopyright (c) 2024 Acme Worker Cooperative\n\n${mit}`,
      `MIT License\r\n\r\nCopyright (c) 2024 Someone Else\r\n\r\n${mit.replace(/\n/g, '\r\n')}`,
      `MIT License\n\nCopyright (c) 2019 Jane Doe\nCopyright (c) 2020 John Doe\n\n${mit}`,
    ];
    for (const copy of copies) expect(identifyText(copy)).toEqual(fresh(copy));
  });

  it('does not hand the answer of one file to another whose text past its words differs', () => {
    const core = textOf('Hippocratic-3.0-core');
    // The badge sits in a copyright line, which normalisation drops: the words are the same.
    const plain = `Copyright (c) 2024 Acme\n\n${core}`;
    const badged = `Copyright (c) 2024 Acme HL3-BDS-MIL\n\n${core}`;
    expect(identifyText(plain).expression).toBe('Hippocratic-3.0-core');
    expect(identifyText(badged)).toEqual(fresh(badged));
    expect(identifyText(badged).matches[0]!.parameters).toEqual({ modules: ['BDS', 'MIL'] });
    expect(identifyText(plain)).toEqual(fresh(plain));
  });

  it('hands out copies: changing one answer changes no other', () => {
    const text = `ISC License\n\nCopyright (c) 2024 Jane Doe\n\n${textOf('ISC')}`;
    const first = identifyText(text);
    first.matches[0]!.id = 'changed';
    first.candidates.length = 0;
    expect(identifyText(text)).toEqual(fresh(text));
  });
});
