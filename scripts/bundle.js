// Build step: the CLI as a few files (dist/bundle/main.js and the chunks it loads on demand)
// rather than ~150 modules, each of which Node's ES module loader resolves, reads and compiles on
// its own at every start. bin/copyfair.js runs the bundle when it is there and not older than
// dist/cli/main.js; COPYFAIR_UNBUNDLED=1 runs dist/cli instead. Built from dist/ (tsc's output),
// so the bundle holds the very code the modules hold: the lazily loaded parts (commands, report
// formats, globby, the identification engine) stay separate chunks, loaded only when used, and
// every file a module finds beside itself (`new URL(…, import.meta.url)`, `createRequire`) is
// still found from that module's own place in dist/. Needs esbuild (a dev dependency): without
// it there is no bundle, and the launcher runs dist/cli as before.
import { readFile } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';

const outdir = fileURLToPath(new URL('../dist/bundle/', import.meta.url));
rmSync(outdir, { recursive: true, force: true });

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  process.stdout.write('bundle: esbuild is not installed; bin/copyfair.js runs dist/cli\n');
  process.exit(0);
}

/** Each module's `import.meta.url` becomes its own file's URL, written relative to the bundle. */
const ownUrl = {
  name: 'own-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.js$/ }, async (args) => {
      const contents = await readFile(args.path, 'utf8');
      if (!contents.includes('import.meta.url')) return undefined;
      const from = relative(outdir, args.path).split('\\').join('/');
      return { contents: contents.replaceAll('import.meta.url', `new URL(${JSON.stringify(from)}, import.meta.url).href`), loader: 'js' };
    });
  },
};

const result = await esbuild.build({
  entryPoints: [fileURLToPath(new URL('../dist/cli/main.js', import.meta.url))],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // CommonJS dependencies bundled in (commander) call require for Node's built-ins.
  banner: { js: "import { createRequire as __copyfairRequire } from 'node:module'; const require = __copyfairRequire(import.meta.url);" },
  plugins: [ownUrl],
  metafile: true,
  logLevel: 'warning',
});
const outputs = Object.entries(result.metafile.outputs);
const bytes = outputs.reduce((sum, [, output]) => sum + output.bytes, 0);
process.stdout.write(`bundle: ${Object.keys(result.metafile.inputs).length} modules into ${outputs.length} files (${(bytes / 1024).toFixed(0)} KiB), dist/bundle/\n`);
