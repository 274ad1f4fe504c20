// The Peer Production License (SPDX `PPL`), from its text: §4(c) reserves commercial use to
// worker-owned businesses sharing all surplus; §4(d) bars any use by a capitalist firm.
import type { Case } from './case.js';

export const cases: Case[] = [
  { expression: 'PPL', profile: { entity: 'for-profit' }, outcome: 'payback', obligation: 'pay', note: '§4(d): any use by a private business living off wage labour is not permitted' },
  { expression: 'PPL', profile: { entity: 'for-profit', uses: ['internal'] }, outcome: 'payback', obligation: 'pay', note: '§4(d) reaches internal use too' },
  { expression: 'PPL', profile: {}, outcome: 'payback', obligation: 'pay', note: 'an unstated entity is a for-profit' },
  { expression: 'PPL', profile: { entity: 'worker-cooperative', surplusToWorkers: true, uses: ['internal'] }, outcome: 'free', obligation: 'attribution', note: '§4(c)(i)-(ii): worker-owned and all surplus to the worker-owners' },
  { expression: 'PPL', profile: { entity: 'worker-cooperative', surplusToWorkers: true, uses: ['distribute'] }, outcome: 'share-alike', obligation: 'share-alike', note: '§4(a): the Work is distributed only under the PPL' },
  { expression: 'PPL', profile: { entity: 'worker-cooperative', surplusToWorkers: false }, outcome: 'payback', obligation: 'pay', note: '§4(c)(ii): surplus kept back disqualifies' },
  { expression: 'PPL', profile: { entity: 'worker-cooperative' }, outcome: 'payback', obligation: 'pay', note: 'surplus distribution unstated: assumed not all distributed' },
  { expression: 'PPL', profile: { entity: 'nonprofit', uses: ['internal', 'modify'] }, outcome: 'free', obligation: 'attribution', note: 'non-commercial use is granted by §3' },
  { expression: 'PPL', profile: { entity: 'individual', uses: ['distribute'] }, outcome: 'share-alike', obligation: 'share-alike', note: '§4(a) on redistribution' },
  { expression: 'ppl', profile: { entity: 'for-profit' }, outcome: 'payback', obligation: 'pay', note: 'SPDX ids match case-insensitively' },
];
