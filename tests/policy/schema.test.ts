// The config's JSON Schema (for editors) accepts what copyfair accepts and rejects what it rejects.
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { expect, it } from 'vitest';
import { parse } from 'yaml';
import { CONFIG_KEYS, IGNORE_KEYS, PROFILE_KEYS } from '../../src/policy/reader.js';

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
