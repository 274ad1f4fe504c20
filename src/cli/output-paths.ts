// Where `scan` writes its report: checked before the scan runs, so a mistyped path is a usage
// error (exit 2) that leaves nothing behind, never a crash after a long scan.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from './errors.js';

/** What a path is, without throwing. */
function kind(path: string): 'missing' | 'file' | 'directory' | 'other' {
  try {
    const info = statSync(path);
    return info.isFile() ? 'file' : info.isDirectory() ? 'directory' : 'other';
  } catch {
    return existsSync(path) ? 'other' : 'missing';
  }
}

/** `--output FILE`: a file (new or existing; missing folders are created), or a device such as /dev/stdout. */
export function checkOutputFile(path: string): void {
  const what = kind(path);
  if (what === 'directory') throw new UsageError(`--output ${path}: is a folder; name a file (or use --output-dir ${path} for one file per format).`);
  if (what !== 'missing') return;
  let above = dirname(resolve(path));
  while (kind(above) === 'missing' && dirname(above) !== above) above = dirname(above);
  if (kind(above) !== 'directory') throw new UsageError(`--output ${path}: ${above} is not a folder; name a file in a folder.`);
}

/** `--output-dir DIR`: a folder, created when missing; never a file or a device. */
export function prepareOutputDir(path: string): void {
  const what = kind(path);
  if (what === 'directory') return;
  if (what !== 'missing') throw new UsageError(`--output-dir ${path}: is ${what === 'file' ? 'a file' : 'not a folder'}; name a folder (or use --output FILE for one format).`);
  try {
    mkdirSync(path, { recursive: true });
  } catch (error) {
    throw new UsageError(`--output-dir ${path}: cannot be created (${(error as NodeJS.ErrnoException).code ?? 'error'}); name a folder you can write to.`);
  }
}
