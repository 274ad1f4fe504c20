// A README's licence section as Markdown writes it: links and badges. franc's "[MIT](https://github.com/
// wooorm/franc/blob/main/license) © [Titus Wormer](http://wooorm.com)", cache-parser's "Licensed
// under the **MIT**. See [`LICENSE`](LICENSE) for more informations." above a FOSSA badge,
// @react-pdf/renderer's "MIT © [Diego Muracciole](…)" above a downloads badge: the addresses were
// read as words beside the notice, and every such package was unknown. A link is its text now, an
// image its alt text; the pointers a section makes are still read from its links.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { identifyLicenceText } from '../../src/identify/identify-file.js';

const readme = (section: string) => `# tool\n\nDoes things.\n\n## License\n\n${section}\n`;

describe('a README licence section with links and badges', () => {
  it.each([
    ['franc', '[MIT](https://github.com/wooorm/franc/blob/main/license) © [Titus Wormer](http://wooorm.com)'],
    ['cache-parser', 'Licensed under the **MIT**. See [`LICENSE`](LICENSE) for more informations.\n\n[![FOSSA Status](https://app.fossa.com/api/projects/git%2Bgithub.com%2Fx%2Fy.svg?type=small)](https://app.fossa.com/projects/git%2Bgithub.com%2Fx%2Fy?ref=badge_small)\n\n<br />'],
    ['@react-pdf/renderer', 'MIT © [Diego Muracciole](http://github.com/diegomura)\n\n---\n\n[![](https://img.shields.io/npm/dt/@react-pdf/renderer.svg?style=flat)](https://www.npmjs.com/package/@react-pdf/renderer)'],
  ])('%s reads MIT', (_name, section) => {
    expect(identifyLicenceText('README.md', readme(section))).toMatchObject({ expression: 'MIT', section: 7 });
  });

  it('keeps a badge’s or a link’s words', () => {
    // The alt text is read as the notice it is: a proprietary, non-commercial licence beside MIT.
    expect(identifyLicenceText('README.md', readme('MIT © Acme\n\n[![Not for commercial use](https://img.shields.io/badge/x-y-red)](https://acme.example)')).expression).toBe('MIT AND LicenseRef-scancode-proprietary-license');
    expect(identifyLicenceText('README.md', readme('MIT, [except for military use](https://acme.example/terms)')).expression).toBeNull();
  });

  it('still reads the pointers its links make', () => {
    expect(identifyLicenceText('README.md', readme('MIT. The BMP parser: see [license](src/bmp/LICENSE.md).')).pointers).toEqual(['src/bmp/LICENSE.md']);
  });
});

// A licence section that is the README's last one ends with the page's own lines: cuint's "MIT" above
// StackEdit's footer, critters' "[Apache 2.0](LICENSE)" above Google's disclaimer. Each was unknown.
describe('the page’s own last lines below a licence section', () => {
  it.each([
    ['cuint', 'MIT\n\n\n> Written with [StackEdit](https://stackedit.io/).', 'MIT'],
    ['critters', '[Apache 2.0](LICENSE)\n\nThis is not an official Google product.', 'Apache-2.0'],
    ['a disclaimer so headed', 'Apache-2.0\n\n**Disclaimer:** This is not an officially supported Google product.', 'Apache-2.0'],
  ])('%s reads its licence', (_name, section, expression) => {
    expect(identifyLicenceText('README.md', readme(section)).expression).toBe(expression);
  });

  it('is read when the line says anything more', () => {
    expect(identifyLicenceText('README.md', readme('Apache-2.0\n\nThis is not an official Google product, and is for internal use only.')).expression).toBeNull();
    expect(identifyLicenceText('README.md', readme('MIT\n\n> Written with [StackEdit](https://stackedit.io/). Not for commercial use.')).expression).toBeNull();
  });
});

// "[CC0](https://creativecommons.org/publicdomain/zero/1.0/)": the address of the licence's own deed
// is kept with the link's text, and names the licence (stream-length's README, "WTFPL or CC0").
describe('a link to a licence’s own page', () => {
  it('keeps its address, which names the licence', () => {
    expect(identifyLicenceText('README.md', readme('Licensed under [CC0](https://creativecommons.org/publicdomain/zero/1.0/).')).expression).toBe('CC0-1.0');
    expect(identifyLicenceText('README.md', readme('[WTFPL](http://www.wtfpl.net/txt/copying/) or [CC0](https://creativecommons.org/publicdomain/zero/1.0/), whichever you prefer.')).expression).toBe('WTFPL OR CC0-1.0');
  });

  it('reads the licence the address names when the text names another', () => {
    const found = identifyLicenceText('README.md', readme('[MIT](https://creativecommons.org/licenses/by-nc/4.0/)')).expression;
    expect(found === null || found.includes('CC-BY-NC-4.0')).toBe(true);
  });
});

