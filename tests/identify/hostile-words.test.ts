// Words that are also names of Object.prototype members must read as words: every map keyed by
// a text's words is a Map or a null-prototype object (issue 8: `constructor` crashed a scan).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { identifyText } from '../../src/identify/index.js';
import { normalise } from '../../src/identify/normalise.js';
import { run } from '../cli/run.js';
import { textOf } from './scenarios.js';

const PROTOTYPE_WORDS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];

describe('prototype words in a licence text', () => {
  it('normalise keeps them as plain words', () => {
    expect(normalise(PROTOTYPE_WORDS.join(' ')).words).toEqual(['constructor', 'proto', 'tostring', 'hasownproperty', 'valueof', 'isprototypeof']);
  });

  it('a text of only such words is unknown, not a crash', () => {
    const result = identifyText(`Licence\n\n${PROTOTYPE_WORDS.join(' ')} may not be used\n`);
    expect(result.expression).toBeNull();
  });

  it('MIT with such words in its copyright line is still MIT', () => {
    const result = identifyText(`Copyright (c) 2024 constructor __proto__ toString\n\n${textOf('MIT')}`);
    expect(result.expression).toBe('MIT');
  });

  it('copyfair identify reports such a file instead of an internal error', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'copyfair-hostile-'));
    const path = join(directory, 'LICENSE');
    writeFileSync(path, `MIT License\n\n${PROTOTYPE_WORDS.join(' ')}\n`);
    const result = await run(['identify', path]);
    expect(result.stderr).not.toContain('internal error');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${path}: unknown`);
  });
});
