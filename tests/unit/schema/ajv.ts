import Ajv2020 from 'ajv/dist/2020';
import { flowJsonSchema } from '../../../runtime/src/schema/jsonSchema';

/** The published JSON Schema compiled by an independent validator, as outside tools would use it. */
export function compileFlowJsonSchema() {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  return ajv.compile(flowJsonSchema());
}
