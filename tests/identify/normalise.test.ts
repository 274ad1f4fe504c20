// The SPDX matching guidelines, one by one: what must not change which licence a text is.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalise, tokens } from '../../src/identify/normalise.js';
import { isoDate, readHippocraticModules } from '../../src/identify/parameters.js';

const words = (text: string, template = false) => normalise(text, { template }).words.join(' ');

describe('normalise', () => {
  it.each([
    ['case', 'THE SOFTWARE IS PROVIDED', 'the software is provided'],
    ['white space and line breaks', 'the   software\n\n  is\tprovided', 'the software is provided'],
    ['punctuation, quotes and dashes', '“Software” — the ‘Work’ - "as is"', 'software the work as is'],
    ['bullets and numbering', '1. Definitions\n  (a) the licence\n  * iv) granted\n- item', 'definitions the license granted item'],
    ['Markdown', '# Title\n\n**Bold** and _emphasis_\n> quoted', 'title bold and emphasis quoted'],
    ['http and https', 'see https://example.org', 'see http example org'],
    ['varietal spellings', 'This licence, the Licensor’s organisation and labour', 'this license the licensors organization and labor'],
    ['split prefixes', 'sub-license, non-commercial', 'sublicense noncommercial'],
  ])('%s', (_rule, text, expected) => {
    expect(words(text)).toBe(expected);
  });

  it('drops "Copyright <Name>" without year or "(c)" only as a whole line naming no licence', () => {
    expect(words('Copyright JS Foundation and other contributors\n\nPermission is granted')).toBe('permission is granted');
    expect(words('Copyright Michael Ciniawsky <michael.ciniawsky@gmail.com>\nPermission')).toBe('permission');
    // The licence's own words, a licence's name or a term keep the line whole.
    expect(words('Copyright Holder means the person')).toBe('copyright holder means the person');
    expect(words('Copyright Peer Production License')).toBe('copyright peer production license');
    expect(words('Copyright Foo Commons Clause')).toBe('copyright foo commons clause');
    expect(words('Copyright Foo Ltd, not for commercial use')).toBe('copyright foo ltd not for commercial use');
  });

  it('drops "(c) <Name>" alone on its line (datauri\'s README), never a list item that is a clause', () => {
    expect(words('MIT License\n\n(c) [Data-URI.js](https://github.com/data-uri)\n\n(c) [Helder Santana](https://heldr.com)')).toBe('mit license');
    expect(words('(c) Copyright 1986 HEWLETT-PACKARD COMPANY\n\nTo anyone')).toBe('to anyone');
    expect(words('(C) The Acme Foundation and contributors\nPermission')).toBe('permission');
    // "(c)" as the third item of a list: a clause keeps its words, capitalised or not.
    expect(words('(c) Said project publishes the Source of the modifications')).toBe('said project publishes the source of the modifications');
    expect(words('(c) You must retain notices')).toBe('you must retain notices');
    expect(words('(c) Commercial Use')).toBe('commercial use');
    // A name line holding a term is no name: "Trial" and "Confidential" end a statement too.
    expect(words('(c) Acme Trial Version')).toBe('acme trial version');
    expect(words('Copyright Acme Confidential\nPermission')).toBe('copyright acme confidential permission');
  });

  it('reads an initial\'s full stop as no sentence end, and a year, "(c)" or an address as no word of the ten', () => {
    expect(words('Copyright (c) Isaac Z. Schlueter and Contributors\nPermission')).toBe('permission');
    expect(words('Copyright (c) 2014-2018, 2022 Tyler Kellen <tyler@sleekcode.net>, Blaine Bublitz <blaine.bublitz@gmail.com>, and Eric Schoffstall <yo@contra.io>\nPermission')).toBe('permission');
    // A sentence that really ends still ends the statement.
    expect(words('Copyright (c) 2001 by Foo Bar. Any use of the code is permitted')).toBe('any use of the code is permitted');
  });

  it('reads a surname that is also an excluding word as a name where only a name can stand (is-what: "Luca Ban - Mesqueeb"), nowhere else', () => {
    expect(words('Copyright (c) 2018 Luca Ban - Mesqueeb\nPermission')).toBe('permission');
    expect(words('Copyright (c) 2018 Luca Ban\nPermission')).toBe('permission');
    expect(words('Copyright (c) 2018 Luca Ban, Mesqueeb\nPermission')).toBe('permission');
    // A term glued to the statement is still the licence's words.
    expect(words('Copyright (c) 2018 Acme Ban Russia\nPermission')).toBe('ban russia permission');
    expect(words('Copyright (c) 2018 Luca Ban, banks excluded\nPermission')).toBe('ban banks excluded permission');
    expect(words('Copyright (c) 2018 Acme, ban on Russia\nPermission')).toBe('ban on russia permission');
    expect(words('Copyright (c) 2018 Acme ban - Mesqueeb\nPermission')).toBe('ban mesqueeb permission');
  });

  it('drops copyright statements, but not licence text that starts with "COPYRIGHT HOLDERS"', () => {
    expect(words('Copyright (c) 2024 Jane Doe\n© 2020 Acme\nAll rights reserved.\nPermission is granted')).toBe('permission is granted');
    expect(words('IN NO EVENT SHALL THE AUTHORS OR\nCOPYRIGHT HOLDERS BE LIABLE')).toBe('in no event shall the authors or copyright holders be liable');
  });

  it('drops a copyright statement wrapped under itself, not a line that merely follows it (LAPACK in NumPy\'s wheel)', () => {
    const lapack = '  Copyright (c) 1992-2013 The University of Tennessee and The University\n                          of Tennessee Research Foundation.  All rights\n                          reserved.\n  Copyright (c) 2000-2013 The University of California Berkeley. All\n                          rights reserved.\n\n  Redistribution and use';
    // What the ten-word rule leaves of the statements' own lines ("All", split from its "rights
    // reserved" by the wrap) is a stray word; years count as no words, so the first statement's
    // "University" is its own; the lines below them are gone.
    expect(words(lapack)).toBe('all redistribution and use');
    expect(words('Copyright (c) 2024 Jane Doe\n  Permission is hereby granted')).toBe('permission is hereby granted');
    expect(words('Copyright (c) 2024 Jane Doe\n\n            indented licence text')).toBe('indented licence text'.replace('licence', 'license'));
    // A term indented under the statement is never taken for its continuation.
    expect(words('Copyright (c) 2024 Jane Doe\n            Not for commercial use.\nPermission is hereby granted')).toBe('not for commercial use permission is hereby granted');
  });

  it('keeps licence text glued to a copyright statement by re-wrapping', () => {
    expect(words('Copyright (c) 2001 by David Kastrup. Any use of the code is permitted')).toBe('any use of the code is permitted');
  });

  it('drops replaceable text from reference templates only', () => {
    expect(words('Neither the name of [name of copyright owner] nor {Licensor Name}', true)).toBe('neither the name of nor');
    expect(words('Neither the name of [Acme] nor')).toBe('neither the name of acme nor');
    // A bracketed sentence, with its full stop, is the licence's own words (SSLeay's last line).
    expect(words('put under another distribution licence\n[including the GNU Public Licence.]', true)).toBe('put under another distribution license including the gnu public license');
    expect(words('Neither the name of [the owner.] nor [Owner]', true)).toBe('neither the name of the owner nor');
  });

  it('keeps what looks like numbering where the line before runs on into it (certifi: "License,\\nv. 2.0.")', () => {
    expect(words('subject to the terms of the Mozilla Public License,\nv. 2.0. If a copy')).toBe('subject to the terms of the mozilla public license v 2 0 if a copy');
    expect(words('the Ubuntu Font Licence version\n1.0. See')).toBe('the ubuntu font license version 1 0 see');
    // Still list items: after a heading, after "; or", and lettered items in parentheses.
    expect(words('1. Definitions\n1.1. Contributor')).toBe('definitions contributor');
    expect(words('either the GPL; or\n2. the Artistic License')).toBe('either the gpl or the artistic license');
    expect(words('under the terms of\n(a) the GNU GPL')).toBe('under the terms of the gnu gpl');
  });

  it('an enumeration inside one sentence keeps its second item however the line wraps (the FSF\'s GPL-2.0: ", and\\n(2) offer you")', () => {
    expect(words('(1) copyright the software, and\n(2) offer you this license')).toBe(words('(1) copyright the software, and (2) offer you this license'));
    expect(words('(1) copyright the software, and\n(2) offer you this license')).toBe('copyright the software and 2 offer you this license');
    // A list's items end with a semicolon, or nothing: "(b)" there is still a list item.
    expect(words('the following conditions; and\n(b) the Work')).toBe('the following conditions and the work');
    expect(words('under the terms of\n(a) the GNU GPL')).toBe('under the terms of the gnu gpl');
  });

  it('keeps each word’s line', () => {
    expect(normalise('one\n\ntwo three').lines).toEqual([1, 3, 3]);
  });
});

