// Copyfarleft, ethical and Creative Commons NonCommercial licences: CoopCycle, CNPL v4/v6/v7, NVPL
// v4/v7, ACSL 1.4, Hippocratic 2.1 / 3.0 core / 3.0 with modules, Do No Harm 0.1, Anti-996, JSON and
// CC BY-NC(-SA/-ND) 3.0/4.0 and BY-SA 4.0. Each row is written from the licence text (the clause is
// in `note`), not from the engine's output.
import type { Case } from './case.js';

const COOPCYCLE = 'LicenseRef-CoopCycle';
const CNPL4 = 'LicenseRef-scancode-cooperative-non-violent-4.0';
const CNPL6 = 'LicenseRef-scancode-cooperative-non-violent-6.0';
const CNPL7 = 'LicenseRef-scancode-cooperative-non-violent-7.0';
const NVPL4 = 'LicenseRef-scancode-non-violent-4.0';
const NVPL7 = 'LicenseRef-scancode-non-violent-7.0';
const ACSL = 'LicenseRef-scancode-anti-capitalist-1.4';
const HL3 = 'LicenseRef-scancode-Hippocratic-3.0';
const DNH = 'LicenseRef-scancode-do-no-harm-0.1';
const ANTI996 = 'LicenseRef-scancode-996-icu-1.0';
const coop = { entity: 'worker-cooperative', surplusToWorkers: true } as const;

