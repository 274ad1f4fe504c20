// The dangerous answers of issue 8: a text that is not permissive read as a permissive licence.
// Each class both ways: the words that take the grant away keep the file unknown (or add their
// licence), and the words that only rename, re-word or point do not make it unknown.
import { createRequire } from 'node:module';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changesGrant, deviations } from '../../src/identify/deviations.js';
import { identifyText } from '../../src/identify/index.js';
import { normalise } from '../../src/identify/normalise.js';
import { evaluate } from '../../src/evaluate/index.js';
import { run } from '../cli/run.js';
import { textOf } from './scenarios.js';

const require = createRequire(import.meta.url);

const MIT = `Copyright (c) 2021 Jane Doe

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
`;

const BSD2 = `Copyright (c) 2020, Jane Doe
All rights reserved.

Redistribution and use in source and binary forms, with or without
modification, are permitted provided that the following conditions are met:

1. Redistributions of source code must retain the above copyright notice, this
   list of conditions and the following disclaimer.

2. Redistributions in binary form must reproduce the above copyright notice,
   this list of conditions and the following disclaimer in the documentation
   and/or other materials provided with the distribution.

THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"
AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE
IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
`;

const BSD3 = BSD2.replace(
  'THIS SOFTWARE IS PROVIDED',
  `3. Neither the name of the copyright holder nor the names of its
   contributors may be used to endorse or promote products derived from
   this software without specific prior written permission.

THIS SOFTWARE IS PROVIDED`,
);

const GPL_NOTICE = `This program is free software; you can redistribute it and/or modify
it under the terms of the GNU General Public License as published by
the Free Software Foundation; either version 2 of the License, or
(at your option) any later version.

This program is distributed in the hope that it will be useful,
but WITHOUT ANY WARRANTY; without even the implied warranty of
MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
GNU General Public License for more details.
`;

const business = { entity: 'for-profit' as const, uses: ['distribute' as const] };

/** `text` without the passage `pattern` finds (which must be there, and more than a few words). */
function withoutPassage(text: string, pattern: RegExp): string {
  const passage = pattern.exec(text)?.[0] ?? '';
  if (passage.split(/\s+/).length < 40) throw new Error(`no passage of forty words or more for ${pattern}`);
  return text.replace(passage, '');
}

