// Repositories for property tests, each made by one `git fast-import` (a process per repository,
// not one per commit), and a temporary folder that holds one repository per run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fast-import stream being written: commits with fixed committer and increasing times. */
export class FastImport {
  private parts: Buffer[] = [];
  private mark = 0;
  private time = 1_600_000_000;

  /** A command line as it is. */
  say(text: string): void {
    this.parts.push(Buffer.from(text));
  }

  /** A data block: a message or a file's bytes. */
  data(text: string): void {
    const bytes = Buffer.from(text);
    this.say(`data ${bytes.length}\n`);
    this.parts.push(bytes, Buffer.from('\n'));
  }

  /** A file written (or, `link`, a symbolic link to `content`). */
  write(path: string, content: string, link = false): void {
    this.say(`M ${link ? '120000' : '100644'} inline ${path}\n`);
    this.data(content);
  }

  /** A commit on `branch` after `from` (and merging `merge`), its changes made by `body`; returns its mark. */
  commit(branch: string, message: string, body: () => void, from?: number, merge?: number): number {
    this.say(`commit refs/heads/${branch}\nmark :${++this.mark}\ncommitter T <t@example.org> ${this.time++} +0000\n`);
    this.data(message);
    if (from) this.say(`from :${from}\n`);
    if (merge) this.say(`merge :${merge}\n`);
    body();
    return this.mark;
  }

  /** Makes the repository at `dir` (branch main) from what was written. */
  importInto(dir: string): void {
    execFileSync('git', ['init', '-q', '-b', 'main', dir]);
    execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, input: Buffer.concat(this.parts) });
  }
}

/** Runs `body` with a function that gives a new empty folder for each repository, all removed at the end. */
export function withRepositories<T>(prefix: string, body: (next: () => string) => T): T {
  const root = mkdtempSync(join(tmpdir(), `copyfair-${prefix}-`));
  let count = 0;
  try {
    return body(() => join(root, String(count++)));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
