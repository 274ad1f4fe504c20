// The commented starter config that `copyfair init` writes: the profile stated once, and the
// sections a team fills in as it decides.
import type { Outcome, Profile } from '../types.js';
import { KNOWN_FIELDS, USES } from '../types.js';
import { DEFAULT_FAIL_ON } from '../report/answer.js';


/** Where editors find the schema once copyfair is installed in the project. */
const SCHEMA = './node_modules/copyfair/schemas/config.schema.json';

/** The starter copyfair.yaml for a profile (and the outcomes to fail on, when given). */
export function starterConfig(profile: Profile, options: { failOn?: Outcome[] } = {}): string {
  const line = (key: string, value: unknown, note: string) =>
    value === undefined ? `  # ${key}: ${note}` : `  ${key}: ${Array.isArray(value) ? `[${value.join(', ')}]` : String(value)}`;
  return [
    `# yaml-language-server: $schema=${SCHEMA}`,
    '# copyfair policy: who we are, how we use our dependencies, and what we decided.',
    '# Every key is optional; docs/config.md explains each. Facts left out are assumed the strict way.',
    '',
    'profile:',
    line('entity', profile.entity ?? 'for-profit', ''),
    line('uses', profile.uses ?? [...USES], ''),
    line('surplus-to-workers', profile.surplusToWorkers, 'true if all surplus goes to the worker-owners (PPL, CNPL)'),
    line('equal-vote', profile.equalVote, 'true if every owner is a worker with an equal vote (ACSL)'),
    line('employees', profile.employees, '40  (individuals working for you, affiliates included)'),
    line('revenue-usd', profile.revenueUsd, '2000000  (last tax year)'),
    line('users', profile.users, '25  (people in your organisation using a dependency: Fair Source)'),
    line('competes', profile.competes, 'false  (does the product compete with, host or sell a dependency)'),
    line('fields', profile.fields, `[]  (any of: ${KNOWN_FIELDS.join(', ')})`),
    '',
    '# How dev dependencies are used (build and test tools are usually only used internally).',
    'dev-uses: [internal]',
    '',
    '# Outcomes that fail the run (exit code 1).',
    `fail-on: [${(options.failOn ?? DEFAULT_FAIL_ON).join(', ')}]`,
    '',
    '# Packages you settled, with the reason and, best, an expiry date.',
    'exceptions: []',
    '#  - package: coop-widget',
    '#    version: ^1.4.0',
    '#    reason: licence bought from the Coop Widget collective, contract 2026-17',
    '#    expires: 2027-06-30',
    '',
    '# Wrong or missing metadata, corrected after reading the licence file, pinned to its SHA-256',
    '# (shown in `copyfair scan --format json`): a changed file re-opens the question.',
    'clarifications: []',
    '#  - package: some-package',
    '#    version: 1.2.0',
    '#    expression: MIT',
    '#    file: LICENSE',
    '#    sha256: <64 hex digits>',
    '',
    '# Licence-level decisions, e.g. a licence your legal team accepted for your use.',
    'overrides: []',
    '#  - licence: LGPL-3.0-only',
    '#    outcome: free',
    '#    reason: we never distribute; checked by legal 2026-03',
    '',
    '# Your own LicenseRef-… licences, in the knowledge-base schema (licences/README.md).',
    'licences: []',
    '',
    '# What not to scan: your own private packages, listed names, whole workspaces.',
    'ignore:',
    '  private: true',
    '  packages: []',
    '  workspaces: []',
    '',
  ].join('\n');
}
