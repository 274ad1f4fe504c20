// The CI contract's last code: a bug in copyfair exits 3 with a short message, never a stack trace
// (unless COPYFAIR_DEBUG is set), so a pipeline can tell it from a policy failure. The bug here is
// an error no command expects: the output stream throws when the report is written. (A mocked
// scan did the same in a worker of its own, which loaded the knowledge base again: 3 s of the suite.)
import { expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

it('3: an internal error', async () => {
  let stderr = '';
  const io = {
    stdout: () => {
      throw new Error('boom');
    },
    stderr: (text: string) => void (stderr += text),
    isTty: false,
  };
  const code = await main(['node', 'copyfair', 'scan', 'fixtures/demo-app', '--config', 'fixtures/policy/demo-decided.yaml'], io);
  expect({ code, stderr }).toEqual({
    code: 3,
    stderr: 'copyfair: internal error: boom\nThis is a bug in copyfair; please report it with the command you ran.\n',
  });
});
