// A large tree identifies its licence texts in a worker thread (src/scan/identifier.ts): the
// report is the same, byte for byte, as with identification in the scan's own thread. The worker
// runs from the built files, so this spawns the built binary.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKER_FROM } from '../../src/scan/identifier.js';
import { installed, temporaryFolder, writeTree } from '../hostile/generate.js';
import { built } from '../cli/run.js';

const SIZE = WORKER_FROM + 20;
const texts = readdirSync('fixtures/identify').map((name) => readFileSync(`fixtures/identify/${name}`, 'utf8'));
let tree: string;

beforeAll(() => {
  const files: Record<string, string | Buffer> = {};
  const dependencies: Record<string, string> = {};
  for (let i = 0; i < SIZE; i++) {
    const name = `p${i}`;
    dependencies[name] = '1.0.0';
    // The same texts many times, some with their own copyright line; a few READMEs, odd files.
    const text = `${i % 3 === 0 ? `Copyright (c) ${2000 + (i % 20)} Person ${i}\n\n` : ''}${texts[i % texts.length]}`;
    Object.assign(files, installed(name, '1.0.0', i % 5 === 0 ? 'SEE LICENSE IN COPYING.txt' : 'MIT', {}, i % 7 === 0 ? undefined : text));
    if (i % 7 === 0) files[`node_modules/${name}/README.md`] = `# ${name}\n\n## License\n\nMIT © Person ${i}\n`;
    if (i % 5 === 0) files[`node_modules/${name}/COPYING.txt`] = text;
  }
  files['node_modules/binary/package.json'] = JSON.stringify({ name: 'binary', version: '1.0.0', license: 'MIT' });
  files['node_modules/binary/LICENSE'] = Buffer.from([0, 1, 2, 3, 0, 255]);
  files['node_modules/empty/package.json'] = JSON.stringify({ name: 'empty', version: '1.0.0', license: 'ISC' });
  files['node_modules/empty/LICENSE'] = '';
  files['node_modules/folder/package.json'] = JSON.stringify({ name: 'folder', version: '1.0.0', license: 'MIT' });
  files['node_modules/folder/LICENSE/inside.txt'] = 'not a licence';
  Object.assign(dependencies, { binary: '1.0.0', empty: '1.0.0', folder: '1.0.0' });
  files['package.json'] = JSON.stringify({ name: 'big', version: '1.0.0', dependencies });
  tree = writeTree(temporaryFolder('copyfair-worker-'), files);
});
afterAll(() => rmSync(tree, { recursive: true, force: true }));

function scanJson(worker: boolean) {
  const bin = new URL('../../bin/copyfair.js', import.meta.url).pathname;
  const env = { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...(worker ? {} : { COPYFAIR_WORKER: '0' }) };
  return spawnSync(process.execPath, [bin, 'scan', tree, '--format', 'json', '--date', '2026-01-01'], { encoding: 'utf8', env });
}

describe.runIf(built)('identification in a worker thread', () => {
  it('gives the same report as identification in the scan thread', () => {
    const inWorker = scanJson(true);
    const inThread = scanJson(false);
    expect(inWorker.stderr).toBe('');
    expect(inWorker.status).toBe(inThread.status);
    expect(inWorker.stdout).toBe(inThread.stdout);
    const report = JSON.parse(inWorker.stdout) as { components: unknown[]; diagnostics: { code: string }[] };
    expect(report.components).toHaveLength(SIZE + 3);
    expect(report.diagnostics.map((d) => d.code)).toContain('licence-file-unreadable');
  });
});
