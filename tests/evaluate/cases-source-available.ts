// Source-available, non-commercial, size-limited and contribute-back licences, each row written from
// the licence text (the clause is in `note`), not from the engine's output: Commons Clause, the
// PolyForm family, Prosperity, Parity, Big Time, BUSL, FSL, Elastic, SSPL, Confluent, Redis SAL
// v1/v2, the Sustainable Use License and Fair Source 0.9.
import type { Case } from './case.js';

const CC_APACHE = 'Apache-2.0 AND LicenseRef-scancode-commons-clause';
const CC_MIT = 'MIT AND LicenseRef-scancode-commons-clause';
const NC = 'PolyForm-Noncommercial-1.0.0';
const SB = 'PolyForm-Small-Business-1.0.0';
const TRIAL = 'LicenseRef-scancode-polyform-free-trial-1.0.0';
const INTERNAL = 'LicenseRef-scancode-polyform-internal-use-1.0.0';
const PERIMETER = 'LicenseRef-scancode-polyform-perimeter-1.0.0';
const SHIELD = 'LicenseRef-scancode-polyform-shield-1.0.0';
const STRICT = 'LicenseRef-scancode-polyform-strict-1.0.0';
const PROSPERITY = 'LicenseRef-scancode-prosperity-3.0';
const PROSPERITY2 = 'LicenseRef-scancode-prosperity-2.0';
const BIGTIME = 'LicenseRef-BigTime-2.0.2';
const BIGTIME1 = 'LicenseRef-BigTime-1.0.0';
const CONFLUENT = 'LicenseRef-scancode-confluent-community-1.0';
const RSAL1 = 'LicenseRef-scancode-redis-source-available-1.0';
const RSAL2 = 'LicenseRef-scancode-rsalv2';
const FAIR = 'LicenseRef-scancode-fair-source-0.9';

