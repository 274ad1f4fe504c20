// What every hostile case must show: no exit 3, no stack trace, a bounded time, the other packages
// still scanned; and the tools to prove the scanned tree was not touched.
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { run, type RunResult } from '../cli/run.js';
import type { Diagnostic, Report } from '../../src/types.js';

/**
 * The bound on one hostile input (docs/security.md): 10 s of CPU time; every case here takes
 * well under 3 s alone. CPU time, not wall time, so a loaded CI machine does not make the
 * suite flaky; a hang (no CPU used, waiting on a FIFO) is caught by the wall-time bound.
 */
export const BOUND_MS = 10_000;
/** Wall time for one case, however loaded the machine: a hang ends here. */
export const WALL_BOUND_MS = 60_000;

/** Runs `action`, returning its result with the CPU milliseconds this process spent on it. */
export async function timed<T>(action: () => Promise<T>): Promise<{ value: T; ms: number; wall: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await action();
  const used = process.cpuUsage(cpu);
  return { value, ms: (used.user + used.system) / 1000, wall: performance.now() - started };
}

export interface Scanned extends RunResult {
  ms: number;
  report: Report;
}

/** `copyfair scan DIR --format json …`, timed, with the report parsed. */
export async function scanJson(dir: string, extra: string[] = [], boundMs = BOUND_MS): Promise<Scanned> {
  const { value: result, ms, wall } = await timed(() => run(['scan', dir, '--format', 'json', '--date', '2026-06-01', ...extra]));
  survived(result, ms, boundMs);
  expect(wall).toBeLessThan(WALL_BOUND_MS);
  let report: Report;
  try {
    report = JSON.parse(result.stdout) as Report;
  } catch {
    throw new Error(`no JSON report (exit ${result.code}): ${result.stderr.slice(0, 500)}`);
  }
  return { ...result, ms, report };
}

/** No crash, no stack trace, within the bound. */
export function survived(result: RunResult, ms: number, boundMs = BOUND_MS): void {
  expect(result.code, result.stderr).not.toBe(3);
  expect(result.stderr).not.toMatch(/internal error|This is a bug/);
  expect(`${result.stdout}\n${result.stderr}`).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  expect(ms).toBeLessThan(boundMs);
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
