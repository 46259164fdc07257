import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { flowJsonSchema } from '../src/schema/jsonSchema';

/** Where the published JSON Schema lives; a unit test keeps it equal to the zod schema. */
const FLOW_SCHEMA_FILE = fileURLToPath(new URL('../flow.schema.json', import.meta.url));

writeFileSync(FLOW_SCHEMA_FILE, `${JSON.stringify(flowJsonSchema(), null, 2)}\n`);
console.log(`wrote ${FLOW_SCHEMA_FILE}`);
