// A term written so that copyfair's English word lists miss it, beside or inside a known licence
// text: each was read as that licence (an MIT text with it: MIT, free), the worst answer there is.
// Found by writing them: a restriction in German, French, Spanish, Portuguese, Italian, Dutch,
// Polish, Russian, Chinese or Japanese; English spelt with Cyrillic letters that look Latin; in
// fullwidth letters; with a soft hyphen or a zero-width space between its letters. Each is now
// unknown: a person must read it (src/identify/other-languages.ts, normalise.ts). What stays read:
// licences written in other languages (their own texts), a lone symbol letter, an encoding's debris.
import { describe, expect, it } from 'vitest';
import { identifyLicenceText } from '../../src/identify/identify-file.js';
import { identifyText } from '../../src/identify/identify.js';
import { normalise } from '../../src/identify/normalise.js';
import { judgeWords } from '../../src/identify/surroundings.js';
import { textOf } from './scenarios.js';

const mit = `MIT License\n\nCopyright (c) 2024 Acme\n\n${textOf('MIT')}`;
/** English letters swapped for the Cyrillic letters that look the same. */
const cyrillic = (text: string) => text.replace(/[aeopcxyi]/g, (letter) => ({ a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', y: 'у', i: 'і' })[letter]!);

const terms: Record<string, string> = {
  German: 'Kommerzielle Nutzung verboten.',
  'German, a sentence': 'Diese Software darf nicht für kommerzielle Zwecke verwendet werden.',
  French: 'Utilisation commerciale interdite.',
  Spanish: 'Prohibido el uso comercial.',
  Portuguese: 'Uso comercial proibido.',
  Italian: 'Vietato l’uso commerciale.',
  Dutch: 'Commercieel gebruik is verboden.',
  Polish: 'Użycie komercyjne zabronione.',
  Russian: 'Не для коммерческого использования.',
  Chinese: '本项目仅供学习交流使用，禁止用于商业用途。',
  Japanese: '商用利用は禁止されています。',
  'Cyrillic look-alikes': cyrillic('This software may not be used for commercial purposes.'),
  fullwidth: 'Ｎｏｔ ｆｏｒ ｃｏｍｍｅｒｃｉａｌ ｕｓｅ.',
  'soft hyphens': 'Not for commercial use.'.split('').join('\u00ad'),
  'zero-width spaces': 'This software may not be used for c\u200bommercial purposes.',
};

describe('a term copyfair cannot read beside a licence text', () => {
  for (const [how, term] of Object.entries(terms)) {
    it(`keeps it unknown: ${how}, below the text`, () => {
      expect(identifyText(`${mit}\n${term}\n`).expression).toBeNull();
    });
  }

  it('keeps it unknown above the text, as a title would be, and inside the grant', () => {
    expect(identifyText(`${terms.Chinese}\n\n${mit}`).expression).toBeNull();
    expect(identifyText(`Nur für private Nutzung\n\n${mit}`).expression).toBeNull();
    const inside = mit.replace('to deal in the Software without restriction', `to deal in the Software, ${cyrillic('except for commercial use,')} without restriction`);
    expect(inside).not.toBe(mit);
    expect(identifyText(inside).expression).toBeNull();
  });

  it('keeps a notice with such a term unknown, in a README or a LICENSE', () => {
    expect(identifyLicenceText('README.md', `# x\n\n## License\n\nMIT. ${terms.Chinese}\n`).expression).toBeNull();
    expect(identifyLicenceText('LICENSE', `Released under the MIT license. ${terms.German}\n`).expression).toBeNull();
    // The same notices without it are read.
    expect(identifyLicenceText('README.md', '# x\n\n## License\n\nMIT\n').expression).toBe('MIT');
  });
});

// On the copyright line itself: the normaliser drops a copyright statement up to the first word
// that cannot be a holder's, and knew such words only in English, and a sentence's end only before
// a Latin capital. A term in Russian, Ukrainian, Chinese, Japanese or Korean after the holder
// ("Copyright (c) 2024 Acme. Не для коммерческого использования.") was dropped with the statement,
// and the MIT text read as MIT, free (twentieth session).
const onTheLine: Record<string, string> = {
  'Russian, a sentence': 'Acme. Не для коммерческого использования.',
  'Russian, after a Cyrillic name and a comma': 'Кир Белевич, только для некоммерческого использования',
  Ukrainian: 'Acme. Заборонено комерційне використання.',
  'Chinese, after a full stop': '张三. 禁止商业用途',
  'Chinese, an ideographic full stop': '张三。本项目仅供学习使用',
  'Japanese, no punctuation': '山田太郎 商用利用禁止',
  Korean: '홍길동 상업적 사용 금지',
  'Russian, a fee': 'Acme, платная лицензия',
};

describe('a term in another script on the copyright line', () => {
  for (const [how, after] of Object.entries(onTheLine)) {
    it(`keeps the text unknown: ${how}`, () => {
      expect(identifyText(`MIT License\n\nCopyright (c) 2024 ${after}\n\n${textOf('MIT')}`).expression).toBeNull();
    });
  }

  it('and a statement continued on an indented line below', () => {
    expect(identifyText(`MIT License\n\nCopyright (c) 2024 Acme\n                  только для некоммерческого использования\n\n${textOf('MIT')}`).expression).toBeNull();
  });

  it('leaves holders’ names in those scripts read as names', () => {
    for (const holder of ['Кир Белевич', 'Платон Безруков', 'Тарас Шевченко and contributors', '张三', '山田太郎', '홍길동', 'Кир Белевич. All rights reserved.']) {
      expect(identifyText(`MIT License\n\nCopyright (c) 2024 ${holder}\n\n${textOf('MIT')}`).expression, holder).toBe('MIT');
    }
  });
});

// "Commercial use forbidden" in twenty more languages: below an MIT text, on its copyright line
// after a full stop, and after a comma in lower case. Each of the Latin-script ones but Slovak and
// Catalan read as MIT below the text, and all but Hindi after the comma (twentieth session).
const moreLanguages: Record<string, string> = {
  Vietnamese: 'Không dùng cho mục đích thương mại.',
  Romanian: 'Utilizarea comercială este interzisă.',
  Hungarian: 'Kereskedelmi célra nem használható.',
  Finnish: 'Ei kaupalliseen käyttöön.',
  Croatian: 'Zabranjena komercijalna upotreba.',
  Slovak: 'Komerčné použitie je zakázané.',
  Catalan: "Prohibit l'ús comercial.",
  Lithuanian: 'Komercinis naudojimas draudžiamas.',
  Estonian: 'Äriline kasutamine keelatud.',
  Latvian: 'Komerciāla izmantošana aizliegta.',
  Slovenian: 'Komercialna uporaba je prepovedana.',
  Greek: 'Απαγορεύεται η εμπορική χρήση.',
  Arabic: 'يمنع الاستخدام التجاري.',
  Hebrew: 'שימוש מסחרי אסור.',
  Thai: 'ห้ามใช้เชิงพาณิชย์',
  Hindi: 'व्यावसायिक उपयोग निषिद्ध है।',
  German: 'Kommerzielle Nutzung verboten.',
  Esperanto: 'Komerca uzo estas malpermesita.',
  Filipino: 'Bawal ang komersyal na paggamit.',
  Swahili: 'Matumizi ya kibiashara yamekatazwa.',
};

describe('a term in twenty more languages', () => {
  const text = `MIT License\n\nCopyright (c) 2024 Acme\n\n${textOf('MIT')}`;
  for (const [language, term] of Object.entries(moreLanguages)) {
    it(`keeps the text unknown: ${language}, below it, on the copyright line, after a comma`, () => {
      expect(identifyText(`${text}\n${term}\n`).expression).toBeNull();
      expect(identifyText(text.replace('Copyright (c) 2024 Acme', `Copyright (c) 2024 Acme. ${term}`)).expression).toBeNull();
      expect(identifyText(text.replace('Copyright (c) 2024 Acme', `Copyright (c) 2024 Acme, ${term.toLowerCase()}`)).expression).toBeNull();
    });
  }

  it('leaves holders’ names read as names, "Nur" among them', () => {
    for (const holder of ['Nur Hassan', 'محمد علي', 'דוד כהן', 'Νίκος Παπαδόπουλος', 'Nguyễn Văn An', 'Jüri Ööbik']) {
      expect(identifyText(text.replace('Copyright (c) 2024 Acme', `Copyright (c) 2024 ${holder}`)).expression, holder).toBe('MIT');
    }
  });
});

// A language no list holds, written in Latin letters with accents: three or more such words
// beside a text are read as words copyfair cannot weigh (surroundings.ts, inOtherLanguage).
describe('a term in a language no list holds', () => {
  const text = `MIT License\n\nCopyright (c) 2024 Acme\n\n${textOf('MIT')}`;

  it('keeps the text unknown when three or more of its words carry accents', () => {
    for (const term of ['Óheimilt að nota í viðskiptaskyni.', 'Þessi hugbúnaður er ekki ætlaður til sölu.', 'Ndalohet përdorimi tregtar në çdo mënyrë.']) {
      expect(identifyText(`${text}\n${term}\n`).expression, term).toBeNull();
    }
  });

  it('keeps a notice with such a term unknown too, in a LICENSE or a README', () => {
    for (const term of ['Óheimilt að nota í viðskiptaskyni.', 'Ndalohet përdorimi tregtar në çdo mënyrë.']) {
      expect(identifyLicenceText('LICENSE', `Released under the MIT license. ${term}\n`).expression, term).toBeNull();
      expect(identifyLicenceText('README.md', `# x\n\n## License\n\nMIT. ${term}\n`).expression, term).toBeNull();
    }
  });

  it('reads a name or two with accents as names (retry’s LICENSE lists its authors under the copyright line)', () => {
    const retry = text.replace('Copyright (c) 2024 Acme', 'Copyright (c) 2011:\nTim Koschützki (tim@debuggable.com)\nFelix Geisendörfer (felix@debuggable.com)');
    expect(identifyText(retry).expression).toBe('MIT');
    expect(identifyText(`${text}\nThanks to José Valim.\n`).expression).toBe('MIT');
  });
});

// More ways to write a term past the patterns, and plain English ones they lacked: each read as MIT.
const slipping: Record<string, string> = {
  'digits for letters': 'N0t f0r c0mmercial use.',
  'digits for letters, other words': 'This software is n0t licensed f0r c0rporate use.',
  'letters spelt out': 'N O T  F O R  C O M M E R C I A L  U S E',
  'letters spelt out with dots': 'N.o.t f.o.r c.o.m.m.e.r.c.i.a.l u.s.e',
  'free for some': 'Free for individuals; companies please contact sales@acme.example.',
  'free for some, two kinds': 'Free for personal and educational use.',
  'a policy': 'Use is subject to the Acme Acceptable Use Policy.',
  'a policy, in other words': 'Use of this software is governed by the Acme usage policy.',
  'contact for a commercial licence': 'Contact us for a commercial licence.',
  // Obligations the condition words missed: each bound the user beyond MIT, and read as MIT.
  'acceptance of other terms': 'By using this software you agree to the Acme Terms of Service at https://acme.example/tos.',
  'acceptance by use': 'Your use of this software constitutes acceptance of the Acme terms.',
  'a badge required': 'Attribution required: display "Powered by Acme" in the user interface of any product that uses this software.',
  'credit to give': "You have to give credit to Acme in your app's About screen.",
  'a sponsorship expected': 'If you use this software in production, you are expected to sponsor the project.',
  'registration': 'Users of this software have to register at https://acme.example/register.',
  'terms the author may change': 'The author reserves the right to change these license terms at any time.',
  // Terms put beside the licence by reference, in a file no scan reads as a licence file or on a
  // web page: each read as MIT, free.
  'additional terms in another file': 'Use of this software is subject to the additional terms in ADDITIONAL_TERMS.md.',
  'another document’s terms too': 'Use of this software is also subject to the Acme Terms of Service.',
  'additional terms apply': 'Additional terms apply to this software; see ADDITIONAL_TERMS.md.',
  'other terms made part of the licence': 'The additional terms in TERMS.md are part of this license.',
  'governed by the licence and more': 'Your use of this software is governed by this license and by the terms in TERMS.md.',
  'bound by an agreement': 'Licensees are bound by the Acme Developer Agreement.',
  'incorporated by reference': 'The Acme Community Guidelines are incorporated by reference.',
};

describe('a term spelt or worded past the patterns', () => {
  for (const [how, term] of Object.entries(slipping)) {
    it(`keeps it unknown: ${how}`, () => {
      expect(identifyText(`${mit}\n${term}\n`).expression).toBeNull();
    });
  }

  it('keeps a notice with one unknown too, in a README or a LICENSE', () => {
    for (const term of ['N0t f0r c0mmercial use.', 'Use is subject to the Acme Acceptable Use Policy.', 'N O T  F O R  C O M M E R C I A L  U S E', 'By using this software you agree to the Acme Terms.', 'You have to give credit to Acme.', 'Attribution required.', 'Use of this software is subject to the additional terms in TERMS.md.']) {
      expect(identifyLicenceText('README.md', `# x\n\n## License\n\nMIT. ${term}\n`).expression, term).toBeNull();
      expect(identifyLicenceText('LICENSE', `Released under the MIT license. ${term}\n`).expression, term).toBeNull();
    }
  });

  it('reads what only looks like one: a page footer’s "usage policies apply", code’s one-letter names, version numbers', () => {
    expect(judgeWords('footer navigation home standards about w3c contact help and faq copyright 2012 w3c mit ercim keio usage policies apply')).toBe('benign');
    expect(judgeWords('double erf double x double erfc double x x 2 erf x exp t t dt sqrt pi')).toBe('benign');
    expect(judgeWords('this project targets es2015 and node v14 on x86 and x64')).toBe('benign');
    // Said of the code or of contributions, not of the user (protobufjs's notes, textwrap's README).
    expect(judgeWords('this code requires a support library to be linked with it')).toBe('benign');
    expect(judgeWords('contributions will be accepted under the same license')).toBe('benign');
    // The licence's own terms, and a source header's pointer to the licence, add none.
    expect(judgeWords('this software is distributed subject to the terms of the mit license')).toBe('benign');
    expect(judgeWords('redistribution is subject to the terms of this license')).toBe('benign');
    expect(judgeWords('use of this source code is governed by a bsd style license that can be found in the license file')).toBe('benign');
    expect(judgeWords('use of this source code is governed by an mit style license that can be found in the license file or at http opensource org licenses mit')).toBe('benign');
    expect(judgeWords('governed by the terms of the license')).toBe('benign');
    expect(judgeWords('copyright 2006 sun microsystems inc all rights reserved use is subject to license terms')).toBe('benign');
    expect(judgeWords('terms of use open source under the bsd license')).toBe('benign');
    expect(judgeWords('glassfish terms of use license gplv2 privacy trademarks')).toBe('benign');
  });
});

describe('a declared licence with words in another script', () => {
  it('is unknown, not the licence its Latin words name', async () => {
    const { readString } = await import('../../src/identify/declared.js');
    const { loadKnowledgeBase } = await import('../../src/kb/index.js');
    const kb = loadKnowledgeBase();
    for (const value of ['MIT; 禁止商用', 'MIT (не для коммерческого использования)', 'MIT; 商用禁止です']) expect(readString(value, kb).expression, value).toBeNull();
    expect(readString('MIT', kb).expression).toBe('MIT');
  });
});

describe('a term shown in another order than it is stored (a Unicode direction override)', () => {
  // "\u202Eesu laicremmoc rof toN" is shown as "Not for commercial use" and stored as four words
  // that are no term: read as MIT, free, before the twenty-eighth session.
  const reversed = (words: string) => `\u202e${[...words].reverse().join('')}\u202c`;

  it('keeps the file unknown, naming the line, below or above the text and inside a README section', () => {
    const below = identifyLicenceText('LICENSE', `${mit}\n${reversed('Not for commercial use.')}\n`);
    expect(below.expression).toBeNull();
    const line = `${mit}\n`.split('\n').length;
    expect(below.reason).toContain(`line ${line} holds a Unicode direction override`);
    expect(identifyText(`${reversed('Non-commercial licence')}\n\n${mit}`).expression).toBeNull();
    const readme = `# acme\n\nA library.\n\n## License\n\nMIT ${reversed('(for personal use only)')}\n`;
    const section = identifyLicenceText('README.md', readme);
    expect(section.expression).toBeNull();
    expect(section.reason).toContain('line 7 holds');
    // Through identifyText first (a section, a Python License field), then the file: one reason.
    expect(section.reason!.match(/direction override/g)).toHaveLength(1);
  });

  it('leaves a stray end of embedding, or an override a file never uses, as it was', () => {
    // http2-client 1.3's LICENSE: a U+202C after the holder's e-mail address.
    expect(identifyLicenceText('LICENSE', mit.replace('Copyright (c) 2024 Acme', 'Copyright (c) 2019 Eyal.D <hisco@googlegroups.com\u202c>')).expression).toBe('MIT');
    expect(identifyLicenceText('LICENSE', mit).expression).toBe('MIT');
  });
});

describe('what stays read', () => {
  it('licences written in other languages: their own texts', () => {
    for (const id of ['MulanPSL-2.0', 'CECILL-2.1', 'DL-DE-BY-2.0', 'LiLiQ-P-1.1']) expect(identifyText(textOf(id)).expression, id).toBe(id);
  });

  it('a name in another script on a copyright line, a lone symbol letter, an encoding’s debris', () => {
    expect(identifyText(`MIT License\n\nCopyright (c) 2024 张三 (Zhang San)\n\n${textOf('MIT')}`).expression).toBe('MIT');
    expect(identifyText(`π-calc\n\n${mit}`).expression).toBe('MIT');
    // A curly apostrophe misread as a halfwidth katakana letter, twice ("Contributorﾒs").
    expect(identifyText(`${mit}\n\nﾫ Back to the projectﾒs page ﾻ\n`).expression).toBe('MIT');
  });

  it('fullwidth letters read as the ASCII they show, invisible characters as nothing', () => {
    expect(normalise('Ｍｉｔ　Ｌｉｃｅｎｓｅ').words).toEqual(['mit', 'license']);
    expect(normalise('com\u00admer\u200bcial\u2060use').words).toEqual(['commercialuse']);
    expect(normalise('禁止商用').words).toEqual(['禁', '止', '商', '用']);
  });
});
