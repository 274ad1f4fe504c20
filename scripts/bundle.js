// Build step: the CLI as one CommonJS file (dist/bundle/copyfair.cjs) with V8's code cache for it
// (dist/bundle/copyfair.cjs.cache), and the commands that read the knowledge base alone (`check`,
// `explain`, `licences`: src/cli/main-kb.ts) as a second, an eighth of its size, which is all they
// read and compile at each start (dist/bundle/copyfair-kb.cjs); so a run neither resolves, reads
// and compiles ~150 ES modules one by one nor compiles again, function by function, the code every
// scan runs (Node 20 caches no compiled ES modules). bin/copyfair.js runs a bundle when it is there
// and not older than dist/cli/main.js; COPYFAIR_UNBUNDLED=1 runs dist/cli instead. Built from dist/
// (tsc's output), so a bundle holds the very code the modules hold; every file a module finds beside
// itself (`new URL(…, import.meta.url)`, `createRequire`) is still found from that module's own
// place in dist/. Each cache is written by running its bundle: the whole CLI's on fixtures/demo-app
// (a scan, every report format) and fixtures/evidence/real-world, the knowledge base's on `check`,
// `explain` and `licences`; V8 refuses a cache made by another Node or for another text, and the
// launcher then compiles as usual. Needs esbuild (a dev dependency): without it there is no
// bundle, and the launcher runs dist/cli as before.
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ASCII_MARK, escapeNonAscii } from '../dist/util/ascii.js';

const outdir = fileURLToPath(new URL('../dist/bundle/', import.meta.url));
rmSync(outdir, { recursive: true, force: true });

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  process.stdout.write('bundle: esbuild is not installed; bin/copyfair.js runs dist/cli\n');
  process.exit(0);
}

/**
 * A built copyfair reads dist/kb.json (scripts/build-kb.js runs before this step), so the
 * bundle leaves out kb/index.ts's top-level loading of the YAML compiler, which only a run from
 * source needs (and which a CommonJS file cannot await). Fails the build if those lines change.
 */
const KB_FROM_SOURCE = [
  ["existsSync(built) ? undefined : await import('./compile.js')", 'undefined'],
  ["compiler ? await import('./validate.js') : undefined", 'undefined'],
];

/** Each module's `import.meta.url` becomes its own file's URL, found from the bundle's folder. */
const ownUrl = {
  name: 'own-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.js$/ }, async (args) => {
      let contents = await readFile(args.path, 'utf8');
      const kb = args.path.endsWith(join('dist', 'kb', 'index.js'));
      if (!kb && !contents.includes('import.meta.url')) return undefined;
      if (kb) {
        for (const [from, to] of KB_FROM_SOURCE) {
          if (!contents.includes(from)) throw new Error(`bundle: dist/kb/index.js no longer holds ${from}; update scripts/bundle.js`);
          contents = contents.replace(from, to);
        }
      }
      const from = relative(outdir, args.path).split('\\').join('/');
      return { contents: contents.replaceAll('import.meta.url', `__copyfairUrl(${JSON.stringify(from)})`), loader: 'js' };
    });
  },
};

/**
 * Bundles `entry` (a module of dist/) into `outfile`, in ASCII, and writes its code cache by running
 * the launcher with each of `runs` (those whose fixture is there).
 */
