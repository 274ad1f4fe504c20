// The JSON Schema editors use says the same as the TypeScript types the engine uses.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { ENTITIES, FAMILIES, OBLIGATION_KINDS, OUTCOMES, SHARE_SCOPES, SHARE_TRIGGERS, USES } from '../../src/types.js';

const schema = JSON.parse(readFileSync('schemas/licence.schema.json', 'utf8')) as { definitions: Record<string, { enum?: string[]; properties?: Record<string, { enum?: string[] }> }> };
const definitions = schema.definitions;

it.each([
  ['family', FAMILIES],
  ['outcome', OUTCOMES],
  ['entity', ENTITIES],
  ['use', USES],
  ['shareScope', SHARE_SCOPES],
  ['obligationKind', OBLIGATION_KINDS],
])('%s enum matches the TypeScript constant', (name, values) => {
  expect(definitions[name]!.enum).toEqual([...values]);
});

it('share-alike triggers match', () => {
  expect(definitions.obligation!.properties!.trigger!.enum).toEqual([...SHARE_TRIGGERS]);
});
