// The config's JSON Schema (for editors) accepts what copyfair accepts and rejects what it rejects.
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadPolicy } from '../../src/policy/index.js';
import { CONFIG_KEYS, IGNORE_KEYS, PROFILE_KEYS } from '../../src/policy/reader.js';
import { ENTITIES, OUTCOMES, USES } from '../../src/types.js';

const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addSchema(JSON.parse(readFileSync('schemas/licence.schema.json', 'utf8')), 'licence.schema.json');
const validate = ajv.compile(JSON.parse(readFileSync('schemas/config.schema.json', 'utf8')));
const yaml = (file: string) => parse(readFileSync(file, 'utf8'), { schema: 'core' }) as unknown;

it('accepts the example configs', () => {
  for (const file of ['fixtures/policy/demo-decided.yaml', 'docs/copyfair.example.yaml']) {
    const config = yaml(file) as Record<string, unknown>;
    expect(validate(config), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
  }
});

it('rejects the broken one', () => {
  expect(validate(yaml('fixtures/policy/broken.yaml'))).toBe(false);
});

it('knows the same keys as the validator', () => {
  const schema = JSON.parse(readFileSync('schemas/config.schema.json', 'utf8')) as { properties: Record<string, { properties?: object }> };
  expect(Object.keys(schema.properties).sort()).toEqual([...CONFIG_KEYS].sort());
  expect(Object.keys(schema.properties.profile!.properties!).sort()).toEqual([...PROFILE_KEYS].sort());
  expect(Object.keys(schema.properties.ignore!.properties!).sort()).toEqual([...IGNORE_KEYS].sort());
});

it('offers the same values as the validator', () => {
  const schema = JSON.parse(readFileSync('schemas/config.schema.json', 'utf8')) as {
    properties: { profile: { properties: Record<string, { enum?: string[]; items?: { enum?: string[] } }> }; 'dev-uses': { items: { enum: string[] } }; 'fail-on': { items: { enum: string[] } }; overrides: { items: { properties: { outcome: { enum: string[] } } } } };
  };
  expect(schema.properties.profile.properties.entity!.enum).toEqual([...ENTITIES]);
  expect(schema.properties.profile.properties.uses!.items!.enum).toEqual([...USES]);
  expect(schema.properties['dev-uses'].items.enum).toEqual([...USES]);
  expect(schema.properties['fail-on'].items.enum).toEqual([...OUTCOMES]);
  expect(schema.properties.overrides.items.properties.outcome.enum).toEqual([...OUTCOMES]);
});

it('agrees with the validator on every policy fixture', () => {
  const valid = (file: string) => {
    try {
      loadPolicy('.', { configPath: file });
      return true;
    } catch {
      return false;
    }
  };
  for (const file of ['fixtures/policy/demo-decided.yaml', 'fixtures/policy/demo-stale.yaml', 'fixtures/policy/private/copyfair.yaml', 'fixtures/policy/custom-licence/copyfair.yaml', 'fixtures/policy/types/copyfair.yaml', 'fixtures/policy/not-a-mapping/copyfair.yaml', 'docs/copyfair.example.yaml']) {
    expect(validate(yaml(file)), file).toBe(valid(file));
  }
});
