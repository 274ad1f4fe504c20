import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// Test files share their worker's modules (isolate: false): the knowledge base, the text index and
// the transformed sources load once per worker instead of once per file, which halves the suite's
// CPU time. A file that mocks modules, stubs globals or the environment, or changes directory
// would leak into the files after it, so such files are found here and run isolated. A file that
// changes the environment or folder through tests/helpers/state.ts (which puts them back however a
// test ends) shares a worker: an isolated file pays the knowledge base and text index again.
const NEEDS_ISOLATION = /\bvi\.(mock|doMock|unmock|stubGlobal|stubEnv|resetModules)\(|process\.chdir\(|process\.env(\.\w+|\[[^\]]+\])\s*=(?!=)|delete process\.env/;

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}
const isolated = testFiles('tests').filter((file) => NEEDS_ISOLATION.test(readFileSync(file, 'utf8')));

export default defineConfig({
  test: {
    testTimeout: 20_000,
    // One temporary folder for the whole run, removed at its end (tests/setup/temp-folder.ts).
    globalSetup: ['tests/setup/temp-folder.ts'],
    pool: 'forks',
    // Vitest runs one file at a time on a 2-core machine by default (cores − 1); many files spend
    // their time waiting on a child copyfair, so two at a time take the suite from ~58 s to ~38 s.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      { extends: true, test: { name: 'shared', include: ['tests/**/*.test.ts'], exclude: isolated, isolate: false } },
      { extends: true, test: { name: 'isolated', include: isolated.length > 0 ? isolated : ['no-such-file'], isolate: true } },
    ],
  },
});
