// Read-only and nothing executed: child_process's functions are replaced by stubs that record any
// use while scan and identify run on a tree; and no module of those stages imports it at all.
// The stubs are set on the built-in module and given to every module that imported its functions
// (syncBuiltinESMExports), then put back, so this file shares a worker with the others instead of
// loading the knowledge base and the text index in a process of its own (vi.mock would isolate it).
import * as childProcess from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashTree } from './harness.js';
import { installed, temporaryFolder, writeTree } from './generate.js';

const STUBBED = ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'] as const;

/** Runs `body` with child_process's functions recording each call and throwing; puts them back however it ends. */
async function withoutPrograms<T>(body: (calls: string[]) => Promise<T>): Promise<T> {
  const module = createRequire(import.meta.url)('node:child_process') as Record<string, unknown>;
  const originals = STUBBED.map((name) => [name, module[name]] as const);
  const calls: string[] = [];
  for (const name of STUBBED) {
    module[name] = (...args: unknown[]) => {
      calls.push(`${name} ${JSON.stringify(args).slice(0, 100)}`);
      throw new Error(`copyfair must not run programs (${name})`);
    };
  }
  syncBuiltinESMExports();
  try {
    return await body(calls);
  } finally {
    for (const [name, original] of originals) module[name] = original;
    syncBuiltinESMExports();
  }
}

/** Every .ts file below `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('nothing is executed, nothing is written', () => {
  it('scan and identify run without child_process, and leave the tree as it was', async () => {
    const dir = writeTree(temporaryFolder(), {
      'package.json': JSON.stringify({ name: 'app', dependencies: { plain: '1', hooked: '1' }, scripts: { preinstall: 'touch pwned' } }),
      ...installed('plain', '1.0.0', 'MIT', {}, 'MIT License\n\nPermission is hereby granted, free of charge, to any person obtaining a copy'),
      ...installed('hooked', '1.0.0', 'MIT', { scripts: { install: 'touch pwned', postinstall: 'node evil.js' }, bin: { evil: 'evil.js' } }),
      'node_modules/hooked/evil.js': 'require("fs").writeFileSync("pwned", "")',
      'node_modules/.bin/evil': '#!/bin/sh\ntouch pwned\n',
    });
    const before = hashTree(dir);
    const { run } = await import('../cli/run.js');
    const out = temporaryFolder();
    await withoutPrograms(async (calls) => {
      const scanned = await run(['scan', dir, '--format', 'json,sarif,markdown,junit,text', '--output-dir', out]);
      expect(scanned.code).not.toBe(3);
      const identified = await run(['identify', join(dir, 'node_modules/plain/LICENSE')]);
      expect(identified.code).not.toBe(3);
      expect(calls).toEqual([]);
      // The stubs are what copyfair's modules call: `history` runs git, and is stopped.
      await run(['history', dir]);
      expect(calls.length).toBeGreaterThan(0);
      expect(calls[0]).toMatch(/^spawnSync \["git",/);
    });
    expect(hashTree(dir)).toEqual(before);
    // And put back: a program runs again.
    expect(childProcess.spawnSync(process.execPath, ['-e', '0']).status).toBe(0);
  });

  it('no module of collect, identify, evaluate, report or scan imports child_process or the network', () => {
    const stages = ['src/ecosystems', 'src/identify', 'src/evaluate', 'src/report', 'src/scan', 'src/policy', 'src/kb', 'src/terms'].flatMap((dir) => sources(dir));
    expect(stages.length).toBeGreaterThan(20);
    for (const file of stages) expect(readFileSync(file, 'utf8'), file).not.toMatch(/child_process|\bexecSync\b|\bspawn\(|new Function\(|\beval\(|node:https?['"]|node:net['"]|\bfetch\(/);
  });
});