export const cases: Case[] = [
  // CoopCycle License
  { expression: COOPCYCLE, profile: { entity: 'for-profit', uses: ['internal'] }, outcome: 'payback', obligation: 'pay', note: 'CoopCycle §3: "any use of the software by an entity which purpose is to make profits" is commercial, and commercial use is reserved' },
  { expression: COOPCYCLE, profile: {}, outcome: 'payback', obligation: 'pay', note: 'CoopCycle §3: an unstated entity is a for-profit' },
  { expression: COOPCYCLE, profile: { entity: 'worker-cooperative', uses: ['internal'] }, outcome: 'free', obligation: 'notice', note: 'CoopCycle §3 1°–2°: an SSE co-operative whose workers are employees; surplus distribution is not a condition' },
  { expression: COOPCYCLE, profile: { entity: 'worker-cooperative', surplusToWorkers: false, uses: ['distribute', 'modify'] }, outcome: 'share-alike', obligation: 'share-alike', note: 'CoopCycle §7(c): "license the entire work, as a whole, under this License"' },
  { expression: COOPCYCLE, profile: { entity: 'worker-cooperative', uses: ['distribute'] }, outcome: 'share-alike', obligation: 'source-offer', note: 'CoopCycle §8: object code is conveyed with its Corresponding Source' },
  { expression: COOPCYCLE, profile: { entity: 'nonprofit', uses: ['network'] }, outcome: 'share-alike', obligation: 'share-alike', note: 'CoopCycle preamble: "online interaction … must be done accordingly to the License\'s conditions" (stricter reading)' },
  { expression: COOPCYCLE, profile: { entity: 'individual', uses: ['internal', 'modify'] }, outcome: 'free', obligation: 'state-changes', note: 'CoopCycle §4: "You may make, run and propagate covered works that you do not convey, without conditions"' },

  // Cooperative Non-Violent Public License
  { expression: CNPL7, profile: { entity: 'for-profit', uses: ['internal'] }, outcome: 'payback', obligation: 'pay', note: 'CNPL v7 Commercial Restrictions: "Any use by a business that is privately owned and managed … is not permitted"' },
  { expression: CNPL7, profile: { ...coop, uses: ['internal'] }, outcome: 'free', obligation: 'conduct', note: 'CNPL v7 Commercial Restrictions (i)–(ii) met; the ethical conditions still bind' },
  { expression: CNPL7, profile: { entity: 'worker-cooperative', surplusToWorkers: false, uses: ['internal'] }, outcome: 'payback', obligation: 'pay', note: 'CNPL v7 Commercial Restrictions (ii): after tax, all surplus to the worker-owners' },
  { expression: CNPL7, profile: { entity: 'worker-cooperative', uses: ['internal'] }, outcome: 'payback', obligation: 'pay', note: 'CNPL v7 (ii): surplus distribution unstated, assumed kept back' },
  { expression: CNPL7, profile: { ...coop, uses: ['network'] }, outcome: 'share-alike', obligation: 'share-alike', note: 'CNPL v7 Network Service: source to "any recipients of the data served or modified"' },
  { expression: CNPL7, profile: { ...coop, uses: ['distribute'] }, outcome: 'share-alike', obligation: 'source-offer', note: 'CNPL v7 Restrictions ¶1 and Software: only under this licence, source on request' },
  { expression: CNPL7, profile: { ...coop, uses: ['internal'], fields: ['military'] }, outcome: 'forbidden', note: 'CNPL v7 (iii)–(iv): no use in, supporting or profiting from an Act of War' },
  { expression: CNPL7, profile: { entity: 'nonprofit', uses: ['internal'], fields: ['prisons'] }, outcome: 'forbidden', note: 'CNPL v7 (v): no use for the purpose of Incarceration' },
  { expression: CNPL7, profile: { entity: 'nonprofit', uses: ['internal'] }, outcome: 'free', obligation: 'attribution', note: 'CNPL v7: non-commercial use is granted; attribution (i)–(iv)' },
  { expression: CNPL7, profile: { entity: 'for-profit', uses: ['internal'], fields: ['weapons'] }, outcome: 'forbidden', note: 'CNPL v7 Act of War includes "profiting from the manufacture of tools or weaponry used in military conflict"; the ban comes before the payback rule' },
  { expression: CNPL4, profile: { entity: 'for-profit', uses: ['internal'] }, outcome: 'payback', obligation: 'pay', note: 'CNPL v4 §4(f): the private-business ban' },
  { expression: CNPL4, profile: { ...coop, uses: ['network'] }, outcome: 'share-alike', obligation: 'share-alike', note: 'CNPL v4 §4(d): source to recipients of data served by a Web Service' },
  { expression: CNPL4, profile: { ...coop, uses: ['internal'], fields: ['surveillance'] }, outcome: 'forbidden', note: 'CNPL v4 §4(g)(ii): no Surveilling or tracking individuals for financial gain' },
  { expression: CNPL6, profile: { ...coop, uses: ['internal'], fields: ['fossil-fuels'] }, outcome: 'forbidden', note: 'CNPL v6 §4(g)(vi): no extracting, processing or refining oil, gas or coal' },
  { expression: CNPL6, profile: { entity: 'education', uses: ['distribute'] }, outcome: 'share-alike', obligation: 'share-alike', note: 'CNPL v6 §4(a): distribute the Work only under this licence' },

  // Non-Violent Public License
  { expression: NVPL7, profile: { entity: 'for-profit', uses: ['internal'] }, outcome: 'free', obligation: 'conduct', note: 'NVPL v7: no commercial restriction; the ethical conditions bind' },
  { expression: NVPL7, profile: { entity: 'for-profit', uses: ['network'] }, outcome: 'share-alike', obligation: 'share-alike', note: 'NVPL v7 Network Service: source to recipients of served data' },
  { expression: NVPL7, profile: { entity: 'for-profit', uses: ['internal'], fields: ['surveillance'] }, outcome: 'forbidden', note: 'NVPL v7 (ii): no Surveilling or tracking individuals for financial gain' },
  { expression: NVPL4, profile: { entity: 'for-profit', uses: ['distribute'] }, outcome: 'share-alike', obligation: 'source-offer', note: 'NVPL v4 §4(a)–(b): only under this licence, source on request' },
  { expression: NVPL4, profile: { entity: 'public-sector', uses: ['internal'], fields: ['law-enforcement'] }, outcome: 'forbidden', note: 'NVPL v4 §4(d)(v): Incarceration, read to reach law enforcement (stricter reading)' },

  // Anti-Capitalist Software License
  { expression: ACSL, profile: { entity: 'for-profit', uses: ['internal'] }, outcome: 'payback', obligation: 'pay', note: 'ACSL condition 2: a capitalist firm is not a permitted User' },
  { expression: ACSL, profile: { entity: 'worker-cooperative', equalVote: true, uses: ['distribute'] }, outcome: 'free', obligation: 'notice', note: 'ACSL conditions 2(d), 3: owners are workers with equal vote; no share-alike' },
  { expression: ACSL, profile: { entity: 'worker-cooperative', equalVote: false, uses: ['internal'] }, outcome: 'payback', obligation: 'pay', note: 'ACSL condition 3: equal equity and/or equal vote' },
  { expression: ACSL, profile: { entity: 'worker-cooperative', uses: ['internal'] }, outcome: 'payback', note: 'ACSL condition 3: equal vote not stated, assumed not' },
  { expression: ACSL, profile: { entity: 'nonprofit', uses: ['internal'], fields: ['law-enforcement'] }, outcome: 'forbidden', note: 'ACSL condition 4: not law enforcement or military, or working for or under either' },
  { expression: ACSL, profile: { entity: 'education', uses: ['internal'], fields: ['military'] }, outcome: 'forbidden', note: 'ACSL condition 4: a military academy is military' },
  { expression: ACSL, profile: { entity: 'individual' }, outcome: 'free', obligation: 'conduct', note: 'ACSL condition 2(a): an individual labouring for themselves' },
  { expression: ACSL, profile: { entity: 'public-sector', uses: ['internal'] }, outcome: 'payback', obligation: 'pay', note: 'ACSL condition 2: a government is not a listed User' },

  // Hippocratic
  { expression: 'Hippocratic-2.1', profile: { entity: 'for-profit' }, outcome: 'free', obligation: 'conduct', note: 'HL 2.1 Compliance 2: anyone, within Human Rights Laws' },
  { expression: 'Hippocratic-2.1', profile: { entity: 'for-profit', uses: ['distribute', 'modify'] }, outcome: 'free', obligation: 'state-changes', note: 'HL 2.1 Notice: only the unmodified portion stays under the licence; mark changes' },
  { expression: 'Hippocratic-3.0-core', profile: { entity: 'for-profit', uses: ['internal'] }, outcome: 'free', obligation: 'conduct', note: 'HL3 core §2.1 grant, subject to §3 standards' },
  { expression: 'Hippocratic-3.0-core', profile: { entity: 'for-profit', uses: ['distribute', 'modify'] }, outcome: 'share-alike', obligation: 'share-alike', note: 'HL3 §5.2: derivative works distributed under this licence' },
  { expression: 'Hippocratic-3.0-core', profile: { entity: 'for-profit', uses: ['internal'], fields: ['military'] }, outcome: 'free', obligation: 'conduct', note: 'HL3 core bans no sector by name; the military ban is a module' },
  { expression: HL3, profile: { entity: 'for-profit', uses: ['internal'] }, outcome: 'payback', obligation: 'pay', note: 'HL3 with unknown modules: NC assumed, strictly' },
  { expression: HL3, profile: { entity: 'for-profit', uses: ['internal'] }, outcome: 'payback', obligation: 'pay', note: 'HL3 Non-Commercial Use module blocks commercial use', parameters: { [HL3]: { modules: ['NC', 'MIL'] } } },
  { expression: HL3, profile: { ...coop, uses: ['internal'] }, outcome: 'payback', obligation: 'pay', note: 'HL3 NC module: a worker co-op still "intends a commercial use"', parameters: { [HL3]: { modules: ['NC'] } } },
  { expression: HL3, profile: { entity: 'nonprofit', uses: ['internal'] }, outcome: 'free', obligation: 'conduct', note: 'HL3 NC module: non-commercial use is fine', parameters: { [HL3]: { modules: ['NC'] } } },
  { expression: HL3, profile: { entity: 'for-profit', uses: ['internal'], fields: ['military'] }, outcome: 'forbidden', note: 'HL3 Military Activities module (3.1.20)', parameters: { [HL3]: { modules: ['MIL', 'SV'] } } },
  { expression: HL3, profile: { entity: 'for-profit', uses: ['internal'], fields: ['military'] }, outcome: 'free', obligation: 'conduct', note: 'HL3 without MIL: no military ban', parameters: { [HL3]: { modules: ['BDS', 'ECO'] } } },
  { expression: HL3, profile: { entity: 'public-sector', uses: ['internal'], fields: ['immigration-enforcement'] }, outcome: 'forbidden', note: 'HL3 Law Enforcement module (3.1.21): federal law enforcement agencies and their suppliers', parameters: { [HL3]: { modules: ['LAW'] } } },
  { expression: HL3, profile: { entity: 'for-profit', uses: ['internal'], fields: ['mining'] }, outcome: 'forbidden', note: 'HL3 Extractive Industries module (3.1.13): "mineral exploration, extraction, development, or sale"', parameters: { [HL3]: { modules: ['EXTR'] } } },
  { expression: HL3, profile: { entity: 'for-profit', uses: ['distribute'] }, outcome: 'share-alike', obligation: 'share-alike', note: 'HL3 Copyleft module (8.3): the derivative work "in its entirety"', parameters: { [HL3]: { modules: ['CL'] } } },

  // Do No Harm, Anti-996, JSON
  { expression: DNH, profile: { entity: 'for-profit' }, outcome: 'free', obligation: 'conduct', note: 'Do No Harm §3–§4: Apache-style grants to anyone not excluded by §5(5)' },
  { expression: DNH, profile: { entity: 'for-profit', fields: ['gambling'] }, outcome: 'forbidden', note: 'Do No Harm §5(5)(1): gambling is a listed harm' },
  { expression: DNH, profile: { entity: 'for-profit', uses: ['internal'], fields: ['nuclear-energy'] }, outcome: 'forbidden', note: 'Do No Harm 0.1 §5(5)(1): nuclear energy is a listed harm in 0.1' },
  { expression: ANTI996, profile: { entity: 'for-profit' }, outcome: 'free', obligation: 'conduct', note: 'Anti-996 conditions 2–3: labour-law compliance' },
  { expression: `MIT AND ${ANTI996}`, profile: {}, outcome: 'free', obligation: 'conduct', note: 'the usual pairing with MIT: both free, the conduct obligation carried' },
  { expression: 'JSON', profile: { entity: 'for-profit', uses: ['distribute'] }, outcome: 'unknown', note: 'JSON: "shall be used for Good, not Evil" defines neither; no profile fact settles it' },
  { expression: 'MIT AND JSON', profile: { entity: 'worker-cooperative', uses: ['internal'] }, outcome: 'unknown', note: 'JSON: the undefined condition binds every user, as real packages declare it with MIT' },

  // Creative Commons
  { expression: 'CC-BY-NC-4.0', profile: { entity: 'for-profit' }, outcome: 'payback', obligation: 'pay', note: 'CC BY-NC 4.0 §2(a)(1): NonCommercial purposes only (§1(i))' },
  { expression: 'CC-BY-NC-4.0', profile: { ...coop, uses: ['internal'] }, outcome: 'payback', obligation: 'pay', note: 'CC BY-NC 4.0 §1(i): a co-op business uses it for commercial advantage; no co-op exemption' },
  { expression: 'CC-BY-NC-4.0', profile: { entity: 'nonprofit' }, outcome: 'free', obligation: 'attribution', note: 'CC BY-NC 4.0 §3(a)' },
  { expression: 'CC-BY-NC-3.0', profile: { entity: 'worker-cooperative', uses: ['internal'] }, outcome: 'payback', obligation: 'pay', note: 'CC BY-NC 3.0 §4(b): not "directed toward commercial advantage"' },
  { expression: 'CC-BY-NC-SA-4.0', profile: { entity: 'education', uses: ['distribute', 'modify'] }, outcome: 'share-alike', obligation: 'share-alike', note: 'CC BY-NC-SA 4.0 §3(b): shared Adapted Material under the same licence' },
  { expression: 'CC-BY-NC-SA-4.0', profile: { entity: 'nonprofit', uses: ['network', 'modify'] }, outcome: 'share-alike', obligation: 'share-alike', note: 'CC BY-NC-SA 4.0 §1(l): Share includes making available to the public online' },
  { expression: 'CC-BY-NC-SA-4.0', profile: { entity: 'individual', uses: ['distribute'] }, outcome: 'free', obligation: 'attribution', note: 'CC BY-NC-SA 4.0 §3(b) is about Adapted Material; sharing it unmodified is attribution only' },
  { expression: 'CC-BY-NC-SA-3.0', profile: { entity: 'for-profit', uses: ['internal'] }, outcome: 'payback', obligation: 'pay', note: 'CC BY-NC-SA 3.0 §4(c): the NC restriction' },
  { expression: 'CC-BY-NC-SA-3.0', profile: { entity: 'nonprofit', uses: ['distribute', 'modify'] }, outcome: 'share-alike', obligation: 'share-alike', note: 'CC BY-NC-SA 3.0 §4(b): Adaptations only under the same licence' },
  { expression: 'CC-BY-NC-ND-3.0', profile: { entity: 'for-profit' }, outcome: 'payback', obligation: 'pay', note: 'CC BY-NC-ND 3.0 §4(b)' },
  { expression: 'CC-BY-NC-ND-3.0', profile: { entity: 'nonprofit', uses: ['internal', 'modify'] }, outcome: 'payback', obligation: 'pay', note: 'CC BY-NC-ND 3.0 §3 grants no right to make Adaptations' },
  { expression: 'CC-BY-NC-ND-4.0', profile: { entity: 'nonprofit', uses: ['internal', 'modify'] }, outcome: 'free', obligation: 'conduct', note: 'CC BY-NC-ND 4.0 §2(a)(1)(B): produce and reproduce Adapted Material, but not Share it' },
  { expression: 'CC-BY-NC-ND-4.0', profile: { entity: 'nonprofit', uses: ['distribute', 'modify'] }, outcome: 'payback', obligation: 'pay', note: 'CC BY-NC-ND 4.0 §2(a)(1)(B): sharing Adapted Material needs the licensor\'s permission' },
  { expression: 'CC-BY-SA-4.0', profile: { entity: 'for-profit', uses: ['distribute', 'modify'] }, outcome: 'share-alike', obligation: 'share-alike', note: 'CC BY-SA 4.0 §3(b)' },
  { expression: 'CC-BY-SA-4.0', profile: { entity: 'for-profit', uses: ['distribute'] }, outcome: 'free', obligation: 'attribution', note: 'CC BY-SA 4.0 §2(a)(1)(A), §3(a): unmodified sharing only needs attribution, commercial included' },

  // Expressions
  { expression: 'CC-BY-NC-4.0 OR MIT', profile: { entity: 'for-profit' }, outcome: 'free', note: 'the user may choose MIT' },
  { expression: `PPL OR ${CNPL7}`, profile: { ...coop, uses: ['internal'] }, outcome: 'free', note: 'both copyfarleft branches are free for a surplus-sharing co-op' },
  { expression: `${NVPL7} AND ${ACSL}`, profile: { entity: 'for-profit', uses: ['internal'] }, outcome: 'payback', obligation: 'conduct', note: 'AND: the worst outcome (ACSL condition 2) with the union of obligations (NVPL conditions)' },
];
