// Copyfarleft, ethical and Creative Commons NonCommercial licences, each row from the licence text.
import type { Case } from './case.js';

const CNPL7 = 'LicenseRef-scancode-cooperative-non-violent-7.0';
const CNPL4 = 'LicenseRef-scancode-cooperative-non-violent-4.0';
const NVPL7 = 'LicenseRef-scancode-non-violent-7.0';
const ACSL = 'LicenseRef-scancode-anti-capitalist-1.4';
const HL3 = 'LicenseRef-scancode-Hippocratic-3.0';
const coop = { entity: 'worker-cooperative', surplusToWorkers: true } as const;

export const cases: Case[] = [
  // CNPL
  { expression: CNPL7, profile: { entity: 'for-profit', uses: ['internal'] }, outcome: 'payback', obligation: 'pay', note: 'CNPL: any use by a privately owned business living off wage labour is not permitted' },
  { expression: CNPL7, profile: { ...coop, uses: ['internal'] }, outcome: 'free', obligation: 'conduct', note: 'CNPL Commercial Restrictions (i)–(ii) met' },
  { expression: CNPL7, profile: { entity: 'worker-cooperative', surplusToWorkers: false, uses: ['internal'] }, outcome: 'payback', obligation: 'pay', note: 'CNPL (ii): surplus kept back' },
  { expression: CNPL7, profile: { ...coop, uses: ['network'] }, outcome: 'share-alike', obligation: 'share-alike', note: 'CNPL: Network Service → source to recipients of the data served' },
  { expression: CNPL7, profile: { ...coop, uses: ['distribute'] }, outcome: 'share-alike', obligation: 'share-alike', note: 'CNPL Restrictions: distribute only under this licence' },
  { expression: CNPL7, profile: { ...coop, uses: ['internal'], fields: ['military'] }, outcome: 'forbidden', note: 'CNPL ethical conditions: no Act of War' },
  { expression: CNPL7, profile: { entity: 'nonprofit', uses: ['internal'], fields: ['prisons'] }, outcome: 'forbidden', note: 'CNPL ethical conditions: no incarceration' },
  { expression: CNPL7, profile: { entity: 'nonprofit', uses: ['internal'] }, outcome: 'free', obligation: 'conduct', note: 'CNPL: non-commercial use is granted' },
  { expression: CNPL4, profile: { entity: 'for-profit', uses: ['internal'] }, outcome: 'payback', obligation: 'pay', note: 'CNPL v4: the same private-business ban' },
  { expression: 'LicenseRef-scancode-cooperative-non-violent-6.0', profile: { ...coop, uses: ['internal'], fields: ['fossil-fuels'] }, outcome: 'forbidden', note: 'CNPL v6: no extracting, processing or refining oil, gas or coal' },
  // NVPL
  { expression: NVPL7, profile: { entity: 'for-profit', uses: ['internal'] }, outcome: 'free', obligation: 'conduct', note: 'NVPL has no commercial restriction' },
  { expression: NVPL7, profile: { entity: 'for-profit', uses: ['network'] }, outcome: 'share-alike', obligation: 'share-alike', note: 'NVPL: network service source' },
  { expression: NVPL7, profile: { entity: 'for-profit', uses: ['internal'], fields: ['surveillance'] }, outcome: 'forbidden', note: 'NVPL: no surveilling individuals for financial gain' },
  { expression: 'LicenseRef-scancode-non-violent-4.0', profile: { entity: 'for-profit', uses: ['distribute'] }, outcome: 'share-alike', obligation: 'share-alike', note: 'NVPL v4: distribute only under this licence' },
  // ACSL
  { expression: ACSL, profile: { entity: 'for-profit', uses: ['internal'] }, outcome: 'payback', obligation: 'pay', note: 'ACSL condition 2: a capitalist firm is not a permitted User' },
  { expression: ACSL, profile: { entity: 'worker-cooperative', equalVote: true, uses: ['distribute'] }, outcome: 'free', obligation: 'notice', note: 'ACSL condition 3: owners are workers with equal vote' },
  { expression: ACSL, profile: { entity: 'worker-cooperative', uses: ['internal'] }, outcome: 'payback', note: 'ACSL condition 3: equal vote not stated, assumed not' },
  { expression: ACSL, profile: { entity: 'nonprofit', uses: ['internal'], fields: ['law-enforcement'] }, outcome: 'forbidden', note: 'ACSL condition 4: not law enforcement or military' },
  { expression: ACSL, profile: { entity: 'individual' }, outcome: 'free', obligation: 'notice', note: 'ACSL condition 2(a): an individual labouring for themselves' },
  { expression: ACSL, profile: { entity: 'public-sector', uses: ['internal'] }, outcome: 'payback', note: 'ACSL condition 2: a government is not listed' },
  // Hippocratic
  { expression: 'Hippocratic-2.1', profile: { entity: 'for-profit' }, outcome: 'free', obligation: 'conduct', note: 'HL 2.1 §2: anyone, within human-rights law' },
  { expression: 'Hippocratic-3.0-core', profile: { entity: 'for-profit', uses: ['internal'] }, outcome: 'free', obligation: 'conduct', note: 'HL3 core: anyone, within §3 standards' },
  { expression: 'Hippocratic-3.0-core', profile: { entity: 'for-profit', uses: ['distribute', 'modify'] }, outcome: 'share-alike', obligation: 'share-alike', note: 'HL3 §5.2: derivatives under this licence' },
  { expression: HL3, profile: { entity: 'for-profit', uses: ['internal'] }, outcome: 'payback', note: 'HL3 with unknown modules: NC assumed, strictly' },
  { expression: HL3, profile: { entity: 'for-profit', uses: ['internal'] }, outcome: 'payback', obligation: 'pay', note: 'HL3 NC module blocks commercial use', parameters: { [HL3]: { modules: ['NC', 'MIL'] } } },
  { expression: HL3, profile: { entity: 'nonprofit', uses: ['internal'] }, outcome: 'free', obligation: 'conduct', note: 'HL3 NC module: non-commercial use is fine', parameters: { [HL3]: { modules: ['NC'] } } },
  { expression: HL3, profile: { entity: 'for-profit', uses: ['internal'], fields: ['military'] }, outcome: 'forbidden', note: 'HL3 MIL module', parameters: { [HL3]: { modules: ['MIL', 'SV'] } } },
  { expression: HL3, profile: { entity: 'for-profit', uses: ['internal'], fields: ['military'] }, outcome: 'free', obligation: 'conduct', note: 'HL3 without MIL: no military ban', parameters: { [HL3]: { modules: ['BDS', 'ECO'] } } },
  { expression: HL3, profile: { entity: 'for-profit', uses: ['distribute'] }, outcome: 'share-alike', obligation: 'share-alike', note: 'HL3 CL module: the whole work', parameters: { [HL3]: { modules: ['CL'] } } },
  // Do No Harm, Anti-996, JSON
  { expression: 'LicenseRef-scancode-do-no-harm-0.1', profile: { entity: 'for-profit' }, outcome: 'free', obligation: 'conduct', note: 'Do No Harm: anyone not excluded' },
  { expression: 'LicenseRef-scancode-do-no-harm-0.1', profile: { entity: 'for-profit', fields: ['gambling'] }, outcome: 'forbidden', note: 'Do No Harm: gambling is a listed harm' },
  { expression: 'LicenseRef-scancode-996-icu-1.0', profile: { entity: 'for-profit' }, outcome: 'free', obligation: 'conduct', note: 'Anti-996: labour law compliance' },
  { expression: 'MIT AND LicenseRef-scancode-996-icu-1.0', profile: {}, outcome: 'free', obligation: 'conduct', note: 'the usual pairing with MIT' },
  { expression: 'JSON', profile: { entity: 'for-profit', uses: ['distribute'] }, outcome: 'free', obligation: 'conduct', note: 'JSON: Good, not Evil' },
  // Creative Commons
  { expression: 'CC-BY-NC-4.0', profile: { entity: 'for-profit' }, outcome: 'payback', obligation: 'pay', note: 'CC BY-NC 4.0 §2(a)(1): NonCommercial purposes only' },
  { expression: 'CC-BY-NC-4.0', profile: { entity: 'nonprofit' }, outcome: 'free', obligation: 'attribution', note: 'CC BY-NC 4.0 §3(a)' },
  { expression: 'CC-BY-NC-SA-4.0', profile: { entity: 'education', uses: ['distribute', 'modify'] }, outcome: 'share-alike', obligation: 'share-alike', note: 'CC BY-NC-SA 4.0 §3(b)' },
  { expression: 'CC-BY-NC-ND-3.0', profile: { entity: 'for-profit' }, outcome: 'payback', note: 'CC BY-NC-ND 3.0 §4(b)' },
  { expression: 'CC-BY-NC-SA-3.0', profile: { entity: 'for-profit', uses: ['internal'] }, outcome: 'payback', obligation: 'pay', note: 'CC BY-NC-SA 3.0 §4(c)' },
  { expression: 'CC-BY-SA-4.0', profile: { entity: 'for-profit', uses: ['distribute', 'modify'] }, outcome: 'share-alike', obligation: 'share-alike', note: 'CC BY-SA 4.0 §3(b)' },
  { expression: 'CC-BY-SA-4.0', profile: { entity: 'for-profit', uses: ['distribute'] }, outcome: 'free', obligation: 'attribution', note: 'CC BY-SA: unmodified sharing only needs attribution' },
  { expression: 'CC-BY-ND-4.0', profile: { entity: 'for-profit' }, outcome: 'free', obligation: 'conduct', note: 'CC BY-ND: commercial use fine, no shared adaptations' },
  { expression: 'CC-BY-NC-4.0 OR MIT', profile: { entity: 'for-profit' }, outcome: 'free', note: 'the user may choose MIT' },
  { expression: 'PPL OR ' + CNPL7, profile: { ...coop, uses: ['internal'] }, outcome: 'free', note: 'both copyfarleft branches are free for a surplus-sharing co-op' },
];
