// Read-only and nothing executed: child_process is replaced by a stub that records any use, and
// scan and identify run on a tree; and no module of those stages imports it at all.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { hashTree } from './harness.js';
import { installed, temporaryFolder, writeTree } from './generate.js';

const calls: string[] = [];
vi.mock('node:child_process', () => {
  const record = (name: string) => (...args: unknown[]) => {
    calls.push(`${name} ${JSON.stringify(args).slice(0, 100)}`);
    throw new Error(`copyfair must not run programs (${name})`);
  };
  const stub = Object.fromEntries(['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'].map((name) => [name, record(name)]));
  return { ...stub, default: stub };
});

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
    const scanned = await run(['scan', dir, '--format', 'json,sarif,markdown,junit,text', '--output-dir', out]);
    expect(scanned.code).not.toBe(3);
    const identified = await run(['identify', join(dir, 'node_modules/plain/LICENSE')]);
    expect(identified.code).not.toBe(3);
    expect(calls).toEqual([]);
    expect(hashTree(dir)).toEqual(before);
  });

  it('no module of collect, identify, evaluate, report or scan imports child_process or the network', () => {
    const stages = ['src/ecosystems', 'src/identify', 'src/evaluate', 'src/report', 'src/scan', 'src/policy', 'src/kb', 'src/terms'].flatMap((dir) => sources(dir));
    expect(stages.length).toBeGreaterThan(20);
    for (const file of stages) expect(readFileSync(file, 'utf8'), file).not.toMatch(/child_process|\bexecSync\b|\bspawn\(|new Function\(|\beval\(|node:https?['"]|node:net['"]|\bfetch\(/);
  });
});
