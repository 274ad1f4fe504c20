// The CLI edge of the scan's environment: where the Cargo registry cache, the Go module cache and
// the active Python environment are, read from the process's variables with each tool's defaults.
import { homedir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import type { Environment } from '../scan/index.js';

/** The user's home folder: `$HOME`, else the operating system's answer. */
export function homeOf(variables: NodeJS.ProcessEnv): string {
  return variables.HOME || homedir();
}

/** `$CARGO_HOME` (default ~/.cargo), `$GOMODCACHE` (default `$GOPATH/pkg/mod`, GOPATH ~/go), `$VIRTUAL_ENV`. */
export function scanEnvironment(variables: NodeJS.ProcessEnv, pythonEnv: string | undefined): Environment {
  const home = () => homeOf(variables);
  const gopath = variables.GOPATH?.split(delimiter).find(Boolean);
  return {
    cargoHome: variables.CARGO_HOME || join(home(), '.cargo'),
    goModCache: variables.GOMODCACHE || join(gopath || join(home(), 'go'), 'pkg', 'mod'),
    ...(variables.VIRTUAL_ENV ? { virtualEnv: variables.VIRTUAL_ENV } : {}),
    ...(pythonEnv ? { pythonEnv: resolve(pythonEnv) } : {}),
    platform: process.platform,
    arch: process.arch,
  };
}

/**
 * A path of the report on disk: the scan names files in the caches by their labels
 * (`$CARGO_HOME/…`, `$GOMODCACHE/…`, `$VIRTUAL_ENV/…`, `<python-env>/…`); others are in the project.
 */
export function labelledPath(root: string, environment: Environment, path: string): string {
  const labels: [string, string | undefined][] = [
    ['$CARGO_HOME', environment.cargoHome],
    ['$GOMODCACHE', environment.goModCache],
    ['$VIRTUAL_ENV', environment.virtualEnv],
    ['<python-env>', environment.pythonEnv],
  ];
  for (const [label, folder] of labels) if (folder && path.startsWith(`${label}/`)) return join(folder, path.slice(label.length + 1));
  return join(root, path);
}
