#!/usr/bin/env node
// Thin launcher: the CLI lives in dist/cli (built from src/cli by `npm run build`).
// `--version` is answered here, before the CLI and its dependencies load, so it stays fast.
// The CLI runs from dist/bundle/copyfair.cjs with its V8 code cache (scripts/bundle.js: one
// file, compiled once at build time, starts faster than ~150 ES modules) when that is there and
// not older than dist/cli/main.js (a `tsc` alone leaves it stale), else from dist/cli;
// COPYFAIR_UNBUNDLED=1 runs dist/cli. `check`, `explain` and `licences`, which read the knowledge
// base alone, run from dist/bundle/copyfair-kb.cjs (src/cli/main-kb.ts), an eighth of the size,
// when it is there and not older than the whole CLI's bundle.
// A CommonJS script (bin/package.json), unlike the package's ES modules: Node then never starts its
// ES module loader for `--version` or a bundled run (~6 ms of every command's start).
'use strict';
const { readFileSync, statSync, writeFileSync } = require('node:fs');
const { basename, dirname, join } = require('node:path');

// A reader that stops early (`copyfair notice | head`) closes the pipe: that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

/** The first line of a bundle in ASCII throughout (src/util/ascii.ts, which a CommonJS script cannot import). */
const ASCII_MARK = '// copyfair bundle: ASCII only\n';

const args = process.argv.slice(2);

/** The commands the knowledge base's own bundle answers (src/cli/kb-commands.ts: a test holds the two lists alike), named first as the CLI reads them. */
const KB_COMMANDS = ['check', 'explain', 'licences', 'licenses'];
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8'));
  process.stdout.write(`${manifest.version}\n`);
} else {
  run().catch((error) => {
    // As an ES module's top-level await did: the error reported and the process failed.
    process.exitCode = 1;
    throw error;
  });
}

async function run() {
  const bundle = bundled();
  const { main } = bundle ? loadBundle(bundle.file, bundle.stats) : await import(require('node:url').pathToFileURL(join(__dirname, '..', 'dist', 'cli', 'main.js')).href);
  if (identifies() && process.env.COPYFAIR_WRITE_CODE_CACHE !== '1') compileExpressionsOnce();
  process.exitCode = await main(process.argv);
  // Everything is done and written: exit now, rather than wait at teardown for V8's background
  // compilation jobs still running (~30–45 ms of a first scan's wall time). Only when nothing is
  // left to write to stdout or stderr: pipes are asynchronous on macOS, and exiting would cut them.
  if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit(process.exitCode);
}

/** Whether the command (the first argument that is no option) reads licence texts: a scan's, a diff's, a fork's or a notice's, or `identify`. */
function identifies() {
  return ['scan', 'diff', 'identify', 'notice', 'payback', 'history', 'fork'].includes(args.find((arg) => !arg.startsWith('-')) ?? '');
}

/**
 * Each regular expression compiled once, to machine code, when first run. By default V8 compiles
 * one to bytecode and interprets it, then compiles it again to machine code on its second run: a
 * first scan runs some 400 distinct expressions (the identification's patterns), and on this kind
 * of machine compiling one to bytecode costs about three times compiling it to machine code. Set
 * after the bundle is compiled, as V8 checks its code cache against the flags it was made with
 * (the build writes the cache without it); not for the commands that read no licence text, which
 * run a few expressions and would pay more for loading node:v8 (~3–6 ms) than they save.
 */
function compileExpressionsOnce() {
  require('node:v8').setFlagsFromString('--no-regexp-tier-up');
}

/**
 * The bundle to run and its stat: dist/bundle/copyfair.cjs when it is there, not older than
 * dist/cli, and not refused; for a command of the knowledge base alone, dist/bundle/copyfair-kb.cjs
 * instead when it is not older than that; else undefined.
 */
function bundled() {
  if (process.env.COPYFAIR_UNBUNDLED === '1') return undefined;
  const folder = join(__dirname, '..', 'dist', 'bundle');
  const whole = statSync(join(folder, 'copyfair.cjs'), { throwIfNoEntry: false });
  const modules = statSync(join(__dirname, '..', 'dist', 'cli', 'main.js'), { throwIfNoEntry: false });
  if (whole === undefined || (modules !== undefined && whole.mtimeMs < modules.mtimeMs)) return undefined;
  if (KB_COMMANDS.includes(args[0])) {
    const kb = statSync(join(folder, 'copyfair-kb.cjs'), { throwIfNoEntry: false });
    if (kb !== undefined && kb.mtimeMs >= whole.mtimeMs) return { file: join(folder, 'copyfair-kb.cjs'), stats: kb };
  }
  return { file: join(folder, 'copyfair.cjs'), stats: whole };
}

/** The bundle `file` (of stat `bundle`), compiled from its code cache when V8 accepts it (same Node, same text). */
function loadBundle(file, bundle) {
  const { Script } = require('node:vm');
  const { createRequire } = require('node:module');
  const cacheFile = `${file}.cache`;
  // V8 checks a cache against the text's length only, not its content: a cache older than the
  // bundle is not used (the build writes the bundle, then its cache).
  const cache = statSync(cacheFile, { throwIfNoEntry: false });
  const cachedData = cache && cache.mtimeMs >= bundle.mtimeMs ? readFileSync(cacheFile) : undefined;
  // The build writes the bundle in ASCII (src/util/ascii.ts) and says so on its first line: read as
  // Latin-1 it is the same text, without UTF-8 decoding, and V8 holds it a byte a character (a
  // bundle an older build wrote is read as UTF-8).
  const latin1 = readFileSync(file, 'latin1');
  const text = latin1.startsWith(ASCII_MARK) ? latin1 : readFileSync(file, 'utf8');
  // The wrapper a CommonJS module gets, on the first line so line numbers stay the file's own.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${text}\n})`, { filename: file, cachedData });
  if (process.env.COPYFAIR_BUNDLE_INFO === '1') process.stderr.write(`bundle: ${basename(file)}, code cache ${cachedData === undefined ? 'absent or older than the bundle' : script.cachedDataRejected ? 'refused' : 'used'}\n`);
  // The build writes the cache after a run, with everything that run compiled (scripts/bundle.js).
  if (process.env.COPYFAIR_WRITE_CODE_CACHE === '1') process.on('exit', () => writeFileSync(cacheFile, script.createCachedData()));
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return module.exports;
}
