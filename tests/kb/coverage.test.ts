// Every current SPDX id is covered exactly once: a curated entry, a family file, or deliberately
// unknown (families/unknown.yaml); deprecated ids are mapped by the engine, never listed.
import { readFileSync, readdirSync } from 'node:fs';
import { expect, it } from 'vitest';
import { parse } from 'yaml';
import { compileKnowledgeBase } from '../../src/kb/compile.js';
import { SPDX_DEPRECATED_IDS, SPDX_LICENCE_IDS } from '../../src/kb/spdx.js';

const { kb } = compileKnowledgeBase('licences');

it('covers every SPDX id once, and prints the coverage', () => {
  const where = new Map<string, string[]>();
  const note = (id: string, place: string) => where.set(id, [...(where.get(id) ?? []), place]);
  for (const terms of kb.terms) if (terms.kind === 'licence') note(terms.id, terms.curated ? 'curated' : terms.family);
  const missing = SPDX_LICENCE_IDS.filter((id) => !where.has(id));
  const twice = [...where].filter(([, places]) => places.length > 1);
  const counts: Record<string, number> = {};
  for (const id of SPDX_LICENCE_IDS) for (const place of where.get(id) ?? []) counts[place] = (counts[place] ?? 0) + 1;
  console.log(`knowledge-base coverage of ${SPDX_LICENCE_IDS.length} SPDX ids:`, JSON.stringify(counts));
  expect(missing).toEqual([]);
  expect(twice).toEqual([]);
});

it('lists no deprecated id, and gives every deliberately unknown id a reason', () => {
  const families = readdirSync('licences/families').map((file) => parse(readFileSync(`licences/families/${file}`, 'utf8')) as { ids: string[]; reasons?: Record<string, string>; family: string });
  const listed = families.flatMap((family) => family.ids);
  expect(listed.filter((id) => SPDX_DEPRECATED_IDS.includes(id))).toEqual([]);
  const unknown = families.find((family) => family.family === 'unknown')!;
  expect(unknown.ids.filter((id) => !unknown.reasons?.[id])).toEqual([]);
});

it('never makes an unreviewed id free', () => {
  const unknown = kb.terms.filter((terms) => terms.family === 'unknown');
  expect(unknown.length).toBeGreaterThan(0);
  for (const terms of unknown) expect(terms.rules).toEqual([]);
});

it('reads the ids moved out of the unknown family as what their texts say, and leaves their near twins unknown', async () => {
  const { evaluate } = await import('../../src/evaluate/index.js');
  const { createKnowledgeBase } = await import('../../src/kb/index.js');
  const base = createKnowledgeBase(kb);
  const profile = { entity: 'for-profit' as const, uses: ['distribute' as const] };
  // Caldera-no-preamble, read: the four BSD clauses with Caldera's names (unix-crypt-td-js ships it).
  expect(evaluate('Caldera-no-preamble', profile, { kb: base }).outcome).toBe('free');
  // Caldera's preamble limits the grant to named UNIX systems: a person must read it.
  expect(evaluate('Caldera', profile, { kb: base }).outcome).toBe('unknown');
  // The Repoze Public License (BSD-3-Clause-Modification; pyramid, translationstring, venusian),
  // read: the three BSD clauses and marking modified files. Free, with the changes to be marked.
  const repoze = evaluate('BSD-3-Clause-Modification', { ...profile, uses: ['distribute', 'modify'] }, { kb: base });
  expect(repoze.outcome).toBe('free');
  expect(repoze.obligations.map((obligation) => obligation.kind)).toContain('state-changes');
  // OpenSSL's licence with SSLeay's below it, read: "free for commercial and non-commercial use"
  // with acknowledgements and naming rules (every package that bundles OpenSSL or BoringSSL).
  const openssl = evaluate('OpenSSL', profile, { kb: base });
  expect(openssl.outcome).toBe('free');
  expect(openssl.obligations.map((obligation) => obligation.kind).sort()).toEqual(['attribution', 'conduct', 'notice']);
  expect(evaluate('OpenSSL-standalone', profile, { kb: base }).outcome).toBe('free');
  expect(evaluate('SSLeay-standalone', profile, { kb: base }).outcome).toBe('free');
  // Its near twins that forbid military or nuclear use stay for a person to read.
  expect(evaluate('BSD-3-Clause-No-Military-License', profile, { kb: base }).outcome).toBe('unknown');
  expect(evaluate('BSD-3-Clause-No-Nuclear-License', profile, { kb: base }).outcome).toBe('unknown');
  // Creative Commons ShareAlike 1.0, read: §4(a)-(b) put the Work and Derivative Works under this
  // licence only, as CC-BY-SA-1.0 does; nothing is set off inside an organisation.
  expect(evaluate('CC-SA-1.0', profile, { kb: base }).outcome).toBe('share-alike');
  expect(evaluate('CC-SA-1.0', { ...profile, uses: ['internal'] }, { kb: base }).outcome).toBe('free');
});
