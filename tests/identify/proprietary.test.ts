// Proprietary and commercial terms (issue 8): texts that say plainly that a licence must be bought,
// that only small users are free, that the source is for reference only, or that no licence is
// granted — recognised as what they are, through identification and through a whole scan, with
// the pay route read from the text. Never free; and an open licence is never read as proprietary.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyProprietary, identifyText, PROPRIETARY_IDS } from '../../src/identify/index.js';
import { run } from '../cli/run.js';
import { textOf } from './scenarios.js';

const text = (name: string) => readFileSync(new URL(`../../fixtures/notices/texts/${name}`, import.meta.url), 'utf8');
const app = new URL('../../fixtures/notices/proprietary-app', import.meta.url).pathname;

describe('proprietary and commercial texts', () => {
  it('a paid licence → commercial, with the licensing URL and e-mail from the text', () => {
    const result = identifyText(text('eula-paid.txt'));
    expect(result.expression).toBe(PROPRIETARY_IDS.commercial);
    expect(result.matches[0]).toMatchObject({ via: 'terms', parameters: { licensingUrl: 'https://acme.example.com/pricing', licensingContact: 'sales@acme.example.com' } });
  });

  it('free below a head count → size-limited, with the head count from which one pays', () => {
    const result = identifyText(text('size-limited.txt'));
    expect(result.expression).toBe(PROPRIETARY_IDS.sizeLimited);
    expect(result.matches[0]!.parameters).toEqual({ freeBelowEmployees: 10, licensingUrl: 'https://foogrid.example/buy' });
    expect(classifyProprietary('Free for personal use. Organisations with more than 50 employees must purchase a licence.')!.matches[0]!.parameters).toEqual({ freeBelowEmployees: 51 });
  });

  it('reference source and all rights reserved → grants nothing', () => {
    expect(identifyText(text('reference-source.txt')).expression).toBe(PROPRIETARY_IDS.referenceSource);
    expect(identifyText(text('all-rights-reserved.txt')).expression).toBe(PROPRIETARY_IDS.allRightsReserved);
    expect(classifyProprietary('Proprietary and confidential. Unauthorized copying of this file, via any medium, is strictly prohibited.')?.expression).toBe(PROPRIETARY_IDS.allRightsReserved);
  });

  it('an open licence, or a copyright line with "all rights reserved", is not proprietary', () => {
    expect(identifyText(textOf('BSD-3-Clause').replace('<year> <owner>', '2020 Foo. All rights reserved.')).expression).not.toMatch(/copyfair|commercial/);
    expect(classifyProprietary('Copyright (c) 2020 Foo. All rights reserved.\n\nPermission is hereby granted, free of charge, to any person obtaining a copy of this software.')).toBeUndefined();
    expect(classifyProprietary('All rights reserved.')).toBeUndefined();
    expect(classifyProprietary('A widget kit. See the examples folder.')).toBeUndefined();
  });

  it('a mangled known licence that mentions a commercial licence stays for a person to read', () => {
    const mangled = textOf('BUSL-1.1').split(/\s+/).reverse().join(' ');
    expect(identifyText(mangled).expression).not.toBe(PROPRIETARY_IDS.commercial);
  });
});

describe('through a scan', () => {
  it('payback with the route, forbidden for grant-nothing texts, never free; a notice inside terms stays unknown', async () => {
    const result = await run(['scan', app, '--format', 'json']);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as { components: { name: string; expression: string | null; verdict: { outcome: string; obligations: { kind: string; route?: unknown }[] } }[] };
    const byName = Object.fromEntries(report.components.map((component) => [component.name, component]));
    expect(byName['acme-widgets']!.verdict.outcome).toBe('payback');
    expect(byName['acme-widgets']!.verdict.obligations.find((obligation) => obligation.kind === 'pay')!.route).toMatchObject({
      url: 'https://acme.example.com/pricing',
      contact: 'sales@acme.example.com',
    });
    expect(byName['foo-grid']!.verdict.outcome).toBe('payback');
    expect(byName['contoso-reference']!.verdict.outcome).toBe('forbidden');
    expect(byName['initech-core']!.verdict.outcome).toBe('forbidden');
    expect(byName['apache-noticed']!).toMatchObject({ expression: 'Apache-2.0', verdict: { outcome: 'free' } });
    expect(byName['mit-but-restricted']!.verdict.outcome).toBe('unknown');
    expect(result.code).toBe(1);
  });

  it('an invalid SPDX-License-Identifier line is a diagnostic naming the file and line, and the package stays unknown', async () => {
    const result = await run(['scan', app, '--format', 'json']);
    const report = JSON.parse(result.stdout) as { components: { name: string; verdict: { outcome: string } }[]; diagnostics: { code: string; location?: { file: string; line?: number } }[] };
    expect(report.components.find((component) => component.name === 'spdx-typo')!.verdict.outcome).toBe('unknown');
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ code: 'licence-identifier-invalid', location: { file: 'node_modules/spdx-typo/LICENSE', line: 1 } }));
  });

  it('a small company is free under the size limit it states', async () => {
    const result = await run(['scan', app, '--format', 'json', '--employees', '5']);
    const report = JSON.parse(result.stdout) as { components: { name: string; verdict: { outcome: string } }[] };
    expect(report.components.find((component) => component.name === 'foo-grid')!.verdict.outcome).toBe('free');
  });
});
