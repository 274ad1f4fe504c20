// What every hostile case must show: no exit 3, no stack trace, a bounded time, the other packages
// still scanned; and the tools to prove the scanned tree was not touched.
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { run, type RunResult } from '../cli/run.js';
import type { Diagnostic, Report } from '../../src/types.js';

/**
 * The bound on one hostile input (docs/security.md): 10 s of wall time, generous for a loaded CI
 * machine; every case here takes well under 2 s alone.
 */
export const BOUND_MS = 10_000;

export interface Scanned extends RunResult {
  ms: number;
  report: Report;
}

/** `copyfair scan DIR --format json …`, timed, with the report parsed. */
export async function scanJson(dir: string, extra: string[] = []): Promise<Scanned> {
  const started = performance.now();
  const result = await run(['scan', dir, '--format', 'json', '--date', '2026-06-01', ...extra]);
  const ms = performance.now() - started;
  survived(result, ms);
  let report: Report;
  try {
    report = JSON.parse(result.stdout) as Report;
  } catch {
    throw new Error(`no JSON report (exit ${result.code}): ${result.stderr.slice(0, 500)}`);
  }
  return { ...result, ms, report };
}

/** No crash, no stack trace, within the bound. */
export function survived(result: RunResult, ms: number): void {
  expect(result.code, result.stderr).not.toBe(3);
  expect(result.stderr).not.toMatch(/internal error|This is a bug/);
  expect(`${result.stdout}\n${result.stderr}`).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  expect(ms).toBeLessThan(BOUND_MS);
}

/** The diagnostics naming `file` (by location or in the message). */
export function diagnosticsFor(report: Report, file: string): Diagnostic[] {
  return report.diagnostics.filter((d) => d.location?.file === file || d.location?.file.startsWith(`${file}/`) || d.message.includes(file));
}

/** The outcome of a component by name, or undefined when it was not scanned. */
export function outcomeOf(report: Report, name: string): string | undefined {
  return report.components.find((component) => component.name === name)?.verdict.outcome;
}

/**
 * Every entry below `root` (not following links): kind, size, mode, mtime, link target, and the
 * SHA-256 of regular files up to 1 MiB (larger ones by size and mtime). FIFOs, sockets and devices
 * are never opened.
 */
export function hashTree(root: string): Map<string, string> {
  const entries = new Map<string, string>();
  const pending = [''];
  while (pending.length > 0) {
    const path = pending.pop()!;
    const full = join(root, path);
    const info = lstatSync(full);
    let detail = `${info.mode}:${info.mtimeMs}:${info.size}`;
    if (info.isSymbolicLink()) detail += `:link:${readlinkSync(full)}`;
    else if (info.isFile() && info.size <= 1024 * 1024) detail += `:sha256:${createHash('sha256').update(readFileSync(full)).digest('hex')}`;
    else if (info.isDirectory()) for (const name of readdirSync(full)) pending.push(path === '' ? name : `${path}/${name}`);
    entries.set(path, detail);
  }
  return entries;
}