describe('a change to a permissive text that takes the grant away keeps the file unknown', () => {
  it.each([
    ['the grant negated', MIT.replace('Permission is hereby granted', 'Permission is hereby NOT granted')],
    ['"No permission is hereby granted"', MIT.replace('Permission is hereby granted', 'No permission is hereby granted')],
    ['a right refused ("but not sell")', MIT.replace('sublicense, and/or sell', 'sublicense, but not sell')],
    ['a right removed ("and/or modified copies")', MIT.replace('and/or sell', 'and/or modified')],
    ['the rights to publish and distribute removed', MIT.replace('merge, publish, distribute, sublicense, and/or sell\ncopies of the Software, and', 'merge, and')],
    ['"with restriction"', MIT.replace('without restriction, including without limitation', 'with restriction, including with limitation')],
    // Who the grant is for, narrowed by a word or one word changed (fifteenth session: each was MIT).
    ['"to any natural person"', MIT.replace('to any person obtaining', 'to any natural person obtaining')],
    ['"to any individual" for "to any person"', MIT.replace('to any person obtaining', 'to any individual obtaining')],
    ['"to any student" for "to any person"', MIT.replace('to any person obtaining', 'to any student obtaining')],
    ['"to deal in the Software personally"', MIT.replace('in the Software without restriction', 'in the Software personally without restriction')],
    ['"to any person within Acme"', MIT.replace('to any person obtaining', 'to any person within Acme obtaining')],
    ['"to any member of Acme" for "to any person"', MIT.replace('to any person obtaining', 'to any member of Acme obtaining')],
    ['"Academic redistribution and use" (BSD-3-Clause)', BSD3.replace('Redistribution and use', 'Academic redistribution and use')],
    // How far the grant reaches (fifteenth session: each was Apache-2.0).
    ['Apache-2.0 with "irrevocable" taken out of its copyright grant', textOf('Apache-2.0').replace(/royalty-free, irrevocable copyright license/, 'royalty-free copyright license')],
    ['Apache-2.0 "European" for "worldwide"', textOf('Apache-2.0').replace(/a perpetual,\s+worldwide,/, 'a perpetual, European,')],
    ['Apache-2.0 "one-year" for "perpetual"', textOf('Apache-2.0').replace(/a perpetual,\s+worldwide,/, 'a one-year, worldwide,')],
    ['"are permitted within Acme" (BSD-3-Clause)', BSD3.replace('are permitted provided', 'are permitted within Acme provided')],
    ['the documentation left out of the grant', MIT.replace(' and associated documentation files', '')],
    ['use for a purpose only', MIT.replace('THE SOFTWARE IS PROVIDED', 'The Software is designated for employment testing purposes only.\n\nTHE SOFTWARE IS PROVIDED')],
    ['a sentence to the licensee', MIT.replace('THE SOFTWARE IS PROVIDED', 'You also agree to give me your first child when the summer solstice has a full moon.\n\nTHE SOFTWARE IS PROVIDED')],
    ['"may not sell … without written permission"', MIT.replace('THE SOFTWARE IS PROVIDED', 'You may not sell copies of this software without express written permission from the author.\n\nTHE SOFTWARE IS PROVIDED')],
    ['a user banned (BSD-2-Clause)', BSD2.replace('THIS SOFTWARE IS PROVIDED', '3. Use or redistribution of this code is disallowed for the github.com user kataras in any representation.\n\nTHIS SOFTWARE IS PROVIDED')],
    ['a condition on every use (BSD-3-Clause)', BSD3.replace('THIS SOFTWARE IS PROVIDED', '4. Every use of the source code or binary form of the software should acknowledge the publication.\n\nTHIS SOFTWARE IS PROVIDED')],
    ['redistribution "not permitted" (BSD-3-Clause)', BSD3.replace('are permitted provided', 'are not permitted provided')],
    // Who may use it, in a title above the text: "for non-profits only" read as benign once.
    ['"for non-profits only" in the title', `luma.gl is provided under the MIT license for non-profits only\n\n${MIT}`],
    ['"licensed under the MIT license for non-profits only"', `Acme is licensed under the MIT license for non-profits only.\n\n${MIT}`],
    ['"MIT license, for students only"', `Acme: MIT license, for students only\n\n${MIT}`],
    ['"for use in Acme products only"', `${MIT}\n\nThis code is licensed for use in Acme products only.\n`],
    // Use put under terms published elsewhere, which may restrict and which copyfair cannot read
    // (npm's LICENSE says this of its registry; a package may say it of itself).
    ['"Use governed by terms published on …" in the title', `Acme Widget\nUse governed by terms published on https://acme.example/terms\n\n${MIT}`],
    ['"use of this software is subject to the terms of service at …"', `${MIT}\n\nUse of this software is subject to the terms of service at https://acme.example/tos.\n`],
    // Other terms put into the text by reference (sixteenth session: each was MIT, free).
    ['another document’s terms, inside the text', MIT.replace('The above copyright notice', 'Use of this software is also subject to the Acme Terms of Service. The above copyright notice')],
    ['"additional terms apply", inside the text', MIT.replace('The above copyright notice', 'Additional terms apply; see TERMS.md.\n\nThe above copyright notice')],
    ['another file made part of the licence, inside the text', MIT.replace('The above copyright notice', 'The terms in TERMS.md are part of this license. The above copyright notice')],
    // For how long, on what, for whom, in which forms (sixteenth session: each was the licence, free).
    ['"for a period of one year" in the grant', MIT.replace('Permission is hereby granted, free of charge,', 'Permission is hereby granted for a period of one year, free of charge,')],
    ['"on a single computer"', MIT.replace('copies of the Software, and to permit', 'copies of the Software on a single computer, and to permit')],
    ['"on Acme hardware"', MIT.replace('in the Software without restriction', 'in the Software, on Acme hardware, without restriction')],
    ['"(other than competitors of Acme)"', MIT.replace('to any person obtaining', 'to any person (other than competitors of Acme) obtaining')],
    ['"to any person who follows the Acme Code of Conduct"', MIT.replace('to any person obtaining', 'to any person who follows the Acme Code of Conduct and obtaining')],
    ['ISC "for any peaceful purpose"', textOf('ISC').replace('for any purpose', 'for any peaceful purpose')],
    ['ISC "for any civilian purpose"', textOf('ISC').replace('for any purpose', 'for any civilian purpose')],
    ['Apache-2.0 "worldwide (except the Russian Federation)"', textOf('Apache-2.0').replace(/perpetual,\s+worldwide,/, 'perpetual, worldwide (except the Russian Federation),')],
    ['BSD-3-Clause "without modification" for "with or without modification"', BSD3.replace('with or without\nmodification', 'without modification')],
    ['BSD-3-Clause "in source form" for "in source and binary forms"', BSD3.replace('in source and binary forms', 'in source form')],
    ['"This license is valid for 30 days from the date of download."', `${MIT}\nThis license is valid for 30 days from the date of download.\n`],
    ['"This license expires on 31 December 2025."', `${MIT}\nThis license expires on 31 December 2025.\n`],
    ['"Companies with annual revenue above USD 1 million need a separate license."', `${MIT}\nCompanies with annual revenue above USD 1 million need a separate license.\n`],
    ['"Offering the Software as a hosted service to third parties is reserved to Acme."', `${MIT}\nOffering the Software as a hosted service to third parties is reserved to Acme.\n`],
    ['"one copy of the Software" for "copies"', MIT.replace('copies of the Software, and to permit', 'one copy of the Software, and to permit')],
    ['BSD-2-Clause "3. Redistributions must be free of charge."', BSD2.replace('THIS SOFTWARE IS PROVIDED', '3. Redistributions must be free of charge.\n\nTHIS SOFTWARE IS PROVIDED')],
    ['0BSD "for any purpose other than resale"', textOf('0BSD').replace('for any purpose', 'for any purpose other than resale')],
    ['"removing it is a breach of this license"', `${MIT}\nThe Software displays advertising; removing it is a breach of this license.\n`],
    ['"Please notify the author before using the Software in a product."', `${MIT}\nPlease notify the author before using the Software in a product.\n`],
    ['"which you consent to by using it"', `${MIT}\nThe Software collects anonymous usage statistics, which you consent to by using it.\n`],
    ['Apache-2.0 "does not grant permission to run the Work in production or to use the trade names"', textOf('Apache-2.0').replace(/does not grant permission to use the trade/, 'does not grant permission to run the Work in production or to use the trade')],
    ['a sentence of the grant replaced by another document’s terms', MIT.replace('The above copyright notice and this permission notice shall be included in all\ncopies or substantial portions of the Software.', 'Use of the Software is governed by the Acme Developer Agreement.')],
    // A grant narrowed in words no list holds (seventeenth session: each was the licence, free).
    ['"to any person in good standing with Acme"', MIT.replace('to any person obtaining', 'to any person in good standing with Acme obtaining')],
    ['"to deal in the Software in the United States"', MIT.replace('in the Software without restriction', 'in the Software in the United States without restriction')],
    ['"to deal in the Software in open source projects"', MIT.replace('in the Software without restriction', 'in the Software in open source projects without restriction')],
    ['"on no more than five installations" for "without restriction"', MIT.replace('in the Software without restriction', 'in the Software on no more than five installations')],
    ['"the rights to use (in non-production environments)"', MIT.replace('the rights\nto use,', 'the rights\nto use (in non-production environments),')],
    ['"a non-transferable copy"', MIT.replace('obtaining a copy', 'obtaining a non-transferable copy')],
    ['Apache-2.0 "non-exclusive, non-transferable"', textOf('Apache-2.0').replace(/non-exclusive,\s+no-charge/, 'non-exclusive, non-transferable, no-charge')],
    ['"provided that you star the repository"', MIT.replace('furnished to do so, subject', 'furnished to do so, provided that you star the repository, subject')],
    ['a condition put first in the list: "You send a postcard to the author."', MIT.replace('following conditions:\n', 'following conditions:\n\nYou send a postcard to the author.\n')],
    ['a condition put first in the list: credit in the about screen', MIT.replace('following conditions:\n', 'following conditions:\n\nAcme is credited in the about screen of any product using it.\n')],
    ['"subject to the following conditions and to the Acme EULA"', MIT.replace('subject to the following conditions:', 'subject to the following conditions and to the Acme EULA:')],
    ['ISC "appear in all copies, and that modified versions are distributed under the same terms"', textOf('ISC').replace(/appear in all copies\./, 'appear in all copies, and that modified versions are distributed under the same terms.')],
    // Words left out of a grant that said what or for what it grants (the Unlicense).
    ['the Unlicense "for any purpose, non-commercial" for "commercial or non-commercial"', textOf('Unlicense').replace(/commercial or non-commercial/, 'non-commercial')],
    ['the Unlicense "in source code form" for "either in source code form or as a compiled binary"', textOf('Unlicense').replace(/either in source code form or as a compiled\s+binary/, 'in source code form')],
    // Share-alike put into a permissive text: not free of obligations (each caught by the rules above; kept as guards).
    ['BSD-3-Clause "4. Redistributions of this software must be made under the same license."', BSD3.replace('THIS SOFTWARE IS PROVIDED', '4. Redistributions of this software must be made under the same license.\n\nTHIS SOFTWARE IS PROVIDED')],
    ['MIT and "Modifications to this software must be released under the same license."', `${MIT}\nModifications to this software must be released under the same license.\n`],
    ['MIT "Copies of any modifications shall be sent to the authors." in its condition', MIT.replace('portions of the Software.', 'portions of the Software. Copies of any modifications shall be sent to the authors.')],
    // Beside the text (seventeenth session: each was the licence, free).
    ['"Use in production environments requires an active Acme subscription."', `${MIT}\nUse in production environments requires an active Acme subscription.\n`],
    ['"Donations are required for use in production."', `${MIT}\nDonations are required for use in production.\n`],
    ['"Until 1 January 2027, permission is hereby granted"', MIT.replace('Permission is hereby granted', 'Until 1 January 2027, permission is hereby granted')],
    ['"Schools are given" above ISC\'s "permission to use"', textOf('ISC').replace(/Permission to use/, 'Schools are given permission to use')],
    ['"Teachers and students are given" after the copyright line', textOf('ISC').replace(/Permission to use/, 'Teachers and students are given\npermission to use')],
    ['"See the Acme EULA." below the text', `${MIT}\nSee the Acme EULA.\n`],
    // Restricting words put into the text, and terms put above a licence's own end text (seventeenth session).
    ['MIT "WITHOUT WARRANTY OF ANY KIND, FOR NON-PRODUCTION USE"', MIT.replace('WITHOUT WARRANTY OF ANY KIND,', 'WITHOUT WARRANTY OF ANY KIND, FOR NON-PRODUCTION USE,')],
    ['Apache-2.0 "10. The Acme Cloud Terms apply to any use of the Work with Acme Cloud." above END OF TERMS AND CONDITIONS', textOf('Apache-2.0').replace('END OF TERMS AND CONDITIONS', '10. Governing terms. The Acme Cloud Terms apply to any use of the Work with Acme Cloud.\n\nEND OF TERMS AND CONDITIONS')],
    // A name slot of a template that took who or where the work is for (seventeenth session: each a template match, free).
    ['BSD-2-Clause "PROVIDED BY ACME TO STUDENTS"', BSD2.replace('PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS', 'PROVIDED BY ACME TO STUDENTS')],
    ['BSD-2-Clause "PROVIDED BY ACME FOR ACADEMIC RESEARCH"', BSD2.replace('PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS', 'PROVIDED BY ACME FOR ACADEMIC RESEARCH')],
    ['BSD-3-Clause "Neither the name of Acme (available to members of the Acme Foundation)"', BSD3.replace('Neither the name of the copyright holder', 'Neither the name of Acme (available to members of the Acme Foundation)')],
    ['"Copyright (c) 2021 Jane Doe, distributed to Acme partners" above MIT', MIT.replace('Copyright (c) 2021 Jane Doe', 'Copyright (c) 2021 Jane Doe, distributed to Acme partners')],
    ['the same under a title', `MIT License\n\n${MIT.replace('Copyright (c) 2021 Jane Doe', 'Copyright (c) 2021 Jane Doe, distributed to Acme partners')}`],
    // A licence said to be for some, in its title.
    ['"MIT License for Acme partners"', `MIT License for Acme partners\n\n${MIT}`],
    ['"MIT License (Acme Partners Edition)"', `MIT License (Acme Partners Edition)\n\n${MIT}`],
    ['"BSD 2-Clause License for research institutions"', `BSD 2-Clause License for research institutions\n\n${BSD2}`],
    // A clause where the licence names someone: a template's replaceable text or a match's changed words.
    ['ISC "AND ACME, WHO GRANTS THESE RIGHTS TO STUDENTS AND TEACHERS, DISCLAIMS"', textOf('ISC').replace(/AND ISC DISCLAIMS/, 'AND ACME, WHO GRANTS THESE RIGHTS TO STUDENTS AND TEACHERS, DISCLAIMS')],
    ['BSD-3-Clause "PROVIDED TO ACME CUSTOMERS BY THE COPYRIGHT HOLDERS"', BSD3.replace('PROVIDED BY THE COPYRIGHT HOLDERS', 'PROVIDED TO ACME CUSTOMERS BY THE COPYRIGHT HOLDERS')],
    ['BSD-2-Clause "PROVIDED, TO HOLDERS OF AN ACME SUBSCRIPTION, BY ACME"', BSD2.replace('PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS', 'PROVIDED, TO HOLDERS OF AN ACME SUBSCRIPTION, BY ACME')],
    // A grant lost whole, the rest word for word (twenty-eighth session: each was Apache-2.0, free).
    ['Apache-2.0 without §2, its copyright grant', withoutPassage(textOf('Apache-2.0'), /2\. Grant of Copyright License\.[\s\S]*?(?=3\. Grant of Patent License)/)],
    ['Apache-2.0 without §3, its patent grant', withoutPassage(textOf('Apache-2.0'), /3\. Grant of Patent License\.[\s\S]*?(?=4\. Redistribution)/)],
    // A right gone from the grant's opening, where the match begins after it (each was the BSD licence, free).
    ['BSD-2-Clause "Use in source and binary forms" (no right to redistribute)', BSD2.replace('Redistribution and use in source', 'Use in source')],
    ['BSD-2-Clause "Private use in source and binary forms"', BSD2.replace('Redistribution and use in source', 'Private use in source')],
    ['BSD-3-Clause "Redistribution in source and binary forms" (no right to use)', BSD3.replace('Redistribution and use in source', 'Redistribution in source')],
  ])('%s', (_name, text) => {
    // (Each variant is made by replacing words of a text: the words must have been there.)
    expect([MIT, BSD2, BSD3, textOf('Apache-2.0')]).not.toContain(text);
    const result = identifyText(text);
    expect(result.expression).toBeNull();
    expect(result.matches.some((match) => match.doubt !== undefined) || (result.unexplained?.length ?? 0) > 0).toBe(true);
  });

  it('says which words changed, in the data and on the command line', async () => {
    const text = MIT.replace('Permission is hereby granted', 'Permission is hereby NOT granted');
    expect(identifyText(text).matches[0]!.doubt).toEqual({ kind: 'changed', known: '', words: 'not' });
    const file = join(mkdtempSync(join(tmpdir(), 'copyfair-danger-')), 'LICENSE');
    writeFileSync(file, text);
    const result = await run(['identify', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${file}: unknown`);
    expect(result.stdout).toContain('(not reported: words added to the licence: "not")');
  });
});

describe('a change that only renames, re-words or mangles the disclaimer leaves the licence', () => {
  it.each([
    ['a name for "the Software"', MIT.replace(/the Software/g, 'the Widgets Library'), 'MIT'],
    ['"shall" for "must"', BSD3.replace(/must retain/, 'shall retain'), 'BSD-3-Clause'],
    ['the names clause re-worded with "may not"', BSD3.replace(/Neither the name of the copyright holder nor the names of its\n   contributors may be used/, 'The names of any contributors may not be used'), 'BSD-3-Clause'],
    ['a misspelt right', MIT.replace('sublicense,', 'sublicence,'), 'MIT'],
    ['the disclaimer mangled ("INCLUDING BUT LIMITED TO")', MIT.replace('INCLUDING BUT NOT LIMITED TO', 'INCLUDING BUT LIMITED TO'), 'MIT'],
    ['a "NO WARRANTY" heading', BSD3.replace('THIS SOFTWARE IS PROVIDED', 'NO WARRANTY\n\nTHIS SOFTWARE IS PROVIDED'), 'BSD-3-Clause'],
    // Words the sixteenth session's rules weigh, where they change nothing.
    ['"bytecode" for "binary"', BSD2.replace(/binary form/g, 'bytecode form'), 'BSD-2-Clause'],
    // A right added where the text grants them takes nothing away.
    ['a right added to MIT\'s list ("to use, copy, run, modify")', MIT.replace('to use, copy, modify', 'to use, copy, run, modify'), 'MIT'],
    // "without fee" for "with or without fee": the permission is still granted free of charge (as HPND words it).
    ['ISC "without fee" for "with or without fee"', textOf('ISC').replace('with or without fee', 'without fee'), 'ISC'],
    ['code with "expiry" and "revenue" below a licence', `${MIT}\n#define ON_EXPIRY 2\nint revenue_total = 0;\n`, 'MIT'],
    // Inside a grant, what names the work or misspells the licence's words (ScanCode's rule texts).
    ['"this font software"', MIT.replace('a copy\nof this software', 'a copy\nof this font software'), 'MIT'],
    ['"in source and binary forms of Go Gopher"', BSD3.replace('binary forms,', 'binary forms of Go Gopher,'), 'BSD-3-Clause'],
    ['"fur nished", "andor", "modifica tion"', BSD3.replace('with or without\nmodification', 'with or without\nmodifica tion').replace('and/or other', 'andor other'), 'BSD-3-Clause'],
    ['"sublicensen" and "folloing"', MIT.replace('sublicense,', 'sublicensen,').replace('the following conditions', 'the folloing conditions').replace('furnished', 'fur nished'), 'MIT'],
    ['markup left in the grant ("&quot;Software&quot;")', MIT.replace('(the "Software")', '(the &quot;Software&quot;)'), 'MIT'],
    ['zlib "redistribute it freely in both source and binary form"', textOf('Zlib').replace(/redistribute it freely/, 'redistribute it freely in both source and binary form'), 'Zlib'],
    ['Apache-2.0 §6 re-worded ("bundle names") where it denies a grant', textOf('Apache-2.0').replace(/or product names/, 'or bundle names'), 'Apache-2.0'],
    // The same words where they limit nothing: code's "until 2038", what "this license is granted" for.
    ['code with "ok until 2038" below a licence', `${BSD3}\n/* the sign bit of the timestamp: ok until 2038 */\n`, 'BSD-3-Clause'],
    ['"the source code files for which this license is granted" above the text', `The following copyright notice applies to the source code files for which this license is granted.\n\n${BSD3}`, 'BSD-3-Clause'],
    // Left out of a grant and narrowing nothing: "free of charge", an exception, a word's form.
    ['MIT without "free of charge"', MIT.replace('Permission is hereby granted, free of charge, to any person', 'Permission is hereby granted to any person'), 'MIT'],
    ['Apache-2.0 §3 without "(except as stated in this section)"', textOf('Apache-2.0').replace(/irrevocable \(except as stated in this section\) patent/, 'irrevocable patent'), 'Apache-2.0'],
    ['MIT "to deal in the Software without restrictions"', MIT.replace('without restriction,', 'without restrictions,'), 'MIT'],
    // Names with "in", "to" or "non-profit" where the licence prints a name or a copyright statement.
    ['"IN NO EVENT SHALL WASHINGTON UNIVERSITY IN ST. LOUIS BE LIABLE"', BSD3.replace('SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE', 'SHALL WASHINGTON UNIVERSITY IN ST. LOUIS BE LIABLE'), 'BSD-3-Clause'],
    ['"Copyright 1999 Acme Studio LLC, a non-profit organization dedicated to free software"', MIT.replace('Copyright (c) 2021 Jane Doe', 'Copyright 1999 Acme Studio LLC, a non-profit organization dedicated to free software'), 'MIT'],
    ['"Educational Community License" is no licence "for" some', textOf('ECL-2.0'), 'ECL-2.0'],
    // A licence's own heading where a copy has it, which the rule for words beside a licence would read as a term.
    ['EPL-2.0 with its "4. COMMERCIAL DISTRIBUTION" heading', textOf('EPL-2.0'), 'EPL-2.0'],
    // A holder named Grant is a name (ScanCode's bsd-new_1272).
    ['"IN NO EVENT SHALL RANDOLPH VOORHIES OR SHANE GRANT BE LIABLE"', BSD3.replace('SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE', 'SHALL RANDOLPH VOORHIES OR SHANE GRANT BE LIABLE'), 'BSD-3-Clause'],
    // The grant's opening reworded, its rights still there; "Permission" alone left out (ScanCode's mit_733).
    ['BSD-2-Clause "Redistribution and usage"', BSD2.replace('Redistribution and use in source', 'Redistribution and usage in source'), 'BSD-2-Clause'],
    ['BSD-2-Clause "Redistribution and use of this software in source"', BSD2.replace('Redistribution and use in source', 'Redistribution and use of this software in source'), 'BSD-2-Clause'],
    ['MIT "Is hereby granted, free of charge"', MIT.replace('Permission is hereby granted', 'Is hereby granted'), 'MIT'],
    // A paragraph lost that grants nothing: a sloppy copy, which the score weighs.
    ['Apache-2.0 without §9, which grants nothing', withoutPassage(textOf('Apache-2.0'), /9\. Accepting Warranty or Additional Liability\.[\s\S]*?(?=END OF TERMS)/), 'Apache-2.0'],
    ['Apache-2.0 without §8, which grants nothing', withoutPassage(textOf('Apache-2.0'), /8\. Limitation of Liability\.[\s\S]*?(?=9\. Accepting)/), 'Apache-2.0'],
  ])('%s', (_name, text, id) => {
    expect(identifyText(text).expression).toBe(id);
  });

  it('the rule, unit by unit', () => {
    const judge = (text: string, known: string) =>
      deviations(normalise(text).words, normalise(known).words).some((deviation) => changesGrant(deviation, new Set(normalise(known).words)));
    const grant = 'permission is hereby granted to use copy modify and sell the software without restriction';
    expect(judge('permission is hereby not granted to use copy modify and sell the software without restriction', grant)).toBe(true);
    expect(judge('permission is hereby granted to use copy and modify the software without restriction', grant)).toBe(true);
    expect(judge('permission is hereby granted to use copy modify and sell the software with restriction', grant)).toBe(true);
    expect(judge('permission is hereby granted to use copy modify and sell the software only for testing without restriction', grant)).toBe(true);
    expect(judge('permission is hereby granted to use copy modify and sell the widgets library without restriction', grant)).toBe(false);
    // "with or without modification" made "without modification" permits one way only; "with or
    // without fee" made "without fee" still charges nothing (ScanCode's generic-xts rule text).
    const bsd = 'redistribution and use in source and binary forms with or without modification are permitted';
    expect(judge('redistribution and use in source and binary forms without modification are permitted', bsd)).toBe(true);
    expect(judge('permission to use copy and modify this software without fee is hereby granted', 'permission to use copy and modify this software with or without fee is hereby granted')).toBe(false);
    // A form dropped from the grant; a form named otherwise is the same grant.
    expect(judge('redistribution and use in source form with or without modification are permitted', bsd)).toBe(true);
    expect(judge('redistribution and use in source and bytecode forms with or without modification are permitted', bsd)).toBe(false);
    expect(judge('permission is hereby granted to use copy modify and sell the software without any restriction', grant)).toBe(false);
  });

  it('one relative pronoun for another is a re-wording; one put in where the licence had none is a clause', () => {
    const known = 'the software is provided by the authors which disclaim all warranties';
    const judge = (text: string) => deviations(normalise(text).words, normalise(known).words).some((deviation) => changesGrant(deviation, new Set(normalise(known).words)));
    expect(judge('the software is provided by the authors whose disclaim all warranties')).toBe(false);
    expect(judge('the software is provided by the authors given rights which disclaim all warranties')).toBe(true);
  });

  it('inside a grant, any word the licence does not use is a change; before it, after it and in its disclaimer, the other rules judge', () => {
    const mit = normalise(MIT).words;
    const changed = (text: string) => identifyText(text).expression === null;
    // The same two words, inside MIT's grant and outside it.
    expect(changed(MIT.replace('to any person obtaining', 'to any person in Ruritania obtaining'))).toBe(true);
    expect(changed(MIT.replace('FITNESS FOR A PARTICULAR PURPOSE', 'FITNESS FOR A PARTICULAR PURPOSE in Ruritania'))).toBe(false);
    expect(changed(MIT.replace('Permission is hereby granted', 'All rights reserved in Ruritania.\n\nPermission is hereby granted'))).toBe(false);
    // (The known words are the test's own text: the grant must be found in them.)
    expect(mit.join(' ')).toContain('permission is hereby granted free of charge');
  });
});

describe('a README’s License section that gives the licence to some or for a time', () => {
  it('is not the licence alone (each was MIT, free); thanks to individual contributors are still thanks', async () => {
    const { identifyLicenceText } = await import('../../src/identify/identify-file.js');
    const section = (words: string) => identifyLicenceText('README.md', `# widget\n\nA widget.\n\n## License\n\n${words}\n`).expression;
    expect(section('Released under the MIT license to Acme customers.')).toBeNull();
    expect(section('MIT License. Until 2027-01-01.')).toBeNull();
    expect(section('MIT © Django Software Foundation and individual contributors.')).toBe('MIT');
    expect(section('Released under the MIT license.')).toBe('MIT');
  });
});

describe('a notice beside a known text is a licence of the file when it grants', () => {
  it('a GPL notice above a BSD text: both apply', () => {
    const result = identifyText(`${GPL_NOTICE}\n${BSD3}`);
    expect(result.expression).toBe('BSD-3-Clause AND GPL-2.0-or-later');
    expect(evaluate(result.expression!, business).outcome).not.toBe('free');
  });

  it('"available under and governed by the GNU GPL version 2 only" above an X11-style notice: both apply', () => {
    const text = `This file is available under and governed by the GNU General Public
License version 2 only, as published by the Free Software Foundation.
However, the following notice accompanied the original version of this
file:\n\n${MIT}`;
    const result = identifyText(text);
    expect(result.expression).toBe('MIT AND GPL-2.0-only');
  });

  it('a notice that offers the choice: either', () => {
    const text = `This software is available to you under a choice of one of two
licenses.  You may choose to be licensed under the terms of the GNU
General Public License (GPL) Version 2, available from the file
COPYING in the main directory of this source tree, or the
BSD license below:\n\n${BSD2}`;
    const result = identifyText(text);
    expect(result.expression).toMatch(/^(?:GPL-2\.0-only OR BSD-2-Clause|.*\bOR\b.*)$/);
    expect(result.expression).toContain('GPL-2.0-only');
    expect(evaluate(result.expression!, business).outcome).toBe('free');
  });

  it('a few restricting words beside a notice are still read', () => {
    expect(identifyText(`${GPL_NOTICE}
Not for resale.

${BSD3}`).expression).toBeNull();
  });

  it('a notice of the same licence, a title or a mention adds nothing', () => {
    expect(identifyText(`Licensed under the MIT license.\n\n${MIT}`).expression).toBe('MIT');
    expect(identifyText(`The OpenLDAP Public License\n\n${textOf('OLDAP-2.8')}`).expression).toBe('OLDAP-2.8');
    // GPL-2.0's own appendix names the Lesser GPL and "proprietary programs".
    expect(identifyText(textOf('GPL-2.0-only')).expression).toBe('GPL-2.0-only');
  });

  it('other licences named as the terms of parts keep the file unknown', () => {
    const exception = `${MIT}\n\nMost of Widgets is licensed under the MIT license, with the exception of the following files:\npng.js (Artistic License), tooltip.js (Sun Open Source License), twister.js (BSD license).\n`;
    expect(identifyText(exception).expression).toBeNull();
    const list = `${BSD2}\n\nExternal licenses: the libraries we depend on, by license:\nApache License 2.0: jetty, log4j\nGNU LGPL: marc4j\nMozilla Public License 1.1: rhino\nEclipse Public License 1.0: swt\n`;
    expect(identifyText(list).expression).toBeNull();
  });
});

describe('words around a known text and notices', () => {
  it('the work called proprietary beside an open licence: unknown', () => {
    expect(identifyText(`This is the license we use for our proprietary software.\n\n${MIT}`).expression).toBeNull();
  });

  it('an exception beside only a permissive notice: never the permissive licence alone; beside a licence exceptions attach to: read', () => {
    // ScanCode's rule for this notice states BSD-3-Clause AND GPL-2.0-only WITH the MySQL FOSS
    // exception (the exception is to the GPL): stricter than the words, never BSD alone.
    const mysql = identifyText('This library is BSD-licensed under the terms of the MySQL FOSS License Exception').expression;
    expect(mysql).not.toBe('BSD-3-Clause');
    expect(mysql === null || evaluate(mysql, { entity: 'for-profit', uses: ['distribute'] }).outcome !== 'free').toBe(true);
    expect(identifyText('Licensed under the Apache License, Version 2.0 with an exception to allow linking against GPL2 software').expression).toBe('Apache-2.0');
  });
});

describe('a notice with another licence named beside it, in words its own rules also use', () => {
  it('"Licensed under the Apache License, Version 2.0 and the GPL" is not Apache-2.0 alone', () => {
    // "and the GPL" is word pairs of Apache's own notice rules (thousands of them): it excused the
    // GPL named there, and the file read as Apache-2.0, free for a business that distributes.
    for (const text of ['Licensed under the Apache License, Version 2.0 and the GPL.', 'Licensed under the Apache License, Version 2.0. Some parts are covered by the GPL.', 'Licensed under the MIT license and the GPL.']) {
      expect(identifyText(text).expression, text).toBeNull();
    }
    // A GNU notice naming the GNU licence it amends still reads: the LGPL's "GNU General Public License".
    const lgpl = 'This library is free software; you can redistribute it and/or modify it under the terms of the GNU Lesser General Public License as published by the Free Software Foundation; either version 2.1 of the License, or (at your option) any later version.';
    expect(identifyText(lgpl).expression).toBe('LGPL-2.1-or-later');
  });
});

describe('who is left out, beside a known text', () => {
  // Each read as benign words (no condition word in them) or a short title, and the file as MIT, free.
  const MIT_BODY = MIT.slice(MIT.indexOf('Permission'));
  it.each(['Governments excluded.', 'Excluding ICE and its contractors.', 'Amazon Web Services is excluded from this grant.', 'Except Amazon.', 'Users in sanctioned countries are banned.'])('%s', (note) => {
    for (const text of [`MIT License\n\n${note}\n\n${MIT_BODY}`, `${note}\n\n${MIT_BODY}`, `${MIT_BODY}\n${note}\n`]) expect(identifyText(text).expression).not.toBe('MIT');
  });

  it('a disclaimer that excludes warranties is no such exclusion; a short title is still a title', () => {
    expect(identifyText(`MIT License\n\n${MIT_BODY}\nAll implied warranties are excluded.\n`).expression).toBe('MIT');
    expect(identifyText(`The MIT License (MIT)\n\n${MIT_BODY}`).expression).toBe('MIT');
  });
});

describe('a copyright statement wrapped under itself', () => {
  it('never swallows a term indented beneath it', () => {
    // LAPACK's holder lines, indented under "Copyright (c) …", are the statement; a term there is not.
    const text = `Copyright (c) 2024 Jane Doe and The University\n                          Not for commercial use.\n\n${MIT}`;
    expect(identifyText(text).expression).not.toBe('MIT');
  });
});

describe('a term on the copyright line itself', () => {
  // The statement was dropped up to its tenth word, or to "All rights reserved", whatever it held:
  // each of these read as MIT, free.
  const MIT_BODY = MIT.slice(MIT.indexOf('Permission'));
  it.each([
    'Copyright (c) 2014 TJ Holowaychuk, not for commercial use',
    'Copyright (c) 2014 TJ Holowaychuk not for commercial use',
    'Copyright 2020 Foo Ltd, for non-commercial use only. All rights reserved.',
    'Copyright 2020 Foo; use by the military is prohibited',
    '(c) 2019 Foo <foo@example.com>, personal use only',
    'Copyright 2020 Foo Bar, solely for evaluation purposes',
    'Copyright (c) 2020 Isaac Z. Schlueter, internal evaluation purposes',
  ])('is read, never dropped with the statement: %s', (line) => {
    expect(identifyText(`${line}\n\n${MIT_BODY}`).expression).not.toBe('MIT');
  });

  it('a term in angle brackets is read, not dropped as a placeholder or an address', () => {
    // "<…>" was dropped whole (placeholders, autolinks): this read as MIT, free.
    expect(identifyText(`Copyright (c) 2021 Jane Doe\n\n<Not for commercial use: a paid licence is required for any commercial use.>\n\n${MIT_BODY}`).expression).not.toBe('MIT');
    // So is a restriction in an HTML comment: hidden where the page is shown, but in the file.
    expect(identifyText(`MIT License <!-- not for commercial use -->\n\n${MIT_BODY}`).expression).not.toBe('MIT');
    // Placeholders, addresses, tags and a page's authoring notes still leave nothing.
    for (const line of ['Copyright (c) <year> <copyright holders>', 'Copyright (c) 2021 Jane Doe <https://example.com/not-for-commercial-use>', 'Copyright (c) 2021 Jane Doe <distribution></distribution>', '<!-- we use this doubled UL to get the sub-sections indented -->']) {
      expect(normalise(`${line}\n\n${MIT_BODY}`).words).toEqual(normalise(MIT_BODY).words);
    }
  });

  it("an HTML comment of any length leaves nothing unless it restricts; telling maintainers a file must stay a copy does not", () => {
    // Sentry's CLI ends its LICENSE.md (the FSL) so; the comment is past angle text's 80 characters.
    const note = '<!-- packages/cli/LICENSE.md is a copy of ../LICENSE.md (the canonical source in this repo). Both files must remain byte-identical. -->';
    expect(normalise(`${MIT_BODY}\n\n${note}`).words).toEqual(normalise(MIT_BODY).words);
    expect(identifyText(`${MIT_BODY}\n\n${note}`).expression).toBe('MIT');
    for (const comment of [
      '<!-- This file must remain byte-identical to ../LICENSE.md, and the software is not for commercial use. -->',
      '<!-- Maintainers: do not edit by hand. Use by companies with more than ten employees is prohibited. -->',
      '<!-- packages/cli/LICENSE.md is a copy of ../LICENSE.md (the canonical source in this repo). You must pay a fee. -->',
    ]) {
      expect(identifyText(`${MIT_BODY}\n\n${comment}`).expression).not.toBe('MIT');
    }
  });

  it('a holder\'s address, however many words it splits into, is still the statement', () => {
    for (const line of ['Copyright (c) 2014 TJ Holowaychuk &lt;tj@vision-media.ca&gt;', 'Copyright (c) 2011-2024 OpenJS Foundation and contributors, https://openjsf.org', 'Copyright (c) 2013 Jake Luer <jake@alogicalparadox.com> (http://alogicalparadox.com)']) {
      expect(normalise(`${line}\n\n${MIT_BODY}`).words).toEqual(normalise(MIT_BODY).words);
    }
  });
});

describe('the knowledge base', () => {
  it('OLDAP-1.1 is Artistic-1.0 under another title: not free for a business that distributes', () => {
    expect(evaluate('OLDAP-1.1', business).outcome).toBe(evaluate('Artistic-1.0', business).outcome);
    expect(evaluate('OLDAP-1.1', business).outcome).not.toBe('free');
  });
});

describe('another licence stated beside a known text in words no notice rule reads', () => {
  const mit = (require('spdx-license-list/licenses/MIT.json') as { licenseText: string }).licenseText;
  const untitled = mit.replace(/^MIT License\s+/, '');

  it('an SPDX-License-Identifier line naming another licence applies as well, above or below the text', () => {
    expect(identifyText(`${mit}\n\nSPDX-License-Identifier: GPL-3.0-only\n`).expression).toBe('MIT AND GPL-3.0-only');
    // Above a text whose template takes any words for its copyright line: still read.
    expect(identifyText(`SPDX-License-Identifier: GPL-3.0-only\n\n${untitled}`).expression).toBe('MIT AND GPL-3.0-only');
  });

  it('a "License:" line whose licence a reference rule reads without the label applies as well (eighteenth session: MIT, free)', () => {
    // ScanCode's reference rule for "CC BY-SA 4.0 https://creativecommons.org/licenses/by-sa/4.0/"
    // starts at "CC": the label before it makes it a declaration, not a mention.
    expect(identifyText(`${mit}\n\nThe icons in icons/:\nLicense: CC BY-SA 4.0 https://creativecommons.org/licenses/by-sa/4.0/\n`).expression).toBe('MIT AND CC-BY-SA-4.0');
    expect(identifyText(`${mit}\n\nThe icons in icons/:\nLicense: CC BY 4.0 License https://creativecommons.org/licenses/by/4.0/\n`).expression).toBe('MIT AND CC-BY-4.0');
  });

  it('a copyleft, non-commercial or share-alike licence named in a few words beside the text keeps it unknown (eighteenth session: MIT, free)', () => {
    // A title above the text, and a part's licence line below it.
    for (const title of ['GPL-3.0', 'AGPL', 'CC BY-NC 4.0']) expect(identifyText(`${title}\n\n${MIT}`).expression, title).toBeNull();
    for (const part of ['Icons: CC BY-NC 4.0', 'Fonts: GPL-3.0', 'Data: ODbL', 'The icons are CC BY-SA 4.0.', 'Sounds: CC BY-NC-SA 3.0 https://creativecommons.org/licenses/by-nc-sa/3.0/']) {
      expect(identifyText(`${MIT}\n\n${part}\n`).expression, part).toBeNull();
    }
    // (Below SPDX's plain text too, whose template match reaches the end of the file.)
    for (const part of ['Icons: CC BY-NC 4.0', 'Fonts: GPL-3.0', 'Data: ODbL', 'Sounds: CC BY-NC-SA 3.0 https://creativecommons.org/licenses/by-nc-sa/3.0/']) {
      expect(identifyText(`${mit}\n\n${part}\n`).expression, part).toBeNull();
    }
    // The licence's own family or name is no other licence: a GPL text under its title, a GFDL
    // text under "GNU Free Documentation License" (not the GPL), an MIT text under "MIT License".
    expect(identifyText(mit).expression).toBe('MIT');
    expect(identifyText(`GNU General Public License v3.0\n\n${textOf('GPL-3.0-only').replace(/^\s*GNU GENERAL PUBLIC LICENSE\s*/, '')}`).expression).toBe('GPL-3.0-only');
  });

  it('any other licence named by its short name beside the text or beside a notice keeps it unknown (twenty-second session: MIT, free)', () => {
    // The short names a reference rule reads as an SPDX id: on a labelled line of their own, a declaration.
    const LABELLED: Record<string, string> = { 'MS-RL': 'MS-RL', 'Elastic-2.0': 'Elastic-2.0', 'CAL-1.0': 'CAL-1.0', 'RPL-1.5': 'RPL-1.5', 'APSL-2.0': 'APSL-2.0', AGPL3: 'AGPL-3.0-only' };
    // Names the family words above do not list: a licence id a reference rule reads ("MS-RL"), or a
    // name without a version ("ELv2", "QPL", "copyleft"). Only where a licence is being named does a
    // short name grant (the start of a line, after "License:"), so a label before it left a title.
    const names = ['MS-RL', 'Elastic-2.0', 'ELv2', 'CAL-1.0', 'RPL-1.5', 'APSL-2.0', 'AGPL3', 'Sleepycat', 'QPL', 'GFDL', 'CPAL', 'BSL', 'FSL', 'copyleft'];
    for (const name of names) {
      expect(identifyText(`Code: ${name}\n\n${mit}`).expression, `Code: ${name} above`).toBeNull();
      expect(identifyText(`${mit}\n\nDocs: ${name}\n`).expression, `Docs: ${name} below`).toBeNull();
      expect(identifyText(`${MIT}\n\nDocs: ${name}\n`).expression, `Docs: ${name} below, untitled`).toBeNull();
      // A part's label with a licence id alone on its line declares that part's licence: read as
      // the licence (its own verdict), or left unknown; never the other part's alone.
      expect(identifyText(`Code: ${name}\nDocs: CC-BY-4.0\n`).expression, `Code: ${name} beside a notice`).toBe(LABELLED[name] ? `${LABELLED[name]} AND CC-BY-4.0` : null);
    }
    // A permissive licence named so changes no answer; "BSL-1.0" is Boost's.
    for (const name of ['MIT', 'ISC', 'Apache-2.0', 'BSL-1.0']) expect(identifyText(`${mit}\n\nDocs: ${name}\n`).expression, name).toBe('MIT');
  });

  it('a model, source-available or fair-source licence named in words beside the text keeps it unknown (twenty-second session: MIT, free)', () => {
    const names = [
      'Llama 3 Community License', 'CreativeML OpenRAIL-M', 'BigScience RAIL License', 'Gemma Terms of Use', 'Redis Source Available License', 'RSALv2',
      'Confluent Community License', 'Timescale License', 'Sustainable Use License', 'Fair Source', 'Fair Core License', 'Microsoft Reciprocal License',
      'Open Software License', 'Common Public Attribution License',
    ];
    for (const name of names) {
      expect(identifyText(`${mit}\n\nModels: ${name}\n`).expression, `${name} below`).toBeNull();
      expect(identifyText(`${name}\n\n${mit}`).expression, `${name} above`).toBeNull();
      // Between two copies, where the template path reads the second: its title is claimed only
      // as whole lines (the MIT template claimed "License" of "Timescale License", and the one word
      // left read as a title: MIT, free).
      expect(identifyText(`${mit}\n\n${name}\n\n${mit}`).expression, `${name} between two copies`).toBeNull();
    }
    expect(identifyText(`${mit}\n\nCommercial License\n\n${mit}`).expression, 'Commercial License between two copies').toBeNull();
    // The same words in other senses are no licence: a project, open source, fair use.
    for (const words of ['Models: llama.cpp', 'Open Source', 'Fair use', 'A Redis client', 'Copyright (c) 2024 Open Fair Llama Ltd']) {
      expect(identifyText(`${mit}\n\n${words}\n`).expression, words).toBe('MIT');
    }
  });

  it('an identifier line that does not parse leaves the file unknown, and says which line', () => {
    const found = identifyText(`${mit}\n\nSPDX-License-Identifier: GPL-3.0-only OR\n`);
    expect(found.expression).toBeNull();
    expect(found.invalid?.[0]).toMatchObject({ value: 'GPL-3.0-only OR' });
  });

  it('"licensed under the GPL-7.0" (a version no rule accepts) keeps the file unknown; the matched licence named is a description', () => {
    expect(identifyText(`${mit}\n\nThis file is licensed under the GPL-7.0.\n`).expression).toBeNull();
    // A rule reads "GPL-3.0" once the bare GPL's refused reading no longer blocks it (notices.ts
    // versionAfter; it was unknown until the twenty-sixth session): the file grants both.
    expect(identifyText(`${mit}\n\nThis file is licensed under the GPL-3.0.\n`).expression).toBe('MIT AND GPL-3.0-only');
    expect(identifyText(`${mit}\n\nThis module is released under the Mozilla licence.\n`).expression).toBeNull();
    expect(identifyText(`${mit}\n\nSPDX-License-Identifier: MIT\n`).expression).toBe('MIT');
    expect(identifyText(`${mit}\n\nThis project is released under the MIT license.\n`).expression).toBe('MIT');
  });

  it('a sentence granting a copyleft, source-available, non-commercial or proprietary family keeps the file unknown, wherever it stands', () => {
    const bsd = (require('spdx-license-list/licenses/BSD-3-Clause.json') as { licenseText: string }).licenseText;
    const isc = (require('spdx-license-list/licenses/ISC.json') as { licenseText: string }).licenseText;
    // A name a notice rule reads is read, and applies beside the text (the stricter reading);
    // until the twenty-seventh session no rule read the Peer Production License by name.
    expect(identifyText(`${bsd}\n\nThis software is licensed under the terms of the Peer Production License.\n`).expression).toBe('BSD-3-Clause AND PPL');
    expect(identifyText(`${mit}\n\nLicense: GPL-2.0\n`).expression).toBeNull();
    expect(identifyText(`${mit}\n\nPortions of this code are covered by the GNU GPL.\n`).expression).toBeNull();
    expect(identifyText(`${isc}\n\nDual licensed under the ISC and the CC BY-NC 4.0 licenses.\n`).expression).toBeNull();
    // Above the text, where the ISC template's copyright line would take any words.
    expect(identifyText(`Licensed under the AGPL.\n\n${isc}`).expression).toBeNull();
    expect(identifyText(`${mit}\n\nThe Commons Clause applies to this software.\n`).expression).toBeNull();
    expect(identifyText(`${mit}\n\nThis package is part of Foo, which is licensed under the Business Source License.\n`).expression).toBeNull();
    // A permissive family beside a permissive text is read, not refused.
    expect(identifyText(`${mit}\n\nThe fonts in this package are distributed under the SIL Open Font License.\n`).expression).toBe('MIT AND OFL-1.1');
  });

  it('a sentence granting the work under a licence copyfair cannot name keeps the file unknown', () => {
    const bsd = (require('spdx-license-list/licenses/BSD-3-Clause.json') as { licenseText: string }).licenseText;
    // Each read as the text above it, free, until the twenty-seventh session.
    for (const sentence of [
      'This software is licensed under the terms of the Acme Production License.',
      'This software is licensed under the Acme License.',
      'Released under the Foo Community License.',
      'This project is licensed under the Zeta License 2.0.',
      'This package is published under the lodash license.',
    ]) {
      expect(identifyText(`${mit}\n\n${sentence}\n`).expression, sentence).toBeNull();
      expect(identifyText(`${bsd}\n\n${sentence}\n`).expression, sentence).toBeNull();
    }
    // A name copyfair reads, or words that name no licence of their own, are no such grant.
    for (const sentence of [
      'This project is licensed under the terms of the MIT license.',
      'This software is released under the Expat license.',
      'Licensed under the same license as Node.js.',
      'This library is released under its own license, see above.',
      'Released under an MIT-style license.',
    ]) expect(identifyText(`${mit}\n\n${sentence}\n`).expression, sentence).toBe('MIT');
    expect(identifyText(`${bsd}\n\nThis software is distributed under the 3-clause BSD license.\n`).expression).toBe('BSD-3-Clause');
    expect(identifyText(`${mit}\n\nIt is licensed under the Peer Production License.\n`).expression).toBe('MIT AND PPL');
    // Real files a first try made unknown: a notice's own words (iframe-resizer's "dual-licensed,
    // either under GPL V3, or a commercial license"), a heading after a notice (WordPress's "released
    // under the GPL" then "Dual License"), a web address (qrcode-terminal's notice in npm's tree).
    expect(identifyText(`${mit}\n\nQRCode for JavaScript\n\nLicensed under the MIT license:\n  http://www.opensource.org/licenses/mit-license.php\n`).expression).toBe('MIT');
    expect(identifyText(`${bsd}\n\nWordPress is released under the GPL\n\n### Dual License\n`).expression).not.toBe('BSD-3-Clause');
  });

  it('a licence whose own text shows identifier lines is not read twice (CAL-1.0, Community-Spec-1.0)', () => {
    for (const id of ['CAL-1.0', 'Community-Spec-1.0']) {
      const text = (require(`spdx-license-list/licenses/${id}.json`) as { licenseText: string }).licenseText;
      expect(identifyText(text).expression).toBe(id);
    }
  });
});

// Two copies of a permissive text, with another licence's name or a restriction above, between or
// below them, or after a notices file's separator: at the session's start (twenty-fifth) "Commercial
// License" or "Timescale License" above or between two BSD, 0BSD or MIT copies read as that
// licence, free, because the template claimed "License" from the middle of the title line.
describe('a title or a restriction beside two copies of a permissive text', () => {
  const spdx = require('spdx-license-list/full') as Record<string, { licenseText: string }>;
  const text = (id: string) => spdx[id]!.licenseText.replace(/<year>/g, '2020').replace(/<copyright holders>|<owner>|<OWNER>|<ORGANIZATION>/g, 'Jane Doe');
  it.each(['MIT', 'ISC', 'BSD-2-Clause', 'BSD-3-Clause', '0BSD', 'Zlib'])('%s: never the licence alone', (id) => {
    const licence = text(id);
    for (const words of ['Commercial License', 'Timescale License', 'Business Source License 1.1', 'Non-commercial use only.', 'Commercial use requires a paid licence.']) {
      for (const [where, document] of [
        ['above', `${words}\n\n${licence}\n\n${licence}`],
        ['between', `${licence}\n\n${words}\n\n${licence}`],
        ['below', `${licence}\n\n${licence}\n\n${words}\n`],
        ['after a separator', `${licence}\n----\n** x - https://example.com/x\n${words}\n${licence}`],
      ] as const) expect(identifyText(document).expression, `${words} ${where}`).toBeNull();
    }
    // The two copies alone are the licence.
    expect(identifyText(`${licence}\n\n----\n\n${licence}`).expression).toBe(id);
  });
});
