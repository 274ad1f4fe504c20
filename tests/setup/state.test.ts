// The helpers that let a test file change the environment or folder and still share a worker
// (vitest.config.ts) must put everything back, or the files after it would see the change.
import { realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { inFolder, setEnv, withEnv } from '../helpers/state.js';

const NAME = 'COPYFAIR_TEST_STATE_VARIABLE';

describe('test state helpers', () => {
  it('setEnv puts a variable back as it was: absent stays absent, a value comes back', () => {
    expect(Object.hasOwn(process.env, NAME)).toBe(false);
    const restore = setEnv({ [NAME]: 'set', PATH: undefined });
    expect(process.env[NAME]).toBe('set');
    expect(Object.hasOwn(process.env, 'PATH')).toBe(false);
    restore();
    expect(Object.hasOwn(process.env, NAME)).toBe(false);
    expect(process.env.PATH).toBeTruthy();
  });

  it('withEnv restores when the body throws', async () => {
    await expect(withEnv({ [NAME]: 'x' }, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(Object.hasOwn(process.env, NAME)).toBe(false);
  });

  it('inFolder comes back to the folder it started in, however deep the body went and however it ended', () => {
    const start = process.cwd();
    expect(() =>
      inFolder(tmpdir(), (step) => {
        expect(process.cwd()).toBe(realpathSync(tmpdir()));
        step('..');
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(process.cwd()).toBe(start);
  });
});