export const cases: Case[] = [
  // Commons Clause: no right to "Sell" (provide to third parties, for a fee, a product or service
  // whose value derives entirely or substantially from the software).
  { expression: CC_APACHE, profile: { entity: 'for-profit', uses: ['network'], competes: true }, outcome: 'payback', obligation: 'pay', note: 'Commons Clause ¶2-¶3: selling hosting of the software is "Sell"' },
  { expression: CC_APACHE, profile: { entity: 'for-profit', uses: ['internal'], competes: false }, outcome: 'free', obligation: 'notice', note: 'Commons Clause ¶2: only Selling is excluded; internal commercial use stays under Apache-2.0' },
  { expression: CC_MIT, profile: { entity: 'for-profit', uses: ['distribute'], competes: true }, outcome: 'payback', obligation: 'pay', note: 'Commons Clause ¶3: a product sold to third parties whose value derives from the software' },
  { expression: CC_MIT, profile: { entity: 'for-profit', uses: ['internal'], competes: true }, outcome: 'free', note: 'Commons Clause ¶3: "Sell" means providing to third parties; internal use is never Selling' },
  { expression: CC_MIT, profile: { entity: 'nonprofit', uses: ['network'], competes: true }, outcome: 'payback', obligation: 'pay', note: 'Commons Clause ¶3: "for a fee or other consideration" binds non-profits too' },
  { expression: CC_MIT, profile: {}, outcome: 'payback', obligation: 'pay', note: 'unstated use and competition: assumed Selling' },

  // PolyForm Noncommercial 1.0.0
  { expression: NC, profile: { entity: 'for-profit', uses: ['internal'] }, outcome: 'payback', obligation: 'pay', note: 'Noncommercial Purposes: only noncommercial purposes are permitted, internal business use included' },
  { expression: NC, profile: { entity: 'nonprofit', uses: ['internal', 'distribute'] }, outcome: 'free', obligation: 'notice', note: 'Noncommercial Organizations: charities are permitted regardless of funding; Notices on distribution' },
  { expression: NC, profile: { entity: 'public-sector', uses: ['network'] }, outcome: 'free', note: 'Noncommercial Organizations: government institutions' },
  { expression: NC, profile: { entity: 'individual', uses: ['internal'] }, outcome: 'free', note: 'Personal Uses: personal study, hobby projects' },
  { expression: NC, profile: { entity: 'worker-cooperative', surplusToWorkers: true, uses: ['internal'] }, outcome: 'payback', obligation: 'pay', note: 'a co-operative business is still commercial: no co-op exemption in PolyForm' },
  { expression: NC, profile: {}, outcome: 'payback', note: 'unstated entity: a for-profit' },

  // PolyForm Small Business 1.0.0: < 100 individuals and < US$1,000,000 (2019) revenue.
  { expression: SB, profile: { entity: 'for-profit', employees: 99, revenueUsd: 500_000 }, outcome: 'free', obligation: 'notice', note: 'Small Business: "fewer than 100 total individuals" and under US$1,000,000' },
  { expression: SB, profile: { entity: 'for-profit', employees: 100, revenueUsd: 500_000 }, outcome: 'payback', obligation: 'pay', note: 'Small Business: 100 individuals is not "fewer than 100"' },
  { expression: SB, profile: { entity: 'for-profit', employees: 10, revenueUsd: 1_000_000 }, outcome: 'payback', obligation: 'pay', note: 'Small Business: revenue must be "less than 1,000,000 USD (2019)"' },
  { expression: SB, profile: { entity: 'for-profit', employees: 10 }, outcome: 'payback', note: 'unstated revenue: assumed over the threshold' },
  { expression: SB, profile: { entity: 'nonprofit', employees: 500, revenueUsd: 20_000_000 }, outcome: 'payback', obligation: 'pay', note: 'Small Business has no separate non-profit grant: a large non-profit needs a licence' },
  { expression: SB, profile: { entity: 'individual', employees: 1, revenueUsd: 40_000 }, outcome: 'free', note: 'Small Business: a sole proprietorship is "your company"; one person and small revenue qualify' },

  // PolyForm Free Trial, Internal Use, Perimeter, Shield, Strict
  { expression: TRIAL, profile: { entity: 'for-profit', uses: ['internal'] }, outcome: 'payback', obligation: 'time-limit', note: 'Free Trial: evaluation "for less than 32 consecutive calendar days" only' },
  { expression: TRIAL, profile: { entity: 'nonprofit', uses: ['distribute'] }, outcome: 'payback', obligation: 'pay', note: 'Copyright License: "you may not distribute copies of the software"' },
  { expression: INTERNAL, profile: { entity: 'for-profit', uses: ['internal', 'modify'] }, outcome: 'free', note: 'Internal Business Use: internal business operations are a permitted purpose; changes allowed' },
  { expression: INTERNAL, profile: { entity: 'for-profit', uses: ['distribute'] }, outcome: 'payback', obligation: 'pay', note: 'Copyright License: "you may not distribute the software"' },
  { expression: INTERNAL, profile: { entity: 'nonprofit', uses: ['network'] }, outcome: 'payback', obligation: 'pay', note: 'Internal Business Use: offering it to others is not internal' },
  { expression: PERIMETER, profile: { entity: 'for-profit', uses: ['network'], competes: true }, outcome: 'payback', obligation: 'pay', note: 'Noncompete: "providing to others any product that competes with the software"' },
  { expression: PERIMETER, profile: { entity: 'for-profit', uses: ['network', 'distribute'], competes: false }, outcome: 'free', obligation: 'notice', note: 'Noncompete: any other purpose is permitted' },
  { expression: PERIMETER, profile: { entity: 'for-profit', uses: ['internal'], competes: true }, outcome: 'free', note: 'Noncompete: only providing a competing product "to others" is excluded' },
  { expression: SHIELD, profile: { entity: 'for-profit', uses: ['internal'], competes: true }, outcome: 'payback', obligation: 'pay', note: 'Shield Noncompete: "providing any product that competes", without "to others"' },
  { expression: SHIELD, profile: { entity: 'for-profit', uses: ['distribute'], competes: false }, outcome: 'free', obligation: 'notice', note: 'Shield Noncompete: any non-competing purpose is permitted' },
  { expression: STRICT, profile: { entity: 'nonprofit', uses: ['internal'] }, outcome: 'free', note: 'Strict Noncommercial Organizations: a charity may use it' },
  { expression: STRICT, profile: { entity: 'nonprofit', uses: ['internal', 'distribute'] }, outcome: 'payback', obligation: 'pay', note: 'Strict Copyright License: "other than distributing the software", even for a charity' },
  { expression: STRICT, profile: { entity: 'individual', uses: ['modify'] }, outcome: 'payback', note: 'Strict Copyright License: no "changes or new works based on the software"' },
  { expression: STRICT, profile: { entity: 'for-profit', uses: ['internal'] }, outcome: 'payback', obligation: 'pay', note: 'Strict: only noncommercial purposes' },

  // Prosperity 3.0.0 and 2.0
  { expression: PROSPERITY, profile: { entity: 'for-profit', uses: ['internal'] }, outcome: 'payback', obligation: 'time-limit', note: 'Commercial Trial: a thirty-day trial per company, then a licence' },
  { expression: PROSPERITY, profile: { entity: 'for-profit', uses: ['internal'] }, outcome: 'payback', obligation: 'pay', note: 'Purpose: commercial use after the trial is bought' },
  { expression: PROSPERITY, profile: { entity: 'education', uses: ['internal', 'distribute'] }, outcome: 'free', obligation: 'notice', note: 'Noncommercial Organizations: educational institutions' },
  { expression: PROSPERITY, profile: { entity: 'individual' }, outcome: 'free', note: 'Personal Uses' },
  { expression: PROSPERITY2, profile: { entity: 'for-profit', uses: ['network'] }, outcome: 'payback', obligation: 'time-limit', note: 'Prosperity 2.0 rule 1: commercial use limited to 32 consecutive calendar days' },
  { expression: PROSPERITY2, profile: { entity: 'nonprofit', uses: ['internal'] }, outcome: 'free', note: 'Prosperity 2.0 rule 1 limits only commercial use' },
  { expression: PROSPERITY, profile: { entity: 'worker-cooperative', surplusToWorkers: true, uses: ['internal'] }, outcome: 'payback', obligation: 'pay', note: 'Prosperity Commercial Trial: a co-operative working with it uses it for commercial purposes' },

  // Parity 7.0.0 and 6.0.0: contribute all software developed, operated or analysed with it.
  { expression: 'Parity-7.0.0', profile: { entity: 'for-profit', uses: ['internal'] }, outcome: 'share-alike', obligation: 'contribute', note: 'Parity 7 Copyleft: "Contribute software you develop, operate, or analyze with this software" within thirty days' },
  { expression: 'Parity-7.0.0', profile: { entity: 'nonprofit', uses: ['network'] }, outcome: 'share-alike', obligation: 'share-alike', note: 'Parity 7 Copyleft binds everyone, whatever the entity' },
  { expression: 'Parity-6.0.0', profile: { entity: 'individual', uses: ['internal'] }, outcome: 'share-alike', obligation: 'contribute', note: 'Parity 6 rule 3: "Contribute software you develop, deploy, monitor, or run with this software"' },

  // Big Time 2.0.2 and 1.0.0
  { expression: BIGTIME, profile: { entity: 'for-profit', employees: 500, revenueUsd: 50_000_000 }, outcome: 'payback', obligation: 'pay', note: 'Big Business: a FRAND commercial licence' },
  { expression: BIGTIME, profile: { entity: 'for-profit', employees: 500, revenueUsd: 50_000_000 }, outcome: 'payback', obligation: 'time-limit', note: 'Big Business 1: 128 days after the company stops qualifying' },
  { expression: BIGTIME, profile: { entity: 'for-profit', employees: 5, revenueUsd: 100_000 }, outcome: 'payback', obligation: 'pay', note: 'Small Business 3: investment under US$1M over five years cannot be stated, so assumed exceeded' },
  { expression: BIGTIME, profile: { entity: 'nonprofit' }, outcome: 'free', obligation: 'notice', note: 'Noncommercial Organizations' },
  { expression: BIGTIME1, profile: { entity: 'individual', uses: ['internal'] }, outcome: 'free', note: 'Big Time 1.0.0 Personal Uses' },
  { expression: 'LicenseRef-WalletConnect-Community-2025', profile: { entity: 'for-profit', uses: ['distribute'] }, outcome: 'payback', obligation: 'pay', note: 'WalletConnect community licence §3: over 500 MAUs or 2,500,000 RPCs a month, a paid commercial licence (usage assumed over)' },
  { expression: 'LicenseRef-Reown-Community-2025', profile: { entity: 'nonprofit', uses: ['internal'] }, outcome: 'payback', obligation: 'conduct', note: 'Reown community licence §3 applies to any licensee; §2(b): every use connects to the Reown network' },
  { expression: BIGTIME1, profile: { entity: 'for-profit', employees: 50, revenueUsd: 10_000_000 }, outcome: 'payback', obligation: 'pay', note: 'Big Time 1.0.0 Small Business: revenue "less than 1,000,000 USD (2019)" fails' },

  // SONAR Source-Available License v1.0 (eslint-plugin-sonarjs 3 and later): a Non-competitive Purpose
  // only, which excludes outside AI reading its data or engaging with it; no profile fact says that.
  { expression: 'LicenseRef-SonarSource-SAL-1.0', profile: { entity: 'for-profit', uses: ['internal'], competes: false }, outcome: 'unknown', note: 'SSAL §1 "Non-competitive Purpose" (c): artificial intelligence not part of the Program must not ingest or interact with its data' },
  { expression: 'LicenseRef-SonarSource-SAL-1.0', profile: { entity: 'nonprofit', uses: ['distribute'], competes: true }, outcome: 'unknown', note: 'SSAL §1 (a), (b): a product like SonarQube, or one competing with it, gets no grant; the text offers no licence to buy' },

  // ApexCharts (apexcharts 7): Community License under US$2M, a Commercial License above, an OEM
  // License for a product used by other people whatever the size.
  { expression: 'LicenseRef-ApexCharts-2026', profile: { entity: 'for-profit', uses: ['internal'], revenueUsd: 1_000_000, competes: false }, outcome: 'free', obligation: 'attribution', note: 'ApexCharts Community License: under US$2M in annual revenue' },
  { expression: 'LicenseRef-ApexCharts-2026', profile: { entity: 'for-profit', uses: ['internal'], revenueUsd: 5_000_000, competes: false }, outcome: 'payback', obligation: 'pay', note: 'ApexCharts Commercial License: US$2M or more' },
  { expression: 'LicenseRef-ApexCharts-2026', profile: { entity: 'for-profit', uses: ['internal'], competes: false }, outcome: 'payback', obligation: 'pay', note: 'ApexCharts: revenue unstated, assumed US$2M or more' },
  { expression: 'LicenseRef-ApexCharts-2026', profile: { entity: 'nonprofit', uses: ['network'], revenueUsd: 100_000, competes: false }, outcome: 'payback', obligation: 'pay', note: 'ApexCharts OEM License: a platform used by other people, whatever the size' },
  { expression: 'LicenseRef-ApexCharts-2026', profile: { entity: 'for-profit', uses: ['internal'], revenueUsd: 100_000, competes: true }, outcome: 'payback', obligation: 'pay', note: 'ApexCharts: a competing charting product is allowed by neither published licence' },

  // Syncfusion (Essential JS 2 on npm): the Community License Program under US$1M with fewer than
  // five developers, under terms in a PDF the package does not ship; a paid licence above it.
  { expression: 'LicenseRef-Syncfusion-Essential-Studio', profile: { entity: 'for-profit', uses: ['internal'], revenueUsd: 5_000_000 }, outcome: 'payback', obligation: 'pay', note: 'Syncfusion: US$1M or more needs a commercial licence' },
  { expression: 'LicenseRef-Syncfusion-Essential-Studio', profile: { entity: 'for-profit', uses: ['internal'], revenueUsd: 300_000, employees: 3 }, outcome: 'unknown', note: 'Syncfusion Community License Program: its terms are in a PDF the package does not ship' },
  { expression: 'LicenseRef-Syncfusion-Essential-Studio', profile: { entity: 'nonprofit', uses: ['distribute'] }, outcome: 'unknown', note: 'Syncfusion: revenue unstated, so either a commercial licence or the Community License Program' },

  // BUSL-1.1: non-production use only until the Change Date, then the Change License.
  { expression: 'BUSL-1.1', profile: { entity: 'for-profit', uses: ['network'], date: '2025-01-01' }, outcome: 'payback', obligation: 'pay', note: 'BUSL ¶1 and ¶3: production use before the Change Date needs a commercial licence', parameters: { 'BUSL-1.1': { changeDate: '2027-01-01', changeLicense: 'Apache-2.0' } } },
  { expression: 'BUSL-1.1', profile: { entity: 'for-profit', uses: ['network'], date: '2025-01-01' }, outcome: 'payback', obligation: 'time-limit', note: 'BUSL ¶2: the Change Date is recorded', parameters: { 'BUSL-1.1': { changeDate: '2027-01-01', changeLicense: 'Apache-2.0' } } },
  { expression: 'BUSL-1.1', profile: { entity: 'for-profit', uses: ['network'], date: '2027-01-01' }, outcome: 'free', note: 'BUSL ¶2: on the Change Date the Change License (Apache-2.0) applies', parameters: { 'BUSL-1.1': { changeDate: '2027-01-01', changeLicense: 'Apache-2.0' } } },
  { expression: 'BUSL-1.1', profile: { entity: 'for-profit', uses: ['distribute'], date: '2029-06-01' }, outcome: 'share-alike', note: 'BUSL ¶2: after the Change Date the default Change License GPL-2.0-or-later governs distribution', parameters: { 'BUSL-1.1': { changeDate: '2028-09-01' } } },
  { expression: 'BUSL-1.1', profile: { entity: 'for-profit', uses: ['internal'], date: '2030-01-01' }, outcome: 'payback', obligation: 'pay', note: 'BUSL: an unknown Change Date is assumed not yet reached' },
  { expression: 'BUSL-1.1', profile: { entity: 'for-profit', uses: ['internal'] }, outcome: 'payback', note: 'BUSL: an unstated evaluation date is assumed before the Change Date', parameters: { 'BUSL-1.1': { changeDate: '2020-01-01' } } },
  { expression: 'BUSL-1.1', profile: { entity: 'for-profit', uses: ['internal'] }, outcome: 'payback', obligation: 'pay', note: 'BUSL: neither the evaluation date nor the Change Date is known, so the Change Date is assumed not yet reached' },
  { expression: 'BUSL-1.1', profile: { entity: 'for-profit', uses: ['modify'], date: '2025-01-01' }, outcome: 'free', obligation: 'notice', note: 'BUSL ¶1: copying and modifying are granted; non-production use is free', parameters: { 'BUSL-1.1': { changeDate: '2027-01-01' } } },

  // FSL-1.1: any purpose but a Competing Use; each version becomes MIT / Apache-2.0 two years on.
  { expression: 'FSL-1.1-MIT', profile: { entity: 'for-profit', uses: ['network'], competes: true, date: '2025-03-01' }, outcome: 'payback', obligation: 'pay', note: 'FSL Permitted Purpose: a commercial service substituting for the software is a Competing Use', parameters: { 'FSL-1.1-MIT': { releaseDate: '2024-01-15', changeDate: '2026-01-15' } } },
  { expression: 'FSL-1.1-MIT', profile: { entity: 'for-profit', uses: ['network'], competes: true, date: '2026-01-15' }, outcome: 'free', note: 'FSL Grant of Future License: MIT from the second anniversary', parameters: { 'FSL-1.1-MIT': { releaseDate: '2024-01-15', changeDate: '2026-01-15' } } },
  { expression: 'FSL-1.1-MIT', profile: { entity: 'for-profit', uses: ['network'], competes: true }, outcome: 'payback', obligation: 'pay', note: 'FSL: neither the date nor the release date is known, so the Future License is assumed not yet effective' },
  { expression: 'FSL-1.1-ALv2', profile: { entity: 'for-profit', uses: ['internal'], competes: true, date: '2025-03-01' }, outcome: 'free', obligation: 'notice', note: 'FSL Permitted Purpose: "for your internal use and access"', parameters: { 'FSL-1.1-ALv2': { changeDate: '2026-01-15' } } },
  { expression: 'FSL-1.1-ALv2', profile: { entity: 'for-profit', uses: ['distribute'], competes: true, date: '2030-01-01' }, outcome: 'payback', obligation: 'time-limit', note: 'FSL: the release date is unknown, so the Future License is assumed not yet effective' },
  { expression: 'FSL-1.1-ALv2', profile: { entity: 'for-profit', uses: ['network'], competes: false, date: '2025-03-01' }, outcome: 'free', obligation: 'notice', note: 'FSL Permitted Purpose: a non-competing service is permitted', parameters: { 'FSL-1.1-ALv2': { changeDate: '2026-01-15' } } },

  // Elastic License 2.0
  { expression: 'Elastic-2.0', profile: { entity: 'for-profit', uses: ['network'], competes: true }, outcome: 'payback', obligation: 'pay', note: 'ELv2 Limitations: no hosted or managed service giving access to a substantial set of the features' },
  { expression: 'Elastic-2.0', profile: { entity: 'for-profit', uses: ['internal', 'modify'] }, outcome: 'free', obligation: 'state-changes', note: 'ELv2 Copyright License and Notices: internal use free; mark modified copies' },
  { expression: 'Elastic-2.0', profile: { entity: 'for-profit', uses: ['network'], competes: false }, outcome: 'free', note: 'ELv2: a service built on it that does not host its features is not limited' },
  { expression: 'Elastic-2.0', profile: { entity: 'for-profit', uses: ['internal'], competes: true }, outcome: 'free', note: 'ELv2: the limitation is on providing it to third parties' },
  { expression: 'Elastic-2.0', profile: {}, outcome: 'payback', obligation: 'pay', note: 'ELv2: unstated use and competition are assumed a hosted service' },

  // SSPL-1.0
  { expression: 'SSPL-1.0', profile: { entity: 'for-profit', uses: ['network'], competes: true }, outcome: 'share-alike', obligation: 'share-alike', note: 'SSPL §13: offering the Program as a service → release the Service Source Code (service stack)' },
  { expression: 'SSPL-1.0', profile: { entity: 'for-profit', uses: ['internal', 'modify'] }, outcome: 'free', note: 'SSPL §2: "you may make, run and propagate covered works that you do not convey, without conditions"' },
  { expression: 'SSPL-1.0', profile: { entity: 'for-profit', uses: ['distribute'] }, outcome: 'share-alike', obligation: 'source-offer', note: 'SSPL §5(c), §6: conveying as under GPL-3.0' },

  // Confluent Community, Redis SAL v1 and v2
  { expression: CONFLUENT, profile: { entity: 'for-profit', uses: ['network'], competes: true }, outcome: 'payback', obligation: 'pay', note: 'Confluent §1.1: the Excluded Purpose, a competing SaaS' },
  { expression: CONFLUENT, profile: { entity: 'for-profit', uses: ['distribute', 'internal'], competes: false }, outcome: 'free', obligation: 'state-changes', note: 'Confluent §1.1-§1.2: use and distribution, with notices' },
  { expression: RSAL1, profile: { entity: 'for-profit', uses: ['internal'], competes: true }, outcome: 'payback', obligation: 'pay', note: 'Redis SAL §1.1: only as part of Your Application, which is not a Database Product, internal use included' },
  { expression: RSAL1, profile: { entity: 'for-profit', uses: ['distribute'], competes: false }, outcome: 'free', obligation: 'notice', note: 'Redis SAL §1.1(a): distribution as part of Your Application, with the notice' },
  { expression: RSAL2, profile: { entity: 'for-profit', uses: ['network'], competes: true }, outcome: 'payback', obligation: 'pay', note: 'RSALv2 Limitations: functionality available to third parties as a service' },
  { expression: RSAL2, profile: { entity: 'for-profit', uses: ['internal'], competes: true }, outcome: 'free', note: 'RSALv2 Limitations concern third parties only' },
  { expression: `${RSAL2} OR SSPL-1.0`, profile: { entity: 'for-profit', uses: ['internal'] }, outcome: 'free', note: 'Redis 7.4: either branch is free for internal use' },
  { expression: `${RSAL2} OR SSPL-1.0`, profile: { entity: 'for-profit', uses: ['network'], competes: true }, outcome: 'share-alike', obligation: 'share-alike', note: 'Redis 7.4 as a service: SSPL §13 (release the stack) is better than RSALv2 (buy a licence)' },

  // Sustainable Use License 1.0
  { expression: 'SUL-1.0', profile: { entity: 'for-profit', uses: ['internal', 'modify'] }, outcome: 'free', obligation: 'notice', note: 'SUL Limitations: "only for your own internal business purposes"' },
  { expression: 'SUL-1.0', profile: { entity: 'for-profit', uses: ['network'] }, outcome: 'payback', obligation: 'pay', note: 'SUL Limitations: provide it to others "only if you do so free of charge for non-commercial purposes"' },
  { expression: 'SUL-1.0', profile: { entity: 'nonprofit', uses: ['distribute'] }, outcome: 'free', obligation: 'conduct', note: 'SUL Limitations: non-commercial distribution free of charge' },
  { expression: 'SUL-1.0', profile: { entity: 'worker-cooperative', uses: ['distribute'] }, outcome: 'payback', obligation: 'pay', note: 'SUL Limitations: a business distributing it is not distributing for non-commercial purposes' },

  // Fair Source License 0.9
  { expression: FAIR, profile: { entity: 'for-profit', users: 4 }, outcome: 'free', obligation: 'notice', note: 'Fair Source Use Limitation: up to the stated number of users', parameters: { [FAIR]: { userLimit: 5 } } },
  { expression: FAIR, profile: { entity: 'for-profit', users: 10 }, outcome: 'payback', obligation: 'pay', note: 'Fair Source Use Limitation: "then-current list price" above the limit', parameters: { [FAIR]: { userLimit: 5 } } },
  { expression: FAIR, profile: { entity: 'for-profit', users: 1 }, outcome: 'payback', note: 'Fair Source: an unknown Use Limitation is assumed the strict way' },
  { expression: FAIR, profile: { entity: 'for-profit' }, outcome: 'payback', note: 'Fair Source: unstated user count is assumed over the limit', parameters: { [FAIR]: { userLimit: 25 } } },
];
