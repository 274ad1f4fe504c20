// Builds real git repositories in a temporary folder for the history and fork tests: commits with
// fixed authors and dates, real licence texts from the SPDX License List.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const list = require('spdx-license-list/full') as Record<string, { licenseText: string }>;

/** The SPDX License List's text of `id`. */
export const licenceText = (id: string): string => list[id]!.licenseText;

/** A BUSL-1.1 file as projects ship it: header, parameters block, then the terms. */
export function buslText(changeDate: string, changeLicense = 'MPL 2.0', licensor = 'HashiCorp, Inc.', work = 'Terraform 1.6. The Licensed Work is (c) 2023 HashiCorp, Inc.'): string {
  const terms = licenceText('BUSL-1.1').slice(licenceText('BUSL-1.1').indexOf('Terms'));
  return [
    'License text copyright (c) 2020 MariaDB Corporation Ab, All Rights Reserved.',
    '"Business Source License" is a trademark of MariaDB Corporation Ab.',
    '',
    'Parameters',
    '',
    `Licensor:             ${licensor}`,
    `Licensed Work:        ${work}`,
    'Additional Use Grant: None',
    `Change Date:          ${changeDate}`,
    `Change License:       ${changeLicense}`,
    '',
    'Notice',
    '',
    'The Business Source License (this document, or the "License") is not an Open',
    'Source license. However, the Licensed Work will eventually be made available',
    'under an Open Source License, as stated in this License.',
    '',
    '-----------------------------------------------------------------------------',
    '',
    terms,
  ].join('\n');
}

export interface TestRepo {
  dir: string;
  /** Writes (or, with null, deletes) files and commits them; returns the commit's sha. */
  commit(files: Record<string, string | null>, message: string, options?: { author?: string; date?: string }): string;
  git(...args: string[]): string;
  /** Puts a symbolic link to `target` at `path` (in place of what is there) and stages it; commits nothing. */
  link(path: string, target: string): void;
  /** Cherry-picks a commit with a fixed committer and date, so its sha is the same on every run. */
  pick(sha: string, options?: { author?: string; date?: string }): string;
  remove(): void;
}

let clock = 0;

/** A new repository on branch main, in its own temporary folder (or `dir`). */
export function createRepo(dir = mkdtempSync(join(tmpdir(), 'copyfair-git-'))): TestRepo {
  const home = mkdtempSync(join(tmpdir(), 'copyfair-home-'));
  const env = { ...process.env, HOME: home, GIT_CONFIG_NOSYSTEM: '1', TZ: 'UTC' };
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  mkdirSync(dir, { recursive: true });
  git('init', '-q', '-b', 'main');
  // The commit HEAD names, read from the repository's files (a branch just committed to has a
  // loose ref); `git rev-parse` when it is anything else.
  const head = (): string => {
    const ref = readFileSync(join(dir, '.git/HEAD'), 'utf8').trim();
    if (!ref.startsWith('ref: ')) return ref;
    const loose = join(dir, '.git', ref.slice('ref: '.length));
    return existsSync(loose) ? readFileSync(loose, 'utf8').trim() : git('rev-parse', 'HEAD').trim();
  };
  return {
    dir,
    git,
    commit(files, message, options = {}) {
      // One `git rm` and one `git add` for all the commit's files: a process each is what these
      // tests spend their time on.
      const removed: string[] = [];
      const added: string[] = [];
      for (const [path, content] of Object.entries(files)) {
        const file = join(dir, path);
        if (content === null) {
          removed.push(path);
          continue;
        }
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, content);
        added.push(path);
      }
      if (removed.length > 0) git('rm', '-q', '--', ...removed);
      if (added.length > 0) git('add', '--', ...added);
      const date = options.date ?? `2020-01-01T00:00:${String(clock++ % 60).padStart(2, '0')}Z`;
      const [name, email] = (options.author ?? 'Ada Lovelace <ada@example.org>').match(/^(.*) <(.*)>$/)!.slice(1) as [string, string];
      execFileSync('git', ['commit', '-q', '--allow-empty', '-m', message], {
        cwd: dir,
        env: { ...env, GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email, GIT_COMMITTER_NAME: name, GIT_COMMITTER_EMAIL: email, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
      });
      return head();
    },
    link(path, target) {
      const file = join(dir, path);
      rmSync(file, { force: true });
      mkdirSync(dirname(file), { recursive: true });
      symlinkSync(target, file);
      git('add', '--', path);
    },
    pick(sha, options = {}) {
      const date = options.date ?? `2020-01-01T00:00:${String(clock++ % 60).padStart(2, '0')}Z`;
      const [name, email] = (options.author ?? 'Ada Lovelace <ada@example.org>').match(/^(.*) <(.*)>$/)!.slice(1) as [string, string];
      execFileSync('git', ['cherry-pick', sha], { cwd: dir, stdio: 'ignore', env: { ...env, GIT_COMMITTER_NAME: name, GIT_COMMITTER_EMAIL: email, GIT_COMMITTER_DATE: date } });
      return head();
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
      rmSync(home, { recursive: true, force: true });
    },
  };
}
