// Near twins are told apart (issue 4, item 3): each member of a family, verbatim and as real
// files differ from it, is identified as itself and never as a sibling.
import { describe, expect, it } from 'vitest';
import { identifyText } from '../../src/identify/index.js';
import { textOf, withoutLines } from './scenarios.js';
import { fillNames, markdown, rewrap, withHeader } from './variants.js';

const FAMILIES: Record<string, string[]> = {
  copyfarleft: [
    'PPL',
    'LicenseRef-CoopCycle',
    'LicenseRef-scancode-cooperative-non-violent-4.0',
    'LicenseRef-scancode-cooperative-non-violent-6.0',
    'LicenseRef-scancode-cooperative-non-violent-7.0',
    'LicenseRef-scancode-non-violent-4.0',
    'LicenseRef-scancode-non-violent-7.0',
  ],
  polyform: [
    'PolyForm-Noncommercial-1.0.0',
    'PolyForm-Small-Business-1.0.0',
    'LicenseRef-scancode-polyform-free-trial-1.0.0',
    'LicenseRef-scancode-polyform-internal-use-1.0.0',
    'LicenseRef-scancode-polyform-perimeter-1.0.0',
    'LicenseRef-scancode-polyform-shield-1.0.0',
    'LicenseRef-scancode-polyform-strict-1.0.0',
  ],
  'licence zero': [
    'LicenseRef-scancode-prosperity-2.0',
    'LicenseRef-scancode-prosperity-3.0',
    'Parity-6.0.0',
    'Parity-7.0.0',
    'LicenseRef-BigTime-1.0.0',
    'LicenseRef-BigTime-2.0.2',
  ],
  permissive: ['ISC', '0BSD', 'MIT', 'MIT-0', 'BSD-2-Clause', 'BSD-3-Clause'],
  'source-available': ['Elastic-2.0', 'LicenseRef-scancode-rsalv2', 'FSL-1.1-MIT', 'FSL-1.1-ALv2', 'BUSL-1.1', 'SSPL-1.0'],
  // One text with WalletKit or AppKit, WALLETCONNECT or REOWN, and its release date.
  reown: ['LicenseRef-WalletConnect-Community-2025', 'LicenseRef-Reown-Community-2025'],
  gnu: ['GPL-2.0-only', 'GPL-3.0-only', 'LGPL-2.1-only', 'LGPL-3.0-only', 'AGPL-3.0-only'],
  ethical: ['Hippocratic-2.1', 'Hippocratic-3.0-core', 'LicenseRef-scancode-do-no-harm-0.1', 'LicenseRef-scancode-anti-capitalist-1.4'],
};

const VARIANTS: Record<string, (text: string) => string> = {
  verbatim: (text) => text,
  rewrapped: (text) => rewrap(text, 72),
  markdown,
  'with a header and names': (text) => withHeader(fillNames(text)),
};

describe.each(Object.entries(FAMILIES))('%s family', (_family, ids) => {
  describe.each(ids)('%s', (id) => {
    it.each(Object.keys(VARIANTS))('%s', (variant) => {
      const result = identifyText(VARIANTS[variant]!(textOf(id)));
      expect(result.expression).toBe(id);
      expect(result.matches.map((match) => match.id)).toEqual([id]);
    });
  });
});

describe('the CoopCycle copies', () => {
  it('the old CoopCycle LICENSE (PPL body, "Copyright (c) 2016 CoopCycle", no title) is PPL', () => {
    const body = textOf('PPL').slice(textOf('PPL').indexOf('Created by John Magyar'));
    const result = identifyText(`Copyright (c) 2016 CoopCycle\n\n${body}`);
    expect(result.expression).toBe('PPL');
  });

  it('the CoopCycle License itself is not PPL', () => {
    expect(identifyText(textOf('LicenseRef-CoopCycle')).expression).toBe('LicenseRef-CoopCycle');
  });
});

describe('CNPL and NVPL differ by the worker-owned clause', () => {
  it('NVPL v7 calls itself "Cooperative" but has no worker-owned clause', () => {
    const nvpl = textOf('LicenseRef-scancode-non-violent-7.0');
    expect(nvpl).toMatch(/COOPERATIVE NON-VIOLENT/);
    expect(identifyText(nvpl).expression).toBe('LicenseRef-scancode-non-violent-7.0');
  });

  it('a CNPL v4 without its title is still CNPL', () => {
    expect(identifyText(withoutLines(textOf('LicenseRef-scancode-cooperative-non-violent-4.0'), 2)).expression).toBe(
      'LicenseRef-scancode-cooperative-non-violent-4.0',
    );
  });
});