// CC0 has one version: "CC0" alone names CC0-1.0 (a README section of the one word "CC0" named no
// licence; the name is no SPDX id, so no bare-id rule read it).
describe('the name "CC0" alone', () => {
  it('is CC0-1.0, in a README section and in a licence file', () => {
    expect(identifyLicenceText('README.md', readme('CC0')).expression).toBe('CC0-1.0');
    expect(identifyLicenceText('LICENSE', 'CC0\n').expression).toBe('CC0-1.0');
  });

  it('is read with the words beside it as any name is', () => {
    expect(identifyLicenceText('README.md', readme('Not CC0')).expression).toBeNull();
    expect(identifyLicenceText('README.md', readme('CC0, except the logo')).expression).toBeNull();
    expect(identifyLicenceText('README.md', readme('CC0 for non-commercial use')).expression).not.toBe('CC0-1.0');
  });
});

// Names of one-version licences that the knowledge base knows and no ScanCode rule writes: "Peer
// Production License" in a README's License section, "License: ODC-BY" in a file, named no licence.
describe('the names of one-version licences no rule wrote', () => {
  it.each([
    ['Peer Production License', 'PPL'],
    ['Blue Oak Model License', 'BlueOak-1.0.0'],
    ['ODC-BY', 'ODC-By-1.0'],
    ['ODbL', 'ODbL-1.0'],
    ['PDDL', 'PDDL-1.0'],
  ])('%s is %s, in a README section and on a licence line', (name, id) => {
    expect(identifyLicenceText('README.md', readme(name)).expression).toBe(id);
    expect(identifyLicenceText('LICENSE', `License: ${name}\n`).expression).toBe(id);
    expect(identifyLicenceText('LICENSE', `This data is licensed under the ${name}.\n`).expression).toBe(id);
  });

  it('is read with the words beside it as any name is', () => {
    expect(identifyLicenceText('README.md', readme('Not the Peer Production License')).expression).toBeNull();
    expect(identifyLicenceText('README.md', readme('ODbL, except the logo')).expression).toBeNull();
    expect(identifyLicenceText('README.md', readme('Blue Oak Model License for non-commercial use')).expression).not.toBe('BlueOak-1.0.0');
  });
});

// "# License" with its MIT text, then "## Contributing" below it: how contributions are licensed,
// not the work's licence (@segment/ajv-human-errors, which ships no licence file: unknown).
describe('a contributing subsection below the licence section', () => {
  const segment = (contributing: string) =>
    `# tool\n\n# License\n\nMIT License\n\nCopyright (c) 2020 Segment\n\n${(JSON.parse(readFileSync(new URL('../../node_modules/spdx-license-list/licenses/MIT.json', import.meta.url), 'utf8')) as { licenseText: string }).licenseText}\n\n## ${contributing}\n\nAll third party contributors acknowledge that any contributions they provide will be made under the same open source license that the open source project is provided under.\n`;

  it('ends it: the licence is read without it', () => {
    expect(identifyLicenceText('README.md', segment('Contributing')).expression).toBe('MIT');
    expect(identifyLicenceText('README.md', segment('How to contribute')).expression).toBe('MIT');
  });

  it('any other subsection is still part of it', () => {
    expect(identifyLicenceText('README.md', segment('Contributors')).expression).toBeNull();
    expect(identifyLicenceText('README.md', segment('Commercial use')).expression).toBeNull();
  });
});

// @middy/core ships no licence file; its README's section: "Licensed under [MIT License](LICENSE).
// Copyright (c) 2017-2025 [Luciano Mammino](…), [will Farrell](…), and the [Middy team](…)." above
// FOSSA's badge in HTML. The tags' addresses and styles were read as words: unknown.
describe('a badge written in HTML', () => {
  const middy = (alt: string) =>
    readme(`Licensed under [MIT License](LICENSE). Copyright (c) 2017-2025 [Luciano Mammino](https://github.com/lmammino), [will Farrell](https://github.com/willfarrell), and the [Middy team](https://github.com/middyjs/middy/graphs/contributors).\n\n<a href="https://app.fossa.io/projects/git%2Bgithub.com%2Fmiddyjs%2Fmiddy?ref=badge_large">\n  <img src="https://app.fossa.io/api/projects/git%2Bgithub.com%2Fmiddyjs%2Fmiddy.svg?type=large" alt="${alt}"  style="max-width:100%;">\n</a>`);

  it('is its alt text, the tags and addresses gone', () => {
    expect(identifyLicenceText('README.md', middy('FOSSA Status')).expression).toBe('MIT');
  });

  it('its alt text is read as any words are', () => {
    expect(identifyLicenceText('README.md', middy('Not for commercial use')).expression).not.toBe('MIT');
  });
});