async function bundle(entry, name, runs) {
  const outfile = join(outdir, name);
  const result = await esbuild.build({
    entryPoints: [fileURLToPath(new URL(`../dist/${entry}`, import.meta.url))],
    outfile,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    banner: { js: "const __copyfairUrl = (file) => require('node:url').pathToFileURL(require('node:path').join(__dirname, file)).href;" },
    plugins: [ownUrl],
    metafile: true,
    logLevel: 'warning',
  });
  // The text made ASCII (src/util/ascii.ts), marked so on its first line for the launcher. A template
  // literal holding a character outside ASCII would change its raw text when escaped: none may.
  const written = readFileSync(outfile, 'utf8');
  const template = templateOutsideAscii(written, (await import('typescript')).default);
  if (template) throw new Error(`bundle: a template literal in dist/bundle/${name} holds a character outside ASCII (${template}); escape it in the source`);
  writeFileSync(outfile, ASCII_MARK + escapeNonAscii(written));
  const bytes = statSync(outfile).size;
  // esbuild inlines every `import()` of what it bundles; one left over would fail at run time in the
  // launcher's vm.Script (no module loader there), so it fails the build instead.
  const leftover = /(?<![\w$.])import\(/.exec(written);
  if (leftover) throw new Error(`bundle: dist/bundle/${name} still holds an import(); bundle what it loads, or load it with createRequire`);

  // The code cache: what the runs compile, kept after they ran.
  const scratch = mkdtempSync(join(tmpdir(), 'copyfair-bundle-'));
  try {
    // No identification cache: the build neither reads nor fills the user's, and the engine runs.
    const env = { ...process.env, COPYFAIR_UNBUNDLED: '', COPYFAIR_NO_CACHE: '1', COPYFAIR_WRITE_CODE_CACHE: '1', NO_COLOR: '1' };
    // A checkout without the fixtures (they are not published) gets the cache of the other runs,
    // or none: the launcher then compiles the bundle as it goes.
    for (const args of runs(scratch).filter((run) => run[0] !== 'scan' || existsSync(run[1]))) {
      const run = spawnSync(process.execPath, [launcher, ...args], { env, encoding: 'utf8' });
      if (run.status === null || run.status > 1) throw new Error(`bundle: copyfair ${args[0]} failed while making the code cache of ${name}:\n${run.stderr}`);
    }
    // An exception in the launcher exits 1, as a scan that finds a problem does: the cache it writes at exit tells them apart.
    if (runs(scratch).some((run) => run[0] !== 'scan' || existsSync(run[1])) && !existsSync(`${outfile}.cache`)) throw new Error(`bundle: no code cache was written for ${name}; run \`COPYFAIR_WRITE_CODE_CACHE=1 node bin/copyfair.js check MIT\` to see why`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  process.stdout.write(`bundle: ${Object.keys(result.metafile.inputs).length} modules into dist/bundle/${name} (${(bytes / 1024).toFixed(0)} KiB), with its code cache\n`);
}

const launcher = fileURLToPath(new URL('../bin/copyfair.js', import.meta.url));
const demo = fileURLToPath(new URL('../fixtures/demo-app', import.meta.url));
const evidence = fileURLToPath(new URL('../fixtures/evidence/real-world', import.meta.url));
// The whole CLI first: the launcher runs the knowledge-base bundle only when it is not older.
await bundle('cli/main.js', 'copyfair.cjs', (scratch) => [
  ['scan', demo, '--format', 'text,json,sarif,markdown,junit,cyclonedx,spdx', '--output-dir', scratch, '--date', '2026-01-01'],
  ['scan', evidence, '--format', 'json', '--output', join(scratch, 'evidence.json'), '--date', '2026-01-01'],
]);
await bundle('cli/main-kb.js', 'copyfair-kb.cjs', () => [
  ['check', 'MIT', '--date', '2026-01-01'],
  ['explain', 'PPL'],
  ['licences'],
]);

/** The first template literal of `text` whose own text (not its substitutions) holds a character outside ASCII, or undefined. */
function templateOutsideAscii(text, ts) {
  if (!/[^\x00-\x7f]/.test(text)) return undefined;
  const source = ts.createSourceFile('copyfair.cjs', text, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const pieces = new Set([ts.SyntaxKind.NoSubstitutionTemplateLiteral, ts.SyntaxKind.TemplateHead, ts.SyntaxKind.TemplateMiddle, ts.SyntaxKind.TemplateTail]);
  let found;
  const visit = (node) => {
    if (found) return;
    if (pieces.has(node.kind) && /[^\x00-\x7f]/.test(node.rawText ?? node.text)) found = `line ${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
    else ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
