// Every regular expression in src/, fed hostile lines. A licence file, a manifest or a METADATA
// line may be a megabyte of one character: a pattern whose work grows with the square of its
// input (a run of spaces two parts may share, a lazy name before "\s*", a start at every "." of a
// long run) then stalls a scan for minutes. One at a time they were found by hand (the twentieth to
// twenty-second sessions' long-line fixes); this reads every pattern literal in the source and runs
// it on long runs of whitespace (no-break spaces included), of each punctuation mark with letters,
// and of the pattern's own words joined every way, at two sizes: a pattern that takes more than
// TOLERATED milliseconds at the larger size and grows by more than GROWTH times when the input
// grows four times is quadratic or worse. Patterns only ever given bounded input are listed in
// BOUNDED, each with the bound that keeps it safe. The patterns the modules build at run time are
// watched as they load and read the same way.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
/** A linear pattern grows about 4× when its input does; a quadratic one about 16×. */
const GROWTH = 8;
/** Below this at the larger size, no pattern is judged (timer noise). */
const TOLERATED = 40;
const SMALL = 6_000;
const LARGE = SMALL * 4;

/** Patterns whose input is bounded where they are used, by source, with where the bound is. */
const BOUNDED: Record<string, string> = {
  '\\s+or\\s+|\\s*\\/\\s*|\\s*\\|\\s*': 'declared.ts readCombination: every run of spaces made one space first',
  '\\s*\\+\\s*|\\s+and\\s+|\\s*&\\s*|\\s*,\\s*|\\s+with\\s+': 'declared.ts readCombination: every run of spaces made one space first',
  '\\s*\\(\\s*(https?:\\/\\/[^\\s()]{1,300}\\/(?:licen[cs]e|copying)(?:[-._][\\w-]{1,20}){0,2})\\s*\\)\\s*$': 'declared.ts: a declared value of at most MAX_NAME_LENGTH (512) characters',
  '\\s*\\(\\s*((?:bsd|mit|isc|x11|apache)[\\s-]+(?:like|style))\\s*\\)\\s*$': 'declared.ts: a declared value of at most MAX_NAME_LENGTH (512) characters',
  '^([^()]{3,}?)\\s*\\(([^()]{2,40})\\)$': 'declared.ts: a declared value of at most MAX_NAME_LENGTH (512) characters',
};

