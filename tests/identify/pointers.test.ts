// Licence files that point to the licence of code kept in a folder of the package (pointers.ts).
import { describe, expect, it } from 'vitest';
import { licencePointers } from '../../src/identify/pointers.js';
import { identifyLicenceText } from '../../src/identify/identify-file.js';

describe('the licence files a text points to', () => {
  it.each([
    ['a Markdown link (onig_sys)', 'is re-distributed under the original license, see [COPYING](oniguruma/COPYING) for more', ['oniguruma/COPYING']],
    ['a Markdown link with a title (lmdb)', 'LMDB, which has a specific [OpenLDAP license](dependencies/lmdb/libraries/liblmdb/LICENSE "OpenLDAP"),', ['dependencies/lmdb/libraries/liblmdb/LICENSE']],
    ['"./" and angle brackets', 'See [license](<./src/bmp/LICENSE.md>).', ['src/bmp/LICENSE.md']],
    ['a path after "see", across a line end (Emscripten)', 'it has the MIT license, see\nsystem/lib/libc/musl/COPYRIGHT\n', ['system/lib/libc/musl/COPYRIGHT']],
    ['in the file …', 'The parser is licensed as described in the file third_party/parser/LICENSE.txt.', ['third_party/parser/LICENSE.txt']],
    ['each path once, in the order met', 'see [a](x/LICENSE) and see x/LICENSE and (y/COPYING)', ['x/LICENSE', 'y/COPYING']],
  ])('%s', (_name, text, paths) => expect(licencePointers(text)).toEqual(paths));

  it.each([
    ['a web address', 'see [the licence](https://example.com/repo/LICENSE)'],
    ['a file at the same folder (read anyway)', 'see [LICENSE-APACHE](LICENSE-APACHE) and [MIT](./LICENSE-MIT)'],
    ['out of the package', 'see [x](../other/LICENSE) and [y](/usr/share/common-licenses/GPL)'],
    ['another package', 'see [x](node_modules/foo/LICENSE)'],
    ['not a licence file', 'see [docs](docs/README.md) and src/index.js'],
    ['a path no words point to (a maintainers\' note)', '<!-- packages/cli/LICENSE.md is a copy of ../LICENSE.md -->'],
  ])('none: %s', (_name, text) => expect(licencePointers(text)).toBeUndefined());

  it('a README gives the pointers of its licence section only', () => {
    const readme = '# canvas\n\nSee [the parser](src/bmp/LICENSE.md) elsewhere too.\n\n## License\n\n### BMP parser\n\nSee [license](src/bmp/LICENSE.md)\n';
    expect(identifyLicenceText('Readme.md', readme).pointers).toEqual(['src/bmp/LICENSE.md']);
    expect(identifyLicenceText('Readme.md', readme.replace('## License\n\n### BMP parser\n\nSee [license](src/bmp/LICENSE.md)\n', '## License\n\nMIT\n')).pointers).toBeUndefined();
  });
});