describe('parameters', () => {
  it.each([
    ['2027-08-10', '2027-08-10'],
    ['2027/8/1', '2027-08-01'],
    ['August 10, 2027', '2027-08-10'],
    ['10 Aug 2027', '2027-08-10'],
    ['Four years from the date the Licensed Work is published.', undefined],
  ])('change date %s', (text, expected) => {
    expect(isoDate(text)).toBe(expected);
  });

  it.each([
    ['HL3-BDS-MIL-NC badge', 'https://img.shields.io/badge/License-HL3--BDS--MIL--NC HL3-BDS-MIL-NC', ['BDS', 'MIL', 'NC']],
    ['builder URL', 'https://firstdonoharm.dev/version/3/0/bds-eco-law.html', ['BDS', 'ECO', 'LAW']],
    ['core URL', 'https://firstdonoharm.dev/version/3/0/core.txt', []],
  ])('Hippocratic modules from the %s', (_source, text, expected) => {
    expect(readHippocraticModules('', text)).toEqual(expected);
  });
});

describe('the words of an ASCII line', () => {
  // What tokens() did for every line before its ASCII path: lower case, apostrophes and backticks
  // out, then split on whatever is not a letter or a digit.
  const VARIETAL_SAMPLE = /^(?:licence|organisation|labour)$/;
  const reference = (text: string) => text.toLowerCase().replace(/[’'`]/g, '').split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
  const characters = fc.constantFrom(...'aZ9 \t\'`"-_.,;:()[]<>/\\*#@&!?=+~^%$|{}\x00\x7f'.split(''), 'b', 'Q', '0');

  it('are the words the general path gives, for any ASCII text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: characters, maxLength: 40 }), fc.string({ unit: 'binary-ascii', maxLength: 60 })), (text) => {
        const expected = reference(text);
        // (The varietal spellings are made one after, alike on both paths: none is generated here.)
        fc.pre(!expected.some((word) => VARIETAL_SAMPLE.test(word)));
        expect([...tokens(text)]).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('join a word across an apostrophe or backtick, at its start, middle and end', () => {
    expect(tokens("Licensor's don't 'quoted' `code` rock'n'roll ''")).toEqual(['licensors', 'dont', 'quoted', 'code', 'rocknroll']);
    expect(tokens("ab' cd")).toEqual(['ab', 'cd']);
    expect(tokens('')).toEqual([]);
    expect(tokens("'`'")).toEqual([]);
    // A varietal spelling made one on this path too.
    expect(tokens('This LICENCE')).toEqual(['this', 'license']);
  });
});
