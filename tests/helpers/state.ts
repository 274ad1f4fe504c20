// Process state a test changes and puts back: environment variables and the working folder. A test
// file that changes them with these helpers runs with the other files in a shared worker
// (vitest.config.ts); one that assigns process.env or calls process.chdir itself runs isolated.

/**
 * Sets (a string) or removes (undefined) each variable of `vars`; returns what puts every one of
 * them back as it was, present or absent.
 */
export function setEnv(vars: Record<string, string | undefined>): () => void {
  const before = Object.keys(vars).map((name) => [name, Object.hasOwn(process.env, name) ? process.env[name] : undefined] as const);
  const put = (name: string, value: string | undefined) => {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  };
  for (const [name, value] of Object.entries(vars)) put(name, value);
  return () => {
    for (const [name, value] of before) put(name, value);
  };
}

/** Runs `body` with `vars` set as {@link setEnv} sets them, and puts them back however it ends. */
export async function withEnv<T>(vars: Record<string, string | undefined>, body: () => T | Promise<T>): Promise<T> {
  const restore = setEnv(vars);
  try {
    return await body();
  } finally {
    restore();
  }
}

/** Runs `body` in folder `dir` (`step` moves further down), back in the folder it started in however it ends. */
export function inFolder(dir: string, body: (step: (into: string) => void) => void): void {
  const previous = process.cwd();
  try {
    process.chdir(dir);
    body((into) => process.chdir(into));
  } finally {
    process.chdir(previous);
  }
}
