// The CI contract's last code: a bug in copyfair exits 3 with a short message, never a stack trace
// (unless COPYFAIR_DEBUG is set), so a pipeline can tell it from a policy failure.
import { expect, it, vi } from 'vitest';
import { run } from '../cli/run.js';

vi.mock('../../src/scan/index.js', () => ({
  scan: () => Promise.reject(new Error('boom')),
}));

it('3: an internal error', async () => {
  const result = await run(['scan', 'fixtures/demo-app', '--config', 'fixtures/policy/demo-decided.yaml']);
  expect(result).toEqual({
    code: 3,
    stdout: '',
    stderr: 'copyfair: internal error: boom\nThis is a bug in copyfair; please report it with the command you ran.\n',
  });
});
