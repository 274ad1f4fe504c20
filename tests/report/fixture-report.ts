// A hand-made Report for the format tests, so their golden files change only when a reporter
// does, never with the scanner or the knowledge base. One component per outcome, an excepted one,
// one without a location, text that needs escaping, and diagnostics of each severity.
import { buildReport } from '../../src/report/build.js';
import type { ComponentResult, Diagnostic, Obligation, Outcome, Reason, Report } from '../../src/types.js';

const notice: Obligation = { kind: 'notice', section: '§1', licence: 'MIT', summary: 'keep the copyright notice' };

function component(name: string, version: string, expression: string | null, outcome: Outcome, extra: Partial<ComponentResult> & { because?: Reason[]; obligations?: Obligation[]; notes?: string[] } = {}): ComponentResult {
  const { because, obligations, notes, ...rest } = extra;
  return {
    ecosystem: 'npm',
    name,
    version,
    purl: `pkg:npm/${name.replace('@', '%40')}@${version}`,
    scope: 'prod',
    paths: [['shop', name]],
    directory: `node_modules/${name}`,
    location: { file: 'package-lock.json', line: 12 },
    evidence: expression ? [{ kind: 'declared', value: expression, expression, location: { file: `node_modules/${name}/package.json`, line: 5 } }] : [],
    licenceFiles: [],
    funding: [],
    expression,
    verdict: {
      expression: expression ?? '',
      outcome,
      obligations: obligations ?? [],
      because: because ?? [],
      assumed: [],
      chosen: [],
      notes: notes ?? [],
    },
    ...rest,
  };
}

const components: ComponentResult[] = [
  component('left-pad', '1.3.0', 'MIT', 'free', {
    location: { file: 'package.json', line: 8 },
    obligations: [notice],
    because: [{ licence: 'MIT', outcome: 'free', section: '§1', because: 'permission is granted to any person' }],
  }),
  component('agpl-db', '2.0.1', 'AGPL-3.0-only', 'share-alike', {
    location: { file: 'package-lock.json', line: 31 },
    obligations: [{ kind: 'share-alike', scope: 'work', trigger: 'network', section: '§13', licence: 'AGPL-3.0-only', summary: 'offer the source to users who interact with it over a network' }],
    because: [{ licence: 'AGPL-3.0-only', outcome: 'share-alike', section: '§13', because: 'you offer it to users over a network & modified it' }],
  }),
  component('coop-widget', '1.4.0', 'PPL', 'payback', {
    location: { file: 'package-lock.json', line: 44 },
    paths: [['shop', 'ui-kit', 'coop-widget']],
    funding: ['https://opencollective.com/coop-widget'],
    obligations: [{ kind: 'pay', route: { url: 'https://coop-widget.example/licence', price: '€500 / year' }, section: '§4(c)', licence: 'PPL', summary: 'a commercial licence from the licensor' }],
    because: [{ licence: 'PPL', outcome: 'payback', section: '§4(c)', because: 'commercial use is reserved to worker-owned businesses | cooperatives' }],
  }),
  component('@ethics/no-harm', '0.1.0', 'LicenseRef-scancode-do-no-harm-0.1', 'forbidden', {
    location: { file: 'package-lock.json', line: 58 },
    obligations: [{ kind: 'conduct', clauses: ['no fossil fuels', 'no <surveillance>'], section: '§5', licence: 'LicenseRef-scancode-do-no-harm-0.1' }],
    because: [{ licence: 'LicenseRef-scancode-do-no-harm-0.1', outcome: 'forbidden', section: '§5(5)', because: 'you work in fossil-fuels & the licence bans "<fossil fuel>" work' }],
  }),
  component('mystery', '0.0.1', null, 'unknown', {
    location: undefined,
    scope: 'dev',
    because: [{ licence: 'none', outcome: 'unknown', section: '—', because: 'no licence declared and no licence file' }],
  }),
  component('paid-lib', '3.2.1', 'BUSL-1.1', 'free', {
    location: { file: 'package-lock.json', line: 70 },
    because: [
      { licence: 'BUSL-1.1', outcome: 'payback', section: 'Additional Use Grant', because: 'production use needs a commercial licence' },
      { licence: 'BUSL-1.1', outcome: 'free', section: 'copyfair.yaml:9', because: 'exception: licence bought, contract 2026-17' },
    ],
    notes: ["excepted by the project's config (copyfair.yaml:9): it was payback; licence bought, contract 2026-17 (until 2027-06-30)"],
  }),
];

const diagnostics: Diagnostic[] = [
  { code: 'licence-mismatch', severity: 'warning', message: 'left-pad 1.3.0: package.json says MIT, LICENSE reads as ISC; the stricter claim wins', location: { file: 'node_modules/left-pad/package.json', line: 5 }, component: 'left-pad@1.3.0', hint: 'Check the licence file.' },
  { code: 'config-exception-expired', severity: 'error', message: 'the exception for old-thing@* expired on 2026-01-31 (trial)', location: { file: 'copyfair.yaml', line: 14, column: 5 }, hint: 'Decide again.' },
  { code: 'npm-extraneous', severity: 'info', message: 'node_modules/stray is installed but nothing depends on it', location: { file: 'node_modules/stray' } },
];

/** The fixture Report, built with the report module's own builder (sorting, counts, headline). */
export function fixtureReport(): Report {
  return buildReport({
    toolVersion: '0.0.0-test',
    knowledgeBase: 'test',
    profile: { entity: 'for-profit', uses: ['internal', 'network'], fields: ['fossil-fuels'], date: '2026-06-01' },
    project: { name: 'shop', version: '1.0.0', sources: [{ kind: 'lockfile', file: 'package-lock.json' }, { kind: 'manifest', file: 'package.json' }] },
    // Fresh copies each call: a test may change what it was given (test files share modules).
    components: structuredClone(components),
    diagnostics: structuredClone(diagnostics),
  });
}
