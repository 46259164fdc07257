import { z } from 'zod';
import { flowDocumentSchema } from './flow';

export const FLOW_JSON_SCHEMA_ID = 'https://switchboard.dev/schema/flow.schema.json';

/**
 * The flow document as JSON Schema, for tools outside this codebase. It describes what a
 * user may write (`io: 'input'`), so fields with defaults are optional. Checks zod runs as
 * code (time zones) cannot be expressed and are left to `parseFlowDocument`.
 */
export function flowJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(flowDocumentSchema, { io: 'input', target: 'draft-2020-12' });
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: FLOW_JSON_SCHEMA_ID,
    title: 'Switchboard flow document',
    description: 'A customer-service chatbot flow: nodes and edges in React Flow shape, variables and settings.',
    ...rest,
  };
}
