import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flowJsonSchema, FLOW_JSON_SCHEMA_ID } from '../../../runtime/src/schema/jsonSchema';
import { generateFlow } from '../../../runtime/src/testing/generateFlow';
import { compileFlowJsonSchema } from './ajv';
import { validDocument, validNodes } from './fixtures';

const root = new URL('../../../', import.meta.url);

describe('flow JSON Schema', () => {
  it('the committed runtime/flow.schema.json matches the zod schema', () => {
    const committed = JSON.parse(readFileSync(new URL('runtime/flow.schema.json', root), 'utf8'));
    expect(committed, 'runtime/flow.schema.json is stale: run npm run schema:json').toEqual(flowJsonSchema());
  });

  it('is a 2020-12 schema with a stable id and title', () => {
    expect(flowJsonSchema()).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: FLOW_JSON_SCHEMA_ID,
      title: expect.any(String),
    });
  });

  const validate = compileFlowJsonSchema();

  it('accepts valid documents: a full one, a minimal one, a generated one and every sample', () => {
    const samples = readdirSync(new URL('samples/', root))
      .filter((f) => f.endsWith('.flow.json'))
      .map((f) => JSON.parse(readFileSync(new URL(`samples/${f}`, root), 'utf8')));
    const docs = [
      validDocument(),
      { schemaVersion: 2, id: 'f', name: 'Minimal', nodes: [validNodes.start], edges: [] },
      JSON.parse(JSON.stringify(generateFlow(60))),
      ...samples,
    ];
    for (const doc of docs) {
      expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it.each([
    ['an unknown node kind', (d: any) => (d.nodes[0].type = 'teleport'), '/nodes/0'],
    ['an unknown field', (d: any) => (d.nodes[1].data.colour = 'red'), '/nodes/1'],
    ['a missing name', (d: any) => delete d.name, ''],
    ['a numeric edge handle', (d: any) => (d.edges[0].sourceHandle = 3), '/edges/0/sourceHandle'],
    ['a future schema version', (d: any) => (d.schemaVersion = 3), '/schemaVersion'],
    ['a bad opening time', (d: any) => (d.settings.businessHours.weekly[0].open = '9am'), '/settings/businessHours/weekly/0/open'],
  ])('rejects %s', (_name, corrupt, instancePath) => {
    const doc = validDocument();
    corrupt(doc);
    expect(validate(doc)).toBe(false);
    expect(validate.errors!.map((e) => e.instancePath)).toContain(instancePath);
  });
});
