// What would change the answer (issue 9): the facts that decide, computed by evaluating again with
// each assumed fact flipped, and next to each verdict what it assumed, change dates, and the
// project's decisions, in every format.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/types.js';
import { decidingFacts, type Replayable } from '../../src/scan/deciding.js';
import { buslFile } from '../identify/scenarios.js';
import { run } from '../cli/run.js';

const dir = mkdtempSync(join(tmpdir(), 'copyfair-truth-deciding-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** A project with a PolyForm Shield package, a BUSL package past its change date and a JSON-licensed one. */
beforeAll(() => {
  const pkg = (name: string, license: string) => {
    mkdirSync(join(dir, 'node_modules', name), { recursive: true });
    writeFileSync(join(dir, 'node_modules', name, 'package.json'), JSON.stringify({ name, version: '1.0.0', license }));
  };
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { shield: '1.0.0', engine: '1.0.0', goodevil: '1.0.0' } }));
  pkg('shield', 'LicenseRef-scancode-polyform-shield-1.0.0');
  pkg('engine', 'BUSL-1.1');
  writeFileSync(join(dir, 'node_modules', 'engine', 'LICENSE'), buslFile());
  pkg('goodevil', 'JSON');
});

const scan = (args: string[]) => run(['scan', dir, '--date', '2029-01-01', ...args]);

describe('the facts that decide', () => {
  it('JSON counts, per fact, the packages that change, with the flag that states it', async () => {
    const report = JSON.parse((await scan(['--format', 'json'])).stdout) as Report;
    const competes = report.decidingFacts.find((fact) => fact.fact === 'competes')!;
    expect(competes.flag).toBe('--no-competes');
    expect(competes.changes).toEqual([{ component: 'shield@1.0.0', from: 'payback', to: 'free' }]);
    expect(competes.summary).toBe('1 package is payback only because copyfair assumed your product competes with, hosts or sells it: pass --no-competes if your product does not compete with, host or sell it (payback → free)');
  });

  it('is computed, not guessed: stating the fact does what the section says', async () => {
    const stated = JSON.parse((await scan(['--format', 'json', '--no-competes'])).stdout) as Report;
    expect(stated.components.find((c) => c.name === 'shield')!.verdict.outcome).toBe('free');
    expect(stated.decidingFacts.find((fact) => fact.fact === 'competes')).toBeUndefined();
  });

  it('text and Markdown show the section', async () => {
    expect(flat((await scan([])).stdout)).toContain('The facts that decide 1 package is payback only because copyfair assumed your product competes with, hosts or sells it: pass --no-competes');
    expect((await scan(['--format', 'markdown'])).stdout).toContain('### The facts that decide\n\n- 1 package is payback only because copyfair assumed your product competes');
  });

  it('SARIF and JUnit carry it too', async () => {
    const sarif = JSON.parse((await scan(['--format', 'sarif'])).stdout) as { runs: { properties: { decidingFacts: string[] } }[] };
    expect(sarif.runs[0]!.properties.decidingFacts.join()).toContain('pass --no-competes');
    const xml = (await scan(['--format', 'junit'])).stdout;
    expect(new XMLParser({ ignoreAttributes: false }).parse(xml)).toBeTruthy();
    expect(xml).toMatch(/<property name="deciding-fact" value="1 package is payback only because copyfair assumed your product competes/);
  });
});

describe('the facts that decide, on a large tree', () => {
  // A tree of 30,000 packages each resting on an assumed fact: each package is counted once per
  // fact, in the order met. (Each package once copied the list of the ones before it: 16 s for
  // 20,000, over this test's time; ~0.1 s now.)
  it('counts each package once per fact, in order, in linear time', { timeout: 5000 }, () => {
    const n = 30000;
    const items: Replayable[] = Array.from({ length: n }, (_, i) => ({
      component: `p${String(i).padStart(5, '0')}@1.0.0`,
      outcome: 'share-alike',
      assumed: [{ fact: 'uses', value: 'internal, distribute, network, modify' }, ...(i % 2 === 0 ? [{ fact: 'uses', value: 'internal, distribute, network, modify' }] : [])],
      replay: (patch) => (patch.uses?.length === 1 ? 'free' : 'share-alike'),
    }));
    const [uses, ...others] = decidingFacts(items, { entity: 'for-profit' });
    expect(others).toEqual([]);
    expect(uses!.changes).toHaveLength(n);
    expect(uses!.changes[0]).toEqual({ component: 'p00000@1.0.0', from: 'share-alike', to: 'free' });
    expect(uses!.changes.at(-1)!.component).toBe('p29999@1.0.0');
    expect(uses!.summary).toBe(`${n} packages are share-alike only because copyfair assumed you use them every way: pass --use internal,distribute,network,modify (the ones you do) if you use them in fewer ways (share-alike → free)`);
  });
});

describe('next to each verdict', () => {
  it('text shows what a payback verdict assumed, and the change date that decided a BUSL package', async () => {
    const text = flat((await scan([])).stdout);
    expect(text).toMatch(/shield 1\.0\.0 LicenseRef-scancode-polyform-shield-1\.0\.0 .*assumed: not stated, so copyfair assumed the strict case: your product competes with, hosts or sells it; pass --no-competes/);
    expect(text).toMatch(/engine 1\.0\.0 BUSL-1\.1 .*change date: BUSL-1\.1 became MPL-2\.0 on 2028-09-01; copyfair evaluated MPL-2\.0\./);
  });

  it('Markdown shows them in the row', async () => {
    const markdown = (await scan(['--format', 'markdown'])).stdout;
    const row = markdown.split('\n').find((line) => line.startsWith('| <code>engine@1.0.0</code>'))!;
    expect(row).toContain('change date: BUSL-1.1 became MPL-2.0 on 2028-09-01');
  });

  it('an override is never silent: text, Markdown, SARIF and JUnit name it with its place in the config', async () => {
    writeFileSync(join(dir, 'copyfair.yaml'), 'overrides:\n  - licence: JSON\n    outcome: free\n    reason: our lawyers accept Good-not-Evil\n');
    try {
      const text = flat((await scan([])).stdout);
      expect(text).toContain('Decided by the project goodevil 1.0.0 JSON free override: JSON overridden by copyfair.yaml:2: our lawyers accept Good-not-Evil');
      expect((await scan(['--format', 'markdown'])).stdout).toContain('| <code>goodevil@1.0.0</code> | JSON | override: JSON overridden by copyfair.yaml:2: our lawyers accept Good-not-Evil |');
      expect((await scan(['--format', 'junit'])).stdout).toContain('<system-out>override: JSON overridden by copyfair.yaml:2: our lawyers accept Good-not-Evil</system-out>');
    } finally {
      rmSync(join(dir, 'copyfair.yaml'));
    }
  });
});
