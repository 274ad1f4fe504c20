// A NOTICE or COPYRIGHT file is kept as evidence, not identified (Apache's NOTICE files credit
// authors and do not modify the licence). One that states terms beside an MIT LICENSE ("This
// software may not be used for commercial purposes without a license from Acme") was not read:
// the package was MIT, free. A notice file whose words restrict or bind the user is now read as a
// licence file is, and names itself in the answer.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/scan/index.js';
import type { IdentificationCache } from '../../src/scan/identification-cache.js';
import type { Identified } from '../../src/scan/licence-read.js';
import { textOf } from '../identify/scenarios.js';
import { oneDependency } from '../helpers/one-dependency.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const MIT = `MIT License\n\nCopyright (c) 2024 Acme\n\n${textOf('MIT')}`;

async function scanned(files: Record<string, string>, identificationCache?: IdentificationCache) {
  const root = oneDependency('copyfair-notice-terms-', { name: 'acme', license: 'MIT' }, files);
  made.push(root);
  const report = await scan(root, { profile: { entity: 'for-profit', date: '2026-01-01' }, toolVersion: 'test', ...(identificationCache ? { identificationCache } : {}) });
  return { acme: report.components.find((component) => component.name === 'acme')!, report };
}

describe('a NOTICE or COPYRIGHT file beside an open licence', () => {
  it('that states terms is read, and the package is not free', async () => {
    const terms = {
      NOTICE: 'Acme Widget\nCopyright 2024 Acme Inc.\n\nThis software may not be used for commercial purposes without a license from Acme.\n',
      'NOTICE.md': '# Notice\n\nBy using this software you agree to the Acme Terms of Service.\n',
      COPYRIGHT: 'Copyright 2024 Acme Inc. All rights reserved.\n\nFor personal use only.\n',
    };
    for (const [name, text] of Object.entries(terms)) {
      const { acme, report } = await scanned({ LICENSE: MIT, [name]: text });
      expect(acme.verdict.outcome, name).toBe('unknown');
      expect(acme.evidence.some((evidence) => evidence.kind === 'licence-file' && evidence.location?.file === `node_modules/acme/${name}`), name).toBe(true);
      expect(report.diagnostics.some((d) => d.location?.file === `node_modules/acme/${name}`), name).toBe(true);
    }
  });

  it('that credits authors, as Apache NOTICE files do, adds nothing; nor does an AUTHORS file', async () => {
    const apache = 'Apache Commons Lang\nCopyright 2001-2020 The Apache Software Foundation\n\nThis product includes software developed at\nThe Apache Software Foundation (https://www.apache.org/).\n';
    expect((await scanned({ LICENSE: MIT, NOTICE: apache })).acme.verdict.outcome).toBe('free');
    expect((await scanned({ LICENSE: MIT, AUTHORS: 'Jane Doe <jane@example.org>\nJohn Roe <john@example.org>\n' })).acme.verdict.outcome).toBe('free');
  });
});

describe('a notice file’s reading, kept between scans', () => {
  it('is kept under its hash like an identification: a repeat scan neither judges its words nor reads it twice', async () => {
    const kept = new Map<string, Identified>();
    const asked: string[] = [];
    const cache: IdentificationCache = {
      get: (key) => (asked.push(key), kept.get(key)),
      set: (key, found) => void kept.set(key, found),
      save: () => undefined,
    };
    const credits = 'Acme Widget\nCopyright 2024 Acme Inc.\n\nThis product includes software developed by Acme Inc.\n';
    const terms = 'Acme Widget\n\nThis software may not be used for commercial purposes without a license from Acme.\n';
    const first = await scanned({ LICENSE: MIT, NOTICE: credits, COPYRIGHT: terms }, cache);
    expect(first.acme.verdict.outcome).toBe('unknown');
    const notices = [...kept.entries()].filter(([key]) => key.startsWith('notice:'));
    expect(notices.map(([, found]) => found.statesNoTerms ?? false).sort()).toEqual([false, true]);
    // The second scan answers both from the kept readings: nothing new is kept.
    const before = kept.size;
    asked.length = 0;
    const second = await scanned({ LICENSE: MIT, NOTICE: credits, COPYRIGHT: terms }, cache);
    expect(second.acme.verdict).toEqual(first.acme.verdict);
    expect(kept.size).toBe(before);
    expect(asked.filter((key) => key.startsWith('notice:'))).toHaveLength(2);
  });
});

describe('a NOTICE beside a wheel’s METADATA (where setuptools puts it)', () => {
  async function wheel(notice: string) {
    const root = mkdtempSync(join(tmpdir(), 'copyfair-notice-terms-py-'));
    made.push(root);
    const dist = join(root, '.venv/lib/python3.11/site-packages/acme-1.0.0.dist-info');
    mkdirSync(dist, { recursive: true });
    writeFileSync(join(root, '.venv/pyvenv.cfg'), 'implementation = CPython\nversion_info = 3.11.7.final.0\n');
    writeFileSync(join(root, 'pyproject.toml'), '[project]\nname = "app"\nversion = "1.0.0"\ndependencies = ["acme"]\n');
    writeFileSync(join(dist, 'METADATA'), 'Metadata-Version: 2.1\nName: acme\nVersion: 1.0.0\nLicense: MIT\nLicense-File: LICENSE\n\n');
    writeFileSync(join(dist, 'LICENSE'), MIT);
    writeFileSync(join(dist, 'NOTICE'), notice);
    const report = await scan(root, { profile: { entity: 'for-profit', date: '2026-01-01' }, toolVersion: 'test' });
    return report.components.find((component) => component.name === 'acme')!;
  }

  it('is licence evidence, read when it states terms', async () => {
    const restricted = await wheel('Acme\n\nThis software may not be used for commercial purposes without a license from Acme.\n');
    expect(restricted.licenceFiles).toContain('.venv/lib/python3.11/site-packages/acme-1.0.0.dist-info/NOTICE');
    expect(restricted.verdict.outcome).toBe('unknown');
    const credits = await wheel('Acme\nCopyright 2024 Acme Inc.\n\nThis product includes software developed by Acme Inc.\n');
    expect(credits.licenceFiles).toContain('.venv/lib/python3.11/site-packages/acme-1.0.0.dist-info/NOTICE');
    expect(credits.verdict.outcome).toBe('free');
  });
});
