// svgo 1.x's LICENSE: the MIT text, then "Лицензия MIT", a copyright line in Russian and the
// Russian translation of MIT (src/identify/translations.ts). The same licence restated: MIT. It
// was unknown, the translation being words of another script no reader weighs. Recognised only
// word for word, beside the English text of the licence it translates.
import { describe, expect, it } from 'vitest';
import { identifyLicenceText } from '../../src/identify/index.js';
import { fixture, replacedIn, textOf } from './scenarios.js';

const svgo = fixture('svgo-1-LICENSE');
const russian = svgo.slice(svgo.indexOf('Лицензия MIT'));
const change = (from: string, to: string) => replacedIn(svgo, from, to);

describe('a known translation beside the licence it translates', () => {
  it('is that licence restated: svgo 1.x is MIT', () => {
    const found = identifyLicenceText('LICENSE', svgo);
    expect(found.expression).toBe('MIT');
    expect(found.unexplained).toBeUndefined();
    // Without its title, and with another holder on its copyright line (the normaliser drops that line).
    expect(identifyLicenceText('LICENSE', change('Лицензия MIT\n', '')).expression).toBe('MIT');
    expect(identifyLicenceText('LICENSE', change('Copyright © 2012–2016 Кир Белевич', 'Copyright © 2020 Иван Петров')).expression).toBe('MIT');
  });

  it('is read as words when one is changed, added or left out, or a term is put beside it', () => {
    for (const text of [
      change('безвозмездно', 'за плату'),
      change('без ограничений', 'с ограничениями'),
      change('и/или продажу копий', 'и/или продажу копий (кроме коммерческого использования)'),
      change('должны быть включены во все копии', 'должны быть включены во все копии.\n\nКоммерческое использование запрещено'),
      change('ИЛИ ИНЫМИ ДЕЙСТВИЯМИ С ПРОГРАММНЫМ ОБЕСПЕЧЕНИЕМ.', 'ИЛИ ИНЫМИ ДЕЙСТВИЯМИ С ПРОГРАММНЫМ ОБЕСПЕЧЕНИЕМ.\nНе для коммерческого использования.'),
      change('Copyright © 2012–2016 Кир Белевич', 'Copyright © 2012–2016 Кир Белевич. Не для коммерческого использования.'),
    ]) {
      expect(identifyLicenceText('LICENSE', text).expression).toBeNull();
    }
  });

  it('is no licence without the text it translates: alone, or beside another licence', () => {
    expect(identifyLicenceText('LICENSE', russian).expression).toBeNull();
    expect(identifyLicenceText('LICENSE', `${textOf('BSD-2-Clause')}\n\n${russian}`).expression).toBeNull();
  });
});

// An official text in another language, which the licence makes equal to its English one (EUPL-1.2
// article 13): mailsplit 5's LICENSE.EUPL-1.2 is the Commission's Estonian text. It was unknown.
describe('an official text of a licence in another language', () => {
  const estonian = fixture('mailsplit-5-LICENSE.EUPL-1.2');
  const edit = (from: string, to: string) => replacedIn(estonian, from, to);

  it('is that licence, read whole: the Estonian EUPL-1.2', () => {
    const found = identifyLicenceText('LICENSE.EUPL-1.2', estonian);
    expect(found).toMatchObject({ expression: 'EUPL-1.2', matches: [{ id: 'EUPL-1.2', confidence: 1, start: 1, end: 153 }] });
    expect(found.unexplained).toBeUndefined();
    // Line endings and spacing do not matter.
    expect(identifyLicenceText('LICENSE', estonian.replace(/\n/g, '\r\n')).expression).toBe('EUPL-1.2');
  });

  it('is read as words when one is changed, added or left out, or when it is part of a file', () => {
    for (const text of [
      edit('ülemaailmse, tasuta,', 'ülemaailmse, tasulise,'),
      edit('Osapooled võivad kasutada enda valitud keeleversiooni.', 'Osapooled võivad kasutada enda valitud keeleversiooni. Ärilise kasutamise korral tuleb maksta litsentsitasu.'),
      edit('Käesoleva litsentsi kõik keeleversioonid', 'Litsentsi kõik keeleversioonid'),
      `Mitteäriliseks kasutamiseks.\n\n${estonian}`,
      `${estonian}\n\nKommertskasutus keelatud.\n`,
    ]) {
      expect(identifyLicenceText('LICENSE', text).expression).toBeNull();
    }
  });
});
