// TOML for Cargo.toml, Cargo.lock, pyproject.toml, poetry.lock, uv.lock and pdm.lock, through
// smol-toml, with its errors reduced to a message and the line and column they point at.
// Plain documents are read by toml-plain.ts to the same value, without smol-toml. smol-toml is
// loaded on first use, as its single CommonJS file: a scan of an npm project never
// parses TOML, and its ESM build is nine modules to load.
import { createRequire } from 'node:module';
import type * as Toml from 'smol-toml';
import { readPlainToml } from './toml-plain.js';

const require = createRequire(import.meta.url);
let tomlModule: typeof Toml | undefined;
const toml = (): typeof Toml => (tomlModule ??= require('smol-toml') as typeof Toml);

/** A TOML document that could not be read, with where. */
export interface TomlProblem {
  message: string;
  line?: number;
  column?: number;
}

export type TomlTable = Record<string, unknown>;

/** The document, or what is wrong with it and where. */
export function parseToml(text: string): { ok: true; value: TomlTable } | { ok: false; problem: TomlProblem } {
  // Plain documents (what cargo and most tools write) are read without smol-toml, to the same
  // value; anything else, and every error, is smol-toml's (toml-plain.ts).
  const plain = readPlainToml(text);
  if (plain !== undefined) return { ok: true, value: plain };
  const { parse, TomlError } = toml();
  try {
    return { ok: true, value: parse(text) as TomlTable };
  } catch (error) {
    if (error instanceof TomlError) {
      const message = error.message.split('\n')[0]!.replace(/^Invalid TOML document:\s*/, '');
      return { ok: false, problem: { message: `is not valid TOML: ${message}`, line: error.line, column: error.column } };
    }
    return { ok: false, problem: { message: `is not valid TOML: ${(error as Error).message}` } };
  }
}

/** A table's value as a table, or an empty one. */
export function table(value: unknown): TomlTable {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date) ? (value as TomlTable) : {};
}

/** A value as a string, or undefined. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A value as a list, or an empty one. */
export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
