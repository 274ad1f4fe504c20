// Where the identify stage runs: in the scan's own thread, or, for a large installed tree on
// disk, in one worker thread started before the walk, so loading the identification data and
// identifying the texts overlap with walking the tree, evaluating and reporting (two cores).
// Either way the answers are the same data (licence-read.ts): they depend on the file alone.
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { ReadOnlyFs } from '../ecosystems/fs.js';
import { isMounted } from '../ecosystems/mount.js';
import type { Answer } from './identify-worker.js';
import { readLicence, type Identified, type LicenceRead } from './licence-read.js';

/** Reads and identifies licence files for one scan. */
export interface Identifier {
  /** The files the scan will ask for, in the order it will ask (a worker starts on them at once). */
  expect(files: string[]): void;
  read(file: string): Promise<LicenceRead>;
  /** Ends the worker, if any. */
  close(): void;
}

/** In the scan's own thread. */
export function inThread(fs: ReadOnlyFs): Identifier {
  const identified = new Map<string, Identified>();
  return { expect: () => {}, read: (file) => readLicence(fs, file, identified), close: () => {} };
}

/** A tree with at least this many installed packages identifies in a worker. */
export const WORKER_FROM = 300;

const workerFile = new URL('./identify-worker.js', import.meta.url);

/**
 * In a worker thread reading the project at `root` (the same confinement and limits as the
 * project's part of `fs`), or
 * in this thread when there is no built worker (the tests run the sources). A file the worker
 * was not told of, or any file after the worker failed, is read here.
 */
export function inWorker(root: string, fs: ReadOnlyFs): Identifier {
  const here = inThread(fs);
  if (!existsSync(workerFile)) return here;
  const worker = new Worker(workerFile, { workerData: { root } });
  const waiting = new Map<string, ((read: LicenceRead) => void)[]>();
  const answered = new Map<string, LicenceRead[]>();
  const known = new Map<string, Identified>();
  let failed = false;
  const settle = (file: string, read: LicenceRead) => {
    const resolve = waiting.get(file)?.shift();
    if (resolve) resolve(read);
    else answered.set(file, [...(answered.get(file) ?? []), read]);
  };
  worker.on('message', (answers: Answer[]) => {
    for (const { file, read } of answers) {
      if (read.kind === 'known') settle(file, { kind: 'text', sha256: read.sha256, key: read.key, found: known.get(read.key)! });
      else {
        if (read.kind === 'text') known.set(read.key, read.found);
        settle(file, read);
      }
    }
  });
  const fail = () => {
    failed = true;
    for (const [file, resolves] of waiting) for (const resolve of resolves.splice(0)) void here.read(file).then(resolve);
  };
  worker.on('error', fail);
  worker.on('exit', () => !failed && waiting.size > 0 && fail());
  const expected = new Map<string, number>();
  return {
    expect(files) {
      // The worker reads the project alone; files in mounted caches are read here.
      const own = files.filter((file) => !isMounted(file));
      for (const file of own) expected.set(file, (expected.get(file) ?? 0) + 1);
      worker.postMessage(own);
    },
    read(file) {
      const ready = answered.get(file)?.shift();
      if (ready) return Promise.resolve(ready);
      const count = expected.get(file) ?? 0;
      if (failed || count === 0) return here.read(file);
      expected.set(file, count - 1);
      return new Promise((resolve) => waiting.set(file, [...(waiting.get(file) ?? []), resolve]));
    },
    close: () => void worker.terminate(),
  };
}
