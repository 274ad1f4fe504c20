// Build step, last: the fingerprint of this build (dist/build-id.json), a SHA-256 of every built
// file and of the knowledge base and licence data it reads. Identifications and readings kept
// between scans are filed under it (src/scan/identification-cache.ts, src/scan/reading-cache.ts),
// so a build with other code or data never reads the answers of another.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const top = fileURLToPath(new URL('..', import.meta.url));
const output = join(top, 'dist', 'build-id.json');

function files(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      // dist/bundle is made from the rest of dist/ (scripts/bundle.js, after this step); its code
      // cache differs from build to build for the same code.
      if (entry.isDirectory()) return path === join(top, 'dist', 'bundle') ? [] : files(path);
      return entry.isFile() && path !== output ? [path] : [];
    });
}

const hash = createHash('sha256');
for (const path of [...files(join(top, 'dist')), ...files(join(top, 'licences'))]) {
  hash.update(relative(top, path)).update('\0').update(readFileSync(path)).update('\0');
}
const id = hash.digest('hex');
writeFileSync(output, `${JSON.stringify({ id })}\n`);
process.stdout.write(`build id: ${id.slice(0, 16)}\n`);
