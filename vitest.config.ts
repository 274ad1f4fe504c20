import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

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

// The files that take longest (5–16 s each on this machine, most of it in child processes or in
// thousands of identifications), started before the rest. Without a results cache of its own (a
// fresh clone, as CI runs) Vitest starts the largest files first, and the accuracy measurement,
// a short file, started last: one worker ran it alone for its last 14 s while the other was idle.
// With a results cache Vitest already starts the longest first; this order only breaks its ties.
const SLOW_FILES = [
  'tests/cli/cold-start.test.ts',
  'tests/identify/accuracy.test.ts',
  'tests/hostile/sizes.test.ts',
  'tests/identify/restriction-wrappers.test.ts',
  'tests/hostile/read-only.test.ts',
  'tests/scan/identification-cache.test.ts',
  'tests/scan/reading-cache.test.ts',
  'tests/forks/fork.test.ts',
  'tests/hostile/regex-harness.test.ts',
];

const missing = SLOW_FILES.filter((file) => !existsSync(file));
if (missing.length > 0) throw new Error(`vitest.config.ts: SLOW_FILES names ${missing.join(', ')}, which no longer exist: update the list`);

class SlowFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    // Vitest's order of the projects stays; within each, the slow files go first, and the sort
    // being stable, every other file keeps Vitest's order.
    const projects = [...new Set(sorted.map((file) => file.project.name))];
    const rank = (file: TestSpecification) => {
      const at = SLOW_FILES.findIndex((slow) => file.moduleId.endsWith(`/${slow}`));
      return projects.indexOf(file.project.name) * (SLOW_FILES.length + 1) + (at === -1 ? SLOW_FILES.length : at);
    };
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    testTimeout: 20_000,
    // One temporary folder for the whole run, removed at its end (tests/setup/temp-folder.ts).
    globalSetup: ['tests/setup/temp-folder.ts'],
    pool: 'forks',
    sequence: { sequencer: SlowFilesFirst },
    // Vitest runs one file at a time on a 2-core machine by default (cores − 1); many files spend
    // their time waiting on a child copyfair, so two at a time take the suite from ~58 s to ~38 s.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      { extends: true, test: { name: 'shared', include: ['tests/**/*.test.ts'], exclude: isolated, isolate: false } },
      { extends: true, test: { name: 'isolated', include: isolated.length > 0 ? isolated : ['no-such-file'], isolate: true } },
    ],
  },
});
