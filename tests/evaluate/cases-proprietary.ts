// Proprietary and commercial terms recognised from their words (src/identify/proprietary.ts): each
// row written from what such a text says, not from the engine's output. Never free for a user
// the text does not exempt.
import type { Case } from './case.js';

const COMMERCIAL = 'LicenseRef-scancode-commercial-license';
const SIZE = 'LicenseRef-copyfair-size-limited';
const REFERENCE = 'LicenseRef-copyfair-reference-source';
const RESERVED = 'LicenseRef-copyfair-all-rights-reserved';

export const cases: Case[] = [
  { expression: COMMERCIAL, profile: { entity: 'for-profit', uses: ['internal'] }, outcome: 'payback', obligation: 'pay', note: '"You must purchase a license before using this software": every use needs the paid licence' },
  { expression: COMMERCIAL, profile: { entity: 'nonprofit', uses: ['internal'] }, outcome: 'payback', obligation: 'pay', note: 'the text exempts no kind of user; a nonprofit buys the licence too' },
  { expression: SIZE, profile: { entity: 'for-profit', employees: 5 }, outcome: 'free', parameters: { [SIZE]: { freeBelowEmployees: 10 } }, note: '"free for companies with fewer than 10 employees": 5 is below the limit' },
  { expression: SIZE, profile: { entity: 'for-profit', employees: 10 }, outcome: 'payback', obligation: 'pay', parameters: { [SIZE]: { freeBelowEmployees: 10 } }, note: '"companies with 10 or more employees must buy a licence"' },
  { expression: SIZE, profile: { entity: 'for-profit' }, outcome: 'payback', obligation: 'pay', parameters: { [SIZE]: { freeBelowEmployees: 10 } }, note: 'an unstated head count is assumed over the limit (the strict reading)' },
  { expression: SIZE, profile: { entity: 'individual' }, outcome: 'free', parameters: { [SIZE]: { freeBelowEmployees: 10 } }, note: '"free for personal use"' },
  { expression: REFERENCE, profile: { entity: 'nonprofit', uses: ['internal'] }, outcome: 'forbidden', note: '"for reference purposes only … you may not use, copy, modify or distribute it"' },
  { expression: 'LicenseRef-scancode-digia-qt-commercial', profile: { entity: 'nonprofit', uses: ['internal'] }, outcome: 'payback', obligation: 'pay', note: 'ScanCode category Commercial (families/scancode-commercial.yaml): a direct commercial licence' },
  { expression: RESERVED, profile: { entity: 'individual', uses: ['internal'] }, outcome: 'forbidden', note: '"All rights reserved. No license is granted": nothing to comply with, no route offered' },
];
