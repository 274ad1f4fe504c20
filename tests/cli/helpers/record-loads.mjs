// Module hooks for the cold-start test: prints every module URL the process loads to stderr, one
// per line after a marker, so a test can see what a command pulls in.
import { register } from 'node:module';

const hooks = `export async function load(url, context, next) {
  process.stderr.write('loaded ' + url + '\\n');
  return next(url, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
