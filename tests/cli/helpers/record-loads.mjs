// Module hooks for the cold-start test: prints every module URL the process loads, imported or
// required, to stderr (`loaded <url>`), so a test can see what a command pulls in.
//
// Written to file descriptor 2 directly, never through process.stderr: the `load` hook runs on
// Node's hooks thread, whose process.stderr reaches the process's by a message the main thread
// must still take off its queue, and the launcher exits as soon as its own output is written. A
// line still queued then would be lost. tests/cli/python-engine.test.ts failed twice in full runs,
// two sessions apart, with a first scan that named no module of the identification engine; not
// reproduced alone (160 runs of its scenario, the machine loaded or not), so that test now says
// what the run printed if it fails again.
import { writeSync } from 'node:fs';
import Module, { register } from 'node:module';
import { pathToFileURL } from 'node:url';

const hooks = `import { writeSync } from 'node:fs';
export async function load(url, context, next) {
  writeSync(2, 'loaded ' + url + '\\n');
  return next(url, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);

const load = Module._load;
Module._load = function (request, parent, isMain) {
  const loaded = load.apply(this, arguments);
  try {
    const file = Module._resolveFilename(request, parent, isMain);
    if (file.startsWith('/')) writeSync(2, `loaded ${pathToFileURL(file).href}\n`);
  } catch {
    // a built-in module
  }
  return loaded;
};