interface Pattern {
  where: string;
  pattern: RegExp;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function patterns(): Pattern[] {
  const found: Pattern[] = [];
  for (const file of sourceFiles(join(ROOT, 'src'))) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(source);
        const end = text.lastIndexOf('/');
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        found.push({ where: `${relative(ROOT, file)}:${line}`, pattern: new RegExp(text.slice(1, end), text.slice(end + 1)) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

const PUNCTUATION = ['.', '-', '/', ':', ',', '_', '@', '(', ')', '*', '#', '=', '"', "'", '<', '>', '|', '+', '&', ';', '[', ']', '`', '~', '%'];
const WHITESPACE = [' ', '\t', '\n', ' \n', '\u00a0', '\u2003', '\f', '\v', 'a\u00a0', '\u00a0\n'];

/** `unit` repeated to `size` characters. */
function run(unit: string, size: number): string {
  return unit.length === 0 ? '' : unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** The hostile inputs for a pattern, each a function of its size. */
function inputs(pattern: RegExp): ((size: number) => string)[] {
  const words = [...new Set(pattern.source.replace(/\\[a-z]/gi, ' ').match(/[A-Za-z]{2,}/g) ?? [])];
  const units = [
    ...WHITESPACE,
    'a', 'a ', '0', '* ',
    ...PUNCTUATION.flatMap((mark) => [mark, `ab${mark}`, `a ${mark} `, `${mark} a`]),
    ...(words.length === 0 ? [] : ['', ' ', '  ', '.', '/', ':', '-', '://', '@', '.ab'].map((joint) => words.join(joint) + joint)),
    ...(words.length === 0 ? [] : [words.map((word) => word + ' '.repeat(50)).join('')]),
  ];
  return units.map((unit) => (size: number) => run(unit, size));
}

/** The shortest of three runs of `pattern` over `text`, in milliseconds. */
function timed(pattern: RegExp, text: string): number {
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    pattern.lastIndex = 0;
    const started = performance.now();
    pattern.exec(text);
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

/**
 * The patterns the source builds at run time (`new RegExp`) when its modules load: every module
 * under src/ imported with the RegExp constructor watched, each pattern kept with the source line
 * that built it. (Patterns built inside a function, pyvenv.cfg's keys, are read by hand.)
 */
async function builtPatterns(): Promise<Pattern[]> {
  // Loaded afresh (vi.resetModules also makes vitest.config.ts run this file in a worker of its own:
  // files share their worker's modules otherwise, and a module already loaded builds nothing).
  vi.resetModules();
  const built: Pattern[] = [];
  const Original = globalThis.RegExp;
  globalThis.RegExp = new Proxy(Original, {
    construct(target, args: unknown[]) {
      const made = Reflect.construct(target, args) as RegExp;
      const where = /\/src\/[^\s():]+\.ts:\d+/.exec(new Error().stack ?? '')?.[0];
      if (where) built.push({ where: where.slice(1), pattern: made });
      return made;
    },
  });
  try {
    for (const file of sourceFiles(join(ROOT, 'src'))) await import(file);
  } finally {
    globalThis.RegExp = Original;
  }
  return built;
}

/** The patterns of `all` whose time grows with the square of a hostile input's length, or worse, each said with where it is. */
function quadratic(all: readonly Pattern[]): string[] {
  const slow: string[] = [];
  for (const { where, pattern } of all) {
    if (BOUNDED[pattern.source] !== undefined) continue;
    for (const input of inputs(pattern)) {
      // Screened at the smaller size; the few that take over a millisecond are timed at both.
      const small = input(SMALL);
      pattern.lastIndex = 0;
      const started = performance.now();
      pattern.exec(small);
      if (performance.now() - started < 1) continue;
      // A pattern that looks quadratic is timed again before it is said to be: on a loaded machine
      // (the suite beside another job) one pause in every round of the larger input made a linear
      // pattern look so. A quadratic one grows ~16× both times.
      let large = 0;
      let growth = 0;
      for (let trial = 0; trial < 2; trial++) {
        large = timed(pattern, input(LARGE));
        growth = large / Math.max(timed(pattern, small), 0.01);
        if (large < TOLERATED || growth <= GROWTH) break;
      }
      if (large < TOLERATED) continue;
      if (growth > GROWTH) slow.push(`${where} /${pattern.source.slice(0, 80)}/ on ${JSON.stringify(small.slice(0, 12))}…: ${Math.round(large)} ms at ${LARGE} characters, ${growth.toFixed(1)}× the time at ${SMALL}`);
    }
  }
  return slow;
}

describe('every pattern in the source', () => {
  const all = patterns();

  it('is found: the source holds hundreds of pattern literals', () => {
    expect(all.length).toBeGreaterThan(500);
    for (const source of Object.keys(BOUNDED)) expect(all.some(({ pattern }) => pattern.source === source), source).toBe(true);
  });

  it('reads a long hostile line in time that grows no faster than the line, or is given bounded input', () => {
    expect(quadratic(all)).toEqual([]);
  });

  it('and so do the patterns the modules build when they load', async () => {
    const built = await builtPatterns();
    // normalise.ts's restriction words, requests.ts's payment words, surroundings.ts's services, Cargo.lock's packages…
    expect(built.length).toBeGreaterThan(10);
    expect(built.some(({ where }) => where.startsWith('src/ecosystems/cargo/lockfile.ts'))).toBe(true);
    expect(quadratic(built)).toEqual([]);
  });
});
