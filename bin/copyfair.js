#!/usr/bin/env node
// Thin launcher: the CLI lives in dist/cli (built from src/cli by `npm run build`).
// `--version` is answered here, before the CLI and its dependencies load, so it stays fast.
// The CLI runs from dist/bundle (scripts/bundle.js: a few files load faster than ~150 modules)
// when that is there and not older than dist/cli/main.js (a `tsc` alone leaves it stale), else
// from dist/cli; COPYFAIR_UNBUNDLED=1 runs dist/cli.
import { readFileSync, statSync } from 'node:fs';

// A reader that stops early (`copyfair notice | head`) closes the pipe: that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${manifest.version}\n`);
} else {
  const { main } = await import(entry());
  process.exitCode = await main(process.argv);
}

function entry() {
  const modules = new URL('../dist/cli/main.js', import.meta.url);
  if (process.env.COPYFAIR_UNBUNDLED === '1') return modules.href;
  const bundle = new URL('../dist/bundle/main.js', import.meta.url);
  const built = statSync(bundle, { throwIfNoEntry: false });
  const compiled = statSync(modules, { throwIfNoEntry: false });
  return built && (!compiled || built.mtimeMs >= compiled.mtimeMs) ? bundle.href : modules.href;
}
