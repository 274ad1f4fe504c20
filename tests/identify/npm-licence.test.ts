// npm's own LICENSE (npm 11, under @semantic-release/npm in every project that releases with
// semantic-release): the Artistic License 2.0, under a preamble that says who owns what —
// "Node package dependencies of the npm application / Copyright (c) their respective copyright
// owners / Licensed on their respective license terms", then "The npm public registry at
// https://registry.npmjs.org and the npm website at https://www.npmjs.com / Operated by npm, Inc.
// / Use governed by terms published on https://www.npmjs.com", trademarks, the logo's owners. The
// dependencies are packages of their own (a scan reads each), and the terms of use are the
// website's and the registry's, not the code's: npm is Artistic-2.0. It was unknown, for both.
import { describe, expect, it } from 'vitest';
import { identifyLicenceText } from '../../src/identify/index.js';
import { judgeWords } from '../../src/identify/surroundings.js';
import { fixture, replacedIn } from './scenarios.js';

const npm = fixture('npm-11-LICENSE');
const change = (from: string, to: string) => replacedIn(npm, from, to);

describe('npm’s LICENSE', () => {
  it('is the Artistic License 2.0, its dependencies’ licences theirs', () => {
    const found = identifyLicenceText('LICENSE', npm);
    expect(found.expression).toBe('Artistic-2.0');
    expect(found.unexplained).toBeUndefined();
    expect(found.dependencyNotice).toBe('node package dependencies of the npm application licensed on their respective license terms');
  });

  it('is unknown when the code under "their respective license terms" is inside the package', () => {
    for (const words of ['Node package dependencies bundled in the npm application', 'Third-party code of the npm application', 'Code included from dependencies of the npm application']) {
      const found = identifyLicenceText('LICENSE', change('Node package dependencies of the npm application', words));
      expect(found.expression, words).not.toBe('Artistic-2.0');
      expect(found.dependencyNotice, words).toBeUndefined();
    }
  });

  it('is unknown when the terms of use are the package’s, or a term is set beside them', () => {
    const variants = [
      change('The npm public registry at https://registry.npmjs.org', 'This package and the npm public registry at https://registry.npmjs.org'),
      change('The npm public registry at https://registry.npmjs.org', 'The npm application at https://registry.npmjs.org'),
      change('The npm public registry at https://registry.npmjs.org', 'The npm software at https://registry.npmjs.org'),
      change('Operated by npm, Inc.', 'Operated by npm, Inc. Not for commercial use.'),
      change('Use governed by terms published on https://www.npmjs.com', 'Use governed by terms published on https://www.npmjs.com. You may not use this software commercially.'),
      change('Licensed on their respective license terms', 'Licensed on their respective license terms. This package may not be sold.'),
      change('Licensed on the terms of The Artistic License 2.0\n', 'Licensed on the terms of The Artistic License 2.0\nUse governed by terms published on https://www.npmjs.com\n'),
    ];
    for (const text of variants) expect(identifyLicenceText('LICENSE', text).expression).toBeNull();
  });
});

describe('a website’s or registry’s terms of use beside a licence', () => {
  it('are the service’s, when the service is named by its address and its operator', () => {
    expect(judgeWords('the npm public registry at https registry npmjs org and the npm website at https www npmjs com operated by npm inc use governed by terms published on https www npmjs com')).toBe('benign');
    expect(judgeWords('the acme container registry at https registry acme dev operated by acme gmbh use is governed by the terms of service posted at https acme dev')).toBe('benign');
  });

  it('are read as terms when the work is among what they govern, or nothing names a service', () => {
    for (const words of [
      'use governed by terms published on https www npmjs com',
      'acme widget use governed by terms published on https acme example',
      'this package and the npm website at https www npmjs com operated by npm inc use governed by terms published on https www npmjs com',
      'the acme library at https acme com operated by acme inc use governed by terms published on https acme com',
      'the acme sdk and the acme website at https acme com operated by acme inc use governed by terms published on https acme com',
      'the acme website at https acme com operated by acme inc use governed by terms published on https acme com you may not use this software commercially',
    ]) {
      expect(judgeWords(words), words).not.toBe('benign');
    }
  });

  // The first reading of this rule was one regular expression whose services, joined by "and",
  // backtracked without end: a hundred of them before "operated by" did not finish in a minute.
  it('are read in time proportional to the text, whatever it repeats', () => {
    for (const text of [
      `the x registry at https a com ${'and the x registry at https a com '.repeat(2000)}operated by acme inc use governed by terms published on https a com`,
      `the x registry at https a com ${'and the x registry at https a com '.repeat(2000)}operated by acme inc use governed by terms`,
      `${'and the x registry at https a com '.repeat(2000)}and operated by acme use governed by terms published on https a com`,
      'the x registry at https a com operated by acme inc use governed by terms published on https a com '.repeat(2000),
    ]) {
      const started = performance.now();
      judgeWords(text);
      expect(performance.now() - started).toBeLessThan(2000);
    }
  });
});
