// Module hooks for the cold-start test: prints every module URL the process loads, imported or
// required, to stderr (`loaded <url>`), so a test can see what a command pulls in.
import Module, { register } from 'node:module';
import { pathToFileURL } from 'node:url';

const hooks = `export async function load(url, context, next) {
  process.stderr.write('loaded ' + url + '\\n');
  return next(url, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);

const load = Module._load;
Module._load = function (request, parent, isMain) {
  const loaded = load.apply(this, arguments);
  try {
    const file = Module._resolveFilename(request, parent, isMain);
    if (file.startsWith('/')) process.stderr.write(`loaded ${pathToFileURL(file).href}\n`);
  } catch {
    // a built-in module
  }
  return loaded;
};
