// identifyFile: the hash of the bytes, and clear errors for files that are not licence texts.
import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { IdentifyFileError, MAX_LICENCE_FILE_BYTES, identifyFile } from '../../src/identify/index.js';
import { textOf } from './scenarios.js';

let directory: string;

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'copyfair-identify-'));
});

describe('identifyFile', () => {
  it('identifies a file and records the SHA-256 of its bytes', async () => {
    const path = join(directory, 'LICENSE');
    const text = `\uFEFF${textOf('ISC')}`;
    writeFileSync(path, text);
    const result = await identifyFile(path);
    expect(result).toMatchObject({ file: path, expression: 'ISC' });
    expect(result.sha256).toBe(createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex'));
  });

  it('reads UTF-16 files that carry a byte-order mark', async () => {
    const path = join(directory, 'LICENSE.utf16');
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(textOf('MIT'), 'utf16le')]));
    expect((await identifyFile(path)).expression).toBe('MIT');
  });

  it.each([
    ['missing', () => join(directory, 'nope.txt'), /nope\.txt: no such file/],
    ['not-a-file', () => mkdir(join(directory, 'folder')), /folder is not a file/],
    ['binary', () => write(join(directory, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13])), /logo\.png looks binary/],
    ['too-large', () => write(join(directory, 'huge.txt'), Buffer.alloc(MAX_LICENCE_FILE_BYTES + 1, 0x61)), /huge\.txt is \d+ bytes/],
  ] as const)('rejects a %s file with a message naming it', async (problem, make, message) => {
    const path = make();
    const error = await identifyFile(path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(IdentifyFileError);
    expect(error).toMatchObject({ problem, file: path });
    expect((error as Error).message).toMatch(message);
  });
});

function mkdir(path: string): string {
  mkdirSync(path, { recursive: true });
  return path;
}

function write(path: string, bytes: Buffer): string {
  writeFileSync(path, bytes);
  return path;
}
